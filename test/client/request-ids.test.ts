import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { createLoginClient, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const { mobile, verify_code } = PAGE.credentials;
const URL_TAIL = ": POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code";
const withId = (response: Response, id: string) => (response.headers.set("X-Request-Id", id), response);

describe("POST /api/v2/sdk/login/mobile-verify-code: X-Request-Id", () => {
  test("a success carries the answer's request id", async () => {
    const { client } = clientWith(() => withId(json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }), "abc123"));
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "SUCCESS", requestId: "abc123" });
  });

  test("a success without the header has no requestId, and logs as before", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const result = await client.login(PAGE.credentials);
    expect(result.ok && "requestId" in result).toBe(false);
    expect(inspect(result)).not.toContain("requestId");
  });

  test.each([
    ["api", () => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." }), "OneAccess refused the login with LOGIN.0002"],
    ["http", () => new Response("busy", { status: 503 }), "OneAccess answered HTTP 503"],
    ["format", () => new Response("<html>", { status: 200 }), "OneAccess answered HTTP 200 with a body that is not JSON"],
    ["contract", () => json(200, { status: "NOPE" }), "OneAccess answered HTTP 200 with a body that breaks the contract"],
  ])("a %s error carries the request id, and quotes it in its message", async (kind, answer, what) => {
    const { client } = clientWith(() => withId(answer(), "abc123"));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind, requestId: "abc123" } });
    const { message } = (result as Extract<LoginResult, { ok: false }>).error;
    expect(message.startsWith(what)).toBe(true);
    expect(message.endsWith(` (request id abc123)${URL_TAIL}`)).toBe(true);
    expect(JSON.stringify(result)).toContain('"requestId":"abc123"');
  });

  test("an error without the header has requestId undefined and no request id in its message", async () => {
    const { client } = clientWith(() => new Response("busy", { status: 503 }));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", requestId: undefined } });
    expect(!result.ok && result.error.message).toBe(`OneAccess answered HTTP 503${URL_TAIL}`);
  });

  test("a request id echoing the credentials is shown nowhere; the raw header keeps it", async () => {
    const { client } = clientWith(() => withId(json(400, { error_code: "X", error_msg: "m" }), `req-${mobile}-${verify_code}`));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { requestId: undefined } });
    expect(result.response?.headers.get("x-request-id")).toBe(`req-${mobile}-${verify_code}`);
    for (const view of [JSON.stringify(result), inspect(result, { depth: Infinity }), String(!result.ok && result.error)]) {
      expect(view).not.toContain(mobile);
      expect(view).not.toContain(verify_code);
    }
  });

  test.each([
    ["the code", `id-${verify_code}`],
    ["the session token", "sess-9f8e7d6c5b4a"],
    ["the session cookie", "cookie-7a6b5c4d"],
    ["a space (not of a request id's shape)", "id 1"],
    ["the mobile number's national digits after a country prefix", `86${mobile}`],
  ])("a success's request id holding %s is left out", async (_what, id) => {
    const answer = json(200, { status: "SUCCESS", session_token: "sess-9f8e7d6c5b4a", expire: 604800 }, { headers: { "Set-Cookie": "S=cookie-7a6b5c4d; Path=/" } });
    const { client } = clientWith(() => withId(answer, id));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.requestId).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain("requestId");
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
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, requestId: "r-1" });
    const failed = await client.login(PAGE.credentials);
    expect(failed).toMatchObject({ ok: false, error: { kind: "http", status: 502, requestId: "r-2" } });
    expect(!failed.ok && failed.error.message).toContain(`(request id r-2): POST ${server.url}`);
  });

  test("the body cap's format error carries the request id", async () => {
    const server = await localServer((res) => res.writeHead(200, { "X-Request-Id": "big-1" }).end("x".repeat(2_000)));
    closing.push(server.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, maxResponseBytes: 1_000 });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "format", requestId: "big-1" } });
  });
});
