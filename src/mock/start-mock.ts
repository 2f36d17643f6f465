import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";
import { MockError } from "./mock-error.js";

/** The bundled spec shipped with the package: what the mock serves unless told otherwise. */
export const BUNDLED_SPEC = [
  "../../../generated/openapi.json", // built: dist/src/mock/
  "../../generated/openapi.json", // from source: src/mock/
]
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((path) => existsSync(path)) as string;

/** The Prism version this package is tested with (Prism 5.15+ needs Node 24). */
export const PRISM_VERSION = "5.14.2";

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; 0 or unset picks a free one. */
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
  /** Prism's log level; "silent" (default) is about twice as fast as "info". */
  logLevel?: "silent" | "fatal" | "error" | "warn" | "info" | "debug" | "trace";
  /** Give up waiting for readiness after this many milliseconds (default 20 000). */
  readyTimeoutMs?: number;
  /** Where Prism's own output goes (default: discarded unless it fails to start). */
  stdio?: "inherit" | "ignore";
}

/** A running mock server. */
export interface RunningMock {
  /** Base URL to give the client, e.g. http://127.0.0.1:4010. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Process id of Prism, to watch its memory or CPU. */
  readonly pid: number | undefined;
  /** Stops Prism and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Finds Prism's CLI entry from the consumer's project first, then from this package. */
function prismEntry(): string {
  for (const base of [join(process.cwd(), "noop.js"), fileURLToPath(import.meta.url)]) {
    try {
      const manifestPath = createRequire(base).resolve("@stoplight/prism-cli/package.json");
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: { prism?: string } };
      return join(dirname(manifestPath), manifest.bin?.prism ?? "dist/index.js");
    } catch {
      // not installed here; try the next place
    }
  }
  throw new MockError(
    "not-installed",
    `Prism is not installed. The mock needs it as a dev dependency: npm install --save-dev @stoplight/prism-cli@${PRISM_VERSION}`,
  );
}

/** Resolves once something answers HTTP at url, or rejects when the child exits or time runs out. */
async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new MockError("exited", `Prism exited with code ${exited} before it was ready:\n${output().trim()}`);
    }
    try {
      // A CORS preflight: Prism answers it itself without logging, where a GET would log a "no path matched" error.
      await fetch(url, {
        method: "OPTIONS",
        headers: { Origin: "http://127.0.0.1", "Access-Control-Request-Method": "POST" },
        signal: AbortSignal.timeout(1_000),
      });
      return; // any HTTP answer means it is listening
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new MockError("timeout", `Prism did not answer on ${url} within ${timeoutMs} ms:\n${output().trim()}`);
}

/** Stops a child process: SIGTERM, then SIGKILL if it lingers. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts the Prism mock of the contract and waits until it answers. Stop it with `stop()`. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const requested = options.port ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65_535) {
    throw new MockError("invalid-options", "port must be an integer from 0 to 65535");
  }
  if (options.upstream !== undefined && !/^https?:\/\/[^/]/.test(options.upstream)) {
    throw new MockError("invalid-options", "upstream must be an http(s) URL");
  }
  const entry = prismEntry();
  // A port found free can be taken before Prism binds it; with a picked port, try another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(entry, requested === 0 ? await freePort(options.host ?? "127.0.0.1") : requested, options);
    } catch (error) {
      const raced = error instanceof MockError && error.kind === "exited" && /EADDRINUSE/.test(error.message);
      if (!raced || requested !== 0 || attempt === 3) throw error;
    }
  }
}

/** Spawns Prism on a port and waits for it. */
async function launch(entry: string, port: number, options: MockOptions): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const mode = options.upstream ? ["proxy", options.spec ?? BUNDLED_SPEC, options.upstream] : ["mock", options.spec ?? BUNDLED_SPEC];
  const args = [entry, ...mode, "-h", host, "-p", String(port), "-v", options.logLevel ?? "silent"];
  if (options.dynamic) args.push("--dynamic");

  let captured = "";
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", options.stdio === "inherit" ? "inherit" : "pipe", options.stdio === "inherit" ? "inherit" : "pipe"],
  });
  // Keep only the tail of Prism's output, for the error message if it fails to start.
  const keep = (chunk: Buffer) => (captured = (captured + chunk.toString()).slice(-4_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A parent that exits without stop() must not leave Prism behind.
  const onParentExit = () => child.kill("SIGKILL");
  process.once("exit", onParentExit);

  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 20_000, () => captured);
  } catch (error) {
    process.off("exit", onParentExit);
    await stopChild(child);
    throw error;
  }
  child.stdout?.off("data", keep).resume();
  child.stderr?.off("data", keep).resume();

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    pid: child.pid,
    stop() {
      process.off("exit", onParentExit);
      return (stopping ??= stopChild(child));
    },
  };
}
