import { afterEach, describe, expect, test, vi } from "vitest";
import { ConfigError } from "../../src/index.js";
import { createServerClient, type ServerClientOptions } from "../../src/server/index.js";
import { views } from "../helpers/client.js";

const SECRET = "client-secret-Zq81xYkP";
const ACCESS = (n: number) => `access-token-${n}-9fK2mQ`;
const SESSION = "session-token-Hq7Lw2Pz";
const TICKET = "sso-ticket-Mv3Rt8Ye";
const ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.id-token-Ux5.sig";
const MOBILE = "13912345678";
const DEVICE = { operating_sys_version: "Android 10", device_ip: "10.10.10.1", device_fingerprint: "156aysdna213sac", agent: "Mozilla/5.0" };
const BASE: ServerClientOptions = { baseUrl: "https://tenant.example.test", clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm", clientSecret: SECRET };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

/**
 * A tenant: issues access tokens (counting them), accepts only its current one (else 401), and answers the ticket,
 * verification and refresh calls; `answer` overrides a path's answer.
 */
function tenant(answer: Record<string, (request: Request) => Response | Promise<Response>> = {}, expiresIn = 1800) {
  let issued = 0;
  let current = "";
  const requests: Array<{ path: string; authorization: string | null; contentType: string | null; body: string }> = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = await request.clone().text();
    requests.push({ path, authorization: request.headers.get("authorization"), contentType: request.headers.get("content-type"), body });
    if (answer[path]) return answer[path](request);
    if (path === "/api/v2/tenant/token") {
      current = ACCESS(++issued);
      return json(200, { access_token: current, token_type: "Bearer", expires_in: expiresIn, id_token: ID_TOKEN });
    }
    if (request.headers.get("authorization") !== `Bearer ${current}`) return new Response(null, { status: 401 });
    if (path === "/api/v2/tenant/sso/session-token/sso-ticket") return json(200, { sso_ticket: TICKET, expire: 300 });
    if (path === "/api/v2/tenant/sso/sso-ticket/verify") return json(200, { data: { user: { id: "u-1", name: "test", userName: "test", mobile: MOBILE, email: "123@example.com" } } });
    if (path === "/api/v2/tenant/sso/session-token/refresh") return json(200, { session_token: `${SESSION}-2`, id_token: ID_TOKEN, expire: 7200 });
    return new Response(null, { status: 404 });
  };
  return { fetch, requests, issued: () => issued, retire: () => (current = "retired") };
}

const SECRETS = [SECRET, ACCESS(1), ACCESS(2), SESSION, TICKET, ID_TOKEN, MOBILE];
const expectSafe = (result: unknown) => {
  const text = views(result as Parameters<typeof views>[0]);
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
};

afterEach(() => vi.useRealTimers());

