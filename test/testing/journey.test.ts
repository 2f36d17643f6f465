// The stateful journey (createJourney + createMockFetch / createHandlers): every rule it plays, each with its test.
// Plain fetch only, so the tests do not depend on the client's methods.
import { inspect } from "node:util";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Fetch } from "../../src/client/options.js";
import { CAPTCHA_ANSWER, createJourney, createMockFetch, type Journey, type JourneyOptions } from "../../src/testing/index.js";
import { createHandlers } from "../../src/testing/msw.js";

const ORIGIN = "https://tenant.example";
const DEVICE = { "X-operating-sys-version": "Android 10", "X-device-fingerprint": "fp-1", "X-agent": "a", "X-client-id": "client" };
const JSON_TYPE = "application/json;charset=utf8";
const MOBILE = "13800000001";

interface Call {
  status: number;
  body: any;
}

/** A mock and its journey, with one helper per step. */
function setup(options: JourneyOptions = {}, fetchOf: (journey: Journey) => Fetch = (journey) => createMockFetch({ journey }), given?: Journey) {
  const journey = given ?? createJourney({ start: 0, ...options });
  const mockFetch = fetchOf(journey);
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: unknown; form?: Record<string, string> } = {}): Promise<Call> => {
    const headers: Record<string, string> = { ...(path.startsWith("/api/v2/sdk") ? DEVICE : {}), ...init.headers };
    let body: string | undefined;
    if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    } else if (init.body !== undefined) {
      headers["Content-Type"] = JSON_TYPE;
      body = JSON.stringify(init.body);
    }
    const response = await mockFetch(new Request(ORIGIN + path, { method, headers, ...(body === undefined ? {} : { body }) }));
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : text };
  };
  const captchaToken = async () => {
    const challenge = await call("GET", "/api/v2/sdk/captcha");
    const passed = await call("POST", "/api/v2/sdk/captcha/verify", { body: { point_json: CAPTCHA_ANSWER, token: challenge.body.token, sender: MOBILE } });
    return passed.body.captcha_token as string;
  };
  const send = async (mobile = MOBILE, type = "LOGIN_SMS") => call("POST", "/api/v2/sdk/sms/send", { body: { mobile, type, captcha_token: await captchaToken() } });
  const codeFor = async (mobile = MOBILE, type = "LOGIN_SMS") => {
    expect((await send(mobile, type)).status).toBe(200);
    return journey.outbox.last(mobile, type)!.code;
  };
  const login = (verify_code: string, mobile = MOBILE, headers: Record<string, string> = {}) => call("POST", "/api/v2/sdk/login/mobile-verify-code", { body: { mobile, verify_code }, headers });
  const withState = (stateToken: string) => ({ "X-state-token": stateToken });
  const appToken = async (form = { grant_type: "client_credentials", client_id: "app", client_secret: "s3cret" }) => (await call("POST", "/api/v2/tenant/token", { form })).body.access_token as string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const device = (fingerprint = "fp-1") => ({ operating_sys_version: "Android 10", device_ip: "10.0.0.1", device_fingerprint: fingerprint });
  return { journey, call, captchaToken, send, codeFor, login, withState, appToken, bearer, device };
}

const remaining = (n: number) => ({ error_code: "LOGIN.0002", error_msg: `Invalid account name or password. Remaining attempts: ${n}.` });
const INVALID = { error_code: "MOCK.INVALID_REQUEST", error_msg: "The request does not match the API contract." };

