// Recipe: log a user in by SMS, end to end, with the package's client. The order of the calls and what each answer
// leads to are in docs/journey.md; test/docs/recipe.test.ts runs this file against the Prism mock and the in-process
// journey mock.
import type { CallOptions, LoginClient, LoginError } from "oneaccess-sms-login";

/** The steps of the journey, in the order they can happen: what a failure names and a per-step option is keyed by. */
export type SmsLoginStep =
  | "captcha"
  | "captcha check"
  | "send code"
  | "login"
  | "second factor mobile"
  | "second factor send"
  | "second factor"
  | "password change"
  | "password skip";

/** What the recipe needs from the application: the user's number, and the three things only the user can do. */
export interface SmsLoginInput {
  /** The mobile number the user typed. */
  mobile: string;
  /** Shows the slider puzzle (the captcha answer's body) and resolves to the user's answer, `point_json`. */
  solveCaptcha(captcha: { token?: string; originalImageBase64?: string; jigsawImageBase64?: string }): Promise<string> | string;
  /** Resolves to the code the user read on the phone: after "send code" for the login, after "second factor send" for MFA. */
  readCode(step: "send code" | "second factor send", mobile: string): Promise<string> | string;
  /**
   * The old and new password, for a login that answers PASSWORD_EXPIRED (needed) or PASSWORD_WARN (optional). Without
   * it, or resolving to undefined, a PASSWORD_WARN login skips the change and a PASSWORD_EXPIRED one ends there.
   */
  changePassword?(status: "PASSWORD_WARN" | "PASSWORD_EXPIRED"): Promise<Passwords | undefined> | Passwords | undefined;
  /** Options for one step's call (a signal, a timeout, a mock's `Prefer` header); none by default. */
  callOptions?(step: SmsLoginStep): CallOptions | undefined;
}

/** A password change's two passwords: secrets, like the code. */
export interface Passwords {
  old_password: string;
  new_password: string;
}

/**
 * Logged in. The session token is read by calling `sessionToken()`: a private field behind a method, so no view
 * (JSON.stringify, util.inspect even with showHidden and getters, a log) shows it, as a property or getter would.
 */
export class SmsLoginSuccess {
  readonly ok = true;
  readonly status = "SUCCESS";
  /** The steps after the login that it took, e.g. ["second factor"]; [] when the login answered SUCCESS at once. */
  readonly via: readonly SmsLoginStep[];
  readonly #sessionToken: string;

  /** Made by {@link smsLogin}. */
  constructor(sessionToken: string, via: readonly SmsLoginStep[]) {
    this.#sessionToken = sessionToken;
    this.via = via;
  }

  /** The session token for the application's back end (it exchanges it for an sso_ticket). A secret: never log it. */
  sessionToken(): string {
    return this.#sessionToken;
  }
}

/** Not logged in: the step it stopped at and why (`reason`). */
export type SmsLoginFailure =
  /** A call failed: `error` is the client's typed error (its views are safe: docs/views.md). */
  | { readonly ok: false; readonly step: SmsLoginStep; readonly reason: "error"; readonly error: LoginError }
  /** The login or the second factor answered ACCESS_DENIED. */
  | { readonly ok: false; readonly step: SmsLoginStep; readonly reason: "access denied" }
  /** The login answered PASSWORD_EXPIRED and `changePassword` gave no passwords. */
  | { readonly ok: false; readonly step: "login"; readonly reason: "password change declined"; readonly status: "PASSWORD_EXPIRED" }
  /** A step answered HTTP 200 without logging in: a status other than SUCCESS, or no session_token. */
  | { readonly ok: false; readonly step: SmsLoginStep; readonly reason: "not logged in" };

/** What {@link smsLogin} resolves to. It never rejects for a failed call: the client's methods never do. */
export type SmsLoginOutcome = SmsLoginSuccess | SmsLoginFailure;

