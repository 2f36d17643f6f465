// The stateful journey behind createMockFetch and the MSW handlers (option `journey`): captcha, sent codes, logins with
// attempts and a lock, state tokens for the second factor and the password steps, and the tenant's app tokens, session
// tokens and tickets, all on a clock the test moves. What OneAccess's pages state is followed; everything else is a
// rule of this package, listed in docs/testing.md ("The journey's rules").
import { byId, type Operation } from "../contract/operations.js";
import { accountKey, countable } from "./accounts.js";
import { exampleResponse, json, jsonText, unauthorized } from "./answers.js";
import { manualClock, type MockClock } from "./clock.js";
import type { JourneyAccount, JourneyOptions } from "./options.js";
import { SentCodes, type Outbox } from "./outbox.js";

/** The captcha's answer the journey accepts: the point of the spec's example request, x 237 and y 5. */
export const CAPTCHA_ANSWER = '{"x":237.0,"y":5.0}';

const op = (id: string) => byId(id)!;
const example = (id: string, status: string, name: string) => (op(id).examples[status] as Record<string, Record<string, unknown>>)[name]!;
const STATUSES = new Set(["SUCCESS", "MFA_AUTH", "PASSWORD_WARN", "PASSWORD_EXPIRED", "ACCESS_DENIED"]);
const WRONG = example("loginWithMobileVerifyCode", "400", "wrongCredentials") as { error_code: string; error_msg: string };
const COUNT = /\d+(?=\.?$)/;

// Random bytes are drawn from Web Crypto (Node and browsers) a pool at a time: one call per journey step was a good
// part of what a step cost.
const pool = new Uint8Array(3072);
let drawn = pool.length;
/** The next `n` random bytes (n at most 16), read from the pool's current offset. */
function random(n: number): number {
  if (drawn + n > pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  const at = drawn;
  drawn += n;
  return at;
}
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** A fresh random token: `prefix` and 24 hex digits. */
function token(prefix: string): string {
  const at = random(12);
  let text = prefix;
  for (let i = at; i < at + 12; i++) text += HEX[pool[i]!];
  return text;
}

/** Six random digits: four random bytes as a 32-bit number, modulo a million. */
const sixDigits = () => {
  const at = random(4);
  const n = (pool[at]! | (pool[at + 1]! << 8) | (pool[at + 2]! << 16) | (pool[at + 3]! << 24)) >>> 0;
  return String(n % 1_000_000).padStart(6, "0");
};

// The captcha's answer is the spec's first example with a fresh token: its JSON, made once, around the token's place.
const CAPTCHA_JSON = JSON.stringify({ ...(Object.values(op("showCaptcha").examples["200"]!)[0] as object), token: "\u0000" }).split('"\\u0000"');

/** Whether point_json is the documented answer: JSON with x 237 and y 5. */
function solved(pointJson: string): boolean {
  // The answer as the journey documents it (what a test sends): no JSON to parse.
  if (pointJson === CAPTCHA_ANSWER) return true;
  try {
    const point = JSON.parse(pointJson) as { x?: unknown; y?: unknown };
    return typeof point == "object" && point !== null && point.x === 237 && point.y === 5;
  } catch {
    return false;
  }
}

const positive = (value: unknown, name: string, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value != "number" || !Number.isSafeInteger(value) || value < 1) throw new TypeError(`${name} must be a positive safe integer`);
  return value;
};

interface Held {
  expiresAt: number;
}
interface StateToken extends Held {
  mobile: string;
  key: string;
  status: string;
}
interface Session extends Held {
  mobile: string;
  key: string;
  fingerprint: string;
}

/**
 * The login journey as a stateful mock: make one per test with {@link createJourney} and give it to createMockFetch
 * or createHandlers (`{ journey }`). Read sent codes from `outbox`, move time with `clock`.
 */
export class Journey {
  /** The codes sent so far: `journey.outbox.last(mobile)?.code` is what the user would have read. */
  readonly outbox: Outbox;
  /** The clock every expiry is measured on: `journey.clock.advance(ms)`. */
  readonly clock: MockClock;
  /** The captcha answer the journey accepts as `point_json` (see {@link CAPTCHA_ANSWER}). */
  readonly captchaAnswer = CAPTCHA_ANSWER;