describe("captcha", () => {
  test("a challenge answered with the documented point gives a captcha_token", async () => {
    const { call } = setup();
    const challenge = await call("GET", "/api/v2/sdk/captcha");
    expect(challenge.status).toBe(200);
    expect(challenge.body.token).toMatch(/^cap[0-9a-f]{24}$/);
    const passed = await call("POST", "/api/v2/sdk/captcha/verify", { body: { point_json: '{"x":237,"y":5}', token: challenge.body.token, sender: MOBILE } });
    expect(passed).toEqual({ status: 200, body: { captcha_token: expect.stringMatching(/^ctk[0-9a-f]{24}$/) } });
  });

  test("a wrong point, an unknown challenge, a challenge used twice and an expired one get CAPTCHA.0004", async () => {
    const { call, journey } = setup();
    const verify = (token: string, point_json = CAPTCHA_ANSWER) => call("POST", "/api/v2/sdk/captcha/verify", { body: { point_json, token, sender: MOBILE } });
    const invalid = { status: 400, body: { error_code: "CAPTCHA.0004", error_msg: "Invalid CAPTCHA token." } };
    const first = (await call("GET", "/api/v2/sdk/captcha")).body.token;
    expect(await verify(first, '{"x":1,"y":5}')).toEqual(invalid);
    expect(await verify(first)).toEqual(invalid); // answered once, right or wrong
    expect(await verify("cap-never-issued")).toEqual(invalid);
    const second = (await call("GET", "/api/v2/sdk/captcha")).body.token;
    journey.clock.advance(120_000);
    expect(await verify(second)).toEqual(invalid);
  });
});

describe("sending a code", () => {
  test("stores a six-digit code per mobile in the outbox, nothing else happens", async () => {
    const { send, journey } = setup();
    expect(await send("+86 138-0000-0001")).toEqual({ status: 200, body: "" });
    const sent = journey.outbox.last(MOBILE)!;
    expect(sent).toEqual({ mobile: "+86 138-0000-0001", type: "LOGIN_SMS", code: expect.stringMatching(/^\d{6}$/), sentAt: 0, expiresAt: 300_000 });
    expect(journey.outbox.last("13800000002")).toBeUndefined();
    expect(journey.outbox.last(MOBILE, "REGISTER_SMS")).toBeUndefined();
    expect(journey.outbox.all()).toHaveLength(1);
  });

  test("needs a captcha_token the mock issued, once (CAPTCHA.0004), and before it expires (CAPTCHA.0003)", async () => {
    const { call, captchaToken, journey } = setup();
    const send = (captcha_token: string) => call("POST", "/api/v2/sdk/sms/send", { body: { mobile: MOBILE, type: "LOGIN_SMS", captcha_token } });
    expect(await send("not-issued")).toEqual({ status: 400, body: { error_code: "CAPTCHA.0004", error_msg: "Invalid CAPTCHA token." } });
    const token = await captchaToken();
    expect((await send(token)).status).toBe(200);
    expect((await send(token)).body.error_code).toBe("CAPTCHA.0004");
    const late = await captchaToken();
    journey.clock.advance(120_000);
    expect(await send(late)).toEqual({ status: 400, body: { error_code: "CAPTCHA.0003", error_msg: "CAPTCHA token expired." } });
    expect(journey.outbox.all()).toHaveLength(1);
  });
});

describe("logging in with the sent code", () => {
  test("the code is accepted once: SUCCESS with a session token", async () => {
    const { codeFor, login } = setup();
    const code = await codeFor();
    expect(await login(code)).toEqual({ status: 200, body: { status: "SUCCESS", session_token: expect.stringMatching(/^bts[0-9a-f]{24}$/), expire: 604_800 } });
    expect(await login(code)).toEqual({ status: 400, body: remaining(9) });
  });

  test("until it expires on the test's clock (5 minutes)", async () => {
    const { codeFor, login, journey } = setup();
    const code = await codeFor();
    journey.clock.advance(299_999);
    expect((await login(code)).status).toBe(200);
    const late = await codeFor();
    journey.clock.advance(300_000);
    expect(await login(late)).toEqual({ status: 400, body: remaining(9) });
  });

  test("only the last code sent counts, and only a LOGIN_SMS one", async () => {
    const { codeFor, login } = setup();
    const old = await codeFor();
    const other = await codeFor(MOBILE, "REGISTER_SMS");
    expect((await login(other)).status).toBe(400);
    const last = await codeFor();
    if (old !== last) expect((await login(old)).status).toBe(400);
    expect((await login(last)).status).toBe(200);
  });

  test("wrong codes get LOGIN.0002 with decreasing attempts, then the number is locked for 3 minutes", async () => {
    const { codeFor, login, journey } = setup({ attempts: 3 });
    const code = await codeFor();
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await login(wrong)).toEqual({ status: 400, body: remaining(2) });
    expect(await login(wrong)).toEqual({ status: 400, body: remaining(1) });
    expect(await login(wrong)).toEqual({ status: 400, body: remaining(0) });
    // Locked: the right code too is refused, and not spent.
    expect(await login(code)).toEqual({ status: 400, body: remaining(0) });
    journey.clock.advance(179_999);
    expect(await login(code)).toEqual({ status: 400, body: remaining(0) });
    journey.clock.advance(1);
    expect((await login(code)).status).toBe(200);
  });

  test("the default is 10 attempts; a success restores them; numbers are counted apart", async () => {
    const { codeFor, login } = setup();
    expect(await login("000000")).toEqual({ status: 400, body: remaining(9) });
    expect(await login("000000", "13800000002")).toEqual({ status: 400, body: remaining(9) });
    expect((await login(await codeFor())).status).toBe(200);
    expect(await login("000000")).toEqual({ status: 400, body: remaining(9) });
  });

  test("ACCESS_DENIED for an account configured so", async () => {
    const { codeFor, login } = setup({ accounts: { [MOBILE]: { status: "ACCESS_DENIED" } } });
    expect(await login(await codeFor())).toEqual({ status: 200, body: { status: "ACCESS_DENIED" } });
  });
});

