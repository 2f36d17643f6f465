// The server's building blocks: the application's access token and id_token verification. They hold or handle the
// client secret's fruits, so nothing here is ever imported by the browser entry (src/index.ts).
export { REFRESH_MARGIN_SECONDS, createAppTokenManager, type AppTokenManager, type AppTokenManagerOptions, type TokenExchange } from "./app-token-manager.js";
export { AppToken } from "./app-token.js";
export { AppTokenError, isAppTokenError, type AppTokenErrorKind } from "./app-token-error.js";
export { grantFromTokenResponse, type TokenGrant } from "./token-grant.js";
export { createIdTokenVerifier, VerifiedIdToken, type IdTokenKeys, type IdTokenVerifier, type IdTokenVerifierOptions } from "./verify-id-token.js";
export { IdTokenError, isIdTokenError, type IdTokenErrorKind } from "./id-token-error.js";
