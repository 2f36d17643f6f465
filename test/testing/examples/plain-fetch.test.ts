import { expect, test } from "vitest";
import { createLoginClient } from "oneaccess-sms-login";
import { createMockFetch } from "oneaccess-sms-login/testing";

const clientWith = (fetch: ReturnType<typeof createMockFetch>) =>
  createLoginClient({
    baseUrl: "https://tenant.example.test",
    clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
    device: { osVersion: "Node.js", fingerprint: "test-device", agent: "unit-test" },
    fetch,
  });

test("password about to expire", async () => {
  const client = clientWith(createMockFetch({ scenario: "passwordWarn" }));
  const result = await client.login({ mobile: "12345678901", verify_code: "232326" });
  expect(result).toMatchObject({ ok: true, status: "PASSWORD_WARN" });
});

test("the right code logs in, wrong ones count down", async () => {
  const client = clientWith(createMockFetch({ accounts: { "13800000001": "111111" }, attempts: 3 }));
  const wrong = await client.login({ mobile: "13800000001", verify_code: "000000" });
  expect(wrong).toMatchObject({
    ok: false,
    error: { kind: "api", code: "LOGIN.0002", errorMsg: "Invalid account name or password. Remaining attempts: 2." },
  });
  const right = await client.login({ mobile: "13800000001", verify_code: "111111" });
  expect(right).toMatchObject({ ok: true, status: "SUCCESS" });
});
