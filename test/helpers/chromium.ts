import { spawnSync } from "node:child_process";
import { describe, test } from "vitest";
import { repoPath } from "./spec.js";

// The Chrome or Chromium of the browser tests: scripts/find-chromium.sh's answer (CHROMIUM_PATH, then chromium,
// chromium-browser, google-chrome on PATH). npm test installs none: .ci/run does (scripts/install-system-deps.sh).
const found = spawnSync("bash", [repoPath("scripts/find-chromium.sh")], { encoding: "utf8" });

/** The browser's path, or undefined when there is none. */
export const CHROMIUM: string | undefined = found.status === 0 ? found.stdout.trim() : undefined;

/** Why the browser tests cannot run here, in one line. */
export const NO_CHROMIUM = `${found.stderr.trim().split("\n")[0] || "no Chrome or Chromium found"}; to run them: bash scripts/install-system-deps.sh`;

/**
 * Without a browser, one test in place of the browser tests says why: skipped with that note (the summary reporter
 * prints it as one line), or failed under CI=true, since CI never skips them.
 */
function sayWhy(name: string): void {
  test(`${name}: needs Chrome or Chromium`, (context) => {
    if (process.env.CI !== "true") context.skip(NO_CHROMIUM);
    throw new Error(`${NO_CHROMIUM}; CI=true never skips the browser tests`);
  });
}

/** describe() for tests that need the browser: skipped, saying why, where there is none. */
export function describeWithChromium(name: string, body: () => void, timeout?: number): void {
  if (CHROMIUM) {
    describe(name, body, timeout);
    return;
  }
  describe.skip(name, body, timeout);
  sayWhy(name);
}

/** test() that needs the browser: skipped, saying why, where there is none. */
export function testWithChromium(name: string, body: () => Promise<void>, timeout?: number): void {
  if (CHROMIUM) {
    test(name, body, timeout);
    return;
  }
  test.skip(name, body, timeout);
  sayWhy(name);
}
