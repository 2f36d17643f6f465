import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { BUNDLED_SPEC } from "../../src/mock/index.js";
import { loadEngine, type Engine, type EngineError, type EngineResult } from "../../src/mock/engine.js";
import { prismCliManifest } from "../../src/mock/prism-packages.js";
import { handlerServers } from "../helpers/handler-server.js";
import { PAGE_BODY, PAGE_HEADERS, sendRaw } from "../helpers/mock.js";
import { deref, namedExamples, operation } from "../helpers/spec.js";

// More of the handler, in process (see handler.test.ts): what it writes for each kind of engine result (engines
// stubbed to answer what the bundled spec never makes Prism answer), the Prefer rules on requests the engine alone
// finds invalid, a connection kept alive, and a body over the limit with other faults.

const errorExamples = namedExamples(deref(operation.responses["400"]).content["application/json"]);
const defaultError = Object.values(errorExamples)[0];
const { servers, serve } = handlerServers();
type Logged = { level: string; context: Record<string, unknown>; message: string };


type Violation = { location: string[]; severity: string; code: string; message: string };
const send = (url: string, headers: Record<string, string> = PAGE_HEADERS, body: BodyInit | undefined = PAGE_BODY, path = LOGIN_PATH) =>
  fetch(`${url}${path}`, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) }).then(async (r) => ({
    status: r.status,
    text: await r.text(),
    headers: r.headers,
    violations: JSON.parse(r.headers.get("sl-violations") ?? "[]") as Violation[],
  }));

let engine: Engine;
let mock: { url: string; port: number };
const logged: Logged[] = [];
const logger = {
  info: (context: object, message: string) => void logged.push({ level: "info", context: context as Record<string, unknown>, message }),
  warn: (context: object, message: string) => void logged.push({ level: "warn", context: context as Record<string, unknown>, message }),
  error: (context: object, message: string) => void logged.push({ level: "error", context: context as Record<string, unknown>, message }),
};
beforeAll(async () => {
  engine = { ...(await loadEngine({ prismCli: prismCliManifest(), spec: BUNDLED_SPEC, dynamic: false, logLevel: "silent" })), logger };
  mock = await serve(engine);
}, 60_000);

/** An engine answering every request with `result` (or each call with the next of `results`). */
const answering = (...results: ({ _tag: "Right"; right: EngineResult } | { _tag: "Left"; left: EngineError })[]): Engine => {
  let call = 0;
  return { ...engine, request: async () => results[Math.min(call++, results.length - 1)]! };
};
const right = (output: EngineResult["output"], validations: Partial<EngineResult["validations"]> = {}): { _tag: "Right"; right: EngineResult } => ({
  _tag: "Right",
  right: { output, validations: { input: [], output: [], ...validations } },
});
const left = (detail: string, status = 404): { _tag: "Left"; left: EngineError } => ({
  _tag: "Left",
  left: Object.assign(new Error(detail), { name: "https://stoplight.io/prism/errors#NOT_FOUND", status, detail }),
});

