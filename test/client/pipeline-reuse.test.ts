// The pipeline is a module a server entry reuses: an operation descriptor and a configured Transport give a typed
// result, with no createLoginClient, no browser and no device headers. Shown with the tenant's token request (a form
// body, a secret client_secret), which the browser client never calls.
import { describe, expect, test } from "vitest";
import { getTenantAccessToken } from "../../generated/server-operations.js";
import { call } from "../../src/client/pipeline/call.js";
import { json, normalise, views } from "../helpers/client.js";
import { recordingTransport } from "../helpers/transport.js";

const SECRET = "cs-4f1e9a7b2c8d3e6f";
const grant = { grant_type: "client_credentials", client_id: "app-1", client_secret: SECRET };

const transport = recordingTransport;

describe("the pipeline without the browser client", () => {
  test("sends a tenant operation's form body under its media type and validates the answer", async () => {
    const { t, requests } = transport(() => json(200, { access_token: "at-1", expires_in: 7200 }));
    const result = await call(t, getTenantAccessToken, grant, {});
    expect(result).toMatchObject({ ok: true, body: { access_token: "at-1", expires_in: 7200 } });
    expect(requests[0]!.url).toBe("https://tenant.example.test/api/v2/tenant/token");
    expect(requests[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(await requests[0]!.text()))).toEqual(grant);
  });

  test("checks the input against the operation's schema first, naming the call neutrally", async () => {
    const { t, requests } = transport(() => json(200, {}));
    const result = await call(t, getTenantAccessToken, { ...grant, grant_type: "password" }, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["body.grant_type must be one of client_credentials"] } });
    expect(!result.ok && result.error.message).toMatch(/^Invalid request, not sent/);
    expect(requests).toHaveLength(0);
  });

  test("a 400 is an ApiError, and the operation's x-secret field is in no view of an echo", async () => {
    const { t } = transport(() => json(400, { error_code: "APP.0001", error_msg: `bad ${SECRET}` }, { headers: { "X-Request-Id": SECRET } }));
    const result = await call(t, getTenantAccessToken, grant, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "api", code: "APP.0001" } });
    expect(normalise(views(result))).not.toContain(normalise(SECRET));
  });
});
