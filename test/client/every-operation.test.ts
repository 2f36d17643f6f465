// The core guarantees of the client, run against EVERY browser operation of the generated table: a new operation in
// the spec gets them with its generated entry, without a test of its own. What differs per operation (its input, its
// answer) is derived from the descriptor and the spec's named examples, never written by hand here.
import { describe, expect, test } from "vitest";
import * as table from "../../generated/operations.js";
import { METHOD_NAMES } from "../../generated/operations.js";
import type { LoginResult } from "../../src/index.js";
import type { OperationDescriptor } from "../../src/client/pipeline/descriptor.js";
import { clientWith, json, normalise, PAGE, views } from "../helpers/client.js";
import { byId } from "../../src/contract/operations.js";
import { deref, namedExamples, operations } from "../helpers/spec.js";

type Id = keyof typeof METHOD_NAMES;
const ids = Object.keys(METHOD_NAMES) as Id[];

/** A distinct, long secret per input field: what a hostile server echoes back and no view may show. */
const secretFor = (name: string) => `Sx${name.replace(/_/g, "")}7391${name.length}046`;

/** A valid input for an operation: each field of its input (body fields, state_token) with a valid value. */
function inputOf(op: OperationDescriptor): Record<string, string> | undefined {
  const fields = { ...(op.body?.properties ?? {}), ...Object.fromEntries(Object.entries(op.fromInput ?? {}).map(([name, header]) => [name, op.headers.properties[header]!])) };
  if (!Object.keys(fields).length) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, (schema.enum?.[0] as string) ?? secretFor(name)]));
}

/** The spec's first named example of the operation's 200 body (undefined for a 200 documented without one). */
function okBody(op: OperationDescriptor): unknown {
  const spec = operations.find((o) => o.path === op.path && o.method.toUpperCase() === op.method)!;
  const media = Object.values<any>(deref(spec.op.responses["200"]).content ?? {})[0];
  return media ? Object.values(namedExamples(media))[0] : undefined;
}

/** Calls the operation's method on a client whose fetch is `handler`. */
function setup(id: Id, handler: Parameters<typeof clientWith>[0], overrides = {}) {
  const op = table[id] as OperationDescriptor;
  const { client, requests } = clientWith(handler, overrides);
  const method = (client as unknown as Record<string, (...args: unknown[]) => Promise<LoginResult>>)[METHOD_NAMES[id]]!;
  const input = inputOf(op);
  /** Runs the method with the valid input (or `given`) and call options. */
  const run = (options?: unknown, given: unknown = input) => (input === undefined ? method.call(client, options) : method.call(client, given, options));
  return { op, client, requests, run, input };
}

const kind = (result: { ok: true } | { ok: false; error: { kind: string } }) => (result.ok ? "ok" : result.error.kind);
const networkError = (code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });

test("the table has one client method per browser operation, and no tenant operation", () => {
  expect(ids.length).toBe(9);
  expect(ids.every((id) => (table[id] as OperationDescriptor).path.startsWith("/api/v2/sdk/"))).toBe(true);
  const { client } = clientWith(() => json(200, {}));
  for (const id of ids) expect(typeof (client as unknown as Record<string, unknown>)[METHOD_NAMES[id]]).toBe("function");
  expect(JSON.stringify(table)).not.toContain("/api/v2/tenant");
});

