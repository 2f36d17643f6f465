import { describe, expect, test } from "vitest";
import { isLoginError, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const URL_PART = ": POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code";
const MOBILE = "13912345678";
const CODE = "918273";

async function loginWith(credentials: unknown, call?: unknown): Promise<LoginResult> {
  const { client, requests } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
  const result = await client.login(credentials as never, call as never);
  expect(requests).toHaveLength(0);
  return result;
}

// JavaScript callers can hand login() objects that throw when read. login() promises never to reject: whatever throws,
// the caller gets a typed failure, and the message never shows the credentials.
describe("login() never rejects, whatever a caller passes", () => {
  // Unreadable top-level credentials or options are the caller's input: an InputError that keeps nothing of what was
  // thrown (src/client/input.ts). A getter deeper down (a device override's) is read while sending: the last-resort
  // catch turns it into a NetworkError with a redacted reason.
  const UNREADABLE = ["the credentials and options must be readable data"];

  test("call options whose getter throws end as an InputError saying the options are unreadable", async () => {
    const call = {
      get device(): never {
        throw new Error("device getter broke");
      },
    };
    const result = await loginWith(PAGE.credentials, call);
    expect(result).toMatchObject({ ok: false, response: undefined });
    if (result.ok) return;
    expect(isLoginError(result.error)).toBe(true);
    expect(result.error).toMatchObject({ name: "InputError", kind: "input", violations: UNREADABLE });
    expect(result.error.message).not.toContain("device getter broke");
  });

  test("a throwing getter's message is not kept, so whatever it quotes stays out of the error", async () => {
    const call = {
      get signal(): never {
        throw new Error(`no signal for ${MOBILE} / ${CODE}`);
      },
    };
    const result = await loginWith({ mobile: MOBILE, verify_code: CODE }, call);
    if (result.ok) throw new Error("expected a failure");
    expect(result.error).toMatchObject({ kind: "input", violations: UNREADABLE });
    for (const view of [result.error.message, JSON.stringify(result.error)]) {
      expect(view).not.toContain("no signal for");
      expect(view).not.toContain(MOBILE);
    }
  });

  test("credentials that throw when read (a hostile Proxy) end as an InputError", async () => {
    const credentials = new Proxy(
      { mobile: MOBILE, verify_code: CODE },
      {
        get() {
          throw new Error("proxy trap");
        },
      },
    );
    const result = await loginWith(credentials);
    expect(result).toMatchObject({ ok: false, error: { name: "InputError", kind: "input", violations: UNREADABLE } });
  });

  test("a device override's getter that throws reaches the last-resort catch: a NetworkError naming the error's class only", async () => {
    const call = {
      device: {
        get agent(): never {
          throw new Error(`no agent for ${MOBILE}`);
        },
      },
    };
    const result = await loginWith({ mobile: MOBILE, verify_code: CODE }, call);
    expect(result).toMatchObject({ ok: false, response: undefined, error: { name: "NetworkError", kind: "network", message: `Request failed (Error)${URL_PART}` } });
    expect(JSON.stringify(!result.ok && result.error)).not.toContain(MOBILE);
  });

  test("a thrown non-Error value is an Error in the chain, its text never shown", async () => {
    const call = {
      device: {
        get agent(): never {
          throw "plain string";
        },
      },
    };
    const result = await loginWith(PAGE.credentials, call);
    expect(result).toMatchObject({ ok: false, error: { kind: "network", message: `Request failed (Error)${URL_PART}` } });
  });

  test("null call options are the same as none", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    expect(await client.login(PAGE.credentials, null as never)).toMatchObject({ ok: true, status: "SUCCESS" });
  });
});
