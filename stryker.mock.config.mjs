// Mutation testing of the mock helper (see stryker.config.mjs). Its tests start Prism, so each mutant costs seconds.
import { scopeConfig } from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...scopeConfig("mock", {
    // The bin (cli.ts) is left out: its tests run the built dist/, which a mutant of src/ does not reach.
    mutate: ["src/mock/**/*.ts", "!src/mock/cli.ts", "!src/mock/index.ts"],
    testDir: "test/mock",
  }),
  // A Prism start on a busy machine can take seconds: more room before a mutant's run counts as a timeout.
  timeoutMS: 30_000,
  // A static mutant (module-level: the bundled spec's path, PRISM_VERSION) would run every mock test, Prism starts and
  // all; a wrong spec path fails every test anyway.
  ignoreStatic: true,
};
