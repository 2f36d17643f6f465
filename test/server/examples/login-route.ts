// A back end's login route (plain node:http): the browser posts the mobile number and the SMS code; the server logs
// in, exchanges the session token for the user, and answers with the user's id and name only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createLoginClient, type LoginClientTarget } from "oneaccess-sms-login";
import { createServerClient } from "oneaccess-sms-login/server";

/** The back end's settings: the tenant and the application's credentials (from the environment, in real life). */
export type LoginRouteOptions = LoginClientTarget & { clientId: string; clientSecret: string; fetch?: typeof fetch };

/** Starts the back end on a free loopback port; `url` is where the front end posts, `close` stops it. */
export async function startLoginRoute(options: LoginRouteOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const { clientId, clientSecret, fetch, ...target } = options;
  const login = createLoginClient({ ...target, clientId, fetch, device: { osVersion: "unknown", fingerprint: "unknown", agent: "unknown" } });
  const tenant = createServerClient({ ...target, clientId, clientSecret, fetch });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, body: object) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "POST" || req.url !== "/login") return reply(404, { error: "not found" });
    let input: { mobile?: unknown; code?: unknown; fingerprint?: unknown; osVersion?: unknown };
    try {
      input = JSON.parse(Buffer.concat(await req.toArray()).toString("utf8"));
    } catch {
      return reply(400, { error: "the body must be JSON" });
    }
    // The end user's device, as the browser reports it: the SSO-ticket exchange needs the login's very fingerprint.
    const device = {
      fingerprint: String(input.fingerprint),
      osVersion: String(input.osVersion),
      agent: req.headers["user-agent"] ?? "unknown",
      ip: req.socket.remoteAddress ?? "127.0.0.1",
    };
    const result = await login.login({ mobile: String(input.mobile), verify_code: String(input.code) }, { device });
    // A failure's kind is safe to send back; its views never hold the code, the mobile number or a token.
    if (!result.ok) return reply(401, { error: result.error.kind });
    if (result.status !== "SUCCESS") return reply(409, { next: result.status });
    const user = await tenant.userFromSessionToken({
      session_token: result.body.session_token,
      operating_sys_version: device.osVersion,
      device_ip: device.ip,
      device_fingerprint: device.fingerprint,
      agent: device.agent,
    });
    if (!user.ok) return reply(502, { error: user.error.kind });
    // Only what the front end needs: never the session token, the ticket or the user's mobile number.
    const { id, name } = user.body.data.user;
    return reply(200, { user: { id, name } });
  }

  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/login`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
