import { CHECKS, type CheckName } from "./checks/index.js";
import type { CheckContext } from "./checks/check.js";
import { send, type Exchange } from "./exchange.js";
import { resolveCheckOptions, type CheckOptions } from "./options.js";
import { probes, type Probe } from "./probes.js";
import { OPERATIONS } from "./spec-operations.js";

/** How a check came out: `error` when a request it needed got no answer, `skipped` when nothing could be judged. */
export type CheckStatus = "passed" | "failed" | "skipped" | "error";

/** One check's outcome, with why. */
export interface CheckResult {
  readonly name: CheckName;
  readonly status: CheckStatus;
  /** One line saying why it passed, failed, errored or was skipped. */
  readonly summary: string;
  /** Each problem found (a request that got no answer is said once, in the request list, not per check). */
  readonly problems: readonly string[];
}

/** What was sent and what status came back (0: no answer), without bodies. */
export interface SentRequest {
  readonly name: string;
  /** The operation it went to, "POST /api/v2/sdk/sms/send". */
  readonly operation: string;
  readonly status: number;
  /** Why there was no answer ("no readable answer (ECONNREFUSED)", "no answer within 15000 ms"); absent when answered. */
  readonly error?: string;
}

/** How far one operation of the contract was checked, and each check's outcome on its answers alone. */
export interface OperationReport {
  /** "POST /api/v2/sdk/sms/send". */
  readonly name: string;
  readonly operationId: string;
  /** Requests sent to it. */
  readonly requests: number;
  /**
   * `checked`: requests went to it; `unreached`: the budget ran out first (the run is then not a pass);
   * `not checked`: a tenant operation and no application credentials were given (it does not fail the run).
   */
  readonly coverage: "checked" | "unreached" | "not checked";
  /** Why it was not checked, when it was not. */
  readonly reason?: string;
  /** Each check's outcome on this operation's answers (empty when no request went to it). */
  readonly checks: readonly CheckResult[];
}

