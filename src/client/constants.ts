/** Path of the operation, as in the spec. */
export const LOGIN_PATH = "/api/v2/sdk/login/mobile-verify-code";

/** The Content-Type OneAccess expects, byte for byte (not the `application/json` fetch would send). */
export const CONTENT_TYPE = "application/json;charset=utf8";

/** Default per-request timeout: long enough for a slow SMS backend, short enough that a login never hangs. */
export const DEFAULT_TIMEOUT_MS = 10_000;