describe("second factor (MFA_AUTH)", () => {
  const mfa = () => setup({ accounts: { [MOBILE]: { status: "MFA_AUTH" } } });

  test("a state_token that mobile-by-token reads and mfa/sms spends once with a new code", async () => {
    const { codeFor, login, call, withState } = mfa();
    const first = await login(await codeFor());
    expect(first).toEqual({ status: 200, body: { status: "MFA_AUTH", state_token: expect.stringMatching(/^sta[0-9a-f]{24}$/) } });
    const state = withState(first.body.state_token);
    expect(await call("GET", "/api/v2/sdk/mobile-by-token", { headers: state })).toEqual({ status: 200, body: { mobile: MOBILE } });
    const code = await codeFor();
    const second = await call("POST", "/api/v2/sdk/mfa/sms", { headers: state, body: { mobile: MOBILE, verify_code: code } });
    expect(second).toEqual({ status: 200, body: { status: "SUCCESS", session_token: expect.stringMatching(/^bts/), expire: 604_800 } });
    expect(await call("POST", "/api/v2/sdk/mfa/sms", { headers: state, body: { mobile: MOBILE, verify_code: code } })).toEqual({ status: 400, body: INVALID });
    expect((await call("GET", "/api/v2/sdk/mobile-by-token", { headers: state })).status).toBe(400);
  });

  test("a wrong code is LOGIN.0002 and keeps the state token; an unknown or expired state token is the documented 400", async () => {
    const { codeFor, login, call, withState, journey } = mfa();
    const state = withState((await login(await codeFor())).body.state_token);
    const code = await codeFor();
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await call("POST", "/api/v2/sdk/mfa/sms", { headers: state, body: { mobile: MOBILE, verify_code: wrong } })).toEqual({ status: 400, body: remaining(9) });
    expect(await call("POST", "/api/v2/sdk/mfa/sms", { headers: state, body: { mobile: "13800000002", verify_code: code } })).toEqual({ status: 400, body: remaining(8) });
    expect(await call("GET", "/api/v2/sdk/mobile-by-token", { headers: withState("sta-never-issued") })).toEqual({ status: 400, body: INVALID });
    journey.clock.advance(300_000);
    expect(await call("POST", "/api/v2/sdk/mfa/sms", { headers: state, body: { mobile: MOBILE, verify_code: code } })).toEqual({ status: 400, body: INVALID });
  });
});

