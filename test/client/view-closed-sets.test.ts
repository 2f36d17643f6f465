// Views show server-chosen strings only from closed sets: an error_code OneAccess documents, a transport code from a
// fixed list. A request id is never shown. Each case below smuggles a secret in a form no recogniser knows (the code's
// digits spelt as letters, reversed), which a rule that looks for the caller's secrets cannot find.
import { describe, expect, test } from "vitest";
import type { LoginResult } from "../../src/index.js";
import { clientWith, json, normalise, PAGE, views } from "../helpers/client.js";

const MOBILE = "13912345678";
const CODE = "232326";
const credentials = { mobile: MOBILE, verify_code: CODE };
/** The code with each digit as a letter (0 is a, 1 is b, ...): a form no list of encodings holds. */
const LETTERS = [...CODE].map((d) => "abcdefghij"[Number(d)]).join("");
const REVERSED = [...CODE].reverse().join("");

const login = (handler: () => Response | Promise<Response>) => clientWith(handler).client.login(credentials);
const errorOf = (result: LoginResult) => (result.ok ? undefined : (result.error as unknown as Record<string, unknown>));

/** Asserts no view shows `secret`, as written or normalised. */
function expectHidden(result: LoginResult, secret: string) {
  const text = views(result);
  expect(text).not.toContain(secret);
  expect(normalise(text)).not.toContain(normalise(secret));
}

describe("a request id is never in a view; `requestId` holds it raw", () => {
  test.each([
    ["the code spelt in letters", `req-${LETTERS}`],
    ["the code reversed", `req-${REVERSED}`],
    ["an ordinary UUID", "550e8400-e29b-41d4-a716-446655440000"],
  ])("X-Request-Id holding %s", async (_what, id) => {
    for (const status of [200, 400, 503]) {
      const body = status == 200 ? { status: "SUCCESS", session_token: "t", expire: 600 } : { error_code: "LOGIN.0002", error_msg: "m" };
      const result = await login(() => json(status, body, { headers: { "X-Request-Id": id } }));
      expectHidden(result, id.slice(4));
      expect(result.ok ? result.requestId : errorOf(result)!.requestId).toBe(id);
    }
  });
});

describe("an error_code is shown only when OneAccess documents it", () => {
  test.each([
    ["the code's last digits reversed, in the documented shape", `LOGIN.${REVERSED.slice(0, 4)}`],
    ["the code spelt in letters, in the documented shape", `${LETTERS.toUpperCase()}.0001`],
  ])("%s is in no view, and `code` holds it raw", async (_what, code) => {
    for (const status of [400, 503]) {
      const result = await login(() => json(status, { error_code: code, error_msg: "m" }));
      expectHidden(result, code);
      expect(errorOf(result)!.code).toBe(code);
      if (status == 400) expect(String(errorOf(result)!.message)).toContain("an undocumented error code");
    }
  });

  test.each(["LOGIN.0002", "CAPTCHA.0004", "APP.0001", "PARAM.0005"])("%s, a documented code, is shown", async (code) => {
    const result = await login(() => json(400, { error_code: code, error_msg: "m" }));
    expect(JSON.stringify(result)).toContain(`"code":"${code}"`);
    expect(String(errorOf(result)!.message)).toContain(code);
  });
});

describe("a transport code is shown only from a fixed list", () => {
  const thrown = (code: string) => () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("x"), { code }) }));

  test.each([
    ["the code spelt in letters, in a Node family's shape", `E${LETTERS.toUpperCase()}`],
    ["the code spelt in letters, in undici's family", `UND_ERR_${LETTERS.toUpperCase()}`],
  ])("%s is in no view", async (_what, code) => {
    const result = await clientWith(thrown(code)).client.login(credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expectHidden(result, code);
  });

  test.each(["ECONNREFUSED", "ENOTFOUND", "UND_ERR_SOCKET", "CERT_HAS_EXPIRED"])("%s is shown", async (code) => {
    const result = await clientWith(thrown(code)).client.login(credentials);
    expect(views(result)).toContain(code);
  });
});

describe("what a view shows is read once and checked", () => {
  const big = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(4096));
        controller.close();
      },
    });

  test("a Response-like answer whose status is no HTTP status is a network failure, even with a body over the cap", async () => {
    const fake = { status: 13912345678, ok: false, redirected: false, type: "basic", url: "", headers: new Headers(), body: big() };
    const { client } = clientWith(() => fake as unknown as Response, { maxResponseBytes: 1024 });
    const result = await client.login(credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expect(views(result)).not.toContain("13912345678");
  });

  test("a middleware's own Response whose status getter says no HTTP status is a network failure", async () => {
    class Odd extends Response {
      override get status() {
        return 13912345678;
      }
    }
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "t", expire: 1 }), {
      middleware: [{ onRequest: () => new Odd("{}", { headers: { "Content-Type": "application/json" } }) }],
    });
    const result = await client.login(credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expect(views(result)).not.toContain("13912345678");
  });

  test("a transport error's name that is an object saying TypeError is shown as Error", async () => {
    const name = { toString: () => "TypeError" };
    const { client } = clientWith(() => Promise.reject(Object.assign(new Error("x"), { name })));
    const result = await client.login(credentials);
    expect(result.ok || result.error.cause).toMatchObject({ name: "Error" });
  });

  test("an ApiError with an undocumented code still has status 400", async () => {
    const result = await login(() => json(400, { error_code: "LOGIN.0009", error_msg: "m" }));
    expect(errorOf(result)).toMatchObject({ kind: "api", status: 400 });
  });
});

test("plain http is allowed only to a loopback host, not to a host whose name ends in localhost", () => {
  expect(() => clientWith(() => json(200, {}), { baseUrl: "http://notlocalhost" })).toThrow(/https unless its host is loopback/);
  expect(() => clientWith(() => json(200, {}), { baseUrl: "http://localhost:8080" })).not.toThrow();
});
