// Runs with whichever msw is installed: MSW 2 on Node 20 (the devDependency); for MSW 3 (Node >= 22.12), e.g.
//   npm i --no-save msw@3.0.5 && npx vitest run test/testing/msw.test.ts test/testing/examples/vitest-msw.test.ts
// (passed with msw 3.0.5 on Node 24.21.0). One test sends a request past the handlers on purpose: listen() lets such a
// request through without a warning, under MSW 2's name for the option and MSW 3's (onUnhandledFrame); every other
// test asserts the handlers' answer, so an unhandled request still fails it.
import { createRequire } from "node:module";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { examples } from "../../generated/examples.js";
import { createLoginClient, LOGIN_PATH, type LoginClient } from "../../src/index.js";
import { createMockFetch } from "../../src/testing/index.js";
import { createHandlers, handlers } from "../../src/testing/msw.js";
import { PAGE } from "../helpers/client.js";
import { PAGE_HEADERS } from "../helpers/contract.js";

const server = setupServer(...handlers);
let client: LoginClient;
beforeAll(() => {
  const bypass: Record<string, "bypass"> = { onUnhandledRequest: "bypass", onUnhandledFrame: "bypass" };
  server.listen(bypass);
  // Created once MSW is listening: the client captures globalThis.fetch when it is created.
  client = createLoginClient(PAGE.options);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const credentials = PAGE.credentials;

const mswVersion: string = createRequire(import.meta.url)("msw/package.json").version;

describe(`MSW handlers (msw ${mswVersion})`, () => {
  test("answer the client with the spec's first 200 example", async () => {
    expect(await client.login(credentials)).toMatchObject({ ok: true, status: "SUCCESS", body: examples[200].success });
  });

  test("a scenario per test, by its typed name", async () => {
    server.use(...createHandlers({ scenario: "mfaAuth" }));
    expect(await client.login(credentials)).toMatchObject({ ok: true, status: "MFA_AUTH", body: examples[200].mfaAuth });
    server.use(...createHandlers({ scenario: "wrongCredentials" }));
    const result = await client.login(credentials);
    expect(!result.ok && result.error).toMatchObject({ kind: "api", code: "LOGIN.0002" });
  });

  test("handle the operation's exact path on any origin, not a path that merely ends with it", async () => {
    const post = (url: string) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect((await post(`https://any.example${LOGIN_PATH}`)).status).toBe(400);
    // Unhandled, so MSW lets it through to the network: nothing listens on port 9 of this machine.
    await expect(post(`http://127.0.0.1:9/x${LOGIN_PATH}`)).rejects.toThrow();
  });

  test("a body with 200,000 extra fields (1.75 MB) gets the documented 400, as from createMockFetch and Prism (was 500)", async () => {
    const body = JSON.stringify({ ...credentials, ...Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, 1])) });
    const headers = PAGE_HEADERS;
    const response = await fetch(`https://any.example${LOGIN_PATH}`, { method: "POST", headers, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(Object.values(examples[400])[0]);
    expect(JSON.parse(response.headers.get("sl-violations")!)).toEqual([expect.objectContaining({ code: "additionalProperties" })]);
  });

  test("read a percent-encoded path and Prism's __server parameter as Prism does, as createMockFetch", async () => {
    const mockFetch = createMockFetch();
    const headers = PAGE_HEADERS;
    const body = JSON.stringify(credentials);
    for (const path of [
      LOGIN_PATH.replace("mobile-verify", "mobile%2Dverify"),
      LOGIN_PATH.replace("login", "%6c%6F%67in"),
      `${LOGIN_PATH}?__server=x`,
      `${LOGIN_PATH}?__server=https://t.example.com`,
    ]) {
      const response = await fetch(`https://any.example${path}`, { method: "POST", headers, body });
      const expected = await mockFetch(new Request(`https://any.example${path}`, { method: "POST", headers, body }));
      expect(response.status, path).toBe(expected.status);
      expect(await response.json(), path).toEqual(await expected.json());
    }
  });

  test("another method on the operation's path gets 405 in Prism's shape, as from createMockFetch", async () => {
    const mockFetch = createMockFetch();
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const url = `https://any.example${LOGIN_PATH}`;
      const response = await fetch(url, { method });
      const expected = await mockFetch(new Request(url, { method }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get("content-type"), method).toBe(expected.headers.get("content-type"));
      expect(await response.json(), method).toEqual(await expected.json());
    }
  });

  test("a Prefer header chooses the example, as with Prism", async () => {
    const response = await fetch(`${PAGE.options.baseUrl}${LOGIN_PATH}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json;charset=utf8",
        "X-operating-sys-version": "Android 10",
        "X-device-fingerprint": "f",
        "X-agent": "a",
        "X-client-id": "c",
        Prefer: "code=400, example=applicationDisabled",
      },
      body: JSON.stringify(credentials),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(examples[400].applicationDisabled);
  });

  test("an invalid request gets the documented 400 with sl-violations", async () => {
    const response = await fetch(`${PAGE.options.baseUrl}${LOGIN_PATH}`, { method: "POST", body: "{}" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(Object.values(examples[400])[0]);
    expect(JSON.parse(response.headers.get("sl-violations")!).length).toBeGreaterThan(0);
  });

  test("the stateful scenario counts attempts across calls", async () => {
    server.use(...createHandlers({ accounts: { [credentials.mobile]: credentials.verify_code }, attempts: 2 }));
    const wrong = await client.login({ ...credentials, verify_code: "000000" });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: "LOGIN.0002", errorMsg: "Invalid account name or password. Remaining attempts: 1." });
    expect(await client.login(credentials)).toMatchObject({ ok: true, status: "SUCCESS" });
  });

  test("a handler of the test's own still overrides them", async () => {
    server.use(http.post(`*${LOGIN_PATH}`, () => HttpResponse.json({ status: "ACCESS_DENIED" })));
    expect(await client.login(credentials)).toMatchObject({ ok: true, status: "ACCESS_DENIED" });
  });
  test("answer every operation of the spec as createMockFetch does: the journey's steps, the tenant's calls, their 405s", async () => {
    const mockFetch = createMockFetch();
    const device = { "X-operating-sys-version": "Android 10", "X-device-fingerprint": "f", "X-agent": "a", "X-client-id": "c" };
    const requests: Array<[string, RequestInit]> = [
      ["/api/v2/sdk/captcha", { headers: device }],
      ["/api/v2/sdk/captcha", { method: "POST", headers: device }],
      ["/api/v2/sdk/country-codes", { headers: device }],
      ["/api/v2/sdk/mobile-by-token", { headers: device }],
      ["/api/v2/tenant/token", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials&client_id=a&client_secret=b" }],
      ["/api/v2/tenant/token", { method: "GET" }],
      ["/api/v2/tenant/sso/sso-ticket/verify", { method: "POST", headers: { "Content-Type": "application/json;charset=utf8" }, body: "{}" }],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`https://any.example${path}`, init);
      const expected = await mockFetch(new Request(`https://any.example${path}`, init));
      expect(response.status, path).toBe(expected.status);
      expect(await response.text(), path).toBe(await expected.text());
      expect(response.headers.get("sl-violations"), path).toBe(expected.headers.get("sl-violations"));
    }
    expect((await fetch("https://any.example/api/v2/tenant/token", requests[4]![1])).status).toBe(200);
  });
});
