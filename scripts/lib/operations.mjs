// Turns every operation of the bundled spec into a descriptor the client's one pipeline runs (src/client/pipeline/):
// method, path, headers, body schema and media type, answers by status, retry rule. One export per
// operation, so a bundler keeps only the ones a consumer calls; the browser's (/api/v2/sdk/) and the tenant's
// (/api/v2/tenant/, for the server entry) go to separate files, and the browser root never imports the tenant one.
import { reduceSchema, resolve } from "./schemas.mjs";

const METHODS = ["get", "post", "put", "patch", "delete"];
/** The browser-side operations: what src/client may call. */
export const BROWSER_PREFIX = "/api/v2/sdk/";

/**
 * The package's own rules per operation, not the spec's: the client method's name, the words its messages use, and
 * the retry rule. `retry: "unsent"` is for a call that must never be repeated once it may have reached OneAccess (a
 * sent code costs the tenant an SMS and is rate limited): only a provably unsent request is retried, never an
 * answered one (a 429/503 with Retry-After). Every other browser operation may also retry such an answer, opt-in.
 */
export const PACKAGE_RULES = {
  showCaptcha: { method: "getCaptcha", label: "captcha request" },
  validateCaptcha: { method: "verifyCaptcha", label: "captcha check" },
  listCountryCodes: { method: "listCountryCodes", label: "country code request" },
  sendSmsVerifyCode: { method: "sendCode", label: "code request", retry: "unsent" },
  loginWithMobileVerifyCode: { method: "login", label: "login" },
  showMobileByStateToken: { method: "mobileByStateToken", label: "mobile request" },
  secondaryAuthByMobileVerifyCode: { method: "mfaSms", label: "second factor" },
  forceUpdatePwd: { method: "updatePassword", label: "password change" },
  skipForceUpdatePwd: { method: "skipPasswordUpdate", label: "password change skip" },
};

/** The headers the client fills from its own options (device and identity); any other header comes from the input. */
export const CLIENT_HEADERS = ["X-operating-sys-version", "X-device-fingerprint", "X-device-ip", "X-agent", "X-L", "X-client-id", "X-tenant-id"];

/** The input field a header is given as: "X-state-token" is `state_token`. */
export const inputName = (header) => header.replace(/^X-/i, "").toLowerCase().replace(/-/g, "_");

/** The descriptor of one operation, as plain data. */
function describe(spec, path, method, op) {
  const where = `${method.toUpperCase()} ${path}`;
  const parameters = (op.parameters ?? []).map((p) => resolve(spec, p, `${where} parameters`));
  const odd = parameters.find((p) => p.in !== "header");
  if (odd) throw new Error(`${where}: parameter ${odd.name} is in ${odd.in}; the pipeline sends header parameters only`);
  const headers = {
    type: "object",
    required: parameters.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(parameters.map((p) => [p.name, reduceSchema(spec, p.schema, `${where} ${p.name}`)])),
  };
  const own = parameters.filter((p) => !CLIENT_HEADERS.includes(p.name));
  const fromInput = Object.fromEntries(own.map((p) => [inputName(p.name), p.name]));
  let mediaType, body;
  if (op.requestBody) {
    const content = Object.entries(resolve(spec, op.requestBody, `${where} requestBody`).content ?? {});
    if (content.length !== 1) throw new Error(`${where}: the request body must have exactly one media type`);
    const [[type, media]] = content;
    // The pipeline sends a body as JSON, or as a form (the tenant's token request): it tells them apart by "json".
    if (!/json|^application\/x-www-form-urlencoded/.test(type)) throw new Error(`${where}: the pipeline sends JSON or form bodies only, not ${type}`);
    mediaType = type;
    body = reduceSchema(spec, media.schema, `${where} body`);
  }
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, ref]) => {
      const content = Object.values(resolve(spec, ref, `${where} ${status}`).content ?? {});
      if (content.length > 1) throw new Error(`${where} ${status}: one media type per answer`);
      // null: the answer documents no body.
      return [status, content.length ? slimDiscriminated(reduceSchema(spec, content[0].schema, `${where} ${status}`)) : null];
    }),
  );
  const rule = PACKAGE_RULES[op.operationId] ?? {};
  // Only what the pipeline reads, and defaults left out: every byte here is in every browser bundle.
  return {
    method: method.toUpperCase(),
    path,
    ...(rule.label ? { label: rule.label } : {}),
    headers,
    ...(own.length ? { fromInput } : {}),
    ...(body ? { mediaType, body } : {}),
    responses,
    ...(rule.retry ? { retry: rule.retry } : {}),
    id: op.operationId,
  };
}

