import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { ContractViolationError } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const { mobile, verify_code } = PAGE.credentials;
const TOKENS = { session_token: "sess-SECRET-1", id_token: "id-SECRET-2", state_token: "state-SECRET-3" };
const COOKIE = "SESSION=cookie-SECRET-4";
const SECRETS = [mobile, verify_code, ...Object.values(TOKENS), "cookie-SECRET-4"];
const answer = (status: number, body: unknown) => () =>
  json(status, body, { headers: { "Content-Type": "application/json", "Set-Cookie": COOKIE } });

const shown = (value: unknown) => [
  inspect(value),
  inspect(value, { depth: Infinity, showHidden: true }),
  JSON.stringify(value),
];

describe("POST /api/v2/sdk/login/mobile-verify-code: logging a whole result is safe", () => {
  test.each([
    ["a success", answer(200, { status: "SUCCESS", ...TOKENS, expire: 7200 })],
    ["an MFA step", answer(200, { status: "MFA_AUTH", state_token: TOKENS.state_token })],
    ["an api failure echoing the request", answer(400, { error_code: "USER.0038", error_msg: `bad ${mobile} ${verify_code}` })],
    ["a contract violation carrying tokens", answer(200, { status: `X_${mobile}`, ...TOKENS })],
    ["an http failure", answer(502, { error_code: mobile })],
  ])("%s prints no credential, token or cookie value", async (_name, handler) => {
    const { client } = clientWith(handler);
    const result = await client.login(PAGE.credentials);
    for (const view of shown(result)) for (const secret of SECRETS) expect(view).not.toContain(secret);
    // Still usable by a caller who needs the answer's headers.
    expect(result.response?.headers.get("set-cookie")).toBe(COOKIE);
  });

  test("a success still gives its tokens to the code that asks", async () => {
    const { client } = clientWith(answer(200, { status: "SUCCESS", ...TOKENS, expire: 7200 }));
    const result = await client.login(PAGE.credentials);
    expect(result.ok && result.status === "SUCCESS" && result.body.session_token).toBe(TOKENS.session_token);
    expect(inspect(result)).toContain("SUCCESS");
    // The view names the documented fields present, never their values.
    expect(inspect(result)).toContain("'session_token'");
    expect(inspect(result)).not.toContain(TOKENS.session_token);
  });

  test("a ContractViolationError keeps the offending body raw, for the code that asks, and out of its views", async () => {
    const { client } = clientWith(answer(200, { status: `X_${mobile}`, ...TOKENS, nested: [{ id_token: "deep" }], expire: 1 }));
    const result = await client.login(PAGE.credentials);
    const error = !result.ok && result.error;
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).body).toEqual({ status: `X_${mobile}`, ...TOKENS, nested: [{ id_token: "deep" }], expire: 1 });
    for (const view of shown(result)) for (const secret of [...SECRETS, "deep"]) expect(view).not.toContain(secret);
  });
});
