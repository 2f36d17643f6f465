import { responses } from "../../../generated/schemas.js";
import type { Redactor } from "../../client/redact.js";
import type { Answer } from "../exchange.js";
import type { Probe } from "../probes.js";

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
  /** True when real credentials were sent, so a 400 to the valid login is a real rejection. */
  readonly realCredentials: boolean;
  /** Removes the credentials from any text a check writes. */
  readonly redact: Redactor;
}

/** A check cannot judge this answer, and why (e.g. an undocumented status has no schema). */
export interface Skip {
  readonly skip: string;
}

/** One check: which probes it looks at, and what it finds wrong in an answer. */
export interface Check {
  readonly name: CheckName;
  /** What a pass means, for the report: "every status was documented". */
  readonly passes: string;
  /** Whether the probe's answer is this check's business (a probe without an answer then is an error). */
  applies(probe: Probe): boolean;
  /** Problems in the answer (empty: it keeps the contract), or why it cannot be judged. */
  judge(probe: Probe, answer: Answer, context: CheckContext): string[] | Skip;
}

/** The documented response for a status, if any. */
export const documented = (status: number) => (responses as Record<string, (typeof responses)[keyof typeof responses]>)[String(status)];

/** The documented statuses, for messages. */
export const DOCUMENTED_STATUSES = Object.keys(responses).join(", ");

/** Skip for an answer whose status the spec does not document: status_code_conformance reports that. */
export const undocumentedSkip = (status: number): Skip => ({ skip: `HTTP ${status} is undocumented, so there is nothing to judge it by` });

/** A short, redacted view of a body for a message: JSON re-serialized (so escaped echoes are caught), else text. */
export function snippet(answer: Answer, redact: Redactor, max = 200): string {
  if (!answer.text && answer.unreadable) return `(${answer.unreadable})`;
  const text = redact(answer.json === undefined ? answer.text : JSON.stringify(answer.json));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
