// The request rules both mocks share (the Prism mock's src/mock/contract-checks.ts and the in-process one): each
// operation's reduced schemas from generated/requests.ts, plus what the contract says about the Content-Type and the body's bytes.
import { schemaViolations, type Schema, type Violation } from "./validate.js";
import type { SlViolation } from "./sl-violations.js";
import { mediaTypeProblem } from "./media-type.js";
import { LOGIN, type Operation } from "./operations.js";

const error = (location: string[], code: string | number, message: string): SlViolation => ({ location, severity: "Error", code, message });

/** A violation in Prism's sl-violations shape: its code is the JSON Schema rule, as Prism's. */
const fromRule = ({ where, rule, message }: Violation): SlViolation => error(["request", where.startsWith("headers") ? "header" : "body"], rule, `Request ${message}`);

/** The largest body either mock reads (Prism's server's limit): a larger one is refused with the documented 400. */
export const BODY_LIMIT = 10 * 1024 * 1024;
/** The violation of a body over BODY_LIMIT, the same from both mocks. */
export const tooLarge = (): SlViolation => error(["request", "body"], "too-large", `Request body is larger than the mock's limit of 10 MiB (${BODY_LIMIT} bytes)`);

/** The operation's optional headers alone (see headerViolations). */
const optionalOf = new WeakMap<Operation, Schema>();
function optional(operation: Operation): Schema {
  let schema = optionalOf.get(operation);
  if (!schema) {
    const { properties = {}, required } = operation.headers;
    schema = { type: "object", properties: Object.fromEntries(Object.entries(properties).filter(([name]) => !required.includes(name))) };
    optionalOf.set(operation, schema);
  }
  return schema;
}

/**
 * The request headers checked against the operation's header schemas (default: the login's). `optionalOnly` is for
 * the Prism mock: Prism's engine reads an empty header as a missing one, which is right for the required headers (it
 * answers them) but lets an empty optional one (`X-L: `, minLength 1) through.
 */
export function headerViolations(get: (name: string) => string | undefined, optionalOnly = false, operation: Operation = LOGIN): SlViolation[] {
  const schema: Schema = optionalOnly ? optional(operation) : operation.headers;
  const { names } = namesOf(schema);
  return verdict(schema, names.map((name) => get(name)));
}

/**
 * headerViolations (all of them, not optionalOnly) for a Fetch API Request's headers, the in-process mock's. Read by
 * their lower-case names: Headers.get lower-cases the name it is given, a new string (hashed anew) on every read.
 */
export function requestHeaderViolations(headers: Headers, operation: Operation = LOGIN): SlViolation[] {
  const schema = operation.headers;
  const { lower } = namesOf(schema);
  const values: Array<string | undefined> = [];
  for (const name of lower) values.push(headers.get(name) ?? undefined);
  return verdict(schema, values);
}

/** The header names a schema checks, as the schema writes them and in lower case, read once per schema. */
const namesOfSchema = new WeakMap<Schema, { names: readonly string[]; lower: readonly string[] }>();
const namesOf = (schema: Schema) => {
  let names = namesOfSchema.get(schema);
  if (!names) {
    const written = Object.keys(schema.properties ?? {});
    namesOfSchema.set(schema, (names = { names: written, lower: written.map((name) => name.toLowerCase()) }));
  }
  return names;
};

/** The last header values each schema judged (in namesOf's order, undefined for a missing one), and its verdict. */
const lastHeaders = new WeakMap<Schema, { values: ReadonlyArray<string | undefined>; problems: readonly SlViolation[] }>();

/** The violations of the header `values` (in namesOf's order): a copy, since callers add to it. */
function verdict(schema: Schema, values: ReadonlyArray<string | undefined>): SlViolation[] {
  // A test sends the same headers on every request: the last verdict per schema is kept.
  const last = lastHeaders.get(schema);
  if (last && last.values.every((value, i) => value === values[i])) return last.problems.length === 0 ? [] : [...last.problems];
  const { names } = namesOf(schema);
  const record: Record<string, string | undefined> = {};
  names.forEach((name, i) => (record[name] = values[i]));
  const problems = schemaViolations(schema, record, "headers").map(fromRule);
  lastHeaders.set(schema, { values, problems });
  return [...problems];
}

