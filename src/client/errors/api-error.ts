import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess refused the login with HTTP 400 and a documented `{error_code, error_msg}` body. */
export class ApiError extends OneAccessError {
  override readonly name = "ApiError";
  readonly kind = "api";
  /** Always 400. */
  declare readonly status: 400;
  /** `error_code`, e.g. "LOGIN.0002". An open set: compare with known codes, expect others. */
  declare readonly code: string;
  /** `error_msg`, with any secret of the request redacted. */
  declare readonly errorMsg: string;

  /** The answer's `X-Request-Id` (redacted like everything else), for support; undefined when it had none. */
  declare readonly requestId: string | undefined;

  constructor(code: string, errorMsg: string, request: RequestSummary, requestId?: string) {
    super(`OneAccess refused the login with ${code} (${errorMsg})`, request, { status: 400, code, errorMsg, requestId });
  }
}
