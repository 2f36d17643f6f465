import { INSPECT } from "./views.js";

/** Why an id_token was refused. */
export type IdTokenErrorKind = "malformed" | "algorithm" | "signature" | "expired" | "not-yet-valid" | "issuer" | "audience" | "claims" | "keys-unavailable" | "input";

const SENTENCES: Record<IdTokenErrorKind, string> = {
  malformed: "The id_token was refused: it is not a well-formed signed JWT",
  algorithm: "The id_token was refused: its signing algorithm is not allowed",
  signature: "The id_token was refused: no key of the tenant's JWKS verifies its signature",
  expired: "The id_token was refused: it has expired",
  "not-yet-valid": "The id_token was refused: it is not valid yet",
  issuer: "The id_token was refused: it was issued by another issuer",
  audience: "The id_token was refused: it was issued for another audience",
  claims: "The id_token was refused: a required claim is missing or invalid",
  "keys-unavailable": "The id_token could not be verified: the tenant's JWKS could not be read",
  input: "The id_token could not be verified: the token or the options are not usable",
};

/**
 * An id_token that failed verification. The message is one of the package's own sentences; the JOSE library's error
 * is not kept as `cause`, since its message may quote claims of the token.
 */
export class IdTokenError extends Error {
  /** Discriminates the failure. */
  readonly kind: IdTokenErrorKind;

  constructor(kind: IdTokenErrorKind) {
    super(SENTENCES[kind]);
    this.name = "IdTokenError";
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

/** True for an {@link IdTokenError}, also across copies of the package. */
export const isIdTokenError = (value: unknown): value is IdTokenError =>
  value instanceof IdTokenError || (value instanceof Error && value.name === "IdTokenError" && typeof (value as { kind?: unknown }).kind === "string");
