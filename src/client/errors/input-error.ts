import { OneAccessError, type RequestSummary } from "./one-access-error.js";

/** The login was not sent: the credentials or headers break the contract (e.g. an empty code). */
export class InputError extends OneAccessError {
  override readonly name = "InputError";
  readonly kind = "input";
  /** Each broken rule, e.g. "body.verify_code is required"; never a value. */
  declare readonly violations: readonly string[];

  constructor(violations: readonly string[], request: RequestSummary) {
    super(`Invalid login request, not sent (${violations.join("; ")})`, request, { violations });
  }
}
