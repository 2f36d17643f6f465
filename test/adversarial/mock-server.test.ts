// Adversarial probes against docs/mock-server.md: a caller that never stops sending a request body.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { createMockFetch } from "../../src/testing/index.js";

const HEADERS = "Content-Type: application/json;charset=utf8\r\nX-operating-sys-version: A\r\nX-device-fingerprint: f\r\nX-agent: a\r\nX-client-id: c\r\n";

/** Sends a chunked body that never ends to `url`, as fast as the server reads it; resolves with the first bytes of the answer, or "" after `ms`. */
function endlessUpload(url: string, ms: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(finish, ms);
    const chunk = `10000\r\n${" ".repeat(0x10000)}\r\n`;
    const pump = () => {
      while (!done && !answer && socket.write(chunk));
    };
    socket.on("data", (data) => ((answer += data), finish()));
    socket.on("error", finish).on("close", finish).on("drain", pump);
    socket.write(`POST /api/v2/sdk/login/mobile-verify-code HTTP/1.1\r\nHost: x\r\n${HEADERS}Transfer-Encoding: chunked\r\n\r\n`);
    pump();
  });
}

describe("adversarial: the mock server (docs/mock-server.md)", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  }, 60_000);
  afterAll(async () => {
    await mock?.stop();
  });

  test("'a body over 10 MiB (the mock reads no further)' gets the documented 400: a body that never ends", async () => {
    // The in-process mock does: it answers 400 once 10 MiB are read.
    const body = new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(0x10000).fill(32)) });
    const headers = Object.fromEntries(HEADERS.trim().split("\r\n").map((line) => line.split(": ") as [string, string]));
    const inProcess = await createMockFetch()(new Request("http://x/api/v2/sdk/login/mobile-verify-code", { method: "POST", body, headers, duplex: "half" } as RequestInit));
    expect(inProcess.status).toBe(400);
    // The mock server reads (and drops) the endless rest, and never answers: 5 s is hundreds of times 10 MiB on loopback.
    expect((await endlessUpload(mock.url, 5_000)).slice(0, 12)).toBe("HTTP/1.1 400");
  }, 30_000);

  test.each(["?__example=", "?__example"])(
    "'`Prefer` is read exactly as Prism reads it: ... Prism's `__code` / `__example` query parameters' (docs/testing.md): %s",
    async (query) => {
      const path = `/api/v2/sdk/login/mobile-verify-code${query}`;
      const headers = Object.fromEntries(HEADERS.trim().split("\r\n").map((line) => line.split(": ") as [string, string]));
      const init = { method: "POST", headers, body: JSON.stringify({ mobile: "12345678901", verify_code: "232326" }) };
      const prism = await fetch(mock.url + path, init);
      const inProcess = await createMockFetch()(new Request(`http://x${path}`, init));
      // Prism ignores an empty __example and answers the default 200; the in-process mock answers its 400.
      expect({ status: inProcess.status, body: await inProcess.text() }).toEqual({ status: prism.status, body: await prism.text() });
    },
  );
});
