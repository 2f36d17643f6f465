// The Chromium the browser tests drive: the one scripts/find-chromium.sh finds (CHROMIUM_PATH, else chromium,
// chromium-browser or google-chrome on PATH), started headless with a fresh profile and no background traffic.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { repoPath } from "../helpers/spec.js";

/** The browser's path, or why there is none (the finder's own words). */
export function findChromium(): { path: string } | { missing: string } {
  const found = spawnSync("bash", [repoPath("scripts/find-chromium.sh")], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path ? { path } : { missing: found.stderr.trim() || "scripts/find-chromium.sh found no Chrome or Chromium" };
}

/**
 * Whether browser tests run here. No browser: one line says so and they are skipped, except under CI=true, where
 * `mustFail` is set and the file's guard test fails (CI never skips them).
 */
export function browserGate(file: string): { path?: string; mustFail?: string } {
  const found = findChromium();
  if ("path" in found) return { path: found.path };
  if (process.env.CI === "true") return { mustFail: `CI=true and ${found.missing}: the browser tests must run in CI (install chromium)` };
  console.log(`${file}: skipped, ${found.missing}`);
  return {};
}

/** Launches the browser with the project's flags and a fresh --user-data-dir; `close` removes the profile too. */
export async function launch(executablePath: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "oa-chromium-"));
  // launchPersistentContext is playwright's way to pass --user-data-dir (it refuses the flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
