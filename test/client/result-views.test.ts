import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { REDACTED } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

// A result logged whole (JSON.stringify, console.log) hides its secrets (logging.test.ts) and still says what happened:
// the answer's status and header names, and the body as the server sent it, tokens aside.

const viewOf = async (handler: () => Response | Promise<Response>) => {
  const { client } = clientWith(handler);
  const result = await client.login(PAGE.credentials);
  return { result, view: JSON.parse(JSON.stringify(result)) as Record<string, unknown> };
};

describe("a logged result still says what happened", () => {
  test("a success's view has the answer's status and its header names", async () => {
    const headers = { "Content-Type": "application/json", "X-Request-Id": "req-1", "Set-Cookie": "S=cookie-value" };
    const { view } = await viewOf(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }, { headers }));
    expect(view.response).toEqual({ status: 200, headers: ["content-type", "set-cookie", "x-request-id"] });
  });

  test("a failure with no answer (a network failure) has no response in its view, and its views can be made", async () => {
    const { result, view } = await viewOf(() => Promise.reject(new TypeError("fetch failed")));
    expect(view).toMatchObject({ ok: false, error: { kind: "network" } });
    expect("response" in view).toBe(false);
    expect(inspect(result)).toContain("network");
  });

  test("a success's other fields show as sent: null, booleans, numbers, nested objects and arrays", async () => {
    const body = { status: "SUCCESS", session_token: "tok-12345", expire: 7200, extra: null, flag: false, user: { name: "n" }, list: [1, true, null] };
    const { view } = await viewOf(() => json(200, body));
    expect(view.body).toEqual({ ...body, session_token: REDACTED });
  });

  test("a token of 3 characters or fewer is not hunted through the rest of the body", async () => {
    const { view } = await viewOf(() => json(200, { status: "SUCCESS", session_token: "abc", expire: 1, state_token: "abcd", note: "abc-abcd" }));
    expect(view.body).toEqual({ status: "SUCCESS", session_token: REDACTED, expire: 1, state_token: REDACTED, note: `abc-${REDACTED}` });
  });
});
