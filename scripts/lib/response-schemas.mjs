// Turns the spec's response schemas into the small, annotation-free subset the client checks bodies against.
// The client cannot ship a full JSON Schema validator (openapi-fetch is its only runtime dependency), so this
// refuses any keyword src/validate.ts does not implement rather than silently ignoring it.

/** Keywords src/validate.ts enforces. */
const ENFORCED = new Set(["type", "required", "properties", "enum", "minimum", "minLength", "maxLength", "additionalProperties"]);
/** Keywords that only annotate and are dropped. */
const ANNOTATIONS = new Set(["description", "examples", "example", "title", "$comment"]);

/** The response body schemas the client validates, by component name. */
export const RESPONSE_SCHEMAS = ["LoginResponse", "ErrorResponse"];

/** Resolves local $refs and strips annotations, throwing on any keyword the runtime validator would not enforce. */
export function reduceSchema(spec, schema, path) {
  if (schema.$ref) {
    const target = schema.$ref.replace(/^#\//, "").split("/").reduce((node, key) => node?.[key], spec);
    if (!target) throw new Error(`${path}: unresolved $ref ${schema.$ref}`);
    return reduceSchema(spec, target, `${path} -> ${schema.$ref}`);
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (!ENFORCED.has(key)) throw new Error(`${path}: keyword '${key}' is not supported by src/validate.ts`);
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, reduceSchema(spec, sub, `${path}.${name}`)]))
        : value;
  }
  return out;
}

/** Source of generated/response-schemas.ts for a bundled spec. */
export function responseSchemasModule(spec) {
  const reduced = Object.fromEntries(
    RESPONSE_SCHEMAS.map((name) => [name, reduceSchema(spec, spec.components.schemas[name], name)]),
  );
  return (
    `/** The spec's response body schemas, reduced to what src/validate.ts enforces. */\n` +
    `export const responseSchemas = ${JSON.stringify(reduced, null, 2)} as const;\n`
  );
}
