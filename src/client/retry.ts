import { ownData } from "./input.js";
import type { LoginResult } from "./result.js";

/** Retries a login may make: opt-in, and only where the code provably never reached OneAccess. */
export interface RetryOptions {
  /** Further attempts at most, 0 to 5 (default 0: no retry). */
  retries?: number;
  /** Also retry a 429 or 503 that carries `Retry-After`, waiting as long as it asks (default false). */
  onRetryAfter?: boolean;
  /** Longest `Retry-After` wait honoured, 0 to 60 000 ms (default 10 000); a longer one is not retried. */
  maxRetryAfterMs?: number;
}

/** What a retry option must be; one message for any part of it that is not. */
const RULE = "retry must be { retries?: 0 to 5, onRetryAfter?: boolean, maxRetryAfterMs?: 0 to 60000 }";

/** A retry option read as own data over `base` (a call's over the client's), and the problems with the result. */
export function readRetry(value: unknown, base?: RetryOptions): [RetryOptions, string[]] {
  const given = ownData(value ?? {});
  const retry: RetryOptions = { ...base, ...(given as RetryOptions) };
  const { retries = 0, onRetryAfter = false, maxRetryAfterMs = 0 } = retry;
  const ok =
    typeof given == "object" &&
    [0, 1, 2, 3, 4, 5].includes(retries) &&
    typeof onRetryAfter == "boolean" &&
    typeof maxRetryAfterMs == "number" &&
    maxRetryAfterMs >= 0 &&
    maxRetryAfterMs <= 60_000;
  return [retry, ok ? [] : [RULE]];
}

// Failures that happen before a byte of the request is written: name resolution, a refused connection, a connect
// timeout, a certificate the TLS handshake refused. Anything else (a reset, a socket closed mid-answer, a timeout)
// may come after OneAccess read the code, and a retry could burn it.
// Node and undici codes: ENOTFOUND, EAI_AGAIN, EREFUSED (DNS), ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, and the
// certificate checks (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ...).
const NEVER_SENT = /NOTFOUND|AI_AGAIN|REFUSED|CONNECT_TIMEOUT|CERT|UNABLE_TO_VERIFY/;

/** True when the first `code` in a fetch error's cause chain says the request was never sent. */
export function neverSent(cause: unknown): boolean {
  try {
    for (let link = cause as { code?: unknown; cause?: unknown } | undefined, depth = 0; link && depth < 5; link = link.cause as typeof link, depth++) {
      if (typeof link.code == "string") return NEVER_SENT.test(link.code);
    }
  } catch {
    // A getter that throws: nothing proves the request was not sent.
  }
  return false;
}

// RFC 9110's HTTP-date: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), and the obsolete RFC 850 ("Sunday,
// 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994") forms it requires recipients to accept.
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (\w{3}) (\d{4})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d\d)-(\w{3})-(\d\d)) ([\d:]{8}) GMT$|^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\w{3}) ([ \d]\d) ([\d:]{8}) (\d{4})$/;
const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/** An HTTP-date's time in ms since the epoch, or NaN when it is none of RFC 9110's three forms. */
function httpDate(value: string): number {
  const [, d1, m1, y1, d2, m2, y2, t1, m3, d3, t3, y3] = HTTP_DATE.exec(value) ?? [];
  // 101 to 112 for a month name: its last two digits are the ISO month.
  const month = MONTHS.indexOf((m1 ?? m2 ?? m3)!) / 3 + 101;
  let year = Number(y1 ?? y3 ?? y2);
  // A two-digit year is the nearest one ending so that is not more than 50 years ahead (RFC 9110).
  if (y2) {
    const now = new Date().getUTCFullYear();
    year += now - (now % 100);
    if (year > now + 50) year -= 100;
  }
  // asctime's day is space-padded (" 6"). No match, or a name that is no month, gives a fraction: NaN.
  return month % 1 ? NaN : Date.parse(`${year}-${String(month).slice(1)}-${(d1 ?? d2 ?? d3)!.replace(" ", "0")}T${t1 ?? t3}Z`);
}

/** Milliseconds a `Retry-After` value asks for: delay-seconds or an HTTP-date, else (any other text) undefined. */
export function retryAfterMs(value: string | null): number | undefined {
  const ms = value == null ? NaN : /^\d+$/.test(value) ? Number(value) * 1000 : Math.max(0, httpDate(value) - Date.now());
  return Number.isNaN(ms) ? undefined : ms;
}

/** Resolves after `ms`, or at once when signal aborts. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Runs `attempt` again while its failure provably never reached the server (with a short backoff), or, when
 * `maxAfter` >= 0, while it was answered 429/503 with a Retry-After of at most `maxAfter` ms; at most `retries` more
 * times, and never when the wait would pass `deadline` (the call's timeout) or once `signal` aborted.
 */
export async function retrying(attempt: () => Promise<LoginResult>, retries: number, maxAfter: number, deadline: number, signal: AbortSignal) {
  for (let tries = 0; ; tries++) {
    let result: LoginResult | undefined;
    let failed: unknown;
    let wait = -1;
    try {
      result = await attempt();
      const after = !result.ok && result.error.kind == "http" ? result.error.retryAfter : undefined;
      if (after !== undefined && after <= maxAfter) wait = after;
    } catch (cause) {
      failed = cause;
      if (neverSent(cause)) wait = 100 * 2 ** tries;
    }
    if (wait < 0 || tries >= retries || Date.now() + wait >= deadline || signal.aborted) {
      if (result) return result;
      throw failed;
    }
    await sleep(wait, signal);
    // The call has ended (timeout or the caller's abort): nothing more is sent.
    if (signal.aborted) throw failed ?? signal.reason;
  }
}
