import { describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, type InputError, type LoginClientOptions, type LoginResult } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const OK = { status: "SUCCESS", session_token: "bts-1", expire: 604800 };
const MAX_TIMEOUT = 2 ** 31 - 1; // setTimeout's limit: a longer delay would fire at once

/** Violations of an InputError result, or [] when the request was sent. */
async function violationsOf(credentials: unknown, call?: object): Promise<string[]> {
  const { client, requests } = clientWith(() => json(200, OK));
  const result: LoginResult = await client.login(credentials as never, call);
  if (result.ok) {
    expect(requests).toHaveLength(1);
    return [];
  }
  expect(result.error.kind).toBe("input");
  expect(requests).toHaveLength(0);
  return [...(result.error as InputError).violations];
}

const configProblem = (overrides: Record<string, unknown>): string | undefined => {
  try {
    createLoginClient({ ...PAGE.options, ...overrides } as LoginClientOptions);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace("Invalid login client options: ", "");
  }
};

describe("request validation at its boundaries", () => {
  const astral = "😀"; // one code point, two UTF-16 units

  test("maxLength counts code points: 32 astral characters fit, 33 do not", async () => {
    expect(await violationsOf({ mobile: astral.repeat(32), verify_code: "232326" })).toEqual([]);
    expect(await violationsOf({ mobile: astral.repeat(33), verify_code: "232326" })).toEqual(["body.mobile must be at most 32 characters"]);
  });

  test("maxLength is inclusive: exactly 32 characters fit, 33 do not", async () => {
    expect(await violationsOf({ mobile: "1".repeat(32), verify_code: "9".repeat(32) })).toEqual([]);
    expect(await violationsOf({ mobile: "1".repeat(32), verify_code: "9".repeat(33) })).toEqual(["body.verify_code must be at most 32 characters"]);
  });

  test("minLength: one character (even an astral one) is enough, none is not", async () => {
    expect(await violationsOf({ mobile: "1", verify_code: astral })).toEqual([]);
    expect(await violationsOf({ mobile: "1", verify_code: "" })).toEqual(["body.verify_code must not be empty"]);
  });

  test("an explicitly undefined field counts as missing", async () => {
    expect(await violationsOf({ mobile: undefined, verify_code: "232326" })).toEqual(["body.mobile is required"]);
  });

  test("type rules name the expected type with its article", async () => {
    expect(await violationsOf({ mobile: 1, verify_code: "1" })).toEqual(["body.mobile must be a string"]);
    expect(await violationsOf(["12345678901", "232326"])).toEqual(["body must be an object"]);
    expect(await violationsOf("12345678901")).toEqual(["body must be an object"]);
  });
});

describe("response validation at its boundaries", () => {
  const login = async (body: unknown) => clientWith(() => json(200, body)).client.login(PAGE.credentials);

  test("expire: 0 is a valid lifetime, -1 is not", async () => {
    expect(await login({ ...OK, expire: 0 })).toMatchObject({ ok: true, body: { expire: 0 } });
    expect(await login({ ...OK, expire: -1 })).toMatchObject({ ok: false, error: { kind: "contract", violations: ["body.expire must be >= 0"] } });
  });

  test("expire must be a whole number", async () => {
    expect(await login({ ...OK, expire: 1.5 })).toMatchObject({ ok: false, error: { violations: ["body.expire must be an integer"] } });
  });

  test("the tokens must be strings when present, and may be absent", async () => {
    expect(await login({ status: "ACCESS_DENIED" })).toMatchObject({ ok: true, status: "ACCESS_DENIED" });
    expect(await login({ status: "SUCCESS", session_token: 5, expire: 1 })).toMatchObject({
      ok: false,
      error: { violations: ["body.session_token must be a string"] },
    });
  });

  test("a 400 needs both error_code and error_msg", async () => {
    const result = await clientWith(() => json(400, { error_code: "LOGIN.0002" })).client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "contract", status: 400, violations: ["body.error_msg is required"] } });
  });
});

