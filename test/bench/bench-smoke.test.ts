import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// Keeps `npm run bench` from rotting: tiny sizes, and only its shape and correctness checks are asserted, never a time.
describe("npm run bench --smoke", () => {
  test("prints every section as ratios against an in-run baseline, with zero errors under load", () => {
    const result = spawnSync(process.execPath, ["--expose-gc", repoPath("scripts/bench/index.mjs"), "--smoke"], { cwd: repoPath(""), encoding: "utf8", timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    for (const section of ["overhead, stubbed fetch", "overhead, loopback http", "bundle (esbuild, minified)", "mock, 10 conns", "in-process mock vs Prism", "in-process mock: the whole journey", "soak: 50 clients", "installed for a consumer"]) {
      expect(out).toContain(`| ${section}`);
    }
    expect(out).toMatch(/\| wrapper +\| [\d.]+ µs\/call +\| [\d.]+x vs openapi-fetch/);
    expect(out).toMatch(/\| prism -v silent +\| \d+ req\/s, p50 [\d.]+ ms, p99 [\d.]+ ms +\| [\d.]+x req\/s vs node/);
    expect(out).toMatch(/\d+ req\/s, 0 errors, 0 schema-invalid/);
    expect(out).toMatch(/\| createMockFetch +\| \d+ logins\/s, first answer after [\d.]+ ms +\| [\d.]+x logins\/s, [\d.]+x start time vs Prism/);
    expect(out).toMatch(/\| createMockFetch, journey \(createJourney\) +\| \d+ journeys\/s, first journey after [\d.]+ ms +\| [\d.]+x journeys\/s vs the stub \(rounds [\d.]+x-[\d.]+x\)/);
    expect(out).toMatch(/\| fetch stub, canned answer per operation \(the client's own cost\) +\| \d+ journeys\/s/);
  }, 150_000);
});
