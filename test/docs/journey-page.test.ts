// The SMS login journey as a page of the rendered API docs: a section of the overview (info.description) with its own
// sidebar entry, the step table in call order and what each login status leads to. Redoc renders the page's markup
// on the server (`redocly build-docs`), so the HTML file itself holds it: no browser needed (test/docs/docs.test.ts
// reads the same page in Chromium).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoPath, spec } from "../helpers/spec.js";

let work: string;
let html: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "oa-journey-page-"));
  const page = join(work, "index.html");
  execFileSync(process.execPath, [repoPath("scripts/docs.mjs"), page], { cwd: repoPath(""), stdio: "ignore", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
  html = readFileSync(page, "utf8");
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The rendered section: from its heading to the next section's heading, as text (tags dropped, space folded). */
function section(): string {
  const start = html.search(/<h2[^>]*>(?:(?!<\/h2>).)*SMS login journey/s);
  expect(start, "the page has an h2 'SMS login journey'").toBeGreaterThan(0);
  const end = html.indexOf("<h2", start + 4);
  return html
    .slice(start, end)
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

describe("the rendered API docs: the SMS login journey", () => {
  test("is a section of its own in the sidebar, before the tenant modes", () => {
    const journey = html.indexOf('href="/section/sms-login-journey"');
    expect(journey).toBeGreaterThan(0);
    expect(journey).toBeLessThan(html.indexOf('href="/section/tenant-modes"'));
  });

  test("lists the calls in the order a login walks them", () => {
    const text = section();
    const calls = ["GET /api/v2/sdk/captcha", "POST /api/v2/sdk/captcha/verify", "POST /api/v2/sdk/sms/send", "POST /api/v2/sdk/login/mobile-verify-code"];
    const at = calls.map((call) => text.indexOf(call));
    expect(at.every((i) => i >= 0), `${calls.filter((_, i) => at[i]! < 0).join(", ")} missing`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test("says what each login status and an error lead to, naming the operations that follow", () => {
    const text = section();
    const next: Record<string, string[]> = {
      SUCCESS: ["session_token", "sso_ticket"],
      MFA_AUTH: ["GET /api/v2/sdk/mobile-by-token", "POST /api/v2/sdk/mfa/sms", "X-state-token"],
      PASSWORD_WARN: ["POST /api/v2/sdk/pwd/update", "GET /api/v2/sdk/pwd/skip-update"],
      PASSWORD_EXPIRED: ["POST /api/v2/sdk/pwd/update"],
      ACCESS_DENIED: ["ends"],
      "HTTP 400": ["error_code", "LOGIN.0002", "CAPTCHA.0003"],
    };
    const statuses = Object.keys(next);
    for (const [i, status] of statuses.entries()) {
      const row = text.slice(text.indexOf(` ${status} `), i + 1 < statuses.length ? text.indexOf(` ${statuses[i + 1]} `) : undefined);
      for (const word of next[status]!) expect(row, `${status} row`).toContain(word);
    }
  });

  test("names only statuses, paths and error codes the contract has", () => {
    const text = section();
    const paths = new Set(Object.keys(spec.paths));
    for (const [, path] of text.matchAll(/(?:GET|POST) (\/api\/v2\/[\w/-]+)/g)) expect(paths).toContain(path);
    const statusEnum = spec.components.schemas.LoginStatus.enum as string[];
    for (const status of ["SUCCESS", "MFA_AUTH", "PASSWORD_WARN", "PASSWORD_EXPIRED", "ACCESS_DENIED"]) expect(statusEnum).toContain(status);
    const codes = JSON.stringify(spec);
    for (const [code] of text.matchAll(/[A-Z]+\.\d{4}/g)) expect(codes).toContain(`"error_code":"${code}"`);
  });
});
