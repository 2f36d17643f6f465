// The mock's server process: Prism's engine behind a node:http server of this package (see handler.ts for why).
// Started by startMock with an IPC channel; reports the port it bound, or why it could not, over that channel.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { loadEngine, type EngineOptions } from "./engine.js";
import { createHandler } from "./handler.js";

/** What startMock passes in ONEACCESS_MOCK_OPTIONS. */
export interface ServerOptions extends EngineOptions {
  host: string;
  port: number;
  token: string;
}

/** Messages to the parent process. */
export type ServerMessage = { type: "listening"; port: number } | { type: "failed"; reason: string };

/** Answers a raw socket with a bodiless status and closes it. */
function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const tell = (message: ServerMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

async function main(): Promise<void> {
  let server: Server | undefined;
  const stop = () => {
    server?.close();
    server?.closeAllConnections();
    process.exit(0);
  };
  // Installed before the engine loads (seconds on a busy machine), so a parent gone meanwhile leaves no orphan.
  process.once("SIGTERM", stop);
  // The parent went away (crashed, killed): nobody can stop this process any more, so it stops itself.
  process.once("disconnect", stop);
  // Ctrl-C or a closing terminal signal the whole process group: the parent decides (and sends SIGTERM), so the
  // parent sees a stop it asked for rather than a server that died under it.
  process.on("SIGINT", () => {});
  process.on("SIGHUP", () => {});

  const options = JSON.parse(process.env.ONEACCESS_MOCK_OPTIONS ?? "{}") as ServerOptions;
  const engine = await loadEngine(options);
  server = createServer(createHandler(engine, options.token));
  // Node hands CONNECT and Upgrade requests to these events and, with no listener, closes the connection without a
  // word; the contract has neither, so they get a plain 4xx like any other request outside it.
  server.on("connect", (_req, socket: Duplex) => refuse(socket, 405, "Method Not Allowed"));
  server.on("upgrade", (_req, socket: Duplex) => refuse(socket, 400, "Bad Request"));
  const listening = server;
  await new Promise<void>((resolve, reject) => {
    listening.once("error", reject);
    listening.listen(options.port, options.host, () => resolve());
  });
  await tell({ type: "listening", port: (listening.address() as AddressInfo).port });
}

main().catch(async (error: unknown) => {
  await tell({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
