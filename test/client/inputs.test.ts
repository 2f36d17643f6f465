import { afterEach, describe, expect, test } from "vitest";
import type { ApiError, LoginCallOptions, LoginCredentials } from "../../src/index.js";
import { clientWith, json, PAGE } from "../helpers/client.js";

const OK = () => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
const { mobile, verify_code } = PAGE.credentials;

/** Logs in with `credentials` and returns the result and the bodies that went out. */
async function send(credentials: unknown, call?: unknown) {
  const { client, requests } = clientWith(OK);
  const result = await client.login(credentials as LoginCredentials, call as LoginCallOptions);
  return { result, bodies: await Promise.all(requests.map((r) => r.text())) };
}

describe("POST /api/v2/sdk/login/mobile-verify-code: inputs are read once, as own data", () => {
  test("inherited credentials are not sent: the object has no own fields", async () => {
    const { result, bodies } = await send(Object.create({ mobile, verify_code }));
    expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
    expect(bodies).toEqual([]);
  });

  test("an own toJSON cannot change what is sent: it is an extra field", async () => {
    const { result, bodies } = await send({ mobile, verify_code, toJSON: () => ({ mobile: "other", verify_code: "x" }) });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["body has 1 property the contract does not know"] } });
    expect(bodies).toEqual([]);
  });

  test("an inherited toJSON cannot change what is sent", async () => {
    const proto = { toJSON: () => ({ mobile: "other", verify_code: "x" }) };
    const { result, bodies } = await send(Object.assign(Object.create(proto), { mobile, verify_code }));
    expect(result.ok).toBe(true);
    expect(bodies.map((b) => JSON.parse(b))).toEqual([{ mobile, verify_code }]);
  });

  test.each(["constructor", "toString", "hasOwnProperty", "valueOf"])("an own %s key is refused as an extra field", async (key) => {
    const { result, bodies } = await send({ mobile, verify_code, [key]: "x" });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["body has 1 property the contract does not know"] } });
    expect(bodies).toEqual([]);
  });

  test("an own __proto__ key is refused as an extra field", async () => {
    const { result, bodies } = await send(JSON.parse(`{"mobile":"${mobile}","verify_code":"${verify_code}","__proto__":{"x":1}}`));
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["body has 1 property the contract does not know"] } });
    expect(bodies).toEqual([]);
  });

  test("a getter is read once, and what it returned is what is validated and sent", async () => {
    let reads = 0;
    const credentials = { mobile, get verify_code() { return ++reads == 1 ? verify_code : ""; } };
    const { result, bodies } = await send(credentials);
    expect(result.ok).toBe(true);
    expect(reads).toBe(1);
    expect(bodies.map((b) => JSON.parse(b))).toEqual([{ mobile, verify_code }]);
  });

  test("a getter that throws is an InputError, nothing is sent, and the message stays redacted", async () => {
    const credentials = { mobile, get verify_code(): string { throw new Error(`no code for ${mobile}`); } };
    const { result, bodies } = await send(credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
    expect(bodies).toEqual([]);
    expect(JSON.stringify(!result.ok && result.error)).not.toContain(mobile);
  });

  test("a Proxy whose traps throw is an InputError", async () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error(mobile); } });
    const { result } = await send(hostile);
    expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
  });

  test("call options are read as own data too: a throwing getter is an InputError", async () => {
    const call = { get timeoutMs(): number { throw new Error("boom"); } };
    const { result, bodies } = await send(PAGE.credentials, call);
    expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
    expect(bodies).toEqual([]);
  });
});

