// The mock's server process: Prism's engine behind a node:http server of this package (see handler.ts for why).
// Started by startMock with an IPC channel; reports the port it bound, or why it could not, over that channel.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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

const tell = (message: ServerMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

async function main(): Promise<void> {
  const options = JSON.parse(process.env.ONEACCESS_MOCK_OPTIONS ?? "{}") as ServerOptions;
  const engine = await loadEngine(options);
  const server = createServer(createHandler(engine, options.token));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.once("SIGHUP", stop);
  // The parent went away (crashed, killed): nobody can stop this process any more, so it stops itself.
  process.once("disconnect", stop);
  await tell({ type: "listening", port: (server.address() as AddressInfo).port });
}

main().catch(async (error: unknown) => {
  await tell({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
