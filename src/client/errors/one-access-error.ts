/** Which failure a {@link OneAccessError} is; one kind per error class. */
export type LoginErrorKind = "input" | "api" | "http" | "format" | "contract" | "network" | "timeout" | "abort";

/** The request an error belongs to, with nothing secret in it: no body, no headers, no query. */
export interface RequestSummary {
  readonly method: "GET" | "POST";
  readonly url: string;
}

// Node's console.log/util.inspect hook, named by symbol so the client needs no Node import.
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base of every failure the client reports. Its views (the message, `String(err)`, `JSON.stringify(err)`,
 * `util.inspect(err)` at any depth, the `cause` chain) are built only from parts that cannot carry a secret; see
 * docs/views.md. What the server sent stays on the properties documented as raw, which are not enumerable.
 */
export abstract class OneAccessError extends Error {
  /** Discriminates the failure for `switch` statements. */
  abstract readonly kind: LoginErrorKind;
  /** Method and URL (the configured base URL and the operation's path) of the failed request. */
  readonly request: RequestSummary;

  /**
   * `fields` are the subclass's view-safe fields (declared there with `declare`, so nothing resets them); `raw` are
   * what the server sent, kept out of every view.
   */
  constructor(what: string, request: RequestSummary, fields?: object, raw?: object, cause?: unknown) {
    super(`${what}: ${request.method} ${request.url}`, cause === undefined ? undefined : { cause });
    this.request = request;
    Object.assign(this, fields);
    for (const [name, value] of Object.entries(raw ?? {})) Object.defineProperty(this, name, { value });
  }

  /** The serializable view: name, kind, message and the subclass's view-safe fields. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }

  // The stack and the safe fields; never `cause` details or raw fields a logger would otherwise dump.
  [INSPECT](): string {
    const { name: _name, ...fields } = this.toJSON();
    return `${this.stack ?? this.message} ${JSON.stringify(fields)}`;
  }
}
