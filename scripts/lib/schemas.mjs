// Turns the spec's body and header schemas into the small, annotation-free subset the client checks at run time.
// The client cannot ship a full JSON Schema validator (openapi-fetch is its only runtime dependency), so this
// refuses any keyword src/client/validate.ts does not implement rather than silently ignoring it.

/** Keywords src/client/validate.ts enforces. */
const ENFORCED = new Set(["type", "required", "properties", "enum", "minimum", "minLength", "maxLength", "additionalProperties"]);
/** Values of `type` src/client/validate.ts knows. */
const TYPES = new Set(["object", "string", "integer"]);
/** Keywords that only annotate and are dropped (as is every `x-` extension, e.g. x-enumDescriptions). */
const ANNOTATIONS = new Set(["description", "examples", "example", "title", "$comment"]);

/** The body schemas the client validates, by component name. */
export const BODY_SCHEMAS = ["MobileVerifyCodeLoginRequest", "LoginResponse", "ErrorResponse"];
const OPERATION = ["/api/v2/sdk/login/mobile-verify-code", "post"];

/** Follows a local "#/..." $ref. */
export function resolve(spec, node, path) {
  if (!node.$ref) return node;
  const target = node.$ref.replace(/^#\//, "").split("/").reduce((n, key) => n?.[key], spec);
  if (!target) throw new Error(`${path}: unresolved $ref ${node.$ref}`);
  return resolve(spec, target, `${path} -> ${node.$ref}`);
}

/** Resolves local $refs and strips annotations, throwing on any keyword the runtime validator would not enforce. */
export function reduceSchema(spec, schema, path) {
  const out = {};
  for (const [key, value] of Object.entries(resolve(spec, schema, path))) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (!ENFORCED.has(key)) throw new Error(`${path}: keyword '${key}' is not supported by src/client/validate.ts`);
    if (key === "type" && !TYPES.has(value)) throw new Error(`${path}: type '${value}' is not supported by src/client/validate.ts`);
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, reduceSchema(spec, sub, `${path}.${name}`)]))
        : value;
  }
  return out;
}

/** The operation's header parameters as one object schema, so headers are checked like a body. */
function headersSchema(spec) {
  const params = spec.paths[OPERATION[0]][OPERATION[1]].parameters.map((p) => resolve(spec, p, "parameters"));
  const headers = params.filter((p) => p.in === "header");
  return {
    type: "object",
    required: headers.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(headers.map((p) => [p.name, reduceSchema(spec, p.schema, p.name)])),
  };
}

/**
 * The operation's documented responses by status: media types, the body schema's name in `schemas` and the response
 * headers (reduced), for checks that judge a server's answers the way the spec does.
 */
function responsesContract(spec) {
  const responses = spec.paths[OPERATION[0]][OPERATION[1]].responses;
  return Object.fromEntries(
    Object.entries(responses).map(([status, ref]) => {
      const response = resolve(spec, ref, `responses.${status}`);
      const content = Object.entries(response.content ?? {});
      const body = [...new Set(content.map(([, media]) => media.schema?.$ref?.replace("#/components/schemas/", "")))];
      if (body.length !== 1 || !BODY_SCHEMAS.includes(body[0])) throw new Error(`responses.${status}: body must be one $ref to ${BODY_SCHEMAS.join(" or ")}`);
      const headers = Object.entries(response.headers ?? {}).map(([name, h]) => [name, resolve(spec, h, `responses.${status}.${name}`)]);
      return [
        status,
        {
          mediaTypes: content.map(([type]) => type),
          body: body[0],
          headers: Object.fromEntries(headers.map(([name, h]) => [name, { required: h.required === true, schema: reduceSchema(spec, h.schema, name) }])),
        },
      ];
    }),
  );
}

/** Source of generated/schemas.ts for a bundled spec. */
export function schemasModule(spec) {
  const schemas = Object.fromEntries(BODY_SCHEMAS.map((name) => [name, reduceSchema(spec, spec.components.schemas[name], name)]));
  schemas.LoginHeaders = headersSchema(spec);
  return (
    `/** The spec's body and header schemas, reduced to what src/client/validate.ts enforces. */\n` +
    `export const schemas = ${JSON.stringify(schemas)} as const;\n` +
    `/** The operation's documented responses by status: media types, body schema (a key of \`schemas\`), headers. */\n` +
    `export const responses = ${JSON.stringify(responsesContract(spec))} as const;\n`
  );
}
