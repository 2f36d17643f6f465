import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MockError } from "./mock-error.js";
import { prismCliManifest } from "./prism-packages.js";
import type { ServerMessage, ServerOptions } from "./server.js";

export { PRISM_VERSION } from "./prism-packages.js";

/** The first of these files that exists, resolved next to this module. */
const firstExisting = (candidates: string[]) =>
  candidates.map((relative) => fileURLToPath(new URL(relative, import.meta.url))).find((path) => existsSync(path));

/** The bundled spec shipped with the package: what the mock serves unless told otherwise. */
export const BUNDLED_SPEC = firstExisting([
  "../../../generated/openapi.json", // built: dist/src/mock/
  "../../generated/openapi.json", // from source: src/mock/
]) as string;

/** The server process: built next to this module, or the build's when this module runs from source (tests). */
const SERVER_ENTRY = () => firstExisting(["./server.js", "../../dist/src/mock/server.js"]);

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; 0 or unset lets the OS pick a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: the mock is for local tests, not the network). */
  host?: string;
  /** Spec file to serve (default: the bundled spec). */
  spec?: string;
  /**
   * Instead of mocking, proxy to this real server and validate each exchange against the spec: Prism forwards the
   * request and lists every request and response violation in an `sl-violations` response header.
   */
  upstream?: string;
  /** Generate responses from schemas instead of serving the named examples. */
  dynamic?: boolean;
  /** Prism's log level (logs go to stderr); "silent" (default) is about twice as fast as "info". */
  logLevel?: "silent" | "fatal" | "error" | "warn" | "info" | "debug" | "trace";
  /** Give up waiting for readiness after this many milliseconds (default 20 000). */
  readyTimeoutMs?: number;
  /** Where the server's own output goes (default: kept for error messages, otherwise discarded). */
  stdio?: "inherit" | "ignore";
  /** Aborting it before the mock is ready stops the server process and rejects with a MockError of kind "aborted". */
  signal?: AbortSignal;
}

/** How the mock's server process ended. */
export interface MockExit {
  /** True when it ended because stop() was called. */
  readonly stopped: boolean;
  /** Its exit code, or null when a signal ended it. */
  readonly code: number | null;
  /** The signal that ended it ("SIGTERM"), if any; a string, so consumers need no @types/node. */
  readonly signal: string | null;
  /** One line saying why, with the tail of its output when it failed. */
  readonly reason: string;
}

/** A running mock server. */
export interface RunningMock {
  /** Base URL to give the client, e.g. http://127.0.0.1:4010. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The Prism whose engine answers: its version and the prism-cli package.json it was loaded from. */
  readonly prism: { readonly version: string; readonly manifest: string };
  /** Process id of the server process (Prism's engine), to watch its memory or CPU. */
  readonly pid: number | undefined;
  /** Settles when the server process ends, by stop() or otherwise (never rejects): await it to notice a crash. */
  readonly exited: Promise<MockExit>;
  /** Stops the server and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Stops a child process: SIGTERM, then SIGKILL if it lingers (at once with `now`). */
function stopChild(child: ChildProcess, now = false): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(now ? "SIGKILL" : "SIGTERM");
  });
}

