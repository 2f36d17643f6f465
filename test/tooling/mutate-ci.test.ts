import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { incrementalFile } from "../../scripts/lib/mutation-gate.mjs";
import { repoPath } from "../helpers/spec.js";

// `npm run mutate:ci` must leave a clean tree clean: Stryker rewrites the incremental file it is given at the end of
// every run, so CI gives it a copy under .tmp/ (ignored by git), and only full and --update runs re-record reports/.
const mutate = readFileSync(repoPath("scripts/mutate.mjs"), "utf8");
const ignored = (path: string) => spawnSync("git", ["check-ignore", "-q", path], { cwd: repoPath("") }).status === 0;

describe("mutate:ci writes nothing that git tracks", () => {
  test.each(["client", "mock"])("the %s scope's CI incremental file is an ignored copy; full and update runs write the baseline", (scope) => {
    const baseline = `reports/stryker-incremental-${scope}.json`;
    expect(mutate).toContain(`baseline: "${baseline}"`);
    expect(incrementalFile("full", scope)).toBe(baseline);
    expect(incrementalFile("update", scope)).toBe(baseline);
    const ci: string = incrementalFile("ci", scope);
    expect(ci.startsWith(".tmp/")).toBe(true);
    expect(ignored(ci)).toBe(true);
    expect(ignored(baseline)).toBe(false);
  });

  test("every run passes Stryker that file", () => {
    expect(mutate).toMatch(/"--incrementalFile", incremental,/);
  });
});

describe("Stryker is installed on demand, pinned, not a devDependency", () => {
  test("no @stryker-mutator package in package.json; exact versions in scripts/mutate.mjs", () => {
    const { devDependencies } = JSON.parse(readFileSync(repoPath("package.json"), "utf8"));
    expect(Object.keys(devDependencies).filter((name) => name.startsWith("@stryker-mutator/"))).toEqual([]);
    expect(mutate).toMatch(/"@stryker-mutator\/core@\d+\.\d+\.\d+"/);
    expect(mutate).toMatch(/"@stryker-mutator\/vitest-runner@\d+\.\d+\.\d+"/);
  });
});
