import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CONTRACT_VERSION } from "../../src/index.js";
import { CHROMIUM, describeWithChromium } from "../helpers/chromium.js";
import { deref, operation, operations, repoPath, spec } from "../helpers/spec.js";

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
    for (const [name, field] of fields("MobileVerifyCodeLoginRequest")) {
      expect(text).toContain(name);
      expect(text, name).toContain(firstSentence(field.description));
    }
    expect(text.match(/required/g)?.length ?? 0).toBeGreaterThanOrEqual(4 + 2 + 1); // headers, body fields, status
  });

  test("shows the 200 body's shape for each status, picked by its button, with each field's description", async () => {
    const shapes: Array<{ title: string; properties: Record<string, unknown> }> = spec.components.schemas.LoginResponse.oneOf.map(deref);
    expect(shapes.map((shape) => shape.title)).toEqual(["SUCCESS", "PASSWORD_WARN", "PASSWORD_EXPIRED", "ACCESS_DENIED", "MFA_AUTH"]);
    // Redoc shows one shape at a time, chosen in the discriminator's menu.
    const pick = async (from: string, to: string) => {
      await page.getByTestId("dropdown").filter({ has: page.getByRole("button", { name: from, exact: true }) }).first().getByRole("button").click();
      await page.getByRole("menuitem", { name: to, exact: true }).click();
    };
    let current = "SUCCESS";
    for (const shape of shapes) {
      if (shape.title !== current) await pick(current, (current = shape.title));
      const text = flat(await page.locator("body").innerText());
      for (const [name, field] of Object.entries<any>(shape.properties)) {
        expect(text, `${shape.title} ${name}`).toContain(name);
        // A field's own description (beside a $ref) is the one shown, else the referenced schema's.
        expect(text, `${shape.title} ${name}`).toContain(firstSentence(field.description ?? deref(field).description));
      }
    }
    await pick(current, "SUCCESS");
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

  test("tells a OneAccess fact from a package rule at a glance: Source lines and Package rule lines", async () => {
    const text = flat(await page.locator("body").innerText());
    expect(text).toContain("Source: https://support.huaweicloud.com/intl/en-us/api-oneaccess/LoginByMobileVerifyCode.html");
    expect(text).toContain("Package rule: minLength 1 and maxLength 32 are this package's limits: the page sets none.");
    // Each status value's meaning carries its own trail: the test of x-enumDescriptions above shows them whole.
    expect(spec.components.schemas.LoginStatus["x-enumDescriptions"].PASSWORD_WARN).toContain("(Source: https://support.huaweicloud.com/api-oneaccess/LoginByMobileVerifyCode.html)");
  });

  test("the Servers panel shows the server descriptions as written, without Markdown marks", async () => {
    const all = (await page.locator("body").textContent()) ?? "";
    expect(all).toContain("Ordinary tenant. domain_name is the domain name of your OneAccess instance");
    expect(all).not.toContain("`domain_name`");
    expect(all).not.toContain("`common_domain`");
  });

  test("shows the contract version next to the title on the overview", async () => {
    await page.getByText(spec.info.title, { exact: true }).first().click();
    const title = page.getByRole("heading", { name: `${spec.info.title} (${CONTRACT_VERSION})`, exact: true });
    await title.first().waitFor({ state: "visible", timeout: 5_000 });
  });

  test("shows every operation of the journey under its step's tag, with its path, headers and fields", async () => {
    // The sidebar lists the steps in journey order.
    const tags = spec.tags.map((t: { name: string }) => t.name);
    expect(tags).toEqual(["Captcha", "Verification code", "Login", "Second factor", "Password change", "Server side"]);
    for (const { path, op } of operations) {
      await page.getByText(op.tags[0], { exact: true }).first().click({ timeout: 10_000 });
      await page.getByText(op.summary, { exact: true }).first().click({ timeout: 10_000 });
      await page.getByRole("heading", { name: op.summary }).first().waitFor({ timeout: 10_000 });
      expect(page.url(), op.operationId).toMatch(new RegExp(`#/[a-z-]+/${op.operationId.toLowerCase()}$`));
      // The operation's own section (from its heading to its responses), so another operation's text cannot stand in;
      // Redoc renders it a moment after the route changes.
      const heading = page.locator("h1, h2, h3").filter({ hasText: new RegExp(`^${op.summary}`) }).first();
      const section = heading.locator("xpath=ancestor::*[contains(., 'Responses')][1]");
      await expect.poll(async () => flat(await section.innerText()), { timeout: 10_000 }).toMatch(new RegExp(`^${op.summary} Copy Request`));
      // Redoc keeps the response tab a reader chose last (the login's is on 400 by now): show the 200 answer's fields.
      const tabLists = section.getByRole("tablist").filter({ hasText: "400" });
      for (let i = 0; i < (await tabLists.count()); i++) await tabLists.nth(i).getByRole("tab", { name: "200" }).click();
      const text = flat(await section.innerText());
      expect(text, op.operationId).toContain(path);
      for (const parameter of (op.parameters ?? []).map(deref)) expect(text, `${op.operationId} ${parameter.name}`).toContain(flat(parameter.description));
      const bodies = [op.requestBody, op.responses["200"]].map((part) => Object.values<any>(deref(part)?.content ?? {})[0]).filter(Boolean);
      for (const media of bodies) {
        // Top-level fields; a schema that is one shape per status (oneOf) keeps at least status at the top.
        for (const [name, field] of Object.entries<any>(deref(media.schema).properties ?? {})) {
          expect(text, `${op.operationId} ${name}`).toContain(name);
          expect(text, `${op.operationId} ${name}`).toContain(firstSentence(deref(field).description));
        }
      }
    }
  });

  test("has no console errors and makes no network requests", () => {
    expect(consoleErrors).toEqual([]);
    expect(networkAttempts).toEqual([]);
  });
}, 60_000);
