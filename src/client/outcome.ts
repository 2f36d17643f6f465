import { REDACTED, type Redactor } from "./redact.js";
import type { LoginError } from "./errors/login-error.js";
import { INSPECT } from "./errors/one-access-error.js";
import type { LoginFailure, LoginResult } from "./result.js";

const TOKENS = ["session_token", "id_token", "state_token"];

/**
 * A copy of parsed JSON with token fields replaced, and every other string, number and key redacted, of the call's
 * secrets and of the body's own token values wherever a server copied them.
 */
export function scrub(body: unknown, redact: Redactor): unknown {
  const tokens = TOKENS.map((k) => (body as Record<string, unknown> | null)?.[k]).filter((t): t is string => typeof t == "string" && t.length > 3);
  const clean = (text: string) => tokens.reduce((out, token) => out.split(token).join(REDACTED), redact(text));
  const copy = (value: unknown, key: string): unknown => {
    if (TOKENS.includes(key)) return REDACTED;
    // A number too: a server may echo the mobile number or the code as a JSON number.
    if (typeof value == "string" || typeof value == "number") {
      const safe = clean(String(value));
      return safe == String(value) ? value : safe;
    }
    if (Array.isArray(value)) return value.map((v) => copy(v, ""));
    if (!value || typeof value != "object") return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), copy(v, k)]));
  };
  return copy(body, "");
}

/**
 * A login result, safe to log whole: `console.log(result)`, `util.inspect(result)` and `JSON.stringify(result)` show
 * the status, the body with its tokens redacted, the error's safe view and the response's status and header names
 * only (no Set-Cookie value), while `result.body` and `result.response` stay the real ones for the code that asks.
 */
export class Outcome {
  readonly #redact: Redactor;

  constructor(fields: object, redact: Redactor) {
    Object.assign(this, fields);
    this.#redact = redact;
  }

  /** The view a logger or serializer sees. */
  toJSON(): Record<string, unknown> {
    const { body, response, ...rest } = this as { body?: unknown; response?: Response };
    const view: Record<string, unknown> = rest;
    if (body !== undefined) view.body = scrub(body, this.#redact);
    // forEach, not keys(): a consumer compiling without the DOM.Iterable lib must be able to type-check this file.
    const headers: string[] = [];
    response?.headers.forEach((_, name) => headers.push(name));
    view.response = response && { status: response.status, headers };
    return view;
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** Builds a result of the given shape as an Outcome, so it logs safely. */
export const outcome = <T extends LoginResult>(fields: T, redact: Redactor) => new Outcome(fields, redact) as unknown as T;

/** A failed login as an Outcome; `response` is the answer when there was one. */
export const failure = (error: LoginError, redact: Redactor, response?: Response) => outcome<LoginFailure>({ ok: false, error, response }, redact);
