import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import {
  AbortError,
  ApiError,
  ConfigError,
  ContractViolationError,
  createLoginClient,
  HttpError,
  InputError,
  isLoginError,
  NetworkError,
  OneAccessError,
  ResponseFormatError,
  TimeoutError,
  type LoginCallOptions,
  type LoginClientOptions,
  type LoginResult,
} from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

function failure(result: LoginResult) {
  if (result.ok) throw new Error(`expected a failure, got ${result.status}`);
  return result;
}

describe("POST /api/v2/sdk/login/mobile-verify-code: failures are typed results", () => {
  test("returns typed API error on 400", async () => {
    const { client } = clientWith(() => json(400, { error_code: "LOGIN.0002", error_msg: "Invalid account name or password. Remaining attempts: 8." }));
    const { error, response } = failure(await client.login(PAGE.credentials));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "api", status: 400, code: "LOGIN.0002", errorMsg: "Invalid account name or password. Remaining attempts: 8." });
    // error_msg is the server's text: raw on errorMsg, never in the message (docs/views.md).
    expect(error.message).toBe("OneAccess refused the login with LOGIN.0002: POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code");
    expect(response?.status).toBe(400);
  });

  test("an undocumented error_code is still an ApiError", async () => {
    const { client } = clientWith(() => json(400, { error_code: "NEW.9999", error_msg: "Something new." }));
    expect(failure(await client.login(PAGE.credentials)).error).toMatchObject({ kind: "api", code: "NEW.9999" });
  });

  test.each([
    [500, { error_code: "SYS.0001", error_msg: "boom" }, "SYS.0001"],
    [503, "<html>busy</html>", undefined],
    [401, "", undefined],
    [201, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }, undefined],
  ])("an undocumented HTTP %i is an HttpError", async (status, body, code) => {
    const { client } = clientWith(() => new Response(typeof body === "string" ? body : JSON.stringify(body), { status }));
    const { error } = failure(await client.login(PAGE.credentials));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: "http", status, code });
    expect(error.message).toMatch(new RegExp(`^OneAccess answered HTTP ${status}`));
  });

  test.each([
    [200, "<html>gateway</html>", false],
    [200, "", true],
    [400, "Bad Request", false],
    [400, "", true],
  ])("HTTP %i with body %j is a ResponseFormatError", async (status, text, empty) => {
    const { client } = clientWith(() => new Response(text, { status }));
    const { error } = failure(await client.login(PAGE.credentials));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain(empty ? "an empty body" : "a body that is not JSON");
  });

  test("an announced empty 200 (Content-Length: 0) is a ResponseFormatError", async () => {
    const { client } = clientWith(() => new Response(null, { status: 200, headers: { "Content-Length": "0" } }));
    expect(failure(await client.login(PAGE.credentials)).error).toMatchObject({ kind: "format", status: 200 });
  });

  test.each([
    [200, { session_token: "x" }, "body.status is required"],
    [200, { status: "LOGGED_IN" }, "body.status must be one of SUCCESS, PASSWORD_WARN, PASSWORD_EXPIRED, ACCESS_DENIED, MFA_AUTH"],
    [200, { status: "SUCCESS", expire: -5 }, "body.expire must be >= 0"],
    [200, { status: "SUCCESS", expire: "604800" }, "body.expire must be an integer"],
    [200, ["SUCCESS"], "body must be an object"],
    [200, null, "body must be an object"],
    [400, { error_code: 38 }, "body.error_code must be a string"],
    [400, { message: "x" }, "body.error_code is required"],
  ])("HTTP %i with %j is a ContractViolationError", async (status, body, violation) => {
    const { client } = clientWith(() => json(status, body));
    const { error } = failure(await client.login(PAGE.credentials));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).violations).toContain(violation);
    // Kept raw for callers that must cope anyway (tokens too), and out of every view.
    expect((error as ContractViolationError).body).toEqual(body);
  });

  test("a fetch that rejects is a NetworkError carrying a safe copy of the cause", async () => {
    const cause = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) });
    const { client } = clientWith(() => Promise.reject(cause));
    const { error } = failure(await client.login(PAGE.credentials));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe("Request failed (TypeError < Error ECONNREFUSED): POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code");
    // A copy of the chain (name, transport code), never the transport's own objects or messages.
    expect(error.cause).not.toBe(cause);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "", cause: { message: "ECONNREFUSED", code: "ECONNREFUSED" } });
  });

  test("a real connection refused over loopback is a NetworkError", async () => {
    const client = createLoginClient({ ...PAGE.options, baseUrl: "http://127.0.0.1:9" });
    expect(failure(await client.login(PAGE.credentials)).error).toMatchObject({ kind: "network" });
  });

  test("a middleware that throws is a NetworkError, not a rejection", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }), {
      middleware: [{ onRequest: () => { throw new Error("middleware broke"); } }],
    });
    expect(failure(await client.login(PAGE.credentials)).error.message).toMatch(/^Request failed \(Error\)/);
  });

  test("times out a server that never answers, even when fetch ignores the signal", async () => {
    const { client } = clientWith(() => new Promise<Response>(() => {}), { timeoutMs: 50 });
    const started = Date.now();
    const { error } = failure(await client.login(PAGE.credentials));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("a timeout cancels the real request: the server sees the connection closed", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    // Reads the request and never answers, like a stuck backend. The close is watched from the connection on: on a
    // loaded machine the 100 ms timeout can fire before the request event, and a listener added there never fires.
    const server = createServer((request) => request.resume());
    server.on("connection", (socket) => socket.on("close", closed));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createLoginClient({ ...PAGE.options, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 });
      const { error } = failure(await client.login(PAGE.credentials));
      expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100 });
      await connectionClosed;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("a call's timeout overrides the client's, and a body that stalls times out too", async () => {
    const stalled = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"status":')) });
    const { client } = clientWith((_request, init) => {
      // The stalled body ends only when the request is cancelled.
      init?.signal?.addEventListener("abort", () => stalled.cancel().catch(() => {}));
      return new Response(stalled, { status: 200 });
    });
    const { error } = failure(await client.login(PAGE.credentials, { timeoutMs: 30 }));
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 30 });
  });

  test("an AbortSignal cancels an in-flight call with an AbortError, and passes the abort to fetch", async () => {
    let fetchSignal: AbortSignal | undefined;
    const { client } = clientWith((_request, init) => {
      fetchSignal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    });
    const controller = new AbortController();
    const pending = client.login(PAGE.credentials, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const { error } = failure(await pending);
    expect(error).toBeInstanceOf(AbortError);
    expect(fetchSignal?.aborted).toBe(true);
  });

  test("an already aborted signal sends nothing", async () => {
    const { client, requests } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const { error } = failure(await client.login(PAGE.credentials, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe("abort");
    expect(requests).toHaveLength(0);
  });

  test.each([
    [{ mobile: "12345678901" }, "body.verify_code is required"],
    [{ mobile: "", verify_code: "232326" }, "body.mobile must not be empty"],
    [{ mobile: 12345678901, verify_code: "232326" }, "body.mobile must be a string"],
    [{ mobile: "1".repeat(33), verify_code: "232326" }, "body.mobile must be at most 32 characters"],
    // A property the contract does not know is counted, never named: its name is the caller's text.
    [{ ...PAGE.credentials, extra: true }, "body has 1 property the contract does not know"],
    [null, "body must be an object"],
    [undefined, "body must be an object"],
  ])("refuses to send invalid credentials %j with an InputError", async (credentials, violation) => {
    const { client, requests } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const { error } = failure(await client.login(credentials as never));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).violations).toContain(violation);
    expect(requests).toHaveLength(0);
  });

  test.each([
    [{ device: { fingerprint: "" } }, "headers.X-device-fingerprint must not be empty"],
    [{ device: { agent: "bad\r\nX-Injected: 1" } }, "header X-agent has characters that cannot be sent"],
    [{ device: { osVersion: "安卓 10" } }, "header X-operating-sys-version has characters that cannot be sent"],
    [{ timeoutMs: -1 }, "timeoutMs must be a positive number of milliseconds"],
    [{ signal: { aborted: false } }, "signal must be an AbortSignal"],
  ])("refuses to send invalid call options %j with an InputError", async (call, violation) => {
    const { client, requests } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    const { error } = failure(await client.login(PAGE.credentials, call as LoginCallOptions));
    expect((error as InputError).violations).toEqual([violation]);
    expect(requests).toHaveLength(0);
  });

  test("every failure is a OneAccessError with a distinct kind and name", () => {
    const request = { method: "POST", url: "https://x.test/p" } as const;
    const errors = [
      new InputError(["x"], request),
      new ApiError("C", "m", request),
      new HttpError(500, undefined, request),
      new ResponseFormatError(200, "an empty body", request),
      new ContractViolationError(200, ["x"], {}, request),
      new NetworkError(request, new Error("x")),
      new TimeoutError(1, request),
      new AbortError(request),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(OneAccessError);
      expect(isLoginError(error)).toBe(true);
    }
    expect(new Set(errors.map((e) => e.kind)).size).toBe(errors.length);
    expect(new Set(errors.map((e) => e.name)).size).toBe(errors.length);
    expect(isLoginError(new DOMException("x", "AbortError"))).toBe(false);
    expect(isLoginError(Object.assign(new Error("x"), { name: "ApiError", kind: "api" }))).toBe(true);
  });
});

