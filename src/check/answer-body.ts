import { readBytes } from "../client/body.js";

/** The most of one answer's body the check reads: the contract's answers are a few hundred bytes. */
export const MAX_ANSWER_BYTES = 65_536;

// Strict, unlike the client's: a lenient decoder turns bytes that are not UTF-8 into U+FFFD and drops a leading byte
// order mark, and the answer would then pass although RFC 8259 requires UTF-8 and forbids the mark.
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * An answer's body as the checks see it. Its text is for judging only (duplicate member names): no view quotes it.
 */
export interface AnswerBody {
  /** The body as text when it is UTF-8; empty when it was not read or is not UTF-8. */
  readonly text: string;
  /** The body parsed as JSON; undefined when it is not JSON text. */
  readonly json: unknown;
  /** Bytes read; undefined when the body was larger than {@link MAX_ANSWER_BYTES} and not read. */
  readonly size: number | undefined;
  /** Why the body is not JSON text a check can judge, in the package's words: too large, not UTF-8, a byte order mark. */
  readonly unreadable?: string;
}

/**
 * Reads a body up to the cap and judges its encoding. Past the cap it cancels the stream (fetch then drops the
 * connection), so an endless or enormous answer (a gzip bomb) costs no more memory than the cap.
 */
export async function readAnswerBody(body: ReadableStream<Uint8Array> | null): Promise<AnswerBody> {
  if (!body) return { text: "", json: undefined, size: 0 };
  const bytes = await readBytes(body, MAX_ANSWER_BYTES);
  if (!bytes) return { text: "", json: undefined, size: undefined, unreadable: `the body is larger than ${MAX_ANSWER_BYTES} bytes, not read` };
  const size = bytes.byteLength;
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { text: "", json: undefined, size, unreadable: "the body is not valid UTF-8" };
  }
  if (text.startsWith("\uFEFF")) return { text, json: undefined, size, unreadable: "the body starts with a byte order mark, which JSON text must not" };
  try {
    return { text, json: JSON.parse(text), size };
  } catch {
    // Not JSON: the checks that need JSON say so.
    return { text, json: undefined, size };
  }
}
