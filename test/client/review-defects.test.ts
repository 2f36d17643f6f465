// Issue 21's defects of the client, each reproduced first: deep bodies, redirected answers, out-of-range statuses and
// reason phrases, Retry-After forms, unusable domains and ports, and a browser's opaque redirect.
import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const deep = (levels: number, leaf: unknown = 1) => "[".repeat(levels) + JSON.stringify(leaf) + "]".repeat(levels);
const errorOf = (result: LoginResult) => (result.ok ? undefined : result.error);

describe("defect 1: a deeply nested body", () => {
  test("a 200 whose unknown field nests 2,500 levels logs without throwing", async () => {
    const { client } = clientWith(() => new Response(`{"status":"SUCCESS","session_token":"t","expire":600,"x":${deep(2500)}}`, { status: 200 }));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: true, status: "SUCCESS" });
    expect(() => inspect(result, { depth: Infinity })).not.toThrow();
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  test("such a body breaking the contract is a contract failure, not network, and its views can be made", async () => {
    const { client } = clientWith(() => new Response(`{"status":"NOPE","x":${deep(2500)}}`, { status: 200 }));
    const result = await client.login(PAGE.credentials);
    expect(errorOf(result)).toMatchObject({ kind: "contract" });
    for (const view of [() => inspect(result, { depth: Infinity }), () => JSON.stringify(result), () => inspect(errorOf(result), { showHidden: true, depth: Infinity })]) {
      expect(view).not.toThrow();
    }
  });

  test("30,000 levels (near the 64 KB cap) classify the same: contract, never network", async () => {
    const { client } = clientWith(() => new Response(`{"status":"NOPE","x":${deep(30_000)}}`, { status: 200 }));
    const result = await client.login(PAGE.credentials);
    expect(errorOf(result)).toMatchObject({ kind: "contract" });
    expect(() => inspect(result, { depth: Infinity, showHidden: true })).not.toThrow();
  });

  test("a 400 nesting 2,500 levels is an answer too", async () => {
    const { client } = clientWith(() => new Response(`{"error_code":"LOGIN.0002","error_msg":"m","x":${deep(2500)}}`, { status: 400 }));
    const result = await client.login(PAGE.credentials);
    expect(errorOf(result)).toMatchObject({ kind: "api" });
    expect(() => inspect(result, { depth: Infinity })).not.toThrow();
  });
});

describe("defect 2: an answer a custom fetch reached through a redirect", () => {
  test.each([400, 503, 200])("a redirected %i is refused as a redirect, never read as OneAccess's own", async (status) => {
    const body = status == 400 ? { error_code: "LOGIN.0002", error_msg: "wrong" } : { status: "SUCCESS" };
    const followed = json(status, body);
    Object.defineProperties(followed, { redirected: { value: true }, url: { value: "https://elsewhere.example/x" } });
    const { client } = clientWith(() => followed);
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "http", status });
    expect(error?.message).toContain("redirect");
    expect(error?.message).not.toContain("LOGIN.0002");
  });
});

describe("defect 3: statuses past 599 and reason phrases with control characters are answers", () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  test.each([600, 999])("HTTP %i is an http failure", async (status) => {
    const server = await localServer((res) => res.writeHead(status, { "Content-Type": "text/plain" }).end("odd"));
    closing.push(server.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url });
    const result = await client.login(PAGE.credentials);
    expect(errorOf(result)).toMatchObject({ kind: "http", status });
    expect(errorOf(result)?.message).toContain(`HTTP ${status}`);
  });

  test("a reason phrase with control characters is an http failure and never shown", async () => {
    const server = await localServer((res) => {
      // node:http refuses control characters in a reason phrase: write the status line by hand.
      res.socket!.end("HTTP/1.1 503 Busy\x01\x1b[31m now\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    });
    closing.push(server.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url });
    const result = await client.login(PAGE.credentials);
    expect(errorOf(result)).toMatchObject({ kind: "http", status: 503 });
    expect(JSON.stringify(result) + inspect(result)).not.toContain("Busy");
  });
});

describe("defect 4: Retry-After", () => {
  const busy = (value: string) => () => new Response(null, { status: 503, headers: { "Retry-After": value } });

  test.each(["x 5", "5 x", "1e3", "-1", "5.5", "Sun 06 Nov 1994", "tomorrow", "Mon, 32 Nov 2094 08:49:37 GMT", "0x10"])(
    "%j is no Retry-After: undefined, and never retried",
    async (value) => {
      const { client, requests } = clientWith(busy(value), { retry: { retries: 3, onRetryAfter: true } });
      const result = await client.login(PAGE.credentials);
      expect(errorOf(result)).toMatchObject({ kind: "http", status: 503 });
      expect((errorOf(result) as { retryAfter?: number }).retryAfter).toBeUndefined();
      expect(requests).toHaveLength(1);
    },
  );

  test.each([
    ["3", 3000],
    ["Sun, 06 Nov 1994 08:49:37 GMT", 0],
    ["Sunday, 06-Nov-94 08:49:37 GMT", 0],
    ["Sun Nov  6 08:49:37 1994", 0],
  ])("RFC 9110's form %j counts", async (value, ms) => {
    const { client } = clientWith(busy(value));
    expect(errorOf(await client.login(PAGE.credentials))).toMatchObject({ kind: "http", retryAfter: ms });
  });

  test("an IMF-fixdate in the future is the time until then", async () => {
    const at = new Date(Date.now() + 60_000);
    const { client } = clientWith(busy(at.toUTCString()));
    const { retryAfter } = errorOf(await client.login(PAGE.credentials)) as { retryAfter: number };
    expect(retryAfter).toBeGreaterThan(55_000);
    expect(retryAfter).toBeLessThanOrEqual(60_000);
  });
});

describe("defect 5: domain and port", () => {
  test.each(["t.example.com\\x", "t.example.com\\", "t.example.com:0", "t.example.com:00"])("domain %j is a ConfigError", (domain) => {
    const { baseUrl: _, ...rest } = PAGE.options;
    expect(() => createLoginClient({ ...rest, domain } as never)).toThrow(ConfigError);
  });

  test.each(["https://t.example.com:0", "https://t.example.com\\x", "http://127.0.0.1:0/base"])("baseUrl %j is a ConfigError", (baseUrl) => {
    expect(() => createLoginClient({ ...PAGE.options, baseUrl })).toThrow(ConfigError);
  });

  test("a domain with a port is still fine", () => {
    const { baseUrl: _, ...rest } = PAGE.options;
    expect(createLoginClient({ ...rest, domain: "t.example.com:8443" } as never).baseUrl).toBe("https://t.example.com:8443");
  });
});

describe("defect 9: a browser's opaque redirect", () => {
  /** What a browser's fetch gives for a manual redirect: status 0, no headers, no body, no URL. */
  const opaque = () =>
    ({ type: "opaqueredirect", status: 0, statusText: "", ok: false, redirected: false, url: "", headers: new Headers(), body: null }) as unknown as Response;

  test("is a redirect whose target the browser hides: no HTTP 0, no location", async () => {
    const { client } = clientWith(opaque);
    const error = errorOf(await client.login(PAGE.credentials));
    expect(error).toMatchObject({ kind: "http", status: 0 });
    expect((error as { location?: string }).location).toBeUndefined();
    expect(error?.message).toContain("redirect whose target the browser hides");
    expect(error?.message).not.toContain("HTTP 0");
    expect(error?.message).not.toContain("(redirect to");
  });
});
