import type { examples } from "../../generated/examples.js";
import type { Journey } from "./journey.js";

/** A named response example of the spec: a 200 login result or a 400 error, as Prism's `Prefer: example=NAME` names it. */
export type Scenario = keyof (typeof examples)["200"] | keyof (typeof examples)["400"];

/** Options of {@link createMockFetch} and `createHandlers` (oneaccess-sms-login/testing/msw). */
export interface LoginMockOptions {
  /**
   * The login example valid login requests get (default: the spec's first 200 example, as Prism). A 400 example is
   * also what invalid login requests get, as with Prism's `Prefer: code=400, example=NAME`. A request's own `Prefer`
   * header wins. The other operations answer their own first examples.
   */
  scenario?: Scenario;
  /**
   * Stateful logins: mobile number -> its valid verify_code. The right code gets the 200 example (the scenario's,
   * or the first); a wrong code, or any code for a number not listed, gets 400 LOGIN.0002 "Invalid account name or
   * password. Remaining attempts: N." with N one lower each time. At 0 every code, the right one too, keeps getting
   * LOGIN.0002 with 0: the public docs name no lockout code, so none is invented. A successful login restores the
   * attempts. The count lives in the mock: create a new one per test. Numbers match by their digits, a +86 or 0086
   * prefix dropped: "+86 138-0000-0001", "(+86) (0)138 0000 0001", fullwidth "１３８０００００００１" and "13800000001"
   * are one account (two keys that are one number throw). A plain object; each key a phone number (digits, spaces,
   * ( ) - . and a leading + or 00), else a TypeError; a request's mobile written otherwise is no listed number's.
   */
  accounts?: Readonly<Record<string, string>>;
  /** Wrong codes allowed per number before it is stuck at 0 (default 5; a safe integer). */
  attempts?: number;
  /**
   * The stateful journey (from `createJourney`) that answers every valid request without a `Prefer`: captcha, sent
   * codes in its outbox, logins, state tokens, the tenant's tokens and tickets (docs/testing.md). Invalid requests and
   * a `Prefer` are answered as without it. Not together with `accounts` (give those to createJourney).
   */
  journey?: Journey;
}

/** How a configured account answers a login with the right code (see {@link JourneyOptions}). */
export interface JourneyAccount {
  /**
   * The login's status (default "SUCCESS"). "MFA_AUTH", "PASSWORD_WARN" and "PASSWORD_EXPIRED" answer with a
   * `state_token` for the next step; "ACCESS_DENIED" ends the journey.
   */
  status?: "SUCCESS" | "MFA_AUTH" | "PASSWORD_WARN" | "PASSWORD_EXPIRED" | "ACCESS_DENIED";
  /** The current password, which pwd/update's `old_password` must equal (default: any is taken). */
  password?: string;
  /** The user sso-ticket/verify answers (default: the spec's example user, with this mobile number). */
  user?: Readonly<Record<string, string>>;
}

/** Options of `createJourney`. Durations are milliseconds on the journey's clock; every default is a documented rule. */
export interface JourneyOptions {
  /** Mobile number -> how it answers (numbers match by their digits, as LoginMockOptions.accounts). Others: SUCCESS. */
  accounts?: Readonly<Record<string, JourneyAccount>>;
  /** Where the clock starts (default: Date.now() when the journey is made). */
  start?: number;
  /** How long a sent code is accepted (default 300 000: 5 minutes, the package's rule). */
  codeTtlMs?: number;
  /** Wrong codes before a number is locked (default 10, OneAccess's default password policy). */
  attempts?: number;
  /** How long a lock lasts (default 180 000: 3 minutes, OneAccess's default password policy). */
  lockMs?: number;
  /** How long a captcha challenge and a captcha_token are accepted (default 120 000, the package's rule). */
  captchaTtlMs?: number;
  /** How long a state_token is accepted (default 300 000, the package's rule). */
  stateTtlMs?: number;
  /** The session token's `expire`, in seconds (default 604 800, the spec's example). */
  sessionTtlS?: number;
  /** The sso_ticket's `expire`, in seconds (default 300, the spec's example). */
  ticketTtlS?: number;
  /** The app token's `expires_in`, in seconds (default 1 800, the token page's default). */
  appTokenTtlS?: number;
  /** client_id -> client_secret the token call accepts (default: any pair). */
  clients?: Readonly<Record<string, string>>;
}