  readonly #sent = new SentCodes();
  readonly #accounts = new Map<string, JourneyAccount>();
  readonly #rules: Required<Omit<JourneyOptions, "accounts" | "start" | "clients">>;
  readonly #clients: ReadonlyMap<string, string> | undefined;
  readonly #captchas = new Map<string, Held>();
  readonly #captchaTokens = new Map<string, Held>();
  readonly #attempts = new Map<string, { left: number; lockedUntil: number }>();
  readonly #states = new Map<string, StateToken>();
  readonly #sessions = new Map<string, Session>();
  readonly #tickets = new Map<string, Session>();
  readonly #appTokens = new Map<string, Held>();

  /** Use {@link createJourney}. */
  constructor(options: JourneyOptions = {}) {
    if (typeof options != "object" || options === null) throw new TypeError("journey options must be an object");
    if (!countable) throw new TypeError("the spec's wrongCredentials example has no attempts count to decrease");
    this.outbox = this.#sent;
    const start = options.start ?? Date.now();
    if (typeof start != "number" || !Number.isFinite(start)) throw new TypeError("start must be a finite number of milliseconds");
    this.clock = manualClock(start);
    this.#rules = {
      codeTtlMs: positive(options.codeTtlMs, "codeTtlMs", 300_000),
      attempts: positive(options.attempts, "attempts", 10),
      lockMs: positive(options.lockMs, "lockMs", 180_000),
      captchaTtlMs: positive(options.captchaTtlMs, "captchaTtlMs", 120_000),
      stateTtlMs: positive(options.stateTtlMs, "stateTtlMs", 300_000),
      sessionTtlS: positive(options.sessionTtlS, "sessionTtlS", 604_800),
      ticketTtlS: positive(options.ticketTtlS, "ticketTtlS", 300),
      appTokenTtlS: positive(options.appTokenTtlS, "appTokenTtlS", 1_800),
    };
    for (const [mobile, account] of Object.entries(options.accounts ?? {})) {
      const key = accountKey(mobile);
      // The number stays out of the messages, as every mobile number does.
      if (key === undefined) throw new TypeError("accounts lists a key that is not a phone number: write each as digits, with spaces, ( ) - . and a leading + or 00 if you like");
      if (this.#accounts.has(key)) throw new TypeError("accounts lists one mobile number twice (written two ways)");
      if (typeof account != "object" || account === null || (account.status !== undefined && !STATUSES.has(account.status))) {
        throw new TypeError(`each account is an object whose status is one of ${[...STATUSES].join(", ")}`);
      }
      this.#accounts.set(key, { ...account });
    }
    const clients = options.clients;
    if (clients !== undefined && (typeof clients != "object" || clients === null || !Object.values(clients).every((s) => typeof s == "string"))) {
      throw new TypeError("clients must map client_id to client_secret (strings)");
    }
    this.#clients = clients && new Map(Object.entries(clients));
  }

  /** The answer to a valid request (checked against the contract already) to `operation`. */
  answer(operation: Operation, body: unknown, headers: Headers): Response {
    const fields = (body ?? {}) as Record<string, string>;
    switch (operation.id) {
      case "showCaptcha":
        return this.#captcha();
      case "validateCaptcha":
        return this.#verifyCaptcha(fields);
      case "sendSmsVerifyCode":
        return this.#send(operation, fields);
      case "loginWithMobileVerifyCode":
        return this.#login(fields, headers);
      case "showMobileByStateToken":
        return this.#withState(operation, headers, ["MFA_AUTH"], false, (state) => json(200, { mobile: state.mobile }));
      case "secondaryAuthByMobileVerifyCode":
        return this.#secondFactor(operation, fields, headers);
      case "forceUpdatePwd":
        return this.#withState(operation, headers, ["PASSWORD_WARN", "PASSWORD_EXPIRED"], true, (state) => this.#changePassword(operation, state, fields, headers));
      case "skipForceUpdatePwd":
        return this.#withState(operation, headers, ["PASSWORD_WARN"], true, (state) => this.#loggedIn(state, headers));
      case "getTenantAccessToken":
        return this.#appToken(operation, fields);
      default:
        return operation.bearer ? this.#tenant(operation, fields, headers) : exampleResponse(operation, "200")!;
    }
  }

  #now = () => this.clock.now();

