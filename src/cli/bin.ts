#!/usr/bin/env node
// oneaccess-sms-login: the package's one bin. `mock` serves the contract, `verify` checks a server against it, `docs`
// writes the API docs page (src/cli/commands.ts). Exit 2 means it was called wrongly or cannot run as installed.
import { MockError } from "../mock/mock-error.js";
import { CONTRACT_VERSION } from "../version.js";
import { COMMANDS, USAGE } from "./commands.js";

/** A wrong command line: said in one line, followed by the usage that applies, exit 2. */
class UsageError extends TypeError {
  override readonly name = "UsageError";
}

/** `--help` or `-h` among a command's own arguments (not after `--`, where the mock's wrapped command starts). */
const asksHelp = (argv: string[]) => {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
};

/** The exit code for an error, after saying it on stderr in one line (plus the usage when it was a wrong call). */
function report(error: unknown, name?: string): number {
  // Exit 2: never started, because of how it was called (with the usage) or installed. Exit 1: it failed while
  // running (port taken, server died), said in one line, with no usage text burying the reason.
  const usage = error instanceof TypeError || (error instanceof MockError && error.kind === "invalid-options");
  const setup = usage || (error instanceof MockError && error.kind === "not-installed");
  const message = error instanceof Error ? error.message : String(error);
  const command = name === undefined ? undefined : COMMANDS[name];
  const help = command ? `usage: ${command.usage}` : USAGE;
  console.error(`oneaccess-sms-login${name === undefined ? "" : ` ${name}`}: ${message}${usage ? `\n${help}` : ""}`);
  return setup ? 2 : 1;
}

/** Runs the command line; resolves with the exit code. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return report(new UsageError("missing command"));
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(USAGE);
    return 0;
  }
  if (name === "--version") {
    console.log(CONTRACT_VERSION);
    return 0;
  }
  // Object.hasOwn: "constructor" or "__proto__" is an unknown command, not a property of the table.
  if (!Object.hasOwn(COMMANDS, name)) {
    const names = Object.keys(COMMANDS).join(", ");
    return report(new UsageError(name.startsWith("-") ? `${name}: the command comes first (${names})` : `unknown command "${name}" (commands: ${names})`));
  }
  const command = COMMANDS[name]!;
  if (asksHelp(rest)) {
    console.log(`usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    return report(error, name);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(report(error)),
);
