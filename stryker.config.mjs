// Mutation testing of the client and the mock helper: `npm run mutate` (full run, records the baseline),
// `npm run mutate:ci` (incremental against the committed baseline). Goals per file are checked by
// scripts/mutate.mjs from the JSON report; survivors judged equivalent are listed in stryker.equivalent.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/client/**/*.ts",
    // Types and constants only: nothing to mutate that a test could tell apart.
    "!src/client/options.ts",
    "!src/client/result.ts",
    "src/mock/**/*.ts",
    // The bin: its tests run the built dist/, which a mutant of src/ does not reach.
    "!src/mock/cli.ts",
    "!src/mock/index.ts",
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  // Prism-starting tests are slow and the machine is shared: give a mutant's run room before calling it a timeout.
  timeoutMS: 15_000,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress-append-only", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  tempDirName: ".tmp/stryker",
  cleanTempDir: "always",
  // Per-file goals are enforced by scripts/mutate.mjs; this is the floor for the whole run.
  thresholds: { high: 90, low: 80, break: 80 },
};
