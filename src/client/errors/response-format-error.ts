import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess answered 200 or 400 with a body that is empty or not JSON (an HTML error page, say). */
export class ResponseFormatError extends OneAccessError {
  override readonly name = "ResponseFormatError";
  readonly kind = "format";
  /** The HTTP status of the answer. */
  declare readonly status: number;

  constructor(status: number, empty: boolean, request: RequestSummary) {
    super(`OneAccess answered HTTP ${status} with ${empty ? "an empty body" : "a body that is not JSON"}`, request, { status });
  }
}
