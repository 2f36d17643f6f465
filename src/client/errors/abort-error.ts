import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** The caller's AbortSignal cancelled the request. */
export class AbortError extends OneAccessError {
  override readonly name = "AbortError";
  readonly kind = "abort";

  constructor(request: RequestSummary) {
    super("Request was aborted by the caller", request);
  }
}
