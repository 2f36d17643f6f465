import OpenAPISampler from "openapi-sampler";
import { describe, expect, test } from "vitest";
import { PAGE } from "../helpers/client.js";
import { deref, namedExamples, operation, operations, refValidator, spec } from "../helpers/spec.js";

// What a sampler builds from the schemas alone (docs, mock servers, SDK samples that ignore named examples).
const PAGE_RESPONSE = { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 };
const sample = (name: string) => OpenAPISampler.sample(spec.components.schemas[name], {}, spec);
const errorExamples = Object.values(namedExamples(Object.values<any>(deref(operation.responses["400"]).content)[0])) as Array<{
  error_code: string;
  error_msg: string;
}>;

describe("openapi-sampler, from the schemas alone", () => {
  test("builds the API page's example response for 200", () => {
    expect(sample("LoginResponse")).toEqual(PAGE_RESPONSE);
  });

  test("builds a 400 whose message is the one documented for its code", () => {
    const error = sample("ErrorResponse") as { error_code: string; error_msg: string };
    const documented = errorExamples.find((e) => e.error_code === error.error_code);
    expect(documented, error.error_code).toBeDefined();
    expect(error.error_msg).toBe(documented!.error_msg);
  });

  test("builds the API page's example request", () => {
    expect(sample("MobileVerifyCodeLoginRequest")).toEqual(PAGE.credentials);
  });

  test("builds each field from its own example when sampling field by field", () => {
    // The 200 fields live in one shape per status (LoginResponse's oneOf).
    const shapes: any[] = spec.components.schemas.LoginResponse.oneOf.map(deref);
    for (const [name, field] of shapes.flatMap((shape) => Object.entries<any>(shape.properties))) {
      const schema = deref(field);
      const value = OpenAPISampler.sample(schema, {}, spec);
      const expected = schema.examples?.[0] ?? schema.enum?.[0];
      // `data` has no example: the page shows none, so the sampler makes up a value of its type.
      if (expected === undefined) expect(typeof value, name).toBe(schema.type);
      else expect(expected, name).toEqual(value);
    }
  });

  // Every operation of the journey, not only the login: a sampler must never build a body its own schema refuses.
  test.each(
    operations.flatMap(({ path, method, op }) => {
      const bodies = [op.requestBody, ...Object.values(op.responses)].flatMap((part: any) => Object.values<any>(deref(part)?.content ?? {}));
      return bodies.map((media, i) => [`${method.toUpperCase()} ${path}`, i, media.schema] as const);
    }),
  )("builds schema-valid bodies for %s (body %i)", (_label, _i, schema) => {
    const value = OpenAPISampler.sample(deref(schema), {}, spec);
    expect(refValidator(schema)(value)).toEqual([]);
  });
});
