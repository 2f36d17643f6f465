import fc from "fast-check";
import { schemas } from "../../generated/schemas.js";

type StringSchema = { minLength?: number; maxLength?: number };
const body = schemas.MobileVerifyCodeLoginRequest;
const headers = schemas.LoginHeaders;

/** A JSON string field valid for its schema (any Unicode: it travels in a JSON body). */
const bodyString = (s: StringSchema) => fc.string({ unit: "grapheme", minLength: s.minLength ?? 0, maxLength: s.maxLength ?? 64 })
  .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));

/** A header value valid for its schema: visible ASCII, no edge spaces (fetch would trim them). */
const headerString = (s: StringSchema) =>
  fc
    .stringMatching(/^[!-~]([ -~]*[!-~])?$/)
    .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= Math.min(s.maxLength ?? 200, 200));

/** Valid request bodies, generated from the request schema. */
export const validBody = fc.record(
  Object.fromEntries(Object.entries(body.properties).map(([name, s]) => [name, bodyString(s)])) as Record<
    keyof typeof body.properties,
    fc.Arbitrary<string>
  >,
);

/** Valid header sets: every required header, and any of the optional ones. */
export const validHeaders = fc.record(
  Object.fromEntries(Object.entries(headers.properties).map(([name, s]) => [name, headerString(s)])) as Record<string, fc.Arbitrary<string>>,
  { requiredKeys: [...headers.required] },
);

/** A value of the wrong JSON type for a string field. */
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

/** One way to break a valid request, named so failures read well. */
export type Breakage = { what: string; apply: (h: Record<string, string>, b: Record<string, unknown>) => void };

/** Breakages derived from the schemas: a required part missing, a wrong type, a length out of bounds, an extra field. */
export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.constantFrom(...headers.required).map((name) => ({ what: `without ${name}`, apply: (h: Record<string, string>) => void delete h[name] })),
  fc.constantFrom(...body.required).map((name) => ({ what: `without ${name}`, apply: (_h: unknown, b: Record<string, unknown>) => void delete b[name] })),
  fc.tuple(fc.constantFrom(...body.required), notAString).map(([name, value]) => ({
    what: `${name} = ${JSON.stringify(value)}`,
    apply: (_h: unknown, b: Record<string, unknown>) => void (b[name] = value),
  })),
  fc.tuple(fc.constantFrom(...(Object.keys(body.properties) as Array<keyof typeof body.properties>)), fc.integer({ min: 1, max: 64 })).map(([name, extra]) => ({
    what: `${name} ${extra} over maxLength`,
    apply: (_h: unknown, b: Record<string, unknown>) => void (b[name] = "9".repeat(body.properties[name].maxLength + extra)),
  })),
  fc.constantFrom(...(Object.keys(body.properties) as Array<keyof typeof body.properties>)).map((name) => ({
    what: `${name} empty`,
    apply: (_h: unknown, b: Record<string, unknown>) => void (b[name] = ""),
  })),
  fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in body.properties) && k !== "__proto__").map((key) => ({
    what: `extra field ${JSON.stringify(key)}`,
    apply: (_h: unknown, b: Record<string, unknown>) => void (b[key] = "x"),
  })),
);
