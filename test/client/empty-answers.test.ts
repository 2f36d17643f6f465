import { describe, expect, test } from "vitest";
import { HttpError } from "../../src/index.js";
import { clientWith, PAGE } from "../helpers/client.js";

// Gateways in front of OneAccess answer errors with no body at all, often announcing it with Content-Length: 0.
describe("answers with no body", () => {
  test.each([502, 503, 504])("an announced empty %i is an HttpError with no code", async (status) => {
    const { client } = clientWith(() => new Response(null, { status, statusText: "Gateway", headers: { "Content-Length": "0" } }));
    const result = await client.login(PAGE.credentials);
    if (result.ok) throw new Error("expected a failure");
    expect(result.error).toBeInstanceOf(HttpError);
    expect(result.error).toMatchObject({ kind: "http", status, code: undefined });
    expect(result.response?.status).toBe(status);
  });
});
