import { resolveBaseUrl } from "../client/base-url.js";
import { CheckOptionsError } from "./check-options-error.js";
import { headerOptionProblems } from "./header-options.js";

/**
 * Requests `checkServer` sends unless told otherwise: one valid login and five broken ones. Small on purpose: a real
 * tenant counts failed logins, and a check in every CI run must not look like an attack.
 */
export const DEFAULT_MAX_REQUESTS = 6;

/** Default time to wait for each answer, in milliseconds. */
export const DEFAULT_CHECK_TIMEOUT_MS = 15_000;

// The longest delay Node's timers take: above it they fire after 1 ms, and every request would abort at once.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** What {@link checkServer} checks and sends. */
export interface CheckOptions {
  /** The server to check: OneAccess itself, a proxy or your BFF, e.g. https://tenant.huaweioneaccess.com. */
  upstream: string;
  /** Request headers (X-client-id and friends), merged over the API page's example headers. */
  headers?: Record<string, string>;
  /**
   * Real credentials for the one valid login. Sent once, never retried (a code is single use), and redacted from
   * every report. Without them the page's sample ones are sent and positive_data_acceptance cannot judge a 400.
   */
  credentials?: { mobile: string; verify_code: string };
  /** At most this many requests in the whole run (default {@link DEFAULT_MAX_REQUESTS}). */
  maxRequests?: number;
  /** Time to wait for each answer (default {@link DEFAULT_CHECK_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** The options with defaults filled in; throws CheckOptionsError for unusable ones. */
export function resolveCheckOptions(options: CheckOptions): Required<Omit<CheckOptions, "credentials">> & Pick<CheckOptions, "credentials"> {
  const upstream = resolveUpstream(options.upstream);
  const { maxRequests = DEFAULT_MAX_REQUESTS, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS, credentials } = options;
  if (!Number.isSafeInteger(maxRequests) || maxRequests < 1) throw new CheckOptionsError("max requests must be a whole number of at least 1");
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new CheckOptionsError(`timeout must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS}`);
  }
  const headerProblems = headerOptionProblems(options.headers ?? {});
  if (headerProblems.length > 0) throw new CheckOptionsError(headerProblems.join(", "));
  if (credentials && !(typeof credentials.mobile == "string" && typeof credentials.verify_code == "string")) {
    throw new CheckOptionsError("credentials need a mobile and a verify_code string");
  }
  return { upstream, headers: options.headers ?? {}, credentials, maxRequests, timeoutMs };
}

/** The upstream without a trailing slash, or a CheckOptionsError saying which rule it breaks. */
function resolveUpstream(upstream: string): string {
  try {
    resolveBaseUrl({ baseUrl: upstream, allowInsecureHttp: true });
  } catch {
    throw new CheckOptionsError("upstream must be an http(s) URL without user info, query or fragment");
  }
  try {
    return resolveBaseUrl({ baseUrl: upstream });
  } catch {
    // The valid login's credentials would cross the network in clear text.
    throw new CheckOptionsError("upstream must be https unless its host is loopback (localhost, 127.x.x.x, [::1])");
  }
}
