// Adversarial probes against docs/views.md's closed-set rule: every view of a result, an error or verify's report is
// built from the package's sentences, measured numbers and closed sets, and "no string the server (or a custom fetch)
// chose reaches a view in any other way". Each test below hands the client (or verify) a string a server, a custom
// fetch, a middleware or a caller chose, and looks for it in every view.
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { checkServer, formatCheckReport, toJUnit } from "../../src/check/index.js";
import { readVerifyArgs } from "../../src/check/verify-args.js";
import { ConfigError, createLoginClient, type LoginResult } from "../../src/index.js";
import { createAppTokenManager, createIdTokenVerifier, createServerClient, IdTokenError } from "../../src/server/index.js";
import { PAGE } from "../helpers/client.js";

/** A string no package sentence holds: what a hostile party would put where it can. */
const MARK = `mk${randomBytes(6).toString("hex")}`;
const credentials = { mobile: "13912345678", verify_code: "232326" };

/** Every view of a result: inspect at any depth (showHidden, getters), JSON, the error's chain, its stack. */
function views(given: { readonly ok: boolean }): string {
  const result = given as LoginResult;
  const out = [
    inspect(result, { depth: Infinity }),
    inspect(result, { depth: Infinity, showHidden: true }),
    inspect(result, { depth: Infinity, getters: true }),
    JSON.stringify(result),
    inspect({ ...result }),
  ];
  for (let e: unknown = result.ok ? undefined : result.error, depth = 0; e !== undefined && depth < 10; e = (e as Error).cause, depth++) {
    out.push(String(e), JSON.stringify(e) ?? "", inspect(e, { depth: Infinity, showHidden: true }), JSON.stringify(Object.entries(e as object)));
    if (e instanceof Error) out.push(e.message, e.stack ?? "");
  }
  return out.join("\n");
}

const expectHidden = (result: { readonly ok: boolean }) => expect(views(result).toLowerCase()).not.toContain(MARK.toLowerCase());

/** A JSON answer. */
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** `answer` through a Proxy whose `status` is `first` for the first `reads` reads and `later` after: a Response-like object a custom fetch may return. */
function shifting(answer: Response, first: number, later: unknown, reads = 1): Response {
  let n = 0;
  return new Proxy(answer, {
    get(target, key) {
      if (key === "status") return n++ < reads ? first : later;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value == "function" ? value.bind(target) : value;
    },
  });
}

/** A Response (so `instanceof Response` holds) whose status is any value: what a middleware may hand back. */
class OddStatus extends Response {
  override get status(): number {
    return MARK as unknown as number;
  }
  override get ok(): boolean {
    return false;
  }
}

const client = (fetch: (request: Request) => unknown, extra: object = {}) => createLoginClient({ ...PAGE.options, fetch: fetch as typeof globalThis.fetch, ...extra });
const SUCCESS = { status: "SUCCESS", session_token: "t", expire: 600 };

describe("a custom fetch's Response-like answer: the status is read once, checked, and that number is the one shown", () => {
  test.each([
    ["a 503 whose status reads as text after the check", 503, MARK, {}],
    ["a 200 whose status reads as text after the check", 200, MARK, SUCCESS],
    ["a 503 whose status reads as an object with toString and toJSON after the check", 503, { toString: (): string => MARK, valueOf: (): number => 400, toJSON: (): string => MARK }, {}],
  ])("%s", async (_what, first, later, body) => {
    expectHidden(await client(async () => shifting(json(first, body), first, later)).login(credentials));
  });

  test("a body over maxResponseBytes whose status reads as text after the check", async () => {
    expectHidden(await client(async () => shifting(new Response("x".repeat(100), { status: 200 }), 200, MARK), { maxResponseBytes: 10 }).login(credentials));
  });

  test.each([
    ["a success", 200, SUCCESS],
    ["a 503", 503, {}],
  ])("%s whose status reads as text only when the result is logged", async (_what, status, body) => {
    // Every read while the call runs sees the number; the view reads `response.status` again, later.
    const result = await client(async () => shifting(json(status, body), status, MARK, 6)).login(credentials);
    expectHidden(result);
  });
});

describe("a middleware's Response: its status is a value the middleware chose", () => {
  test.each([
    ["onResponse", { onResponse: () => new OddStatus("{}") }],
    ["onRequest", { onRequest: () => new OddStatus("{}") }],
  ])("%s returning a Response subclass whose status is text", async (_hook, middleware) => {
    expectHidden(await client(async () => json(200, SUCCESS), { middleware: [middleware] }).login(credentials));
  });
});

describe("a transport error's name is read once: a getter cannot pass the check and then say something else", () => {
  /** An error whose `name` is "TypeError" on the first read and the marker after. */
  const twoFaced = () => {
    let reads = 0;
    return Object.defineProperty(new Error("x"), "name", { get: () => (reads++ ? MARK : "TypeError") });
  };

  test("the error a custom fetch throws", async () => {
    expectHidden(await client(async () => Promise.reject(twoFaced())).login(credentials));
  });

  test("a name that is an object whose toString says TypeError first", async () => {
    let reads = 0;
    const name = { toString: () => (reads++ ? MARK : "TypeError") };
    expectHidden(await client(async () => Promise.reject(Object.defineProperty(new Error("x"), "name", { value: name }))).login(credentials));
  });

  test("the cause of the error a custom fetch throws", async () => {
    expectHidden(await client(async () => Promise.reject(new TypeError("fetch failed", { cause: twoFaced() }))).login(credentials));
  });
});