describe("password states", () => {
  test("PASSWORD_WARN: pwd/skip-update spends the state token once", async () => {
    const { codeFor, login, call, withState } = setup({ accounts: { [MOBILE]: { status: "PASSWORD_WARN" } } });
    const first = await login(await codeFor());
    expect(first.body).toEqual({ status: "PASSWORD_WARN", state_token: expect.any(String) });
    const state = withState(first.body.state_token);
    expect(await call("GET", "/api/v2/sdk/pwd/skip-update", { headers: state })).toEqual({ status: 200, body: { status: "SUCCESS", session_token: expect.any(String), expire: 604_800 } });
    expect(await call("GET", "/api/v2/sdk/pwd/skip-update", { headers: state })).toEqual({ status: 400, body: INVALID });
  });

  test("PASSWORD_EXPIRED: no skipping; pwd/update needs the current password and spends the state token", async () => {
    const { codeFor, login, call, withState } = setup({ accounts: { [MOBILE]: { status: "PASSWORD_EXPIRED", password: "old-Pa55" } } });
    const state = withState((await login(await codeFor())).body.state_token);
    expect(await call("GET", "/api/v2/sdk/pwd/skip-update", { headers: state })).toEqual({ status: 400, body: INVALID });
    expect(await call("POST", "/api/v2/sdk/pwd/update", { headers: state, body: { old_password: "wrong", new_password: "new-Pa55" } })).toEqual({ status: 400, body: INVALID });
    expect((await call("POST", "/api/v2/sdk/pwd/update", { headers: state, body: { old_password: "old-Pa55", new_password: "new-Pa55" } })).body).toMatchObject({ status: "SUCCESS" });
    expect((await call("POST", "/api/v2/sdk/pwd/update", { headers: state, body: { old_password: "new-Pa55", new_password: "x" } })).status).toBe(400);
  });
});

describe("tenant side", () => {
  const tenant = () => setup({ clients: { app: "s3cret" }, accounts: { [MOBILE]: { user: { userName: "zhang.san", id: "u-1" } } } });

  test("the token call takes the configured client credentials and answers a Bearer token of 1800 s", async () => {
    const { call } = tenant();
    expect(await call("POST", "/api/v2/tenant/token", { form: { grant_type: "client_credentials", client_id: "app", client_secret: "s3cret" } })).toEqual({
      status: 200,
      body: { access_token: expect.stringMatching(/^atk[0-9a-f]{24}$/), token_type: "Bearer", expires_in: 1800, scope: "all" },
    });
    expect(await call("POST", "/api/v2/tenant/token", { form: { grant_type: "client_credentials", client_id: "app", client_secret: "wrong" } })).toEqual({ status: 400, body: INVALID });
  });

  test("session token -> sso_ticket (once, same fingerprint) -> the configured user", async () => {
    const { codeFor, login, call, appToken, bearer, device } = tenant();
    const auth = bearer(await appToken());
    const session = (await login(await codeFor())).body.session_token;
    const other = await call("POST", "/api/v2/tenant/sso/session-token/sso-ticket", { headers: auth, body: { session_token: session, ...device("fp-2") } });
    expect(other).toEqual({ status: 400, body: INVALID });
    const issued = await call("POST", "/api/v2/tenant/sso/session-token/sso-ticket", { headers: auth, body: { session_token: session, ...device() } });
    expect(issued).toEqual({ status: 200, body: { sso_ticket: expect.stringMatching(/^sso[0-9a-f]{24}$/), expire: 300 } });
    expect((await call("POST", "/api/v2/tenant/sso/session-token/sso-ticket", { headers: auth, body: { session_token: session, ...device() } })).status).toBe(400);
    const user = await call("POST", "/api/v2/tenant/sso/sso-ticket/verify", { headers: auth, body: { sso_ticket: issued.body.sso_ticket, ...device() } });
    expect(user).toEqual({ status: 200, body: { data: { user: { id: "u-1", name: "test", userName: "zhang.san", mobile: MOBILE, email: "123@example.com" } } } });
    expect((await call("POST", "/api/v2/tenant/sso/sso-ticket/verify", { headers: auth, body: { sso_ticket: issued.body.sso_ticket, ...device() } })).status).toBe(400);
  });

  test("a ticket expires after 300 s; a session token can be refreshed once into a new one", async () => {
    const { codeFor, login, call, appToken, bearer, device, journey } = tenant();
    const auth = bearer(await appToken());
    const session = (await login(await codeFor())).body.session_token;
    const refreshed = await call("POST", "/api/v2/tenant/sso/session-token/refresh", { headers: auth, body: { session_token: session, ...device() } });
    expect(refreshed).toEqual({ status: 200, body: { session_token: expect.stringMatching(/^bts/), expire: 604_800 } });
    expect((await call("POST", "/api/v2/tenant/sso/session-token/refresh", { headers: auth, body: { session_token: session, ...device() } })).status).toBe(400);
    const ticket = (await call("POST", "/api/v2/tenant/sso/session-token/sso-ticket", { headers: auth, body: { session_token: refreshed.body.session_token, ...device() } })).body.sso_ticket;
    journey.clock.advance(300_000);
    expect((await call("POST", "/api/v2/tenant/sso/sso-ticket/verify", { headers: auth, body: { sso_ticket: ticket, ...device() } })).status).toBe(400);
  });

  test("the Bearer token must be one the token call issued, and it expires on the clock", async () => {
    const { codeFor, login, call, appToken, bearer, device, journey } = tenant();
    const session = (await login(await codeFor())).body.session_token;
    const ticket = (auth: Record<string, string>) => call("POST", "/api/v2/tenant/sso/session-token/sso-ticket", { headers: auth, body: { session_token: session, ...device() } });
    expect((await ticket(bearer("never-issued"))).status).toBe(401);
    const token = await appToken();
    journey.clock.advance(1_800_000);
    expect(await ticket(bearer(token))).toMatchObject({ status: 401, body: { title: "Invalid security scheme used" } });
    expect((await ticket(bearer(await appToken()))).status).toBe(200);
  });
});

