import { describe, expectTypeOf, test } from "vitest";
import type { LoginClient, LoginError, OperationResult } from "../../src/index.js";

// Each method of the client takes its operation's input (body fields, state_token where the call needs one) and
// resolves to a result that narrows by `ok` (and by `status` where the 200 body has one).
declare const client: LoginClient;

describe("types: a method per browser operation", () => {
  test("getCaptcha takes no input; its success carries the challenge", async () => {
    const result = await client.getCaptcha();
    expectTypeOf(result).toEqualTypeOf<OperationResult<"showCaptcha">>();
    if (result.ok) expectTypeOf(result.body.token).toEqualTypeOf<string | undefined>();
    else expectTypeOf(result.error).toEqualTypeOf<LoginError>();
    // @ts-expect-error -- a success has no status: the challenge carries none
    if (result.ok) void result.status;
    // @ts-expect-error -- getCaptcha takes options only
    void client.getCaptcha({ point_json: "x" }, {});
  });

  test("verifyCaptcha takes point_json, token and sender; its success carries the captcha_token", async () => {
    const result = await client.verifyCaptcha({ point_json: "p", token: "t", sender: "s" });
    if (result.ok) expectTypeOf(result.body.captcha_token).toEqualTypeOf<string | undefined>();
    // @ts-expect-error -- sender is required
    void client.verifyCaptcha({ point_json: "p", token: "t" });
  });

  test("listCountryCodes takes no input", async () => {
    const result = await client.listCountryCodes({ timeoutMs: 5000 });
    if (result.ok) expectTypeOf(result.body.preferredAreaCode).toEqualTypeOf<string | undefined>();
  });

  test("sendCode takes mobile, a documented type and captcha_token; its success has no body", async () => {
    const result = await client.sendCode({ mobile: "1", type: "LOGIN_SMS", captcha_token: "c" });
    if (result.ok) expectTypeOf(result.body).toEqualTypeOf<undefined>();
    // @ts-expect-error -- type is one of the six documented scenarios
    void client.sendCode({ mobile: "1", type: "LOGIN", captcha_token: "c" });
    // @ts-expect-error -- captcha_token is required
    void client.sendCode({ mobile: "1", type: "LOGIN_SMS" });
  });

  test("mobileByStateToken and skipPasswordUpdate take the state_token only", async () => {
    const mobile = await client.mobileByStateToken({ state_token: "s" });
    if (mobile.ok) expectTypeOf(mobile.body.mobile).toEqualTypeOf<string | undefined>();
    void client.skipPasswordUpdate({ state_token: "s" });
    // @ts-expect-error -- the state token is required
    void client.mobileByStateToken({});
    // @ts-expect-error -- it goes in as state_token, sent as X-state-token
    void client.skipPasswordUpdate({ "X-state-token": "s" });
  });

  test("mfaSms narrows by status: SUCCESS or ACCESS_DENIED", async () => {
    const result = await client.mfaSms({ state_token: "s", mobile: "1", verify_code: "2" });
    if (result.ok) {
      expectTypeOf(result.status).toEqualTypeOf<"SUCCESS" | "ACCESS_DENIED">();
      expectTypeOf(result.body.session_token).toEqualTypeOf<string | undefined>();
    }
    // @ts-expect-error -- verify_code is required
    void client.mfaSms({ state_token: "s", mobile: "1" });
  });

  test("updatePassword takes the state_token and both passwords", async () => {
    const result = await client.updatePassword({ state_token: "s", old_password: "o", new_password: "n" });
    if (result.ok) expectTypeOf(result.status).toEqualTypeOf<string>();
    // @ts-expect-error -- new_password is required
    void client.updatePassword({ state_token: "s", old_password: "o" });
  });
});
