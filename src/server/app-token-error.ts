import { INSPECT } from "./views.js";

/** Why the application's access token could not be had. */
export type AppTokenErrorKind = "exchange-failed" | "invalid-grant";

const SENTENCES: Record<AppTokenErrorKind, string> = {
  "exchange-failed": "Could not get the application's access token: the token request failed",
  "invalid-grant": "Could not get the application's access token: the answer holds no usable access_token and expires_in",
};

/**
 * A failure to get the application's access token. Its message is one of the package's own sentences; the
 * exchange's own error is deliberately not kept as `cause`, since it may quote the request (the client secret) or
 * the answer (the token).
 */
export class AppTokenError extends Error {
  /** Discriminates the failure. */
  readonly kind: AppTokenErrorKind;

  constructor(kind: AppTokenErrorKind) {
    super(SENTENCES[kind]);
    this.name = "AppTokenError";
    this.kind = kind;
  }

  /** The serializable view: name, kind and message. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, message: this.message };
  }

  [INSPECT](): string {
    return `${this.stack ?? this.message} ${JSON.stringify({ kind: this.kind })}`;
  }
}

/** True for an {@link AppTokenError}, also across copies of the package. */
export const isAppTokenError = (value: unknown): value is AppTokenError =>
  value instanceof AppTokenError || (value instanceof Error && value.name === "AppTokenError" && typeof (value as { kind?: unknown }).kind === "string");
