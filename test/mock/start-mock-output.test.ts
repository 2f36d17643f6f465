import { describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { startMock } from "../../src/mock/index.js";
import { PAGE_BODY, PAGE_HEADERS } from "../helpers/mock.js";

const login = (url: string) => fetch(`${url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY, signal: AbortSignal.timeout(5_000) }).then((r) => r.status);

describe("startMock: the server's output and the edges of its options", () => {
  test("is silent by default: a stopped mock's exit reason has no output in it", async () => {
    const mock = await startMock();
    expect(await login(mock.url)).toBe(200);
    await mock.stop();
    expect((await mock.exited).reason).toBe("Prism exited with code 0");
  });

  test("keeps the tail of the server's log for the exit reason, trimmed", async () => {
    const mock = await startMock({ logLevel: "info" });
    expect(await login(mock.url)).toBe(200);
    await mock.stop();
    const { reason } = await mock.exited;
    expect(reason).toMatch(/^Prism exited with code 0: [\s\S]*\[mock\] info POST \/api\/v2\/sdk\/login\/mobile-verify-code: Request received/);
    expect(reason).toBe(reason.trim());
  });

  test("logs each request violation once (Prism's engine logs its own; the mock adds only those it found)", async () => {
    const mock = await startMock({ logLevel: "info" });
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) }).then((r) => r.status);
    // One the engine finds (a missing property), one only the mock finds (a byte order mark).
    expect(await post(PAGE_HEADERS, JSON.stringify({ mobile: "12345678901" }))).toBe(400);
    expect(await post(PAGE_HEADERS, `\uFEFF${PAGE_BODY}`)).toBe(400);
    await mock.stop();
    const { reason } = await mock.exited;
    expect(reason.match(/verify_code/g), reason).toHaveLength(1);
    expect(reason.match(/byte order mark/g), reason).toHaveLength(1);
  });

  test("sends a different X-Request-Id with every answer, of the documented shape", async () => {
    const mock = await startMock();
    try {
      const ids = new Set<string | null>();
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: i % 2 ? "{}" : PAGE_BODY });
        await response.arrayBuffer();
        ids.add(response.headers.get("x-request-id"));
      }
      expect(ids.size).toBe(5);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await mock.stop();
    }
  });

  test("takes the highest port and a plain http upstream", async () => {
    for (const options of [{ port: 65_535 }, { upstream: "http://127.0.0.1:9" }]) {
      const mock = await startMock(options);
      try {
        expect(mock.port).toBeGreaterThan(0);
      } finally {
        await mock.stop();
      }
    }
  });
}, 60_000);
