import { describe, expect, test } from "vitest";
// @ts-expect-error -- a plain .mjs script without types
import { BUDGET, sizeOf } from "../../scripts/bench/bundle.mjs";
import { repoPath } from "../helpers/spec.js";

// Not timed: bytes. A consumer importing only createLoginClient and calling only login pays at most the recorded
// allowance over main's login-only bundle before the pipeline (scripts/bench/bundle-budget.json). The built package
// is bundled, as a consumer's bundler sees it (package.json's "browser" map included).
const bundle = (source: string) => sizeOf(source, { resolveDir: repoPath("") }) as Promise<{ min: number; gzip: number }>;

describe("the browser bundle budget", () => {
  test("a login-only consumer stays within the recorded allowance over main", async () => {
    const { gzip } = await bundle(`import { createLoginClient } from "./dist/src/index.js"; globalThis.x = createLoginClient;`);
    expect(gzip).toBeGreaterThan(1000);
    expect(gzip).toBeLessThanOrEqual(BUDGET.loginOnlyOnMain + BUDGET.allowance);
  });

  test("the whole client, every operation included, stays within its recorded ceiling while above the 7 kB goal", async () => {
    const { gzip } = await bundle(`export * from "./dist/src/index.js";`);
    expect(gzip).toBeLessThanOrEqual(BUDGET.wholeClientCeiling);
  });
});
