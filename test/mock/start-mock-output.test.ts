import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { PAGE_BODY, PAGE_HEADERS } from "../helpers/mock.js";

const login = (url: string) => fetch(`${url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY, signal: AbortSignal.timeout(5_000) }).then((r) => r.status);

// Each mock started here costs seconds of CPU (the server process loads Prism's engine), so the tests that only read
// what one mock said share it: one silent mock (the default), one at log level info, each started and stopped once.
describe("startMock: the server's output and the edges of its options", () => {
  describe("by default (silent)", () => {
    let mock: RunningMock;
    beforeAll(async () => {
      mock = await startMock();
    }, 60_000);
    afterAll(() => mock?.stop());

    test("sends a different X-Request-Id with every answer, of the documented shape", async () => {
      const ids = new Set<string | null>();
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: i % 2 ? "{}" : PAGE_BODY });
        await response.arrayBuffer();
        ids.add(response.headers.get("x-request-id"));
      }
      expect(ids.size).toBe(5);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    });

    // Last in this block: it stops the shared mock.
    test("is silent: a stopped mock's exit reason has no output in it", async () => {
      expect(await login(mock.url)).toBe(200);
      await mock.stop();
      expect((await mock.exited).reason).toBe("Prism exited with code 0");
    });
  });

  describe("at log level info", () => {
    // One mock: a good login, then one violation the engine finds (a missing property) and one only the mock finds (a
    // byte order mark), then stopped; the tests read its exit reason.
    let reason: string;
    beforeAll(async () => {
      const mock = await startMock({ logLevel: "info" });
      const post = (headers: Record<string, string>, body: string) =>
        fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) }).then((r) => r.status);
      try {
        expect(await login(mock.url)).toBe(200);
        expect(await post(PAGE_HEADERS, JSON.stringify({ mobile: "12345678901" }))).toBe(400);
        expect(await post(PAGE_HEADERS, `\uFEFF${PAGE_BODY}`)).toBe(400);
      } finally {
        await mock.stop();
      }
      reason = (await mock.exited).reason;
    }, 60_000);

    test("keeps the tail of the server's log for the exit reason, trimmed", () => {
      expect(reason).toMatch(/^Prism exited with code 0: [\s\S]*\[mock\] info POST \/api\/v2\/sdk\/login\/mobile-verify-code: Request received/);
      expect(reason).toBe(reason.trim());
    });

    test("logs each request violation once (Prism's engine logs its own; the mock adds only those it found)", () => {
      expect(reason.match(/verify_code/g), reason).toHaveLength(1);
      expect(reason.match(/byte order mark/g), reason).toHaveLength(1);
    });
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
