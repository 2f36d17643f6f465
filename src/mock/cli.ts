#!/usr/bin/env node
// oneaccess-sms-login-mock: serves the contract with Prism for local use and consumer CI.
//   oneaccess-sms-login-mock [--port 4010] [--host 127.0.0.1] [--dynamic] [--log-level warn]
//   oneaccess-sms-login-mock --port 0 -- npm test   (runs the command with ONEACCESS_BASE_URL set, then stops)
//   oneaccess-sms-login-mock verify --upstream URL [--max-requests N] [--junit FILE] ...   (see src/check/)
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { MockError } from "./mock-error.js";
import { startMock, type MockOptions } from "./start-mock.js";
import { runVerify, VERIFY_USAGE } from "../check/verify-command.js";

const USAGE = [
  "usage: oneaccess-sms-login-mock [--port N] [--host H] [--dynamic] [--log-level L] [-- command ...]",
  `       ${VERIFY_USAGE}`,
].join("\n");

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

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "verify") return runVerify(argv.slice(1));
  const split = argv.indexOf("--");
  const command = split === -1 ? [] : argv.slice(split + 1);
  const { values } = parseArgs({
    args: split === -1 ? argv : argv.slice(0, split),
    options: {
      port: { type: "string", default: process.env.PORT ?? "4010" },
      host: { type: "string", default: "127.0.0.1" },
      dynamic: { type: "boolean", default: false },
      "log-level": { type: "string", default: "warn" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  const mock = await startMock({
    port,
    host: values.host,
    dynamic: values.dynamic,
    logLevel: values["log-level"] as MockOptions["logLevel"],
    stdio: "inherit",
  });

  if (command.length > 0) {
    const [file, ...args] = command as [string, ...string[]];
    const code = await new Promise<number>((resolve) => {
      const child = spawn(file, args, { stdio: "inherit", env: { ...process.env, ONEACCESS_BASE_URL: mock.url } });
      child.once("error", (error) => {
        console.error(`oneaccess-sms-login-mock: cannot run ${file}: ${error.message}`);
        resolve(127);
      });
      child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    });
    await mock.stop();
    return code;
  }

  console.log(`OneAccess SMS login mock listening on ${mock.url}\nTry the API page's example request:\n${exampleRequest(mock.url)}`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await mock.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof MockError || error instanceof TypeError ? error.message : String(error);
    console.error(`oneaccess-sms-login-mock: ${message}\n${USAGE}`);
    process.exit(2);
  },
);
