import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** OneAccess answered JSON that breaks the contract: a missing field, a wrong type, an undocumented `status`. */
export class ContractViolationError extends OneAccessError {
  override readonly name = "ContractViolationError";
  readonly kind = "contract";
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** Each broken rule, e.g. "body.status must be one of SUCCESS, …"; never a value. */
  declare readonly violations: readonly string[];
  /** The parsed body, for callers that must cope anyway, with token fields and echoed credentials redacted. Not enumerable. */
  declare readonly body: unknown;

  /** The answer's `X-Request-Id` (redacted like everything else), for support; undefined when it had none. */
  declare readonly requestId: string | undefined;

  /** `body` must already be redacted. */
  constructor(status: number, violations: readonly string[], body: unknown, request: RequestSummary, requestId?: string) {
    super(`OneAccess answered HTTP ${status} with a body that breaks the contract (${violations.join("; ")})`, request, {
      status,
      violations,
      requestId,
    });
    Object.defineProperty(this, "body", { value: body });
  }
}