describe.each(ids)("%s", (id) => {
  test("sends the operation's method and path, the client's headers, the input's headers, JSON only with a body", async () => {
    const { op, run, requests, input } = setup(id, () => json(200, okBody(table[id] as OperationDescriptor) ?? {}));
    expect(kind(await run())).toBe("ok");
    const [sent] = requests;
    expect(sent!.method).toBe(op.method);
    expect(new URL(sent!.url).pathname).toBe(op.path);
    expect(sent!.headers.get("x-client-id")).toBe(PAGE.options.clientId);
    expect(sent!.headers.get("x-device-fingerprint")).toBe(PAGE.options.device.fingerprint);
    for (const [name, header] of Object.entries(op.fromInput ?? {})) expect(sent!.headers.get(header)).toBe(input![name]);
    if (op.body) {
      expect(sent!.headers.get("content-type")).toBe("application/json;charset=utf8");
      const body = await sent!.json();
      expect(Object.keys(body).sort()).toEqual(Object.keys(op.body.properties!).sort());
      expect(body).not.toHaveProperty("state_token");
    } else {
      expect(sent!.headers.get("content-type")).toBeNull();
      expect(await sent!.text()).toBe("");
    }
  });

  test("a documented 200 is a success with the validated body (and status where the body has one)", async () => {
    const body = okBody(table[id] as OperationDescriptor);
    const { run } = setup(id, () => (body === undefined ? new Response(null, { status: 200 }) : json(200, body)));
    const result = await run();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.body).toEqual(body);
    if (body && typeof body == "object" && "status" in body) expect(result).toMatchObject({ status: body.status });
  });

  test("never rejects: unreadable, wrong or missing input and options are typed input failures, nothing is sent", async () => {
    const { run, requests, input } = setup(id, () => json(200, {}));
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error("secret-in-trap"); } });
    const badOptions: unknown[] = [throwing, 42, { timeoutMs: -1 }, { signal: "no" }, { retry: { retries: 99 } }, { headers: { "X-client-id": "x" } }];
    for (const [i, options] of badOptions.entries()) expect(kind(await run(options)), `options #${i}`).toBe("input");
    if (input) {
      for (const [i, given] of [null, "x", 42, [], {}, { ...input, extra: "x" }, throwing].entries()) expect(kind(await run(undefined, given)), `input #${i}`).toBe("input");
    }
    expect(requests).toHaveLength(0);
  });

  test("typed failures: documented 400 -> api, other status -> http, not JSON -> format, off-contract -> contract, thrown -> network", async () => {
    const answers: [() => Response | Promise<Response>, string][] = [
      [() => json(400, { error_code: "APP.0001", error_msg: "refused" }), "api"],
      [() => json(503, { error_code: "X" }), "http"],
      [() => json(201, {}), "http"],
      [() => new Response("<html>", { status: 400 }), "format"],
      [() => json(400, { error: "not the documented shape" }), "contract"],
      [() => Promise.reject(networkError("ECONNRESET")), "network"],
    ];
    if (okBody(table[id] as OperationDescriptor) !== undefined) answers.push([() => new Response("<html>", { status: 200 }), "format"], [() => json(200, []), "contract"]);
    for (const [answer, expected] of answers) expect(kind(await setup(id, answer).run())).toBe(expected);
    const api = await setup(id, () => json(400, { error_code: "APP.0001", error_msg: "refused" })).run();
    expect(api).toMatchObject({ ok: false, error: { kind: "api", code: "APP.0001", status: 400 } });
  });

  test("redirects are refused: a 3xx and an answer a custom fetch reached by following one", async () => {
    const moved = await setup(id, () => new Response(null, { status: 302, headers: { Location: "https://elsewhere.example/" } })).run();
    expect(moved).toMatchObject({ ok: false, error: { kind: "http", status: 302 } });
    const followed = json(200, okBody(table[id] as OperationDescriptor) ?? {});
    Object.defineProperty(followed, "redirected", { value: true });
    expect(kind(await setup(id, () => followed).run())).toBe("http");
  });

  test("an answer over maxResponseBytes is a format failure, whatever its status", async () => {
    for (const status of [200, 400, 500]) {
      const { run } = setup(id, () => new Response(`{"x":"${"a".repeat(5000)}"}`, { status }), { maxResponseBytes: 1024 });
      expect(await run()).toMatchObject({ ok: false, error: { kind: "format" } });
    }
  });

  test("a call times out, and a caller's abort ends it, even when fetch ignores the signal", async () => {
    const never = () => new Promise<Response>(() => {});
    expect(await setup(id, never).run({ timeoutMs: 30 })).toMatchObject({ ok: false, error: { kind: "timeout", timeoutMs: 30 } });
    const controller = new AbortController();
    const pending = setup(id, never).run({ signal: controller.signal });
    controller.abort();
    expect(kind(await pending)).toBe("abort");
  });

  test("secrets of the call (the spec's x-secret fields, header values) are in no view of any answer", async () => {
    const { op, input } = setup(id, () => json(200, {}));
    const secret = byId(id)!.secrets;
    const names = [...secret.fields, ...secret.headers.map((h) => h.replace(/^X-/, "").toLowerCase().replace(/-/g, "_"))];
    // The contract's secret names cover answers too (a captcha's secretKey): the call's are those in its input.
    const secrets = [...names.filter((name) => input?.[name] !== undefined).map((name) => input![name]!), "HdrSecret90817263"];
    const echo = secrets.join(" ");
    const hostile = [
      () => json(400, { error_code: `APP.${secrets[0]}`, error_msg: echo }, { headers: { "X-Request-Id": secrets[0]!, [secrets[0]!.slice(0, 20)]: echo } }),
      () => json(400, { error_code: "APP.0001", error_msg: echo }, { headers: { "X-Request-Id": secrets.at(-1)! } }),
      () => json(500, { error_code: secrets[0], echo }, { headers: { "X-Request-Id": secrets[0]! } }),
      () => new Response(null, { status: 302, headers: { Location: `https://x.example/?s=${echo}` } }),
      () => json(200, { echo, nested: { echo } }, { headers: { "X-Request-Id": secrets[0]! } }),
      () => Promise.reject(Object.assign(new TypeError(echo), { code: secrets[0], cause: Object.assign(new Error(echo), { code: "E_" + secrets[0] }) })),
    ];
    for (const answer of hostile) {
      const { run } = setup(id, answer);
      const shown = normalise(views(await run({ headers: { "X-Trace": "HdrSecret90817263" } })));
      for (const secret of secrets) expect(shown).not.toContain(normalise(secret));
    }
  });

  test("no retry unless provably unsent: a reset mid-request is sent once; a refused connection is retried", async () => {
    const reset = setup(id, () => Promise.reject(networkError("ECONNRESET")));
    expect(kind(await reset.run({ retry: { retries: 3, onRetryAfter: true } }))).toBe("network");
    expect(reset.requests).toHaveLength(1);
    const refused = setup(id, () => Promise.reject(networkError("ECONNREFUSED")));
    expect(kind(await refused.run({ retry: { retries: 1 } }))).toBe("network");
    expect(refused.requests).toHaveLength(2);
  });

  test("a 503 with Retry-After is retried (opt-in) only where the operation allows an answered retry", async () => {
    const busy = setup(id, () => json(503, {}, { headers: { "Retry-After": "0" } }));
    expect(kind(await busy.run({ retry: { retries: 2, onRetryAfter: true } }))).toBe("http");
    expect(busy.requests).toHaveLength((table[id] as OperationDescriptor).retry === "unsent" ? 1 : 3);
  });
});

