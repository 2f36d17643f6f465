import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** No complete answer within the timeout; the request was cancelled. */
export class TimeoutError extends OneAccessError {
  override readonly name = "TimeoutError";
  readonly kind = "timeout";
  /** The timeout that ran out, in milliseconds. */
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number, request: RequestSummary) {
    super(`Request timed out after ${timeoutMs} ms`, request, { timeoutMs });
  }
}
