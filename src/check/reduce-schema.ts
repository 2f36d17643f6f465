import type { Schema } from "../contract/validate.js";

/** A JSON node of the bundled spec. */
type Node = { readonly [key: string]: unknown };

// The keywords the shared validator (src/contract/validate.ts) enforces, and the types it knows. Every other keyword (format, pattern, a
// nullable type list, arrays' items, …) is dropped here: verify judges by the subset the mocks and the client share,
// so a rule it cannot check is left unjudged rather than guessed. generated/schemas.ts refuses such keywords instead;
// verify reads every operation, whose schemas are wider than the login's.
const KEPT = new Set(["type", "required", "properties", "enum", "minimum", "minLength", "maxLength", "additionalProperties", "oneOf", "discriminator"]);
const TYPES = new Set(["object", "string", "integer"]);

/** Follows a local "#/…" $ref to its target (a chain of them too). */
export function resolveRef(spec: Node, node: unknown): Node {
  let current = node as Node;
  for (let depth = 0; typeof current?.$ref == "string" && depth < 32; depth++) {
    current = (current.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((n, key) => (n as Node | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec) as Node;
  }
  return current ?? {};
}

/** The schema reduced to what the shared validator enforces: $refs followed, annotations and other keywords dropped. */
export function reduceSchema(spec: Node, node: unknown, depth = 0): Schema {
  const resolved = resolveRef(spec, node);
  // A `$ref` with an `enum` beside it narrows the target (a oneOf shape's status): the sibling wins.
  const siblings = typeof (node as Node)?.$ref == "string" ? (node as Node) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...resolved, ...siblings })) {
    if (!KEPT.has(key)) continue;
    if (key === "type" && !(typeof value == "string" && TYPES.has(value))) continue;
    if (key === "additionalProperties" && typeof value != "boolean") continue;
    if (depth >= 16 && (key === "properties" || key === "oneOf")) continue;
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value as Node).map(([name, sub]) => [name, reduceSchema(spec, sub, depth + 1)]))
        : key === "oneOf"
          ? (value as unknown[]).map((sub) => reduceSchema(spec, sub, depth + 1))
          : key === "discriminator"
            ? discriminator(spec, { ...resolved, ...siblings })
            : value;
  }
  // A discriminator the validator cannot read (no single value per shape) is dropped with its oneOf: not judged.
  if (out.oneOf && !out.discriminator) delete out.oneOf;
  return out as Schema;
}

/** Which oneOf shape (by index) each value of the discriminator's property selects: by the mapping, else each shape's one enum value. */
function discriminator(spec: Node, schema: Node): Schema["discriminator"] | undefined {
  const { propertyName, mapping } = schema.discriminator as { propertyName: string; mapping?: Record<string, string> };
  const shapes = (schema.oneOf as Node[] | undefined) ?? [];
  const indexes: Record<string, number> = {};
  if (mapping) {
    for (const [value, ref] of Object.entries(mapping)) {
      const index = shapes.findIndex((s) => s.$ref === ref);
      if (index < 0) return undefined;
      indexes[value] = index;
    }
  } else {
    for (const [index, shape] of shapes.entries()) {
      const values = (resolveRef(spec, (resolveRef(spec, shape).properties as Node | undefined)?.[propertyName]).enum as unknown[] | undefined) ?? [];
      if (values.length !== 1 || typeof values[0] != "string") return undefined;
      indexes[values[0]] = index;
    }
  }
  return { propertyName, mapping: indexes };
}
