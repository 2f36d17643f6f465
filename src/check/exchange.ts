import { readBody, TooLarge } from "../client/body.js";
import { LOGIN_PATH } from "../client/constants.js";
import { reasonOf, safeCause } from "../client/cause.js";
import type { Redactor } from "../client/redact.js";
import type { Probe } from "./probes.js";

/** The most of one answer's body the check reads: the contract's answers are a few hundred bytes. */
export const MAX_ANSWER_BYTES = 65_536;

/** A probe and the server's answer to it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The body as text. */
  readonly text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  readonly json: unknown;
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
    // Read up to a cap, as the client does: an endless or enormous answer (a gzip bomb) cannot fill memory.
    const text = await readBody(response.body, MAX_ANSWER_BYTES, response);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: the checks that need JSON say so.
    }
    return { probe, answer: { status: response.status, headers: response.headers, text, json } };
  } catch (cause) {
    if (cause instanceof TooLarge) return { probe, error: `no usable answer: its body is larger than ${MAX_ANSWER_BYTES} bytes` };
    return { probe, error: `no answer: ${reasonOf(safeCause(cause, redact))}` };
  }
}
