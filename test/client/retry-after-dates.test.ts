// Retry-After read as RFC 9110 says, to the millisecond, on a clock the test sets: delay-seconds, IMF-fixdate and the
// two obsolete forms a recipient must accept (RFC 850 with its two-digit year, asctime with its space-padded day).
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createLoginClient, ConfigError } from "../../src/index.js";
import { retryAfterMs } from "../../src/client/retry.js";
import { PAGE } from "../helpers/client.js";

// Saturday 5 December 2026, 12:00:00 UTC.
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

describe("retryAfterMs on a fixed clock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test.each([
    ["IMF-fixdate", "Sat, 05 Dec 2026 12:00:10 GMT", 10_000],
    ["RFC 850", "Saturday, 05-Dec-26 12:00:10 GMT", 10_000],
    ["asctime, a one-digit day padded with a space", "Sat Dec  5 12:00:10 2026", 10_000],
    ["asctime, a two-digit day", "Tue Dec 15 12:00:00 2026", 10 * 86_400_000],
    ["IMF-fixdate in January", "Fri, 01 Jan 2027 12:00:00 GMT", 27 * 86_400_000],
    ["delay-seconds", "7", 7_000],
    ["a past date", "Sun, 06 Nov 1994 08:49:37 GMT", 0],
  ])("%s: %j is %d ms", (_form, value, ms) => {
    expect(retryAfterMs(value)).toBe(ms);
  });

  test("RFC 850's two-digit year is the nearest one at most 50 years ahead: 76 is 2076, 77 is 1977", () => {
    expect(retryAfterMs("Saturday, 05-Dec-76 12:00:00 GMT")).toBe(Date.UTC(2076, 11, 5, 12) - NOW);
    expect(retryAfterMs("Sunday, 05-Dec-77 12:00:00 GMT")).toBe(0);
    expect(retryAfterMs("Friday, 05-Dec-25 12:00:00 GMT")).toBe(0);
  });

  test.each([
    "Sat, 05 Dec 2026 12:00:10 GMTx",
    "xSat, 05 Dec 2026 12:00:10 GMT",
    "Saturday, 05-Dec-26 12:00:10 GMT ",
    "Sat Dec  5 12:00:10 2026x",
    "xSat Dec  5 12:00:10 2026",
    "Sat, 05 Dec 20266 12:00:10 GMT",
    "Saturday, 05-Dec-026 12:00:10 GMT",
    "Sat, 05 Foo 2026 12:00:10 GMT",
    "Sat, 05 ecJ 2026 12:00:10 GMT",
    "Sat, 05 Dec 2026 12:00 GMT",
  ])("%j is none of the three forms: undefined", (value) => {
    expect(retryAfterMs(value)).toBeUndefined();
  });

  test("no header is undefined", () => {
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

test("a negative maxRetryAfterMs is refused", () => {
  expect(() => createLoginClient({ ...PAGE.options, retry: { onRetryAfter: true, maxRetryAfterMs: -1 } })).toThrow(ConfigError);
});
