import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { clientWith, json, PAGE } from "../helpers/client.js";

// A result logged whole (JSON.stringify, console.log) hides its secrets (logging.test.ts) and still says what happened:
// the answer's status and the names of the documented body fields present; the raw body and response stay readable.

const viewOf = async (handler: () => Response | Promise<Response>) => {
  const { client } = clientWith(handler);
  const result = await client.login(PAGE.credentials);
  return { result, view: JSON.parse(JSON.stringify(result)) as Record<string, unknown> };
};

describe("a logged result still says what happened", () => {
  test("a success's view has ok, status, the answer's status and the documented fields present (no request id)", async () => {
    const headers = { "Content-Type": "application/json", "X-Request-Id": "req-0001", "Set-Cookie": "S=cookie-value" };
    const { view } = await viewOf(() => json(200, { status: "SUCCESS", session_token: "t", expire: 1 }, { headers }));
    expect(view).toEqual({ ok: true, status: "SUCCESS", response: { status: 200 }, fields: ["status", "session_token", "expire"] });
  });

  test("a failure with no answer (a network failure) has no response in its view, and its views can be made", async () => {
    const { result, view } = await viewOf(() => Promise.reject(new TypeError("fetch failed")));
    expect(view).toMatchObject({ ok: false, error: { kind: "network" } });
    expect("response" in view).toBe(false);
    expect(inspect(result)).toContain("network");
  });

  test("a success's other fields and header names are not in its view, but the raw body and response keep them", async () => {
    const body = { status: "SUCCESS", session_token: "tok-12345", expire: 7200, extra: null, flag: false, user: { name: "n" }, list: [1, true, null] };
    const { result, view } = await viewOf(() => json(200, body, { headers: { "X-tok-12345": "1" } }));
    expect(view.fields).toEqual(["status", "session_token", "expire"]);
    expect(JSON.stringify(view)).not.toMatch(/tok-12345|7200|extra|user|list/);
    expect(result.ok && result.body).toEqual(body);
    expect(result.response?.headers.get("x-tok-12345")).toBe("1");
  });

  test("a result behind a Proxy (a framework's reactive state) can still be logged, and still hides the body", async () => {
    const { result } = await viewOf(() => json(200, { status: "SUCCESS", session_token: "tok-12345", expire: 1 }));
    const wrapped = new Proxy(result, {});
    expect(JSON.parse(JSON.stringify(wrapped))).toMatchObject({ ok: true, status: "SUCCESS", response: { status: 200 } });
    expect(JSON.stringify(wrapped)).not.toContain("tok-12345");
    expect(inspect(wrapped)).not.toContain("tok-12345");
    // The raw request id is out of a Proxy's reach, but reading it does not throw.
    expect(wrapped.ok && wrapped.requestId).toBeUndefined();
  });

  test("body and response are not enumerable: a spread or Object.keys leaves them behind", async () => {
    const { result } = await viewOf(() => json(200, { status: "SUCCESS", session_token: "tok-12345", expire: 1 }));
    expect(Object.keys(result)).toEqual(["ok", "status"]);
    expect(JSON.stringify({ ...result })).not.toContain("tok-12345");
  });
});
