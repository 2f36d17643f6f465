import { getEventListeners } from "node:events";
import { describe, expect, test } from "vitest";
import type { LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

// One AbortSignal shared by many logins (a request-scoped or app-wide signal): the client listens to it once however
// many logins are in flight, every one of them still hears its abort, and the listener goes with the last of them.

const kindOf = (result: LoginResult) => (result.ok ? "ok" : result.error.kind);
const never = () => new Promise<Response>(() => {});
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

/** Resolves once `ready` holds, checking between turns of the event loop. */
async function until(ready: () => boolean) {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

describe("a signal shared by several logins", () => {
  test("twenty logins in flight on one signal: one listener between them, the abort ends every one, none left after", async () => {
    // A timeout well inside the test's: a login the abort did not reach ends as a timeout, not a hang.
    const { client, requests } = clientWith(never, { timeoutMs: 1_000 });
    const controller = new AbortController();
    const pending = Array.from({ length: 20 }, () => client.login(PAGE.credentials, { signal: controller.signal }));
    await until(() => requests.length == 20);
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect((await Promise.all(pending)).map(kindOf)).toEqual(Array(20).fill("abort"));
    expect(listeners(controller.signal)).toBe(0);
  });

  test("a login that ends first leaves the signal listening for the one still in flight", async () => {
    let calls = 0;
    const { client, requests } = clientWith(() => (calls++ ? json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }) : never()), { timeoutMs: 1_000 });
    const controller = new AbortController();
    const slow = client.login(PAGE.credentials, { signal: controller.signal });
    await until(() => requests.length == 1);
    expect(kindOf(await client.login(PAGE.credentials, { signal: controller.signal }))).toBe("ok");
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(kindOf(await slow)).toBe("abort");
    expect(listeners(controller.signal)).toBe(0);
  });

  test("a signal whose logins have all ended still reaches the next login given it", async () => {
    let calls = 0;
    const { client, requests } = clientWith(() => (calls++ ? never() : json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 })), { timeoutMs: 1_000 });
    const controller = new AbortController();
    expect(kindOf(await client.login(PAGE.credentials, { signal: controller.signal }))).toBe("ok");
    expect(listeners(controller.signal)).toBe(0);
    const next = client.login(PAGE.credentials, { signal: controller.signal });
    await until(() => requests.length == 2);
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(kindOf(await next)).toBe("abort");
  });
});

describe("what counts as a signal", () => {
  test("a function carrying a signal's members is not an AbortSignal: an InputError, and nothing is sent", async () => {
    const signal = Object.assign(() => {}, { aborted: false, addEventListener() {}, removeEventListener() {} });
    const { client, requests } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const result = await client.login(PAGE.credentials, { signal: signal as unknown as AbortSignal });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["signal must be an AbortSignal"] } });
    expect(requests).toHaveLength(0);
  });
});
