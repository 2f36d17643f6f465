import { describe, expect, test } from "vitest";
import { createLoginClient } from "../../src/index.js";
import { PAGE } from "../helpers/client.js";
import { baseUrl, PAGE_HEADERS, post, targetIsMock } from "../helpers/contract.js";
import { deref, namedExamples, operation, schemaValidator } from "../helpers/spec.js";

const okMedia = deref(operation.responses["200"]).content["application/json"];
const errorMedia = deref(operation.responses["400"]).content["application/json"];
const validLogin = schemaValidator("LoginResponse");
const validError = schemaValidator("ErrorResponse");
const pageBody = JSON.stringify(PAGE.credentials);

describe("POST /api/v2/sdk/login/mobile-verify-code: the server keeps the contract", () => {
  test("answers the page's example request with 200 or 400 and a schema-valid body", async () => {
    const { status, body } = await post(PAGE_HEADERS, pageBody);
    expect([200, 400]).toContain(status);
    expect(status === 200 ? validLogin(body) : validError(body)).toEqual([]);
  });

  test("the client logs in end to end with a documented outcome", async () => {
    const client = createLoginClient({ ...PAGE.options, baseUrl });
    const result = await client.login(PAGE.credentials);
    // A real server may refuse the page's sample code, but only in the documented way.
    if (!result.ok) expect(result.error.kind).toBe("api");
    else expect(result.response.status).toBe(200);
  });
});

describe.runIf(targetIsMock)("POST /api/v2/sdk/login/mobile-verify-code: every documented answer of the mock", () => {
  test("the page's exact example request gets the page's exact example response", async () => {
    const { status, text } = await post(PAGE_HEADERS, pageBody);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
  });

  test.each(Object.entries(namedExamples(okMedia)))("serves the 200 example %s, schema-valid", async (name, example) => {
    const { status, body } = await post({ ...PAGE_HEADERS, Prefer: `code=200, example=${name}` }, pageBody);
    expect(status).toBe(200);
    expect(body).toEqual(example);
    expect(validLogin(body)).toEqual([]);
  });

  test.each(Object.entries(namedExamples(errorMedia)))("serves the 400 example %s, schema-valid", async (name, example) => {
    const { status, body } = await post({ ...PAGE_HEADERS, Prefer: `code=400, example=${name}` }, pageBody);
    expect(status).toBe(400);
    expect(body).toEqual(example);
    expect(validError(body)).toEqual([]);
  });

  test.each(Object.entries(namedExamples(okMedia)))("the client turns the 200 example %s into its status", async (name, example) => {
    const client = createLoginClient({
      ...PAGE.options,
      baseUrl,
      middleware: [{ onRequest: ({ request }) => (request.headers.set("Prefer", `example=${name}`), request) }],
    });
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: true, status: (example as { status: string }).status, body: example });
  });

  test.each(Object.entries(namedExamples(errorMedia)))("the client turns the 400 example %s into an ApiError", async (name, example) => {
    const client = createLoginClient({
      ...PAGE.options,
      baseUrl,
      middleware: [{ onRequest: ({ request }) => (request.headers.set("Prefer", `code=400, example=${name}`), request) }],
    });
    const result = await client.login(PAGE.credentials);
    const { error_code, error_msg } = example as { error_code: string; error_msg: string };
    expect(result).toMatchObject({ ok: false, error: { kind: "api", code: error_code, errorMsg: error_msg } });
  });
});
