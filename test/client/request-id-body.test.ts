// A 200's X-Request-Id is shown only when it holds none of the answer body's strings: the server may send a token in
// the body and the same value as its request id. Every string of the body counts, wherever it sits: at the top, nested
// in an object or array, or as the whole body (a bare JSON string), and whether the body wrote it with escapes or not.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { clientWith, PAGE } from "../helpers/client.js";

const TOKEN = "tok-Q7x9Zb2LmK4pW8rT";
const views = (value: unknown) => [JSON.stringify(value), String(value), inspect(value, { depth: Infinity, showHidden: true, getters: true })];
const views2 = (result: { ok: boolean; error?: unknown }) => [...views(result), ...(result.ok ? [] : views(result.error))].join("\n");

const answer = (text: string) => () =>
  new Response(text, { status: 200, headers: { "Content-Type": "application/json", "X-Request-Id": TOKEN } });

describe("a 200's request id equal to a string of its body is not shown", () => {
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

  test("a body nested 20,000 levels deep or holding 100,000 strings is searched without a RangeError", async () => {
    const deep = `${"[".repeat(20_000)}${JSON.stringify(TOKEN)}${"]".repeat(20_000)}`;
    const wide = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => (i == 99_999 ? TOKEN : "x")));
    for (const text of [deep, wide]) {
      const { client } = clientWith(answer(text), { maxResponseBytes: 4_000_000 });
      const result = await client.login(PAGE.credentials);
      expect(views2(result)).not.toContain(TOKEN);
    }
  });

  test("an id that is in no string of the body is still shown (the rule is not: never show)", async () => {
    const { client } = clientWith(answer(JSON.stringify({ status: "SUCCESS", session_token: "s-1", expire: 60, extra: { t: "other" } })));
    expect(views2(await client.login(PAGE.credentials))).toContain(TOKEN);
  });
});

test("an array's indexes are not among the body's strings: a request id \"1\" beside a two-item list is shown", async () => {
  const body = JSON.stringify({ status: "SUCCESS", session_token: "s-1", expire: 60, list: ["a", "b"] });
  const { client } = clientWith(() => new Response(body, { status: 200, headers: { "Content-Type": "application/json", "X-Request-Id": "1" } }));
  expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, requestId: "1" });
});
