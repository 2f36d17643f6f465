import { LOGIN_PATH } from "../contract/operation.js";
import type { CheckReport } from "./check-server.js";
import { printable, verdict } from "./format-report.js";

// Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF): the report's parts
// cannot carry them, and one of them would make the whole file unreadable to a CI dashboard.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };

/** Text safe inside an XML element. */
const xml = (text: string) => text.replace(NOT_XML, "\uFFFD").replace(/[&<>\r]/g, (c) => ENTITIES[c]!);
/** Attributes with values safe inside quotes; line breaks are kept as character references (parsers fold raw ones). */
const attributes = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${printable(String(value)).replace(NOT_XML, "\uFFFD").replace(/[&<>"'\n\r\t]/g, (c) => ENTITIES[c]!)}"`)
    .join("");

/**
 * The report as JUnit XML for CI dashboards: one testsuite for the operation and one testcase per check, with a
 * failure, error or skipped element saying why, and a passing check's reason in system-out.
 */
export function toJUnit(report: CheckReport, timestamp = new Date()): string {
  const count = (status: string) => report.checks.filter((c) => c.status === status).length;
  const totals = { tests: report.checks.length, failures: count("failed"), errors: count("error"), skipped: count("skipped") };
  const cases = report.checks.map((check) => {
    const head = `    <testcase${attributes({ name: check.name, classname: "oneaccess-sms-login.verify" })}>`;
    // An errored check's details say why its requests got no answer, once per distinct reason.
    const reasons = check.status === "error" ? [...new Set(report.requests.flatMap((r) => (r.error ? [r.error] : [])))] : [];
    const details = xml([check.summary, ...check.problems, ...reasons].map(printable).join("\n"));
    const body = {
      passed: `      <system-out>${details}</system-out>`,
      failed: `      <failure${attributes({ message: check.summary, type: check.name })}>${details}</failure>`,
      error: `      <error${attributes({ message: check.summary, type: check.name })}>${details}</error>`,
      skipped: `      <skipped${attributes({ message: check.summary })}/>`,
    }[check.status];
    return [head, body, "    </testcase>"].join("\n");
  });
  const properties = { upstream: report.upstream, "max-requests": report.maxRequests, requests: report.requests.length, verdict: verdict(report) };
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attributes({ name: "oneaccess-sms-login verify", ...totals })}>`,
    `  <testsuite${attributes({ name: `POST ${LOGIN_PATH}`, ...totals, timestamp: timestamp.toISOString().slice(0, 19) })}>`,
    `    <properties>`,
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    `    </properties>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}
