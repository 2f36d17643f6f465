import { defineConfig } from "vitest/config";

// One run covers spec, unit, type, contract, package and browser tests; slow ones set their own timeouts.
// The contract suite's server is a Prism mock started once, or the one ONEACCESS_BASE_URL names.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/contract/global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
