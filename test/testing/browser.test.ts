// The README's browser example (examples/browser-page.ts), bundled with esbuild and run in headless Chromium with the
// network off: the client and createMockFetch log in with no server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { afterAll, expect, test } from "vitest";
import { launch } from "../browser/chromium.js";
import { CHROMIUM, testWithChromium } from "../helpers/chromium.js";
import { repoPath } from "../helpers/spec.js";

const work = mkdtempSync(join(tmpdir(), "oa-browser-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Resolves the package's own name to its source, as an installed package would resolve to dist/. */
const self: Plugin = {
  name: "self",
  setup(b) {
    const entries: Record<string, string> = {
      "oneaccess-sms-login": "src/index.ts",
      "oneaccess-sms-login/testing": "src/testing/index.ts",
    };
    b.onResolve({ filter: /^oneaccess-sms-login(\/testing)?$/ }, (args) => ({ path: repoPath(entries[args.path]!) }));
  },
};

testWithChromium("the browser example logs in with createMockFetch in Chromium, offline", async () => {
  const bundle = await build({
    entryPoints: [repoPath("test/testing/examples/browser-page.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    plugins: [self],
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.text;
  expect(script).not.toMatch(/from\s*["']node:|require\(["']node:/);
  writeFileSync(join(work, "index.html"), `<!doctype html><html><body>loading</body><script type="module">${script.replace(/<\/script/gi, "<\\/script")}</script></html>`);

  const browser = await launch(CHROMIUM!);
  try {
    const { context } = browser;
    await context.setOffline(true);
    const attempts: string[] = [];
    await context.route(/^(?!file:)/, (route) => {
      attempts.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(work, "index.html")).href);
    await page.waitForFunction(() => document.body.textContent !== "loading", undefined, { timeout: 15_000 });
    expect(errors).toEqual([]);
    expect(await page.textContent("body")).toBe("logged in: MFA_AUTH");
    expect(attempts).toEqual([]);
  } finally {
    await browser.close();
  }
}, 60_000);
