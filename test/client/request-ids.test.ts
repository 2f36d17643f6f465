import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { createLoginClient, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const { mobile, verify_code } = PAGE.credentials;
const URL_TAIL = ": POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code";
const withId = (response: Response, id: string) => (response.headers.set("X-Request-Id", id), response);

// A request id is the server's free choice: it is raw (`requestId`, as sent), for support, and in no view.
describe("POST /api/v2/sdk/login/mobile-verify-code: X-Request-Id", () => {
  test("a success carries the answer's request id as sent, in no view", async () => {
    const { client } = clientWith(() => withId(json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }), "abc123"));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: true, status: "SUCCESS" });
    expect(result.ok && result.requestId).toBe("abc123");
    expect(JSON.stringify(result)).not.toContain("abc123");
    expect(inspect(result, { depth: Infinity, showHidden: true })).not.toContain("abc123");
    expect(Object.keys(result)).not.toContain("requestId");
  });

  test("a success without the header has requestId undefined, and logs as before", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const result = await client.login(PAGE.credentials);
    expect(result.ok && result.requestId).toBeUndefined();
    expect(inspect(result)).not.toContain("requestId");
  });

  test.each([
    ["api", () => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." }), "OneAccess refused the login with LOGIN.0002"],
    ["http", () => new Response("busy", { status: 503 }), "OneAccess answered HTTP 503"],
    ["format", () => new Response("<html>", { status: 200 }), "OneAccess answered HTTP 200 with a body that is not JSON"],
    ["contract", () => json(200, { status: "NOPE" }), "OneAccess answered HTTP 200 with a body that breaks the contract"],
  ])("a %s error carries the request id raw, not in its message or any view", async (kind, answer, what) => {
    const { client } = clientWith(() => withId(answer(), "abc123"));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind } });
    const { error } = result as Extract<LoginResult, { ok: false }>;
    expect((error as { requestId?: string }).requestId).toBe("abc123");
    expect(error.message.startsWith(what)).toBe(true);
    expect(error.message.endsWith(URL_TAIL)).toBe(true);
    expect(JSON.stringify(result)).not.toContain("abc123");
    expect(inspect(result, { depth: Infinity })).not.toContain("abc123");
    expect(Object.keys(error)).not.toContain("requestId");
  });

  test("an error without the header has requestId undefined", async () => {
    const { client } = clientWith(() => new Response("busy", { status: 503 }));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", requestId: undefined } });
    expect(!result.ok && result.error.message).toBe(`OneAccess answered HTTP 503${URL_TAIL}`);
  });

  test("a request id echoing the credentials is shown nowhere; requestId and the raw header keep it", async () => {
    const { client } = clientWith(() => withId(json(400, { error_code: "X", error_msg: "m" }), `req-${mobile}-${verify_code}`));
    const result = await client.login(PAGE.credentials);
    expect(!result.ok && (result.error as { requestId?: string }).requestId).toBe(`req-${mobile}-${verify_code}`);
    expect(result.response?.headers.get("x-request-id")).toBe(`req-${mobile}-${verify_code}`);
    for (const view of [JSON.stringify(result), inspect(result, { depth: Infinity }), String(!result.ok && result.error)]) {
      expect(view).not.toContain(mobile);
      expect(view).not.toContain(verify_code);
    }
  });
});

describe("POST /api/v2/sdk/login/mobile-verify-code: X-Request-Id over loopback", () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  test("a real server's request id reaches the result and the error", async () => {
    let n = 0;
    const server = await localServer((res) => {
      n++;
      if (n == 1) res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "r-1" }).end('{"status":"SUCCESS","session_token":"bts******2VO","expire":604800}');
      else res.writeHead(502, { "X-Request-Id": "r-2" }).end("bad gateway");
    });
    closing.push(server.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url });
    const succeeded = await client.login(PAGE.credentials);
    expect(succeeded.ok && succeeded.requestId).toBe("r-1");
    const failed = await client.login(PAGE.credentials);
    expect(failed).toMatchObject({ ok: false, error: { kind: "http", status: 502, requestId: "r-2" } });
    expect(!failed.ok && failed.error.message).toBe(`OneAccess answered HTTP 502: POST ${server.url}/api/v2/sdk/login/mobile-verify-code`);
  });

  test("the body cap's format error carries the request id", async () => {
    const server = await localServer((res) => res.writeHead(200, { "X-Request-Id": "big-1" }).end("x".repeat(2_000)));
    closing.push(server.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, maxResponseBytes: 1_000 });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "format", requestId: "big-1" } });
  });
});