describe("POST /api/v2/sdk/login/mobile-verify-code: signals", () => {
  test.each([
    ["no removeEventListener", { aborted: false, addEventListener() {} }],
    ["no addEventListener", { aborted: false, removeEventListener() {} }],
    ["no aborted flag", { addEventListener() {}, removeEventListener() {} }],
    ["a string", "signal"],
    ["null", null],
  ])("a signal with %s is an InputError and nothing is sent", async (_name, signal) => {
    const { result, bodies } = await send(PAGE.credentials, { signal });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["signal must be an AbortSignal"] } });
    expect(bodies).toEqual([]);
  });

  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  afterEach(() => void process.off("warning", onWarning));

  test("one signal shared by many concurrent logins raises no MaxListenersExceededWarning, and still aborts them all", async () => {
    process.on("warning", onWarning);
    const { client } = clientWith(() => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const pending = Array.from({ length: 50 }, () => client.login(PAGE.credentials, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const results = await Promise.all(pending);
    expect(results.every((r) => !r.ok && r.error.kind === "abort")).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });

  test("settled logins leave no listener behind on a shared signal", async () => {
    process.on("warning", onWarning);
    const { client } = clientWith(OK);
    const { signal } = new AbortController();
    for (let i = 0; i < 30; i++) await client.login(PAGE.credentials, { signal });
    await Promise.all(Array.from({ length: 30 }, () => client.login(PAGE.credentials, { signal })));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });
});

describe("POST /api/v2/sdk/login/mobile-verify-code: per-call headers", () => {
  test("adds extra headers to one call only (e.g. a Prism example per call)", async () => {
    const { client, requests } = clientWith(OK);
    await client.login(PAGE.credentials, { headers: { Prefer: "code=400, example=wrongCredentials" } });
    await client.login(PAGE.credentials);
    expect(requests[0]!.headers.get("prefer")).toBe("code=400, example=wrongCredentials");
    expect(requests[1]!.headers.has("prefer")).toBe(false);
    expect(requests[0]!.headers.get("x-client-id")).toBe(PAGE.options.clientId);
  });

  test.each([
    // Only names of the contract's and fetch's own headers are named, in lower case; any other is the caller's text.
    [{ "Content-Type": "text/plain" }, "headers: content-type may not be set per call"],
    [{ "x-client-id": "other" }, "headers: x-client-id may not be set per call"],
    [{ "X-Device-Fingerprint": "other" }, "headers: x-device-fingerprint may not be set per call"],
    [{ "Content-Length": "1" }, "headers: content-length may not be set per call"],
    [{ "bad name": "x" }, "headers: a header name is not a valid token"],
    [{ "": "x" }, "headers: a header name is not a valid token"],
    [{ Prefer: "a\r\nX-Injected: 1" }, "headers: a header value has characters that cannot be sent"],
    [{ Prefer: "日本" }, "headers: a header value has characters that cannot be sent"],
    [{ Prefer: 1 }, "headers: a header value is not a string"],
    [{ "13912345678": 1, "918273": 2 }, "headers: a header value is not a string"],
  ])("refuses %j with an InputError, sending nothing", async (headers, violation) => {
    const { result, bodies } = await send(PAGE.credentials, { headers });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: [violation] } });
    expect(bodies).toEqual([]);
  });

  test.each([["an array", ["x"]], ["a string", "Prefer: x"], ["null", null]])("headers as %s is an InputError", async (_n, headers) => {
    const { result } = await send(PAGE.credentials, { headers });
    expect(result).toMatchObject({ ok: false, error: { kind: "input", violations: ["headers must be an object of header names to strings"] } });
  });

  test("a secret in a header value never reaches an error, even when the server echoes it", async () => {
    const secret = "Bearer sk-live-9f8e7d6c5b4a";
    const { client } = clientWith(() => json(400, { error_code: "X", error_msg: `bad auth ${secret}` }));
    const result = await client.login(PAGE.credentials, { headers: { Authorization: secret } });
    expect(!result.ok && (result.error as ApiError).errorMsg).toBe(`bad auth ${secret}`);
    expect(!result.ok && result.error.message).not.toContain("bad auth");
    expect(JSON.stringify(result)).not.toContain("sk-live");
  });
});
