import { AppTokenError } from "./app-token-error.js";

/** What a token exchange hands the manager: the access token and its lifetime in seconds. */
export interface TokenGrant {
  readonly accessToken: string;
  /** Lifetime in seconds from when the request was sent (OneAccess's default is 1800). */
  readonly expiresIn: number;
}

/**
 * Reads the body of a 200 answer of `POST /api/v2/tenant/token` (`access_token`, `expires_in`) into a
 * {@link TokenGrant}; anything else is an {@link AppTokenError} of kind "invalid-grant" that quotes nothing of it.
 */
export function grantFromTokenResponse(body: unknown): TokenGrant {
  const { access_token: accessToken, expires_in: expiresIn } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof accessToken !== "string" || accessToken.length === 0) throw new AppTokenError("invalid-grant");
  if (typeof expiresIn !== "number" || !Number.isSafeInteger(expiresIn) || expiresIn < 0) throw new AppTokenError("invalid-grant");
  return { accessToken, expiresIn };
}
