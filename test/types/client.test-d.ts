import { describe, expectTypeOf, test } from "vitest";
import createClient from "openapi-fetch";
import {
  createLoginClient,
  LOGIN_PATH,
  type paths,
  type ApiError,
  type LoginError,
  type LoginResponseBody,
  type LoginResult,
  type LoginStatus,
  type RetryOptions,
} from "../../src/index.js";

const device = { osVersion: "Android 10", fingerprint: "fp", agent: "agent" };
const client = createLoginClient({ baseUrl: "https://t.example.test", clientId: "id", device });
const credentials = { mobile: "12345678901", verify_code: "232326" };

describe("types: creating a client", () => {
  test("requires clientId, device and one of baseUrl or domain", () => {
    createLoginClient({ domain: "t.example.test", clientId: "id", tenantId: "t", device });
    // @ts-expect-error -- clientId (X-client-id) is required
    createLoginClient({ baseUrl: "https://t.example.test", device });
    // @ts-expect-error -- osVersion (X-operating-sys-version) is required
    createLoginClient({ baseUrl: "https://t.example.test", clientId: "id", device: { fingerprint: "fp", agent: "a" } });
    // @ts-expect-error -- fingerprint (X-device-fingerprint) is required
    createLoginClient({ baseUrl: "https://t.example.test", clientId: "id", device: { osVersion: "o", agent: "a" } });
    // @ts-expect-error -- agent (X-agent) is required
    createLoginClient({ baseUrl: "https://t.example.test", clientId: "id", device: { osVersion: "o", fingerprint: "f" } });
    // @ts-expect-error -- baseUrl and domain exclude each other
    createLoginClient({ baseUrl: "https://t.example.test", domain: "t.example.test", clientId: "id", device });
    // @ts-expect-error -- a target is required
    createLoginClient({ clientId: "id", device });
  });

  test("takes the global fetch, a Request-only fetch, or one that reads init.signal", () => {
    const base = { baseUrl: "https://t.example.test", clientId: "id", device };
    createLoginClient({ ...base, fetch: globalThis.fetch });
    createLoginClient({ ...base, fetch: async (request: Request) => new Response(request.body) });
    createLoginClient({
      ...base,
      fetch: (request, init) => {
        expectTypeOf(request).toEqualTypeOf<Request>();
        expectTypeOf(init?.signal).toEqualTypeOf<AbortSignal | null | undefined>();
        return fetch(request, init);
      },
    });
    // @ts-expect-error -- fetch must answer with a Promise of a Response
    createLoginClient({ ...base, fetch: (request: Request) => request });
  });
});

describe("types: logging in", () => {
  test("requires both body fields as strings", () => {
    void client.login(credentials);
    // @ts-expect-error -- verify_code is required
    void client.login({ mobile: "12345678901" });
    // @ts-expect-error -- mobile is required
    void client.login({ verify_code: "232326" });
    // @ts-expect-error -- verify_code is a string
    void client.login({ mobile: "12345678901", verify_code: 232326 });
  });

  test("takes extra headers for one call, as strings", () => {
    void client.login(credentials, { headers: { Prefer: "code=400, example=wrongCredentials" } });
    // @ts-expect-error -- header values are strings
    void client.login(credentials, { headers: { Prefer: 400 } });
  });

  test("the result narrows by ok, by status, and by error kind", () => {
    expectTypeOf(client.login).returns.resolves.toEqualTypeOf<LoginResult>();
    const result = {} as LoginResult;
    if (result.ok) {
      expectTypeOf(result.status).toEqualTypeOf<LoginStatus>();
      expectTypeOf(result.body).toMatchTypeOf<LoginResponseBody>();
      if (result.status === "PASSWORD_WARN") {
        expectTypeOf(result.body.status).toEqualTypeOf<"PASSWORD_WARN">();
        expectTypeOf(result.body.state_token).toEqualTypeOf<string | undefined>();
      }
      // @ts-expect-error -- a success has no error
      void result.error;
    } else {
      expectTypeOf(result.error).toEqualTypeOf<LoginError>();
      if (result.error.kind === "api") {
        expectTypeOf(result.error).toEqualTypeOf<ApiError>();
        expectTypeOf(result.error.code).toEqualTypeOf<string>();
      }
      // @ts-expect-error -- a failure has no status
      void result.status;
    }
  });

  test("status is the documented union, not string", () => {
    expectTypeOf<LoginStatus>().toEqualTypeOf<"SUCCESS" | "PASSWORD_WARN" | "PASSWORD_EXPIRED" | "ACCESS_DENIED" | "MFA_AUTH">();
  });
});

describe("types: openapi-fetch's own client over the exported paths", () => {
  test("is typed from the generated paths (the client no longer carries one)", () => {
    const raw = createClient<paths>({ baseUrl: "https://tenant.example.test" });
    const header = { "X-operating-sys-version": "o", "X-device-fingerprint": "f", "X-agent": "a", "X-client-id": "id" };
    void raw.POST(LOGIN_PATH, { params: { header }, body: credentials });
    // @ts-expect-error -- X-client-id is a required header
    void raw.POST(LOGIN_PATH, { params: { header: { "X-operating-sys-version": "o", "X-device-fingerprint": "f", "X-agent": "a" } }, body: credentials });
    // @ts-expect-error -- verify_code is a required body field
    void raw.POST(LOGIN_PATH, { params: { header }, body: { mobile: "1" } });
    // @ts-expect-error -- the operation is POST only
    void raw.GET(LOGIN_PATH, {});
  });
});

describe("types: request ids and retries", () => {
  test("requestId is an optional string on a success and on every error that had a response", async () => {
    const result = await client.login(credentials);
    if (result.ok) expectTypeOf(result.requestId).toEqualTypeOf<string | undefined>();
    else if (result.error.kind === "api" || result.error.kind === "http" || result.error.kind === "format" || result.error.kind === "contract") {
      expectTypeOf(result.error.requestId).toEqualTypeOf<string | undefined>();
    }
  });

  test("an HttpError's retryAfter is milliseconds or undefined", async () => {
    const result = await client.login(credentials);
    if (!result.ok && result.error.kind === "http") expectTypeOf(result.error.retryAfter).toEqualTypeOf<number | undefined>();
  });

  test("retry is a client option and a call option", () => {
    const options = { baseUrl: "https://t.example.test", clientId: "id", device, retry: { retries: 2, onRetryAfter: true, maxRetryAfterMs: 5_000 } };
    createLoginClient(options).login(credentials, { retry: { retries: 0 } });
    // @ts-expect-error -- retries is a number
    void client.login(credentials, { retry: { retries: "2" } });
    expectTypeOf<RetryOptions>().toEqualTypeOf<{ retries?: number; onRetryAfter?: boolean; maxRetryAfterMs?: number }>();
  });
});
