import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** The request never got an answer: DNS, connection, TLS, a fetch or middleware that threw. */
export class NetworkError extends OneAccessError {
  override readonly name = "NetworkError";
  readonly kind = "network";

  /** `reason` must already be redacted; `cause` is the (redacted) original error. */
  constructor(reason: string, request: RequestSummary, cause?: unknown) {
    super(`Request failed (${reason})`, request, undefined, cause);
  }
}
