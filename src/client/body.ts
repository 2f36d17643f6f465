/** Default cap on an answer's body: the contract's answers are a few hundred bytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 65_536;

/** Thrown by readBody past the cap; the client turns it into a ResponseFormatError. */
export class TooLarge {
  constructor(readonly response: Response) {}
}

// Shared: decode() without { stream: true } is synchronous and keeps no state between calls.
const decoder = new TextDecoder();

/**
 * Reads a body stream's bytes, at most `max`: past that it cancels the stream (fetch then drops the connection) and
 * returns undefined, so a huge or endless answer costs no more memory than the cap. Shared with the contract check.
 */
export async function readBytes(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // Fetch's streams yield Uint8Arrays; a custom fetch's may yield an ArrayBuffer or another view of the same bytes.
    // Anything else is not a body's bytes: a TypeError, as fetch's own reading throws, and the stream is let go.
    const chunk: unknown = value;
    const bytes = ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : undefined;
    if (!bytes || (size += bytes.byteLength) > max) {
      reader.cancel().catch(() => {});
      if (bytes) return undefined;
      throw new TypeError(); // no view shows a cause's message
    }
    chunks.push(bytes);
  }
  // The usual answer is one chunk: used as is, with no copy.
  if (chunks.length == 1) return chunks[0];
  const all = new Uint8Array(size);
  chunks.reduce((at, chunk) => (all.set(chunk, at), at + chunk.byteLength), 0);
  return all;
}

/** Reads a body stream as UTF-8 text, at most `max` bytes (see readBytes); past that throws TooLarge. */
export async function readBody(body: ReadableStream<Uint8Array> | null | undefined, max: number, response: Response): Promise<string> {
  if (!body) return "";
  const bytes = await readBytes(body, max);
  if (!bytes) throw new TooLarge(response);
  return decoder.decode(bytes);
}
