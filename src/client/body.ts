/** Default cap on an answer's body: the contract's answers are a few hundred bytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 65_536;

/** Thrown by readBody past the cap; the client turns it into a ResponseFormatError. */
export class TooLarge {
  constructor(readonly response: Response) {}
}

// Shared: decode() without { stream: true } is synchronous and keeps no state between calls.
const decoder = new TextDecoder();

/**
 * Reads a body stream as UTF-8 text, at most `max` bytes: past that it cancels the stream (fetch then drops the
 * connection) and throws TooLarge, so a huge or endless answer costs no more memory than the cap.
 */
export async function readBody(body: ReadableStream<Uint8Array> | null | undefined, max: number, response: Response): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw new TooLarge(response);
    }
    chunks.push(value);
  }
  // The usual answer is one chunk: decoded as is, with no copy.
  if (chunks.length == 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  chunks.reduce((at, chunk) => (all.set(chunk, at), at + chunk.byteLength), 0);
  return decoder.decode(all);
}
