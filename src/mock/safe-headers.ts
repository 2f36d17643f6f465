import type { ServerResponse } from "node:http";
import { violationsHeader, type SlViolation } from "../contract/sl-violations.js";

export { asciiJson } from "../contract/sl-violations.js";

// Node refuses header values with characters above U+00FF or control characters, and throws from setHeader:
// Prism's own server dies of it (stoplightio/prism issue 1934). Everything the mock writes goes through here.

/** Sets `sl-violations` as Prism does, but always as a valid header and always JSON (bounded as the in-process mock's). */
export function setViolations(res: ServerResponse, violations: readonly SlViolation[]): void {
  if (violations.length === 0) return;
  res.setHeader("sl-violations", violationsHeader(violations));
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
