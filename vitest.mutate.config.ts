import { defineConfig } from "vitest/config";

// The tests Stryker runs against mutants. Each scope of stryker.config.mjs points vitest's `dir` (which these globs are
// relative to) at test/client or test/mock, whose tests import src/ directly. Left out: the bin's tests (they run
// dist/, which Stryker does not rebuild); the contract, docs, package and bench suites test the spec and the build.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/cli.test.ts", "**/node_modules/**"],
    // Short, so a mutant that makes a login hang fails its test here instead of costing Stryker a timeout and a new
    // test runner; the mock's tests, which start Prism, set their own longer timeouts.
    testTimeout: 4_000,
  },
});
