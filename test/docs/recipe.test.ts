// The recipe of docs/journey.md, docs/recipes/sms-login.ts, run as a consumer runs it against both mocks: the Prism
// mock the unit project's global setup started (driven by its named examples through `Prefer`), and the in-process
// journey (createJourney), where codes are read from its outbox. Each outcome is checked for what it says and for
// what its views (JSON.stringify, util.inspect) must not show.
import { inspect } from "node:util";
import { describe, expect, inject, test } from "vitest";
import { createLoginClient, type CallOptions, type LoginClient } from "oneaccess-sms-login";
import { createJourney, createMockFetch, examples, type JourneyAccount } from "oneaccess-sms-login/testing";
import { smsLogin, SmsLoginSuccess, type Passwords, type SmsLoginOutcome, type SmsLoginStep } from "../../docs/recipes/sms-login.js";

const MOBILE = "13800000001";
const CLIENT = { clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm", device: { osVersion: "Android 10", fingerprint: "recipe-device", agent: "Mozilla/5.0" } };
const PASSWORDS: Passwords = { old_password: "Old-pa55word!", new_password: "New-pa55word!" };
const views = (outcome: SmsLoginOutcome) => [
  JSON.stringify(outcome),
  inspect(outcome, { depth: Infinity, showHidden: true }),
  inspect(outcome, { depth: Infinity, showHidden: true, getters: true }),
  String(outcome),
];

/** Fails if any view of the outcome shows one of the secrets (or the mobile number), whole or by its digits. */
function expectNoSecrets(outcome: SmsLoginOutcome, secrets: readonly string[]): void {
  for (const view of views(outcome)) {
    for (const secret of secrets.filter((s) => s.length > 3)) expect(view, "a view of the outcome").not.toContain(secret);
    expect(view).not.toContain(MOBILE.slice(-8));
  }
}

/** The shared walk: the outcome, the secrets it saw, and the steps whose calls went out. */
interface Run {
  outcome: SmsLoginOutcome;
  secrets: string[];
  steps: SmsLoginStep[];
}

type Mock = (account: JourneyAccount["status"], options?: { wrongCode?: boolean; passwords?: Passwords }) => Promise<Run>;

/** The cases every mock must pass, for the recipe driven by `run`. */
function journeyCases(run: Mock): void {
  test("SUCCESS: captcha, its check, the code, the login; the session token only through its method", async () => {
    const { outcome, secrets, steps } = await run("SUCCESS");
    expect(outcome).toBeInstanceOf(SmsLoginSuccess);
    expect(outcome).toMatchObject({ ok: true, status: "SUCCESS", via: [] });
    expect((outcome as SmsLoginSuccess).sessionToken()).toMatch(/^bts/);
    expect(steps).toEqual(["captcha", "captcha check", "send code", "login"]);
    expectNoSecrets(outcome, [...secrets, (outcome as SmsLoginSuccess).sessionToken()]);
    expect(JSON.parse(JSON.stringify(outcome))).toEqual({ ok: true, status: "SUCCESS", via: [] });
  });

  test("MFA_AUTH: mobile-by-token, a second code (captcha again), mfa/sms with the state token", async () => {
    const { outcome, secrets, steps } = await run("MFA_AUTH");
    expect(outcome).toMatchObject({ ok: true, status: "SUCCESS", via: ["second factor"] });
    expect(steps).toEqual(["captcha", "captcha check", "send code", "login", "second factor mobile", "captcha", "captcha check", "second factor send", "second factor"]);
    expectNoSecrets(outcome, [...secrets, (outcome as SmsLoginSuccess).sessionToken()]);
  });

  test("PASSWORD_WARN without passwords: the change is skipped (pwd/skip-update)", async () => {
    const { outcome, secrets, steps } = await run("PASSWORD_WARN");
    expect(outcome).toMatchObject({ ok: true, status: "SUCCESS", via: ["password skip"] });
    expect(steps.at(-1)).toBe("password skip");
    expectNoSecrets(outcome, [...secrets, (outcome as SmsLoginSuccess).sessionToken()]);
  });

  test("PASSWORD_WARN with passwords, PASSWORD_EXPIRED: the password is changed (pwd/update)", async () => {
    for (const status of ["PASSWORD_WARN", "PASSWORD_EXPIRED"] as const) {
      const { outcome, secrets, steps } = await run(status, { passwords: PASSWORDS });
      expect(outcome, status).toMatchObject({ ok: true, status: "SUCCESS", via: ["password change"] });
      expect(steps.at(-1)).toBe("password change");
      expectNoSecrets(outcome, [...secrets, PASSWORDS.old_password, PASSWORDS.new_password, (outcome as SmsLoginSuccess).sessionToken()]);
    }
  });

  test("PASSWORD_EXPIRED without passwords ends at the login; ACCESS_DENIED is refused", async () => {
    const expired = await run("PASSWORD_EXPIRED");
    expect(expired.outcome).toEqual({ ok: false, step: "login", reason: "password change declined", status: "PASSWORD_EXPIRED" });
    expect(expired.steps.at(-1)).toBe("login");
    const denied = await run("ACCESS_DENIED");
    expect(denied.outcome).toEqual({ ok: false, step: "login", reason: "access denied" });
    expectNoSecrets(denied.outcome, denied.secrets);
  });

  test("a wrong code fails the login with LOGIN.0002 (the documented error), and no view shows a secret", async () => {
    const { outcome, secrets } = await run("SUCCESS", { wrongCode: true });
    expect(outcome).toMatchObject({ ok: false, step: "login", reason: "error", error: { kind: "api", status: 400, code: "LOGIN.0002" } });
    const error = (outcome as { error: { errorMsg: string } }).error;
    expect(error.errorMsg).toMatch(/^Invalid account name or password\. Remaining attempts: \d+\.$/);
    expectNoSecrets(outcome, secrets);
  });
}

/** Options per step that also record which steps ran. */
const recorder = (steps: SmsLoginStep[], extra: (step: SmsLoginStep) => CallOptions | undefined = () => undefined) => (step: SmsLoginStep) => {
  steps.push(step);
  return extra(step);
};

describe("the recipe against the Prism mock (named examples through Prefer)", () => {
  const baseUrl = inject("contractBaseUrl");
  const isMock = inject("contractTargetIsMock");
  // The login example that plays each status; a wrong code is Prism's documented 400.
  const loginExample = { SUCCESS: "success", MFA_AUTH: "mfaAuth", PASSWORD_WARN: "passwordWarn", PASSWORD_EXPIRED: "passwordExpired", ACCESS_DENIED: "accessDenied" } as const;
  const run: Mock = async (status = "SUCCESS", { wrongCode = false, passwords } = {}) => {
    const client: LoginClient = createLoginClient({ baseUrl, ...CLIENT });
    const steps: SmsLoginStep[] = [];
    const prefer = wrongCode ? "code=400, example=wrongCredentials" : `example=${loginExample[status]}`;
    const code = "232326";
    const outcome = await smsLogin(client, {
      mobile: MOBILE,
      solveCaptcha: () => '{"x":237.0,"y":5.0}',
      readCode: () => code,
      ...(passwords ? { changePassword: () => passwords } : {}),
      callOptions: recorder(steps, (step) => (step === "login" ? { headers: { Prefer: prefer } } : undefined)),
    });
    const tokens = Object.values(examples["200"]).flatMap((body) => Object.values(body).filter((v): v is string => typeof v == "string" && v !== status));
    // The second factor's number is the mobile-by-token example's.
    return { outcome, steps, secrets: [MOBILE, "12345678901", code, ...tokens.filter((t) => !/^[A-Z_]+$/.test(t))] };
  };
  describe.skipIf(!isMock)("every branch", () => {
    journeyCases(run);

    test("a second factor answered ACCESS_DENIED (mfa/sms's accessDenied example) is refused at that step", async () => {
      const client = createLoginClient({ baseUrl, ...CLIENT });
      const prefer: Partial<Record<SmsLoginStep, string>> = { login: "example=mfaAuth", "second factor": "example=accessDenied" };
      const outcome = await smsLogin(client, {
        mobile: MOBILE,
        solveCaptcha: () => '{"x":237.0,"y":5.0}',
        readCode: () => "232326",
        callOptions: (step) => (prefer[step] ? { headers: { Prefer: prefer[step]! } } : undefined),
      });
      expect(outcome).toEqual({ ok: false, step: "second factor", reason: "access denied" });
    });
  });
});

describe("the recipe against the in-process journey (createJourney: codes from the outbox)", () => {
  const run: Mock = async (status = "SUCCESS", { wrongCode = false, passwords } = {}) => {
    const journey = createJourney({ accounts: { [MOBILE]: { status, ...(passwords ? { password: passwords.old_password } : {}) } } });
    const client = createLoginClient({ baseUrl: "https://tenant.example.test", ...CLIENT, fetch: createMockFetch({ journey }) });
    const steps: SmsLoginStep[] = [];
    const read: string[] = [];
    const outcome = await smsLogin(client, {
      mobile: MOBILE,
      solveCaptcha: (captcha) => {
        expect(captcha.token).toMatch(/^cap/);
        return journey.captchaAnswer;
      },
      readCode: (step, mobile) => {
        const sent = journey.outbox.last(mobile, step === "send code" ? "LOGIN_SMS" : "OTP_REST_SMS")!.code;
        // A wrong code: the sent one with its last digit changed.
        const code = wrongCode ? sent.slice(0, 5) + String((Number(sent[5]) + 1) % 10) : sent;
        read.push(sent, code);
        return code;
      },
      ...(passwords ? { changePassword: () => passwords } : {}),
      callOptions: recorder(steps),
    });
    return { outcome, steps, secrets: [MOBILE, ...read] };
  };
  journeyCases(run);

  test("the code is spent: a second walk with the same code is refused, with one attempt fewer", async () => {
    const journey = createJourney();
    const client = createLoginClient({ baseUrl: "https://tenant.example.test", ...CLIENT, fetch: createMockFetch({ journey }) });
    let first: string | undefined;
    const input = { mobile: MOBILE, solveCaptcha: () => journey.captchaAnswer, readCode: () => (first ??= journey.outbox.last(MOBILE)!.code) };
    expect(await smsLogin(client, input)).toMatchObject({ ok: true });
    const again = await smsLogin(client, input);
    expect(again).toMatchObject({ ok: false, step: "login", error: { code: "LOGIN.0002" } });
    expect((again as { error: { errorMsg: string } }).error.errorMsg).toBe("Invalid account name or password. Remaining attempts: 9.");
  });

  test("a wrong captcha answer stops at the captcha check and sends nothing", async () => {
    const journey = createJourney();
    const client = createLoginClient({ baseUrl: "https://tenant.example.test", ...CLIENT, fetch: createMockFetch({ journey }) });
    const outcome = await smsLogin(client, { mobile: MOBILE, solveCaptcha: () => '{"x":1,"y":1}', readCode: () => "000000" });
    expect(outcome).toMatchObject({ ok: false, step: "captcha check", error: { kind: "api", code: "CAPTCHA.0004" } });
    expect(journey.outbox.all()).toEqual([]);
  });
});
