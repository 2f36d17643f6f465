import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  AbortError,
  ApiError,
  ConfigError,
  ContractViolationError,
  createLoginClient,
  HttpError,
  InputError,
  isLoginError,
  NetworkError,
  OneAccessError,
  ResponseFormatError,
  TimeoutError,
  type LoginError,
  type LoginResult,
} from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const URL_PART = ": POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code";
const REQUEST = { method: "POST", url: "https://tenant.example.test/api/v2/sdk/login/mobile-verify-code" };

async function failureOf(handler: Parameters<typeof clientWith>[0], call?: object, credentials: object = PAGE.credentials): Promise<LoginError> {
  const { client } = clientWith(handler);
  const result: LoginResult = await client.login(credentials as typeof PAGE.credentials, call);
  if (result.ok) throw new Error(`expected a failure, got ${result.status}`);
  return result.error;
}

const never = () => new Promise<Response>(() => {});

// Each kind provoked through login(), with the exact name, kind, message and public fields a caller reads.
const KINDS: Array<[string, () => Promise<LoginError>, Record<string, unknown>]> = [
  [
    "input",
    () => failureOf(() => json(200, {}), undefined, { mobile: "" }),
    {
      name: "InputError",
      kind: "input",
      message: `Invalid login request, not sent (body.verify_code is required; body.mobile must not be empty)${URL_PART}`,
      violations: ["body.verify_code is required", "body.mobile must not be empty"],
    },
  ],
  [
    "api",
    () => failureOf(() => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." })),
    // errorMsg is raw (the server's words): not in the views, so not listed here (secrets.test.ts reads it).
    { name: "ApiError", kind: "api", message: `OneAccess refused the login with LOGIN.0002${URL_PART}`, status: 400, code: "LOGIN.0002" },
  ],
  [
    "http with a status text and a code",
    () => failureOf(() => json(500, { error_code: "APP.0003", error_msg: "boom" }, { statusText: "Internal Server Error" })),
    // The reason phrase is the server's text: never in a view. The code is one OneAccess documents.
    { name: "HttpError", kind: "http", message: `OneAccess answered HTTP 500 (APP.0003)${URL_PART}`, status: 500, code: "APP.0003" },
  ],
  [
    "http without a status text or a code",
    () => failureOf(() => new Response("<html>busy</html>", { status: 503 })),
    { name: "HttpError", kind: "http", message: `OneAccess answered HTTP 503${URL_PART}`, status: 503, code: undefined },
  ],
  [
    "format, not JSON",
    () => failureOf(() => new Response("<html>", { status: 200 })),
    { name: "ResponseFormatError", kind: "format", message: `OneAccess answered HTTP 200 with a body that is not JSON${URL_PART}`, status: 200 },
  ],
  [
    "format, empty",
    () => failureOf(() => new Response("", { status: 400 })),
    { name: "ResponseFormatError", kind: "format", message: `OneAccess answered HTTP 400 with an empty body${URL_PART}`, status: 400 },
  ],
  [
    "contract",
    () => failureOf(() => json(200, { status: "LOGGED_IN", expire: "7d" })),
    {
      name: "ContractViolationError",
      kind: "contract",
      message: `OneAccess answered HTTP 200 with a body that breaks the contract (body.status must be one of SUCCESS, PASSWORD_WARN, PASSWORD_EXPIRED, ACCESS_DENIED, MFA_AUTH; body.expire must be an integer)${URL_PART}`,
      status: 200,
      violations: ["body.status must be one of SUCCESS, PASSWORD_WARN, PASSWORD_EXPIRED, ACCESS_DENIED, MFA_AUTH", "body.expire must be an integer"],
    },
  ],
  [
    "network",
    () => failureOf(() => Promise.reject(new TypeError("fetch failed"))),
    // The names of the cause chain, never a message (a custom fetch's may quote anything).
    { name: "NetworkError", kind: "network", message: `Request failed (TypeError)${URL_PART}` },
  ],
  ["timeout", () => failureOf(never, { timeoutMs: 20 }), { name: "TimeoutError", kind: "timeout", message: `Request timed out after 20 ms${URL_PART}`, timeoutMs: 20 }],
  [
    "abort",
    () => failureOf(never, { signal: AbortSignal.abort() }),
    { name: "AbortError", kind: "abort", message: `Request was aborted by the caller${URL_PART}` },
  ],
];

describe("errors say what happened, in every view a caller or a logger uses", () => {
  test.each(KINDS)("%s: name, kind, message and fields are the documented values", async (_what, provoke, expected) => {
    const error = await provoke();
    expect(error).toBeInstanceOf(OneAccessError);
    expect(error).toBeInstanceOf(Error);
    expect(isLoginError(error)).toBe(true);
    expect({ ...pick(error, Object.keys(expected)) }).toEqual(expected);
    expect(error.request).toEqual(REQUEST);
    expect(String(error)).toBe(`${expected.name}: ${expected.message}`);
  });

  test.each(KINDS)("%s: JSON.stringify gives name, kind, message, request and the public fields", async (_what, provoke, expected) => {
    const error = await provoke();
    const defined = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
    expect(JSON.parse(JSON.stringify(error))).toEqual({ ...defined, request: REQUEST });
  });

  test.each(KINDS)("%s: the inspect view (console.log) shows the stack, the kind and the public fields", async (_what, provoke, expected) => {
    const error = await provoke();
    const shown = inspect(error);
    expect(shown.startsWith(`${expected.name}: ${expected.message}\n    at `)).toBe(true);
    expect(shown).toContain(`"kind":"${expected.kind}"`);
    expect(shown).toContain(`"message":${JSON.stringify(expected.message)}`);
    for (const field of ["status", "code", "timeoutMs", "violations"]) {
      if (expected[field] !== undefined) expect(shown).toContain(`"${field}":${JSON.stringify(expected[field])}`);
    }
    expect(shown).toContain(`"request":${JSON.stringify(REQUEST)}`);
  });

  test("a contract violation keeps the parsed body for callers, but not in its views", async () => {
    // The body is raw: kept as it came, tokens and all (docs/views.md).
    const body = { status: "LOGGED_IN", note: "body-only-marker" };
    const error = (await failureOf(() => json(200, body))) as ContractViolationError;
    expect(error.body).toEqual(body);
    expect(Object.keys(error)).not.toContain("body");
    // The views say what happened, without the body's values.
    expect(JSON.stringify(error)).toContain("body.status must be one of");
    expect(inspect(error)).toContain("body.status must be one of");
    expect(JSON.stringify(error)).not.toContain("body-only-marker");
    expect(inspect(error)).not.toContain("body-only-marker");
  });

  test("a gateway's 502 with an empty body is an HttpError, not a network failure", async () => {
    for (const body of [null, ""]) {
      const error = await failureOf(() => new Response(body, { status: 502, statusText: "Bad Gateway" }));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ name: "HttpError", kind: "http", status: 502, code: undefined });
      expect(error.message).toBe(`OneAccess answered HTTP 502${URL_PART}`);
    }
  });

  test.each([200, 400])("an announced empty body (Content-Length: 0) on HTTP %i says it was empty", async (status) => {
    const error = await failureOf(() => new Response(null, { status, headers: { "Content-Length": "0" } }));
    expect(error).toMatchObject({ name: "ResponseFormatError", kind: "format", status, message: `OneAccess answered HTTP ${status} with an empty body${URL_PART}` });
  });

  test("only a failure that had a cause carries one", async () => {
    const api = await failureOf(() => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." }));
    expect("cause" in api).toBe(false);
    const thrown = new TypeError("fetch failed");
    const network = await failureOf(() => Promise.reject(thrown));
    // Always a safe copy (src/client/safe-cause.ts), never the thrown error itself: its name, never its message.
    expect(network.cause).toBeInstanceOf(Error);
    expect(network.cause).not.toBe(thrown);
    expect(network.cause).toMatchObject({ name: "TypeError", message: "" });
  });

  test("an HttpError's code is only a string error_code from the body", async () => {
    const numeric = await failureOf(() => json(500, { error_code: 17 }));
    expect(numeric).toMatchObject({ kind: "http", code: undefined });
    expect(numeric.message).toBe(`OneAccess answered HTTP 500${URL_PART}`);
  });

  test("ConfigError is a TypeError named ConfigError", () => {
    let thrown: unknown;
    try {
      createLoginClient({ ...PAGE.options, clientId: "" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).toMatchObject({ name: "ConfigError", message: "Invalid login client options: clientId must be a non-empty string" });
  });
});

describe("isLoginError", () => {
  test("accepts every error class the package exports for login failures", () => {
    const errors = [
      new InputError(["x"], REQUEST as never),
      new ApiError("C", "m", REQUEST as never),
      new HttpError(500, undefined, REQUEST as never),
      new ResponseFormatError(200, "an empty body", REQUEST as never),
      new ContractViolationError(200, ["x"], {}, REQUEST as never),
      new NetworkError(REQUEST as never, new Error("x")),
      new TimeoutError(1, REQUEST as never),
      new AbortError(REQUEST as never),
    ];
    expect(errors.map((e) => [e.name, e.kind])).toEqual([
      ["InputError", "input"],
      ["ApiError", "api"],
      ["HttpError", "http"],
      ["ResponseFormatError", "format"],
      ["ContractViolationError", "contract"],
      ["NetworkError", "network"],
      ["TimeoutError", "timeout"],
      ["AbortError", "abort"],
    ]);
    for (const error of errors) expect(isLoginError(error)).toBe(true);
  });

  test("accepts a login error from another copy of the package (same name, with a kind)", () => {
    for (const name of ["InputError", "ApiError", "HttpError", "ResponseFormatError", "ContractViolationError", "NetworkError", "TimeoutError", "AbortError"]) {
      expect(isLoginError(Object.assign(new Error("x"), { name, kind: "whatever" })), name).toBe(true);
    }
  });

  test.each([
    ["an Error with a kind but a foreign name", Object.assign(new Error("x"), { kind: "api" })],
    ["an Error with a kind and a name not ours", Object.assign(new Error("x"), { name: "MockError", kind: "exited" })],
    ["an Error with our name but no kind", Object.assign(new Error("x"), { name: "ApiError" })],
    ["a plain object shaped like one", { name: "ApiError", kind: "api", message: "x" }],
    ["the DOM's AbortError", new DOMException("x", "AbortError")],
    ["a ConfigError (thrown at creation, not a login failure)", new ConfigError("x")],
    ["undefined", undefined],
    ["a string", "ApiError"],
  ])("rejects %s", (_what, value) => {
    expect(isLoginError(value)).toBe(false);
  });
});

function pick(error: LoginError, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (error as unknown as Record<string, unknown>)[key]]));
}
