import { describe, expect, test } from "vitest";
import { isLoginError, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const URL_PART = ": POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code";
const MOBILE = "13912345678";
const CODE = "918273";

async function loginWith(credentials: unknown, call?: unknown): Promise<LoginResult> {
  const { client, requests } = clientWith(() => json(200, { status: "SUCCESS" }));
  const result = await client.login(credentials as never, call as never);
  expect(requests).toHaveLength(0);
  return result;
}

// JavaScript callers can hand login() objects that throw when read. login() promises never to reject: whatever throws,
// the caller gets a typed failure, and the message never shows the credentials.
describe("login() never rejects, whatever a caller passes", () => {
  test("call options whose getter throws end as a NetworkError saying why", async () => {
    const call = {
      get device(): never {
        throw new Error("device getter broke");
      },
    };
    const result = await loginWith(PAGE.credentials, call);
    expect(result).toMatchObject({ ok: false, response: undefined });
    if (result.ok) return;
    expect(isLoginError(result.error)).toBe(true);
    expect(result.error).toMatchObject({ name: "NetworkError", kind: "network" });
    expect(result.error.message).toBe(`Request failed (device getter broke)${URL_PART}`);
  });

  test("a throwing getter's message is redacted with the call's credentials", async () => {
    const call = {
      get signal(): never {
        throw new Error(`no signal for ${MOBILE} / ${CODE}`);
      },
    };
    const result = await loginWith({ mobile: MOBILE, verify_code: CODE }, call);
    if (result.ok) throw new Error("expected a failure");
    expect(result.error.message).toBe(`Request failed (no signal for [REDACTED] / [REDACTED])${URL_PART}`);
    expect(JSON.stringify(result.error)).not.toContain(MOBILE);
  });

  test("credentials that throw when read (a hostile Proxy) end as a NetworkError", async () => {
    const credentials = new Proxy(
      {},
      {
        get() {
          throw new Error("proxy trap");
        },
      },
    );
    const result = await loginWith(credentials);
    expect(result).toMatchObject({ ok: false, error: { name: "NetworkError", kind: "network", message: `Request failed (proxy trap)${URL_PART}` } });
  });

  test("a thrown non-Error value is described as text", async () => {
    const call = {
      get timeoutMs(): never {
        throw "plain string";
      },
    };
    const result = await loginWith(PAGE.credentials, call);
    expect(result).toMatchObject({ ok: false, error: { kind: "network", message: `Request failed (plain string)${URL_PART}` } });
  });

  test("null call options are the same as none", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS" }));
    expect(await client.login(PAGE.credentials, null as never)).toMatchObject({ ok: true, status: "SUCCESS" });
  });
});
