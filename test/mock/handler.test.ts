import { createServer, request as httpRequest, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { BUNDLED_SPEC } from "../../src/mock/index.js";
import { loadEngine, type Engine } from "../../src/mock/engine.js";
import { createHandler } from "../../src/mock/handler.js";
import { prismCliManifest } from "../../src/mock/prism-packages.js";
import { PAGE_BODY, PAGE_HEADERS, sendRaw } from "../helpers/mock.js";
import { deref, namedExamples, operation } from "../helpers/spec.js";
import { examples } from "../../generated/examples.js";

const first400 = Object.values(examples[400])[0];

// The mock's request handling driven in this process: Prism's engine and createHandler behind a node:http server of
// the test, without the forked server process startMock runs. The answers are the same (the server process is only
// this plus the IPC and signal plumbing), and a mutation run sees the handler's code, which a child process hides.

const errorExamples = namedExamples(deref(operation.responses["400"]).content["application/json"]);
const successExamples = namedExamples(deref(operation.responses["200"]).content["application/json"]);
const defaultError = Object.values(errorExamples)[0];
const TOKEN = "probe-token-of-this-test";

async function serve(handler: ReturnType<typeof createHandler>): Promise<{ url: string; port: number; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, server };
}

type Answer = { status: number; text: string; headers: Headers; violations: string };
const answerOf = async (response: Response): Promise<Answer> => ({
  status: response.status,
  text: await response.text(),
  headers: response.headers,
  violations: response.headers.get("sl-violations") ?? "",
});


let engine: Engine;
let mock: { url: string; port: number; server: Server };
const servers: Server[] = [];

beforeAll(async () => {
  engine = await loadEngine({ prismCli: prismCliManifest(), spec: BUNDLED_SPEC, dynamic: false, logLevel: "silent" });
  mock = await serve(createHandler(engine, TOKEN));
  servers.push(mock.server);
}, 60_000);
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const post = async (headers: Record<string, string>, body?: string | Blob | Uint8Array, path = LOGIN_PATH) =>
  answerOf(await fetch(`${mock.url}${path}`, { method: "POST", headers, body: body as BodyInit | undefined, signal: AbortSignal.timeout(3_000) }));

