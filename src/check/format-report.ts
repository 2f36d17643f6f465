import type { CheckReport, CheckStatus } from "./check-server.js";

const LABELS: Record<CheckStatus, string> = { passed: "PASS ", failed: "FAIL ", skipped: "SKIP ", error: "ERROR" };

// Control and bidirectional-format characters. The report's parts cannot carry them (see checkServer); this is the
// last line of defence, so no text can ever start a line of its own or steer a terminal or CI runner.
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** One line of the report, printable. */
export const printable = (text: string): string => text.replace(UNPRINTABLE, "\uFFFD");

/** The verdict on the whole run, as the report's last line says it. */
export function verdict(report: CheckReport): string {
  if (report.checks.some((c) => c.status === "failed")) return "breaks the contract";
  if (report.checks.some((c) => c.status === "error")) return "could not be fully checked: requests got no readable answer";
  const budget = `${report.maxRequests} request${report.maxRequests === 1 ? "" : "s"}`;
  if (report.unreached.length > 0) {
    return `could not be fully checked: the budget of ${budget} left ${report.unreached.join(", ")} without a request; raise --max-requests`;
  }
  const unreached = report.operations.filter((o) => o.coverage === "unreached").length;
  if (unreached > 0) return `could not be fully checked: the budget of ${budget} left ${unreached} operation${unreached === 1 ? "" : "s"} without a request; raise --max-requests`;
  const notChecked = report.operations.filter((o) => o.coverage === "not checked").length;
  return notChecked > 0 ? `keeps the contract in every operation checked (${notChecked} tenant operation${notChecked === 1 ? "" : "s"} not checked)` : "keeps the contract";
}

/** The requests as lines: one each, or one line for all when none was answered for the same reason (a server down). */
function sentLines(report: CheckReport): string[] {
  const { requests } = report;
  const reasons = new Set(requests.map((r) => r.error));
  if (requests.length > 1 && reasons.size === 1 && requests[0]!.error !== undefined) {
    return [`  none answered, each for the same reason: ${requests[0]!.error}`];
  }
  return requests.map((r) => `  ${r.name}: ${r.error ?? `HTTP ${r.status}`}`);
}

/** One line per operation: how many requests went to it, or why none did. */
function operationLines(report: CheckReport): string[] {
  return report.operations.map((o) => {
    if (o.coverage !== "checked") return `  ${o.name}: ${o.coverage}: ${o.reason}`;
    const named = (status: string) => o.checks.filter((c) => c.status === status).map((c) => c.name);
    const [failed, errored] = [named("failed"), named("error")];
    const outcome = [
      ...(failed.length > 0 ? [`problems in ${failed.join(", ")}`] : []),
      ...(errored.length > 0 ? [`unanswered requests for ${errored.join(", ")}`] : []),
    ].join("; ") || "no problem found";
    return `  ${o.name}: ${o.requests} request${o.requests === 1 ? "" : "s"}, ${outcome}`;
  });
}

/** The report as lines of text for a terminal or CI log: what was sent, then each check by name with why. */
export function formatCheckReport(report: CheckReport): string {
  const checks = report.checks.flatMap((c) => [`${LABELS[c.status]} ${c.name}: ${c.summary}`, ...c.problems.map((p) => `        ${p}`)]);
  return [
    `${report.requests.length} requests sent to ${report.upstream} (budget ${report.maxRequests}):`,
    ...sentLines(report),
    "Operations:",
    ...operationLines(report),
    ...checks,
    `${report.upstream} ${verdict(report)}`,
  ]
    .map(printable)
    .join("\n");
}
