import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess answered JSON that breaks the contract: a missing field, a wrong type, an undocumented `status`. */
export class ContractViolationError extends OneAccessError {
  override readonly name = "ContractViolationError";
  readonly kind = "contract";
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** Each broken rule, e.g. "body.status must be one of SUCCESS, …": locations the schema knows, never a value. */
  declare readonly violations: readonly string[];
  /** Raw: the parsed body as the server sent it, for callers that must cope anyway. It may hold tokens and echo what you sent: never in a view. */
  declare readonly body: unknown;

  /** Raw: the answer's `X-Request-Id` as sent, for support; never in a view (a server chooses it freely). */
  declare readonly requestId: string | undefined;

  constructor(status: number, violations: readonly string[], body: unknown, request: RequestSummary, requestId?: string) {
    super(`OneAccess answered HTTP ${status} with a body that breaks the contract (${violations.join("; ")})`, request, { status, violations }, { body, requestId });
  }
}
