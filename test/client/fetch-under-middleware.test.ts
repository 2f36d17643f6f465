// The fetch call() puts under the middleware (src/client/pipeline/call.ts): what hooks are told and shown, which
// statuses a custom fetch may answer with, and what happens to the body of an answer that is not a plain 2xx (a
// redirect's is never read, any other is read up to the cap before the middleware sees a stand-in).
import type { Middleware } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { loginWithMobileVerifyCode, showMobileByStateToken } from "../../generated/operations.js";
import { call } from "../../src/client/pipeline/call.js";
import type { Transport } from "../../src/client/pipeline/transport.js";
import { json } from "../helpers/client.js";

const credentials = { mobile: "12345678901", verify_code: "232326" };
const SESSION = { status: "SUCCESS", session_token: "s-1", expire: 7200 };

/** A transport whose fetch answers with `answer`, through `middleware`. */
function transport(answer: () => Response | object, middleware: Middleware[] = [], maxResponseBytes = 65_536): Transport {
  return {
    baseUrl: "https://tenant.example.test",
    middleware,
    fetch: async () => answer() as Response,
    timeoutMs: 1_000,
    maxResponseBytes,
    retry: {},
    headers: () => [{ "X-client-id": "app-1" }, []],
  };
}

/** An answer a custom fetch may build: only the parts the client reads. */
const shaped = (status: number) => ({ status, ok: false, redirected: false, type: "default", headers: new Headers(), body: null });

/** A body stream that records whether it was cancelled. */
function watchedBody() {
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull: (c) => c.enqueue(new TextEncoder().encode("x".repeat(64))),
    cancel: () => void (state.cancelled = true),
  });
  return { body, state };
}

describe("what middleware hooks are told", () => {
  test("the operation's path, the headers sent, the base URL, and an empty id", async () => {
    const seen: unknown[] = [];
    const t = transport(() => json(200, { mobile: "123****8901" }), [{ onRequest: ({ schemaPath, params, options, id }) => void seen.push({ schemaPath, params, options, id }) }]);
    expect(await call(t, showMobileByStateToken, { state_token: "st-1" }, {})).toMatchObject({ ok: true });
    expect(seen).toEqual([
      {
        schemaPath: "/api/v2/sdk/mobile-by-token",
        params: { header: { "X-client-id": "app-1", "X-state-token": "st-1" } },
        options: { baseUrl: "https://tenant.example.test" },
        id: "",
      },
    ]);
  });

  test("a 2xx answer reaches onResponse as fetch returned it", async () => {
    const answer = json(200, SESSION);
    const seen: Response[] = [];
    const t = transport(() => answer, [{ onResponse: ({ response }) => void seen.push(response) }]);
    expect(await call(t, loginWithMobileVerifyCode, credentials, {})).toMatchObject({ ok: true, status: "SUCCESS" });
    expect(seen).toEqual([answer]);
    expect(seen[0]).toBe(answer);
  });

  test("any other answer reaches onResponse with its own status", async () => {
    const statuses: number[] = [];
    const t = transport(() => json(400, { error_code: "E1", error_msg: "m" }), [{ onResponse: ({ response }) => void statuses.push(response.status) }]);
    expect(await call(t, loginWithMobileVerifyCode, credentials, {})).toMatchObject({ ok: false, error: { kind: "api", code: "E1" } });
    expect(statuses).toEqual([400]);
  });
});

describe("statuses a custom fetch may answer with", () => {
  test("a status of 1000 or more is no HTTP status: a NetworkError", async () => {
    const result = await call(transport(() => shaped(1000)), loginWithMobileVerifyCode, credentials, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
  });

  test("a status below 200 is shown as it was (an HttpError 199)", async () => {
    const result = await call(transport(() => shaped(199)), loginWithMobileVerifyCode, credentials, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 199 } });
  });
});

describe("the body of a redirect is never read", () => {
  test("a 302's body is cancelled", async () => {
    const { body, state } = watchedBody();
    const result = await call(transport(() => new Response(body, { status: 302 })), loginWithMobileVerifyCode, credentials, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 302 } });
    expect(state.cancelled).toBe(true);
  });

  test("a followed redirect's 200 is an HttpError however large its body, which is cancelled", async () => {
    const { body, state } = watchedBody();
    const followed = () => Object.defineProperty(new Response(body, { status: 200 }), "redirected", { value: true });
    const result = await call(transport(followed, [], 16), loginWithMobileVerifyCode, credentials, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 200 } });
    expect(state.cancelled).toBe(true);
  });
});

test("a 200 whose JSON is a string breaks the contract (it is JSON, parsed once)", async () => {
  const result = await call(transport(() => json(200, "SUCCESS")), loginWithMobileVerifyCode, credentials, {});
  expect(result).toMatchObject({ ok: false, error: { kind: "contract", status: 200 } });
});
