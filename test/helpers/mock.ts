import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, inject } from "vitest";
import { startMock, type MockOptions, type RunningMock } from "../../src/mock/index.js";

/** The page's example request, on the wire, as the mock tests send it. */
export const PAGE_HEADERS: Record<string, string> = {
  "Content-Type": "application/json;charset=utf8",
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-agent": "a",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
};
/** The page's example request body. */
export const PAGE_BODY = '{"mobile":"12345678901","verify_code":"232326"}';

/** A plain node:http server holding a port on 127.0.0.1 (answers 200 "other" to anything): an impostor for the mock. */
export async function holdPort(): Promise<{ port: number; server: Server; close: () => Promise<void> }> {
  const server = createServer((_req, res) => res.end("other"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Pids of every live descendant of pid, from the process table. */
export function descendants(pid: number): number[] {
  const table = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" }).stdout;
  const rows = table.trim().split("\n").map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** True while a process with this pid exists (a zombie counts as gone). */
export function alive(pid: number): boolean {
  const state = spawnSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim();
  return state !== "" && !state.startsWith("Z");
}

/** Starts one mock around a describe block: `mock.current.url` inside tests. */
export function useMock(options: MockOptions = {}): { current: RunningMock } {
  const mock = {} as { current: RunningMock };
  beforeAll(async () => {
    mock.current = await startMock(options);
  }, 60_000); // starting Prism's engine takes seconds on a loaded machine
  afterAll(async () => {
    await mock.current?.stop();
  });
  return mock;
}

/**
 * The run's shared default mock (started once by test/contract/global-setup.ts), for tests that only send it requests:
 * one Prism start for all of them instead of one per file. A test that stops, kills or floods its mock, reads its
 * output or needs options starts its own (startMock, useMock). Without that global setup (vitest.mutate.config.ts has
 * none) the calling file gets a mock of its own, read once its beforeAll has started it.
 */
export function sharedMock(): { readonly url: string; readonly port: number } {
  const url = inject("sharedMockUrl");
  if (url) return { url, port: Number(new URL(url).port) };
  const own = useMock();
  return {
    get url() {
      return own.current.url;
    },
    get port() {
      return own.current.port;
    },
  };
}

/** Sends raw bytes to 127.0.0.1:port and resolves to the whole answer as text (the request closes the connection). */
export function sendRaw(port: number, raw: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.setTimeout(3_000, () => socket.destroy());
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", () => undefined);
    socket.end(raw);
  });
}
