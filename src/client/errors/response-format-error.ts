import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess answered 200 or 400 with a body that is empty or not JSON (an HTML error page, say), or any answer with a body over the client's `maxResponseBytes`. */
export class ResponseFormatError extends OneAccessError {
  override readonly name = "ResponseFormatError";
  readonly kind = "format";
  /** The HTTP status of the answer. */
  declare readonly status: number;

  /** Raw: the answer's `X-Request-Id` as sent, for support; never in a view (a server chooses it freely). */
  declare readonly requestId: string | undefined;

  /** `problem` is the package's own words for the body: "an empty body", "a body that is not JSON", "a body larger than N bytes". */
  constructor(status: number, problem: string, request: RequestSummary, requestId?: string) {
    super(`OneAccess answered HTTP ${status} with ${problem}`, request, { status }, { requestId });
  }
}
