// Turns the spec's body and header schemas into the small, annotation-free subset the client checks at run time.
// The client cannot ship a full JSON Schema validator (openapi-fetch is its only runtime dependency), so this
// refuses any keyword src/contract/validate.ts does not implement rather than silently ignoring it.

/** Keywords src/contract/validate.ts enforces. */
const ENFORCED = new Set(["type", "required", "properties", "enum", "minimum", "minLength", "maxLength", "additionalProperties", "oneOf", "discriminator", "items"]);
/** Values of `type` src/contract/validate.ts knows. */
const TYPES = new Set(["object", "string", "integer", "boolean", "array", "null"]);
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

/**
 * A discriminator as the validator reads it: the property and, for each of its values, the index of the `oneOf` shape
 * it selects. Taken from the mapping's refs, else from each shape's own single-value `enum` on that property.
 */
function reduceDiscriminator(spec, schema, path) {
  const { propertyName, mapping } = schema.discriminator;
  if (!Array.isArray(schema.oneOf)) throw new Error(`${path}: a discriminator needs oneOf`);
  const refs = schema.oneOf.map((s) => s.$ref);
  const indexes = {};
  if (mapping) {
    for (const [value, ref] of Object.entries(mapping)) {
      const index = refs.indexOf(ref);
      if (index < 0) throw new Error(`${path}: discriminator mapping ${value} -> ${ref} is not one of oneOf's refs`);
      indexes[value] = index;
    }
  } else {
    schema.oneOf.forEach((s, index) => {
      const values = resolve(spec, resolve(spec, s, path).properties?.[propertyName] ?? {}, path).enum ?? [];
      if (values.length !== 1) throw new Error(`${path}: oneOf/${index} has no single ${propertyName} value and there is no mapping`);
      indexes[values[0]] = index;
    });
  }
  return { propertyName, mapping: indexes };
}

/** Resolves local $refs and strips annotations, throwing on any keyword the runtime validator would not enforce. */
export function reduceSchema(spec, schema, path) {
  // OpenAPI 3.1 lets keywords sit beside a $ref (both apply): an enum there narrows the target's, as a oneOf shape's
  // `status` narrows LoginStatus to its one value. Other enforced keywords beside a $ref would need a real merge.
  if (typeof schema.$ref == "string" && Object.keys(schema).length > 1) {
    const { $ref, ...siblings } = schema;
    const narrowing = Object.keys(siblings).filter((key) => ENFORCED.has(key));
    if (narrowing.some((key) => key !== "enum")) throw new Error(`${path}: only enum may narrow a $ref (found ${narrowing.join(", ")})`);
    return { ...reduceSchema(spec, { $ref }, path), ...reduceSchema(spec, siblings, path) };
  }
  const out = {};
  const resolved = resolve(spec, schema, path);
  for (const [key, value] of Object.entries(resolved)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (!ENFORCED.has(key)) throw new Error(`${path}: keyword '${key}' is not supported by src/contract/validate.ts`);
    // A list of types (OpenAPI 3.1's nullable: ["string", "null"]) is any of them.
    for (const type of key === "type" ? [value].flat() : []) if (!TYPES.has(type)) throw new Error(`${path}: type '${type}' is not supported by src/contract/validate.ts`);
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, reduceSchema(spec, sub, `${path}.${name}`)]))
        : key === "items"
          ? reduceSchema(spec, value, `${path}[]`)
          : key === "oneOf"
          ? value.map((sub, i) => reduceSchema(spec, sub, `${path}.oneOf[${i}]`))
          : key === "discriminator"
            ? reduceDiscriminator(spec, resolved, path)
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
    `/** The spec's body and header schemas, reduced to what src/contract/validate.ts enforces. */\n` +
    `export const schemas = ${JSON.stringify(schemas)} as const;\n` +
    `/** The operation's documented responses by status: media types, body schema (a key of \`schemas\`), headers. */\n` +
    `export const responses = ${JSON.stringify(responsesContract(spec))} as const;\n`
  );
}
