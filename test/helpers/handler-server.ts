// The mock's request handler served in process on loopback, for tests that drive it without a forked server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import type { Engine } from "../../src/mock/engine.js";
import { createHandler } from "../../src/mock/handler.js";

/**
 * For one test file: `serve(engine)` listens with the handler on a free loopback port; every server it made, and any
 * the file pushes onto `servers` (an upstream, say), is closed after the file's tests.
 */
export function handlerServers(): { servers: Server[]; serve: (engine: Engine) => Promise<{ url: string; port: number }> } {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  const serve = async (engine: Engine) => {
    const server = createServer(createHandler(engine, "token"));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, port };
  };
  return { servers, serve };
}
