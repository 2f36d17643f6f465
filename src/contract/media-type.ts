// The Content-Type rule both mocks share (the Prism mock's src/mock/contract-checks.ts and the in-process one):
// RFC 9110's media-type grammar, strictly, against each operation's own media type. Node's MIMEType and WHATWG
// parsing drop a malformed parameter and keep the rest, so `application/json; charset = latin1` read as plain
// application/json; here it is not a media type at all.
import { CONTENT_TYPE } from "./operation.js";

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[\\t \\x21\\x23-\\x5b\\x5d-\\x7e\\x80-\\xff]|\\\\[\\t \\x21-\\x7e\\x80-\\xff])*"';
// RFC 9110 writes `*( OWS ";" OWS [ parameter ] )` then OWS: read literally, a run of spaces between two ';' belongs
// to either one, and a backtracking regex tries every split (exponential: 20 repeats of " ; " took 46 s). Here each
// run of spaces has one owner, the ';', parameter or type just before it, so the same strings match in linear time.
const PARAMETER = `;[ \\t]*(?:(${TOKEN})=(${TOKEN}|${QUOTED})[ \\t]*)?`;
const MEDIA_TYPE = new RegExp(`^[ \\t]*(${TOKEN}/${TOKEN})[ \\t]*((?:${PARAMETER})*)$`);

/** A Content-Type split into its essence (lower case) and charset; undefined when it breaks RFC 9110's grammar. */
export function parseMediaType(header: string): { essence: string; charset?: string } | undefined {
  const match = MEDIA_TYPE.exec(header);
  if (!match) return undefined;
  const charsets = [...match[2]!.matchAll(new RegExp(PARAMETER, "g"))]
    .filter(([, name]) => name?.toLowerCase() === "charset")
    .map(([, , value]) => (value!.startsWith('"') ? value!.slice(1, -1).replace(/\\(.)/g, "$1") : value!).toLowerCase());
  // Two charsets leave the body's encoding ambiguous: not a media type a server can honour.
  if (charsets.length > 1) return undefined;
  return { essence: match[1]!.toLowerCase(), ...(charsets.length === 1 ? { charset: charsets[0] } : {}) };
}

type Problem = Readonly<{ code: "content-type" | "charset"; message: string }> | undefined;

// A test sends the same Content-Type on every request: its verdict is kept, since the grammar check is a good part of
// what the in-process mock spends per request.
let last: { header: string; expected: string; problem: Problem } | undefined;

/**
 * Why a Content-Type breaks the operation's media type `expected` (the spec's content key, by default the login's
 * `application/json;charset=utf8`): another essence, or a charset other than UTF-8 (none is fine: JSON is UTF-8 by
 * RFC 8259, and a form body's bytes are percent-encoded ASCII); undefined when it holds.
 */
export function mediaTypeProblem(header: string, expected: string = CONTENT_TYPE): Problem {
  if (last?.header !== header || last.expected !== expected) last = { header, expected, problem: judge(header, expected) };
  return last.problem;
}

function judge(header: string, expected: string): Problem {
  const type = parseMediaType(header);
  if (!type) return { code: "content-type", message: `Content-Type is not a media type; the contract requires ${expected}` };
  if (type.essence !== parseMediaType(expected)?.essence) return { code: "content-type", message: `Content-Type ${type.essence} is not the contract's ${expected}` };
  if (type.charset !== undefined && type.charset !== "utf8" && type.charset !== "utf-8") {
    return { code: "charset", message: `Content-Type charset ${type.charset} is not the contract's charset=utf8` };
  }
  return undefined;
}
