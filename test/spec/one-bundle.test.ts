import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

/** Tracked JSON files that are whole OpenAPI documents (a top-level "openapi" version). */
function trackedOpenApiJson(): string[] {
  const files = execFileSync("git", ["ls-files", "-z", "*.json"], { cwd: repoPath(""), encoding: "utf8" }).split("\0").filter(Boolean);
  return files.filter((file) => {
    try {
      return typeof JSON.parse(readFileSync(repoPath(file), "utf8")).openapi === "string";
    } catch {
      return false;
    }
  });
}

describe("one bundled spec", () => {
  // Two bundles drift apart (a stale root copy once kept header maxLengths the spec had dropped).
  test("generated/openapi.json is the only bundled OpenAPI document in the repository", () => {
    expect(trackedOpenApiJson()).toEqual(["generated/openapi.json"]);
  });
});