/**
 * A discriminated `oneOf` with what src/contract/validate.ts never reads left out of its shapes: a shape is checked
 * only after the parent's own checks passed and the tag picked it, so the parent's type, the tag being required and
 * the tag's one-value enum are already settled. The shape keeps the tag's name (outcome.ts reads the names), as `{}`.
 */
export function slimDiscriminated(schema) {
  if (!schema || typeof schema != "object") return schema;
  if (Array.isArray(schema)) return schema.map(slimDiscriminated);
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, slimDiscriminated(v)]));
  if (!out.discriminator || !out.type) return out;
  const tag = out.discriminator.propertyName;
  out.oneOf = out.oneOf.map((shape) => {
    const { type, required = [], properties = {}, ...rest } = shape;
    const left = required.filter((name) => name !== tag);
    return {
      ...(type === undefined || JSON.stringify(type) === JSON.stringify(out.type) ? {} : { type }),
      ...(left.length ? { required: left } : {}),
      ...rest,
      properties: { ...properties, ...(tag in properties ? { [tag]: {} } : {}) },
    };
  });
  return out;
}

/** Every operation's descriptor, in the spec's order. */
export function operationDescriptors(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) if (item[method]) out.push(describe(spec, path, method, item[method]));
  }
  for (const id of Object.keys(PACKAGE_RULES)) {
    if (!out.some((d) => d.id === id && d.path.startsWith(BROWSER_PREFIX))) throw new Error(`PACKAGE_RULES names ${id}, which is no browser operation of the spec`);
  }
  return out;
}

/**
 * JS source of `values` (name -> value) as one `export const` each, with every large object that occurs twice or more
 * (the shared device headers) hoisted into one const they share. Smaller repeats (the error body, `{ type: "string" }`)
 * stay inline: gzip already finds them, and a const of their own made the gzipped browser bundle larger (measured with
 * scripts/bench/bundle.mjs: 300 characters was the smallest bundle; no hoisting at all, or at 16, were larger).
 */
function emitShared(values, doc) {
  const counts = new Map();
  const walk = (v) => {
    if (!v || typeof v != "object") return;
    const key = JSON.stringify(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const sub of Object.values(v)) walk(sub);
  };
  Object.values(values).forEach(walk);
  const shared = new Map();
  const lines = [];
  const emit = (v) => {
    if (v && typeof v == "object" && !Array.isArray(v) && "id" in v) {
      // The operationId is the export's name, not a runtime field.
      const { id, ...rest } = v;
      return emit(rest);
    }
    if (!v || typeof v != "object") return JSON.stringify(v);
    const key = JSON.stringify(v);
    if (shared.has(key)) return shared.get(key);
    const text = Array.isArray(v) ? `[${v.map(emit).join(",")}]` : `{${Object.entries(v).map(([k, s]) => `${JSON.stringify(k)}:${emit(s)}`).join(",")}}`;
    if ((counts.get(key) ?? 0) < 2 || key.length < 300) return text;
    const name = `_${shared.size}`;
    shared.set(key, name);
    lines.push(`const ${name} = ${text} as const;`);
    return name;
  };
  const exports = Object.entries(values).map(([name, v]) => `/** ${doc(v)} */\nexport const ${name} = ${emit(v)} as const;`);
  return `${lines.join("\n")}\n\n${exports.join("\n")}\n`;
}

/** Source of generated/operations.ts (browser) and generated/server-operations.ts (tenant) for a bundled spec. */
export function operationsModules(spec) {
  const all = operationDescriptors(spec);
  const browser = all.filter((d) => d.path.startsWith(BROWSER_PREFIX));
  const server = all.filter((d) => !d.path.startsWith(BROWSER_PREFIX));
  const doc = (d) => `${d.method} ${d.path}: the operation as data for the client's pipeline.`;
  const methods = Object.fromEntries(browser.map((d) => [d.id, PACKAGE_RULES[d.id].method]));
  return {
    "operations.ts":
      `// The browser-side (${BROWSER_PREFIX}) operations, one export each (unused ones drop out of a bundle).\n` +
      emitShared(Object.fromEntries(browser.map((d) => [d.id, d])), doc) +
      `/** The client method that runs each operation (a package rule of scripts/lib/operations.mjs). */\n` +
      `export const METHOD_NAMES = ${JSON.stringify(methods)} as const;\n`,
    "server-operations.ts":
      `// The tenant (server-side) operations: for the server entry only; the browser root never imports this file.\n` +
      emitShared(Object.fromEntries(server.map((d) => [d.id, d])), doc),
  };
}
