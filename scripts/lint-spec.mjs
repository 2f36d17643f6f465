#!/usr/bin/env node
// Lints openapi/ with Redocly's recommended ruleset, and the journey's Arazzo workflow (openapi/workflows/) with its
// Arazzo rules, and fails on any problem: `redocly lint` alone exits 0 on warnings, and this contract promises zero
// of both. Then checks the source trail (openapi/README.md): every claim
// of the bundled spec carries x-source or x-package-rule.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingSourceTrail } from "./lib/source-trail.mjs";

/**
 * Lints the contract (the API of redocly.yaml) and the journey's Arazzo workflow (openapi/workflows/, with Redocly's
 * Arazzo rules: not an `apis:` entry, which openapi-typescript would read as one more OpenAPI document to generate
 * from) in one run of Redocly, which starts in about a second; prints each problem and the totals of each. It prints one
 * JSON report per file, back to back: a report's closing "}" starts a line, and the next "{" ends it.
 */
function lint(targets) {
  const result = spawnSync("redocly", ["lint", ...targets.map((t) => t.target), "--format", "json"], {
    encoding: "utf8",
    shell: false,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", PATH: `node_modules/.bin:${process.env.PATH}` },
  });
  let reports;
  try {
    reports = result.stdout.split(/(?<=^\})(?=\{$)/m).map((report) => JSON.parse(report));
    if (reports.length !== targets.length) throw new Error(`${reports.length} reports for ${targets.length} files`);
  } catch (error) {
    console.error(`redocly lint printed no JSON report per file (exit ${result.status}, ${error.message}):\n${result.stderr}`);
    process.exit(1);
  }
  let count = result.status === 0 ? 0 : 1;
  for (const [i, report] of reports.entries()) {
    const { errors, warnings, ignored } = report.totals;
    for (const p of report.problems) {
      const where = p.location?.[0];
      console.error(`${p.severity} ${p.ruleId}: ${p.message}${where ? ` (${where.source?.ref ?? ""} ${where.pointer ?? ""})` : ""}`);
    }
    console.log(`redocly lint ${targets[i].label}: ${errors} errors, ${warnings} warnings, ${ignored} ignored`);
    count += errors + warnings + ignored;
  }
  return count;
}
const lintProblems = lint([
  { target: "sms-login", label: "(openapi/)" },
  { target: "openapi/workflows/sms-login.arazzo.yaml", label: "(openapi/workflows/)" },
]);

/** The claims of the bundled spec without a trail (a bundle of its own: generated/ may be stale while editing). */
function trailProblems() {
  const work = mkdtempSync(join(tmpdir(), "oa-trail-"));
  try {
    const out = join(work, "openapi.json");
    const bundled = spawnSync("redocly", ["bundle", "sms-login", "--ext", "json", "-o", out], {
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", PATH: `node_modules/.bin:${process.env.PATH}` },
    });
    if (bundled.status !== 0) return [`redocly bundle failed (exit ${bundled.status}):\n${bundled.stderr}`];
    return missingSourceTrail(JSON.parse(readFileSync(out, "utf8")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const trail = trailProblems();
for (const problem of trail) console.error(`source-trail: ${problem}`);
console.log(`source trail: ${trail.length} claims without x-source or x-package-rule`);
process.exit(lintProblems + trail.length === 0 ? 0 : 1);
