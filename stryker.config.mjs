// Mutation testing of the client: `npm run mutate` runs this and stryker.mock.config.mjs (full runs that re-record
// the baselines), `npm run mutate:ci` runs both incrementally against the committed baselines in reports/.
// Per-file goals are checked by scripts/mutate.mjs from the JSON reports; survivors judged equivalent are listed in
// stryker.equivalent.md. Client and mock run apart: a mutant of the client then never waits for tests that start Prism.

/** Settings both scopes share; `scope` names the report and baseline files. */
export function scopeConfig(scope, { mutate, testDir }) {
  return {
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner"],
    vitest: { configFile: "vitest.mutate.config.ts", dir: testDir },
    mutate,
    coverageAnalysis: "perTest",
    concurrency: 2,
    // Stryker calls a mutant a timeout past (its tests' own time x 1.5 + this); on a loaded 2-core machine, less made
    // survivors look like timeouts. A mutant that hangs a login fails vitest's 4 s test timeout first anyway.
    timeoutMS: 20_000,
    incremental: true,
    incrementalFile: `reports/stryker-incremental-${scope}.json`,
    reporters: ["clear-text", "progress-append-only", "json", "html"],
    jsonReporter: { fileName: `reports/mutation/${scope}.json` },
    htmlReporter: { fileName: `reports/mutation/${scope}.html` },
    tempDirName: ".tmp/stryker",
    cleanTempDir: "always",
    // No floor for the whole scope: scripts/mutate.mjs checks each file against its goal, which is stricter.
    thresholds: { high: 90, low: 80, break: null },
  };
}

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default scopeConfig("client", {
  // options.ts and result.ts hold types only.
  mutate: ["src/client/**/*.ts", "!src/client/options.ts", "!src/client/result.ts"],
  testDir: "test/client",
});
