// Edges of how an answer becomes a result (src/client/interpret.ts): which statuses are redirects, where a redirect's
// origin comes from, bodies that are JSON but not an object, the request id beside the body's own strings, a success's
// fields and its request id read once. Each case is one a mutation test left alive: it fails on that mutant.
import { describe, expect, test } from "vitest";
import { getTenantAccessToken } from "../../generated/server-operations.js";
import { call } from "../../src/client/pipeline/call.js";
import type { Transport } from "../../src/client/pipeline/transport.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const errorOf = (result: { ok: boolean; error?: unknown }) => (result.ok ? undefined : (result.error as Error & Record<string, unknown>));

describe("statuses and redirects", () => {
  test("a 299 is an undocumented status, not a redirect: no redirect in its message and no location", async () => {
    const { client } = clientWith(() => new Response("{}", { status: 299, headers: { Location: "https://elsewhere.example/x" } }));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "http", status: 299 });
    expect(error?.message).toMatch(/^OneAccess answered HTTP 299: POST /);
    expect(error?.location).toBeUndefined();
  });

  test("an answer a custom fetch reached by following a redirect: refused as such, the origin taken from its URL", async () => {
    const followed = json(200, { status: "SUCCESS", session_token: "st", expire: 1 });
    Object.defineProperties(followed, { redirected: { value: true }, url: { value: "https://elsewhere.example/landing?code=232326" } });
    const { client } = clientWith(() => followed);
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "http", status: 200, location: "https://elsewhere.example" });
    expect(error?.message).toMatch(/^OneAccess answered HTTP 200 through a redirect \(refused\): POST /);
  });

  test("an undocumented status whose body is JSON null is an HttpError without a code", async () => {
    const { client } = clientWith(() => json(500, null));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "http", status: 500 });
    expect(error?.message).toMatch(/^OneAccess answered HTTP 500: POST /);
    expect(error?.code).toBeUndefined();
  });
});

describe("bodies that are JSON but not the documented object", () => {
  test("a 400 whose body is its error encoded twice (a JSON string) is not unwrapped into an ApiError", async () => {
    const twice = JSON.stringify(JSON.stringify({ error_code: "LOGIN.0002", error_msg: "wrong code" }));
    const { client } = clientWith(() => new Response(twice, { status: 400, headers: { "Content-Type": "application/json" } }));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "format", status: 400 });
    expect(error?.code).toBeUndefined();
  });

  test("a 200 whose body is JSON null is a ContractViolationError that still carries the request id", async () => {
    const { client } = clientWith(() => json(200, null, { headers: { "Content-Type": "application/json", "X-Request-Id": "req-7f3a9" } }));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "contract", status: 200, requestId: "req-7f3a9" });
  });

  test("a 200 whose body is a bare JSON string is not split into characters that would hide a one-letter request id", async () => {
    const { client } = clientWith(() => json(200, "req", { headers: { "Content-Type": "application/json", "X-Request-Id": "r" } }));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "contract", status: 200, requestId: "r" });
  });
});

describe("request ids", () => {
  test("a 400 whose error_msg quotes the request id keeps the id raw", async () => {
    const body = { error_code: "LOGIN.0002", error_msg: "request req-7f3a9 failed: wrong code" };
    const { client } = clientWith(() => json(400, body, { headers: { "Content-Type": "application/json", "X-Request-Id": "req-7f3a9" } }));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "api", code: "LOGIN.0002", requestId: "req-7f3a9" });
  });

  test.each(["here", "wash", "Stryker"])("a 400's request id %j, an ordinary word, is kept raw as sent", async (id) => {
    const { client } = clientWith(() => json(400, { error_code: "LOGIN.0002", error_msg: "wrong code" }, { headers: { "Content-Type": "application/json", "X-Request-Id": id } }));
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "api", requestId: id });
  });

  test("a sent code (a 200 documented without a body) keeps the answer's request id", async () => {
    const { client } = clientWith(() => new Response(null, { status: 200, headers: { "X-Request-Id": "req-5c1d2" } }));
    const result = await client.sendCode({ mobile: "12345678901", type: "LOGIN_SMS", captcha_token: "ct-1" });
    expect(result.ok && result.requestId).toBe("req-5c1d2");
  });

  test("a success's request id is read once: a later change to the raw answer's headers does not change it", async () => {
    const answer = json(200, { status: "SUCCESS", session_token: "st", expire: 1 }, { headers: { "Content-Type": "application/json", "X-Request-Id": "req-first" } });
    const { client } = clientWith(() => answer);
    const result = await client.login(PAGE.credentials);
    if (!result.ok) throw result.error;
    expect(result.requestId).toBe("req-first");
    answer.headers.set("X-Request-Id", "req-second");
    expect(result.requestId).toBe("req-first");
  });
});

describe("what a result holds", () => {
  test("a success of an operation whose body has no status gets no status field, even when the body carries one", async () => {
    const { client } = clientWith(() => json(200, { preferredAreaCode: "86", status: "extra" }));
    const result = await client.listCountryCodes();
    expect(result.ok).toBe(true);
    expect(Object.keys(result)).not.toContain("status");
    expect("status" in result).toBe(false);
  });

  test("a failure has no body property at all", async () => {
    const { client } = clientWith(() => json(503, {}));
    const result = await client.login(PAGE.credentials);
    expect(result.ok).toBe(false);
    expect(Object.hasOwn(result, "body")).toBe(false);
  });

  test("a 400 of an operation without a label names it neutrally: 'the request'", async () => {
    const transport: Transport = {
      baseUrl: "https://tenant.example.test",
      middleware: [],
      fetch: async () => json(400, { error_code: "APP.0001", error_msg: "bad client" }),
      timeoutMs: 1_000,
      maxResponseBytes: 65_536,
      retry: {},
      headers: () => [{}, []],
    };
    const result = await call(transport, getTenantAccessToken, { grant_type: "client_credentials", client_id: "app-1", client_secret: "cs-1" }, {});
    expect(errorOf(result)?.message).toMatch(/^OneAccess refused the request with APP\.0001: POST /);
  });
});
