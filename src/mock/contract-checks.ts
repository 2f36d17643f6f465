import type { IncomingHttpHeaders } from "node:http";
import { LOGIN, type Operation } from "../contract/operations.js";
import { formFields, headerViolations, isForm } from "../contract/request-rules.js";
import { schemaViolations, type Schema } from "../contract/validate.js";
import { mediaTypeProblem, parseMediaType } from "../contract/media-type.js";
import type { SlViolation } from "../contract/sl-violations.js";

/** A request violation the mock adds to Prism's own, in Prism's sl-violations shape. */
export type ContractViolation = SlViolation;

const violation = (location: string[], code: string, message: string): ContractViolation => ({ location, severity: "Error", code, message });

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * What Prism lets through but the contract forbids, for the operation the request reaches (default: the login). Its
 * media type is the spec's content key, for the login `application/json;charset=utf8` (OneAccess's page), so another media type (even `application/ld+json`), another charset, a byte order mark, bytes
 * that are not UTF-8, a body that is not JSON, a Content-Type outside RFC 9110's grammar (`charset = latin1`: Node's
 * MIMEType drops such a parameter) and an empty optional header (Prism reads it as absent; the spec's header schemas
 * say minLength 1) break it. The rules are shared with the in-process mock (src/contract/), so both answer alike.
 * `application/json` without a charset is accepted (JSON is UTF-8 by RFC 8259), as are the `utf8` and `utf-8` spellings. A missing Content-Type is left to Prism, which already
 * answers it with the documented 400.
 * Returns the parsed body too, so the engine validates what the mock checked.
 */
export function checkContract(
  headers: IncomingHttpHeaders,
  raw: Buffer | null,
  operation: Operation = LOGIN,
): { violations: ContractViolation[]; body?: unknown; unparseableType?: true } {
  const fromHeaders = headerViolations(
    (name) => {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    true,
    operation,
  );
  // An operation without a body (the GET steps) has no media type to hold a request to.
  const rest = operation.media === undefined ? { violations: [] } : checkBody(headers["content-type"], raw, operation.media, operation.body);
  return { ...rest, violations: [...rest.violations, ...fromHeaders] };
}

/** The Content-Type and body rules; the parsed body when they hold. */
function checkBody(header: string | undefined, raw: Buffer | null, media: string, schema: Schema | undefined): { violations: ContractViolation[]; body?: unknown; unparseableType?: true } {
  if (header === undefined) return { violations: [] };
  const problem = mediaTypeProblem(header, media);
  if (problem) {
    const location = ["request", "header", "content-type"];
    // Prism's engine throws on a Content-Type it cannot parse (an answer of 500): the caller hides such a one from it.
    return { violations: [violation(location, problem.code, problem.message)], ...(parseMediaType(header) ? {} : { unparseableType: true as const }) };
  }
  // No body: Prism answers the documented 400 itself.
  if (raw === null) return { violations: [] };
  // A form body is the engine's to decode and validate, but it lets fields the schema does not know through.
  if (isForm(media)) return { violations: unknownFields(raw, schema) };
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) {
    return { violations: [violation(["request", "body"], "bom", "Request body starts with a UTF-8 byte order mark; the contract's JSON has none")] };
  }
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    return { violations: [violation(["request", "body"], "encoding", "Request body is not valid UTF-8")] };
  }
  try {
    return { violations: [], body: JSON.parse(text) };
  } catch {
    // Not the parser's message: V8 quotes the body in it, and the body holds the mobile number and the code.
    return { violations: [violation(["request", "body"], "json", "Request body is not valid JSON")] };
  }
}

/** The violation of a form body with fields its schema does not know (additionalProperties: false), counted, never named. */
function unknownFields(raw: Buffer, schema: Schema | undefined): ContractViolation[] {
  if (!schema) return [];
  return schemaViolations(schema, formFields(raw.toString("utf8")))
    .filter((v) => v.rule === "additionalProperties")
    .map((v) => violation(["request", "body"], v.rule, `Request ${v.message}`));
}
