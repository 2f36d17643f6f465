import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// `npm ci` warns (EBADENGINE) for every locked package whose `engines.node` leaves out the running Node. Every Node the
// package declares must install the locked tree without one: a tool that needs a newer Node is installed on demand by
// the script that uses it (scripts/mutate.mjs: Stryker), not locked here.
const semver: { satisfies(version: string, range: string): boolean; minVersion(range: string): { version: string } | null } = createRequire(import.meta.url)("semver");
const pkg = JSON.parse(readFileSync(repoPath("package.json"), "utf8"));
const lock = JSON.parse(readFileSync(repoPath("package-lock.json"), "utf8"));
const declared: string = pkg.engines.node;

/** The lowest version of each range of `engines.node`, and the Nodes the matrix runs. */
const nodes = [
  ...declared.split("||").map((range) => semver.minVersion(range)!.version),
  "20.20.2",
  "22.23.3",
  "24.21.0",
  "26.10.0",
].filter((version) => semver.satisfies(version, declared));

describe(`engines.node "${declared}": npm ci prints no engine warning on any of them`, () => {
  test.each(nodes)("Node %s satisfies every locked package's engines", (version) => {
    const refusing = Object.entries<{ engines?: { node?: string } }>(lock.packages)
      .filter(([path, entry]) => path !== "" && typeof entry.engines?.node === "string" && !semver.satisfies(version, entry.engines.node))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, "")} (${entry.engines!.node})`);
    expect(refusing).toEqual([]);
  });

  test("Node 20 (end of life 2026-04-30) is still declared, and so must install quietly", () => {
    expect(semver.satisfies("20.19.0", declared)).toBe(true);
    expect(nodes).toContain("20.19.0");
  });
});
