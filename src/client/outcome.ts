import type { LoginError } from "./errors/login-error.js";
import { INSPECT } from "./errors/one-access-error.js";
import type { LoginFailure, LoginResult } from "./result.js";

import type { Schema } from "../contract/validate.js";

/** True for an HTTP status as a view may show it: a whole number from 0 (a browser's opaque redirect) to 999. */
export const isHttpStatus = (status: unknown): status is number => Number.isInteger(status) && (status as number) >= 0 && (status as number) < 1000;

/**
 * A login result, safe to log whole: `console.log(result)`, `util.inspect(result)` and `JSON.stringify(result)` show
 * `ok`, `status`, the error's view, the answer's HTTP status and the names of the documented body fields present,
 * never a value or header the server sent. `result.body`, `result.response` and `result.requestId` are the raw ones
 * for the code that asks; they are not own enumerable properties, so a spread (`{...result}`) leaves them behind too.
 */
export class Outcome {
  // The 200 schema of the result's operation: a view lists the documented fields present, never a value. Private, so
  // in no view, and cheaper per result than a WeakMap entry.
  readonly #schema: Schema | null | undefined;
  // Read when the result is made, so a later change to the answer's headers does not change it.
  readonly #requestId: string | undefined;

  constructor(fields: object, response: Response | undefined, body?: unknown, schema?: Schema | null) {
    Object.assign(this, fields);
    this.#schema = schema;
    this.#requestId = response?.headers.get("x-request-id") ?? undefined;
    Object.defineProperty(this, "response", { value: response });
    if (body !== undefined) Object.defineProperty(this, "body", { value: body });
  }

  /** Raw: the answer's `X-Request-Id` as sent, for support; a getter on the prototype, so in no view. */
  get requestId(): string | undefined {
    // Through a Proxy (a framework's reactive state) the private field is not reachable: undefined then, no throw.
    return #requestId in this ? this.#requestId : undefined;
  }

  /** The view a logger or serializer sees. */
  toJSON(): Record<string, unknown> {
    const { body, response } = this as { body?: Record<string, unknown>; response?: Response };
    const view: Record<string, unknown> = { ...(this as object) };
    // Only an HTTP status: a custom fetch's Response-like object may answer this later read with any text.
    if (response) {
      const { status } = response;
      view.response = { status: isHttpStatus(status) ? status : undefined };
    }
    if (body) {
      // The union of every shape's fields (a Set keeps each name once, in the spec's order).
      // Through a Proxy (a framework's reactive state) the private field is not reachable: no names then, no throw.
      const schema = #schema in this ? this.#schema : undefined;
      const names = new Set([schema, ...(schema?.oneOf ?? [])].flatMap((shape) => Object.keys(shape?.properties ?? {})));
      view.fields = [...names].filter((name) => body[name] !== undefined);
    }
    return view;
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** A failed login as an Outcome; `response` is the answer when there was one. */
export const failure = (error: LoginError, response?: Response) => new Outcome({ ok: false, error }, response) as unknown as LoginFailure;