// fatal: the body must be UTF-8; ignoreBOM keeps a byte order mark, which JSON does not allow, in the text. Shared:
// a decode without `stream` keeps no state between calls.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Whether a media type is a form body's (the tenant token call's), which is read as `name=value&...`. */
export const isForm = (media: string | undefined) => /^application\/x-www-form-urlencoded\b/i.test(media ?? "");

/** isForm of each operation's media type (a spec's few), answered once each. */
const forms = new Map<string, boolean>();
const isFormOf = (media: string): boolean => {
  let form = forms.get(media);
  if (form === undefined) forms.set(media, (form = isForm(media)));
  return form;
};

/** A form body as an object: each name's value, a repeated name's values as an array (which no string field takes). */
export function formFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const had = Object.hasOwn(fields, name) ? fields[name] : undefined;
    fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return fields;
}

/**
 * The request's body (when it parsed) and every way the request breaks the operation's contract (default: the
 * login's): its headers, its media type, its body's bytes and schema. Rejects when `signal` aborts the read, with the
 * signal's reason however much has come, and cancels the body, as the Fetch standard's abort does; `signal` must not
 * be aborted yet (the mocks check it first). The body is read here, not in a function of its own: one promise fewer
 * per request.
 */
export async function checkRequest(request: Request, signal?: AbortSignal | null, operation: Operation = LOGIN): Promise<{ body: unknown; problems: SlViolation[] }> {
  const { headers } = request;
  const problems = requestHeaderViolations(headers, operation);
  const { media, body: schema } = operation;
  // An operation without a body (the GET steps) reads none: Prism ignores what a GET sends.
  if (media === undefined || schema === undefined) return { body: undefined, problems };
  const type = headers.get("content-type");
  if (type === null || mediaTypeProblem(type, media)) {
    problems.unshift(error(["request"], 415, `Supported content types: ${media}`));
    return { body: undefined, problems };
  }
  // The body's bytes, up to BODY_LIMIT (the rest is not read, so never held). Read once: each read of a Request's
  // getter is a call into undici.
  const stream = request.body;
  let bytes: Uint8Array;
  if (stream === null) bytes = new Uint8Array(0);
  // A body already read: fetch's own TypeError ("Body is unusable"), not the reader's "stream is locked".
  else if (request.bodyUsed) bytes = new Uint8Array(await request.arrayBuffer());
  else {
    const reader = stream.getReader();
    // Cancelling ends a read the body may never finish (its pending read() resolves as done). Whether the abort came
    // is kept here rather than asked of the signal again.
    let aborted = false;
    const abort = () => {
      aborted = true;
      reader.cancel(signal!.reason).catch(() => {});
    };
    signal?.addEventListener("abort", abort);
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        size += next.value.byteLength;
        if (size > BODY_LIMIT) {
          await reader.cancel();
          return { body: undefined, problems: [tooLarge(), ...problems] };
        }
        chunks.push(next.value);
      }
    } finally {
      signal?.removeEventListener("abort", abort);
    }
    if (aborted) throw signal!.reason;
    bytes = chunks.length === 1 ? chunks[0]! : concat(chunks, size);
  }
  let body: unknown;
  try {
    const text = UTF8.decode(bytes);
    if (text === "") return { body, problems: [error(["request"], "required", "Body parameter is required"), ...problems] };
    body = isFormOf(media) ? formFields(text) : JSON.parse(text);
  } catch {
    return { body, problems: [error(["request", "body"], "invalid_json", "Request body is not UTF-8 JSON"), ...problems] };
  }
  const found = schemaViolations(schema, body);
  // A valid body (the usual case) adds nothing: no lists to copy.
  if (found.length === 0) return { body, problems };
  // Bounded by the schema (unknown properties are counted as one violation), so spreading it cannot overflow.
  return { body, problems: [...found.map(fromRule), ...problems] };
}

/** The chunks as one array of `size` bytes. */
function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return bytes;
}
