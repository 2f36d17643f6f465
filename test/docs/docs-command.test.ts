import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { repoPath, spec } from "../helpers/spec.js";

// The built bin, as consumers run it (npm test builds before vitest runs).
const CLI = repoPath("dist/src/cli/bin.js");
const work = mkdtempSync(join(tmpdir(), "oa-docs-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const docs = (args: string[], cwd = work) => spawnSync(process.execPath, [CLI, "docs", ...args], { cwd, encoding: "utf8", timeout: 20_000 });

/** The spec a page renders: Redoc's hydration data, inlined in the page. */
const definitionIn = (html: string) => JSON.parse(/\bconst __redoc_definition = (.*);\n/.exec(html)![1]!);

describe("oneaccess-sms-login docs", () => {
  test("writes the API docs page to --out, creating its folder, and says where", () => {
    const out = join(work, "site", "api.html");
    const result = docs(["--out", out]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(new RegExp(`^wrote ${out.replace(/[.]/g, "\\.")} \\(\\d+ KiB\\): open it in a browser, it needs no network\\n$`));
    expect(result.status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/i);
  });

  test("the page renders the spec the package ships, and loads nothing from elsewhere", () => {
    const out = join(work, "page.html");
    docs(["--out", out]);
    const html = readFileSync(out, "utf8");
    expect(definitionIn(html)).toEqual(JSON.parse(readFileSync(repoPath("generated/openapi.json"), "utf8")));
    expect(html.match(/<(script|link|img)\b[^>]*\b(src|href)="(https?:)?\/\/[^"]+"/g)).toBeNull();
  });

  test("the page is the one `npm run docs` renders, which test/docs/docs.test.ts reads in a browser", () => {
    const out = join(work, "shipped.html");
    docs(["--out", out]);
    const rendered = join(work, "rendered.html");
    execFileSync(process.execPath, [repoPath("scripts/docs.mjs"), rendered], { cwd: repoPath(""), stdio: "ignore", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
    expect(readFileSync(out).equals(readFileSync(rendered))).toBe(true);
  }, 60_000);

  test("without --out, writes oneaccess-sms-login-api.html in the current folder, replacing an old one", () => {
    const cwd = mkdtempSync(join(work, "cwd-"));
    writeFileSync(join(cwd, "oneaccess-sms-login-api.html"), "old");
    expect(docs([], cwd).status).toBe(0);
    expect(readFileSync(join(cwd, "oneaccess-sms-login-api.html"), "utf8")).toMatch(/__redoc_definition/);
  });

  test.each([
    [["--out", join(CLI, "api.html")], /^oneaccess-sms-login docs: --out .*api\.html cannot be written \((ENOTDIR|EEXIST)\)\nusage: oneaccess-sms-login docs /],
    [["--out", ""], /^oneaccess-sms-login docs: --out takes a file name\nusage:/],
    [["api.html"], /^oneaccess-sms-login docs: Unexpected argument 'api\.html'.*\nusage:/],
  ])("%o is a usage error, exit 2, writing nothing", (args, message) => {
    const result = docs(args);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
  });

  test("the page works offline in headless Chromium: the operation is there, no request leaves the page", async () => {
    const found = spawnSync("bash", [repoPath("scripts/find-chromium.sh")], { encoding: "utf8" });
    expect(found.status, `${found.stderr.trim()}: run bash scripts/install-system-deps.sh`).toBe(0);
    const out = join(work, "offline.html");
    docs(["--out", out]);
    const browser = await chromium.launch({ executablePath: found.stdout.trim(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      const context = await browser.newContext({ offline: true });
      const attempts: string[] = [];
      await context.route(/^(?!file:)/, (route) => (attempts.push(route.request().url()), route.abort()));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(pathToFileURL(out).href, { waitUntil: "load" });
      await page.getByText(spec.info.title, { exact: false }).first().waitFor({ timeout: 20_000 });
      await expect(page.locator("body").innerText()).resolves.toContain("/api/v2/sdk/login/mobile-verify-code");
      expect(attempts).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
