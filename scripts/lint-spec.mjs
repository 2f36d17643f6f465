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

/** Lints the APIs of redocly.yaml, or the files named, and prints each problem; the totals, or exits when no report came. */
function lint(files, label) {
  const result = spawnSync("redocly", ["lint", ...files, "--format", "json"], {
    encoding: "utf8",
    shell: false,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", PATH: `node_modules/.bin:${process.env.PATH}` },
  });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    console.error(`redocly lint ${label} printed no JSON report (exit ${result.status}):\n${result.stderr}`);
    process.exit(1);
  }
  const { errors, warnings, ignored } = report.totals;
  for (const p of report.problems) {
    const where = p.location?.[0];
    console.error(`${p.severity} ${p.ruleId}: ${p.message}${where ? ` (${where.source?.ref ?? ""} ${where.pointer ?? ""})` : ""}`);
  }
  console.log(`redocly lint ${label}: ${errors} errors, ${warnings} warnings, ${ignored} ignored`);
  return errors + warnings + ignored + (result.status === 0 ? 0 : 1);
}
// The contract, then the journey's Arazzo workflow (Redocly's Arazzo rules): not an `apis:` entry, which
// openapi-typescript would read as one more OpenAPI document to generate from.
const lintProblems = lint([], "(openapi/)") + lint(["openapi/workflows/sms-login.arazzo.yaml"], "(openapi/workflows/)");

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
