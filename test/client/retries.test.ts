import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, type Fetch, type LoginClientOptions, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

/** A client for baseUrl whose fetch is the real global one, counting the attempts. */
function counted(baseUrl: string, options: Partial<LoginClientOptions> = {}) {
  const counter = { attempts: 0 };
  const fetch: Fetch = (input, init) => (counter.attempts++, globalThis.fetch(input, init));
  const client = createLoginClient({ ...PAGE.options, baseUrl, fetch, ...options } as LoginClientOptions);
  return { client, counter };
}

/** A loopback port nothing listens on: bound, then closed. */
async function refusedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const kindOf = (result: LoginResult) => (result.ok ? "ok" : result.error.kind);

describe("retries: only when the request provably never reached the server", () => {
  test("without a retry option, a refused connection is tried once", async () => {
    const { client, counter } = counted(`http://127.0.0.1:${await refusedPort()}`);
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(counter.attempts).toBe(1);
  });

  test("a refused connection (nothing listening) is retried `retries` times", async () => {
    const { client, counter } = counted(`http://127.0.0.1:${await refusedPort()}`, { retry: { retries: 2 } });
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network", cause: { cause: { code: "ECONNREFUSED" } } } });
    expect(counter.attempts).toBe(3);
  });

  test("a call's retry option overrides the client's, field by field", async () => {
    const { client, counter } = counted(`http://127.0.0.1:${await refusedPort()}`, { retry: { retries: 2 } });
    await client.login(PAGE.credentials, { retry: { retries: 1 } });
    expect(counter.attempts).toBe(2);
    counter.attempts = 0;
    await client.login(PAGE.credentials, { retry: { onRetryAfter: true } });
    expect(counter.attempts).toBe(3);
  });

  test("a DNS failure (ENOTFOUND) is retried", async () => {
    const error = Object.assign(new Error("getaddrinfo ENOTFOUND tenant.example.test"), { code: "ENOTFOUND" });
    const { client, requests } = clientWith(() => Promise.reject(new TypeError("fetch failed", { cause: error })), { retry: { retries: 1 } });
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(requests).toHaveLength(2);
  });

  test.each(["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_HEADERS_TIMEOUT", undefined])("a fetch failure with code %s is not retried", async (code) => {
    const error = Object.assign(new Error("failed"), { code });
    const { client, requests } = clientWith(() => Promise.reject(new TypeError("fetch failed", { cause: error })), { retry: { retries: 3 } });
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(requests).toHaveLength(1);
  });

  test("a server that resets the connection after reading the request: exactly one request, not retried", async () => {
    const server = await localServer((res) => res.socket?.resetAndDestroy());
    closing.push(server.close);
    const { client, counter } = counted(server.url, { retry: { retries: 3 } });
    const result = await client.login(PAGE.credentials);
    expect(kindOf(result)).toBe("network");
    expect(server.requests).toHaveLength(1);
    expect(counter.attempts).toBe(1);
  });

  test("a socket closed mid-answer: exactly one request, not retried", async () => {
    const server = await localServer((res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" }).write('{"status":');
      setTimeout(() => res.destroy(), 20);
    });
    closing.push(server.close);
    const { client } = counted(server.url, { retry: { retries: 3 } });
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    expect(server.requests).toHaveLength(1);
  });

  test("a server that never answers: a timeout, exactly one request", async () => {
    const server = await localServer(() => {});
    closing.push(server.close);
    const { client, counter } = counted(server.url, { retry: { retries: 3 }, timeoutMs: 300 });
    expect(kindOf(await client.login(PAGE.credentials))).toBe("timeout");
    expect(server.requests).toHaveLength(1);
    expect(counter.attempts).toBe(1);
  });

  test("the whole call, retries and their waits included, stays within the timeout", async () => {
    const { client, counter } = counted(`http://127.0.0.1:${await refusedPort()}`, { retry: { retries: 5 }, timeoutMs: 250 });
    const started = performance.now();
    expect(kindOf(await client.login(PAGE.credentials))).toBe("network");
    // The timeout is 250 ms; the slack is for a loaded machine's timers, not for more attempts.
    expect(performance.now() - started).toBeLessThan(400);
    // Waits of 100 then 200 ms: the second would pass the timeout, so it is not made.
    expect(counter.attempts).toBe(2);
  });
});

describe("retries: a TLS handshake the client refused", () => {
  let dir: string;
  let key: string;
  let cert: string;
  beforeAll(() => {
    // A throwaway self-signed certificate, made for this run: the client must refuse it.
    dir = mkdtempSync(join(tmpdir(), "oneaccess-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
    key = readFileSync(join(dir, "key.pem"), "utf8");
    cert = readFileSync(join(dir, "cert.pem"), "utf8");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a self-signed certificate is retried, and the server never sees an HTTP request", async () => {
    const seen = { connections: 0, requests: 0 };
    const server = createHttpsServer({ key, cert }, (_req, res) => (seen.requests++, res.end()));
    server.on("connection", () => seen.connections++);
    server.on("tlsClientError", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closing.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
    const { port } = server.address() as AddressInfo;
    const { client, counter } = counted(`https://127.0.0.1:${port}`, { retry: { retries: 2 } });
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "network", cause: { cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } } } });
    expect(counter.attempts).toBe(3);
    expect(seen.connections).toBe(3);
    expect(seen.requests).toBe(0);
  });
});

