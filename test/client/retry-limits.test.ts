import { afterEach, describe, expect, test, vi } from "vitest";
import type { LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

// The edges of the retry rules (retries.test.ts has the rules themselves): how far down a cause chain a "never sent"
// code is trusted, the exact Retry-After limits, and what an abort during a Retry-After wait leaves behind.

const kindOf = (result: LoginResult) => (result.ok ? "ok" : result.error.kind);

/** A fetch failure whose cause chain has `links` links below the thrown error, the last one carrying `code`. */
function chain(links: number, code: string): Error {
  let link: Error = Object.assign(new Error("connect failed"), { code });
  for (let i = 1; i < links; i++) link = new Error("wrapped", { cause: link });
  return new TypeError("fetch failed", { cause: link });
}

afterEach(() => vi.useRealTimers());

describe("retries: a never-sent code is looked for in the first five links of the cause chain only", () => {
  test("ECONNREFUSED on the fifth link (four below the thrown error) is retried", async () => {
    const { client, requests } = clientWith(() => Promise.reject(chain(4, "ECONNREFUSED")), { retry: { retries: 1 } });
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(requests).toHaveLength(2);
  });

  test("ECONNREFUSED on the sixth link is not trusted: not retried", async () => {
    const { client, requests } = clientWith(() => Promise.reject(chain(5, "ECONNREFUSED")), { retry: { retries: 3 } });
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(requests).toHaveLength(1);
  });

  test("a cyclic cause chain without a code ends the call (no hang) and is not retried", async () => {
    const { client, requests } = clientWith(
      () => {
        const error = new TypeError("fetch failed");
        const other = new Error("loop", { cause: error });
        Object.assign(error, { cause: other });
        return Promise.reject(error);
      },
      { retry: { retries: 3 } },
    );
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(requests).toHaveLength(1);
  });
});

describe("retries: what is not waited for, with onRetryAfter on", () => {
  test.each([
    ["a 503 without Retry-After", () => new Response("busy", { status: 503 })],
    ["a 429 whose Retry-After is past maxRetryAfterMs", () => new Response("busy", { status: 429, headers: { "Retry-After": "2" } })],
    ["a success", () => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 })],
    ["a refusal", () => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." })],
  ])("%s is answered after one request", async (_what, handler) => {
    const { client, requests } = clientWith(handler, { retry: { retries: 2, onRetryAfter: true, maxRetryAfterMs: 1_000 } });
    await client.login(PAGE.credentials);
    expect(requests).toHaveLength(1);
  });
});

describe("retries: the Retry-After limits are inclusive on the caller's side", () => {
  /** Answers 429 with this Retry-After first, then a success. */
  const busyOnce = (after: string) => {
    let calls = 0;
    return () => (calls++ ? json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }) : new Response("busy", { status: 429, headers: { "Retry-After": after } }));
  };

  test("a Retry-After of exactly maxRetryAfterMs is waited for", async () => {
    const { client, requests } = clientWith(busyOnce("0"), { retry: { retries: 1, onRetryAfter: true, maxRetryAfterMs: 0 } });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "SUCCESS" });
    expect(requests).toHaveLength(2);
  });

  test("a Retry-After that would end exactly at the call's timeout is not waited for: the 429 comes back at once", async () => {
    // The clock stands still, so the wait ends exactly when the timeout fires; the timers themselves are real.
    vi.useFakeTimers({ toFake: ["Date"] });
    const { client, requests } = clientWith(busyOnce("1"), { timeoutMs: 1_000, retry: { retries: 2, onRetryAfter: true } });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "http", status: 429, retryAfter: 1_000 } });
    expect(requests).toHaveLength(1);
  });
});

describe("retries: the caller's abort during a Retry-After wait", () => {
  test("ends the wait itself: no timer is left to keep the process alive, and nothing more is sent", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { client, requests } = clientWith(() => new Response("busy", { status: 429, headers: { "Retry-After": "30" } }), {
      timeoutMs: 60_000,
      retry: { retries: 2, onRetryAfter: true, maxRetryAfterMs: 60_000 },
    });
    const controller = new AbortController();
    const pending = client.login(PAGE.credentials, { signal: controller.signal });
    // The call's timeout and the Retry-After wait.
    while (vi.getTimerCount() < 2) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: "abort" } });
    expect(vi.getTimerCount()).toBe(0);
    // Whatever the loop does after the wait, it sends nothing: give it the turns it would need.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(requests).toHaveLength(1);
  });
});
