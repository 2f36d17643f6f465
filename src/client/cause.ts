// Kept only for src/check (verify), which imports it until its own rewrite lands; the client builds its causes in
// safe-cause.ts. To be removed with that rewrite.
import type { Redactor } from "./redact.js";

/** One link of a sanitized cause chain: what a logger may print of a transport error. */
interface SafeCause extends Error {
  code?: string;
}

// Deep enough for fetch's TypeError, undici's error and the socket's; a cycle or a deeper chain is cut here.
const DEPTH = 4;

/**
 * A copy of `cause` and its causes keeping only name, redacted message and a plain `code` ("ECONNREFUSED"): raw
 * replies (undici keeps them on `data`), request bodies and anything else an error may carry are left behind.
 */
export function safeCause(cause: unknown, redact: Redactor, depth = 0): SafeCause {
  let safe: SafeCause;
  try {
    const isError = cause instanceof Error;
    const { name = "Error", code, cause: next } = (isError ? cause : {}) as Partial<SafeCause>;
    safe = new Error(redact(String(isError ? cause.message : cause)));
    safe.name = redact(String(name));
    if (typeof code == "string" && /^\w+$/.test(code)) safe.code = redact(code);
    if (next !== undefined && depth < DEPTH) safe.cause = safeCause(next, redact, depth + 1);
  } catch {
    // A getter or toString that throws: the error cannot be read, so nothing of it is kept.
    safe = new Error("unreadable error");
  }
  return safe;
}

/** The chain's messages in one line, for a NetworkError's message: "fetch failed: connect ECONNREFUSED …". */
export function reasonOf(cause: Error): string {
  const inner = cause.cause as Error | undefined;
  return inner ? `${cause.message}: ${inner.message}` : cause.message;
}