describe("what the handler writes for each engine result", () => {
  test("a body without a Content-Type goes out as UTF-8 text with its length", async () => {
    const served = await serve(answering(right({ statusCode: 200, headers: {}, body: "plain é" })));
    const answer = await send(served.url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(answer.headers.get("content-length")).toBe(String(Buffer.byteLength("plain é")));
    expect(answer.text).toBe("plain é");
  });

  test("an answer without a body (another spec's 204) is sent bodiless, without a length or a type", async () => {
    const served = await serve(answering(right({ statusCode: 204 })));
    const answer = await send(served.url);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect(answer.headers.get("content-type")).toBeNull();
    const undef = await serve(answering(right({ statusCode: 201, headers: {}, body: undefined })));
    const created = await send(undef.url);
    expect({ status: created.status, text: created.text, type: created.headers.get("content-type") }).toEqual({ status: 201, text: "", type: null });
  });

  test("the engine's violations without a path sit at the request's or the response's root, each severity named", async () => {
    const served = await serve(
      answering(
        right(
          { statusCode: 200, headers: { "content-type": "application/json" }, body: { status: "SUCCESS" } },
          { input: [{ code: "a", message: "in", severity: 2 }], output: [{ code: "b", message: "out", severity: 1 }, { code: "c", message: "odd", severity: 7 }] },
        ),
      ),
    );
    const answer = await send(served.url);
    expect(answer.violations).toEqual([
      { location: ["request"], severity: "Information", code: "a", message: "in" },
      { location: ["response"], severity: "Warning", code: "b", message: "out" },
      { location: ["response"], severity: "7", code: "c", message: "odd" },
    ]);
  });

  test("each answer gets an X-Request-Id of its own, in the example's shape (32 hex digits)", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) ids.add((await send(mock.url)).headers.get("x-request-id"));
    expect(ids.size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    // Whatever case the engine writes the header's name in.
    const upper = await serve(answering(right({ statusCode: 200, headers: { "X-REQUEST-ID": "fixed" }, body: "x" })));
    expect((await send(upper.url)).headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  test("a dropped header is logged as a warning carrying the request", async () => {
    const served = await serve(answering(right({ statusCode: 200, headers: { "x-bad": "\u2603" }, body: "x" })));
    logged.length = 0;
    expect((await send(served.url)).status).toBe(200);
    expect(logged.find((l) => l.level === "warn")).toMatchObject({ context: { input: { method: "post", url: { path: LOGIN_PATH } } }, message: expect.stringMatching(/^dropped response header "x-bad"/) });
  });

  test("a failure that is not an Error is still a 500 problem saying what was thrown", async () => {
    for (const thrown of [null, undefined, "text"]) {
      const served = await serve({ ...engine, request: () => Promise.reject(thrown) });
      logged.length = 0;
      const answer = await send(served.url);
      expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 500, body: { type: "about:blank", title: "The mock failed to answer", status: 500, detail: String(thrown) } });
      expect(logged.find((l) => l.level === "error")?.message).toBe(`The mock failed to answer: ${String(thrown)}`);
    }
  });

  test("a Prefer the spec cannot satisfy keeps the engine's first answer when the documented 400 cannot be had either", async () => {
    const served = await serve(answering(left("first: no such status"), left("second: no 400 either", 500)));
    const answer = await send(served.url, { ...PAGE_HEADERS, Prefer: "code=418" });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ status: 404, detail: "first: no such status" });
    expect(answer.violations).toEqual([]);
  });

  test("without a Prefer, the engine's error is answered as it is: nothing was asked that could be impossible", async () => {
    const served = await serve(answering(left("the engine's own error"), right({ statusCode: 400, headers: {}, body: "retried" })));
    const answer = await send(served.url);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ detail: "the engine's own error" });
    expect(answer.violations).toEqual([]);
  });

  test("an answer of another status than the Prefer asked for is named as impossible, from a request without any finding", async () => {
    const other = right({ statusCode: 400, headers: {}, body: "x" });
    const served = await serve(answering(other, other));
    const answer = await send(served.url, { ...PAGE_HEADERS, Prefer: "code=200" });
    expect(answer.violations.map((v) => v.code)).toEqual(["prefer"]);
  });

  test("a warning of the engine does not make the request invalid: an answer of another status than asked is still named", async () => {
    const warned = right({ statusCode: 400, headers: {}, body: "x" }, { input: [{ path: ["header", "x-l"], code: "w", message: "a warning", severity: 1 }] });
    const served = await serve(answering(warned, warned));
    const answer = await send(served.url, { ...PAGE_HEADERS, Prefer: "code=200" });
    expect(answer.violations.map((v) => v.code)).toEqual(["prefer", "w"]);
    expect(answer.violations[0]!.message).toBe("Prefer asks for a response the spec does not have: no example undefined for status 200");
  });

  test("on a request the engine finds invalid, a Prefer for a 400 it answers with another status is named as impossible", async () => {
    const invalid = right({ statusCode: 200, headers: {}, body: "ok" }, { input: [{ path: ["body"], code: "required", message: "broken", severity: 0 }] });
    const served = await serve(answering(invalid, right({ statusCode: 400, headers: {}, body: "documented" }, invalid.right.validations)));
    const answer = await send(served.url, { ...PAGE_HEADERS, Prefer: "code=400, example=some" });
    expect({ status: answer.status, text: answer.text }).toEqual({ status: 400, text: "documented" });
    expect(answer.violations.map((v) => v.code)).toEqual(["prefer", "required"]);
  });

  test("proxying, an unreadable Prefer whose error has no status is Prism's 422", async () => {
    const proxying: Engine = {
      ...engine,
      config: { ...engine.config, isProxy: true },
      preferences: () => ({ _tag: "Left", left: Object.assign(new Error("unreadable"), { detail: "unreadable" }) }),
      problem: (error) => ({ title: error.message }),
    };
    const served = await serve(proxying);
    const answer = await send(served.url, { ...PAGE_HEADERS, Prefer: "code=abc" });
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 422, body: { title: "unreadable" } });
  });

  test("an engine error's own headers go out with its problem answer (Prism's 405 names the allowed methods)", async () => {
    const served = await serve(answering({ _tag: "Left", left: Object.assign(new Error("no"), { status: 405, detail: "no", additional: { headers: { allow: "POST" } } }) }));
    const answer = await send(served.url);
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("POST");
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("the handler's reading of requests", () => {
  test("a request without a Content-Type gets Prism's documented 400, not a failure of the mock", async () => {
    const { "Content-Type": _type, ...headers } = PAGE_HEADERS;
    const answer = await sendRaw(mock.port, `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Content-Length: ${PAGE_BODY.length}\r\n\r\n${PAGE_BODY}`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual(defaultError);
  });

  test("the engine is handed parsed JSON only under a JSON media type, a byte order mark dropped only where it leads", async () => {
    const codes = async (type: string, body = PAGE_BODY) => (await send(mock.url, { ...PAGE_HEADERS, "Content-Type": type }, body)).violations.map((v) => `${v.location.join(".")} ${v.code}`);
    // Outside the contract's media type (one violation of ours), the body is text unless the type is a JSON one, and
    // text is not the object the engine wants.
    for (const type of ["text/plain; note=application/json", "text/x-application/json", "application/json,text/plain"]) {
      expect(await codes(type), type).toEqual(["request.header.content-type content-type", "request.body type"]);
    }
    expect(await codes("application/ld+json")).toEqual(["request.header.content-type content-type"]);
    // A byte order mark inside the JSON is no mark: the body is not JSON, so the engine gets text.
    expect(await codes("application/ld+json", `{"mobile":"12345678901",\uFEFF"verify_code":"232326"}`)).toEqual(["request.header.content-type content-type", "request.body type"]);
  });

  test("a request whose connection drops before its body has come is logged as the mock's failure, not left pending", async () => {
    logged.length = 0;
    const socket = connect(mock.port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(`POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"mobile"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    for (let i = 0; i < 50 && !logged.some((l) => l.level === "error"); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged.find((l) => l.level === "error")?.message).toMatch(/^The mock failed to answer: Error: aborted/);
  });

  test("a query parameter given twice reaches the engine as a list, once as a string", async () => {
    logged.length = 0;
    await send(mock.url, PAGE_HEADERS, PAGE_BODY, `${LOGIN_PATH}?x=1&x=2&y=3`);
    const received = logged.find((l) => l.message === "Request received");
    expect(received?.context).toMatchObject({ input: { url: { query: { x: ["1", "2"], y: "3" } } } });
  });

  test("answers several requests on one kept-alive connection; only a body cut at the limit closes it", async () => {
    const request = `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\n${Object.entries(PAGE_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Content-Length: ${PAGE_BODY.length}\r\n\r\n${PAGE_BODY}`;
    // Two requests pipelined on one connection, the second closing it: both are answered.
    const answers = await sendRaw(mock.port, `${request}${request.replace("Host: x", "Host: x\r\nConnection: close")}`);
    expect(answers.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
  });
});

describe("Prefer on a request only the engine finds invalid", () => {
  const broken = '{"mobile":"12345678901"}';

  test("a Prefer for a 200 example gives way to the first 400 silently: the engine's own violation only", async () => {
    const answer = await send(mock.url, { ...PAGE_HEADERS, Prefer: "code=200, example=mfaAuth" }, broken);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(answer.violations.map((v) => v.location.join("."))).toEqual(["request.body"]);
    expect(answer.violations.some((v) => v.code === "prefer")).toBe(false);
  });

  test("a Prefer for a 400 example that does not exist is named as impossible", async () => {
    const answer = await send(mock.url, { ...PAGE_HEADERS, Prefer: "code=400, example=noSuchExample" }, broken);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(answer.violations).toContainEqual(expect.objectContaining({ code: "prefer", message: expect.stringMatching(/^Prefer asks for a response the spec does not have: \S/) }));
  });

  test("a valid request with an impossible status names Prism's reason, not a missing example", async () => {
    const answer = await send(mock.url, { ...PAGE_HEADERS, Prefer: "code=418" });
    expect(answer.violations).toHaveLength(1);
    expect(answer.violations[0]!.message).toMatch(/^Prefer asks for a response the spec does not have: .*418/);
    expect(answer.violations[0]!.message).not.toContain("no example");
  });

  test("a valid request with a Prefer the spec has is served as asked, with no violation", async () => {
    const answer = await send(mock.url, { ...PAGE_HEADERS, Prefer: "code=400, example=invalidMobile" });
    expect({ status: answer.status, body: JSON.parse(answer.text), violations: answer.violations }).toEqual({ status: 400, body: errorExamples.invalidMobile, violations: [] });
  });

  test("a dynamic Prefer on a request outside the contract keeps the documented 400 generated, not the first example", async () => {
    const bodies = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await send(mock.url, { ...PAGE_HEADERS, "Content-Type": "application/json;charset=latin1", Prefer: "dynamic=true" });
      expect(answer.status).toBe(400);
      bodies.add(answer.text);
    }
    expect(bodies.has(JSON.stringify(defaultError))).toBe(false);
  });
});

describe("a body over the limit with other faults", () => {
  test("the engine's findings about the headers stay, its finding of no body goes", async () => {
    const { "X-agent": _agent, ...headers } = PAGE_HEADERS;
    const over = await send(mock.url, headers, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20));
    expect(over.status).toBe(400);
    expect(over.violations.map((v) => `${v.location.join(".")} ${v.code}`)).toEqual(["request.body too-large", expect.stringMatching(/^request\.header/)]);
  });

  test("what an engine says about the body (or at the root) of a request over the limit is dropped; other findings stay", async () => {
    const served = await serve(
      answering(
        right(
          { statusCode: 400, headers: {}, body: "x" },
          {
            input: [
              { path: ["body"], code: "required", message: "body", severity: 0 },
              { path: ["body", "mobile"], code: "type", message: "mobile", severity: 0 },
              { code: "root", message: "root", severity: 0 },
              { path: ["header", "x-agent"], code: "required", message: "agent", severity: 0 },
            ],
          },
        ),
      ),
    );
    const over = await send(served.url, PAGE_HEADERS, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20));
    expect(over.violations.map((v) => `${v.location.join(".")} ${v.code}`)).toEqual(["request.body too-large", "request.header.x-agent required"]);
  });

  test("a client that keeps sending after the answer, ignoring the mock's end of the connection, is cut off", async () => {
    const outcome = await new Promise<{ answer: string; closed: boolean }>((resolve) => {
      // Half-open: the mock's FIN does not end this side, so only the mock's own close ends the connection.
      const socket = connect({ port: mock.port, host: "127.0.0.1", allowHalfOpen: true });
      let answer = "";
      let open = true;
      const timer = setTimeout(() => ((open = false), socket.destroy(), resolve({ answer, closed: false })), 8_000);
      const chunk = `10000\r\n${" ".repeat(0x10000)}\r\n`;
      const pump = () => {
        while (open && socket.write(chunk));
      };
      socket.on("data", (data) => (answer += data.toString("latin1")));
      socket.on("error", () => undefined).on("drain", pump);
      socket.on("close", () => ((open = false), clearTimeout(timer), resolve({ answer, closed: true })));
      socket.write(`POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\n${Object.entries(PAGE_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Transfer-Encoding: chunked\r\n\r\n`);
      pump();
    });
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(outcome.closed).toBe(true);
  }, 15_000);

  test("proxying, a body over the limit is Prism's 413: it cannot be forwarded", async () => {
    const upstream = createServer((req, res) => void req.resume().on("end", () => res.end("{}")));
    servers.push(upstream);
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const loaded = await loadEngine({ prismCli: prismCliManifest(), spec: BUNDLED_SPEC, dynamic: false, logLevel: "silent", upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
    const proxy = await serve(loaded);
    const over = await send(proxy.url, PAGE_HEADERS, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20));
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(over.text)).toEqual({ type: "https://stoplight.io/prism/errors#PAYLOAD_TOO_LARGE", title: "Request body too large", status: 413, detail: `The limit is ${10 * 1024 * 1024} bytes` });
  }, 60_000);
});
