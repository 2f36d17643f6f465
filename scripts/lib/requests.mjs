// Turns every operation of the bundled spec into generated/requests.ts: what a request must be (method, path, header
// schema, body media type and schema, Bearer or not), the named response examples by status, and which fields and
// headers the spec marks `x-secret: true`. Both mocks (src/testing/, src/mock/) and the shared request rules
// (src/contract/) read it, so an operation added to the spec is answered, checked and redacted with no code change.
import { reduceSchema, resolve } from "./schemas.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The names under `schema` (properties at any depth, array items, oneOf shapes) whose schema says x-secret: true. */
function secretNames(spec, schema, seen = new Set()) {
  const node = resolve(spec, schema ?? {}, "secrets");
  if (seen.has(node)) return [];
  seen.add(node);
  const own = Object.entries(node.properties ?? {}).flatMap(([name, sub]) => [
    ...(resolve(spec, sub, name)["x-secret"] === true || sub["x-secret"] === true ? [name] : []),
    ...secretNames(spec, sub, seen),
  ]);
  const nested = [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? []), ...(node.items ? [node.items] : [])].flatMap((sub) => secretNames(spec, sub, seen));
  return [...own, ...nested];
}

/** The named examples of a response's content by name, in the spec's order; null for a response without a body. */
function namedExamples(spec, response, path) {
  const content = Object.values(resolve(spec, response, path).content ?? {});
  if (content.length === 0) return null;
  const media = content[0];
  const named = Object.entries(media.examples ?? {}).map(([name, ex]) => [name, resolve(spec, ex, `${path}.${name}`).value]);
  if (named.length === 0) throw new Error(`${path}: a response with a body needs named examples (the mocks answer them)`);
  return Object.fromEntries(named);
}

/** One operation's entry. */
function entry(spec, path, method, item, op) {
  const where = `${method.toUpperCase()} ${path}`;
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(spec, p, where));
  const headers = parameters.filter((p) => p.in === "header");
  const body = op.requestBody ? resolve(spec, op.requestBody, where) : undefined;
  const [media, content] = body ? Object.entries(body.content ?? {})[0] ?? [] : [];
  if (body && Object.keys(body.content ?? {}).length !== 1) throw new Error(`${where}: the mocks support one request media type per operation`);
  const security = op.security ?? spec.security ?? [];
  const schemes = security.flatMap((requirement) => Object.keys(requirement)).map((name) => spec.components.securitySchemes[name]);
  if (schemes.some((s) => s.type !== "http" || s.scheme !== "bearer")) throw new Error(`${where}: the mocks support only http bearer security`);
  const secretHeaders = [...headers.filter((p) => p["x-secret"] === true).map((p) => p.name), ...(schemes.some((s) => s["x-secret"] === true) ? ["Authorization"] : [])];
  const responseSecrets = Object.entries(op.responses).flatMap(([status, r]) =>
    Object.values(resolve(spec, r, `${where} ${status}`).content ?? {}).flatMap((m) => secretNames(spec, m.schema)),
  );
  return {
    id: op.operationId,
    method: method.toUpperCase(),
    path,
    headers: {
      type: "object",
      required: headers.filter((p) => p.required).map((p) => p.name),
      properties: Object.fromEntries(headers.map((p) => [p.name, reduceSchema(spec, p.schema, `${where} ${p.name}`)])),
    },
    ...(body ? { media, body: reduceSchema(spec, content.schema, `${where} body`), bodyRequired: body.required === true } : {}),
    bearer: schemes.length > 0,
    examples: Object.fromEntries(Object.entries(op.responses).map(([status, r]) => [status, namedExamples(spec, r, `${where} ${status}`)])),
    secrets: {
      headers: secretHeaders,
      fields: [...new Set([...(content ? secretNames(spec, content.schema) : []), ...responseSecrets])],
    },
  };
}

/** Source of generated/requests.ts for a bundled spec. */
export function requestsModule(spec) {
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => entry(spec, path, method, item, item[method])),
  );
  const secrets = [...new Set(operations.flatMap((o) => [...o.secrets.fields, ...o.secrets.headers]))];
  return (
    `/** Every operation of the spec: its request rules, its named response examples by status (null: no body), its secrets. */\n` +
    `export const operations = ${JSON.stringify(operations)} as const;\n` +
    `/** Every field and header name the spec marks x-secret (with Authorization for an x-secret security scheme). */\n` +
    `export const secretNames: readonly string[] = ${JSON.stringify(secrets)};\n`
  );
}