describe("timeouts at setTimeout's limit", () => {
  test("2^31-1 ms is accepted for the client and for a call; 2^31 is refused for both", async () => {
    expect(configProblem({ timeoutMs: MAX_TIMEOUT })).toBeUndefined();
    expect(configProblem({ timeoutMs: MAX_TIMEOUT + 1 })).toBe("timeoutMs must be a positive number of milliseconds");
    expect(await violationsOf(PAGE.credentials, { timeoutMs: MAX_TIMEOUT })).toEqual([]);
    expect(await violationsOf(PAGE.credentials, { timeoutMs: MAX_TIMEOUT + 1 })).toEqual(["timeoutMs must be a positive number of milliseconds"]);
  });

  test.each([0, -1, Number.NaN, Infinity, "1000"])("timeoutMs %s is refused", async (timeoutMs) => {
    expect(configProblem({ timeoutMs })).toBe("timeoutMs must be a positive number of milliseconds");
    expect(await violationsOf(PAGE.credentials, { timeoutMs })).toEqual(["timeoutMs must be a positive number of milliseconds"]);
  });

  test("1 ms is the smallest timeout", async () => {
    expect(configProblem({ timeoutMs: 1 })).toBeUndefined();
  });
});

describe("base URL and domain rules", () => {
  const BASE_URL_RULE = "baseUrl must be an http(s) URL without user info, query, fragment or control characters";
  const DOMAIN_RULE = "domain must be a host name such as tenant.example.com";

  test.each([
    "xhttp://tenant.example.test",
    " https://tenant.example.test",
    "https://tenant.example.test/a b",
    "https://tenant.example.test/\n",
    "https://",
    "https://user@tenant.example.test",
    "https://tenant.example.test:99999",
    "https://tenant .example.test",
  ])("refuses baseUrl %j", (baseUrl) => {
    expect(configProblem({ baseUrl })).toBe(BASE_URL_RULE);
  });

  test.each([
    ["HTTPS://Tenant.Example.Test", "HTTPS://Tenant.Example.Test"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["https://tenant.example.test/base/path//", "https://tenant.example.test/base/path"],
  ])("accepts baseUrl %j as %j", (baseUrl, expected) => {
    expect(createLoginClient({ ...PAGE.options, baseUrl }).baseUrl).toBe(expected);
  });

  test.each(["tenant.example.test/", "user@tenant.example.test", "tenant.example.test?x", "tenant .example.test", "tenant.example.test#x", 42])(
    "refuses domain %j",
    (domain) => {
      expect(configProblem({ baseUrl: undefined, domain })).toBe(DOMAIN_RULE);
    },
  );

  test("refuses a domain that makes an unparsable URL", () => {
    expect(configProblem({ baseUrl: undefined, domain: "tenant.example.test:99999" })).toBe(BASE_URL_RULE);
  });

  test("refuses a non-string baseUrl, even one that reads as a URL", () => {
    expect(configProblem({ baseUrl: 42 })).toBe(BASE_URL_RULE);
    expect(configProblem({ baseUrl: new URL("https://tenant.example.test") })).toBe(BASE_URL_RULE);
  });

  test("refuses a non-string domain, even one that reads as a host name", () => {
    expect(configProblem({ baseUrl: undefined, domain: { toString: () => "tenant.example.test" } })).toBe(DOMAIN_RULE);
  });
});

describe("header values", () => {
  test("a tab and Latin-1 characters can be sent; DEL and other control characters cannot", async () => {
    const { client, requests } = clientWith(() => json(200, OK));
    expect((await client.login(PAGE.credentials, { device: { agent: "App\t1.0 (café)" } })).ok).toBe(true);
    expect(requests[0]!.headers.get("x-agent")).toBe("App\t1.0 (café)");
    for (const bad of ["App\x7f", "App\x00", "App\x1f"]) {
      expect(await violationsOf(PAGE.credentials, { device: { agent: bad } })).toEqual(["header X-agent has characters that cannot be sent"]);
    }
  });

  test("a header value of the wrong type is reported once, as a type error", async () => {
    expect(await violationsOf(PAGE.credentials, { device: { agent: ["App\n1.0"] } })).toEqual(["headers.X-agent must be a string"]);
  });

  test("a client whose own device headers are unsendable or empty is refused at creation, before any call", () => {
    // The device's own headers are checked once, like the client id: a call could never send them.
    for (const [fingerprint, problem] of [
      ["fp\n", "header X-device-fingerprint has characters that cannot be sent"],
      ["", "headers.X-device-fingerprint must not be empty"],
    ] as const) {
      let thrown: unknown;
      try {
        createLoginClient({ ...PAGE.options, device: { ...PAGE.options.device, fingerprint } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toBe(`Invalid login client options: ${problem}`);
    }
  });

  test("options that are not an object are refused as such, even a URL string", () => {
    expect(() => createLoginClient("https://tenant.example.test" as never)).toThrow("Invalid login client options: options must be an object");
  });

  test("an empty client id in the options is refused at creation", () => {
    expect(configProblem({ clientId: undefined })).toBe("clientId must be a non-empty string");
    expect(configProblem({ device: "Android" })).toBe("device must be an object");
  });
});
