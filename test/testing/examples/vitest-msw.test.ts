import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createLoginClient } from "oneaccess-sms-login";
import { createHandlers, handlers } from "oneaccess-sms-login/testing/msw";

const server = setupServer(...handlers); // the spec's examples, as the Prism mock serves them
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Your app's client, created once MSW is listening.
const login = () =>
  createLoginClient({
    domain: "your-tenant.huaweioneaccess.com",
    clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
    device: { osVersion: "Node.js", fingerprint: "test-device", agent: "unit-test" },
  }).login({ mobile: "12345678901", verify_code: "232326" });

test("logs in", async () => {
  expect(await login()).toMatchObject({ ok: true, status: "SUCCESS" });
});

test("asks for the second factor", async () => {
  server.use(...createHandlers({ scenario: "mfaAuth" })); // any example name of the spec, type-checked
  expect(await login()).toMatchObject({ ok: true, status: "MFA_AUTH" });
});

test("rejects a wrong code", async () => {
  server.use(...createHandlers({ scenario: "wrongCredentials" }));
  expect(await login()).toMatchObject({ ok: false, error: { kind: "api", code: "LOGIN.0002" } });
});
