import { safeCause } from "../safe-cause.js";
import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** The request never got an answer: DNS, connection, TLS, a fetch or middleware that threw. */
export class NetworkError extends OneAccessError {
  override readonly name = "NetworkError";
  readonly kind = "network";

  /**
   * `cause` is the transport's error: only a copy of its chain made of closed sets is kept (error names and transport
   * codes from fixed lists, see docs/views.md), as this error's `cause`.
   */
  constructor(request: RequestSummary, cause?: unknown) {
    const safe = safeCause(cause);
    super(`Request failed (${chainOf(safe)})`, request, undefined, undefined, safe);
  }
}

/** The chain in one line: "TypeError < Error ECONNREFUSED". */
function chainOf(cause: Error | undefined): string {
  const links: string[] = [];
  for (; cause; cause = cause.cause as Error | undefined) links.push(cause.message ? `${cause.name} ${cause.message}` : cause.name);
  return links.join(" < ");
}
