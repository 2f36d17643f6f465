// A JSON Schema subset validator for the reduced schemas in generated/schemas.ts, for the rules the mocks and verify
// share. Violations are built from the schema alone: a location the schema names and the rule broken. A value is
// never quoted, and a property the schema does not know is counted, never named (its name is the sender's text and
// may be anything, a secret included); so a body with 200,000 such properties is one violation, not 200,000.

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

/** The rule a violation breaks, named as JSON Schema (and Prism's sl-violations codes) name it. */
export type Rule = "type" | "enum" | "minimum" | "minLength" | "maxLength" | "required" | "additionalProperties";

/** One way a value breaks a schema: where (schema-known names only), which rule, and a sentence saying so. */
export interface Violation {
  readonly where: string;
  readonly rule: Rule;
  readonly message: string;
}

// The types scripts/lib/schemas.mjs lets through; it refuses any other.
const isType: Record<string, (v: unknown) => boolean> = {
  object: (v) => typeof v == "object" && v !== null && !Array.isArray(v),
  string: (v) => typeof v == "string",
  integer: Number.isInteger,
};

const plural = (n: number) => (n === 1 ? "1 property" : `${n} properties`);

/** Every way `value` breaks `schema`, without values and without names the schema does not know; empty when it conforms. */
export function schemaViolations(schema: Schema, value: unknown, where = "body"): Violation[] {
  const { type, minLength = 0, maxLength = Infinity, minimum = -Infinity } = schema;
  const v = (rule: Rule, message: string): Violation => ({ where, rule, message: `${where} ${message}` });
  if (type && !isType[type]?.(value)) return [v("type", `must be ${type == "string" ? "a" : "an"} ${type}`)];
  const out: Violation[] = [];
  if (schema.enum && !schema.enum.includes(value)) out.push(v("enum", `must be one of ${schema.enum.join(", ")}`));
  if (typeof value == "number" && value < minimum) out.push(v("minimum", `must be >= ${minimum}`));
  if (typeof value == "string") {
    // JSON Schema counts code points, never more than UTF-16 units: count them only when a limit could be broken.
    const length = value.length < 2 * minLength || value.length > maxLength ? [...value].length : value.length;
    if (length < minLength) out.push(v("minLength", "must not be empty"));
    if (length > maxLength) out.push(v("maxLength", `must be at most ${maxLength} characters`));
  }
  if (isType.object!(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (record[name] === undefined) out.push({ where: `${where}.${name}`, rule: "required", message: `${where}.${name} is required` });
    }
    let unknown = 0;
    for (const name in record) {
      if (!Object.hasOwn(record, name)) continue;
      // Own names only: "constructor" or "toString" must not find Object.prototype's members here.
      const sub = schema.properties && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      if (!sub) unknown++;
      else if (record[name] !== undefined) for (const found of schemaViolations(sub, record[name], `${where}.${name}`)) out.push(found);
    }
    if (unknown > 0 && schema.additionalProperties === false) out.push(v("additionalProperties", `has ${plural(unknown)} the contract does not know`));
  }
  return out;
}

/** The violations as sentences ("body.expire must be an integer"). */
export const violations = (schema: Schema, value: unknown, where = "body"): string[] => schemaViolations(schema, value, where).map((v) => v.message);
