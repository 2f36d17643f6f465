import type { CheckReport, CheckResult, SentRequest } from "./check-server.js";
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

/** A check's testcase: a failure, error or skipped element saying why, a passing check's reason in system-out. */
function testcase(check: CheckResult, requests: readonly SentRequest[]): string {
  const head = `    <testcase${attributes({ name: check.name, classname: "oneaccess-sms-login.verify" })}>`;
  // An errored check's details say why its requests got no answer, once per distinct reason.
  const reasons = check.status === "error" ? [...new Set(requests.flatMap((r) => (r.error ? [r.error] : [])))] : [];
  const details = xml([check.summary, ...check.problems, ...reasons].map(printable).join("\n"));
  const body = {
    passed: `      <system-out>${details}</system-out>`,
    failed: `      <failure${attributes({ message: check.summary, type: check.name })}>${details}</failure>`,
    error: `      <error${attributes({ message: check.summary, type: check.name })}>${details}</error>`,
    skipped: `      <skipped${attributes({ message: check.summary })}/>`,
  }[check.status];
  return [head, body, "    </testcase>"].join("\n");
}

const totals = (checks: readonly CheckResult[]) => {
  const count = (status: string) => checks.filter((c) => c.status === status).length;
  return { tests: checks.length, failures: count("failed"), errors: count("error"), skipped: count("skipped") };
};

/**
 * The report as JUnit XML for CI dashboards: a first testsuite "verify" with one testcase per check over every
 * answer (the run's verdict in its properties), then one testsuite per operation with its checks on its own answers;
 * an operation no request went to is a suite with one skipped testcase saying why.
 */
export function toJUnit(report: CheckReport, timestamp = new Date()): string {
  const at = timestamp.toISOString().slice(0, 19);
  const properties = { upstream: report.upstream, "max-requests": report.maxRequests, requests: report.requests.length, verdict: verdict(report) };
  const operationSuites = report.operations.flatMap((operation) => {
    const own = report.requests.filter((r) => r.operation === operation.name);
    const cases =
      operation.coverage === "checked"
        ? operation.checks.map((check) => testcase(check, own))
        : [
            [
              `    <testcase${attributes({ name: operation.coverage, classname: "oneaccess-sms-login.verify" })}>`,
              `      <skipped${attributes({ message: operation.reason ?? operation.coverage })}/>`,
              "    </testcase>",
            ].join("\n"),
          ];
    const counts = operation.coverage === "checked" ? totals(operation.checks) : { tests: 1, failures: 0, errors: 0, skipped: 1 };
    return [`  <testsuite${attributes({ name: operation.name, ...counts, timestamp: at })}>`, ...cases, `  </testsuite>`];
  });
  const all = totals(report.checks);
  // The root counts every testcase of every suite, as JUnit readers add them up.
  const suites = [all, ...report.operations.map((o) => (o.coverage === "checked" ? totals(o.checks) : { tests: 1, failures: 0, errors: 0, skipped: 1 }))];
  const sum = (key: keyof typeof all) => suites.reduce((n, s) => n + s[key], 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attributes({ name: "oneaccess-sms-login verify", tests: sum("tests"), failures: sum("failures"), errors: sum("errors"), skipped: sum("skipped") })}>`,
    `  <testsuite${attributes({ name: "verify", ...all, timestamp: at })}>`,
    `    <properties>`,
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    `    </properties>`,
    ...report.checks.map((check) => testcase(check, report.requests)),
    `  </testsuite>`,
    ...operationSuites,
    `</testsuites>`,
    "",
  ].join("\n");
}
