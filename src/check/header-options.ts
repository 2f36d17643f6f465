import { schemas } from "../../generated/schemas.js";
import { FRAMING, TOKEN, unsendableHeaders } from "../client/headers.js";
import { violations } from "../contract/validate.js";

// The Content-Type each probe sets itself, and the connection framing fetch owns: fetch refuses a request carrying
// one of these (so every request would end as "no answer"), or the value would break every request the same way.
const SENT_BY_VERIFY = new Set(FRAMING);
// The contract's request headers by lower-case name, with their schemas: a value breaking one makes the valid login invalid.
const CONTRACT = new Map(Object.entries(schemas.LoginHeaders.properties).map(([name, schema]) => [name.toLowerCase(), schema]));

/**
 * True for a header name a problem may quote: one the contract or fetch knows, in the caller's spelling (which differs
 * from it only in case). Any other name is the caller's text and may be a secret (an API key's name, a value pasted
 * as a name): a problem then says "a header", as the client's option errors do.
 */
export const namable = (name: string) => CONTRACT.has(name.toLowerCase()) || SENT_BY_VERIFY.has(name.toLowerCase());

/**
 * What is wrong with the headers `verify` was asked to send, before anything is sent: names fetch refuses, headers it
 * sends itself, the same name twice, values that cannot be sent, and contract headers whose value breaks the spec
 * (the "valid login" would not be valid). Values are never quoted: they may be secrets.
 */
export function headerOptionProblems(headers: unknown): string[] {
  if (typeof headers != "object" || headers === null || Array.isArray(headers)) return ["headers must be an object of header names to strings"];
  const record = headers as Record<string, unknown>;
  const seen = new Set<string>();
  const problems = Object.keys(record).flatMap((name) => {
    const lower = name.toLowerCase();
    const value = record[name];
    if (!TOKEN.test(name)) return ["a header name is not a valid token"];
    if (seen.has(lower)) return [namable(name) ? `header ${name} is given twice` : "a header is given twice (names are case-insensitive)"];
    seen.add(lower);
    if (SENT_BY_VERIFY.has(lower)) return [`header ${name} may not be set: verify sends it itself`];
    if (typeof value != "string") return [namable(name) ? `header ${name} must be a string` : "a header value is not a string"];
    const schema = CONTRACT.get(lower);
    // fetch strips leading and trailing whitespace: the value on the wire is the trimmed one.
    return schema ? violations(schema, value.replace(/^[\t ]+|[\t ]+$/g, ""), `header ${name}`) : [];
  });
  if (problems.length > 0) return problems;
  const unsendable = Object.keys(record).filter((name) => unsendableHeaders({ [name]: record[name] }).length > 0);
  return [...new Set(unsendable.map((name) => (namable(name) ? `header ${name} has characters that cannot be sent` : "a header value has characters that cannot be sent")))];
}
