/** Which failure a {@link OneAccessError} is; one kind per error class. */
export type LoginErrorKind = "input" | "api" | "http" | "format" | "contract" | "network" | "timeout" | "abort";

/** The request an error belongs to, with nothing secret in it: no body, no headers, no query. */
export interface RequestSummary {
  readonly method: "POST";
  readonly url: string;
}

// Node's console.log/util.inspect hook, named by symbol so the client needs no Node import.
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base of every failure the client reports. Safe to log and serialize: the message, `String(err)`,
 * `JSON.stringify(err)` and `console.log(err)` carry no secret and no mobile number.
 */
export abstract class OneAccessError extends Error {
  /** Discriminates the failure for `switch` statements. */
  abstract readonly kind: LoginErrorKind;
  /** Method and redacted URL of the failed request. */
  readonly request: RequestSummary;

  /**
   * `fields` are the subclass's safe, public fields (declared there with `declare`, so nothing resets them); a
   * `requestId` among them (already redacted) is quoted in the message, for support.
   */
  constructor(what: string, request: RequestSummary, fields?: { requestId?: string | undefined; [field: string]: unknown }, cause?: unknown) {
    const id = fields?.requestId;
    super(`${what}${id ? ` (request id ${id})` : ""}: ${request.method} ${request.url}`, cause === undefined ? undefined : { cause });
    this.request = request;
    Object.assign(this, fields);
  }

  /** The serializable view: name, kind, message and the subclass's safe fields. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }

  // Shows the stack and safe fields, never `cause` details a logger would otherwise dump.
  [INSPECT](): string {
    const { name: _name, ...fields } = this.toJSON();
    return `${this.stack ?? this.message} ${JSON.stringify(fields)}`;
  }
}
