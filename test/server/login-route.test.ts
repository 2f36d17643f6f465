import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { createMockFetch } from "../../src/testing/index.js";
import { startLoginRoute } from "./examples/login-route.js";
import { withTenantExamples } from "./tenant-examples.js";

// docs/server.md quotes test/server/examples/login-route.ts: this runs it, against both mocks.
const CREDENTIALS = { clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm", clientSecret: "client-secret-Zq81xYkP" };
/** What the browser posts: the page's example mobile number and code, and its device. */
const LOGIN = { mobile: "12345678901", code: "232326", fingerprint: "156aysdna213sac", osVersion: "Android 10" };
// The spec's example user (SsoUserFoundResponse): what both mocks answer the ticket verification with.
const USER = { id: "20201029190841785-CB37-8BD36B...", name: "test" };

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("the login route recipe (node:http): SMS login, then the session token exchanged for the user", () => {
  describe("against the Prism mock", () => {
    let mock: RunningMock | undefined;
    let route: Awaited<ReturnType<typeof startLoginRoute>>;
    beforeAll(async () => {
      // The contract suite's Prism when it runs one; never a real tenant ONEACCESS_BASE_URL may name.
      let baseUrl = inject("contractBaseUrl");
      if (!inject("contractTargetIsMock")) baseUrl = (mock = await startMock()).url;
      route = await startLoginRoute({ baseUrl, ...CREDENTIALS });
    }, 60_000);
    afterAll(async () => {
      await route?.close();
      await mock?.stop();
    });

    test("answers the user's id and name, and nothing secret", async () => {
      const answer = await post(route.url, LOGIN);
      const text = await answer.text();
      expect(answer.status, text).toBe(200);
      expect(JSON.parse(text)).toEqual({ user: USER });
      for (const secret of [CREDENTIALS.clientSecret, LOGIN.mobile, LOGIN.code, "sso******Bzx", "334******140"]) expect(text).not.toContain(secret);
    });

    test("answers 400 to a body that is not JSON", async () => {
      const answer = await fetch(route.url, { method: "POST", body: "{" });
      expect(answer.status).toBe(400);
    });
  });

  describe("against the in-process mock (createMockFetch)", () => {
    let route: Awaited<ReturnType<typeof startLoginRoute>>;
    let calls: string[];
    beforeAll(async () => {
      calls = [];
      // The page's example account, so a wrong code gets the documented 400.
      const mock = withTenantExamples(createMockFetch({ accounts: { [LOGIN.mobile]: LOGIN.code } }));
      route = await startLoginRoute({
        baseUrl: "https://tenant.example.test",
        ...CREDENTIALS,
        fetch: (async (input: Request, init?: RequestInit) => {
          calls.push(new URL(input.url).pathname);
          return mock(input, init);
        }) as typeof fetch,
      });
    });
    afterAll(() => route?.close());

    test("answers the user's id and name after login, app token, ticket and verification", async () => {
      const answer = await post(route.url, LOGIN);
      const text = await answer.text();
      expect(answer.status, text).toBe(200);
      expect(JSON.parse(text)).toEqual({ user: USER });
      expect(calls).toEqual(["/api/v2/sdk/login/mobile-verify-code", "/api/v2/tenant/token", "/api/v2/tenant/sso/session-token/sso-ticket", "/api/v2/tenant/sso/sso-ticket/verify"]);
    });

    test("a second login reuses the application's access token", async () => {
      calls.length = 0;
      expect((await post(route.url, LOGIN)).status).toBe(200);
      expect(calls).not.toContain("/api/v2/tenant/token");
    });

    test("a failed login answers 401 with the failure's kind and never reaches the tenant calls", async () => {
      calls.length = 0;
      const answer = await post(route.url, { ...LOGIN, code: "000000" });
      const body = await answer.json();
      expect({ status: answer.status, body }).toEqual({ status: 401, body: { error: expect.any(String) } });
      expect(calls.filter((path) => path.startsWith("/api/v2/tenant"))).toEqual([]);
    });
  });
});
