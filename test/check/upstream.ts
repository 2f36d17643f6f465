import type { IncomingHttpHeaders } from "node:http";
import { afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { schemas } from "../../generated/schemas.js";
import { violations } from "../../src/contract/validate.js";
import { LOGIN_PATH } from "../../src/contract/operation.js";
import { OPERATIONS } from "../../src/check/spec-operations.js";
import { serve } from "../helpers/upstreams.js";
import { repoPath } from "../helpers/spec.js";

/** An answer an upstream gives. */
export interface Reply {
  status: number;
  /** A list is sent as that many field lines of the same name. */
  headers: Record<string, string | string[]>;
  /** Text is sent as UTF-8; bytes as they are (bytes that are not UTF-8, say). */
  body: string | Uint8Array;
}

/** A request an upstream saw. */
export interface Seen {
  method: string;
  /** The request's path, without the query. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed, or undefined when it is not JSON. */
  json: any;
}

const reply = (status: number, body: unknown, n: number): Reply => ({
  status,
  // OneAccess's own spelling of UTF-8, as in the request Content-Type it documents: conformant in answers too.
  headers: { "Content-Type": "application/json;charset=utf8", "X-Request-Id": `req-${n}` },
  body: JSON.stringify(body),
});

const spec = JSON.parse(readFileSync(repoPath("generated/openapi.json"), "utf8"));
/** The first named example of an operation's 200 answer in the bundled spec (undefined: no body). */
function example200(operationId: string): unknown {
  const deref = (node: any): any => (node?.$ref ? deref(node.$ref.slice(2).split("/").reduce((n: any, k: string) => n[k], spec)) : node);
  for (const item of Object.values<any>(spec.paths)) {
    for (const op of Object.values<any>(item)) {
      if (op.operationId !== operationId) continue;
      const media = Object.values<any>(deref(op.responses["200"]).content ?? {})[0];
      return media ? deref(Object.values<any>(media.examples)[0]).value : undefined;
    }
  }
  return undefined;
}

/**
 * What a server keeping the contract answers: for the login 200 SUCCESS to a valid request; for every other
 * operation the spec's 200 example (sms/send: no body); the documented 400 to any request breaking the contract.
 */
export function keepingReply(seen: Seen, n: number): Reply {
  const refuse = (error_code: string, error_msg: string) => reply(400, { error_code, error_msg }, n);
  const operation = OPERATIONS().find((o) => o.method === seen.method && o.path === seen.path);
  if (!operation) return { status: 404, headers: {}, body: "" };
  if (operation.path !== LOGIN_PATH) {
    if (operation.bearer && !/^Bearer \S+$/.test(String(seen.headers.authorization))) return { status: 401, headers: {}, body: "" };
    if (!operation.serverSide && (operation.headers.required ?? []).some((name) => !seen.headers[name.toLowerCase()])) return refuse("APP.0002", "A required header is missing.");
    if (operation.body) {
      const form = operation.body.mediaType === "application/x-www-form-urlencoded";
      if (!String(seen.headers["content-type"]).startsWith(form ? "application/x-www-form-urlencoded" : "application/json")) return refuse("COMMON.0002", "Unsupported content type.");
      const value = form ? Object.fromEntries(new URLSearchParams(seen.body)) : seen.json;
      if (value === undefined) return refuse("COMMON.0001", "Malformed request body.");
      if (violations(operation.body.schema, value).length > 0) return refuse("COMMON.0003", "Invalid request body.");
    }
    const body = example200(operation.operationId);
    return body === undefined ? { status: 200, headers: { "X-Request-Id": `req-${n}` }, body: "" } : reply(200, body, n);
  }
  if (!String(seen.headers["content-type"]).startsWith("application/json")) return refuse("COMMON.0002", "Unsupported content type.");
  if (seen.json === undefined) return refuse("COMMON.0001", "Malformed request body.");
  if (schemas.LoginHeaders.required.some((name) => !seen.headers[name.toLowerCase()])) return refuse("APP.0002", "A required header is missing.");
  if (violations(schemas.MobileVerifyCodeLoginRequest, seen.json).length > 0) return refuse("USER.0038", "Invalid mobile number.");
  return reply(200, { status: "SUCCESS", session_token: "bts-upstream", expire: 604800 }, n);
}

/** How a test server departs from the contract: given the request and the keeping answer, the answer to give. */
export type Twist = (seen: Seen, keeping: Reply) => Reply;

/**
 * A local upstream on 127.0.0.1 (port 0) that keeps the contract, bent by `twist`; it records every request it saw.
 * The twist bends the login's answers only (the tests that use it are about the login), unless `everyPath`.
 */
export async function upstream(twist: Twist = (_seen, keeping) => keeping, everyPath = false) {
  const seen: Seen[] = [];
  const server = await serve((req, body, res) => {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const request = { method: req.method ?? "", path: (req.url ?? "").split("?")[0]!, headers: req.headers, body, json };
    seen.push(request);
    const keeping = keepingReply(request, seen.length);
    const answer = everyPath || request.path === LOGIN_PATH ? twist(request, keeping) : keeping;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  return { ...server, seen };
}

/** Upstreams started by a test file, closed after it. */
export function useServers() {
  const started: Array<{ close: () => Promise<void> }> = [];
  afterAll(() => Promise.all(started.map((s) => s.close())));
  return async (twist?: Twist, everyPath = false) => {
    const server = await upstream(twist, everyPath);
    started.push(server);
    return server;
  };
}