describe("createLoginClient: options", () => {
  test.each([
    [{ ...PAGE.options, clientId: "" }, "clientId must be a non-empty string"],
    [{ ...PAGE.options, baseUrl: "not a url" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: "ftp://x.test" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: "" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: undefined }, "give either baseUrl or domain"],
    [{ ...PAGE.options, domain: "x.test" }, "give either baseUrl or domain"],
    [{ ...PAGE.options, baseUrl: undefined, domain: "https://x.test" }, "domain must be a host name such as tenant.example.com"],
    [{ ...PAGE.options, baseUrl: undefined, domain: "" }, "domain must be a host name such as tenant.example.com"],
    [{ ...PAGE.options, device: undefined }, "device must be an object"],
    [{ ...PAGE.options, baseUrl: "https://x.test/?key=1" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: "https://x.test/#top" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    // Every message shows the base URL: a C1 control, a zero-width or a bidi isolate in its path would reach them all.
    [{ ...PAGE.options, baseUrl: "https://x.test/a\x85b" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: "https://x.test/a\u200bb" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: "https://x.test/\u2066a" }, "baseUrl must be an http(s) URL without user info, query, fragment or control characters"],
    [{ ...PAGE.options, baseUrl: undefined, domain: "x\u202e.test" }, "domain must be a host name such as tenant.example.com"],
    [{ ...PAGE.options, timeoutMs: 0 }, "timeoutMs must be a positive number"],
    [{ ...PAGE.options, fetch: "fetch" }, "fetch must be a function"],
    [null, "options must be an object"],
  ])("throws a ConfigError for unusable options (%#)", (options, problem) => {
    expect(() => createLoginClient(options as unknown as LoginClientOptions)).toThrow(ConfigError);
    expect(() => createLoginClient(options as unknown as LoginClientOptions)).toThrow(`Invalid login client options: ${problem}`);
  });

  test("options a proxy trap refuses to read are a ConfigError that quotes nothing of the trap's error", () => {
    const options = new Proxy(PAGE.options, {
      get: (target, key) => {
        if (key == "timeoutMs") throw new Error(`trap saw ${PAGE.credentials.verify_code}`);
        return Reflect.get(target, key);
      },
    });
    let thrown: unknown;
    try {
      createLoginClient(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String(thrown)).toBe("ConfigError: Invalid login client options: options must be readable data");
    expect((thrown as Error).cause).toBeUndefined();
  });
});
