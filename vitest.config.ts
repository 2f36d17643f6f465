import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One run covers spec, unit, type, contract, package and browser tests; slow ones set their own timeouts.
// The contract suite's server is a Prism mock started once, or the one ONEACCESS_BASE_URL names.
export default defineConfig({
  // The README's examples (test/testing/examples/) import the package by name, as a consumer would.
  resolve: {
    alias: [
      { find: /^oneaccess-sms-login$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) },
      { find: /^oneaccess-sms-login\/testing$/, replacement: fileURLToPath(new URL("src/testing/index.ts", import.meta.url)) },
      { find: /^oneaccess-sms-login\/testing\/msw$/, replacement: fileURLToPath(new URL("src/testing/msw.ts", import.meta.url)) },
      { find: /^oneaccess-sms-login\/check$/, replacement: fileURLToPath(new URL("src/check/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/contract/global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
