// Starts the Chromium the browser tests drive (test/helpers/chromium.ts finds it, or says why there is none) headless,
// with a fresh profile and no background traffic.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

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
