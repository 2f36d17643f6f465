import type { AbortError } from "./abort-error.js";
import type { ApiError } from "./api-error.js";
import type { ContractViolationError } from "./contract-violation-error.js";
import type { HttpError } from "./http-error.js";
import type { InputError } from "./input-error.js";
import type { NetworkError } from "./network-error.js";
import { OneAccessError } from "./one-access-error.js";
import type { ResponseFormatError } from "./response-format-error.js";
import type { TimeoutError } from "./timeout-error.js";

/** Every failure a login can end in, discriminated by `kind`. */
export type LoginError =
  | InputError
  | ApiError
  | HttpError
  | ResponseFormatError
  | ContractViolationError
  | NetworkError
  | TimeoutError
  | AbortError;

const NAMES = new Set(["InputError", "ApiError", "HttpError", "ResponseFormatError", "ContractViolationError", "NetworkError", "TimeoutError", "AbortError"]);

/** True for a login failure, also across package copies (compares `name` as well as the class). */
export function isLoginError(value: unknown): value is LoginError {
  return value instanceof OneAccessError || (value instanceof Error && NAMES.has(value.name) && "kind" in value);
}