describe("createServerClient's options", () => {
  test.each([
    ["no clientSecret", { ...BASE, clientSecret: undefined }, /clientSecret must be a non-empty string/],
    ["an empty clientSecret", { ...BASE, clientSecret: "" }, /clientSecret/],
    ["a clientSecret too long for the token request", { ...BASE, clientSecret: `${SECRET}${"x".repeat(300)}` }, /at most 256/],
    ["no clientId", { ...BASE, clientId: undefined }, /clientId/],
    ["both baseUrl and domain", { ...BASE, domain: "tenant.example.test" }, /either baseUrl or domain/],
    ["plain http to a remote host", { ...BASE, baseUrl: "http://tenant.example.test" }, /https/],
    ["a timeout of 0", { ...BASE, timeoutMs: 0 }, /timeoutMs/],
    ["a fetch that is not a function", { ...BASE, fetch: "fetch" }, /fetch must be a function/],
    ["maxResponseBytes of 0", { ...BASE, maxResponseBytes: 0 }, /maxResponseBytes/],
    ["a tenantId with a line break", { ...BASE, tenantId: "t\r\nX: y" }, /tenantId/],
  ])("refuses %s with a ConfigError that never quotes the secret", (_name, options, message) => {
    let thrown: unknown;
    try {
      createServerClient(options as ServerClientOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain(SECRET);
  });

  test("a domain gives an https base URL, and the client's views hold no secret", () => {
    const client = createServerClient({ domain: "tenant.example.test", clientId: "id", clientSecret: SECRET });
    expect(client.baseUrl).toBe("https://tenant.example.test");
    expect(JSON.stringify(client) + String(client)).not.toContain(SECRET);
    expect(views(client as never)).not.toContain(SECRET);
  });
});

describe("the server client's calls", () => {
  test("gets the app token through the token operation (a form body) on first need, then sends it as Bearer", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    expect(t.requests).toEqual([]);
    const result = await client.exchangeSessionToken({ session_token: SESSION, ...DEVICE });
    expect(result.ok && result.body).toEqual({ sso_ticket: TICKET, expire: 300 });
    const [token, exchange] = t.requests;
    expect(token).toMatchObject({ path: "/api/v2/tenant/token", authorization: null, contentType: "application/x-www-form-urlencoded" });
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({ grant_type: "client_credentials", client_id: BASE.clientId, client_secret: SECRET });
    expect(exchange).toMatchObject({ path: "/api/v2/tenant/sso/session-token/sso-ticket", authorization: `Bearer ${ACCESS(1)}`, contentType: "application/json;charset=utf8" });
    expect(JSON.parse(exchange!.body)).toEqual({ session_token: SESSION, ...DEVICE });
    expectSafe(result);
  });

  test("many concurrent callers share one token request, and later calls reuse the token", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.verifyTicket({ sso_ticket: TICKET, ...DEVICE })));
    expect(results.every((r) => r.ok)).toBe(true);
    await client.refreshSessionToken({ session_token: SESSION, ...DEVICE });
    expect(t.issued()).toBe(1);
  });

  test("renews the token shortly before it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = tenant({}, 1800);
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    vi.setSystemTime(Date.now() + 1700_000);
    await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    expect(t.issued()).toBe(1);
    vi.setSystemTime(Date.now() + 50_000); // 1750 s: inside the 60 s margin
    await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    expect(t.issued()).toBe(2);
  });

  test("a 401 gets one new token and one more try", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    t.retire();
    const result = await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    expect(result.ok).toBe(true);
    expect(t.issued()).toBe(2);
    expect(t.requests.map((r) => r.authorization)).toEqual([null, `Bearer ${ACCESS(1)}`, `Bearer ${ACCESS(1)}`, null, `Bearer ${ACCESS(2)}`]);
  });

  test("a second 401 is returned as the failure, after exactly one refresh", async () => {
    const t = tenant({ "/api/v2/tenant/sso/sso-ticket/verify": () => new Response(null, { status: 401 }) });
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const result = await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    expect(result.ok).toBe(false);
    expect(!result.ok && { kind: result.error.kind, status: result.response?.status }).toEqual({ kind: "http", status: 401 });
    expect(t.issued()).toBe(2);
    expectSafe(result);
  });

  test("a refused token request is the call's failure (never a rejection), and its views hold no secret", async () => {
    const t = tenant({ "/api/v2/tenant/token": () => json(400, { error_code: "APP.0001", error_msg: `bad client_secret ${SECRET}` }, { "X-Request-Id": SECRET }) });
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const result = await client.userFromSessionToken({ session_token: SESSION, ...DEVICE });
    expect(result.ok).toBe(false);
    expect(!result.ok && { kind: result.error.kind, url: result.error.request.url }).toEqual({ kind: "api", url: "https://tenant.example.test/api/v2/tenant/token" });
    expect(t.requests.map((r) => r.path)).toEqual(["/api/v2/tenant/token"]);
    expectSafe(result);
  });

  test("a fetch that throws is a NetworkError result, never a rejection", async () => {
    const client = createServerClient({ ...BASE, fetch: () => Promise.reject(new Error(`boom ${SECRET}`)) });
    const result = await client.exchangeSessionToken({ session_token: SESSION, ...DEVICE });
    expect(!result.ok && result.error.kind).toBe("network");
    expectSafe(result);
  });

  test("bad input is an InputError and nothing of it is sent; the session token is never quoted", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const missing = await client.exchangeSessionToken({ session_token: SESSION } as never);
    const extra = await client.exchangeSessionToken({ session_token: SESSION, ...DEVICE, mobile: MOBILE } as never);
    const notObject = await client.verifyTicket(null as never);
    for (const result of [missing, extra, notObject]) {
      expect(!result.ok && result.error.kind).toBe("input");
      expectSafe(result);
    }
    // Checked before the app token is needed: nothing went out, not even the token request.
    expect(t.requests).toEqual([]);
  });

  test("bad input is an InputError even when the token request would fail", async () => {
    const t = tenant({ "/api/v2/tenant/token": () => new Response(null, { status: 503 }) });
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const result = await client.exchangeSessionToken({ session_token: SESSION } as never, { timeoutMs: -1 });
    expect(!result.ok && result.error.kind).toBe("input");
    expect(t.requests).toEqual([]);
  });

  test("a call may not set Authorization or a device, and its extra headers are sent", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const auth = await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE }, { headers: { authorization: "Bearer mine" } });
    expect(!auth.ok && auth.error.kind).toBe("input");
    const device = await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE }, { device: { fingerprint: "x" } } as never);
    expect(!device.ok && device.error.kind).toBe("input");
    expect(t.requests).toEqual([]);
    const ok = await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE }, { headers: { Prefer: "example=user" } });
    expect(ok.ok).toBe(true);
    const aborted = await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE }, { signal: AbortSignal.abort() });
    expect(!aborted.ok && aborted.error.kind).toBe("abort");
    expect(t.requests.map((r) => r.path)).toEqual(["/api/v2/tenant/token", "/api/v2/tenant/sso/sso-ticket/verify"]);
  });

  test("sends X-tenant-id when configured", async () => {
    const seen: Array<string | null> = [];
    const t = tenant();
    const client = createServerClient({ ...BASE, tenantId: "08f770f51f80d2f40f38c00cb199fd21", fetch: (r) => (seen.push(r.headers.get("x-tenant-id")), t.fetch(r)) });
    await client.verifyTicket({ sso_ticket: TICKET, ...DEVICE });
    expect(seen.at(-1)).toBe("08f770f51f80d2f40f38c00cb199fd21");
  });

  test("userFromSessionToken exchanges, then verifies with the same device fields; the user's data stays out of every view", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const result = await client.userFromSessionToken({ session_token: SESSION, ...DEVICE });
    expect(result.ok && result.body.data.user).toMatchObject({ id: "u-1", name: "test", mobile: MOBILE });
    expect(t.requests.map((r) => r.path)).toEqual(["/api/v2/tenant/token", "/api/v2/tenant/sso/session-token/sso-ticket", "/api/v2/tenant/sso/sso-ticket/verify"]);
    expect(JSON.parse(t.requests[2]!.body)).toEqual({ sso_ticket: TICKET, ...DEVICE });
    expectSafe(result);
  });

  test("a failed exchange ends userFromSessionToken with that failure; a server echoing the session token shows it nowhere", async () => {
    const t = tenant({ "/api/v2/tenant/sso/session-token/sso-ticket": () => json(400, { error_code: "SSO.0001", error_msg: `invalid ${SESSION}` }, { "X-Request-Id": SESSION }) });
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const result = await client.userFromSessionToken({ session_token: SESSION, ...DEVICE });
    expect(!result.ok && result.error.kind).toBe("api");
    expect(t.requests.map((r) => r.path)).not.toContain("/api/v2/tenant/sso/sso-ticket/verify");
    expectSafe(result);
  });

  test("userFromSessionToken reads its input once: a getter that throws on a second read cannot make it reject", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    let reads = 0;
    const input = { session_token: SESSION, ...DEVICE };
    Object.defineProperty(input, "device_fingerprint", { enumerable: true, get: () => (reads++ ? (() => { throw new Error(SESSION); })() : DEVICE.device_fingerprint) });
    const result = await client.userFromSessionToken(input);
    expect(result.ok).toBe(true);
    expect(JSON.parse(t.requests.at(-1)!.body).device_fingerprint).toBe(DEVICE.device_fingerprint);
  });

  test("its methods work detached from the client, as the login client's do", async () => {
    const t = tenant();
    const { userFromSessionToken, verifyTicket } = createServerClient({ ...BASE, fetch: t.fetch });
    expect((await userFromSessionToken({ session_token: SESSION, ...DEVICE })).ok).toBe(true);
    expect((await verifyTicket({ sso_ticket: TICKET, ...DEVICE })).ok).toBe(true);
  });

  test("the refresh's new session token and id_token stay out of every view", async () => {
    const t = tenant();
    const client = createServerClient({ ...BASE, fetch: t.fetch });
    const result = await client.refreshSessionToken({ session_token: SESSION, ...DEVICE });
    expect(result.ok && result.body.session_token).toBe(`${SESSION}-2`);
    expectSafe(result);
    expect(views(result as never)).not.toContain(`${SESSION}-2`);
  });
});