describe("sendCode: a sent code is never sent again", () => {
  const order = { mobile: "+8613912345678", type: "LOGIN_SMS" as const, captcha_token: "captcha-token-1" };

  test("with a retry option, a network error mid-request sends exactly once", async () => {
    const { client, requests } = clientWith(() => Promise.reject(networkError("UND_ERR_SOCKET")), { retry: { retries: 5, onRetryAfter: true } });
    const result = await client.sendCode(order, { retry: { retries: 5, onRetryAfter: true } });
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expect(requests).toHaveLength(1);
  });

  test("a 429 or 503 asking to retry after 0 s is not retried, though login would be", async () => {
    for (const status of [429, 503]) {
      const { client, requests } = clientWith(() => json(status, {}, { headers: { "Retry-After": "0" } }), { retry: { retries: 3, onRetryAfter: true } });
      expect(kind(await client.sendCode(order))).toBe("http");
      expect(requests).toHaveLength(1);
      expect(kind(await client.login(PAGE.credentials))).toBe("http");
      expect(requests).toHaveLength(5);
    }
  });

  test("a 200 without a body is a success without a body", async () => {
    const { client } = clientWith(() => new Response(null, { status: 200 }));
    const result = await client.sendCode(order);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.body).toBeUndefined();
    expect(JSON.stringify(result)).toBe('{"ok":true,"response":{"status":200}}');
  });
});
