import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { schemas } from "../../generated/schemas.js";
import { violations } from "../../src/contract/validate.js";

/** A local HTTP server on 127.0.0.1 with a free port. */
export async function serve(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
};

/** An upstream that keeps the contract: 200 SUCCESS for a valid request, a documented 400 for anything else. */
export function contractKeepingUpstream() {
  return serve((req, raw, res) => {
    const refuse = (error_code: string, error_msg: string) => send(res, 400, { error_code, error_msg });
    if (!String(req.headers["content-type"]).startsWith("application/json")) return refuse("COMMON.0002", "Unsupported content type.");
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuse("COMMON.0001", "Malformed request body.");
    }
    const missing = schemas.LoginHeaders.required.filter((name) => !req.headers[name.toLowerCase()]);
    if (missing.length > 0) return refuse("APP.0002", "A required header is missing.");
    if (violations(schemas.MobileVerifyCodeLoginRequest, body).length > 0) return refuse("USER.0038", "Invalid mobile number.");
    send(res, 200, { status: "SUCCESS", session_token: "bts-upstream", expire: 604800 });
  });
}

/** An upstream that breaks the contract: an undocumented status, a string expire, and a 500 for bad input. */
export function contractBreakingUpstream() {
  return serve((req, raw, res) => {
    const body = (() => { try { return JSON.parse(raw); } catch { return {}; } })();
    if (typeof body.verify_code !== "string") return send(res, 500, { message: "NullPointerException" });
    send(res, 200, { status: "LOGGED_IN", expire: "7d" });
  });
}

/** Starts both upstreams around a describe block: `servers.keeping.url`, `servers.breaking.url` inside tests. */
export function useUpstreams() {
  const servers = {} as { keeping: Awaited<ReturnType<typeof serve>>; breaking: Awaited<ReturnType<typeof serve>> };
  beforeAll(async () => {
    [servers.keeping, servers.breaking] = await Promise.all([contractKeepingUpstream(), contractBreakingUpstream()]);
  });
  afterAll(async () => {
    await Promise.all([servers.keeping?.close(), servers.breaking?.close()]);
  });
  return servers;
}
