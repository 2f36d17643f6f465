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
    const fields = spec.components.schemas.LoginResponse.properties;
    for (const [name, field] of Object.entries<any>(fields)) {
      const value = OpenAPISampler.sample(deref(field), {}, spec);
      expect(deref(field).examples?.[0] ?? deref(field).enum?.[0], name).toEqual(value);
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
