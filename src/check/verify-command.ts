import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { CheckOptionsError } from "./check-options-error.js";
import { checkServer } from "./check-server.js";
import { formatCheckReport } from "./format-report.js";
import { toJUnit } from "./junit.js";
import { DEFAULT_MAX_REQUESTS, resolveCheckOptions, type CheckOptions } from "./options.js";

/** The verify subcommand's usage line. */
export const VERIFY_USAGE =
  "oneaccess-sms-login verify --upstream URL [--client-id ID] [--tenant-id ID] [--header 'Name: value']... " +
  `[--max-requests N (default ${DEFAULT_MAX_REQUESTS})] [--timeout-ms N] [--junit FILE]`;

/** Exit codes of `verify`: 2 (usage) comes from the bin's own error handling. */
export const VERIFY_EXIT = { keeps: 0, breaks: 1, unanswered: 3, unreached: 4 } as const;

/** A whole number from an option, or a CheckOptionsError naming the option. */
function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CheckOptionsError(`--${name} takes a whole number`);
  return Number(value);
}

/** Creates the JUnit file's folder and opens the file for appending (truncating nothing), or says why it cannot be written. */
function ensureWritable(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    closeSync(openSync(file, "a"));
  } catch (cause) {
    // Found after the run, this would exit 1, which says a check failed.
    throw new CheckOptionsError(`--junit ${file} cannot be written (${(cause as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
}

/**
 * `verify`: checks a server against the contract and prints a report; exit 0 when it keeps the contract, 1 when a
 * check failed, 3 when requests got no answer, 4 when the budget left a check without a request. Credentials come from ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE,
 * never from arguments (arguments show in process lists and CI logs).
 */
export async function runVerify(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      upstream: { type: "string" },
      "client-id": { type: "string" },
      "tenant-id": { type: "string" },
      header: { type: "string", multiple: true, default: [] },
      "max-requests": { type: "string" },
      "timeout-ms": { type: "string" },
      junit: { type: "string" },
    },
  });
  if (!values.upstream) throw new CheckOptionsError("verify needs --upstream URL");
  const headers: Record<string, string> = {};
  for (const line of values.header) {
    const at = line.indexOf(":");
    if (at < 1) throw new CheckOptionsError(`--header takes "Name: value", got a value without a colon`);
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  if (values["client-id"]) headers["X-client-id"] = values["client-id"];
  if (values["tenant-id"]) headers["X-tenant-id"] = values["tenant-id"];
  const { ONEACCESS_MOBILE: mobile, ONEACCESS_VERIFY_CODE: code } = env;
  if (!mobile !== !code) throw new CheckOptionsError("set both ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE, or neither");
  const maxRequests = whole("max-requests", values["max-requests"]);
  const timeoutMs = whole("timeout-ms", values["timeout-ms"]);

  const options: CheckOptions = {
    upstream: values.upstream,
    headers,
    ...(mobile && code ? { credentials: { mobile, verify_code: code } } : {}),
    ...(maxRequests === undefined ? {} : { maxRequests }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  // Bad options first, so a refused run leaves no file behind; then the file, while nothing has been sent yet.
  resolveCheckOptions(options);
  if (values.junit) ensureWritable(values.junit);
  const report = await checkServer(options);
  console.log(formatCheckReport(report));
  if (values.junit) writeFileSync(values.junit, toJUnit(report));
  if (report.checks.some((c) => c.status === "failed")) return VERIFY_EXIT.breaks;
  if (report.checks.some((c) => c.status === "error")) return VERIFY_EXIT.unanswered;
  return report.ok ? VERIFY_EXIT.keeps : VERIFY_EXIT.unreached;
}