describe("the mock's handler, in process", () => {
  test("echoes only its own readiness token, with a bodiless 204", async () => {
    const probe = await fetch(mock.url, { method: "OPTIONS", headers: { "x-oneaccess-mock-probe": TOKEN }, signal: AbortSignal.timeout(3_000) });
    expect(probe.status).toBe(204);
    expect(probe.headers.get("x-oneaccess-mock-probe")).toBe(TOKEN);
    expect(await probe.text()).toBe("");
    const other = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers: { ...PAGE_HEADERS, "x-oneaccess-mock-probe": "another launch" }, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) });
    expect(other.status).toBe(200);
    expect(other.headers.get("x-oneaccess-mock-probe")).toBeNull();
  });

  test("a handler without a token answers an empty probe header like any request", async () => {
    const tokenless = await serve(createHandler(engine, ""));
    servers.push(tokenless.server);
    const answer = await fetch(`${tokenless.url}${LOGIN_PATH}`, { method: "POST", headers: { ...PAGE_HEADERS, "x-oneaccess-mock-probe": "" }, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-oneaccess-mock-probe")).toBeNull();
  });

  test("serves the page's example with Prism's CORS headers, its length and its JSON type", async () => {
    const answer = await post(PAGE_HEADERS, PAGE_BODY);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual(Object.values(successExamples)[0]);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("content-length")).toBe(String(Buffer.byteLength(answer.text)));
    expect(answer.violations).toBe("");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-headers")).toBe("*");
    expect(answer.headers.get("access-control-allow-credentials")).toBe("true");
    expect(answer.headers.get("access-control-expose-headers")).toBe("*");
    const withOrigin = await post({ ...PAGE_HEADERS, Origin: "http://app.test", "Access-Control-Expose-Headers": "x-a" }, PAGE_BODY);
    expect(withOrigin.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(withOrigin.headers.get("access-control-expose-headers")).toBe("x-a");
  });

  test("answers a CORS preflight itself; an OPTIONS without the request method is not one", async () => {
    const preflight = await fetch(`${mock.url}${LOGIN_PATH}`, {
      method: "OPTIONS",
      headers: { Origin: "http://app.test", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-client-id" },
      signal: AbortSignal.timeout(3_000),
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("x-client-id");
    expect(preflight.headers.get("vary")).toBe("origin");
    expect(preflight.headers.get("content-length")).toBe("0");
    for (const headers of [{ Origin: "http://app.test" }, { "Access-Control-Request-Method": "POST" }] as Record<string, string>[]) {
      const plain = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "OPTIONS", headers, signal: AbortSignal.timeout(3_000) });
      expect(plain.status).not.toBe(204);
      expect(plain.headers.get("access-control-allow-methods")).toBeNull();
    }
  });

  test("a request without a body, or with Content-Length 0, gets the documented 400", async () => {
    for (const raw of [
      `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n`,
      `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n`,
    ]) {
      const answer = await sendRaw(mock.port, raw);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual(defaultError);
      // No body at all: Prism's own "body required", not an empty body that fails to parse.
      const violations = /^sl-violations: (.*)$/im.exec(answer)?.[1] ?? "";
      expect(violations).toMatch(/body/i);
      expect(violations).not.toMatch(/not valid JSON/);
    }
  });

  test("a chunked body is read and answered like a sized one", async () => {
    const raw = `POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${Object.entries(PAGE_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Transfer-Encoding: chunked\r\n\r\n`;
    const half = PAGE_BODY.length >> 1;
    const chunk = (s: string) => `${s.length.toString(16)}\r\n${s}\r\n`;
    const answer = await sendRaw(mock.port, `${raw}${chunk(PAGE_BODY.slice(0, half))}${chunk(PAGE_BODY.slice(half))}0\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });

  test("a body over Prism's 10 MiB limit gets the documented 400 with the reason; one at the limit is read", async () => {
    const limit = 10 * 1024 * 1024;
    const over = await post(PAGE_HEADERS, new Uint8Array(limit + 1).fill(0x20));
    expect(over.status).toBe(400);
    expect(JSON.parse(over.text)).toEqual(first400);
    expect(JSON.parse(over.violations)).toEqual([expect.objectContaining({ code: "too-large" })]);
    // Spaces before the page's JSON, which ends on the limit's last byte: read whole, or the JSON is cut.
    const padded = new Uint8Array(limit).fill(0x20);
    padded.set(Buffer.from(PAGE_BODY), limit - PAGE_BODY.length);
    expect((await post(PAGE_HEADERS, padded)).status).toBe(200);
  });

  test("a body that never ends gets the documented 400 once past the limit, and then the connection closes", async () => {
    // The handler behind a server that notes how much of the connection was read when the answer was written.
    let readAtAnswer = 0;
    const handler = createHandler(engine, TOKEN);
    const watched = await serve((req, res) => {
      res.once("finish", () => (readAtAnswer = req.socket.bytesRead));
      handler(req, res);
    });
    servers.push(watched.server);
    const outcome = await new Promise<{ answer: string; closed: boolean }>((resolve) => {
      const socket = connect(watched.port, "127.0.0.1");
      let answer = "";
      const timer = setTimeout(() => (socket.destroy(), resolve({ answer, closed: false })), 5_000);
      const chunk = `10000\r\n${" ".repeat(0x10000)}\r\n`;
      let open = true;
      const pump = () => {
        while (open && socket.write(chunk));
      };
      socket.on("data", (data) => (answer += data.toString("latin1")));
      // Writing into a closed connection fails (EPIPE, ECONNRESET): the close is what is awaited.
      socket.on("error", () => undefined).on("drain", pump);
      socket.on("close", () => ((open = false), clearTimeout(timer), resolve({ answer, closed: true })));
      const head = Object.entries(PAGE_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join("");
      socket.write(`POST ${LOGIN_PATH} HTTP/1.1\r\nHost: x\r\n${head}Transfer-Encoding: chunked\r\n\r\n`);
      pump();
    });
    expect(outcome.closed).toBe(true);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(outcome.answer).toMatch(/^sl-violations: .*"too-large"/im);
    // The mock reads no further than the limit (plus what was already on its way when it paused).
    expect(readAtAnswer).toBeGreaterThan(10 * 2 ** 20);
    expect(readAtAnswer).toBeLessThan(12 * 2 ** 20);
  }, 15_000);

  test("the engine validates the body it was given: a JSON media type outside the contract is still parsed", async () => {
    // application/ld+json breaks the contract (one violation of ours), but the page's body in it is a valid body.
    const ld = await post({ ...PAGE_HEADERS, "Content-Type": "application/ld+json" }, PAGE_BODY);
    expect(ld.status).toBe(400);
    expect(JSON.parse(ld.violations)).toEqual([expect.objectContaining({ code: "content-type", location: ["request", "header", "content-type"] })]);
    // text/plain: the body stays text, which the engine finds is not the object the contract wants.
    const text = await post({ ...PAGE_HEADERS, "Content-Type": "text/plain" }, PAGE_BODY);
    expect(text.status).toBe(400);
    expect(JSON.parse(text.violations).length).toBeGreaterThan(1);
  });

  test("a Content-Type it cannot parse is hidden from the engine, which would answer 500", async () => {
    const answer = await post({ ...PAGE_HEADERS, "Content-Type": "garbage" }, PAGE_BODY);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(JSON.parse(answer.violations)[0]).toMatchObject({ code: "content-type", severity: "Error" });
  });

  test("Prism's violations keep its shape: location prefixed, severity named", async () => {
    const answer = await post(PAGE_HEADERS, '{"mobile":"12345678901"}');
    expect(answer.status).toBe(400);
    const [first] = JSON.parse(answer.violations) as { location: string[]; severity: string; code: unknown; message: string }[];
    expect(first).toMatchObject({ location: ["request", "body"], severity: "Error", message: expect.stringMatching(/verify_code/) });
  });

  test("__code and __example in the query choose the answer, as a Prefer does", async () => {
    const chosen = await post(PAGE_HEADERS, PAGE_BODY, `${LOGIN_PATH}?__code=400&__example=invalidMobile`);
    expect(chosen.status).toBe(400);
    expect(JSON.parse(chosen.text)).toEqual(errorExamples.invalidMobile);
    expect(chosen.violations).toBe("");
  });

  test("an empty __example is no example, as Prism's engine reads it: never an impossible Prefer", async () => {
    for (const query of ["?__example=", "?__example", "?__code=200&__example="]) {
      const answer = await post(PAGE_HEADERS, PAGE_BODY, `${LOGIN_PATH}${query}`);
      expect({ query, status: answer.status, body: JSON.parse(answer.text), violations: answer.violations }).toEqual({ query, status: 200, body: Object.values(successExamples)[0], violations: "" });
    }
    const valid = await post(PAGE_HEADERS, PAGE_BODY, `${LOGIN_PATH}?__code=400&__example=`);
    expect({ status: valid.status, body: JSON.parse(valid.text), violations: valid.violations }).toEqual({ status: 400, body: defaultError, violations: "" });
    // A broken request: its own violation only (the engine alone took "" for an example name here and found none).
    const broken = await post(PAGE_HEADERS, '{"mobile":"12345678901"}', `${LOGIN_PATH}?__code=400&__example=`);
    expect(JSON.parse(broken.text)).toEqual(defaultError);
    expect(JSON.parse(broken.violations)).toEqual([expect.objectContaining({ location: ["request", "body"] })]);
  });

  test("a Prefer naming an example of another status gets the documented 400 with the reason", async () => {
    const answer = await post({ ...PAGE_HEADERS, Prefer: "code=400, example=mfaAuth" }, PAGE_BODY);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(JSON.parse(answer.violations)).toEqual([
      { location: ["request", "header", "prefer"], severity: "Error", code: "prefer", message: "Prefer asks for a response the spec does not have: no example mfaAuth for status 400" },
    ]);
  });

  test("an impossible Prefer and an unreadable one are named as such", async () => {
    const impossible = await post({ ...PAGE_HEADERS, Prefer: "code=200, example=invalidMobile" }, PAGE_BODY);
    expect(impossible.status).toBe(400);
    expect(JSON.parse(impossible.violations)[0].message).toMatch(/^Prefer asks for a response the spec does not have: \S/);
    const unreadable = await post({ ...PAGE_HEADERS, Prefer: "code=abc" }, PAGE_BODY);
    expect(unreadable.status).toBe(400);
    expect(JSON.parse(unreadable.text)).toEqual(defaultError);
    expect(JSON.parse(unreadable.violations)[0]).toMatchObject({ location: ["request", "header", "prefer"], code: "prefer", message: expect.stringMatching(/^Prefer cannot be read: \S/) });
  });

  test("a Prefer for another named example of a status is served, a broken request still gets the first 400", async () => {
    expect(JSON.parse((await post({ ...PAGE_HEADERS, Prefer: "example=mfaAuth" }, PAGE_BODY)).text)).toEqual(successExamples.mfaAuth);
    // The request breaks the contract: a Prefer for a 400 example keeps it; any other Prefer gives way to the first 400.
    const broken = '{"mobile":"12345678901"}';
    expect(JSON.parse((await post({ ...PAGE_HEADERS, Prefer: "code=400, example=wrongCredentials" }, broken)).text)).toEqual(errorExamples.wrongCredentials);
    expect(JSON.parse((await post({ ...PAGE_HEADERS, Prefer: "code=200, example=mfaAuth" }, broken)).text)).toEqual(defaultError);
  });

  test("a path outside the contract gets Prism's problem answer, not a 400", async () => {
    const answer = await post(PAGE_HEADERS, PAGE_BODY, "/api/v2/other");
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(answer.text)).toMatchObject({ status: 404 });
  });

  test("a request target URL cannot parse is still answered by the engine", async () => {
    // "//[" reads as a protocol-relative URL with a broken host; the plain split hands Prism the path and the query.
    const answer = await sendRaw(mock.port, `GET //[?__code=400 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).toMatch(/NO_PATH_MATCHED_ERROR/);
    expect(answer).toContain("//[");
  });

  test("a failure of the mock itself is a 500 problem saying so, not a dropped connection", async () => {
    const broken: Engine = { ...engine, request: () => Promise.reject(new Error("engine exploded")) };
    const failing = await serve(createHandler(broken, TOKEN));
    servers.push(failing.server);
    const response = await fetch(`${failing.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({ type: "about:blank", title: "The mock failed to answer", status: 500, detail: "engine exploded" });
  });

  test("a response header the engine produced that Node refuses is dropped, the answer still sent", async () => {
    const request = engine.request.bind(engine);
    const odd: Engine = {
      ...engine,
      request: async (input, config) => {
        const result = await request(input, config);
        if (result._tag === "Right") result.right.output.headers = { ...result.right.output.headers, "x-bad": "caf\u00e9 \u2603", "x-good": "yes" };
        return result;
      },
    };
    const served = await serve(createHandler(odd, TOKEN));
    servers.push(served.server);
    const response = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest(`${served.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, timeout: 3_000 }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on("error", reject);
      req.on("timeout", () => req.destroy(new Error("no answer")));
      req.end(PAGE_BODY);
    });
    expect(response.status).toBe(200);
    expect(response.headers["x-good"]).toBe("yes");
    expect(response.headers["x-bad"]).toBeUndefined();
  });
});

describe("what the mock's handler logs", () => {
  test("each violation at its level, a dropped header as a warning, its own failure as an error", async () => {
    const lines: string[] = [];
    const logger = {
      info: (_context: object, message: string) => void lines.push(`info ${message}`),
      warn: (_context: object, message: string) => void lines.push(`warn ${message}`),
      error: (_context: object, message: string) => void lines.push(`error ${message}`),
    };
    const request = engine.request.bind(engine);
    const spied: Engine = {
      ...engine,
      logger,
      request: async (input, config) => {
        const result = await request(input, config);
        if (result._tag === "Right") result.right.output.headers = { ...result.right.output.headers, "x-bad": "\u2603" };
        return result;
      },
    };
    const served = await serve(createHandler(spied, TOKEN));
    servers.push(served.server);
    const send = (body: string) => fetch(`${served.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body, signal: AbortSignal.timeout(3_000) }).then((r) => r.arrayBuffer());
    await send('{"mobile":"12345678901"}');
    expect(lines).toContain("info Request received");
    // The engine logs what it finds itself (on its own logger): logged here too, it showed twice.
    expect(lines).not.toContainEqual(expect.stringMatching(/verify_code/));
    // A violation only the mock finds is the mock's to log.
    await send(`\uFEFF${PAGE_BODY}`);
    expect(lines).toContainEqual(expect.stringMatching(/^error Violation: request\.body .*byte order mark/));
    expect(lines).toContainEqual(expect.stringMatching(/^warn dropped response header "x-bad": /));
    const failing = await serve(createHandler({ ...spied, request: () => Promise.reject(new Error("engine exploded")) }, TOKEN));
    servers.push(failing.server);
    lines.length = 0;
    await fetch(`${failing.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) }).then((r) => r.arrayBuffer());
    expect(lines).toContainEqual(expect.stringMatching(/^error The mock failed to answer: Error: engine exploded\n\s+at /));
  });
});

