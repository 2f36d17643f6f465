import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { IdTokenError, type IdTokenErrorKind } from "./id-token-error.js";
import { safeView } from "./views.js";

/** The tenant's keys: the JWKS document itself, or its URL (the tenant's OIDC `jwks_uri`). */
export type IdTokenKeys = JSONWebKeySet | URL;

/** Options of {@link createIdTokenVerifier}. */
export interface IdTokenVerifierOptions {
  /** The tenant's signing keys. */
  readonly keys: IdTokenKeys;
  /** The `iss` the token must carry. OneAccess's pages do not state it: take it from the tenant's OIDC metadata. */
  readonly issuer: string;
  /** The `aud` the token must carry (the application's client id). */
  readonly audience: string;
  /** Allowed signing algorithms; RS256 unless given. "none" is never allowed. */
  readonly algorithms?: readonly string[];
  /** Seconds of clock skew tolerated on `exp` and `nbf`; 0 unless given. */
  readonly clockToleranceSeconds?: number;
  /** The clock, in epoch milliseconds; `Date.now` unless a test controls time. */
  readonly now?: () => number;
}

/** A verified id_token. Its views show when it expires, never its claims (they may hold personal data). */
export class VerifiedIdToken {
  readonly #claims: JWTPayload;
  /** `exp` as epoch milliseconds, when present. */
  readonly expiresAt: number | undefined;

  constructor(claims: JWTPayload) {
    this.#claims = Object.freeze({ ...claims });
    this.expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : undefined;
  }

  /** The token's claims (a frozen copy). */
  claims(): JWTPayload {
    return this.#claims;
  }
}
safeView(VerifiedIdToken, (self: VerifiedIdToken) => ({ claims: "[redacted]", expiresAt: self.expiresAt }), "VerifiedIdToken");

/** Verifies id_tokens against the tenant's JWKS with the `jose` library (no hand-written crypto). */
export type IdTokenVerifier = (idToken: string) => Promise<VerifiedIdToken>;

/** The kind of failure a `jose` error is; anything unknown counts as unverifiable input. */
function kindOf(error: unknown): IdTokenErrorKind {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "issuer";
    if (error.claim === "aud") return "audience";
    if (error.claim === "nbf") return "not-yet-valid";
    return "claims";
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return "algorithm";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return "signature";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof errors.JWKInvalid) return "keys-unavailable";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "malformed";
  return "input";
}

/** Creates an id_token verifier for one tenant and application. */
export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  let keys: IdTokenVerifierOptions["keys"], issuer: unknown, audience: unknown, algorithms: string[];
  try {
    ({ keys, issuer, audience } = options ?? ({} as IdTokenVerifierOptions));
    algorithms = [...(options.algorithms ?? ["RS256"])];
  } catch {
    // A getter or proxy trap that threw (or algorithms that are no list): the caller's error may quote anything.
    throw new IdTokenError("input");
  }
  if (typeof issuer !== "string" || issuer === "" || typeof audience !== "string" || audience === "") throw new IdTokenError("input");
  if (algorithms.length === 0 || algorithms.some((alg) => typeof alg !== "string" || alg.toLowerCase() === "none")) throw new IdTokenError("algorithm");
  let keySet: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
  try {
    keySet = keys instanceof URL ? createRemoteJWKSet(keys) : createLocalJWKSet(keys);
  } catch {
    throw new IdTokenError("keys-unavailable");
  }
  const now = options.now;
  return async (idToken) => {
    if (typeof idToken !== "string" || idToken === "") throw new IdTokenError("input");
    try {
      const { payload } = await jwtVerify(idToken, keySet, {
        issuer,
        audience,
        algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 0,
        ...(now ? { currentDate: new Date(now()) } : {}),
      });
      return new VerifiedIdToken(payload);
    } catch (error) {
      // A fetch failure of a remote JWKS is a plain TypeError from fetch, not a jose error.
      if (keys instanceof URL && !(error instanceof errors.JOSEError)) throw new IdTokenError("keys-unavailable");
      throw new IdTokenError(kindOf(error));
    }
  };
}
