import { documentedCode } from "../../contract/view-rule.js";
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
 * What a view may say about an answer's body: its error code when OneAccess documents it (a closed list from the spec:
 * no server can put a value this run sent there), that it has another one, and its size.
 */
export function bodyFacts(answer: Answer): string {
  const code = (answer.json as { error_code?: unknown } | undefined)?.error_code;
  const shown = code === undefined ? "" : documentedCode(code) ? `error_code ${code}; ` : "an undocumented error_code; ";
  const size = answer.size === undefined ? answer.unreadable! : answer.size === 0 ? "an empty body" : `a body of ${answer.size} bytes`;
  return `(${shown}${size})`;
}
