import { LOGIN_PATH } from "../client/constants.js";
import { reasonOf, safeCause } from "../client/cause.js";
import type { Redactor } from "../client/redact.js";
import { readAnswerBody, type AnswerBody } from "./answer-body.js";
import type { Probe } from "./probes.js";

/** A probe's answer: status and headers always; the body as far as it could be read (see `unreadable`). */
export interface Answer extends AnswerBody {
  readonly status: number;
  readonly headers: Headers;
}

/** One request sent and what came of it: an answer, or why there was none (redacted). */
export type Exchange = { readonly probe: Probe } & ({ readonly answer: Answer } | { readonly answer?: undefined; readonly error: string });

/** Sends a probe once: never retried, never redirected (a retried or re-posted login can use up a one-time code). */
export async function send(upstream: string, probe: Probe, timeoutMs: number, redact: Redactor): Promise<Exchange> {
  try {
    const response = await fetch(`${upstream}${LOGIN_PATH}`, {
      method: "POST",
      headers: probe.headers,
      body: probe.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The status and headers are known before the body: an oversized body still leaves them to judge.
    return { probe, answer: { status: response.status, headers: response.headers, ...(await readAnswerBody(response.body)) } };
  } catch (cause) {
    return { probe, error: `no answer: ${reasonOf(safeCause(cause, redact))}` };
  }
}
