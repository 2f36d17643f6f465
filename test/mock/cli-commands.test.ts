import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CONTRACT_VERSION } from "../../src/index.js";
import { repoPath } from "../helpers/spec.js";

// The built bin, as consumers run it (npm test builds before vitest runs).
const CLI = repoPath("dist/src/cli/bin.js");
/** Runs the bin without blocking this process: the tests run concurrently, each a short process of its own. */
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 20_000 }, (_error, stdout, stderr) =>
      resolve({ status: child.exitCode, stdout, stderr }),
    );
  });

describe.concurrent("oneaccess-sms-login: one bin, its commands mock, verify and docs", () => {
  test("is the package's only bin", () => {
    const manifest = JSON.parse(readFileSync(repoPath("package.json"), "utf8"));
    expect(manifest.bin).toEqual({ "oneaccess-sms-login": "./dist/src/cli/bin.js" });
    expect(readFileSync(CLI, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  test("--version prints the package's version and nothing else", async () => {
    const result = await run("--version");
    expect(result.stdout).toBe(`${CONTRACT_VERSION}\n`);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test.each([["--help"], ["-h"], ["help"]])("%s lists every command on stdout, exit 0", async (flag) => {
    const result = await run(flag);
    expect(result.stdout).toMatch(/^usage: oneaccess-sms-login <command> \[options\]\n/);
    for (const name of ["mock", "verify", "docs"]) expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(result.stdout).toContain("oneaccess-sms-login <command> --help");
    expect(result.status).toBe(0);
  });

  test.each([
    ["mock", /^usage: oneaccess-sms-login mock \[--port N .*\[--host H\] \[--dynamic\] \[--log-level L\] \[-- command \.\.\.\]\n$/],
    ["verify", /^usage: oneaccess-sms-login verify \[--upstream URL \(default \$ONEACCESS_BASE_URL\)\] .*--junit FILE\] \[--spend-code\] \[--send-sms\]\n[^]*ONEACCESS_MOBILE \+ ONEACCESS_VERIFY_CODE with --spend-code[^]*ONEACCESS_CLIENT_ID \+ ONEACCESS_CLIENT_SECRET[^]*Exit: 0 keeps/],
    ["docs", /^usage: oneaccess-sms-login docs \[--out FILE \(default oneaccess-sms-login-api\.html\)\]\n$/],
  ])("%s --help prints that command's usage, exit 0, and does nothing else", async (name, usage) => {
    // verify --help with no --upstream would otherwise be a usage error; mock --help starts no Prism.
    const result = await run(name, "--help");
    expect(result.stdout).toMatch(usage);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect((await run(name, "-h")).stdout).toBe(result.stdout);
  });

  // --help after the mock's `--` belongs to the wrapped command: cli.test.ts ("takes its default port from $PORT ..."),
  // which starts a mock anyway.

  test.each([
    [["serve"], 'oneaccess-sms-login: unknown command "serve" (commands: mock, verify, docs)'],
    [["constructor"], 'oneaccess-sms-login: unknown command "constructor" (commands: mock, verify, docs)'],
    [["--port", "4010"], "oneaccess-sms-login: --port: the command comes first (mock, verify, docs)"],
    [[], "oneaccess-sms-login: missing command"],
  ])("%o is a usage error: one line saying why, the usage, exit 2", async (args, message) => {
    const result = await run(...args);
    expect(result.stderr).toMatch(new RegExp(`^${message.replace(/[()[\]]/g, "\\$&")}\\nusage: oneaccess-sms-login <command> \\[options\\]\\n`));
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
  });

  test("an unknown option of a command is that command's usage error, exit 2", async () => {
    const result = await run("docs", "--output", "x.html");
    expect(result.stderr).toMatch(/^oneaccess-sms-login docs: Unknown option '--output'.*\nusage: oneaccess-sms-login docs /);
    expect(result.status).toBe(2);
  });
});
