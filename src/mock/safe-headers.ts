import type { ServerResponse } from "node:http";

// Node refuses header values with characters above U+00FF or control characters, and throws from setHeader:
// Prism's own server dies of it (stoplightio/prism issue 1934). Everything the mock writes goes through here.

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/g;

/** JSON whose every character outside printable ASCII is \u-escaped: always a valid header value, and still JSON. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_PRINTABLE_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Prism's limit for the sl-violations header, kept so long lists are cut where Prism cuts them. */
const MAX_SAFE_HEADER_LENGTH = 8 * 1024 - 100;

/** Sets `sl-violations` as Prism does, but always as a valid header. */
export function setViolations(res: ServerResponse, violations: readonly unknown[]): void {
  if (violations.length === 0) return;
  let value = asciiJson(violations);
  if (value.length > MAX_SAFE_HEADER_LENGTH) value = `Too many violations! ${value.substring(0, MAX_SAFE_HEADER_LENGTH)}`;
  res.setHeader("sl-violations", value);
}

/** Sets a header the engine produced; one Node refuses is dropped and named in the returned message instead of killing the answer. */
export function trySetHeader(res: ServerResponse, name: string, value: string | number | readonly string[]): string | undefined {
  try {
    res.setHeader(name, value);
    return undefined;
  } catch (error) {
    return `dropped response header ${JSON.stringify(name)}: ${(error as Error).message}`;
  }
}
