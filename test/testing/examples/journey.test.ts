import { expect, test } from "vitest";
import { createLoginClient } from "oneaccess-sms-login";
import { CAPTCHA_ANSWER, createJourney, createMockFetch } from "oneaccess-sms-login/testing";

const base = "https://tenant.example.test";
const device = { "X-operating-sys-version": "Node.js", "X-device-fingerprint": "test-device", "X-agent": "unit-test", "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm" };

test("captcha, send the code, log in with it once", async () => {
  const journey = createJourney({ accounts: { "13800000001": { status: "SUCCESS" } } });
  const fetch = createMockFetch({ journey });
  // The steps before the login, as plain requests (the mock's fetch takes a Request, as the client sends it).
  const call = async (path: string, body?: object) => {
    const headers = body ? { ...device, "Content-Type": "application/json;charset=utf8" } : device;
    const init = body ? { method: "POST", headers, body: JSON.stringify(body) } : { headers };
    const response = await fetch(new Request(base + path, init));
    return response.status === 200 && response.headers.get("content-type") === "application/json" ? response.json() : response.status;
  };

  const captcha = await call("/api/v2/sdk/captcha");
  const { captcha_token } = await call("/api/v2/sdk/captcha/verify", { point_json: CAPTCHA_ANSWER, token: captcha.token, sender: "13800000001" });
  await call("/api/v2/sdk/sms/send", { mobile: "13800000001", type: "LOGIN_SMS", captcha_token });
  const code = journey.outbox.last("13800000001")!.code; // no SMS leaves the test

  const client = createLoginClient({
    baseUrl: base,
    clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
    device: { osVersion: "Node.js", fingerprint: "test-device", agent: "unit-test" },
    fetch,
  });
  expect(await client.login({ mobile: "13800000001", verify_code: code })).toMatchObject({ ok: true, status: "SUCCESS" });
  // Once only (and for 5 minutes on the journey's clock: journey.clock.advance(ms) moves it).
  expect(await client.login({ mobile: "13800000001", verify_code: code })).toMatchObject({ ok: false, error: { code: "LOGIN.0002" } });
});
