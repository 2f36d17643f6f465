// oneaccess-sms-login/server: the tenant calls a back end makes after a login, with the application's client secret.
// Nothing here is ever imported by the browser entry (src/index.ts); a browser build of this entry resolves to
// ./browser.ts, which throws at import.
export { createServerClient, type ServerClient } from "./server-client.js";
export type { ServerCallOptions, ServerClientOptions } from "./options.js";
export type { ServerAnswerOf, ServerInputOf, ServerOperationId, ServerResult, ServerSuccess, SessionTokenInput, SsoUser } from "./types.js";
export { REFRESH_MARGIN_SECONDS, createAppTokenManager, type AppTokenManager, type AppTokenManagerOptions, type TokenExchange } from "./app-token-manager.js";
export { AppToken } from "./app-token.js";
export { AppTokenError, isAppTokenError, type AppTokenErrorKind } from "./app-token-error.js";
export { grantFromTokenResponse, type TokenGrant } from "./token-grant.js";
export { createIdTokenVerifier, VerifiedIdToken, type IdTokenKeys, type IdTokenVerifier, type IdTokenVerifierOptions } from "./verify-id-token.js";
export { IdTokenError, isIdTokenError, type IdTokenErrorKind } from "./id-token-error.js";
