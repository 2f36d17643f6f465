import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MockError } from "./mock-error.js";

/** The Prism version this package is tested with (Prism 5.15+ needs Node 24). */
export const PRISM_VERSION = "5.14.2";

/**
 * Finds @stoplight/prism-cli's package.json, from the consumer's project first, then from this package.
 * Consumers install only prism-cli (the optional peer); its own dependencies (prism-http, prism-core, ...) are then
 * resolved from its location, so the engine is exactly the one that prism-cli version runs.
 */
export function prismCliManifest(): string {
  for (const base of [join(process.cwd(), "noop.js"), fileURLToPath(import.meta.url)]) {
    try {
      return createRequire(base).resolve("@stoplight/prism-cli/package.json");
    } catch {
      // not installed here; try the next place
    }
  }
  throw new MockError(
    "not-installed",
    `Prism is not installed. The mock needs it as a dev dependency: npm install --save-dev @stoplight/prism-cli@${PRISM_VERSION}`,
  );
}
