import { MIMEType } from "node:util";
import type { IncomingHttpHeaders } from "node:http";

/** A request violation the mock adds to Prism's own, in Prism's sl-violations shape. */
export interface ContractViolation {
  location: string[];
  severity: "Error";
  code: string;
  message: string;
}

const violation = (location: string[], code: string, message: string): ContractViolation => ({ location, severity: "Error", code, message });

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * What Prism lets through but the contract forbids: the contract's media type is `application/json;charset=utf8`
 * (OneAccess's page), so another media type (even `application/ld+json`), another charset, a byte order mark, bytes
 * that are not UTF-8, or a body that is not JSON break it. `application/json` without a charset is accepted (JSON is
 * UTF-8 by RFC 8259), as are the `utf8` and `utf-8` spellings. A missing Content-Type is left to Prism, which already
 * answers it with the documented 400.
 * Returns the parsed body too, so the engine validates what the mock checked.
 */
export function checkContract(
  headers: IncomingHttpHeaders,
  raw: Buffer | null,
): { violations: ContractViolation[]; body?: unknown; unparseableType?: true } {
  const header = headers["content-type"];
  if (header === undefined) return { violations: [] };
  let type: MIMEType;
  try {
    type = new MIMEType(header);
  } catch {
    // Prism's engine throws on a Content-Type it cannot parse (an answer of 500): the caller hides it from the engine.
    const message = "Content-Type is not a media type; the contract requires application/json;charset=utf8";
    return { violations: [violation(["request", "header", "content-type"], "content-type", message)], unparseableType: true };
  }
  if (type.essence !== "application/json") {
    return { violations: [violation(["request", "header", "content-type"], "content-type", `Content-Type ${type.essence} is not the contract's application/json;charset=utf8`)] };
  }
  if (raw === null) return { violations: [] }; // no body: Prism answers the documented 400 itself
  const charset = type.params.get("charset")?.toLowerCase();
  if (charset !== undefined && charset !== "utf8" && charset !== "utf-8") {
    return { violations: [violation(["request", "header", "content-type"], "charset", `Content-Type charset ${charset} is not the contract's charset=utf8`)] };
  }
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
