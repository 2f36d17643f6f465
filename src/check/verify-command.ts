import { CheckOptionsError } from "./check-options-error.js";
import { checkServer } from "./check-server.js";
import { formatCheckReport } from "./format-report.js";
import { toJUnit } from "./junit.js";
import { checkReportFile, ReportFileError, writeReportFile } from "./junit-file.js";
import { DEFAULT_MAX_REQUESTS, resolveCheckOptions, type CheckOptions } from "./options.js";
import { readVerifyArgs } from "./verify-args.js";

/** The verify subcommand's usage line. */
export const VERIFY_USAGE =
  "oneaccess-sms-login verify [--upstream URL (default $ONEACCESS_BASE_URL)] [--client-id ID] [--tenant-id ID] [--header 'Name: value']... " +
  `[--max-requests N (default ${DEFAULT_MAX_REQUESTS})] [--timeout-ms N] [--junit FILE] [--spend-code] [--send-sms]\n` +
  "  Checks every operation of the contract without sending an SMS or spending a code. Environment (never arguments):\n" +
  "  ONEACCESS_MOBILE + ONEACCESS_VERIFY_CODE with --spend-code: the valid login spends that real code, once.\n" +
  "  ONEACCESS_MOBILE + ONEACCESS_CAPTCHA_TOKEN with --send-sms: one real LOGIN_SMS is sent to that mobile.\n" +
  "  ONEACCESS_CLIENT_ID + ONEACCESS_CLIENT_SECRET: the tenant (server-side) operations are checked too.\n" +
  "  Exit: 0 keeps the contract, 1 a check failed, 2 usage, 3 no readable answer, 4 budget too small, 5 --junit unwritten.";

/**
 * Exit codes of `verify`: 0 keeps the contract, 1 a check failed, 2 usage (from the bin's own error handling: bad
 * options, credentials or --junit file, before anything is sent), 3 requests got no readable answer, 4 the budget left a check
 * or an operation without a request, 5 the checks ran but the --junit file could not be written at the end (the report on stdout
 * still says how the server did).
 */
export const VERIFY_EXIT = { keeps: 0, breaks: 1, unanswered: 3, unreached: 4, reportUnwritten: 5 } as const;

/** A whole number from an option, or a CheckOptionsError naming the option. */
function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CheckOptionsError(`--${name} takes a whole number`);
  return Number(value);
}

/**
 * `verify`: checks a server against the contract and prints a report; exits as {@link VERIFY_EXIT} says. Real values
 * (a mobile, a code, a captcha token, the application's credentials) come from the environment, never from arguments
 * (arguments show in process lists and CI logs), and a code or an SMS is spent only with --spend-code or --send-sms.
 */
export async function runVerify(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const values = readVerifyArgs(argv);
  // `oneaccess-sms-login mock -- command` hands the command the mock's URL as ONEACCESS_BASE_URL: verify under it
  // needs no wrapper to pass it on.
  const upstream = values.upstream ?? env.ONEACCESS_BASE_URL;
  if (!upstream) throw new CheckOptionsError("verify needs --upstream URL or ONEACCESS_BASE_URL");
  const headers: Record<string, string> = { ...values.headers };
  // --client-id beside --header 'X-client-id: …' in any spelling: which one was meant? Refused, never replaced.
  const add = (name: string, value: string | undefined) => {
    if (value === undefined) return;
    if (Object.keys(headers).some((given) => given.toLowerCase() === name.toLowerCase())) throw new CheckOptionsError(`header ${name} is given twice`);
    headers[name] = value;
  };
  add("X-client-id", values["client-id"]);
  add("X-tenant-id", values["tenant-id"]);
  const { ONEACCESS_MOBILE: mobile, ONEACCESS_VERIFY_CODE: code, ONEACCESS_CAPTCHA_TOKEN: captcha, ONEACCESS_CLIENT_ID: clientId, ONEACCESS_CLIENT_SECRET: clientSecret } = env;
  // A real code is spent and a real SMS sent only when a flag says so: values left in a CI job's environment never
  // do it on their own, and a flag without its values is refused rather than run on samples.
  const spendCode = values["spend-code"];
  const sendSms = values["send-sms"];
  if (code && !spendCode) throw new CheckOptionsError("ONEACCESS_VERIFY_CODE is set: pass --spend-code to let the valid login spend it, or unset it");
  if (spendCode && !(mobile && code)) throw new CheckOptionsError("--spend-code needs ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE in the environment");
  if (captcha && !sendSms) throw new CheckOptionsError("ONEACCESS_CAPTCHA_TOKEN is set: pass --send-sms to let verify send one real SMS with it, or unset it");
  if (sendSms && !(mobile && captcha)) throw new CheckOptionsError("--send-sms needs ONEACCESS_MOBILE and ONEACCESS_CAPTCHA_TOKEN in the environment");
  if (mobile && !spendCode && !sendSms) {
    throw new CheckOptionsError("ONEACCESS_MOBILE is set: pass --spend-code (with ONEACCESS_VERIFY_CODE) or --send-sms (with ONEACCESS_CAPTCHA_TOKEN) to use it, or unset it");
  }
  // ONEACCESS_CLIENT_ID alone is common in CI (it often feeds --client-id): only the secret turns the tenant checks on.
  if (clientSecret && !clientId) throw new CheckOptionsError("ONEACCESS_CLIENT_SECRET is set: the tenant checks need ONEACCESS_CLIENT_ID too");
  const maxRequests = whole("max-requests", values["max-requests"]);
  const timeoutMs = whole("timeout-ms", values["timeout-ms"]);

  const options: CheckOptions = {
    upstream,
    headers,
    ...(spendCode && mobile && code ? { credentials: { mobile, verify_code: code } } : {}),
    ...(sendSms && mobile && captcha ? { sendSms: { mobile, captcha_token: captcha } } : {}),
    ...(clientId && clientSecret ? { tenant: { clientId, clientSecret } } : {}),
    ...(maxRequests === undefined ? {} : { maxRequests }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  // Bad options first, so a refused run leaves no file behind; then the file, while nothing has been sent yet.
  resolveCheckOptions(options);
  if (values.junit !== undefined) {
    try {
      checkReportFile(values.junit);
    } catch (error) {
      throw new CheckOptionsError(`--junit ${(error as Error).message}`);
    }
  }
  const report = await checkServer(options);
  console.log(formatCheckReport(report));
  const exit =
    report.checks.some((c) => c.status === "failed") ? VERIFY_EXIT.breaks
    : report.checks.some((c) => c.status === "error") ? VERIFY_EXIT.unanswered
    : report.ok ? VERIFY_EXIT.keeps
    : VERIFY_EXIT.unreached;
  if (values.junit !== undefined) {
    try {
      writeReportFile(values.junit, toJUnit(report));
    } catch (error) {
      if (!(error instanceof ReportFileError)) throw error;
      // Not exit 1: that says a check failed, and the server may well keep the contract.
      console.error(`verify: the report above stands (it would exit ${exit}), but --junit ${error.message}`);
      return VERIFY_EXIT.reportUnwritten;
    }
  }
  return exit;
}
