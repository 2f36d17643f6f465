// A server may send a token in the body and the same value as its X-Request-Id. No view shows a request id, so it
// shows in none, wherever the body holds it: at the top, nested in an object or array, or as the whole body (a bare
// JSON string), written with escapes or not, and however deep or wide the body is.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { clientWith, PAGE } from "../helpers/client.js";

const TOKEN = "tok-Q7x9Zb2LmK4pW8rT";
const views = (value: unknown) => [JSON.stringify(value), String(value), inspect(value, { depth: Infinity, showHidden: true, getters: true })];
const views2 = (result: { ok: boolean; error?: unknown }) => [...views(result), ...(result.ok ? [] : views(result.error))].join("\n");

const answer = (text: string) => () =>
  new Response(text, { status: 200, headers: { "Content-Type": "application/json", "X-Request-Id": TOKEN } });

describe("a 200's request id equal to a string of its body is in no view", () => {
  test.each([
    ["the whole body is that string", JSON.stringify(TOKEN)],
    ["nested in an object the contract does not know", JSON.stringify({ status: "SUCCESS", session_token: "s-1", expire: 60, extra: { t: TOKEN } })],
    ["in an array", JSON.stringify({ status: "SUCCESS", session_token: "s-1", expire: 60, list: [1, [TOKEN]] })],
    ["written with JSON escapes", `{"status":"SUCCESS","session_token":"s-1","expire":60,"x":{"y":"${[...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"}}`],
  ])("%s", async (_, text) => {
    const { client } = clientWith(answer(text));
    const result = await client.login(PAGE.credentials);
    expect(views2(result)).not.toContain(TOKEN);
  });

  test("a body nested 20,000 levels deep or holding 100,000 strings logs without a RangeError", async () => {
    const deep = `${"[".repeat(20_000)}${JSON.stringify(TOKEN)}${"]".repeat(20_000)}`;
    const wide = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => (i == 99_999 ? TOKEN : "x")));
    for (const text of [deep, wide]) {
      const { client } = clientWith(answer(text), { maxResponseBytes: 4_000_000 });
      const result = await client.login(PAGE.credentials);
      expect(views2(result)).not.toContain(TOKEN);
    }
  });
});
