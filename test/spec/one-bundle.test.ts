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

// Other OpenAPI documents with a reason to exist: the released contracts the breaking-change gate compares against
// (frozen on purpose, one per version) and the gate's own fixture pairs.
const FROZEN = /^(openapi\/released\/\d+\.\d+\.\d+\.json|test\/governance\/fixtures\/[\w-]+\.json)$/;

describe("one bundled spec", () => {
  // Two bundles drift apart (a stale root copy once kept header maxLengths the spec had dropped).
  test("generated/openapi.json is the only bundled OpenAPI document in the repository, beside frozen releases and gate fixtures", () => {
    expect(trackedOpenApiJson().filter((file) => !FROZEN.test(file))).toEqual(["generated/openapi.json"]);
  });

  test("the newest released contract is the current bundle when the version has not moved on", () => {
    const version = JSON.parse(readFileSync(repoPath("package.json"), "utf8")).version as string;
    const released = trackedOpenApiJson().filter((file) => file === `openapi/released/${version}.json`);
    // Either this version is not released yet, or its snapshot is exactly what is bundled now, or the difference
    // waits under CHANGELOG.md's `## [Unreleased]` (the gate checks that entry against the diff).
    if (!released.length) return;
    const same = JSON.stringify(JSON.parse(readFileSync(repoPath(released[0]!), "utf8"))) === JSON.stringify(JSON.parse(readFileSync(repoPath("generated/openapi.json"), "utf8")));
    if (!same) expect(readFileSync(repoPath("CHANGELOG.md"), "utf8")).toMatch(/^## \[Unreleased\]\s*\n\s*###/m);
  });
});
