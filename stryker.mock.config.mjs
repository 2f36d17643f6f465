// Mutation testing of the mock helper (see stryker.config.mjs). Its startMock tests fork the server process, so those
// mutants cost seconds each.
import { scopeConfig } from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...scopeConfig("mock", {
    // Mutated: what runs in the test process. startMock (start-mock.ts, prism-packages.ts, mock-error.ts), and the
    // request handling (handler.ts, contract-checks.ts, safe-headers.ts), which test/mock/handler.test.ts and
    // contract-checks.test.ts drive in process around Prism's engine.
    // Left out, each with its tests running where Stryker cannot see a mutant:
    //  - cli.ts: its tests run the built dist/, which a mutant of src/ does not reach;
    //  - server.ts: the forked server process startMock runs (from dist/); Stryker's coverage and mutant switching
    //    stop at the process boundary, so every mutant there would be reported "no coverage" whatever the tests pin;
    //  - engine.ts: the tests load Prism's engine once per file (beforeAll, seconds each), which Stryker counts as
    //    static coverage and, with ignoreStatic, ignores; loading it per test would cost seconds per mutant per test;
    //  - index.ts: re-exports only.
    mutate: [
      "src/mock/**/*.ts",
      "!src/mock/cli.ts",
      "!src/mock/server.ts",
      "!src/mock/engine.ts",
      "!src/mock/index.ts",
    ],
    testDir: "test/mock",
  }),
  // A Prism start on a busy machine can take seconds: more room before a mutant's run counts as a timeout.
  timeoutMS: 30_000,
  // A static mutant (module-level: the bundled spec's path, PRISM_VERSION) would run every mock test, Prism starts and
  // all; a wrong spec path fails every test anyway.
  ignoreStatic: true,
};
