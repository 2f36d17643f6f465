import { CHECKS, type CheckName } from "./checks/index.js";
import { send, type Exchange } from "./exchange.js";
import { resolveCheckOptions, type CheckOptions } from "./options.js";
import { probes } from "./probes.js";

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
  readonly status: number;
  /** Why there was no answer ("no answer (ECONNREFUSED)", "no answer within 15000 ms"); absent when answered. */
  readonly error?: string;
}

/** The outcome of a check run. ok when no check failed or errored (skipped ones do not count). */
export interface CheckReport {
  /** True only when no check failed, every request was answered and every check had a request within the budget. */
  readonly ok: boolean;
  readonly upstream: string;
  readonly maxRequests: number;
  readonly requests: readonly SentRequest[];
  readonly checks: readonly CheckResult[];
  /** Checks no request within the budget reaches: not proven, so the run is not a pass (raise maxRequests). */
  readonly unreached: readonly CheckName[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Checks a server against the contract: sends at most `maxRequests` requests, one at a time and never retried, and
 * judges the answers by the checks Schemathesis names. Needs no mock and no Prism. The report is built only from
 * parts that cannot carry a secret (the package's sentences, check and request names, statuses, counts, sizes,
 * schema-known fields and rules, the documented media type, OneAccess-shaped error codes, transport error codes):
 * nothing a server sent and no credential or header value can appear in it, in any encoding, without the report
 * having to recognise them. Throws CheckOptionsError for unusable options, before sending anything.
 */
export async function checkServer(options: CheckOptions): Promise<CheckReport> {
  const { upstream, headers, credentials, maxRequests, timeoutMs } = resolveCheckOptions(options);
  const context = { realCredentials: credentials !== undefined };

  const exchanges: Exchange[] = [];
  for (const probe of probes(headers, credentials).slice(0, maxRequests)) exchanges.push(await send(upstream, probe, timeoutMs));

  const checks = CHECKS.map((check): CheckResult => {
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
          ? ["error", `${plural(unanswered, "request")} it needed got no answer`]
          : judged > 0
            ? ["passed", `${check.passes}: ${plural(judged, "answer")} judged${notJudged}`]
            : ["skipped", skips.size > 0 ? [...skips].join("; ") : `no request it judges fits in the budget of ${plural(maxRequests, "request")}`];
    return { name: check.name, status, summary, problems };
  });

  // A check no request reached proves nothing: a server answering 200 to everything would pass a budget of 1.
  const unreached = CHECKS.filter((check) => !exchanges.some((e) => check.applies(e.probe))).map((check) => check.name);
  return {
    ok: unreached.length === 0 && checks.every((c) => c.status !== "failed" && c.status !== "error"),
    unreached,
    upstream,
    maxRequests,
    requests: exchanges.map((e) => (e.answer ? { name: e.probe.name, status: e.answer.status } : { name: e.probe.name, status: 0, error: e.error })),
    checks,
  };
}
