import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ApiError, ConfigError, type LoginResult } from "../../src/index.js";
import { clientWith, json } from "../helpers/client.js";

const MOBILE = "13912345678";
const CODE = "918273";
const TOKENS = ["session-SECRET-token", "id-SECRET-token", "state-SECRET-token"];
const SECRETS = [MOBILE, CODE, ...TOKENS];
const credentials = { mobile: MOBILE, verify_code: CODE };
const echo = `mobile ${MOBILE} with code ${CODE}`;

// Each failure kind, provoked so that the secrets are as close to the error as a server or fetch can put them.
const scenarios: Record<string, { handler: (r: Request) => Response | Promise<Response>; call?: object; creds?: object }> = {
  "api error echoing the request": { handler: () => json(400, { error_code: "USER.0038", error_msg: `Invalid ${echo}.` }) },
  "http error echoing the request": { handler: () => json(502, { error_code: `BAD ${MOBILE}`, error_msg: echo }) },
  "non-JSON body echoing the request": { handler: () => new Response(`<p>${echo}</p>`, { status: 200 }) },
  "contract violation with tokens in the body": {
    handler: () => json(200, { status: `X_${MOBILE}`, session_token: TOKENS[0], id_token: TOKENS[1], state_token: TOKENS[2], expire: -1 }),
  },
  "network error whose message quotes the body": {
    handler: async (r) => {
      throw new TypeError(`cannot send ${await r.text()}`, { cause: new Error(`socket closed after ${CODE}`) });
    },
  },
  "a thrown non-Error value": {
    handler: () => {
      throw `string thrown with ${MOBILE}`;
    },
  },
  "timeout": { handler: () => new Promise<Response>(() => {}), call: { timeoutMs: 20 } },
  "abort": { handler: () => new Promise<Response>(() => {}), call: { signal: AbortSignal.timeout(20) } },
  "input error with secrets in invalid fields": { handler: () => json(200, {}), creds: { mobile: MOBILE, verify_code: CODE.repeat(8), [MOBILE]: 1 } },
};

describe("secrets never leave the client in errors or logs", () => {
  const logged: unknown[] = [];
  beforeEach(() => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => void logged.push(...args));
    }
  });
  afterEach(() => vi.restoreAllMocks());

  test.each(Object.keys(scenarios))("%s", async (name) => {
    const { handler, call, creds } = scenarios[name]!;
    const { client } = clientWith(handler);
    const result: LoginResult = await client.login((creds ?? credentials) as typeof credentials, call);
    if (result.ok) throw new Error("expected a failure");
    const { error } = result;
    const views = {
      message: error.message,
      string: String(error),
      json: JSON.stringify(error),
      resultJson: JSON.stringify(result),
      inspect: inspect(error, { depth: 10, showHidden: false }),
      stack: error.stack ?? "",
      causeMessage: error.cause instanceof Error ? `${error.cause.message} ${error.cause.stack}` : String(error.cause ?? ""),
    };
    for (const [view, text] of Object.entries(views)) {
      for (const secret of SECRETS) expect(text, `${view} leaks ${secret}`).not.toContain(secret);
    }
    // The error still says what happened.
    expect(error.message).toMatch(/: POST https:\/\/tenant\.example\.test\/api\/v2\/sdk\/login\/mobile-verify-code$/);
    expect(logged).toEqual([]);
  });

  test("the message says what happened in the package's words; error_msg stays raw, on errorMsg only", async () => {
    const { client } = clientWith(() => json(400, { error_code: "USER.0038", error_msg: `Invalid mobile ${MOBILE}.` }));
    const result = await client.login(credentials);
    const error = !result.ok && (result.error as ApiError);
    expect(error && error.message).toBe("OneAccess refused the login with USER.0038: POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code");
    expect(error && error.errorMsg).toBe(`Invalid mobile ${MOBILE}.`);
    expect(Object.keys(error || {})).not.toContain("errorMsg");
  });

  test("digit-only forms of a formatted mobile number never show", async () => {
    const { client } = clientWith(() => json(400, { error_code: "USER.0038", error_msg: "Invalid mobile 8613912345678." }));
    const result = await client.login({ mobile: "+86 139-1234-5678", verify_code: CODE });
    expect(!result.ok && result.error.message).not.toContain("13912345678");
  });

  test("a base URL with credentials is refused at creation, without echoing them", () => {
    let thrown: unknown;
    try {
      clientWith(() => json(503, {}), { baseUrl: "https://user:pa55word@tenant.example.test" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String(thrown)).toBe("ConfigError: Invalid login client options: baseUrl must be an http(s) URL without user info, query, fragment or control characters");
  });
});
