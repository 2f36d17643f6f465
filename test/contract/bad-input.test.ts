import { describe, expect, test } from "vitest";
import { badInputCases as cases } from "../helpers/bad-input.js";
import { post } from "../helpers/contract.js";
import { schemaValidator } from "../helpers/spec.js";

const validError = schemaValidator("ErrorResponse");

describe("POST /api/v2/sdk/login/mobile-verify-code: bad input gets the documented 400", () => {
  test.each(cases)("%s", async (_name, headers, payload, errorBody) => {
    const response = await post(headers, payload);
    expect(response.status, response.text.slice(0, 200)).toBe(400);
    if (errorBody) expect(validError(response.body)).toEqual([]);
  });
});
