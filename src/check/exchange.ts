import { readAnswerBody, type AnswerBody } from "./answer-body.js";
import type { Probe } from "./probes.js";
import { transportCode } from "../contract/view-rule.js";

/** A probe's answer: status and headers always; the body as far as it could be read (see `unreadable`). */
export interface Answer extends AnswerBody {
  readonly status: number;
  readonly headers: Headers;
}

/** One request sent and what came of it: an answer, or why there was none (in the package's words, see noAnswer). */
export type Exchange = { readonly probe: Probe } & ({ readonly answer: Answer } | { readonly answer?: undefined; readonly error: string });

// An error's message is not shown: it can quote what the server sent (a certificate's names, say). Its code is, when
// it is on the view rule's fixed list of Node's, undici's and TLS's codes.
// Deep enough for fetch's TypeError, undici's error and the socket's; a cycle or a deeper chain is cut here.
const DEPTH = 4;

/**
 * Why a request got no answer, built only from a transport error code of the fixed list and the timeout. "No
 * readable answer": a server may have answered something HTTP cannot read (a status line below 100, headers over
 * 16 KiB), which fetch reports as a failure like a refused connection.
 */
export function noAnswer(cause: unknown, timeoutMs: number): string {
  let link: unknown = cause;
  try {
    for (let depth = 0; depth <= DEPTH && link instanceof Error; depth++, link = link.cause) {
      if (link.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
      // undici's refusal of a port the Fetch standard blocks (9, 25, 6000, …): a fixed message with no code.
      if (link.message === "bad port") return "not sent: fetch refuses this port (the Fetch standard's bad ports)";
      const { code } = link as { code?: unknown };
      if (transportCode(code)) return `no readable answer (${code})`;
    }
  } catch {
    // A getter that throws: nothing more can be read of the error.
  }
  return "no readable answer (the connection failed)";
}

/**
 * Sends a probe once: never retried, never redirected (a retried or re-posted login can use up a one-time code, and a
 * re-sent code request another SMS).
 */
export async function send(upstream: string, probe: Probe, timeoutMs: number): Promise<Exchange> {
  try {
    const response = await fetch(`${upstream}${probe.operation.path}`, {
      method: probe.operation.method,
      headers: probe.headers,
      body: probe.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read once: a fetch other than Node's (MSW, a test's stub) may return any object, so only an HTTP status is
    // judged and shown; anything else is no readable answer.
    const { status } = response;
    if (!(Number.isInteger(status) && status >= 0 && status < 1000)) throw new TypeError();
    // The status and headers are known before the body: an oversized body still leaves them to judge.
    return { probe, answer: { status, headers: response.headers, ...(await readAnswerBody(response.body)) } };
  } catch (cause) {
    return { probe, error: noAnswer(cause, timeoutMs) };
  }
}
