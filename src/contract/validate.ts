// A JSON Schema subset validator for the reduced schemas scripts/lib/schemas.mjs emits (generated/), shared by the
// client, the mocks and verify. Violations are built from the schema alone: a location the schema names and the rule
// broken. A value is never quoted, and a property the schema does not know is counted, never named (its name is the
// sender's text and may be anything, a secret included); so a body with 200,000 such properties is one violation.

/** The schema shape scripts/lib/schemas.mjs emits. */
export interface Schema {
  /** One type, or a list of which the value must be one (["string", "null"]). */
  readonly type?: string | readonly string[];
  /** The schema of each item of an array. */
  readonly items?: Schema;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: Schema };
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly additionalProperties?: boolean;
  /** Exactly one of these shapes; with `discriminator`, the one its property's value selects. */
  readonly oneOf?: readonly Schema[];
  /** Which `oneOf` shape (by index) each value of `propertyName` selects. */
  readonly discriminator?: { readonly propertyName: string; readonly mapping: { readonly [value: string]: number } };
}

/** The rule a violation breaks, named as JSON Schema (and Prism's sl-violations codes) name it. */
export type Rule = "type" | "enum" | "minimum" | "minLength" | "maxLength" | "required" | "additionalProperties" | "oneOf";

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
  boolean: (v) => typeof v == "boolean",
  array: Array.isArray,
  null: (v) => v === null,
};

/** The type rule's sentence: "must be a string", "must be a string or null". */
const typeRule = (type: string | readonly string[]) =>
  [type].flat().map((t) => (/^[aeiou]/.test(t) ? "an " : t == "null" ? "" : "a ") + t).join(" or ");

/** How value breaks a `oneOf`: the selected shape's violations, or why no single shape fits. */
function oneOfViolations(schema: Schema, value: unknown, where: string): Violation[] {
  const shapes = schema.oneOf ?? [];
  const { discriminator } = schema;
  if (discriminator) {
    if (!isType.object!(value)) return [];
    const tag = (value as Record<string, unknown>)[discriminator.propertyName];
    const at = `${where}.${discriminator.propertyName}`;
    // Own keys only: a tag of "constructor" must not find Object.prototype's members.
    if (typeof tag != "string" || !Object.hasOwn(discriminator.mapping, tag)) {
      const out: Violation[] =
        tag === undefined
          ? [{ where: at, rule: "required", message: `${at} is required` }]
          : [{ where: at, rule: "enum", message: `${at} must be one of ${Object.keys(discriminator.mapping).join(", ")}` }];
      // No shape applies, but a field any shape defines (expire) still has the type that shape gives it.
      for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
        if (name == discriminator.propertyName || field === undefined) continue;
        const sub = shapes.map((shape) => shape.properties).find((p) => p && Object.hasOwn(p, name))?.[name];
        if (sub) out.push(...schemaViolations(sub, field, `${where}.${name}`));
      }
      return out;
    }
    const shape = shapes[discriminator.mapping[tag]!];
    return shape ? schemaViolations(shape, value, where) : [];
  }
  const fits = shapes.filter((shape) => schemaViolations(shape, value, where).length == 0).length;
  return fits == 1 ? [] : [{ where, rule: "oneOf", message: `${where} must match exactly one of ${shapes.length} shapes (matches ${fits})` }];
}

const plural = (n: number) => (n === 1 ? "1 property" : `${n} properties`);

/** Every way `value` breaks `schema`, without values and without names the schema does not know; empty when it conforms. */
export function schemaViolations(schema: Schema, value: unknown, where = "body"): Violation[] {
  const { type, minLength = 0, maxLength = Infinity, minimum = -Infinity } = schema;
  const v = (rule: Rule, message: string): Violation => ({ where, rule, message: `${where} ${message}` });
  // A single type, the usual case, without building a list: this runs for every field of every call.
  if (type && !(typeof type == "string" ? isType[type]?.(value) : type.some((t) => isType[t]?.(value)))) return [v("type", `must be ${typeRule(type)}`)];
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
  if (schema.items && Array.isArray(value)) value.forEach((item, i) => out.push(...schemaViolations(schema.items!, item, `${where}[${i}]`)));
  // A shape repeats what the parent already said (status's enum): report each rule once.
  if (schema.oneOf) for (const found of oneOfViolations(schema, value, where)) if (!out.some((o) => o.message == found.message)) out.push(found);
  return out;
}

/** The violations as sentences ("body.expire must be an integer"). */
export const violations = (schema: Schema, value: unknown, where = "body"): string[] => schemaViolations(schema, value, where).map((v) => v.message);