/** Starts the mock of the contract (Prism's engine in a process of its own) and waits until it answers. Stop it with `stop()`. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new MockError("invalid-options", "port must be an integer from 0 to 65535");
  }
  if (options.upstream !== undefined && !/^https?:\/\/[^/]/.test(options.upstream)) {
    throw new MockError("invalid-options", "upstream must be an http(s) URL");
  }
  const aborted = () => new MockError("aborted", "startMock was aborted before the mock was ready");
  if (options.signal?.aborted) throw aborted();
  const prismCli = prismCliManifest();
  const entry = SERVER_ENTRY();
  if (!entry) throw new MockError("not-installed", "The mock's server is not built: run npm run build");
  const host = options.host ?? "127.0.0.1";
  const settings: ServerOptions = {
    prismCli,
    spec: options.spec ?? BUNDLED_SPEC,
    upstream: options.upstream,
    dynamic: options.dynamic ?? false,
    logLevel: options.logLevel ?? "silent",
    host,
    // The server binds this itself, port 0 included, and reports what it got: no window for another process.
    port,
    token: randomUUID(),
  };

  const inherit = options.stdio === "inherit";
  const child = fork(entry, [], {
    env: { ...process.env, ONEACCESS_MOCK_OPTIONS: JSON.stringify(settings) },
    execArgv: [],
    stdio: ["ignore", inherit ? "inherit" : "pipe", inherit ? "inherit" : "pipe", "ipc"],
  });
  // Keep only the tail of the server's output, for the reason if it fails.
  let captured = "";
  const keep = (chunk: Buffer) => (captured = (captured + chunk.toString()).slice(-4_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A parent that exits without stop() must not leave the server behind (it also stops itself on disconnect).
  const onParentExit = () => child.kill("SIGKILL");
  process.once("exit", onParentExit);

  let stopped = false;
  let failure: string | undefined;
  const exited = new Promise<MockExit>((resolve) => {
    child.once("exit", (code, signal) => {
      process.off("exit", onParentExit);
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const detail = [failure, captured.trim()].filter(Boolean).join("\n");
      resolve({ stopped, code, signal, reason: `Prism ${how}${detail ? `: ${detail}` : ""}` });
    });
  });
  const url = (bound: number) => `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;

  let bound: number;
  let onAbort = () => {};
  try {
    bound = await new Promise<number>((resolve, reject) => {
      onAbort = () => reject(aborted());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const timer = setTimeout(
        () => reject(new MockError("timeout", `Prism did not start within ${options.readyTimeoutMs ?? 20_000} ms:\n${captured.trim()}`)),
        options.readyTimeoutMs ?? 20_000,
      );
      child.on("message", (message: ServerMessage) => {
        if (message.type === "listening") {
          clearTimeout(timer);
          resolve(message.port);
        } else if (message.type === "failed") failure = message.reason;
      });
      void exited.then((exit) => {
        clearTimeout(timer);
        reject(new MockError("exited", `Prism exited with code ${exit.code ?? exit.signal} before it was ready: ${exit.reason.replace(/^Prism [^:]*: /, "")}`));
      });
    });
    await probe(url(bound), settings.token, options.signal);
  } catch (error) {
    // Aborted: the server may be deep in loading Prism, where its SIGTERM handler waits for the event loop; it holds
    // nothing that needs a clean stop yet, so it is killed at once.
    await stopChild(child, options.signal?.aborted);
    throw options.signal?.aborted ? aborted() : error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  child.stdout?.resume();
  child.stderr?.resume();

  let stopping: Promise<void> | undefined;
  return {
    url: url(bound),
    port: bound,
    prism: { version: String((JSON.parse(readFileSync(prismCli, "utf8")) as { version?: unknown }).version), manifest: prismCli },
    pid: child.pid,
    exited,
    stop() {
      stopped = child.exitCode === null && child.signalCode === null ? true : stopped;
      return (stopping ??= stopChild(child));
    },
  };
}

/** Proves the URL handed out reaches this server process: only it echoes this launch's token. */
async function probe(url: string, token: string, abort: AbortSignal | undefined): Promise<void> {
  let echoed: string | null = null;
  try {
    const signal = abort ? AbortSignal.any([abort, AbortSignal.timeout(5_000)]) : AbortSignal.timeout(5_000);
    const response = await fetch(url, { method: "OPTIONS", headers: { "x-oneaccess-mock-probe": token }, signal });
    await response.arrayBuffer();
    echoed = response.headers.get("x-oneaccess-mock-probe");
  } catch (error) {
    throw new MockError("unreachable", `The mock listens but ${url} does not reach it: ${(error as Error).message}`);
  }
  if (echoed !== token) throw new MockError("unreachable", `Another server answers on ${url}, not the mock`);
}
