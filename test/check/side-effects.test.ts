// verify never sends an SMS, spends a real code or touches a tenant operation unless the user says so: a server that
// counts requests per path proves what reaches it with and without --send-sms, --spend-code and the application's
// credentials. Broken requests to sms/send carry no mobile at all, so no server can text anyone whatever it does.
import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { checkServer } from "../../src/check/index.js";
import { probes } from "../../src/check/probes.js";
import { OPERATIONS } from "../../src/check/spec-operations.js";
import { repoPath } from "../helpers/spec.js";
import { useServers, type Seen } from "./upstream.js";

const CLI = repoPath("dist/src/cli/bin.js");
const MOBILE = "13912345678";
const CODE = "918273";
const CAPTCHA = "71dQx9---{\"x\":237.0,\"y\":5.0}";
const CLIENT_ID = "cid-Wk3mR8qZ";
const CLIENT_SECRET = "cs-7Hq9PzX2vLt";
const SMS = "/api/v2/sdk/sms/send";
const CODE_PATHS = ["/api/v2/sdk/login/mobile-verify-code", "/api/v2/sdk/mfa/sms"];

const verify = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ONEACCESS_")));
    const child = spawn(process.execPath, [CLI, "verify", ...args], { env: { ...clean, ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.once("close", (code) => resolve({ code, out, err })); // "close": after the last output was read
  });

/** Requests per path. */
const perPath = (seen: readonly Seen[]) => seen.reduce<Record<string, number>>((n, s) => ({ ...n, [s.path]: (n[s.path] ?? 0) + 1 }), {});
/** Requests to sms/send a server could act on: a JSON object naming a mobile (any mobile: the page's sample may be someone's). */
const couldSendSms = (seen: readonly Seen[]) => seen.filter((s) => s.path === SMS && typeof s.json?.mobile == "string");
/** Requests that carry the user's real mobile or code to an operation that spends a code. */
const couldSpendCode = (seen: readonly Seen[]) => seen.filter((s) => CODE_PATHS.includes(s.path) && (s.body.includes(MOBILE) || s.body.includes(CODE)));
const tenantRequests = (seen: readonly Seen[]) => seen.filter((s) => s.path.startsWith("/api/v2/tenant/"));

// Each test has its own upstream and `verify` process: they run concurrently, overlapping the processes' start.
describe.concurrent("verify: nothing that costs an SMS, a code or the application's credentials without a flag", () => {
  const server = useServers();

  test("without flags: every browser operation gets requests, none could send an SMS or spend a real code, no tenant call", async () => {
    const { url, seen } = await server();
    const { code, out } = await verify(["--upstream", url]);
    expect(code, out).toBe(0);
    const counts = perPath(seen);
    for (const operation of OPERATIONS().filter((o) => !o.serverSide)) expect(counts[operation.path], operation.name).toBeGreaterThan(0);
    expect(counts[SMS]).toBe(2);
    expect(couldSendSms(seen)).toEqual([]);
    expect(couldSpendCode(seen)).toEqual([]);
    expect(tenantRequests(seen)).toEqual([]);
  }, 60_000);

  test("real values in the environment without their flag are refused with exit 2 before any request", async () => {
    const { url, seen } = await server();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ONEACCESS_MOBILE: MOBILE, ONEACCESS_VERIFY_CODE: CODE }, /ONEACCESS_VERIFY_CODE is set: pass --spend-code/],
      [{ ONEACCESS_MOBILE: MOBILE, ONEACCESS_CAPTCHA_TOKEN: CAPTCHA }, /ONEACCESS_CAPTCHA_TOKEN is set: pass --send-sms/],
      [{ ONEACCESS_CLIENT_SECRET: CLIENT_SECRET }, /ONEACCESS_CLIENT_SECRET is set: the tenant checks need ONEACCESS_CLIENT_ID too/],
    ];
    for (const [env, message] of cases) {
      const { code, err } = await verify(["--upstream", url], env);
      expect(err).toMatch(message);
      for (const value of Object.values(env)) expect(err).not.toContain(value);
      expect(code).toBe(2);
    }
    // And a flag without its values is refused too, rather than run on the samples.
    expect((await verify(["--upstream", url, "--send-sms"], { ONEACCESS_MOBILE: MOBILE })).err).toMatch(/--send-sms needs ONEACCESS_MOBILE and ONEACCESS_CAPTCHA_TOKEN/);
    expect((await verify(["--upstream", url, "--spend-code"])).err).toMatch(/--spend-code needs ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE/);
    expect(seen).toEqual([]);
    // ONEACCESS_CLIENT_ID alone (as CI often sets it for --client-id) checks no tenant operation.
    const alone = await verify(["--upstream", url], { ONEACCESS_CLIENT_ID: CLIENT_ID });
    expect(alone.code).toBe(0);
    expect(tenantRequests(seen)).toEqual([]);
  }, 60_000);

  test("--spend-code: the real code goes out once, in the valid login, and to no other operation", async () => {
    const { url, seen } = await server();
    const { code } = await verify(["--upstream", url, "--spend-code"], { ONEACCESS_MOBILE: MOBILE, ONEACCESS_VERIFY_CODE: CODE });
    expect(code).toBe(0);
    expect(couldSpendCode(seen).map((s) => [s.path, s.json])).toEqual([[CODE_PATHS[0], { mobile: MOBILE, verify_code: CODE }]]);
    expect(seen.filter((s) => s.body.includes(CODE))).toHaveLength(1);
    expect(couldSendSms(seen)).toEqual([]);
  }, 60_000);

  test("--send-sms: exactly one LOGIN_SMS to the user's mobile with their captcha token, never repeated", async () => {
    const { url, seen } = await server();
    const { code, out } = await verify(["--upstream", url, "--send-sms"], { ONEACCESS_MOBILE: MOBILE, ONEACCESS_CAPTCHA_TOKEN: CAPTCHA });
    expect(code, out).toBe(0);
    expect(couldSendSms(seen).map((s) => s.json)).toEqual([{ mobile: MOBILE, type: "LOGIN_SMS", captcha_token: CAPTCHA }]);
    expect(out).toMatch(/POST \/api\/v2\/sdk\/sms\/send with your mobile and captcha token: HTTP 200/);
    expect(out).not.toContain(MOBILE);
    expect(out).not.toContain("71dQx9");
    // The mobile is not a code: it spends none, and the login still carries only the samples.
    expect(couldSpendCode(seen)).toEqual([]);
  }, 60_000);

  test("tenant operations only with ONEACCESS_CLIENT_ID and ONEACCESS_CLIENT_SECRET, which reach no view", async () => {
    const { url, seen } = await server();
    const { code, out } = await verify(["--upstream", url], { ONEACCESS_CLIENT_ID: CLIENT_ID, ONEACCESS_CLIENT_SECRET: CLIENT_SECRET });
    expect(code, out).toBe(0);
    const tenant = tenantRequests(seen);
    expect(Object.keys(perPath(tenant)).sort()).toEqual(OPERATIONS().filter((o) => o.serverSide).map((o) => o.path).sort());
    // The credentials go to the token request only; the Bearer operations get the token it answered.
    expect(tenant.filter((s) => s.body.includes(CLIENT_SECRET)).map((s) => s.path)).toEqual(["/api/v2/tenant/token"]);
    expect(tenant.filter((s) => s.headers.authorization).map((s) => s.headers.authorization)).toEqual(Array(3).fill("Bearer 334******140"));
    expect(out).toMatch(/keeps the contract\n$/);
    for (const value of [CLIENT_ID, CLIENT_SECRET, "334******140"]) expect(out).not.toContain(value);
  }, 60_000);

  test("the application's credentials are never taken from arguments", async () => {
    const { url, seen } = await server();
    for (const option of ["--client-secret", "--client_secret", "--secret"]) {
      const { code, err } = await verify(["--upstream", url, option, CLIENT_SECRET]);
      expect(code).toBe(2);
      expect(err).not.toContain(CLIENT_SECRET);
    }
    expect(seen).toEqual([]);
  }, 60_000);

  test("by construction: without sendSms no probe to an operation that sends an SMS names a mobile, whatever the budget", () => {
    const all = probes({ headers: {}, tenant: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    const sending = all.filter((p) => p.operation.sideEffect === "sends-sms");
    expect(sending.length).toBeGreaterThan(0);
    for (const probe of sending) {
      expect(probe.kind).toBe("negative");
      expect(probe.body === undefined || !/"mobile"/.test(probe.body)).toBe(true);
    }
    // Only the valid login may carry the user's code, and only when it is given.
    const spending = all.filter((p) => p.operation.sideEffect === "spends-code");
    expect(spending.filter((p) => p.real)).toEqual([]);
  });

  test("checkServer without sendSms or credentials: the same, through the API", async () => {
    const { url, seen } = await server();
    const report = await checkServer({ upstream: url });
    expect(report.ok).toBe(true);
    expect(couldSendSms(seen)).toEqual([]);
    expect(report.operations.map((o) => o.name)).toEqual(OPERATIONS().map((o) => o.name));
  });
});
