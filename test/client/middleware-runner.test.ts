// send(): the client's own runner of openapi-fetch middleware (src/client/pipeline/send.ts), held to openapi-fetch's
// rules: onRequest in order, onError and onResponse in reverse order, each hook optional, and what a hook may return
// (anything else is refused with openapi-fetch's own sentence).
import type { Middleware } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { send, type HookContext } from "../../src/client/pipeline/send.js";

const context: HookContext = { schemaPath: "/p", params: { header: {} }, options: { baseUrl: "https://tenant.example.test" }, id: "" };
const request = () => new Request("https://tenant.example.test/p");
const ok = () => new Response("fetched", { status: 200 });
const refused = new TypeError("fetch failed");
const failing = async (): Promise<Response> => {
  throw refused;
};

describe("send() runs middleware as openapi-fetch does", () => {
  test("onResponse runs in reverse order, each seeing the answer the one after it returned", async () => {
    const seen: string[] = [];
    const tagging = (name: string): Middleware => ({
      async onResponse({ response }) {
        seen.push(`${name} saw ${await response.clone().text()}`);
        return new Response(name);
      },
    });
    const response = await send([tagging("outer"), tagging("inner")], async () => ok(), request(), {}, context);
    expect(seen).toEqual(["inner saw fetched", "outer saw inner"]);
    expect(await response.text()).toBe("outer");
  });

  test("a Response returned by onResponse replaces the answer; nothing returned keeps it", async () => {
    const replaced = new Response("replaced");
    const response = await send([{ onResponse: () => undefined }, { onResponse: () => replaced }], async () => ok(), request(), {}, context);
    expect(response).toBe(replaced);
  });

  test("onRequest returning anything but a Request or a Response is refused with openapi-fetch's sentence", async () => {
    await expect(send([{ onRequest: () => ({}) as never }], async () => ok(), request(), {}, context)).rejects.toThrow(
      new Error("onRequest: must return new Request() or Response() when modifying the request"),
    );
  });

  test("onResponse returning anything but a Response is refused with openapi-fetch's sentence", async () => {
    await expect(send([{ onResponse: () => ({}) as never }], async () => ok(), request(), {}, context)).rejects.toThrow(
      new Error("onResponse: must return new Response() when modifying the response"),
    );
  });

  test("onError returning anything but a Response or an Error is refused with openapi-fetch's sentence", async () => {
    await expect(send([{ onError: () => ({}) as never }], failing, request(), {}, context)).rejects.toThrow(
      new Error("onError: must return new Response() or instance of Error when modifying the error"),
    );
  });

  test("when fetch throws, a middleware without onError is passed over and fetch's error is what rejects", async () => {
    await expect(send([{ onRequest: () => undefined }], failing, request(), {}, context)).rejects.toBe(refused);
  });

  test("when fetch throws and no onError answers, the error rejects (each onError seeing it, innermost first)", async () => {
    const seen: string[] = [];
    const watching = (name: string): Middleware => ({
      onError: ({ error }) => void seen.push(`${name}: ${(error as Error).message}`),
    });
    await expect(send([watching("outer"), watching("inner")], failing, request(), {}, context)).rejects.toBe(refused);
    expect(seen).toEqual(["inner: fetch failed", "outer: fetch failed"]);
  });

  test("an Error returned by onError replaces the one passed on and rejected with", async () => {
    const replaced = new Error("replaced");
    const seen: unknown[] = [];
    const result = send([{ onError: ({ error }) => void seen.push(error) }, { onError: () => replaced }], failing, request(), {}, context);
    await expect(result).rejects.toBe(replaced);
    expect(seen).toEqual([replaced]);
  });

  test("a Response returned by an outer onError, after an inner one returned nothing, is the answer onResponse sees", async () => {
    const rescued = new Response("rescued");
    const seen: Response[] = [];
    const response = await send(
      [{ onError: () => rescued, onResponse: ({ response }) => void seen.push(response) }, { onError: () => undefined }],
      failing,
      request(),
      {},
      context,
    );
    expect(response).toBe(rescued);
    expect(seen).toEqual([rescued]);
  });
});
