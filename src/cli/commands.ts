// The bin's subcommands: each one's usage and what runs it. A new subcommand is one row here.
import { runVerify, VERIFY_USAGE } from "../check/verify-command.js";
import { MOCK_USAGE, runMock } from "../mock/cli.js";
import { DOCS_USAGE, runDocs } from "./docs-command.js";

/** One subcommand of `oneaccess-sms-login`. */
export interface Command {
  /** What it does, in one line of the overall usage. */
  readonly summary: string;
  /** Its usage line, without "usage: ". */
  readonly usage: string;
  /** Runs it with the arguments after its name; resolves with the exit code, throws for bad arguments. */
  readonly run: (argv: string[]) => Promise<number>;
}

/** The subcommands by name, in the order the usage lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  mock: { summary: "serve the contract with Prism, a mock OneAccess for local use and CI", usage: MOCK_USAGE, run: runMock },
  verify: {
    summary: "check a real server (OneAccess, a proxy, your BFF) against the contract",
    usage: VERIFY_USAGE,
    run: runVerify,
  },
  docs: { summary: "write the rendered API docs page, a single HTML file that works offline", usage: DOCS_USAGE, run: runDocs },
};

/** The bin's overall usage: its commands and how to get each one's options. */
export const USAGE = [
  "usage: oneaccess-sms-login <command> [options]",
  "",
  "commands:",
  ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(8)}${command.summary}`),
  "",
  "oneaccess-sms-login <command> --help   a command's options",
  "oneaccess-sms-login --version          the package's version (the contract's version)",
].join("\n");
