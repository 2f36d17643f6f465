import { documentedCode } from "../../contract/view-rule.js";
import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess refused the call with HTTP 400 and a documented `{error_code, error_msg}` body. */
export class ApiError extends OneAccessError {
  override readonly name = "ApiError";
  readonly kind = "api";
  /** Always 400. */
  declare readonly status: 400;
  /**
   * `error_code` as the server sent it, e.g. "LOGIN.0002". An open set: compare with known codes, expect others. Views
   * show it only when it is one OneAccess documents (docs/views.md); else it is raw.
   */
  declare readonly code: string;
  /** Raw: `error_msg` as the server sent it. It may echo what you sent: never in a view, keep it out of logs. */
  declare readonly errorMsg: string;

  /** Raw: the answer's `X-Request-Id` as sent, for support; never in a view (a server chooses it freely). */
  declare readonly requestId: string | undefined;

  /** `requestId` is the raw header; `label` names the call in the message. */
  constructor(code: string, errorMsg: string, request: RequestSummary, requestId?: string, label = "login") {
    const safe = documentedCode(code);
    super(`OneAccess refused the ${label} with ${safe ?? "an undocumented error code"}`, request, safe ? { status: 400, code } : { status: 400 }, safe ? { errorMsg, requestId } : { code, errorMsg, requestId });
  }
}
