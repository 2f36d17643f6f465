// The request rules both mocks share (the Prism mock's src/mock/contract-checks.ts and the in-process one): the
// reduced schemas of generated/schemas.ts, plus what the contract says about the Content-Type and the body's bytes.
import { schemas } from "../../generated/schemas.js";
import { schemaViolations, type Schema, type Violation } from "./validate.js";
import type { SlViolation } from "./sl-violations.js";
import { mediaTypeProblem } from "./media-type.js";

const error = (location: string[], code: string | number, message: string): SlViolation => ({ location, severity: "Error", code, message });

/** A violation in Prism's sl-violations shape: its code is the JSON Schema rule, as Prism's. */
const fromRule = ({ where, rule, message }: Violation): SlViolation => error(["request", where.startsWith("headers") ? "header" : "body"], rule, `Request ${message}`);

/** The largest body either mock reads (Prism's server's limit): a larger one is refused with the documented 400. */
export const BODY_LIMIT = 10 * 1024 * 1024;
/** The violation of a body over BODY_LIMIT, the same from both mocks. */
export const tooLarge = (): SlViolation => error(["request", "body"], "too-large", `Request body is larger than the mock's limit of 10 MiB (${BODY_LIMIT} bytes)`);

/**
 * The body's bytes, or undefined once they pass BODY_LIMIT (the rest is not read, so never held). An abort of `signal`
 * rejects with its reason however much has come, and cancels the body, as the Fetch standard's abort does.
 */
async function readBody(request: Request, signal?: AbortSignal | null): Promise<Uint8Array | undefined> {
  if (request.body === null) return new Uint8Array(0);
  // A body already read: fetch's own TypeError ("Body is unusable"), not the reader's "stream is locked".
  if (request.bodyUsed) return new Uint8Array(await request.arrayBuffer());
  const reader = request.body.getReader();
  // Cancelling ends a read the body may never finish (its pending read() resolves as done).
  const abort = () => void reader.cancel(signal!.reason).catch(() => {});
  signal?.addEventListener("abort", abort);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > BODY_LIMIT) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(next.value);
    }
  } finally {
    signal?.removeEventListener("abort", abort);
  }
  signal?.throwIfAborted();
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return bytes;
}

const { properties, required } = schemas.LoginHeaders;
const optional: Schema = { type: "object", properties: Object.fromEntries(Object.entries(properties).filter(([name]) => !(required as readonly string[]).includes(name))) };

/**
 * The request headers checked against the spec's header schemas (generated LoginHeaders). `optionalOnly` is for the
 * Prism mock: Prism's engine reads an empty header as a missing one, which is right for the required headers (it
 * answers them) but lets an empty optional one (`X-L: `, minLength 1) through.
 */
export function headerViolations(get: (name: string) => string | undefined, optionalOnly = false): SlViolation[] {
  const schema: Schema = optionalOnly ? optional : schemas.LoginHeaders;
  const values = Object.fromEntries(Object.keys(schema.properties ?? {}).map((name) => [name, get(name)]));
  return schemaViolations(schema, values, "headers").map(fromRule);
}

/** The request's body (when it parsed) and every way the request breaks the contract; rejects when `signal` aborts the read. */
export async function checkRequest(request: Request, signal?: AbortSignal | null): Promise<{ body: unknown; problems: SlViolation[] }> {
  const problems = headerViolations((name) => request.headers.get(name) ?? undefined);
  const type = request.headers.get("content-type");
  if (type === null || mediaTypeProblem(type)) {
    problems.unshift(error(["request"], 415, "Supported content types: application/json;charset=utf8"));
    return { body: undefined, problems };
  }
  const bytes = await readBody(request, signal);
  if (bytes === undefined) return { body: undefined, problems: [tooLarge(), ...problems] };
  let body: unknown;
  try {
    // fatal: the body must be UTF-8; ignoreBOM keeps a byte order mark, which JSON does not allow, in the text.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text === "") return { body, problems: [error(["request"], "required", "Body parameter is required"), ...problems] };
    body = JSON.parse(text);
  } catch {
    return { body, problems: [error(["request", "body"], "invalid_json", "Request body is not UTF-8 JSON"), ...problems] };
  }
  // Bounded by the schema (unknown properties are counted as one violation), so spreading it cannot overflow.
  return { body, problems: [...schemaViolations(schemas.MobileVerifyCodeLoginRequest, body).map(fromRule), ...problems] };
}