describe("the mock's handler in proxy mode, in process", () => {
  test("forwards to the upstream without the mock's own contract checks; an unreadable Prefer is Prism's 422", async () => {
    const upstream = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.setHeader("content-type", "application/json;charset=utf8");
        res.end(JSON.stringify(Object.values(successExamples)[0]));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    servers.push(upstream);
    const proxyEngine = await loadEngine({
      prismCli: prismCliManifest(),
      spec: BUNDLED_SPEC,
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      dynamic: false,
      logLevel: "silent",
    });
    const proxy = await serve(createHandler(proxyEngine, TOKEN));
    servers.push(proxy.server);
    const send = (headers: Record<string, string>) =>
      fetch(`${proxy.url}${LOGIN_PATH}`, { method: "POST", headers, body: PAGE_BODY, signal: AbortSignal.timeout(3_000) }).then(answerOf);
    const forwarded = await send({ ...PAGE_HEADERS, "Content-Type": "application/json;charset=latin1" });
    expect(forwarded.status).toBe(200);
    expect(JSON.parse(forwarded.text)).toEqual(Object.values(successExamples)[0]);
    // The mock's charset rule is a mock-mode rule: no violation of ours in proxy mode.
    expect(forwarded.violations).not.toMatch(/charset/);
    const prefer = await send({ ...PAGE_HEADERS, Prefer: "code=abc" });
    expect(prefer.status).toBe(422);
    expect(prefer.headers.get("content-type")).toBe("application/problem+json");
  }, 60_000);
});
