import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** The request was not sent: its input or headers break the contract (e.g. an empty code). */
export class InputError extends OneAccessError {
  override readonly name = "InputError";
  readonly kind = "input";
  /** Each broken rule, e.g. "body.verify_code is required"; never a value. */
  declare readonly violations: readonly string[];

  /** `label` names the call in the message ("login", "code request"). */
  constructor(violations: readonly string[], request: RequestSummary, label = "login") {
    super(`Invalid ${label} request, not sent (${violations.join("; ")})`.replace("request request", "request"), request, { violations });
  }
}
