import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant: the client's and the mock helper's, which import src/ directly.
// Left out: the contract suite (tests the spec through Prism, and its global setup would start a mutated mock once for
// all mutants), the bin's tests (they run dist/, which Stryker does not rebuild), docs, package and bench tests.
export default defineConfig({
  test: {
    include: ["test/client/**/*.test.ts", "test/mock/**/*.test.ts"],
    exclude: ["test/mock/cli.test.ts"],
    testTimeout: 20_000,
  },
});
