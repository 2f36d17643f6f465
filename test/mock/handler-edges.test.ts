import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { BUNDLED_SPEC } from "../../src/mock/index.js";
import { loadEngine, type Engine, type EngineOptions } from "../../src/mock/engine.js";
import { prismCliManifest } from "../../src/mock/prism-packages.js";
import { handlerServers } from "../helpers/handler-server.js";
import { PAGE_BODY, PAGE_HEADERS, sendRaw } from "../helpers/mock.js";
import { deref, namedExamples, operation } from "../helpers/spec.js";

// More of the handler, in process (see handler.test.ts): request targets, the body the engine is given, Prefer with
// the mock's own violations, dynamic mode, and what a log line carries.

const errorExamples = namedExamples(deref(operation.responses["400"]).content["application/json"]);
const defaultError = Object.values(errorExamples)[0];
const { servers, serve } = handlerServers();
const options = (more: Partial<EngineOptions> = {}): EngineOptions => ({ prismCli: prismCliManifest(), spec: BUNDLED_SPEC, dynamic: false, logLevel: "silent", ...more });


const pageHeaderLines = Object.entries(PAGE_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join("");
const post = (url: string, headers: Record<string, string>, body: BodyInit = PAGE_BODY) =>
  fetch(`${url}${LOGIN_PATH}`, { method: "POST", headers, body, signal: AbortSignal.timeout(3_000) }).then(async (r) => ({
    status: r.status,
    text: await r.text(),
    violations: JSON.parse(r.headers.get("sl-violations") ?? "[]") as { location: string[]; code: string; message: string }[],
  }));

let engine: Engine;
let mock: { url: string; port: number };
const logged: { level: string; context: Record<string, unknown>; message: string }[] = [];
beforeAll(async () => {
  const loaded = await loadEngine(options());
  const log = (level: string) => (context: object, message: string) => void logged.push({ level, context: context as Record<string, unknown>, message });
  engine = { ...loaded, logger: { info: log("info"), warn: log("warn"), error: log("error") } };
  mock = await serve(engine);
}, 60_000);

describe("the handler's request targets", () => {
  test("a target is resolved as a URL: dot segments are removed before the route is matched", async () => {
    const answer = await sendRaw(mock.port, `POST /api/v2/sdk/other/../login/mobile-verify-code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${pageHeaderLines}Content-Length: ${PAGE_BODY.length}\r\n\r\n${PAGE_BODY}`);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });

  test("a target URL cannot parse goes to Prism split at its query", async () => {
    const answer = await sendRaw(mock.port, `GET //[?__code=400 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer).toContain(`"detail":"The route //[ hasn't been found in the specification file"`);
  });

  test("a target that is not a path at all gets the 404 of an unknown route, never a 5xx", async () => {
    for (const target of ["http://[", "*", "http://[?__code=200", "http://x:99999/"]) {
      const answer = await sendRaw(mock.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 404 /);
      expect(answer, target).toContain('"type":"https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR","title":"Route not resolved, no path matched"');
      // "*" resolves to the path "/*" as a URL; the others cannot parse and are kept as sent.
      const route = target === "*" ? "/*" : target.split("?")[0];
      expect(answer, target).toContain(`"detail":"The route ${route} hasn't been found in the specification file"`);
    }
  });

  test("only an OPTIONS request is a preflight", async () => {
    const answer = await post(mock.url, { ...PAGE_HEADERS, Origin: "http://app.test", "Access-Control-Request-Method": "POST" });
    expect(answer.status).toBe(200);
  });
});

describe("the handler's own violations and Prefer", () => {
  test("an unparseable Content-Type is one violation of ours plus the engine's on the text body, headers intact", async () => {
    const answer = await post(mock.url, { ...PAGE_HEADERS, "Content-Type": "garbage" });
    expect(answer.violations.map((v) => `${v.location.join(".")} ${v.code}`)).toEqual(["request.header.content-type content-type", "request.body type"]);
  });

  test("with a violation of ours, a Prefer for a 400 example is kept and any other gives way silently", async () => {
    const latin1 = { ...PAGE_HEADERS, "Content-Type": "application/json;charset=latin1" };
    const kept = await post(mock.url, { ...latin1, Prefer: "code=400, example=wrongCredentials" });
    expect(JSON.parse(kept.text)).toEqual(errorExamples.wrongCredentials);
    const other = await post(mock.url, { ...latin1, Prefer: "code=200, example=mfaAuth" });
    expect(other.status).toBe(400);
    expect(JSON.parse(other.text)).toEqual(defaultError);
    expect(other.violations.map((v) => v.code)).toEqual(["charset"]);
  });

  test("any Accept gets the contract's answer (the spec has one media type): never Prism's 500, 406 or empty 200", async () => {
    const okBody = JSON.parse((await post(mock.url, PAGE_HEADERS)).text);
    for (const accept of ["garbage;;;", ",,,", "text/html", "*/*;q=0", "application/json;q=0", "application/json"]) {
      const valid = await post(mock.url, { ...PAGE_HEADERS, Accept: accept });
      expect([accept, valid.status, JSON.parse(valid.text)]).toEqual([accept, 200, okBody]);
      const asked = await post(mock.url, { ...PAGE_HEADERS, Accept: accept, Prefer: "code=400, example=wrongCredentials" });
      expect([accept, asked.status, JSON.parse(asked.text)]).toEqual([accept, 400, errorExamples.wrongCredentials]);
    }
  });

  test("two Content-Type headers are one unreadable media type, as fetch joins them: the documented 400, not a 200", async () => {
    const answer = await sendRaw(mock.port, `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${pageHeaderLines}Content-Type: text/plain\r\nContent-Length: ${PAGE_BODY.length}\r\n\r\n${PAGE_BODY}`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/sl-violations: .*content-type/i);
    // The contract's own type then an empty one: joined, "application/json;charset=utf8, " is no media type either.
    const empty = await sendRaw(mock.port, `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${pageHeaderLines}Content-Type: \r\nContent-Length: ${PAGE_BODY.length}\r\n\r\n${PAGE_BODY}`);
    expect(empty).toMatch(/^HTTP\/1\.1 400 /);
  });

  test("an unreadable Prefer says what Prism could not read", async () => {
    const answer = await post(mock.url, { ...PAGE_HEADERS, Prefer: "code=abc" });
    expect(answer.violations).toEqual([
      { location: ["request", "header", "prefer"], severity: "Error", code: "prefer", message: 'Prefer cannot be read: optional property "code"\n└─ cannot decode "abc", should be a number' },
    ]);
  });

  test("a Prefer for a status the spec lacks gets the documented 400 naming Prism's reason", async () => {
    const answer = await post(mock.url, { ...PAGE_HEADERS, Prefer: "code=418" });
    expect(answer.status).toBe(400);
    expect(answer.violations).toHaveLength(1);
    expect(answer.violations[0]!.message).toMatch(/^Prefer asks for a response the spec does not have: .*418/);
  });
});

describe("what a log line of the handler carries", () => {
  test("the request with its method and path; a violation under the validator's name; no warning for a clean answer", async () => {
    logged.length = 0;
    await post(mock.url, PAGE_HEADERS, `\uFEFF${PAGE_BODY}`);
    const received = logged.find((l) => l.message === "Request received");
    expect(received).toMatchObject({ level: "info", context: { input: { method: "post", url: { path: LOGIN_PATH, query: {} } } } });
    expect((received!.context.input as { url: { baseUrl?: string } }).url.baseUrl).toBeUndefined();
    expect(logged.find((l) => l.message.startsWith("Violation: "))).toMatchObject({ level: "error", context: { name: "VALIDATOR" } });
    expect(logged.filter((l) => l.level === "warn")).toEqual([]);
  });

  test("a request the engine refuses is logged as an error with the request and Prism's reason", async () => {
    logged.length = 0;
    await fetch(`${mock.url}/api/v2/other`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) }).then((r) => r.arrayBuffer());
    const error = logged.find((l) => l.level === "error");
    expect(error?.message).toMatch(/^Request terminated with error: \S/);
    expect(error?.context).toMatchObject({ input: { url: { path: "/api/v2/other" } } });
  });

  test("__server in the query is handed to the engine as the base URL", async () => {
    logged.length = 0;
    await post(`${mock.url}`, PAGE_HEADERS).catch(() => undefined);
    await fetch(`${mock.url}${LOGIN_PATH}?__server=http%3A%2F%2Fother.test`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) }).then((r) => r.arrayBuffer());
    const received = logged.filter((l) => l.message === "Request received").at(-1);
    expect(received?.context).toMatchObject({ input: { url: { baseUrl: "http://other.test", query: { __server: "http://other.test" } } } });
  });
});

describe("the engine's own log lines", () => {
  test("at trace level, Prism's body lines carry no mobile number, code or token, whatever the request's format", async () => {
    const traced = await serve(await loadEngine(options({ logLevel: "trace" })));
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await post(traced.url, PAGE_HEADERS, '{"mobile":"13912345678","verify_code":"918273"}');
      await post(traced.url, PAGE_HEADERS, '{"mobile" : 13912345678, "verify_code":918273}');
      await post(traced.url, { ...PAGE_HEADERS, "Content-Type": "application/x-www-form-urlencoded" }, "mobile=13912345678&verify_code=918273");
    } finally {
      process.stderr.write = write;
    }
    const log = lines.join("");
    // The field names stay, so the line still says what was sent.
    expect(log).toContain('"mobile":"[REDACTED]"');
    expect(log).toContain("mobile=[REDACTED]&verify_code=[REDACTED]");
    expect(log).not.toMatch(/13912345678|918273|bts\*+2VO/);
  });
});

describe("the handler in dynamic mode and in proxy mode", () => {
  test("a dynamic engine generates varied answers: a Prefer that leaves dynamic unset does not turn it off", async () => {
    const dynamic = await serve(await loadEngine(options({ dynamic: true })));
    const bodies = new Set<string>();
    for (let i = 0; i < 8; i++) bodies.add((await post(dynamic.url, { ...PAGE_HEADERS, Prefer: "code=200" })).text);
    expect(bodies.size).toBeGreaterThan(1);
  }, 60_000);

  test("a proxy hands the engine the parsed JSON body, a byte order mark dropped, so the request validates", async () => {
    const upstream = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.setHeader("content-type", "application/json").end('{"status":"SUCCESS"}'));
    });
    servers.push(upstream);
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const proxy = await serve(await loadEngine(options({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` })));
    const requestViolations = async (headers: Record<string, string>, body: BodyInit) =>
      (await post(proxy.url, headers, body)).violations.filter((v) => v.location[0] === "request");
    expect(await requestViolations(PAGE_HEADERS, PAGE_BODY)).toEqual([]);
    expect(await requestViolations({ ...PAGE_HEADERS, "Content-Type": "application/vnd.test+json" }, PAGE_BODY)).not.toContainEqual(expect.objectContaining({ location: ["request", "body"] }));
    expect(await requestViolations(PAGE_HEADERS, `\uFEFF${PAGE_BODY}`)).toEqual([]);
  }, 60_000);
});