  /** Takes `value` from `map` if it is there and unexpired; once, unless `keep`. */
  #take<T extends Held>(map: Map<string, T>, value: string | null | undefined, keep = false): T | "expired" | undefined {
    const held = value == null ? undefined : map.get(value);
    if (!held) return undefined;
    if (!keep) map.delete(value!);
    return this.#now() >= held.expiresAt ? "expired" : held;
  }

  #captcha(): Response {
    const challenge = token("cap");
    this.#captchas.set(challenge, { expiresAt: this.#now() + this.#rules.captchaTtlMs });
    return jsonText(200, CAPTCHA_JSON[0] + JSON.stringify(challenge) + CAPTCHA_JSON[1]);
  }

  #verifyCaptcha(fields: Record<string, string>): Response {
    const challenge = this.#take(this.#captchas, fields["token"]);
    // A challenge is answered once, right or wrong: a wrong point needs a new captcha.
    if (!challenge || challenge === "expired" || !solved(fields["point_json"] ?? "")) return json(400, example("sendSmsVerifyCode", "400", "captchaTokenInvalid"));
    const captchaToken = token("ctk");
    this.#captchaTokens.set(captchaToken, { expiresAt: this.#now() + this.#rules.captchaTtlMs });
    return json(200, { captcha_token: captchaToken });
  }

  #send(operation: Operation, fields: Record<string, string>): Response {
    const taken = this.#take(this.#captchaTokens, fields["captcha_token"]);
    if (!taken) return json(400, example(operation.id, "400", "captchaTokenInvalid"));
    if (taken === "expired") return json(400, example(operation.id, "400", "captchaTokenExpired"));
    const now = this.#now();
    this.#sent.add({ mobile: fields["mobile"]!, type: fields["type"]!, code: sixDigits(), sentAt: now, expiresAt: now + this.#rules.codeTtlMs });
    return exampleResponse(operation, "200")!;
  }

  /** The attempts record of a number, reset once its lock has passed. */
  #attemptsOf(key: string) {
    let record = this.#attempts.get(key);
    if (!record || (record.lockedUntil > 0 && this.#now() >= record.lockedUntil)) {
      record = { left: this.#rules.attempts, lockedUntil: 0 };
      this.#attempts.set(key, record);
    }
    return record;
  }

  /** LOGIN.0002 with one attempt fewer; at 0 the number is locked for lockMs. */
  #wrongCode(key: string): Response {
    const record = this.#attemptsOf(key);
    if (record.lockedUntil === 0) {
      record.left = Math.max(0, record.left - 1);
      if (record.left === 0) record.lockedUntil = this.#now() + this.#rules.lockMs;
    }
    return json(400, { error_code: WRONG.error_code, error_msg: WRONG.error_msg.replace(COUNT, String(record.left)) });
  }

  /** Checks a code for `mobile` (the last sent, for `type` if given), counting wrong ones; undefined when accepted. */
  #checkCode(mobile: string, code: string, type?: string): Response | undefined {
    const key = accountKey(mobile) ?? mobile;
    // Locked: every code is refused, the right one too, and none is spent. (A number without a record, or whose lock
    // has passed, is not locked: no record is made for it here.)
    const record = this.#attempts.get(key);
    if (record && record.lockedUntil > 0 && this.#now() < record.lockedUntil) return this.#wrongCode(key);
    if (!this.#sent.spend(mobile, code, this.#now(), type)) return this.#wrongCode(key);
    this.#attempts.delete(key);
    return undefined;
  }

  #login(fields: Record<string, string>, headers: Headers): Response {
    const mobile = fields["mobile"]!;
    const refused = this.#checkCode(mobile, fields["verify_code"]!, "LOGIN_SMS");
    if (refused) return refused;
    const key = accountKey(mobile) ?? mobile;
    const status = this.#accounts.get(key)?.status ?? "SUCCESS";
    if (status === "ACCESS_DENIED") return json(200, { status });
    if (status === "SUCCESS") return this.#loggedIn({ mobile, key }, headers);
    const stateToken = token("sta");
    this.#states.set(stateToken, { mobile, key, status, expiresAt: this.#now() + this.#rules.stateTtlMs });
    return json(200, { status, state_token: stateToken });
  }

  /** SUCCESS with a new session token bound to this request's device fingerprint. */
  #loggedIn(who: { mobile: string; key: string }, headers: Headers): Response {
    const sessionToken = token("bts");
    this.#sessions.set(sessionToken, { mobile: who.mobile, key: who.key, fingerprint: headers.get("x-device-fingerprint") ?? "", expiresAt: this.#now() + this.#rules.sessionTtlS * 1000 });
    return json(200, { status: "SUCCESS", session_token: sessionToken, expire: this.#rules.sessionTtlS });
  }

  /** Runs `then` with the request's X-state-token if it is one the journey issued for `statuses` and unexpired. */
  #withState(operation: Operation, headers: Headers, statuses: string[], spend: boolean, then: (state: StateToken) => Response): Response {
    const value = headers.get("x-state-token");
    const state = this.#take(this.#states, value, true);
    if (!state || state === "expired" || !statuses.includes(state.status)) return exampleResponse(operation, "400")!;
    const answer = then(state);
    if (spend && answer.status === 200) this.#states.delete(value!);
    return answer;
  }

  #secondFactor(operation: Operation, fields: Record<string, string>, headers: Headers): Response {
    return this.#withState(operation, headers, ["MFA_AUTH"], true, (state) => {
      // The code must be the state token's number's: another number's code is a wrong code for this one.
      if ((accountKey(fields["mobile"]!) ?? fields["mobile"]) !== state.key) return this.#wrongCode(state.key);
      return this.#checkCode(state.mobile, fields["verify_code"]!) ?? this.#loggedIn(state, headers);
    });
  }

  #changePassword(operation: Operation, state: StateToken, fields: Record<string, string>, headers: Headers): Response {
    const account = this.#accounts.get(state.key);
    if (account?.password !== undefined && account.password !== fields["old_password"]) return exampleResponse(operation, "400")!;
    if (account) account.password = fields["new_password"];
    return this.#loggedIn(state, headers);
  }

  #appToken(operation: Operation, fields: Record<string, string>): Response {
    if (this.#clients && this.#clients.get(fields["client_id"]!) !== fields["client_secret"]) return exampleResponse(operation, "400")!;
    const accessToken = token("atk");
    this.#appTokens.set(accessToken, { expiresAt: this.#now() + this.#rules.appTokenTtlS * 1000 });
    return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: this.#rules.appTokenTtlS, scope: "all" });
  }

  #tenant(operation: Operation, fields: Record<string, string>, headers: Headers): Response {
    const bearer = /^Bearer\s+(.+)$/.exec(headers.get("authorization") ?? "")?.[1];
    const app = this.#take(this.#appTokens, bearer, true);
    if (!app || app === "expired") return unauthorized();
    const refused = exampleResponse(operation, "400")!;
    const fingerprint = fields["device_fingerprint"];
    switch (operation.id) {
      case "exchangeSessionTokenForSsoTicket": {
        const session = this.#take(this.#sessions, fields["session_token"], true);
        if (!session || session === "expired" || session.fingerprint !== fingerprint) return refused;
        this.#sessions.delete(fields["session_token"]!);
        const ticket = token("sso");
        this.#tickets.set(ticket, { ...session, expiresAt: this.#now() + this.#rules.ticketTtlS * 1000 });
        return json(200, { sso_ticket: ticket, expire: this.#rules.ticketTtlS });
      }
      case "verifySsoTicket": {
        const ticket = this.#take(this.#tickets, fields["sso_ticket"]);
        if (!ticket || ticket === "expired") return refused;
        const sample = (example(operation.id, "200", "user") as { data: { user: Record<string, string> } }).data.user;
        return json(200, { data: { user: { ...sample, mobile: ticket.mobile, ...this.#accounts.get(ticket.key)?.user } } });
      }
      case "refreshSessionToken": {
        const session = this.#take(this.#sessions, fields["session_token"], true);
        if (!session || session === "expired" || session.fingerprint !== fingerprint) return refused;
        this.#sessions.delete(fields["session_token"]!);
        const renewed = token("bts");
        this.#sessions.set(renewed, { ...session, expiresAt: this.#now() + this.#rules.sessionTtlS * 1000 });
        return json(200, { session_token: renewed, expire: this.#rules.sessionTtlS });
      }
      default:
        return exampleResponse(operation, "200")!;
    }
  }
}

/** A new stateful journey for createMockFetch / createHandlers (`{ journey }`); one per test, as its state is the test's. */
export const createJourney = (options: JourneyOptions = {}): Journey => new Journey(options);
