// The Prism mock applies each operation's own request rules: its media type (the tenant token call takes a form
// body, not the login's application/json;charset=utf8), its headers, and answers every operation of the spec.
import { describe, expect, test } from "vitest";
import { operations } from "../../generated/requests.js";
import { sharedMock } from "../helpers/mock.js";

const DEVICE = { "X-operating-sys-version": "Android 10", "X-device-fingerprint": "156aysdna213sac", "X-agent": "a", "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm" };
const FORM = "grant_type=client_credentials&client_id=ONtQq2igSggfFClyGgzmuXR8&client_secret=XdqUmJpG19hNEHz3472X";
const first = (id: string, status: string) => Object.values((operations.find((o) => o.id === id)!.examples as Record<string, Record<string, unknown> | null>)[status]!)[0];

describe("the Prism mock, per operation", () => {
  // The run's shared default mock: these tests only send it requests.
  const mock = { current: sharedMock() };

  test("POST /api/v2/tenant/token takes its form body and answers the page's token", async () => {
    const response = await fetch(`${mock.current.url}/api/v2/tenant/token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: FORM });
    expect(response.headers.get("sl-violations")).toBeNull();
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: first("getTenantAccessToken", "200") });
  });

  test("POST /api/v2/tenant/token refuses a JSON body with the documented 400", async () => {
    const response = await fetch(`${mock.current.url}/api/v2/tenant/token`, { method: "POST", headers: { "Content-Type": "application/json;charset=utf8" }, body: JSON.stringify({ grant_type: "client_credentials", client_id: "a", client_secret: "b" }) });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("application/x-www-form-urlencoded");
  });

  test("the login still refuses a form body", async () => {
    const response = await fetch(`${mock.current.url}/api/v2/sdk/login/mobile-verify-code`, { method: "POST", headers: { ...DEVICE, "Content-Type": "application/x-www-form-urlencoded" }, body: "mobile=1&verify_code=2" });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("application/json;charset=utf8");
  });

  test("an empty optional header is judged by the operation's own headers (X-L is not a tenant header)", async () => {
    const body = JSON.stringify({ session_token: "s", operating_sys_version: "a", device_ip: "10.0.0.1", device_fingerprint: "f" });
    const response = await fetch(`${mock.current.url}/api/v2/tenant/sso/session-token/sso-ticket`, { method: "POST", headers: { "Content-Type": "application/json;charset=utf8", Authorization: "Bearer t", "X-L": "" }, body });
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(200);
  });

  test("an empty optional header of the operation is still refused", async () => {
    const response = await fetch(`${mock.current.url}/api/v2/sdk/captcha`, { headers: { ...DEVICE, "X-L": "" } });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("X-L");
  });
});
