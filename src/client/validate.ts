// A JSON Schema subset validator for the reduced schemas in generated/schemas.ts. Violations name the location and
// the rule, never the value: values may be secrets.

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

/** How value breaks a `oneOf`: the selected shape's violations, or why no single shape fits. */
function oneOfViolations(schema: Schema, value: unknown, where: string): string[] {
  const shapes = schema.oneOf ?? [];
  const { discriminator } = schema;
  if (discriminator) {
    if (!isType.object!(value)) return [];
    const tag = (value as Record<string, unknown>)[discriminator.propertyName];
    const at = `${where}.${discriminator.propertyName}`;
    // Own keys only: a tag of "constructor" must not find Object.prototype's members.
    if (typeof tag != "string" || !Object.hasOwn(discriminator.mapping, tag)) {
      const out = tag === undefined ? [`${at} is required`] : [`${at} must be one of ${Object.keys(discriminator.mapping).join(", ")}`];
      // No shape applies, but a field any shape defines (expire) still has the type that shape gives it.
      for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
        if (name == discriminator.propertyName || field === undefined) continue;
        const sub = shapes.map((shape) => shape.properties).find((p) => p && Object.hasOwn(p, name))?.[name];
        if (sub) out.push(...violations(sub, field, `${where}.${name}`));
      }
      return out;
    }
    const shape = shapes[discriminator.mapping[tag]!];
    return shape ? violations(shape, value, where) : [];
  }
  const fits = shapes.filter((shape) => violations(shape, value, where).length == 0).length;
  return fits == 1 ? [] : [`${where} must match exactly one of ${shapes.length} shapes (matches ${fits})`];
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

/**
 * Lists how value breaks schema, as "<where> <rule>" strings; empty when it conforms. With `counted`, properties the
 * schema does not allow are counted rather than named: their names are the caller's or a server's, and may be secrets.
 */
export function violations(schema: Schema, value: unknown, where = "body", counted?: boolean): string[] {
  const { type, minLength = 0, maxLength = Infinity, minimum = -Infinity } = schema;
  if (type && ![type].flat().some((t) => isType[t]?.(value))) return [`${where} must be ${typeRule(type)}`];
  const out: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${where} must be one of ${schema.enum.join(", ")}`);
  if (typeof value == "number" && value < minimum) out.push(`${where} must be >= ${minimum}`);
  if (typeof value == "string") {
    // JSON Schema counts code points, never more than UTF-16 units: count them only when a limit could be broken.
    const length = value.length < 2 * minLength || value.length > maxLength ? [...value].length : value.length;
    if (length < minLength) out.push(`${where} must not be empty`);
    if (length > maxLength) out.push(`${where} must be at most ${maxLength} characters`);
  }
  if (isType.object!(value)) {
    const record = value as Record<string, unknown>;
    let unknown = 0;
    for (const name of schema.required ?? []) if (record[name] === undefined) out.push(`${where}.${name} is required`);
    for (const name of Object.keys(record)) {
      // Own names only: "constructor" or "toString" must not find Object.prototype's members here.
      const sub = schema.properties && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      if (!sub) {
        if (schema.additionalProperties === false) counted ? unknown++ : out.push(`${where}.${name} is not allowed`);
      } else if (record[name] !== undefined) out.push(...violations(sub, record[name], `${where}.${name}`, counted));
    }
    if (unknown) out.push(`${where} has ${unknown} ${unknown > 1 ? "properties" : "property"} the contract does not allow`);
  }
  if (schema.items && Array.isArray(value)) value.forEach((item, i) => out.push(...violations(schema.items!, item, `${where}[${i}]`, counted)));
  // A shape repeats what the parent already said (status's enum): report each rule once.
  if (schema.oneOf) for (const problem of oneOfViolations(schema, value, where)) if (!out.includes(problem)) out.push(problem);
  return out;
}
