import { describe, expect, expectTypeOf, test } from "vitest";
import type { LoginStatus } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const BODIES: Record<LoginStatus, Record<string, unknown>> = {
  SUCCESS: { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 },
  PASSWORD_WARN: { status: "PASSWORD_WARN", state_token: "sta-1", data: '{"pwd_expire_days":5}' },
  PASSWORD_EXPIRED: { status: "PASSWORD_EXPIRED", state_token: "sta-2" },
  ACCESS_DENIED: { status: "ACCESS_DENIED" },
  MFA_AUTH: { status: "MFA_AUTH", state_token: "sta-3" },
};

describe("POST /api/v2/sdk/login/mobile-verify-code: success results", () => {
  test.each(Object.entries(BODIES))("returns ok with status %s and the validated body", async (status, body) => {
    const { client } = clientWith(() => json(200, body));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: true, status, body });
    expect(result.ok && result.response.status).toBe(200);
  });

  test("narrows by status for the next step", async () => {
    const { client } = clientWith(() => json(200, BODIES.MFA_AUTH));
    const result = await client.login(PAGE.credentials);
    if (!result.ok) throw new Error("expected success");
    if (result.status === "MFA_AUTH") {
      expectTypeOf(result.body.status).toEqualTypeOf<"MFA_AUTH">();
      expect(result.body.state_token).toBe("sta-3");
    } else {
      throw new Error(`expected MFA_AUTH, got ${result.status}`);
    }
  });

  test("accepts fields the contract does not know (servers may add some)", async () => {
    const { client } = clientWith(() => json(200, { ...BODIES.SUCCESS, new_field: 1 }));
    expect((await client.login(PAGE.credentials)).ok).toBe(true);
  });
});
