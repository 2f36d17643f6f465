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

/** A value's JSON Schema type, as the types scripts/lib/schemas.mjs lets through name it (1.5 is "number", none of them). */
export const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);

/** A violation of `rule` at `where`, its sentence starting with `where`. */
const violation = (where: string, rule: Rule, text: string): Violation => ({ where, rule, message: `${where} ${text}` });

/** Adds how value breaks a `oneOf` to `out`: the selected shape's violations, or why no single shape fits. */
function oneOfViolations(schema: Schema, value: unknown, where: string, out: Violation[]) {
  const shapes = schema.oneOf!;
  const { discriminator } = schema;
  if (!discriminator) {
    const fits = shapes.filter((shape) => !collect(shape, value, where, []).length).length;
    if (fits != 1) out.push(violation(where, "oneOf", `must match exactly one of ${shapes.length} shapes (matches ${fits})`));
  } else if (typeOf(value) == "object") {
    const { propertyName, mapping } = discriminator;
    const tag = (value as Record<string, unknown>)[propertyName];
    const at = `${where}.${propertyName}`;
    // Own keys only: a tag of "constructor" must not find Object.prototype's members.
    if (typeof tag == "string" && Object.hasOwn(mapping, tag)) {
      const shape = shapes[mapping[tag]!];
      if (shape) collect(shape, value, where, out);
    } else {
      out.push(tag === undefined ? violation(at, "required", "is required") : violation(at, "enum", `must be one of ${Object.keys(mapping).join(", ")}`));
      // No shape applies, but a field any shape defines (expire) still has the type that shape gives it.
      for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
        const sub = name != propertyName && field !== undefined && shapes.find((shape) => Object.hasOwn(shape.properties ?? {}, name))?.properties![name];
        if (sub) collect(sub, field, `${where}.${name}`, out);
      }
    }
  }
  return out;
}

/** Adds every way `value` breaks `schema` to `out` (one list for the whole walk, so no list is ever spread). */
function collect(schema: Schema, value: unknown, where: string, out: Violation[]): Violation[] {
  const { type, minLength = 0, maxLength = Infinity, minimum = -Infinity, properties = {} } = schema;
  // One type name or a list of them: includes() finds the value's type in either without building a list (the
  // common case, every request field), since no type name holds another ("integer" holds no "number").
  if (type && !(type as string).includes(typeOf(value))) {
    out.push(violation(where, "type", `must be ${[type].flat().map((t) => (/^[aeiou]/.test(t) ? "an " : t == "null" ? "" : "a ") + t).join(" or ")}`));
    return out;
  }
  if (schema.enum && !schema.enum.includes(value)) out.push(violation(where, "enum", `must be one of ${schema.enum.join(", ")}`));
  if (typeof value == "number" && value < minimum) out.push(violation(where, "minimum", `must be >= ${minimum}`));
  if (typeof value == "string") {
    // JSON Schema counts code points, never more than UTF-16 units: count them only when a limit could be broken.
    const length = value.length < 2 * minLength || value.length > maxLength ? [...value].length : value.length;
    if (length < minLength) out.push(violation(where, "minLength", "must not be empty"));
    if (length > maxLength) out.push(violation(where, "maxLength", `must be at most ${maxLength} characters`));
  }
  if (typeOf(value) == "object") {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (record[name] === undefined) out.push(violation(`${where}.${name}`, "required", "is required"));
    let unknown = 0;
    for (const name of Object.keys(record)) {
      // Own names only: "constructor" or "toString" must not find Object.prototype's members here.
      if (!Object.hasOwn(properties, name)) unknown++;
      else if (record[name] !== undefined) collect(properties[name]!, record[name], `${where}.${name}`, out);
    }
    if (unknown && schema.additionalProperties === false) out.push(violation(where, "additionalProperties", `has ${unknown} propert${unknown == 1 ? "y" : "ies"} the contract does not know`));
  }
  if (schema.items && Array.isArray(value)) value.forEach((item, i) => collect(schema.items!, item, `${where}[${i}]`, out));
  // A shape repeats what the parent already said (status's enum): report each rule once.
  if (schema.oneOf) for (const found of oneOfViolations(schema, value, where, [])) if (!out.some((o) => o.message == found.message)) out.push(found);
  return out;
}

/** Every way `value` breaks `schema`, without values and without names the schema does not know; empty when it conforms. */
export const schemaViolations = (schema: Schema, value: unknown, where = "body"): Violation[] => collect(schema, value, where, []);

/** The violations as sentences ("body.expire must be an integer"). */
export const violations = (schema: Schema, value: unknown, where = "body"): string[] => collect(schema, value, where, []).map((v) => v.message);
