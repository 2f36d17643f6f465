import { REDACTED, type Redactor } from "./redact.js";
import type { LoginError } from "./errors/login-error.js";
import { INSPECT } from "./errors/one-access-error.js";
import type { LoginFailure, LoginResult } from "./result.js";

const TOKENS = ["session_token", "id_token", "state_token"];

/** A copy of parsed JSON with token fields replaced and every other string, and every key, redacted. */
export function scrub(value: unknown, redact: Redactor, key = ""): unknown {
  if (TOKENS.includes(key)) return REDACTED;
  if (typeof value == "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, redact));
  if (!value || typeof value != "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), scrub(v, redact, k)]));
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
