// `oneaccess-sms-login mock`: serves the contract with Prism for local use and consumer CI (the bin is src/cli/).
//   oneaccess-sms-login mock [--port $PORT, else 4010] [--host 127.0.0.1] [--dynamic] [--log-level warn]
//   oneaccess-sms-login mock --port 0 -- npm test   (runs the command with ONEACCESS_BASE_URL set, then stops)
import { spawn } from "node:child_process";
import { constants as osConstants } from "node:os";
import { parseArgs } from "node:util";
import { MockError } from "./mock-error.js";
import { startMock, type MockOptions, type RunningMock } from "./start-mock.js";

/** The mock subcommand's usage line. */
export const MOCK_USAGE = "oneaccess-sms-login mock [--port N (default $PORT or 4010)] [--host H] [--dynamic] [--log-level L] [-- command ...]";

/** How the subcommand names itself in the lines it prints to stderr. */
const SELF = "oneaccess-sms-login mock";

/** The curl command of the API page's example request, aimed at url. */
function exampleRequest(url: string): string {
  return [
    `curl -s -X POST ${url}/api/v2/sdk/login/mobile-verify-code`,
    `  -H 'Content-Type: application/json;charset=utf8'`,
    `  -H 'X-operating-sys-version: Android 10' -H 'X-device-fingerprint: 156aysdna213sac'`,
    `  -H 'X-agent: Mozilla/5.0' -H 'X-client-id: DRrYIqauawN0I8myTMoDTPys6ezGZxnm'`,
    `  -d '{"mobile":"12345678901","verify_code":"232326"}'`,
  ].join(" \\\n");
}

/** How long a wrapped command may take to stop after a stop signal before it is killed. */
const STOP_GRACE_MS = 1_000;

/** The conventional exit code of a process ended by signal (128 + its number). */
const signalExitCode = (signal: NodeJS.Signals) => 128 + (osConstants.signals[signal] ?? 0);

/** The port when neither --port nor $PORT gives one. */
const DEFAULT_PORT = 4010;

/**
 * A port: decimal digits only (Number() would take "", "1e3" and "0x10"), 0 to 65535. The error names where the text
 * came from (`source`, then the text, then `note`), so a bad $PORT is not blamed on a --port that was never given.
 */
function parsePort(text: string, source: string, note = ""): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port <= 65_535)) throw new TypeError(`${source} ${JSON.stringify(text)}${note}: port must be an integer from 0 to 65535`);
  return port;
}

/** The port to serve on: --port, else $PORT (as PaaS and CI set it; an empty one is a bad one too), else 4010. */
function portOf(flag: string | undefined, env: string | undefined): number {
  if (flag !== undefined) return parsePort(flag, "--port");
  if (env !== undefined) return parsePort(env, "PORT", " (the environment's default for --port)");
  return DEFAULT_PORT;
}

/** Resolves with the signal that asks the bin to stop: SIGINT, SIGTERM, SIGHUP, or its parent's death (as SIGHUP). */
function stopRequest(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => resolve(signal));
    // npm forwards only SIGINT and SIGTERM to `npm start`'s script and dies of a SIGHUP: this process is then
    // re-parented, which is the only news it gets of it.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && resolve("SIGHUP"), 200).unref();
  });
}

/** Runs the command with ONEACCESS_BASE_URL set; stops it when the mock dies or a stop signal comes. */
async function runCommand(command: string[], mock: RunningMock, stop: Promise<NodeJS.Signals>): Promise<number> {
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, { stdio: "inherit", env: { ...process.env, ONEACCESS_BASE_URL: mock.url } });
  const ended = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      console.error(`${SELF}: cannot run ${file}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? signalExitCode(signal) : 0)));
  });
  const outcome = await Promise.race([ended, stop.then((signal) => ({ signal })), mock.exited.then((exit) => ({ exit }))]);
  if (typeof outcome === "number") return outcome;
  if ("signal" in outcome) {
    // The command gets the signal and a grace period; the mock stops meanwhile. A command that ignores the signal
    // is killed, so the whole stop stays within 2 s.
    child.kill(outcome.signal);
    void mock.stop();
    const kill = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    const code = await ended;
    clearTimeout(kill);
    return code;
  }
  console.error(`${SELF}: the mock stopped while the command ran: ${outcome.exit.reason}`);
  child.kill("SIGTERM");
  const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await ended;
  clearTimeout(kill);
  return 1;
}

/**
 * `mock`: starts the Prism mock and serves until a stop signal (exit 0), or runs the command after `--` against it and
 * exits with the command's code. Throws a TypeError or MockError for bad options or a missing Prism (the bin's exit 2).
 */
export async function runMock(argv: string[]): Promise<number> {
  const split = argv.indexOf("--");
  const command = split === -1 ? [] : argv.slice(split + 1);
  const { values } = parseArgs({
    args: split === -1 ? argv : argv.slice(0, split),
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      dynamic: { type: "boolean", default: false },
      "log-level": { type: "string", default: "warn" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(`usage: ${MOCK_USAGE}`);
    return 0;
  }
  const port = portOf(values.port, process.env.PORT);
  const stop = stopRequest();
  // A stop signal during startup (seconds, while Prism loads) aborts it: no listening line, no command.
  const starting = new AbortController();
  let stopSignal: NodeJS.Signals | undefined;
  void stop.then((signal) => {
    stopSignal = signal;
    starting.abort();
  });
  const mock = await startMock({
    port,
    signal: starting.signal,
    host: values.host,
    dynamic: values.dynamic,
    logLevel: values["log-level"] as MockOptions["logLevel"],
    stdio: "inherit",
  }).catch((error: unknown) => {
    if (stopSignal && error instanceof MockError && error.kind === "aborted") return signalExitCode(stopSignal);
    throw error;
  });
  if (typeof mock === "number") return mock;
  try {
    if (command.length > 0) return await runCommand(command, mock, stop);
    console.log(`OneAccess SMS login mock listening on ${mock.url}\nTry the API page's example request:\n${exampleRequest(mock.url)}`);
    const outcome = await Promise.race([stop, mock.exited]);
    if (typeof outcome === "string") return 0;
    console.error(`${SELF}: the mock stopped: ${outcome.reason}`);
    return 1;
  } finally {
    await mock.stop();
  }
}
