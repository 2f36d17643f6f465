import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { post, targetIsMock } from "../helpers/contract.js";
import { breakage, validBody, validHeaders } from "../helpers/arbitraries.js";
import { schemaValidator } from "../helpers/spec.js";

const validLogin = schemaValidator("LoginResponse");
const validError = schemaValidator("ErrorResponse");
const CONTENT_TYPE = { "Content-Type": "application/json;charset=utf8" };
// A real login endpoint counts failed attempts and may lock numbers or alert: go easy on it unless told otherwise.
const runs = (forMock: number) => (targetIsMock ? forMock : Number(process.env.ONEACCESS_PROPERTY_RUNS ?? 10));

describe("POST /api/v2/sdk/login/mobile-verify-code: generated requests (fast-check)", () => {
  test("any valid request gets a documented, schema-valid answer (200 from the mock)", async () => {
    await fc.assert(
      fc.asyncProperty(validHeaders, validBody, async (headers, body) => {
        const response = await post({ ...headers, ...CONTENT_TYPE }, JSON.stringify(body));
        if (targetIsMock) expect(response.status, response.headers.get("sl-violations") ?? "").toBe(200);
        expect([200, 400]).toContain(response.status);
        expect(response.status === 200 ? validLogin(response.body) : validError(response.body)).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  });

  test("any request broken in one way gets 400 with an error body", async () => {
    await fc.assert(
      fc.asyncProperty(validHeaders, validBody, breakage, async (headers, body, broken) => {
        const h: Record<string, string> = { ...headers, ...CONTENT_TYPE };
        const b: Record<string, unknown> = { ...body };
        broken.apply(h, b);
        const response = await post(h, JSON.stringify(b));
        expect(response.status, broken.what).toBe(400);
        expect(validError(response.body), broken.what).toEqual([]);
      }),
      { numRuns: runs(200) },
    );
  });
});
