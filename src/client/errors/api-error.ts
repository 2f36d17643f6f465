import { ERROR_CODE, shown } from "../../contract/view-rule.js";
import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess refused the call with HTTP 400 and a documented `{error_code, error_msg}` body. */
export class ApiError extends OneAccessError {
  override readonly name = "ApiError";
  readonly kind = "api";
  /** Always 400. */
  declare readonly status: 400;
  /**
   * `error_code` as the server sent it, e.g. "LOGIN.0002". An open set: compare with known codes, expect others. Views
   * show it only when it has OneAccess's documented shape and holds no secret (docs/views.md); else it is raw.
   */
  declare readonly code: string;
  /** Raw: `error_msg` as the server sent it. It may echo what you sent: never in a view, keep it out of logs. */
  declare readonly errorMsg: string;

  /** The answer's `X-Request-Id` when it is safe to show (docs/views.md), for support; else undefined. */
  declare readonly requestId: string | undefined;

  /**
   * `requestId` must be safe to show; `secrets` are what a code shown in a view may not hold (docs/views.md); `label`
   * names the call in the message.
   */
  constructor(code: string, errorMsg: string, request: RequestSummary, requestId?: string, secrets: readonly unknown[] = [], label = "login") {
    const safe = shown(code, ERROR_CODE, secrets);
    super(`OneAccess refused the ${label} with ${safe ?? "an undocumented error code"}`, request, safe ? { status: 400, code, requestId } : { status: 400, requestId }, safe ? { errorMsg } : { code, errorMsg });
  }
}
