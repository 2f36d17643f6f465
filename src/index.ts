// oneaccess-sms-login: a typed client for OneAccess's SMS verification code login. Table of contents:

// The client
export { createLoginClient, type LoginClient } from "./client/client.js";
export type { DeviceContext, Fetch, LoginCallOptions, LoginClientOptions, LoginClientTarget } from "./client/options.js";
export type { RetryOptions } from "./client/retry.js";
export type { LoginFailure, LoginResult, LoginSuccess, OperationResult, OperationSuccess } from "./client/result.js";
export { CONTENT_TYPE, DEFAULT_TIMEOUT_MS, LOGIN_PATH } from "./client/constants.js";
/** The contract version this build implements, equal to the package version and the spec's info.version. */
export { CONTRACT_VERSION } from "./version.js";

// Contract types, generated from the spec
export type {
  ErrorResponseBody,
  LoginCredentials,
  LoginHeaders,
  LoginResponseBody,
  LoginStatus,
  AnswerOf,
  BrowserOperationId,
  CallOptions,
  InputOf,
  components,
  operations,
  paths,
} from "./types.js";

// Errors: one class per failure kind, all under OneAccessError
export { OneAccessError, type LoginErrorKind, type RequestSummary } from "./client/errors/one-access-error.js";
export { isLoginError, type LoginError } from "./client/errors/login-error.js";
export { InputError } from "./client/errors/input-error.js";
export { ApiError } from "./client/errors/api-error.js";
export { HttpError } from "./client/errors/http-error.js";
export { ResponseFormatError } from "./client/errors/response-format-error.js";
export { ContractViolationError } from "./client/errors/contract-violation-error.js";
export { NetworkError } from "./client/errors/network-error.js";
export { TimeoutError } from "./client/errors/timeout-error.js";
export { AbortError } from "./client/errors/abort-error.js";
export { ConfigError } from "./client/errors/config-error.js";