describe("retries: 429 and 503 with Retry-After, only when enabled", () => {
  /** A server answering `first` to the first request and SUCCESS after. */
  async function busyOnce(status: number, headers: Record<string, string>) {
    const server = await localServer((res, _seen) => {
      if (server.requests.length == 1) res.writeHead(status, headers).end("busy");
      else res.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"SUCCESS","session_token":"bts******2VO","expire":604800}');
    });
    closing.push(server.close);
    return server;
  }

  test("a 429 with Retry-After is not retried by default, and its HttpError carries retryAfter", async () => {
    const server = await busyOnce(429, { "Retry-After": "0" });
    const result = await createLoginClient({ ...PAGE.options, baseUrl: server.url, retry: { retries: 2 } }).login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 429, retryAfter: 0 } });
    expect(server.requests).toHaveLength(1);
  });

  test("a 429 with Retry-After is retried when onRetryAfter is on", async () => {
    const server = await busyOnce(429, { "Retry-After": "0" });
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, retry: { retries: 2, onRetryAfter: true } });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "SUCCESS" });
    expect(server.requests).toHaveLength(2);
  });

  test("a 503 with an HTTP-date Retry-After in the past is retried when enabled", async () => {
    const server = await busyOnce(503, { "Retry-After": new Date(Date.now() - 60_000).toUTCString() });
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, retry: { retries: 1, onRetryAfter: true } });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  test("a 503 without Retry-After is not retried, even when enabled", async () => {
    const server = await busyOnce(503, {});
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, retry: { retries: 2, onRetryAfter: true } });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "http", status: 503, retryAfter: undefined } });
    expect(server.requests).toHaveLength(1);
  });

  test("a Retry-After longer than maxRetryAfterMs is not waited for", async () => {
    const server = await busyOnce(429, { "Retry-After": "30" });
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, retry: { retries: 2, onRetryAfter: true, maxRetryAfterMs: 1_000 } });
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { status: 429, retryAfter: 30_000 } });
    expect(server.requests).toHaveLength(1);
  });

  test("a Retry-After that would outlast the call's timeout is not waited for", async () => {
    const server = await busyOnce(503, { "Retry-After": "2" });
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, timeoutMs: 1_000, retry: { retries: 2, onRetryAfter: true } });
    const started = performance.now();
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { status: 503, retryAfter: 2_000 } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  test("the caller's abort during the wait ends the call at once, and nothing more is sent", async () => {
    const server = await busyOnce(429, { "Retry-After": "3" });
    const client = createLoginClient({ ...PAGE.options, baseUrl: server.url, retry: { retries: 2, onRetryAfter: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    expect(kindOf(await client.login(PAGE.credentials, { signal: controller.signal }))).toBe("abort");
    expect(performance.now() - started).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  test.each([
    ["120", 120_000],
    [" 7 ", 7_000],
    ["soon", undefined],
    ["", undefined],
    ["-1", undefined],
  ])("Retry-After %j is retryAfter %j", async (value, expected) => {
    const { client } = clientWith(() => new Response("", { status: 429, headers: { "Retry-After": value } }));
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "http", retryAfter: expected } });
  });

  test("an HTTP-date Retry-After is the milliseconds until then", async () => {
    const { client } = clientWith(() => new Response("", { status: 503, headers: { "Retry-After": new Date(Date.now() + 60_000).toUTCString() } }));
    const result = await client.login(PAGE.credentials);
    const after = !result.ok && result.error.kind == "http" ? result.error.retryAfter : undefined;
    expect(after).toBeGreaterThan(55_000);
    expect(after).toBeLessThanOrEqual(60_000);
  });

  test("retryAfter is only read for 429 and 503", async () => {
    const { client } = clientWith(() => new Response("", { status: 500, headers: { "Retry-After": "5" } }));
    expect(await client.login(PAGE.credentials)).toMatchObject({ ok: false, error: { kind: "http", retryAfter: undefined } });
  });
});

describe("retries: the option is checked", () => {
  test.each([{ retries: 6 }, { retries: -1 }, { retries: 1.5 }, { onRetryAfter: "yes" }, { maxRetryAfterMs: 60_001 }, { maxRetryAfterMs: "5" }, "3"])(
    "retry %j at creation is a ConfigError",
    (retry) => {
      expect(() => createLoginClient({ ...PAGE.options, retry } as unknown as LoginClientOptions)).toThrow(ConfigError);
    },
  );

  test("a bad retry on a call is an InputError, and nothing is sent", async () => {
    const { client, requests } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const result = await client.login(PAGE.credentials, { retry: { retries: 99 } });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: [expect.stringMatching(/^retry must be/)] } });
    expect(requests).toHaveLength(0);
  });
});