/** Runs the journey: captcha, its check, the code, the login, then the second factor or the password step it asks for. */
export async function smsLogin(client: LoginClient, input: SmsLoginInput): Promise<SmsLoginOutcome> {
  const options = (step: SmsLoginStep) => input.callOptions?.(step);
  const failed = (step: SmsLoginStep, error: LoginError): SmsLoginFailure => ({ ok: false, step, reason: "error", error });
  // The pages list no status but SUCCESS for a password step: anything else, or no token, is not a login.
  const loggedIn = (step: SmsLoginStep, answer: { status: string; session_token?: string }, via: SmsLoginStep[]): SmsLoginOutcome =>
    answer.status === "ACCESS_DENIED"
      ? { ok: false, step, reason: "access denied" }
      : answer.status === "SUCCESS" && answer.session_token
        ? new SmsLoginSuccess(answer.session_token, via)
        : { ok: false, step, reason: "not logged in" };

  // A code costs a captcha: steps 1 to 3, for the login (LOGIN_SMS) and again for the second factor (OTP_REST_SMS).
  async function sendCode(mobile: string, type: "LOGIN_SMS" | "OTP_REST_SMS", send: SmsLoginStep): Promise<SmsLoginFailure | undefined> {
    const captcha = await client.getCaptcha(options("captcha"));
    if (!captcha.ok) return failed("captcha", captcha.error);
    const point_json = await input.solveCaptcha(captcha.body);
    const checked = await client.verifyCaptcha({ point_json, token: captcha.body.token ?? "", sender: mobile }, options("captcha check"));
    if (!checked.ok) return failed("captcha check", checked.error);
    const sent = await client.sendCode({ mobile, type, captcha_token: checked.body.captcha_token ?? "" }, options(send));
    return sent.ok ? undefined : failed(send, sent.error);
  }

  const notSent = await sendCode(input.mobile, "LOGIN_SMS", "send code");
  if (notSent) return notSent;
  const verify_code = await input.readCode("send code", input.mobile);
  const login = await client.login({ mobile: input.mobile, verify_code }, options("login"));
  if (!login.ok) return failed("login", login.error);

  switch (login.status) {
    case "SUCCESS":
      return new SmsLoginSuccess(login.body.session_token, []);
    case "ACCESS_DENIED":
      return { ok: false, step: "login", reason: "access denied" };
    case "MFA_AUTH": {
      // The second factor: the number the code goes to, a new code (OTP_REST_SMS), then mfa/sms with the state token.
      const state_token = login.body.state_token ?? "";
      const found = await client.mobileByStateToken({ state_token }, options("second factor mobile"));
      if (!found.ok) return failed("second factor mobile", found.error);
      const mobile = found.body.mobile ?? input.mobile;
      const notSentAgain = await sendCode(mobile, "OTP_REST_SMS", "second factor send");
      if (notSentAgain) return notSentAgain;
      const code = await input.readCode("second factor send", mobile);
      const second = await client.mfaSms({ state_token, mobile, verify_code: code }, options("second factor"));
      return second.ok ? loggedIn("second factor", second.body, ["second factor"]) : failed("second factor", second.error);
    }
    case "PASSWORD_WARN":
    case "PASSWORD_EXPIRED": {
      // Expired: the password must change. About to expire: change it if the user wants to, else skip the change.
      const state_token = login.body.state_token ?? "";
      const passwords = await input.changePassword?.(login.status);
      if (!passwords && login.status === "PASSWORD_EXPIRED") return { ok: false, step: "login", reason: "password change declined", status: login.status };
      const step: SmsLoginStep = passwords ? "password change" : "password skip";
      const next = passwords
        ? await client.updatePassword({ state_token, old_password: passwords.old_password, new_password: passwords.new_password }, options(step))
        : await client.skipPasswordUpdate({ state_token }, options(step));
      return next.ok ? loggedIn(step, next.body, [step]) : failed(step, next.error);
    }
  }
}
