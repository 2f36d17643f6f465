import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { route } from "../contract/operations.js";
import { BODY_LIMIT, tooLarge } from "../contract/request-rules.js";
import { checkContract, type ContractViolation } from "./contract-checks.js";
import type { Engine, EngineRequest, EngineResult, EngineViolation, MockPreferences } from "./engine.js";
import { asciiJson, setViolations, trySetHeader } from "./safe-headers.js";

// The request handling of @stoplight/prism-http-server 5.12 (dist/server.js), rebuilt around the same engine calls so
// answers stay Prism's (status, body, headers, Prefer, CORS preflight, 400/422), with three changes:
// headers are always written validly; in mock mode a request outside the contract's media type, charset or JSON gets
// the documented 400 (Prism answered 200 or 500); a Prefer the spec cannot satisfy gets the documented 400 with the
// reason (Prism answered 500 or 422). The first 400 example stays the default answer, as in Prism.

const SEVERITY = ["Error", "Warning", "Information", "Hint"];

/**
 * Reads the whole body, holding at most BODY_LIMIT bytes (Prism's limit, micri's in prism-http-server); null when there
 * is none (as Prism: no Content-Length and no Transfer-Encoding, or length 0). A larger one is "too-large" as soon as
 * the limit is passed, and the request is paused there: the rest is never held, and a body that never ends still
 * gets its answer (closeAfterAnswer then ends the connection).
 */
function readBody(req: IncomingMessage): Promise<Buffer | null | "too-large"> {
  if (req.headers["content-length"] === "0" || (req.headers["transfer-encoding"] === undefined && req.headers["content-length"] === undefined)) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve("too-large");
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** How long the rest of a body cut at the limit is still read (and dropped) after the answer, before the connection closes. */
const LINGER_MS = 1_000;

/**
 * After the answer to a body cut at the limit, the connection goes: its rest was never read, so no other request can
 * follow on it. Closing at once would reset a connection the client is still sending on, and a client that gets the
 * reset before it reads the answer loses the answer (Node's `Connection: close` handling does just that); so the mock
 * ends its side, drops what still arrives for LINGER_MS, and then closes.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => {
    const { socket } = req;
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("close", () => clearTimeout(timer));
    req.once("end", () => socket.destroy());
    req.resume();
  });
}

/** The body as Prism's server hands it to the engine: JSON media types parsed, anything else as text. */
function engineBody(raw: Buffer | null, contentType: string | undefined): unknown {
  if (raw === null) return null;
  const text = raw.toString("utf8");
  if (contentType && /^\s*application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return text;
    }
  }
  return text;
}

/** Splits the request target like Prism (WHATWG URL), falling back to a plain split for targets URL cannot parse. */
function target(url: string): { path: string; searchParams: URLSearchParams } {
  try {
    // An origin-form target is a path even when it starts with "//" (resolved against a base, "//api/..." would name
    // the host "api" and leave "/v2/..." as the path).
    const { pathname, searchParams } = new URL(url.startsWith("/") ? `http://mock.invalid${url}` : url, "http://mock.invalid");
    return { path: pathname, searchParams };
  } catch {
    const at = url.indexOf("?");
    return { path: at === -1 ? url : url.slice(0, at), searchParams: new URLSearchParams(at === -1 ? "" : url.slice(at + 1)) };
  }
}

function query(searchParams: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    params[key] = values.length === 1 ? values[0]! : values;
  }
  return params;
}

const prefixed = (prefix: string) => (v: EngineViolation) => ({
  location: [prefix, ...(v.path ?? [])],
  severity: SEVERITY[v.severity] ?? String(v.severity),
  code: v.code,
  message: v.message,
});

/** Prism's CORS headers (its server's setCommonCORSHeaders). */
function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const h = req.headers;
  trySetHeader(res, "Access-Control-Allow-Origin", h["origin"] || "*");
  trySetHeader(res, "Access-Control-Allow-Headers", h["access-control-request-headers"] || "*");
  trySetHeader(res, "Access-Control-Allow-Credentials", "true");
  trySetHeader(res, "Access-Control-Expose-Headers", h["access-control-expose-headers"] || "*");
}

