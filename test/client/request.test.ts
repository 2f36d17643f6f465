import { describe, expect, test } from "vitest";
import { CONTENT_TYPE, createLoginClient, LOGIN_PATH } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const OK = { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 };

describe("POST /api/v2/sdk/login/mobile-verify-code: the request", () => {
  test("sends the page's example request: method, URL, exact Content-Type, every header, JSON body", async () => {
    const { client, requests } = clientWith(() => json(200, OK));
    const result = await client.login(PAGE.credentials);
    expect(result.ok).toBe(true);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`https://tenant.example.test${LOGIN_PATH}`);
    expect(request.headers.get("content-type")).toBe("application/json;charset=utf8");
    expect(CONTENT_TYPE).toBe("application/json;charset=utf8");
    expect(Object.fromEntries(request.headers)).toEqual({
      "content-type": "application/json;charset=utf8",
      "x-operating-sys-version": "Android 10",
      "x-device-fingerprint": "156aysdna213sac",
      "x-device-ip": "10.10.10.1",
      "x-agent": PAGE.options.device.agent,
      "x-l": "zh",
      "x-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
      "x-tenant-id": "08f770f51f80d2f40f38c00cb199fd21",
    });
    expect(await request.json()).toEqual({ mobile: "12345678901", verify_code: "232326" });
  });

  test("leaves optional headers out when not set (ordinary tenant, no IP, no language)", async () => {
    const { client, requests } = clientWith(() => json(200, OK), {
      tenantId: undefined,
      device: { osVersion: "iOS 17", fingerprint: "fp-1", agent: "App/1.0" },
    });
    await client.login(PAGE.credentials);
    const names = [...requests[0]!.headers.keys()].sort();
    expect(names).toEqual(["content-type", "x-agent", "x-client-id", "x-device-fingerprint", "x-operating-sys-version"]);
  });

  test("merges a call's device context over the client's (a backend logging in many users)", async () => {
    const { client, requests } = clientWith(() => json(200, OK));
    await client.login(PAGE.credentials, { device: { fingerprint: "other-device", ip: "192.0.2.7" } });
    expect(requests[0]!.headers.get("x-device-fingerprint")).toBe("other-device");
    expect(requests[0]!.headers.get("x-device-ip")).toBe("192.0.2.7");
    expect(requests[0]!.headers.get("x-agent")).toBe(PAGE.options.device.agent);
  });

  test("keeps the options it was created with, whatever the caller changes later", async () => {
    const requests: Request[] = [];
    const options = {
      ...PAGE.options,
      device: { ...PAGE.options.device },
      fetch: async (request: Request) => (requests.push(request), json(200, OK)),
    };
    const client = createLoginClient(options);
    options.device.fingerprint = "changed";
    options.clientId = "changed";
    await client.login(PAGE.credentials, { device: { ip: "192.0.2.9" } });
    await client.login(PAGE.credentials);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.headers.get("x-device-fingerprint")).toBe("156aysdna213sac");
      expect(request.headers.get("x-client-id")).toBe("DRrYIqauawN0I8myTMoDTPys6ezGZxnm");
    }
  });

  test("builds https://{domain} from a domain name, e.g. the ISV common domain", async () => {
    const { client, requests } = clientWith(() => json(200, OK), { baseUrl: undefined, domain: "isv.example.test" });
    expect(client.baseUrl).toBe("https://isv.example.test");
    await client.login(PAGE.credentials);
    expect(requests[0]!.url).toBe(`https://isv.example.test${LOGIN_PATH}`);
  });

  test("keeps a base path and drops a trailing slash", async () => {
    const { client, requests } = clientWith(() => json(200, OK), { baseUrl: "http://127.0.0.1:4010/proxy/" });
    await client.login(PAGE.credentials);
    expect(requests[0]!.url).toBe(`http://127.0.0.1:4010/proxy${LOGIN_PATH}`);
  });

  test("runs openapi-fetch middleware given at creation, in order, with openapi-fetch's hooks", async () => {
    const seen: string[] = [];
    const { client, requests } = clientWith(() => json(200, OK), {
      middleware: [
        { onRequest: ({ request }) => void seen.push(`created:${request.headers.get("x-client-id")}`) },
        {
          onRequest: ({ request }) => {
            request.headers.set("X-Trace", "t-1");
            return request;
          },
          onResponse: ({ response }) => void seen.push(`answered:${response.status}`),
        },
      ],
    });
    await client.login(PAGE.credentials);
    expect(seen).toEqual(["created:DRrYIqauawN0I8myTMoDTPys6ezGZxnm", "answered:200"]);
    expect(requests[0]!.headers.get("x-trace")).toBe("t-1");
  });

  test("a middleware may answer in fetch's place (onRequest) or turn a failure into an answer (onError)", async () => {
    const answered = clientWith(() => json(500, {}), { middleware: [{ onRequest: () => json(200, OK) }] });
    expect(await answered.client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "SUCCESS" });
    expect(answered.requests).toHaveLength(0);
    const rescued = clientWith(() => Promise.reject(new TypeError("fetch failed")), { middleware: [{ onError: () => json(200, OK) }] });
    expect(await rescued.client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "SUCCESS" });
  });

  test("uses the global fetch when none is given", async () => {
    const original = globalThis.fetch;
    const calls: string[] = [];
    globalThis.fetch = (async (input: Request) => {
      calls.push(input.url);
      return json(200, OK);
    }) as typeof fetch;
    try {
      const client = createLoginClient(PAGE.options);
      expect((await client.login(PAGE.credentials)).ok).toBe(true);
      expect(calls).toEqual([`https://tenant.example.test${LOGIN_PATH}`]);
    } finally {
      globalThis.fetch = original;
    }
  });
});
