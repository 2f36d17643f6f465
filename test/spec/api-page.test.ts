import { describe, expect, test } from "vitest";
import { deref, namedExamples, operation, schemaValidator, spec } from "../helpers/spec.js";

// The fields, requiredness and examples of Huawei Cloud's API page (shared/seed), which the spec must carry.
const PAGE_HEADERS = {
  "X-operating-sys-version": true,
  "X-device-fingerprint": true,
  "X-device-ip": false,
  "X-agent": true,
  "X-L": false,
  "X-client-id": true,
  "X-tenant-id": false,
};
const PAGE_REQUEST_HEADERS = {
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-device-ip": "10.10.10.1",
  "X-agent":
    "Mozilla/5.0 (Linux; Android 10; Redmi K30 Build/QKQ1.190825.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/80.0.3987.99 Mobile Safari/537.36",
  "X-L": "zh",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
  "X-tenant-id": "08f770f51f80d2f40f38c00cb199fd21",
};
const PAGE_REQUEST_BODY = { mobile: "12345678901", verify_code: "232326" };
const PAGE_RESPONSE = { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 };
const STATUSES = ["SUCCESS", "PASSWORD_WARN", "PASSWORD_EXPIRED", "ACCESS_DENIED", "MFA_AUTH"];

const parameters = operation.parameters.map(deref);
const requestMedia = deref(operation.requestBody).content["application/json;charset=utf8"];
const okMedia = deref(operation.responses["200"]).content["application/json"];
const errorMedia = deref(operation.responses["400"]).content["application/json"];

