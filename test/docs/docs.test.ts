import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CONTRACT_VERSION } from "../../src/index.js";
import { CHROMIUM, describeWithChromium } from "../helpers/chromium.js";
import { deref, operation, repoPath, spec } from "../helpers/spec.js";

/** Text as a reader sees it: markdown code marks gone, white space folded. */
const flat = (text: string) => text.replace(/`/g, "").replace(/\s+/g, " ").trim();
/** The first sentence of a description, as rendered. */
const firstSentence = (text: string) => flat(text).split(/(?<=\.)\s/)[0]!;
/** [name, schema] of each property of a component schema, refs followed. */
const fields = (schema: string): Array<[string, { description: string }]> =>
  Object.entries(spec.components.schemas[schema].properties).map(([name, field]) => [name, deref(field)]);

const SCREENSHOT = repoPath("artifacts/docs.png");

describeWithChromium("rendered API docs, offline, in headless Chromium", () => {
  let work: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const networkAttempts: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "oa-docs-"));
    const html = join(work, "index.html");
    execFileSync(process.execPath, [repoPath("scripts/docs.mjs"), html], { cwd: repoPath(""), stdio: "ignore" });

    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
    // The network is off; anything that still tries to leave the page is recorded and refused.
    await context.route(/^(?!file:)/, (route) => {
      networkAttempts.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    // Navigate as a reader would: open the Login tag in the sidebar, then its operation (Redoc routes to it).
    await page.getByText("Login", { exact: true }).first().click({ timeout: 20_000 });
    await page.getByText("Log in with an SMS verification code", { exact: true }).first().click({ timeout: 20_000 });
    await page.getByRole("heading", { name: "Log in with an SMS verification code" }).first().waitFor({ timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("shows the operation, reached through the sidebar", async () => {
    expect(page.url()).toMatch(/#\/login\/loginwithmobileverifycode$/);
    await expect(page.getByRole("heading", { name: "Log in with an SMS verification code" }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator("body").innerText()).resolves.toContain("/api/v2/sdk/login/mobile-verify-code");
  });

  test("shows every header and body field with its description, required ones marked", async () => {
    const text = flat(await page.locator("body").innerText());
    for (const parameter of operation.parameters.map(deref)) {
      expect(text).toContain(parameter.name);
      expect(text, parameter.name).toContain(flat(parameter.description));
    }
    for (const [name, field] of fields("MobileVerifyCodeLoginRequest").concat(fields("LoginResponse"))) {
      expect(text).toContain(name);
      expect(text, name).toContain(firstSentence(field.description));
    }
    expect(text.match(/required/g)?.length ?? 0).toBeGreaterThanOrEqual(4 + 2 + 1); // headers, body fields, status
  });

  test("shows the status values and what to do next", async () => {
    const text = await page.locator("body").innerText();
    for (const status of ["SUCCESS", "PASSWORD_WARN", "PASSWORD_EXPIRED", "ACCESS_DENIED", "MFA_AUTH"]) expect(text).toContain(status);
    expect(text).toContain("X-state-token");
  });

  test("shows each status value's meaning from x-enumDescriptions beside the value", async () => {
    const meanings: Record<string, string> = spec.components.schemas.LoginStatus["x-enumDescriptions"];
    const text = flat(await page.locator("body").innerText());
    for (const [status, meaning] of Object.entries(meanings)) {
      // The value and its whole meaning, in that order, as one readable row.
      expect(text, status).toContain(`${status} ${flat(meaning)}`);
    }
  });

  test("shows the 200 example, and switches to the 400 example on click (the page is interactive)", async () => {
    const samples = page.getByRole("tablist").filter({ hasText: "400" }).last();
    await samples.getByRole("tab", { name: "200" }).click();
    await page.getByText('"bts******2VO"').first().waitFor({ state: "visible", timeout: 5_000 });
    await expect(page.getByText('"MOCK.INVALID_REQUEST"').count()).resolves.toBe(0);
    await samples.getByRole("tab", { name: "400" }).click();
    await page.getByText('"MOCK.INVALID_REQUEST"').first().waitFor({ state: "visible", timeout: 5_000 });
    await page.getByText('"MOCK.INVALID_REQUEST"').first().scrollIntoViewIfNeeded();
    // The 400 body's fields are documented too.
    const text = flat(await page.locator("body").innerText());
    for (const [name, field] of fields("ErrorResponse")) expect(text, name).toContain(firstSentence(field.description));
    mkdirSync(repoPath("artifacts"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  test("shows the request samples, curl, the TypeScript client and the mock, each picked from the samples menu", async () => {
    const samples: Array<{ label: string; source: string }> = operation["x-codeSamples"];
    let shown = samples[0]!.label;
    for (const sample of samples) {
      await page.getByRole("button", { name: shown, exact: true }).click();
      await page.getByRole("menuitem", { name: sample.label, exact: true }).click();
      shown = sample.label;
      const code = page.locator("pre").filter({ hasText: sample.source.split("\n")[0]! });
      await code.first().waitFor({ state: "visible", timeout: 5_000 });
      expect(flat(await code.first().innerText()), sample.label).toBe(flat(sample.source));
    }
    await page.getByRole("button", { name: shown, exact: true }).scrollIntoViewIfNeeded();
    mkdirSync(repoPath("artifacts"), { recursive: true });
    await page.screenshot({ path: repoPath("artifacts/docs-samples.png"), fullPage: false });
  });

  test("shows the contract version next to the title on the overview", async () => {
    await page.getByText(spec.info.title, { exact: true }).first().click();
    const title = page.getByRole("heading", { name: `${spec.info.title} (${CONTRACT_VERSION})`, exact: true });
    await title.first().waitFor({ state: "visible", timeout: 5_000 });
  });

  test("has no console errors and makes no network requests", () => {
    expect(consoleErrors).toEqual([]);
    expect(networkAttempts).toEqual([]);
  });
}, 60_000);