function sendProblem(res: ServerResponse, status: number, problem: unknown, headers: Record<string, string> = {}): void {
  res.setHeader("content-type", "application/problem+json");
  for (const [name, value] of Object.entries(headers)) trySetHeader(res, name, value);
  res.statusCode = status;
  res.end(asciiJson(problem));
}

/**
 * Only the preferences that were given: Prism merges them over the defaults, skipping the undefined ones. An empty
 * example name (`?__example=`) is none, as Prism's engine reads it for a valid request (`if (exampleKey)`); for an
 * invalid one the engine alone would look for an example named "".
 */
const given = (p: MockPreferences): MockPreferences =>
  Object.fromEntries(Object.entries(p).filter(([key, v]) => v !== undefined && !(key === "exampleKey" && v === "")));

/** Builds the mock's request handler around Prism's engine. `token` answers the readiness probe of the process that started it. */
export function createHandler(engine: Engine, token: string) {
  const mocking = !engine.config.isProxy;
  const { logger } = engine;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Readiness: only this process knows the token, so its echo proves the URL reaches this process.
    if (token && req.headers["x-oneaccess-mock-probe"] === token) {
      res.writeHead(204, { "x-oneaccess-mock-probe": token }).end();
      return;
    }
    setCorsHeaders(req, res);
    if (req.method === "OPTIONS" && req.headers["origin"] && req.headers["access-control-request-method"]) {
      trySetHeader(res, "Access-Control-Allow-Methods", req.headers["access-control-request-method"]);
      res.setHeader("Vary", "origin");
      res.setHeader("Content-Length", "0");
      res.writeHead(204).end();
      return;
    }
    const read = await readBody(req);
    if (read === "too-large") closeAfterAnswer(req, res);
    // Proxying cannot forward a cut body: Prism's 413 stays. Mocking, an oversized body is outside the contract.
    if (read === "too-large" && !mocking) return sendProblem(res, 413, { type: "https://stoplight.io/prism/errors#PAYLOAD_TOO_LARGE", title: "Request body too large", status: 413, detail: `The limit is ${BODY_LIMIT} bytes` });
    const raw = read === "too-large" ? null : read;
    const { path, searchParams } = target(req.url ?? "/");
    // No route matches a target that is not a path (`*`, `http://[`): Prism's engine answers some of them with a 500.
    if (mocking && !path.startsWith("/")) return sendProblem(res, 404, { type: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR", title: "Route not resolved, no path matched", status: 404, detail: `The route ${path} hasn't been found in the specification file` });
    const input: EngineRequest = {
      method: (req.method ?? "get").toLowerCase(),
      url: { path, baseUrl: searchParams.get("__server") || undefined, query: query(searchParams) },
      // Mocking, Accept is not the engine's to negotiate: the contract has one media type, and Prism answers some
      // Accept values with a 500, a 406 or an empty 200 (createMockFetch ignores it too).
      headers: mocking ? { ...req.headers, accept: undefined } : req.headers,
      body: engineBody(raw, req.headers["content-type"]),
    };
    logger.info({ input }, "Request received");

    const ours: ContractViolation[] = [];
    let preferences: MockPreferences = {};
    // The operation's own rules; a path or method the spec does not have is Prism's to answer (404, 405).
    const reached = route(input.method, path);
    if (mocking && reached && "operation" in reached) {
      // Node keeps the first of two Content-Types; fetch joins them, and a joined pair is no media type at all.
      const types = req.headersDistinct["content-type"];
      const checked = checkContract(types && types.length > 1 ? { ...req.headers, "content-type": types.join(", ") } : req.headers, raw, reached.operation);
      if (read === "too-large") ours.push(tooLarge());
      ours.push(...checked.violations);
      if ("body" in checked) input.body = checked.body;
      if (checked.unparseableType) input.headers = { ...input.headers, "content-type": undefined };
    }
    const parsed = engine.preferences(input);
    if (parsed._tag === "Right") preferences = given(parsed.right);
    else if (mocking) ours.push({ location: ["request", "header", "prefer"], severity: "Error", code: "prefer", message: `Prefer cannot be read: ${parsed.left.detail ?? parsed.left.message}` });
    else return sendProblem(res, parsed.left.status ?? 422, engine.problem(parsed.left));

    // Outside the contract: the documented 400 (its first example unless the Prefer names another 400 example).
    const forced = (p: MockPreferences): MockPreferences => ({ ...(p.code === 400 ? p : { dynamic: p.dynamic, seed: p.seed }), code: 400 });
    const call = (p: MockPreferences) => engine.request(input, { ...engine.config, mock: { ...engine.config.mock, ...given(p) } });
    // What the engine is asked for: an invalid request's forced 400 replaces the Prefer's code (and its example
    // unless it is a 400 one), so only what was asked can have been impossible.
    const asked = ours.length > 0 ? forced(preferences) : preferences;
    let result = await call(asked);
    // The engine answers a request its own validation finds invalid with a 400 whatever the Prefer's code: that 400 is
    // the contract's answer, not an impossible Prefer.
    const invalid = ours.length > 0 || (result._tag === "Right" && result.right.validations.input.some((v) => v.severity === 0));
    const askedFor = Object.keys(preferences).length > 0 && (!invalid || preferences.code === 400);
    // Any answer the Prefer made impossible (Prism's 404 for an undocumented status or example, its 500 for an example
    // under another status) is outside the contract: the documented 400 says why. A wrong path or method stays Prism's.
    // Prism also answers `code=400, example=<a 200 example>` with that 200: not what was asked either.
    const otherStatus = result._tag === "Right" && asked.code !== undefined && result.right.output.statusCode !== asked.code;
    if (mocking && (result._tag === "Left" || otherStatus) && askedFor) {
      const reason = result._tag === "Left" ? (result.left.detail ?? result.left.message) : `no example ${asked.exampleKey} for status ${asked.code}`;
      const retried = await call(forced({}));
      if (retried._tag === "Right") {
        ours.push({ location: ["request", "header", "prefer"], severity: "Error", code: "prefer", message: `Prefer asks for a response the spec does not have: ${reason}` });
        result = retried;
      }
    }
    if (result._tag === "Left") {
      const error = result.left;
      logger.error({ input }, `Request terminated with error: ${error}`);
      return sendProblem(res, error.status || 500, engine.problem(error), error.additional?.headers);
    }
    // The engine never saw an oversized body: what it says about the body ("Body parameter is required", at the
    // request's root) is about its absence, not the request.
    if (read === "too-large") result.right.validations.input = result.right.validations.input.filter((v) => v.path?.length && v.path[0] !== "body");
    write(res, input, result.right, ours);
  }

  function write(res: ServerResponse, input: EngineRequest, result: EngineResult, ours: ContractViolation[]): void {
    const violations = [...ours, ...result.validations.input.map(prefixed("request")), ...result.validations.output.map(prefixed("response"))];
    setViolations(res, violations);
    // Prism's engine logs the violations it found itself: only the mock's own are logged here, so each shows once.
    for (const v of ours) {
      // Each is an error: the mock adds none of another severity (contract checks, a body too large, a Prefer).
      logger.error({ name: "VALIDATOR" }, `Violation: ${v.location.join(".")} ${v.message}`);
    }
    const { output } = result;
    for (const [name, value] of Object.entries(output.headers ?? {})) {
      // Prism answers the spec's example X-Request-Id every time: a request id names one answer, so each gets its own
      // (32 hex digits, the example's shape).
      const dropped = trySetHeader(res, name, name.toLowerCase() === "x-request-id" ? randomUUID().replaceAll("-", "") : value);
      if (dropped) logger.warn({ input }, dropped);
    }
    const contentType = res.getHeader("content-type");
    const body = engine.serialize(output.body, typeof contentType === "string" ? contentType : undefined);
    // As micri's send, which Prism's server answers with.
    res.statusCode = output.statusCode;
    if (body === undefined || body === null) return void res.end();
    if (!res.hasHeader("content-type")) res.setHeader("content-type", "text/plain; charset=utf-8");
    res.setHeader("content-length", Buffer.byteLength(body));
    res.end(body);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch((error: unknown) => {
      // A bug of the mock, not an answer of the contract: say so plainly rather than drop the connection.
      logger.error({}, `The mock failed to answer: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) sendProblem(res, 500, { type: "about:blank", title: "The mock failed to answer", status: 500, detail: String((error as Error)?.message ?? error) });
      else res.destroy();
    });
  };
}
