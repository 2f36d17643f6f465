import { afterEach, describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, LOGIN_PATH, type LoginClientOptions } from "../../src/index.js";
import { json, PAGE } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const create = (overrides: object) => () => createLoginClient({ ...PAGE.options, ...overrides } as LoginClientOptions);

describe("createLoginClient: http only on loopback", () => {
  test.each(["http://127.0.0.1:4010", "http://127.8.9.10", "http://localhost:8080/base", "http://[::1]:3000", "http://LOCALHOST"])(
    "accepts plain http to the loopback host %s",
    (baseUrl) => expect(create({ baseUrl })).not.toThrow(),
  );

  test.each(["http://tenant.example.test", "http://10.0.0.1", "http://128.0.0.1", "http://localhost.example.test", "http://[::2]"])(
    "refuses plain http to %s with a ConfigError",
    (baseUrl) => {
      expect(create({ baseUrl })).toThrow(ConfigError);
      expect(create({ baseUrl })).toThrow("baseUrl must be https unless its host is loopback (or set allowInsecureHttp: true)");
    },
  );

  test("allowInsecureHttp: true opts in by name; anything but true does not", () => {
    expect(create({ baseUrl: "http://tenant.example.test", allowInsecureHttp: true })).not.toThrow();
    expect(create({ baseUrl: "http://tenant.example.test", allowInsecureHttp: "yes" })).toThrow(ConfigError);
  });
});

describe("createLoginClient: everything checkable is checked at creation", () => {
  test.each([
    [{ clientId: "id\r\nX-Evil: 1" }, "header X-client-id has characters that cannot be sent"],
    [{ clientId: "客户端" }, "header X-client-id has characters that cannot be sent"],
    [{ tenantId: "" }, "headers.X-tenant-id must not be empty"],
    [{ tenantId: "t\n" }, "header X-tenant-id has characters that cannot be sent"],
    [{ tenantId: 5 }, "headers.X-tenant-id must be a string"],
    [{ device: { ...PAGE.options.device, agent: "" } }, "headers.X-agent must not be empty"],
    [{ middleware: {} }, "middleware must be an array of openapi-fetch middleware objects"],
    [{ middleware: [42] }, "middleware must be an array of openapi-fetch middleware objects"],
    [{ middleware: [{}] }, "middleware must be an array of openapi-fetch middleware objects"],
    [{ middleware: [{ onRequest: "x" }] }, "middleware must be an array of openapi-fetch middleware objects"],
  ])("%j is a ConfigError", (overrides, problem) => {
    expect(create(overrides)).toThrow(ConfigError);
    expect(create(overrides)).toThrow(`Invalid login client options: ${problem}`);
  });
});

describe("createLoginClient: the global fetch is looked up at call time", () => {
  const original = globalThis.fetch;
  afterEach(() => void (globalThis.fetch = original));

  test("a fetch installed after creation (MSW, nock, MockAgent) sees the login and the other operations' calls", async () => {
    const client = createLoginClient(PAGE.options);
    const seen: string[] = [];
    globalThis.fetch = (async (request: Request) => (seen.push(request.url), json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }))) as typeof fetch;
    expect((await client.login(PAGE.credentials)).ok).toBe(true);
    await client.getCaptcha();
    expect(seen).toEqual([`https://tenant.example.test${LOGIN_PATH}`, "https://tenant.example.test/api/v2/sdk/captcha"]);
  });

  test("a fetch replaced after creation routes a real call to another local server", async () => {
    const first = await localServer((res) => res.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"SUCCESS","session_token":"bts******2VO","expire":604800}'));
    const second = await localServer((res) => res.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"MFA_AUTH"}'));
    try {
      const client = createLoginClient({ ...PAGE.options, baseUrl: first.url });
      expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "SUCCESS" });
      globalThis.fetch = ((request: Request, init?: RequestInit) => original(new Request(request.url.replace(first.url, second.url), request), init)) as typeof fetch;
      expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "MFA_AUTH" });
      expect([first.requests.length, second.requests.length]).toEqual([1, 1]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test("an explicit fetch option is still the one used", async () => {
    const mine: string[] = [];
    const client = createLoginClient({ ...PAGE.options, fetch: async (r) => (mine.push(r.url), json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 })) });
    globalThis.fetch = (async () => { throw new Error("global fetch used"); }) as typeof fetch;
    expect((await client.login(PAGE.credentials)).ok).toBe(true);
    expect(mine).toHaveLength(1);
  });
});