describe("the journey and the contract", () => {
  test("invalid requests and a Prefer are answered as without a journey", async () => {
    const { call, journey } = setup();
    expect((await call("POST", "/api/v2/sdk/login/mobile-verify-code", { body: { mobile: MOBILE } })).body).toEqual(INVALID);
    expect(await call("POST", "/api/v2/sdk/login/mobile-verify-code", { body: { mobile: MOBILE, verify_code: "1" }, headers: { Prefer: "example=mfaAuth" } })).toEqual({
      status: 200,
      body: { status: "MFA_AUTH", state_token: "sta******7Kd" },
    });
    expect(journey.outbox.all()).toEqual([]);
  });

  test("without a journey the mock stays stateless: any code logs in with the spec's first example", async () => {
    const response = await createMockFetch()(new Request(`${ORIGIN}/api/v2/sdk/login/mobile-verify-code`, { method: "POST", headers: { ...DEVICE, "Content-Type": JSON_TYPE }, body: JSON.stringify({ mobile: MOBILE, verify_code: "1" }) }));
    expect(await response.json()).toEqual({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
  });

  test("options are checked where the journey is made", () => {
    expect(() => createJourney({ attempts: 0 })).toThrow(TypeError);
    expect(() => createJourney({ codeTtlMs: 1.5 })).toThrow(TypeError);
    expect(() => createJourney({ accounts: { "user@example.com": {} } })).toThrow(TypeError);
    expect(() => createJourney({ accounts: { [MOBILE]: { status: "LOCKED" as never } } })).toThrow(TypeError);
    expect(() => createJourney({ clients: { app: 1 as never } })).toThrow(TypeError);
    expect(() => createMockFetch({ journey: {} as never })).toThrow(TypeError);
    expect(() => createMockFetch({ journey: createJourney(), accounts: { [MOBILE]: "1" } })).toThrow(TypeError);
    expect(() => createJourney().clock.advance(-1)).toThrow(TypeError);
  });

  test("no view of the journey shows a sent code or a mobile number", async () => {
    const { codeFor, journey } = setup();
    const code = await codeFor();
    for (const view of [inspect(journey, { depth: 10 }), JSON.stringify(journey), String(journey)]) {
      expect(view).not.toContain(code);
      expect(view).not.toContain(MOBILE);
    }
  });
});

describe("MSW handlers play the same journey", () => {
  const journey = createJourney({ start: 0, accounts: { [MOBILE]: { status: "MFA_AUTH" } } });
  const server = setupServer(...createHandlers({ journey }));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  test("captcha, code, login and the second factor through globalThis.fetch", async () => {
    const { codeFor, login, call, withState } = setup({}, () => (input, init) => fetch(input, init), journey);
    const first = await login(await codeFor());
    expect(first.body.status).toBe("MFA_AUTH");
    const second = await call("POST", "/api/v2/sdk/mfa/sms", { headers: withState(first.body.state_token), body: { mobile: MOBILE, verify_code: await codeFor() } });
    expect(second.body).toMatchObject({ status: "SUCCESS" });
    const late = await codeFor();
    journey.clock.advance(300_000);
    expect((await login(late)).status).toBe(400);
  });
});
