import { getEventListeners } from "node:events";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { LoginCallOptions } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

// A login leaves nothing behind once it has settled: no pending timer (a CLI would stay alive until the timeout) and
// no listener on the caller's signal (a long-lived signal shared by many calls would pile them up).
const OUTCOMES: Array<[string, (request: Request, init?: RequestInit) => Response | Promise<Response>]> = [
  ["a success", () => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 })],
  ["a refusal", () => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." })],
  ["a network failure", () => Promise.reject(new TypeError("fetch failed"))],
  ["a body that is not JSON", () => new Response("<html>", { status: 200 })],
];

const never = () => new Promise<Response>(() => {});

describe("a settled login leaves no timer and no listener behind", () => {
  afterEach(() => vi.useRealTimers());

  test.each(OUTCOMES)("after %s, the timeout timer is cleared", async (_what, handler) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { client } = clientWith(handler, { timeoutMs: 60_000 });
    await client.login(PAGE.credentials);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("after a caller's abort, the timeout timer is cleared", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { client } = clientWith(never, { timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = client.login(PAGE.credentials, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: "abort" } });
    expect(vi.getTimerCount()).toBe(0);
  });

  test.each(OUTCOMES)("after %s, the caller's signal has no listener left", async (_what, handler) => {
    const { client } = clientWith(handler);
    const { signal } = new AbortController();
    await client.login(PAGE.credentials, { signal });
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  test("after a timeout, the caller's signal has no listener left", async () => {
    const { client } = clientWith(never);
    const { signal } = new AbortController();
    expect(await client.login(PAGE.credentials, { signal, timeoutMs: 10 })).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  test("one signal shared by many calls does not collect listeners", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const { signal } = new AbortController();
    const call: LoginCallOptions = { signal };
    for (let i = 0; i < 20; i++) await client.login(PAGE.credentials, call);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  test("while a call is in flight, the caller's signal does reach it", async () => {
    let listening = 0;
    const { signal } = new AbortController();
    const { client } = clientWith(() => {
      listening = getEventListeners(signal, "abort").length;
      return json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
    });
    await client.login(PAGE.credentials, { signal });
    expect(listening).toBe(1);
  });

  test("aborting after the call settled changes nothing and throws nothing", async () => {
    const controller = new AbortController();
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const result = await client.login(PAGE.credentials, { signal: controller.signal });
    expect(() => controller.abort()).not.toThrow();
    expect(result.ok).toBe(true);
  });
});
