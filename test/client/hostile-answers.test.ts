import { createServer } from "node:net";
import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { createLoginClient, ResponseFormatError, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const { mobile, verify_code } = PAGE.credentials;
const SECRETS = [mobile, verify_code];

/** Every way an error can be shown, of the error and of each cause down its chain. */
function views(result: LoginResult): string[] {
  if (result.ok) throw new Error("expected a failure");
  const out: string[] = [];
  for (let e: unknown = result.error; e !== undefined; e = (e as Error).cause) {
    out.push(String(e), JSON.stringify(e) ?? "", inspect(e, { depth: Infinity, showHidden: true }));
    if (e instanceof Error) out.push(e.message, e.stack ?? "");
  }
  out.push(inspect(result, { depth: Infinity, showHidden: true }), JSON.stringify(result));
  return out;
}

const expectNoSecret = (result: LoginResult) => {
  for (const view of views(result)) for (const secret of SECRETS) expect(view).not.toContain(secret);
};

describe("POST /api/v2/sdk/login/mobile-verify-code: a hostile server", () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  test("a reason phrase echoing the credentials is never shown", async () => {
    const server = await localServer((res) => {
      res.statusMessage = `Busy for ${mobile} code ${verify_code}`;
      res.writeHead(503).end();
    });
    closing.push(server.close);
    const result = await createLoginClient({ ...PAGE.options, baseUrl: server.url }).login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 503 } });
    expect(!result.ok && result.error.message).toBe(`OneAccess answered HTTP 503: POST ${server.url}/api/v2/sdk/login/mobile-verify-code`);
    // Still there for the code that asks, on the raw response.
    expect(result.response?.statusText).toBe(`Busy for ${mobile} code ${verify_code}`);
    expectNoSecret(result);
  });

  test("a malformed reply echoing the request keeps no raw bytes in the cause chain", async () => {
    // A raw TCP server: undici's parser error keeps the reply bytes on cause.cause.data.
    const server = createServer((socket) =>
      socket.once("data", () => socket.end(`HTTP/1.1 200 OK\r\nContent-Length: x${mobile}\r\n\r\n${verify_code}`)),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closing.push(() => new Promise((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const result = await createLoginClient({ ...PAGE.options, baseUrl: `http://127.0.0.1:${port}` }).login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expectNoSecret(result);
  });

  test("a custom fetch's nested causes and own properties never reach the error", async () => {
    const inner = Object.assign(new Error(`inner ${verify_code}`), { data: Buffer.from(mobile), code: "ECONNRESET" });
    const outer = Object.assign(new TypeError("fetch failed", { cause: inner }), { body: { mobile, verify_code } });
    const { client } = clientWith(() => Promise.reject(outer));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    if (result.ok) return;
    expect(result.error.message).toBe("Request failed (TypeError < Error ECONNRESET): POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code");
    expect(result.error.cause).toMatchObject({ name: "TypeError", message: "", cause: { message: "ECONNRESET", code: "ECONNRESET" } });
    expect(result.error.cause).not.toBe(outer);
    expectNoSecret(result);
  });

  test("an error whose message getter throws is still a NetworkError", async () => {
    const hostile = Object.defineProperty(new Error(), "message", { get: () => { throw new Error(mobile); } });
    const { client } = clientWith(() => Promise.reject(hostile));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expectNoSecret(result);
  });
});

describe("POST /api/v2/sdk/login/mobile-verify-code: bounded reading", () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  test("a 200 answer larger than the cap is a ResponseFormatError, and the server sees the connection dropped", async () => {
    let closed!: () => void;
    const dropped = new Promise<void>((resolve) => (closed = resolve));
    let written = 0;
    const server = await localServer((res) => {
      res.socket?.on("close", closed);
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, " ");
      res.write('{"status":"SUCCESS","pad":"');
      // Writes until the client goes away: an endless answer.
      const pump = () => {
        while (!res.destroyed && written < 1024 ** 3 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    closing.push(server.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, maxResponseBytes: 100_000 });
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "format", status: 200 } });
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ResponseFormatError);
    expect(result.error.message).toContain("a body larger than 100000 bytes");
    await dropped;
    expect(written).toBeLessThan(64 * 1024 ** 2);
  });

  test.each([200, 400, 503])("the cap holds for an HTTP %i answer (default 64 KiB)", async (status) => {
    const { client } = clientWith(() => new Response(JSON.stringify({ error_code: "X", error_msg: "y".repeat(70_000) }), { status }));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "format", status } });
  });

  test("a body in many chunks, with a character split between two, is read whole", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800, data: "café ✓" }));
    const split = bytes.indexOf(0xc3) + 1; // inside "é"
    const body = new ReadableStream({
      start(c) {
        c.enqueue(bytes.slice(0, split));
        c.enqueue(bytes.slice(split));
        c.close();
      },
    });
    const { client } = clientWith(() => new Response(body, { status: 200 }));
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, body: { data: "café ✓" } });
  });

  test("an answer exactly at the cap is read", async () => {
    const body = JSON.stringify({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800, data: "" });
    const padded = body.replace('""', `"${" ".repeat(1000 - body.length)}"`);
    const { client } = clientWith(() => json(200, JSON.parse(padded)), { maxResponseBytes: 1000 });
    expect(new TextEncoder().encode(padded).length).toBe(1000);
    expect((await client.login(PAGE.credentials)).ok).toBe(true);
  });

  test.each([0, -1, 1.5, "64k", Infinity])("maxResponseBytes %j is a ConfigError", (maxResponseBytes) => {
    expect(() => createLoginClient({ ...PAGE.options, maxResponseBytes } as never)).toThrow("maxResponseBytes must be a positive integer");
  });
});
