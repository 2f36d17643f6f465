import type { CheckReport, CheckStatus } from "./check-server.js";

const LABELS: Record<CheckStatus, string> = { passed: "PASS ", failed: "FAIL ", skipped: "SKIP ", error: "ERROR" };

/** The verdict on the whole run, as the report's last line says it. */
export function verdict(report: CheckReport): string {
  if (report.checks.some((c) => c.status === "failed")) return "breaks the contract";
  if (report.checks.some((c) => c.status === "error")) return "could not be fully checked: requests got no answer";
  if (report.unreached.length > 0) {
    const budget = `${report.maxRequests} request${report.maxRequests === 1 ? "" : "s"}`;
    return `could not be fully checked: the budget of ${budget} left ${report.unreached.join(", ")} without a request; raise --max-requests`;
  }
  return "keeps the contract";
}

/** The report as lines of text for a terminal or CI log: what was sent, then each check by name with why. */
export function formatCheckReport(report: CheckReport): string {
  const sent = report.requests.map((r) => `  ${r.name}: ${r.status ? `HTTP ${r.status}` : "no answer"}`);
  const checks = report.checks.map((c) => [`${LABELS[c.status]} ${c.name}: ${c.summary}`, ...c.problems.map((p) => `        ${p}`)].join("\n"));
  return [
    `${report.requests.length} requests sent to ${report.upstream} (budget ${report.maxRequests}):`,
    ...sent,
    ...checks,
    `${report.upstream} ${verdict(report)}`,
  ].join("\n");
}
