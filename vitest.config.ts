import { defineConfig } from "vitest/config";

// One run covers unit, type, spec, contract, package and browser tests; slow ones set their own timeouts.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
  },
});
