// Every operation of the spec, in-process mock against the package's Prism mock, request for request: valid requests,
// each way a request can break its operation's contract, every named example by Prefer, and paths and methods the spec
// does not have. Same status, same body, same presence of sl-violations (differential.test.ts goes deep on the login).
import { describe, expect, test } from "vitest";
import { sharedMock } from "../helpers/mock.js";
import spec from "../../generated/openapi.json" with { type: "json" };
import { OPERATIONS, type Operation } from "../../src/contract/operations.js";
import { createMockFetch } from "../../src/testing/index.js";

interface Answer {
  status: number;
  body: unknown;
  violations: boolean;
}
interface Exchange {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

const deref = (node: any): any => (typeof node?.$ref == "string" ? deref(node.$ref.slice(2).split("/").reduce((n: any, k: string) => n[k], spec)) : node);

const DEVICE: Record<string, string> = { "X-operating-sys-version": "Android 10", "X-device-fingerprint": "156aysdna213sac", "X-agent": "a", "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm" };

/** The operation's first request example, as its media type writes it. */
function exampleBody(operation: Operation): Record<string, string> | undefined {
  if (!operation.media) return undefined;
  const item = (spec.paths as any)[operation.path][operation.method.toLowerCase()];
  const media = deref(item.requestBody).content[operation.media];
  return deref(Object.values<any>(media.examples)[0]).value;
}
const encode = (operation: Operation, fields: Record<string, unknown>) =>
  operation.media?.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(fields as Record<string, string>).toString() : JSON.stringify(fields);

/** A request that keeps the operation's contract. */
function valid(operation: Operation): Exchange {
  const headers: Record<string, string> = {};
  for (const name of operation.headers.required) headers[name] = DEVICE[name] ?? "sta******7Kd";
  if (operation.bearer) headers["Authorization"] = "Bearer 334******140";
  const fields = exampleBody(operation);
  if (fields) headers["Content-Type"] = operation.media!;
  return { method: operation.method, path: operation.path, headers, body: fields && encode(operation, fields) };
}

/** Each way to break the operation's contract: [what, request]. */
function broken(operation: Operation): Array<[string, Exchange]> {
  const base = valid(operation);
  const without = (name: string): Exchange => ({ ...base, headers: Object.fromEntries(Object.entries(base.headers).filter(([k]) => k !== name)) });
  const cases: Array<[string, Exchange]> = [];
  for (const name of operation.headers.required) cases.push([`no ${name}`, without(name)], [`an empty ${name}`, { ...base, headers: { ...base.headers, [name]: "" } }]);
  for (const name of Object.keys(operation.headers.properties ?? {}).filter((n) => !operation.headers.required.includes(n))) {
    cases.push([`an empty optional ${name}`, { ...base, headers: { ...base.headers, [name]: "" } }]);
  }
  if (operation.bearer) {
    const anonymous = without("Authorization");
    cases.push(
      ["no Authorization", anonymous],
      ["Basic instead of Bearer", { ...base, headers: { ...base.headers, Authorization: "Basic eDp5" } }],
      ["Bearer without a token", { ...base, headers: { ...base.headers, Authorization: "Bearer " } }],
      ["no Authorization and an empty optional header", { ...anonymous, headers: { ...anonymous.headers, "X-tenant-id": "" } }],
      ["no Authorization and an unreadable Prefer", { ...anonymous, headers: { ...anonymous.headers, Prefer: "code=abc" } }],
      ["no Authorization and a broken body", { ...anonymous, body: "{" }],
    );
  }
  const fields = exampleBody(operation);
  if (fields) {
    const required = (operation.body!.required ?? []) as readonly string[];
    cases.push(
      ["no Content-Type", without("Content-Type")],
      ["another media type", { ...base, headers: { ...base.headers, "Content-Type": operation.media!.startsWith("application/json") ? "application/x-www-form-urlencoded" : "application/json;charset=utf8" } }],
      ["a charset that is not UTF-8", { ...base, headers: { ...base.headers, "Content-Type": `${operation.media!.split(";")[0]};charset=latin1` } }],
      ["no body", { ...base, body: undefined }],
      ["an extra field", { ...base, body: encode(operation, { ...fields, extra: "1" }) }],
    );
    for (const name of required) {
      const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== name));
      cases.push([`no ${name}`, { ...base, body: encode(operation, rest) }], [`an empty ${name}`, { ...base, body: encode(operation, { ...fields, [name]: "" }) }]);
    }
    if (operation.media!.startsWith("application/json")) {
      cases.push(["malformed JSON", { ...base, body: base.body!.slice(0, -1) }], [`a number for ${required[0]}`, { ...base, body: JSON.stringify({ ...fields, [required[0]!]: 1 }) }]);
    }
  }
  return cases;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: compare the text
  }
  return { status: response.status, body, violations: response.headers.has("sl-violations") };
}

// The run's shared default Prism mock (test/contract/global-setup.ts): these tests only send it requests.
const prism = sharedMock();
const inProcess = createMockFetch();
const ask = (base: string, run: (request: Request) => Promise<Response>) => (e: Exchange) =>
  run(new Request(base + e.path, { method: e.method, headers: e.headers, ...(e.body === undefined ? {} : { body: e.body }) })).then(read);
const both = async (e: Exchange) => ({
  inProcess: await ask("http://mock.test", (r) => inProcess(r))(e),
  prism: await ask(prism.url, (r) => fetch(r, { signal: AbortSignal.timeout(10_000) }))(e),
});


describe.each(OPERATIONS.map((o) => [`${o.method} ${o.path}`, o] as const))("%s: in-process mock and Prism agree", (_label, operation) => {
  test("a valid request gets the first 200 example", async () => {
    const answers = await both(valid(operation));
    expect(answers.inProcess).toEqual(answers.prism);
    expect(answers.inProcess.status).toBe(200);
    expect(answers.inProcess.violations).toBe(false);
  });

  test.each(broken(operation))("%s", async (_what, exchange) => {
    const answers = await both(exchange);
    expect(answers.inProcess).toEqual(answers.prism);
    expect(answers.inProcess.status).toBeGreaterThanOrEqual(400);
  });

  const named = Object.entries(operation.examples).flatMap(([status, set]) => Object.keys(set ?? {}).map((name) => `code=${status}, example=${name}`));
  test.each([...named, "code=400", "code=500", "code=200, example=noSuchExample", "code=abc"])("Prefer: %s", async (prefer) => {
    const request = valid(operation);
    const answers = await both({ ...request, headers: { ...request.headers, Prefer: prefer } });
    expect(answers.inProcess).toEqual(answers.prism);
  });

  test.each(["GET", "POST", "PUT", "DELETE", "PATCH"].filter((m) => !OPERATIONS.some((o) => o.path === operation.path && o.method === m)))("method %s is not there", async (method) => {
    const answers = await both({ method, path: operation.path, headers: valid(operation).headers });
    expect(answers.inProcess).toEqual(answers.prism);
    expect(answers.inProcess.status).toBe(405);
  });

  test.each([
    ["a trailing slash", `${operation.path}/`],
    ["a prefix", `/x${operation.path}`],
    ["the path in capitals", operation.path.toUpperCase()],
    ["a percent-encoded last letter", operation.path.replace(/.$/, (c) => `%${c.charCodeAt(0).toString(16)}`)],
  ])("path: %s", async (_what, path) => {
    const request = valid(operation);
    const answers = await both({ ...request, path });
    expect(answers.inProcess).toEqual(answers.prism);
  });
});
