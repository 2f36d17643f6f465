// The exported error classes built directly, as a caller's own code or test may build them: what each constructor's
// optional arguments default to (no secrets to hide from, the call named "login"), and the safe copy a NetworkError
// keeps of a cause that is not an Error. Each case is one a mutation test left alive: it fails on that mutant.
import { describe, expect, test } from "vitest";
import { ApiError, HttpError, InputError, NetworkError, type RequestSummary } from "../../src/index.js";

const request: RequestSummary = { method: "POST", url: "https://tenant.example.test/api/v2/sdk/login/mobile-verify-code" };

// Codes OneAccess documents are shown; codes of the same shape that it does not document are raw only.
const CODES = ["LOGIN.0002", "APP.0001", "USER.0038"];
const UNDOCUMENTED = ["LOGIN.0009", "WASH.HERE.0001"];

describe("ApiError's defaults", () => {
  test("names the call a login when no label is given", () => {
    const error = new ApiError("LOGIN.0002", "wrong code", request);
    expect(error.message).toBe(`OneAccess refused the login with LOGIN.0002: POST ${request.url}`);
  });

  test.each(CODES)("the documented code %j is in its views", (code) => {
    const error = new ApiError(code, "wrong code", request);
    expect(error.message).toContain(code);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code });
  });

  test.each(UNDOCUMENTED)("the undocumented code %j is raw only", (code) => {
    const error = new ApiError(code, "wrong code", request);
    expect(error.message).toBe(`OneAccess refused the login with an undocumented error code: POST ${request.url}`);
    expect(JSON.stringify(error)).not.toContain(code);
    expect(error.code).toBe(code);
  });
});

describe("InputError's defaults", () => {
  test("names the call a login when no label is given", () => {
    const error = new InputError(["body.verify_code is required"], request);
    expect(error.message).toBe(`Invalid login request, not sent (body.verify_code is required): POST ${request.url}`);
  });
});

describe("HttpError's defaults", () => {
  test.each(CODES)("the documented code %j is in its views", (code) => {
    const error = new HttpError(503, code, request);
    expect(error.message).toContain(`HTTP 503 (${code})`);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 503, code });
  });

  test.each(UNDOCUMENTED)("the undocumented code %j is raw only", (code) => {
    const error = new HttpError(503, code, request);
    expect(error.message).toBe(`OneAccess answered HTTP 503: POST ${request.url}`);
    expect(JSON.stringify(error)).not.toContain(code);
    expect(error.code).toBe(code);
  });
});

describe("NetworkError's defaults and its copy of the cause", () => {
  test.each(["ECONNREFUSED", "UND_ERR_SOCKET", "CERT_HAS_EXPIRED"])("the listed transport code %j of the cause is kept", (code) => {
    const error = new NetworkError(request, Object.assign(new TypeError("fetch failed"), { code }));
    expect(error.cause).toMatchObject({ name: "TypeError", code, message: code });
    expect(error.message).toBe(`Request failed (TypeError ${code}): POST ${request.url}`);
  });

  test.each(["ERR_WASH_HERE", "ECONNREFUSEDX"])("a transport code %j off the list is not kept", (code) => {
    const error = new NetworkError(request, Object.assign(new TypeError("fetch failed"), { code }));
    expect(Object.hasOwn(error.cause as object, "code")).toBe(false);
    expect(error.message).toBe(`Request failed (TypeError): POST ${request.url}`);
  });

  test("a cause that is not an Error keeps neither its name nor its code: an Error with nothing", () => {
    const error = new NetworkError(request, { name: "TypeError", code: "ECONNREFUSED", cause: new Error("inner") });
    const cause = error.cause as Error & { code?: unknown };
    expect(cause.name).toBe("Error");
    expect(cause.message).toBe("");
    expect(Object.hasOwn(cause, "code")).toBe(false);
    expect(cause.cause).toBeUndefined();
  });

  test("a link without a code has no code property at all (no `code: undefined` in an inspect of it)", () => {
    const error = new NetworkError(request, new TypeError("fetch failed"));
    expect(Object.hasOwn(error.cause as object, "code")).toBe(false);
    expect(error.message).toBe(`Request failed (TypeError): POST ${request.url}`);
  });
});
