import { documentedCode } from "../../contract/view-rule.js";
import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** How an answer was a redirect: a 3xx, an answer a custom fetch reached by following one, or a browser's opaque one. */
export type RedirectKind = "3xx" | "followed" | "opaque";

/**
 * OneAccess answered with an HTTP status the contract does not document (anything but 200 and 400), or redirected:
 * the client never follows a redirect, and refuses an answer a custom fetch reached by following one.
 */
export class HttpError extends OneAccessError {
  override readonly name = "HttpError";
  readonly kind = "http";
  /** The HTTP status, e.g. 503 (0 for a browser's opaque redirect). */
  declare readonly status: number;
  /** `error_code` when the body had one, as sent (see ApiError's `code`: raw unless OneAccess documents it). */
  declare readonly code: string | undefined;
  /**
   * For a redirect, the origin its `Location` (or the URL a custom fetch was redirected to) points to, never its path
   * or query ("null" for a URL without one, such as data:); undefined without a URL. Raw: never in a view.
   */
  declare readonly location: string | undefined;

  /** For a 429 or 503, the wait its `Retry-After` asked for in milliseconds (RFC 9110 forms only), else undefined. Raw: a server chooses its digits. */
  declare readonly retryAfter: number | undefined;
  /** Raw: the answer's `X-Request-Id` as sent, for support; never in a view (a server chooses it freely). */
  declare readonly requestId: string | undefined;

  /** `details` are raw but for `redirect`; `requestId` is the raw header. */
  constructor(
    status: number,
    code: string | undefined,
    request: RequestSummary,
    details: { location?: string | undefined; retryAfter?: number | undefined; redirect?: RedirectKind | undefined } = {},
    requestId?: string,
  ) {
    const { redirect, ...raw } = details;
    const safe = documentedCode(code);
    const what = redirect == "opaque" ? "a redirect whose target the browser hides (not followed)" : `HTTP ${status}${safe ? ` (${safe})` : ""}${redirect ? (redirect == "3xx" ? ", a redirect (not followed)" : " through a redirect (refused)") : ""}`;
    super(`OneAccess answered ${what}`, request, safe ? { status, code } : { status }, safe ? { ...raw, requestId } : { code, ...raw, requestId });
  }
}
