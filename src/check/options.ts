import { resolveBaseUrl } from "../client/base-url.js";
import { CheckOptionsError } from "./check-options-error.js";
import { headerOptionProblems } from "./header-options.js";

/**
 * Requests `checkServer` sends unless told otherwise: enough for every request it has for every operation (the
 * login's ten, two for each other browser operation, and five tenant ones with the application's credentials). Only
 * the login's count as failed logins; a check in every CI run must not look like an attack, so none is ever repeated.
 */
export const DEFAULT_MAX_REQUESTS = 32;

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
   * Real credentials for the one valid login. Sent once, never retried (a code is single use), and never part of
   * any report (which quotes no text a server sent but an OneAccess-shaped error code free of them). Without them the page's sample
   * ones are sent and positive_data_acceptance cannot judge a 400. A mobile that is not written as a phone number,
   * or a code that is not letters or digits (a placeholder pasted literally), is refused with a CheckOptionsError.
   */
  credentials?: { mobile: string; verify_code: string };
  /**
   * Send one real LOGIN_SMS code to this mobile, with a captcha token the user got by passing the captcha (the CLI's
   * `--send-sms`, from ONEACCESS_MOBILE and ONEACCESS_CAPTCHA_TOKEN). Without it no request that could text anyone
   * is sent: the broken requests to sms/send carry no mobile at all. Never part of any report.
   */
  sendSms?: { mobile: string; captcha_token: string };
  /**
   * The application's credentials: only with them are the tenant (server-side) operations checked. The CLI reads
   * them from ONEACCESS_CLIENT_ID and ONEACCESS_CLIENT_SECRET only, never from arguments. Never part of any report.
   */
  tenant?: { clientId: string; clientSecret: string };
  /** At most this many requests in the whole run (default {@link DEFAULT_MAX_REQUESTS}). */
  maxRequests?: number;
  /** Time to wait for each answer (default {@link DEFAULT_CHECK_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** The options with defaults filled in; throws CheckOptionsError for unusable ones. */
export function resolveCheckOptions(
  options: CheckOptions,
): Required<Omit<CheckOptions, "credentials" | "sendSms" | "tenant">> & Pick<CheckOptions, "credentials" | "sendSms" | "tenant"> {
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
  if (credentials) {
    const problem = credentialProblem(credentials);
    if (problem) throw new CheckOptionsError(problem);
  }
  const { sendSms, tenant } = options;
  if (sendSms) {
    if (!(typeof sendSms.mobile == "string" && typeof sendSms.captcha_token == "string")) throw new CheckOptionsError("sendSms needs a mobile and a captcha_token string");
    const problem = mobileProblem(sendSms.mobile);
    if (problem) throw new CheckOptionsError(problem);
    if (!/^[\x21-\x7e]{1,4096}$/.test(sendSms.captcha_token)) {
      throw new CheckOptionsError("the captcha token (ONEACCESS_CAPTCHA_TOKEN) is not a token: 1 to 4096 visible ASCII characters (was a placeholder such as … pasted?)");
    }
  }
  if (tenant) {
    const field = (value: unknown) => typeof value == "string" && /^[\x21-\x7e]{1,256}$/.test(value);
    if (!field(tenant.clientId) || !field(tenant.clientSecret)) {
      throw new CheckOptionsError("the application's credentials (ONEACCESS_CLIENT_ID, ONEACCESS_CLIENT_SECRET) must each be 1 to 256 visible ASCII characters");
    }
  }
  return { upstream, headers: options.headers ?? {}, credentials, sendSms, tenant, maxRequests, timeoutMs };
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

// A phone number as people write one: digits with spaces, ( ) - . between them and a leading + or 00, in any digit
// script or width (NFKC and \p{Nd}); E.164 allows at most 15 digits, and no real number has fewer than 5.
const PHONE = /^\+?[\p{Nd}\s().-]+$/u;
const DIGITS = /\p{Nd}/gu;

/**
 * Why credentials cannot be a real login, or undefined. A placeholder pasted literally (`ONEACCESS_MOBILE=…` from a
 * document) would be sent as the one valid login and spend the run on a request no tenant can accept. The values are
 * never quoted: they may be real.
 */
function credentialProblem({ mobile, verify_code }: { mobile: string; verify_code: string }): string | undefined {
  const problem = mobileProblem(mobile);
  if (problem) return problem;
  const code = verify_code.normalize("NFKC");
  // A code is a word of letters or digits: whitespace, control characters or none of either mean a paste went wrong.
  if (!/^[\p{L}\p{N}]+$/u.test(code) || code.length > 32) {
    return "the verify code (ONEACCESS_VERIFY_CODE) is not a code: 1 to 32 letters or digits, nothing else (was a placeholder such as … pasted?)";
  }
  return undefined;
}

/** Why a mobile is not a phone number, or undefined; never quoting it. */
function mobileProblem(mobile: string): string | undefined {
  const compact = mobile.normalize("NFKC").trim();
  const digits = compact.match(DIGITS)?.length ?? 0;
  if (!PHONE.test(compact) || digits < 5 || digits > 15) {
    return "the mobile (ONEACCESS_MOBILE) is not a phone number: 5 to 15 digits, with spaces, ( ) - . and a leading + if you like (was a placeholder such as … pasted?)";
  }
  return undefined;
}
