// Compiled (TypeScript 5.9 and tsgo) and run by test/package/packed.test.ts in a fresh project that installed the packed tarball.
import { createLoginClient, isLoginError, type LoginResult } from "oneaccess-sms-login";
import spec from "oneaccess-sms-login/openapi.json" with { type: "json" };
import { createMockFetch, type Scenario } from "oneaccess-sms-login/testing";
import { createServerClient, type ServerResult } from "oneaccess-sms-login/server";

declare const process: { env: Record<string, string | undefined> };

const client = createLoginClient({
  baseUrl: process.env.ONEACCESS_BASE_URL ?? "",
  clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
  device: { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "consumer/1.0" },
});

// If the published types were missing or `any`, this directive would be unused and compilation would fail.
// @ts-expect-error -- verify_code is required
void client.login({ mobile: "12345678901" });
// The server entry's types (not run: this consumer has no tenant credentials).
const serverTypes = async (): Promise<ServerResult<"verifySsoTicket">> => {
  // @ts-expect-error -- clientSecret is required
  createServerClient({ baseUrl: "https://tenant.example.test", clientId: "c" });
  const server = createServerClient({ baseUrl: "https://tenant.example.test", clientId: "c", clientSecret: "s" });
  return server.userFromSessionToken({ session_token: "t", operating_sys_version: "a", device_ip: "1", device_fingerprint: "f" });
};
void serverTypes;

const result: LoginResult = await client.login({ mobile: "12345678901", verify_code: "232326" });
const next = result.ok && result.status === "SUCCESS" ? result.body.session_token : undefined;
const failure = result.ok ? undefined : isLoginError(result.error) ? result.error.kind : "unknown";
// The in-process mock, without msw installed: scenario names are the spec's example names.
// @ts-expect-error -- not an example name of the spec
const unknown: Scenario = "noSuchExample";
void unknown;
const offline = createLoginClient({
  baseUrl: "https://tenant.example.test",
  clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
  device: { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "consumer/1.0" },
  fetch: createMockFetch({ scenario: "mfaAuth" }),
});
const mocked = await offline.login({ mobile: "12345678901", verify_code: "232326" });
console.log(
  JSON.stringify({ ok: result.ok, status: result.ok ? result.status : undefined, next, failure, title: spec.info.title, mocked: mocked.ok ? mocked.status : mocked.error.kind }),
);
