import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

describe("strict OpenAPI validators", () => {
  test("@apidevtools/swagger-parser validates the shipped spec", async () => {
    // validate() rejects with the list of schema violations; resolving means the document passed.
    await expect(SwaggerParser.validate(repoPath("generated/openapi.json"))).resolves.toMatchObject({ openapi: "3.1.0" });
  });
});
