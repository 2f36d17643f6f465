// A JSON Schema subset validator for the reduced schemas in generated/schemas.ts. Violations name the location and
// the rule, never the value: values may be secrets.

/** The schema shape scripts/lib/schemas.mjs emits. */
export interface Schema {
  readonly type?: string;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: Schema };
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly additionalProperties?: boolean;
}

// The types scripts/lib/schemas.mjs lets through; it refuses any other.
const isType: Record<string, (v: unknown) => boolean> = {
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
};

/** Lists how value breaks schema, as "<where> <rule>" strings; empty when it conforms. */
export function violations(schema: Schema, value: unknown, where = "body"): string[] {
  if (schema.type && !isType[schema.type]?.(value)) return [`${where} must be ${schema.type === "string" ? "a" : "an"} ${schema.type}`];
  const out: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${where} must be one of ${schema.enum.join(", ")}`);
  if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) {
    out.push(`${where} must be >= ${schema.minimum}`);
  }
  if (typeof value === "string") {
    // JSON Schema counts code points, not UTF-16 units.
    const length = [...value].length;
    if (length < (schema.minLength ?? 0)) out.push(`${where} must not be empty`);
    if (length > (schema.maxLength ?? Infinity)) out.push(`${where} must be at most ${schema.maxLength} characters`);
  }
  if (isType.object!(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (record[name] === undefined) out.push(`${where}.${name} is required`);
    for (const [name, field] of Object.entries(record)) {
      const sub = schema.properties?.[name];
      if (sub && field !== undefined) out.push(...violations(sub, field, `${where}.${name}`));
      else if (!sub && schema.additionalProperties === false) out.push(`${where}.${name} is not allowed`);
    }
  }
  return out;
}
