// Validates a request against the same reduced schemas the client enforces (generated/schemas.ts, checked by
// src/client/validate.ts), plus what the contract says about the Content-Type and the body's bytes.
import { schemas } from "../../generated/schemas.js";
import { violations } from "../client/validate.js";
import type { SlViolation } from "./answers.js";

/** Prism's violation codes for the rules src/client/validate.ts words. */
const CODES: Array<[RegExp, string]> = [
  [/ is required$/, "required"],
  [/ is not allowed$/, "additionalProperties"],
  [/ must be an? \w+$/, "type"],
  [/ must not be empty$/, "minLength"],
  [/ must be at most /, "maxLength"],
  [/ must be one of /, "enum"],
  [/ must be >= /, "minimum"],
];

const error = (location: string[], code: string | number, message: string): SlViolation => ({ location, severity: "Error", code, message });

/** A violation from src/client/validate.ts's wording. */
function fromRule(text: string): SlViolation {
  const code = CODES.find(([rule]) => rule.test(text))?.[1] ?? "schema";
  const where = text.startsWith("headers") ? "header" : "body";
  // Field names come from the request and may be huge; keep messages short.
  return error(["request", where], code, `Request ${text.length > 200 ? text.slice(0, 199) + "…" : text}`);
}

/** `application/json`, with no charset or a UTF-8 one (`utf8` as OneAccess documents, or `utf-8`). */
function acceptedType(type: string | null): boolean {
  const match = type === null ? null : /^\s*application\/json\s*(;.*)?$/i.exec(type);
  if (!match) return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(match[1] ?? "")?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

/** The request's body (when it parsed) and every way the request breaks the contract. */
export async function checkRequest(request: Request): Promise<{ body: unknown; problems: SlViolation[] }> {
  const headerValues = Object.fromEntries(Object.keys(schemas.LoginHeaders.properties).map((name) => [name, request.headers.get(name) ?? undefined]));
  const problems = violations(schemas.LoginHeaders, headerValues, "headers").map(fromRule);
  if (!acceptedType(request.headers.get("content-type"))) {
    problems.unshift(error(["request"], 415, "Supported content types: application/json;charset=utf8"));
    return { body: undefined, problems };
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  let body: unknown;
  try {
    // fatal: the body must be UTF-8; ignoreBOM keeps a byte order mark, which JSON does not allow, in the text.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text === "") return { body, problems: [error(["request"], "required", "Body parameter is required"), ...problems] };
    body = JSON.parse(text);
  } catch {
    return { body, problems: [error(["request", "body"], "invalid_json", "Request body is not UTF-8 JSON"), ...problems] };
  }
  problems.unshift(...violations(schemas.MobileVerifyCodeLoginRequest, body).map(fromRule));
  return { body, problems };
}
