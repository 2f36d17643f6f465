import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess answered with an HTTP status the contract does not document (anything but 200 and 400). */
export class HttpError extends OneAccessError {
  override readonly name = "HttpError";
  readonly kind = "http";
  /** The HTTP status, e.g. 503. */
  declare readonly status: number;
  /** `error_code` when the body had one (gateways often send the OneAccess error shape), else undefined. */
  declare readonly code: string | undefined;

  constructor(status: number, statusText: string, code: string | undefined, request: RequestSummary) {
    super(`OneAccess answered HTTP ${status}${statusText && " " + statusText}${code ? ` (${code})` : ""}`, request, { status, code });
  }
}
