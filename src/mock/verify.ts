import { CONTENT_TYPE, LOGIN_PATH } from "../client/constants.js";
import { startMock } from "./start-mock.js";

/** What {@link verifyServer} sends; defaults are the API page's example request. */
export interface VerifyOptions {
  /** The server to check, e.g. https://tenant.huaweioneaccess.com. */
  upstream: string;
  /** Request headers to send (X-client-id and friends), merged over the page's example headers. */
  headers?: Record<string, string>;
  /** Credentials for the valid probe; a wrong code is fine: a documented 400 keeps the contract. */
  credentials?: { mobile: string; verify_code: string };
  /** Per-probe timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
}

/** One request sent through the validating proxy, and what came back. */
export interface ProbeResult {
  /** What the probe sends. */
  readonly name: string;
  /** The statuses the contract allows for it. */
  readonly expected: readonly number[];
  /** The status the server answered (0: no answer). */
  readonly status: number;
  /** Contract violations found in the answer (never in the deliberately broken request). */
  readonly violations: readonly string[];
  /** True when the status is allowed and the answer has no violation. */
  readonly ok: boolean;
}

/** The outcome of a verification: ok when every probe kept the contract. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly upstream: string;
  readonly probes: readonly ProbeResult[];
}

const PAGE_HEADERS: Record<string, string> = {
  "Content-Type": CONTENT_TYPE,
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-agent": "Mozilla/5.0",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
};

/** Probes: one valid request, and requests broken the ways clients break them most. */
function probes(options: VerifyOptions) {
  const headers = { ...PAGE_HEADERS, ...options.headers };
  const credentials = options.credentials ?? { mobile: "12345678901", verify_code: "232326" };
  const drop = (name: string) => Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== name));
  return [
    { name: "valid login request", expected: [200, 400], headers, body: credentials },
    { name: "verify_code missing", expected: [400], headers, body: { mobile: credentials.mobile } },
    { name: "verify_code not a string", expected: [400], headers, body: { ...credentials, verify_code: 232326 } },
    { name: "X-client-id missing", expected: [400], headers: drop("x-client-id"), body: credentials },
  ];
}

/** Violations Prism found in the response (its header also lists the request's, which some probes break on purpose). */
function responseViolations(response: Response): string[] {
  try {
    const listed = JSON.parse(response.headers.get("sl-violations") ?? "[]") as Array<{ location?: string[]; message?: string }>;
    return listed.filter((v) => v.location?.[0] === "response").map((v) => v.message ?? "unknown violation");
  } catch {
    return ["unreadable sl-violations header"];
  }
}

/** Checks a real server against the contract through Prism's validating proxy. Needs Prism installed. */
export async function verifyServer(options: VerifyOptions): Promise<VerifyReport> {
  const proxy = await startMock({ upstream: options.upstream });
  try {
    const results: ProbeResult[] = [];
    for (const probe of probes(options)) {
      let status = 0;
      let violations: string[];
      try {
        const response = await fetch(`${proxy.url}${LOGIN_PATH}`, {
          method: "POST",
          headers: probe.headers,
          body: JSON.stringify(probe.body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
        await response.arrayBuffer();
        status = response.status;
        violations = responseViolations(response);
      } catch (error) {
        violations = [`no answer: ${error instanceof Error ? error.message : String(error)}`];
      }
      const ok = probe.expected.includes(status) && violations.length === 0;
      results.push({ name: probe.name, expected: probe.expected, status, violations, ok });
    }
    return { ok: results.every((r) => r.ok), upstream: options.upstream, probes: results };
  } finally {
    await proxy.stop();
  }
}

/** The report as lines of text for a terminal or CI log. */
export function formatReport(report: VerifyReport): string {
  const lines = report.probes.map((p) => {
    const head = `${p.ok ? "ok  " : "FAIL"} ${p.name}: HTTP ${p.status || "-"} (expected ${p.expected.join(" or ")})`;
    return [head, ...p.violations.map((v) => `       ${v}`)].join("\n");
  });
  const verdict = report.ok ? "keeps the contract" : "breaks the contract";
  return `${lines.join("\n")}\n${report.upstream} ${verdict}`;
}
