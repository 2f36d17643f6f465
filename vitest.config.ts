import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Four groups of tests (vitest projects), each run by its own script:
//   unit     npm test: spec, unit, contract, mock, check and docs-snippet tests on the machine's Node, in under 2 minutes
//            on 2 idle cores, its set-up steps included
//   slow     npm run test:slow: packing and installing the package, consumer type checks, the browser, whole toolchains
//   release  npm run test:release: the packed package published to a local registry and installed by name
//   bench    npm run test:bench: `npm run bench --smoke`, which keeps the benchmark from rotting
// .ci/run runs all three and the Node matrix (npm run test:matrix: the unit and slow groups' runtime folders on Node
// 22/24/26).
// Type tests (test/**/*.test-d.ts) are compiled by `npm run typecheck` (tsc -p tsconfig.json, incremental: its
// buildinfo is node_modules/.cache/oneaccess-sms-login/typecheck.tsbuildinfo), which npm test runs.
// Quiet by design: a green run prints vitest's closing counts and the summary line; a failing test prints in full, with
// its console output ("minimal" drops the console output of passing tests only).
// What `npm test` leaves to .ci/run (npm run test:slow): tests that pack, install or spawn whole toolchains (the
// packed package, consumer projects' type checks, npm start, the generator and the gate run end to end, a whole
// vitest run of the contract suite, another generator's client compiled with tsc, the code samples compiled with
// tsc), drive a browser, or install system packages. Each takes seconds to minutes; together they are more than half
// the suite's time. npm test keeps a quick test of each capability: the mock starts and answers, verify passes and
// fails against local servers, the contract suite runs against the mock, the code samples run.
// Where it costs: a mock started by startMock or the bin loads Prism's engine in a process of its own, about a
// second of CPU each, so tests that only need a mock that is up share one (useMock, beforeAll); the tests that spawn
// `verify` (a light process) run concurrently within their file.
const SLOW = [
  "test/package/**",
  "test/consumer-types/**",
  "test/system-deps/**",
  "test/browser/**",
  "test/arazzo/**",
  "test/testing/browser.test.ts",
  "test/docs/docs.test.ts",
  "test/docs/docs-command.test.ts",
  "test/governance/contract-gate.test.ts",
  "test/spec/generated.test.ts",
  "test/mock/npm-start.test.ts",
  "test/contract/suite-targets.test.ts",
  "test/portability/hey-api.test.ts",
  "test/spec/code-samples-compile.test.ts",
];

const alias = [
  // The README's examples (test/testing/examples/) import the package by name, as a consumer would.
  { find: /^oneaccess-sms-login$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) },
  { find: /^oneaccess-sms-login\/testing$/, replacement: fileURLToPath(new URL("src/testing/index.ts", import.meta.url)) },
  { find: /^oneaccess-sms-login\/testing\/msw$/, replacement: fileURLToPath(new URL("src/testing/msw.ts", import.meta.url)) },
  { find: /^oneaccess-sms-login\/check$/, replacement: fileURLToPath(new URL("src/check/index.ts", import.meta.url)) },
  { find: /^oneaccess-sms-login\/server$/, replacement: fileURLToPath(new URL("src/server/index.ts", import.meta.url)) },
];

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 20_000,
    reporters: ["minimal", "./test/summary-reporter.ts"],
    // Many files wait on child processes (Prism, tsc, npm): two at a time keep 2 cores busy (vitest's default is one
    // fewer than the cores). More made Prism starts and the contract gate's concurrent runs time out on a loaded machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/release/**", "test/bench/**", ...SLOW],
          // The contract suite's server: a Prism mock started once, or the one ONEACCESS_BASE_URL names.
          globalSetup: ["test/contract/global-setup.ts"],
        },
      },
      { extends: true, test: { name: "slow", include: SLOW.map((glob) => (glob.endsWith("/**") ? `${glob}/*.test.ts` : glob)), globalSetup: ["test/contract/global-setup.ts"] } },
      { extends: true, test: { name: "release", include: ["test/release/**/*.test.ts"], testTimeout: 240_000, hookTimeout: 240_000 } },
      { extends: true, test: { name: "bench", include: ["test/bench/**/*.test.ts"] } },
    ],
  },
});