describe("the spec carries the API page", () => {
  test("declares the 7 header parameters with the page's requiredness and a description each", () => {
    const declared = Object.fromEntries(parameters.map((p: any) => [p.name, p.required === true]));
    expect(declared).toEqual(PAGE_HEADERS);
    for (const p of parameters) {
      expect(p.in).toBe("header");
      expect(p.description, p.name).toMatch(/\w{3,}/);
    }
  });

  test("documents the 8th header, Content-Type, with its literal value on the operation and the body", () => {
    // The media-type key is what generators send (hey-api, orval's fetch client), so it is the exact value.
    expect(Object.keys(deref(operation.requestBody).content)).toEqual(["application/json;charset=utf8"]);
    expect(operation.description).toContain("application/json;charset=utf8");
    expect(deref(operation.requestBody).description).toContain("application/json;charset=utf8");
    // OpenAPI ignores a Content-Type header parameter, so declaring one would be dead text.
    expect(parameters.map((p: any) => p.name.toLowerCase())).not.toContain("content-type");
  });

  test("requires both body fields and describes them", () => {
    const body = deref(requestMedia.schema);
    expect(body.required.sort()).toEqual(["mobile", "verify_code"]);
    expect(Object.keys(body.properties).sort()).toEqual(["mobile", "verify_code"]);
    for (const field of Object.values<any>(body.properties)) expect(field.description).toMatch(/\w{3,}/);
  });

  test("describes all six 200 fields with the page's types, across the shapes of the status values", () => {
    const shapes: any[] = deref(okMedia.schema).oneOf.map(deref);
    const props = Object.assign({}, ...shapes.map((shape) => shape.properties));
    const types = Object.fromEntries(Object.entries<any>(props).map(([k, v]) => [k, deref(v).type]));
    expect(types).toEqual({
      status: "string",
      session_token: "string",
      id_token: "string",
      expire: "integer",
      state_token: "string",
      data: "string",
    });
    for (const [name, field] of Object.entries<any>(props)) expect(deref(field).description, name).toMatch(/\w{3,}/);
  });

  test("documents all five status values and what the caller does next, per value, behind a short description", () => {
    const status = spec.components.schemas.LoginStatus;
    expect(status.enum).toEqual(STATUSES);
    // One plain line before the trail's paragraphs: tools that squash or escape Markdown (Scalar, Kubb,
    // openapi-zod-client) still show it intact.
    const [own, ...trail] = status.description.split("\n\n");
    expect(own).not.toMatch(/\n|\|/);
    expect(own.length).toBeLessThan(120);
    expect(trail.join(" ")).toMatch(/^Source: https:\/\/\S+, https:\/\/\S+$/);
    expect(Object.keys(status["x-enumDescriptions"])).toEqual(STATUSES);
    for (const value of STATUSES) expect(status["x-enumDescriptions"][value], value).toMatch(/\w{3,}.*\. \w/);
  });

  test("requires error_code and error_msg on 400", () => {
    const body = deref(errorMedia.schema);
    expect(body.required.sort()).toEqual(["error_code", "error_msg"]);
    expect(deref(operation.responses["400"]).description).toBe("Invalid parameter.");
  });

  test("has a {domain_name} server and explains ISV tenant mode", () => {
    expect(spec.servers[0].url).toBe("https://{domain_name}");
    expect(spec.servers[0].variables.domain_name.default).toBeTruthy();
    expect(spec.servers[1].url).toBe("https://{common_domain}");
    expect(spec.info.description).toMatch(/ISV tenant[\s\S]*X-tenant-id[\s\S]*template/);
  });

  test("server descriptions are plain text: Redoc's Servers panel prints Markdown marks literally", () => {
    for (const server of spec.servers) expect(server.description, server.url).not.toMatch(/[`*]/);
  });
});

describe("named examples", () => {
  test("the page's request is the `page` example, headers and body exactly", () => {
    expect(namedExamples(requestMedia).page).toEqual(PAGE_REQUEST_BODY);
    const headers = Object.fromEntries(parameters.map((p: any) => [p.name, deref(p.examples.page).value]));
    expect(headers).toEqual(PAGE_REQUEST_HEADERS);
  });

  test("the page's response is the first 200 example, so the mock serves it by default", () => {
    const examples = namedExamples(okMedia);
    expect(Object.keys(examples)[0]).toBe("success");
    expect(examples.success).toEqual(PAGE_RESPONSE);
  });

  test("an ISV tenant request sets a tenant id and the template's client id", () => {
    expect(namedExamples(requestMedia).isvTenant).toBeDefined();
    const byName = Object.fromEntries(parameters.map((p: any) => [p.name, p]));
    expect(byName["X-tenant-id"].examples.isvTenant.value).toBeTruthy();
    expect(byName["X-client-id"].examples.isvTenant.summary).toMatch(/template/);
  });

  test("MFA_AUTH and PASSWORD_WARN examples carry a state_token; every status has an example", () => {
    const examples = Object.values<any>(namedExamples(okMedia));
    expect(new Set(examples.map((e) => e.status))).toEqual(new Set(STATUSES));
    for (const status of ["MFA_AUTH", "PASSWORD_WARN"]) {
      expect(examples.find((e) => e.status === status)?.state_token).toEqual(expect.any(String));
    }
  });

  test("400 examples use the known error codes, after the mock's neutral default that claims none of OneAccess's", () => {
    const [neutral, ...known] = Object.values<any>(namedExamples(errorMedia)).map((e) => e.error_code);
    expect(neutral).toBe("MOCK.INVALID_REQUEST");
    expect(known.sort()).toEqual(["APP.0001", "APP.0002", "APP.0003", "LOGIN.0002", "USER.0038"]);
  });

  test.each([
    ["MobileVerifyCodeLoginRequest", requestMedia],
    ["LoginResponse", okMedia],
    ["ErrorResponse", errorMedia],
  ])("every example of %s is valid against its schema", (schema, media) => {
    const validate = schemaValidator(schema);
    for (const [name, value] of Object.entries(namedExamples(media))) expect(validate(value), name).toEqual([]);
  });

  test("the schemas reject what the contract forbids", () => {
    expect(schemaValidator("LoginResponse")({ status: "LOGGED_IN" })).not.toEqual([]);
    expect(schemaValidator("LoginResponse")({ status: "SUCCESS", expire: -1 })).not.toEqual([]);
    expect(schemaValidator("ErrorResponse")({ error_code: "X" })).not.toEqual([]);
    expect(schemaValidator("MobileVerifyCodeLoginRequest")({ mobile: "1", verify_code: 2 })).not.toEqual([]);
  });
});
