// oneaccess-sms-login: a typed client for OneAccess's SMS verification code login. Table of contents:

// The client
export { createLoginClient, type LoginClient } from "./client.js";
export type { DeviceContext, Fetch, LoginCallOptions, LoginClientOptions, LoginClientTarget } from "./options.js";
export type { LoginFailure, LoginResult, LoginSuccess } from "./result.js";
export { CONTENT_TYPE, DEFAULT_TIMEOUT_MS, LOGIN_PATH } from "./constants.js";

// Contract types, generated from the spec
export type {
  ErrorResponseBody,
  LoginCredentials,
  LoginHeaders,
  LoginResponseBody,
  LoginStatus,
  components,
  operations,
  paths,
} from "./types.js";

// Errors: one class per failure kind, all under OneAccessError
export { OneAccessError, type LoginErrorKind, type RequestSummary } from "./errors/one-access-error.js";
export { isLoginError, type LoginError } from "./errors/login-error.js";
export { InputError } from "./errors/input-error.js";
export { ApiError } from "./errors/api-error.js";
export { HttpError } from "./errors/http-error.js";
export { ResponseFormatError } from "./errors/response-format-error.js";
export { ContractViolationError } from "./errors/contract-violation-error.js";
export { NetworkError } from "./errors/network-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { AbortError } from "./errors/abort-error.js";
export { ConfigError } from "./errors/config-error.js";
export { REDACTED } from "./redact.js";