describe("a 200's status is shown only when the contract closes it", () => {
  // PasswordStepResponse's status is an open string (the pages list no values): the server chooses it freely.
  const stateToken = { state_token: "st" };

  test("updatePassword: a status the server made up", async () => {
    expectHidden(await client(async () => json(200, { status: MARK })).updatePassword({ ...stateToken, old_password: "o", new_password: "n" }));
  });

  test("skipPasswordUpdate: a status the server made up", async () => {
    expectHidden(await client(async () => json(200, { status: MARK })).skipPasswordUpdate(stateToken));
  });
});

describe("the server entry shares the pipeline, and its holes", () => {
  const device = { operating_sys_version: "Android 10", device_ip: "10.10.10.1", device_fingerprint: "f" };
  const server = (fetch: (request: Request) => unknown, extra: object = {}) =>
    createServerClient({ baseUrl: "https://tenant.example.test", clientId: "cid", clientSecret: "cs", fetch: fetch as typeof globalThis.fetch, ...extra });

  test("the token request answered through a middleware whose Response's status is text", async () => {
    const result = await server(async () => json(200, {}), { middleware: [{ onResponse: () => new OddStatus("{}") }] }).exchangeSessionToken({ session_token: "st", ...device });
    expectHidden(result);
  });

  test("a ticket verification whose answer's status reads as text after the check", async () => {
    const result = await server(async (request) =>
      request.url.endsWith("/api/v2/tenant/token") ? json(200, { access_token: "a", expires_in: 7200 }) : shifting(json(503, {}), 503, MARK),
    ).verifyTicket({ sso_ticket: "t", ...device });
    expectHidden(result);
  });
});

describe("the configured base URL: shown in every message, so it may hold no format character (docs/views.md)", () => {
  test.each([
    ["a zero-width space", "\u200b"],
    ["a soft hyphen", "\u00ad"],
  ])("a host with %s is refused, or at least never shown", async (_what, char) => {
    let made: ReturnType<typeof createLoginClient>;
    try {
      made = client(async () => Promise.reject(new TypeError()), { baseUrl: `https://ten${char}ant.example.test` });
    } catch {
      return; // refused with a ConfigError: what docs/views.md promises
    }
    expect(views(await made.login(credentials))).not.toContain(char);
  });
});

describe("verify's option errors name no header the caller chose (any name may be a secret, as in the client)", () => {
  const upstream = "http://127.0.0.1:9";
  const refusal = async (headers: Record<string, unknown>) => {
    try {
      await checkServer({ upstream, maxRequests: 1, headers: headers as Record<string, string> });
    } catch (error) {
      return inspect(error) + String(error);
    }
    return "";
  };

  test.each([
    ["a value that cannot be sent", { [`X-${MARK}`]: "a\u0001b" }],
    ["a value that is not a string", { [`X-${MARK}`]: 1 }],
    ["a name given twice in two cases", { [`X-${MARK}`]: "a", [`x-${MARK.toUpperCase()}`]: "b" }],
  ])("checkServer headers with %s", async (_what, headers) => {
    const text = await refusal(headers);
    expect(text).toMatch(/Invalid verify options/);
    expect(text.toLowerCase()).not.toContain(MARK.toLowerCase());
  });

  test("verify --header given twice", () => {
    let text = "";
    try {
      readVerifyArgs(["--header", `X-${MARK}: a`, "--header", `x-${MARK}: b`]);
    } catch (error) {
      text = inspect(error) + String(error);
    }
    expect(text).toMatch(/twice/);
    expect(text.toLowerCase()).not.toContain(MARK.toLowerCase());
  });
});

describe("verify with a fetch that is not Node's (MSW, a test's stub): the status is shown only as a number", () => {
  const real = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = real;
  });

  test("a Response whose status is text", async () => {
    globalThis.fetch = async () => new OddStatus("{}", { headers: { "Content-Type": "application/json" } });
    const report = await checkServer({ upstream: "http://127.0.0.1:9", maxRequests: 3 });
    for (const view of [formatCheckReport(report), toJUnit(report), JSON.stringify(report), inspect(report, { depth: Infinity })]) expect(view).not.toContain(MARK);
  });
});

describe("createServerClient: options whose getters throw end as a ConfigError, as createLoginClient's do (docs/server.md)", () => {
  // The thrown error is the caller's (a getter, a Proxy trap) and may quote anything: it is not what escapes.
  test.each([
    ["a Proxy whose every read throws", () => new Proxy({}, { get: () => { throw new Error(MARK); } })],
    ["a clientSecret getter that throws", () => ({ baseUrl: "https://tenant.example.test", clientId: "cid", get clientSecret(): string { throw new Error(MARK); } })],
  ])("%s", (_what, options) => {
    let thrown: unknown;
    try {
      createServerClient(options() as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(inspect(thrown) + String(thrown)).not.toContain(MARK);
  });
});

describe("the server entry's building blocks: options whose getters throw end as the package's own error", () => {
  const hostile = () => new Proxy({}, { get: () => { throw new Error(MARK); }, has: () => { throw new Error(MARK); } });
  const thrownBy = (make: () => unknown) => {
    try {
      make();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  test("createIdTokenVerifier: an IdTokenError of kind input", () => {
    const thrown = thrownBy(() => createIdTokenVerifier(hostile() as never));
    expect(thrown).toBeInstanceOf(IdTokenError);
    expect(thrown).toMatchObject({ kind: "input" });
    expect(inspect(thrown) + String(thrown)).not.toContain(MARK);
  });

  test("createAppTokenManager: a TypeError of the package's words", () => {
    const thrown = thrownBy(() => createAppTokenManager(hostile() as never));
    expect(thrown).toBeInstanceOf(TypeError);
    expect(inspect(thrown) + String(thrown)).not.toContain(MARK);
  });
});
