import { freeOf } from "../../contract/view-rule.js";
import type { Answer } from "../exchange.js";
import type { Probe } from "../probes.js";
import type { ResponseContract } from "../spec-operations.js";

/** The checks, named as Schemathesis names them. */
export type CheckName =
  | "not_a_server_error"
  | "status_code_conformance"
  | "content_type_conformance"
  | "response_schema_conformance"
  | "response_headers_conformance"
  | "negative_data_rejection"
  | "positive_data_acceptance";

/** What a check knows besides the answer. */
export interface CheckContext {
  /** How the user could give a positive probe real values (flag and variable names only), for the skip that says so. */
  readonly realValuesHint: (probe: Probe) => string;
  /**
   * Every value of the run a server could echo: the credentials, the captcha token, the application's credentials,
   * the access token the run got, and the header values the caller gave. Never shown; what is shown is compared with them.
   */
  readonly secrets: readonly string[];
}

/** A check cannot judge this answer, and why (e.g. an undocumented status has no schema). */
export interface Skip {
  readonly skip: string;
}

/**
 * One check: which probes it looks at, and what it finds wrong in an answer. A problem is built only from parts that
 * cannot carry a secret (see src/check/README or docs): never from the answer's text, header names or values.
 */
export interface Check {
  readonly name: CheckName;
  /** What a pass means, for the report: "every status was documented". */
  readonly passes: string;
  /** Whether the probe's answer is this check's business (a probe without an answer then is an error). */
  applies(probe: Probe): boolean;
  /** Problems in the answer (empty: it keeps the contract), or why it cannot be judged. */
  judge(probe: Probe, answer: Answer, context: CheckContext): string[] | Skip;
}

/** The documented response of the probe's operation for a status, if any. */
export const documented = (probe: Probe, status: number): ResponseContract | undefined =>
  Object.hasOwn(probe.operation.responses, String(status)) ? probe.operation.responses[String(status)] : undefined;

/** The statuses the probe's operation documents, for messages. */
export const documentedStatuses = (probe: Probe) => Object.keys(probe.operation.responses).join(", ");

/** Skip for an answer whose status the spec does not document: status_code_conformance reports that. */
export const undocumentedSkip = (status: number): Skip => ({ skip: `HTTP ${status} is undocumented, so there is nothing to judge it by` });

/**
 * OneAccess's documented error codes: an upper-case dotted name and 4 digits (LOGIN.0002, USER.0038). The one part of
 * an answer's body a view may show, and only in exactly this shape.
 */
const ERROR_CODE = /^[A-Z]{2,20}(?:\.[A-Z]{2,20})*\.\d{4}$/;

/**
 * What a view may say about an answer's body: its OneAccess-shaped error code if any, and its size. The code is the
 * server's text: it is shown only when the shared view rule (src/contract/view-rule.ts) finds none of the run's
 * `secrets` in it, in any digit script, with separators, or in hex or base64 (`LOGIN.7391` to a code 7391 is not).
 */
export function bodyFacts(answer: Answer, secrets: readonly string[]): string {
  const code = (answer.json as { error_code?: unknown } | undefined)?.error_code;
  const shaped = typeof code == "string" && ERROR_CODE.test(code);
  const shown = !shaped ? "" : freeOf(code, secrets) ? `error_code ${code}; ` : "an error_code not shown: it may hold a value this run sent; ";
  const size = answer.size === undefined ? answer.unreadable! : answer.size === 0 ? "an empty body" : `a body of ${answer.size} bytes`;
  return `(${shown}${size})`;
}
