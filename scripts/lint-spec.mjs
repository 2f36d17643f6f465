#!/usr/bin/env node
// Lints openapi/ with Redocly's recommended ruleset and fails on any problem: `redocly lint` alone exits 0 on
// warnings, and this contract promises zero of both.
import { spawnSync } from "node:child_process";

const result = spawnSync("redocly", ["lint", "--format", "json"], {
  encoding: "utf8",
  shell: false,
  env: { ...process.env, REDOCLY_TELEMETRY: "off", PATH: `node_modules/.bin:${process.env.PATH}` },
});
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(`redocly lint printed no JSON report (exit ${result.status}):\n${result.stderr}`);
  process.exit(1);
}
const { errors, warnings, ignored } = report.totals;
for (const p of report.problems) {
  const where = p.location?.[0];
  console.error(`${p.severity} ${p.ruleId}: ${p.message}${where ? ` (${where.source?.ref ?? ""} ${where.pointer ?? ""})` : ""}`);
}
console.log(`redocly lint: ${errors} errors, ${warnings} warnings, ${ignored} ignored`);
process.exit(errors + warnings + ignored === 0 && result.status === 0 ? 0 : 1);
