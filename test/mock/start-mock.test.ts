import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { MockError, startMock } from "../../src/mock/index.js";
import { LOGIN_PATH } from "../../src/index.js";
import { schemaValidator } from "../helpers/spec.js";

const PAGE_HEADERS = {
  "Content-Type": "application/json;charset=utf8",
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-agent": "a",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
};

const answers = async (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

describe("startMock: the mock for a consumer's own tests", () => {
  test("picks free ports, so two mocks run side by side, and stop() frees them", async () => {
    const [a, b] = await Promise.all([startMock(), startMock()]);
    expect(a.port).not.toBe(b.port);
    expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
    const response = await fetch(`${a.url}${LOGIN_PATH}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(response.status).toBe(400);
    await Promise.all([a.stop(), b.stop(), a.stop()]);
    expect(await answers(a.url)).toBe(false);
    expect(await answers(b.url)).toBe(false);
    // `exited` resolves as stopped after stop().
    expect(await a.exited).toMatchObject({ stopped: true });
    expect(await b.exited).toMatchObject({ stopped: true });
  });

  test("listens on the port it is given", async () => {
    const probe = createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, "127.0.0.1", () => resolve((probe.address() as { port: number }).port)));
    await new Promise((resolve) => probe.close(resolve));
    const mock = await startMock({ port });
    try {
      expect(mock.url).toBe(`http://127.0.0.1:${port}`);
      expect(await answers(mock.url)).toBe(true);
    } finally {
      await mock.stop();
    }
  });

  // A spec that cannot be read: start-mock-options.test.ts ("says why Prism exited").

  test("in dynamic mode generates varied, schema-valid bodies", async () => {
    const mock = await startMock({ dynamic: true });
    const valid = schemaValidator("LoginResponse");
    try {
      const bodies = [];
      for (let i = 0; i < 25; i++) {
        const response = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: '{"mobile":"12345678901","verify_code":"232326"}' });
        expect(response.status).toBe(200);
        bodies.push(await response.json());
      }
      for (const body of bodies) expect(valid(body)).toEqual([]);
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBeGreaterThan(1);
    } finally {
      await mock.stop();
    }
  });

  test.each([-1, 70_000, 1.5])("refuses port %s", async (port) => {
    await expect(startMock({ port })).rejects.toMatchObject({ kind: "invalid-options", message: "port must be an integer from 0 to 65535" });
  });
}, 60_000);
