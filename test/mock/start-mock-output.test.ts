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
