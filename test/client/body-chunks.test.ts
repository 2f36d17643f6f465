// A custom fetch's body stream may yield its bytes as ArrayBuffers or other views instead of Uint8Arrays: the client
// reads the same bytes however they are split, one chunk or many (it once read one ArrayBuffer chunk and zeroed two).
import { describe, expect, test } from "vitest";
import { clientWith, PAGE } from "../helpers/client.js";

const BODY = JSON.stringify({ status: "SUCCESS", session_token: "st-1", expire: 60 });

/** A 200 whose body stream yields `parts` of BODY, each made into a chunk by `as`. */
function answer(parts: number, as: (bytes: Uint8Array) => unknown) {
  const bytes = new TextEncoder().encode(BODY);
  const size = Math.ceil(bytes.length / parts);
  const stream = new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(as(bytes.slice(at, at + size)));
      controller.close();
    },
  });
  return () => new Response(stream as ReadableStream<Uint8Array>, { status: 200, headers: { "Content-Type": "application/json" } });
}

describe("a body's chunks", () => {
  test.each([
    ["Uint8Array", (b: Uint8Array) => b],
    ["ArrayBuffer", (b: Uint8Array) => b.buffer],
    ["DataView", (b: Uint8Array) => new DataView(b.buffer)],
  ])("as %s, in one chunk or three, read as the same body", async (_, as) => {
    for (const parts of [1, 3]) {
      const { client } = clientWith(answer(parts, as));
      const result = await client.login(PAGE.credentials);
      expect(result).toMatchObject({ ok: true, status: "SUCCESS" });
    }
  });

  test("a chunk that is not bytes (a string) ends as a typed failure, not a rejection", async () => {
    const { client } = clientWith(answer(2, (b) => new TextDecoder().decode(b)));
    const result = await client.login(PAGE.credentials);
    // As fetch's own reading of such a stream fails: a network failure with a TypeError cause, not an answer too large.
    expect(result).toMatchObject({ ok: false, error: { kind: "network", cause: { name: "TypeError" } } });
  });

  test("a chunk that is not bytes lets the stream go: the source is cancelled, as when a body passes the cap", async () => {
    let cancelled = false;
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue("not bytes");
      },
      cancel() {
        cancelled = true;
      },
    });
    const { client } = clientWith(() => new Response(stream as ReadableStream<Uint8Array>, { status: 200, headers: { "Content-Type": "application/json" } }));
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "network" } });
    expect(cancelled).toBe(true);
  });
});
