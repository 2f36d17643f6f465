// The exported error classes built directly, as a caller's own code or test may build them: what each constructor's
// optional arguments default to (no secrets to hide from, the call named "login"), and the safe copy a NetworkError
// keeps of a cause that is not an Error. Each case is one a mutation test left alive: it fails on that mutant.
import { describe, expect, test } from "vitest";
import { ApiError, HttpError, InputError, NetworkError, type RequestSummary } from "../../src/index.js";

const request: RequestSummary = { method: "POST", url: "https://tenant.example.test/api/v2/sdk/login/mobile-verify-code" };

// Codes made of ordinary words: with no secrets given, none is hidden. The last is the filler text a mutation tool
// puts into a default list, so a default that is not empty shows here.
const CODES = ["LOGIN.0002", "WASH.HERE.0001", "STRYKER.WAS.HERE.0002"];

describe("ApiError's defaults", () => {
  test("names the call a login when no label is given", () => {
    const error = new ApiError("LOGIN.0002", "wrong code", request);
    expect(error.message).toBe(`OneAccess refused the login with LOGIN.0002: POST ${request.url}`);
  });

  test.each(CODES)("without secrets, the documented-shape code %j is in its views", (code) => {
    const error = new ApiError(code, "wrong code", request);
    expect(error.message).toContain(code);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code });
  });
});

describe("InputError's defaults", () => {
  test("names the call a login when no label is given", () => {
    const error = new InputError(["body.verify_code is required"], request);
    expect(error.message).toBe(`Invalid login request, not sent (body.verify_code is required): POST ${request.url}`);
  });
});

describe("HttpError's defaults", () => {
  test.each(CODES)("without secrets, the documented-shape code %j is in its views", (code) => {
    const error = new HttpError(503, code, request);
    expect(error.message).toContain(`HTTP 503 (${code})`);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 503, code });
  });
});

describe("NetworkError's defaults and its copy of the cause", () => {
  test.each(["ECONNREFUSED", "ERR_WASH_HERE", "ERR_STRYKER_WAS_HERE"])("without secrets, the transport code %j of the cause is kept", (code) => {
    const error = new NetworkError(request, Object.assign(new TypeError("fetch failed"), { code }));
    expect(error.cause).toMatchObject({ name: "TypeError", code, message: code });
    expect(error.message).toBe(`Request failed (TypeError ${code}): POST ${request.url}`);
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
