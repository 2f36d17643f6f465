import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/**
 * OneAccess answered with an HTTP status the contract does not document (anything but 200 and 400), or redirected:
 * the client never follows a redirect, and refuses an answer a custom fetch reached by following one.
 */
export class HttpError extends OneAccessError {
  override readonly name = "HttpError";
  readonly kind = "http";
  /** The HTTP status, e.g. 503 (0 for an opaque redirect). */
  declare readonly status: number;
  /** `error_code` when the body had one (gateways often send the OneAccess error shape), else undefined. */
  declare readonly code: string | undefined;
  /** For a redirect, the origin it pointed to (never its path or query), else undefined. */
  declare readonly location: string | undefined;

  /** For a 429 or 503, the wait its `Retry-After` asked for in milliseconds; undefined when absent or unparsable. */
  declare readonly retryAfter: number | undefined;
  /** The answer's `X-Request-Id` (redacted like everything else), for support; undefined when it had none. */
  declare readonly requestId: string | undefined;

  /** `statusText`, `code`, `location` and `requestId` must already be redacted. */
  constructor(
    status: number,
    statusText: string,
    code: string | undefined,
    request: RequestSummary,
    location?: string,
    retryAfter?: number,
    requestId?: string,
  ) {
    const where = location ? ` (redirect to ${location}, not followed)` : "";
    super(`OneAccess answered HTTP ${status}${statusText && " " + statusText}${code ? ` (${code})` : ""}${where}`, request, {
      status,
      code,
      location,
      retryAfter,
      requestId,
    });
  }
}