/** The outcome of a check run. ok when no check failed or errored (skipped ones do not count). */
export interface CheckReport {
  /** True only when no check failed, every request was answered, and the budget reached every check and operation. */
  readonly ok: boolean;
  readonly upstream: string;
  readonly maxRequests: number;
  readonly requests: readonly SentRequest[];
  readonly checks: readonly CheckResult[];
  /** Checks no request within the budget reaches: not proven, so the run is not a pass (raise maxRequests). */
  readonly unreached: readonly CheckName[];
  /** Every operation of the contract, in the spec's order. */
  readonly operations: readonly OperationReport[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Tells the user what would give a positive probe real values (names of environment variables and flags only). */
const realValuesHint = (probe: Probe) =>
  probe.name === "valid login"
    ? "set ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE and pass --spend-code to judge acceptance"
    : "the samples stand for values only a live journey has (a captcha answer, a state token), so acceptance is not judged";

/** Each check's outcome over some exchanges. */
function judge(exchanges: readonly Exchange[], maxRequests: number, context: CheckContext): CheckResult[] {
  return CHECKS.map((check): CheckResult => {
    const problems: string[] = [];
    let unanswered = 0;
    const skips = new Set<string>();
    let judged = 0;
    for (const exchange of exchanges.filter((e) => check.applies(e.probe))) {
      if (!exchange.answer) {
        unanswered++;
        continue;
      }
      const verdict = check.judge(exchange.probe, exchange.answer, context);
      if ("skip" in verdict) skips.add(verdict.skip);
      else {
        judged++;
        problems.push(...verdict);
      }
    }
    const notJudged = skips.size > 0 ? `; not judged: ${[...skips].join("; ")}` : "";
    const [status, summary]: [CheckStatus, string] =
      problems.length > 0
        ? ["failed", `${plural(problems.length, "problem")} in ${plural(judged, "answer")}${notJudged}`]
        : unanswered > 0
          ? ["error", `${plural(unanswered, "request")} it needed got no readable answer`]
          : judged > 0
            ? ["passed", `${check.passes}: ${plural(judged, "answer")} judged${notJudged}`]
            : ["skipped", skips.size > 0 ? [...skips].join("; ") : `no request it judges fits in the budget of ${plural(maxRequests, "request")}`];
    return { name: check.name, status, summary, problems };
  });
}

/**
 * Checks a server against the contract, every operation of it: sends at most `maxRequests` requests, one at a time
 * and never retried, and judges the answers by the checks Schemathesis names. Needs no mock and no Prism. It never
 * sends an SMS or spends a real code unless told to (`sendSms`, `credentials`), and checks the tenant operations only
 * with the application's credentials (`tenant`). The report is built only from parts that cannot carry a secret
 * (the package's sentences, check, operation and request names, statuses, counts, sizes, schema-known fields and
 * rules, the documented media type, transport error codes from a fixed list), and the one part a server chooses, an
 * error code, only when OneAccess documents it (the shared view rule, src/contract/view-rule.ts).
 * Throws CheckOptionsError for unusable options, before sending anything.
 */
export async function checkServer(options: CheckOptions): Promise<CheckReport> {
  const { upstream, headers, credentials, sendSms, tenant, maxRequests, timeoutMs } = resolveCheckOptions(options);

  const exchanges: Exchange[] = [];
  // The access token the run's own token request got: only ever a header of the Bearer probes, never in a view.
  let accessToken: string | undefined;
  for (const probe of probes({ headers, credentials, sendSms, tenant }).slice(0, maxRequests)) {
    if (probe.bearer && accessToken === undefined) continue;
    const exchange = await send(upstream, probe.bearer ? { ...probe, headers: { ...probe.headers, Authorization: `Bearer ${accessToken}` } } : probe, timeoutMs);
    exchanges.push({ ...exchange, probe });
    const token = probe.operation.serverSide && probe.kind === "positive" ? (exchange.answer?.json as { access_token?: unknown } | undefined)?.access_token : undefined;
    // A token fetch can send on is visible ASCII: anything else would make every Bearer request fail to send.
    if (typeof token == "string" && /^[\x21-\x7e]{1,4096}$/.test(token)) accessToken = token;
  }

  const context: CheckContext = { realValuesHint };
  const checks = judge(exchanges, maxRequests, context);
  const operations = OPERATIONS().map((operation): OperationReport => {
    const own = exchanges.filter((e) => e.probe.operation === operation);
    const base = { name: operation.name, operationId: operation.operationId, requests: own.length };
    if (own.length > 0) return { ...base, coverage: "checked", checks: judge(own, maxRequests, context) };
    if (operation.serverSide && !tenant) {
      return { ...base, coverage: "not checked", reason: "a tenant operation: set ONEACCESS_CLIENT_ID and ONEACCESS_CLIENT_SECRET to check it", checks: [] };
    }
    if (operation.serverSide && accessToken === undefined && exchanges.some((e) => e.probe.operation.serverSide)) {
      // positive_data_acceptance says why the token request failed; this operation cannot be reached without one.
      return { ...base, coverage: "unreached", reason: "needs the access token, and the token request with your credentials gave none", checks: [] };
    }
    return { ...base, coverage: "unreached", reason: `no request to it fits in the budget of ${plural(maxRequests, "request")}`, checks: [] };
  });
  // A check no request reached proves nothing: a server answering 200 to everything would pass a budget of 1.
  const unreached = CHECKS.filter((check) => !exchanges.some((e) => check.applies(e.probe))).map((check) => check.name);
  return {
    ok: unreached.length === 0 && operations.every((o) => o.coverage !== "unreached") && checks.every((c) => c.status !== "failed" && c.status !== "error"),
    unreached,
    upstream,
    maxRequests,
    requests: exchanges.map((e) =>
      e.answer
        ? { name: e.probe.name, operation: e.probe.operation.name, status: e.answer.status }
        : { name: e.probe.name, operation: e.probe.operation.name, status: 0, error: e.error },
    ),
    checks,
    operations,
  };
}
