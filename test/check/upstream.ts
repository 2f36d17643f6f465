import type { IncomingHttpHeaders } from "node:http";
import { afterAll } from "vitest";
import { schemas } from "../../generated/schemas.js";
import { violations } from "../../src/client/validate.js";
import { serve } from "../helpers/upstreams.js";

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

/** What a server keeping the contract answers: 200 SUCCESS for a valid request, the documented 400 for any other. */
export function keepingReply(seen: Seen, n: number): Reply {
  const refuse = (error_code: string, error_msg: string) => reply(400, { error_code, error_msg }, n);
  if (!String(seen.headers["content-type"]).startsWith("application/json")) return refuse("COMMON.0002", "Unsupported content type.");
  if (seen.json === undefined) return refuse("COMMON.0001", "Malformed request body.");
  if (schemas.LoginHeaders.required.some((name) => !seen.headers[name.toLowerCase()])) return refuse("APP.0002", "A required header is missing.");
  if (violations(schemas.MobileVerifyCodeLoginRequest, seen.json).length > 0) return refuse("USER.0038", "Invalid mobile number.");
  return reply(200, { status: "SUCCESS", session_token: "bts-upstream", expire: 604800 }, n);
}

/** How a test server departs from the contract: given the request and the keeping answer, the answer to give. */
export type Twist = (seen: Seen, keeping: Reply) => Reply;

/** A local upstream on 127.0.0.1 (port 0) that keeps the contract, bent by `twist`; it records every request it saw. */
export async function upstream(twist: Twist = (_seen, keeping) => keeping) {
  const seen: Seen[] = [];
  const server = await serve((req, body, res) => {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const request = { headers: req.headers, body, json };
    seen.push(request);
    const answer = twist(request, keepingReply(request, seen.length));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  return { ...server, seen };
}

/** Upstreams started by a test file, closed after it. */
export function useServers() {
  const started: Array<{ close: () => Promise<void> }> = [];
  afterAll(() => Promise.all(started.map((s) => s.close())));
  return async (twist?: Twist) => {
    const server = await upstream(twist);
    started.push(server);
    return server;
  };
}
