import { spawn, spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";
import { useUpstreams } from "../helpers/upstreams.js";

// The built bin, as `npm start` and consumers run it (npm test builds before vitest runs).
const CLI = repoPath("dist/src/cli/bin.js");
const PAGE_REQUEST = `
  const r = await fetch(process.env.ONEACCESS_BASE_URL + "/api/v2/sdk/login/mobile-verify-code", {
    method: "POST",
    headers: { "Content-Type": "application/json;charset=utf8", "X-operating-sys-version": "Android 10",
      "X-device-fingerprint": "156aysdna213sac", "X-agent": "a", "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm" },
    body: JSON.stringify({ mobile: "12345678901", verify_code: "232326" }),
  });
  console.log(r.status, await r.text());
  process.exit(r.status === 200 ? 0 : 5);`;

/** Runs the bin to its end without blocking this process (the runs of a test, and the tests, overlap). */
function runBin(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

// One test at a time, each bin's mock after the other: a Prism engine takes seconds of CPU to load, and several loading
// at once on a busy machine miss the 20 s readiness limit. The runs that start no mock overlap.
describe("oneaccess-sms-login mock (what npm start runs)", () => {
  test("serves until SIGTERM, printing the URL and the page's example request", async () => {
    const child = spawn(process.execPath, [CLI, "mock", "--port", "0", "--log-level", "silent"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
      child.stdout.on("data", () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match && out.includes("verify_code")) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(out).toContain(`curl -s -X POST ${url}/api/v2/sdk/login/mobile-verify-code`);
    expect(out).toContain(`-d '{"mobile":"12345678901","verify_code":"232326"}'`);
    const response = await fetch(`${url}/api/v2/sdk/login/mobile-verify-code`, { method: "POST", body: "{}" });
    expect(response.status).toBe(400);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  test("runs a command with ONEACCESS_BASE_URL set, its output alone on stdout (none of the mock's startup noise)", async () => {
    const ok = await runBin(["mock", "--port", "0", "--", process.execPath, "--input-type=module", "-e", PAGE_REQUEST]);
    expect(ok.stdout).toBe('200 {"status":"SUCCESS","session_token":"bts******2VO","expire":604800}\n');
    expect(ok.stderr).not.toMatch(/Starting Prism/);
    expect(ok.status).toBe(0);
  });

  test("rejects a bad port with a usage message and exit 2", () => {
    const result = spawnSync(process.execPath, [CLI, "mock", "--port", "http"], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^oneaccess-sms-login mock: --port "http": port must be an integer from 0 to 65535\nusage: oneaccess-sms-login mock /);
  });

  test("takes its default port from $PORT; --port wins over it; a bad PORT is named as PORT, not as --port; passes the command its arguments (--help too) and its exit code through", async () => {
    const env = (port: string) => ({ PATH: process.env.PATH, PORT: port });
    const printUrl = (exit: number) => [process.execPath, "-e", `console.log(process.env.ONEACCESS_BASE_URL); process.exit(${exit})`];
    const bad = ["http", "", "65536"];
    const refusing = Promise.all(bad.map((port) => runBin(["mock", "--", ...printUrl(0)], env(port))));
    const fromEnv = await runBin(["mock", "--", ...printUrl(7)], env("0"));
    // Also: --help after `--` belongs to the wrapped command, not to the bin (which would print its usage and exit). The
    // command's own `--` keeps node from reading --help as its option (node's help also contains "--help").
    const flagWins = await runBin(["mock", "--port", "0", "--", process.execPath, "-e", "console.log(process.argv.slice(1).join(' '))", "--", "--help"], env("http"));
    const refused = await refusing;
    // PORT=0: a free port, so the URL's port is neither 0 nor 4010; the command's exit code 7 is the bin's.
    expect(fromEnv.stdout).toMatch(/^http:\/\/127\.0\.0\.1:(?!0\n|4010\n)\d+\n$/);
    expect(fromEnv.status).toBe(7);
    expect(flagWins.stdout).toBe("--help\n");
    expect(flagWins.stderr).not.toContain("usage:");
    expect(flagWins.status).toBe(0);
    for (const [i, result] of refused.entries()) {
      const port = bad[i]!;
      expect(result.status, port).toBe(2);
      expect(result.stdout, port).toBe("");
      expect(result.stderr, port).toMatch(
        new RegExp(`^oneaccess-sms-login mock: PORT ${JSON.stringify(port)} \\(the environment's default for --port\\): port must be an integer from 0 to 65535\nusage: `),
      );
    }
  });
}, 60_000);

describe.concurrent("oneaccess-sms-login verify", () => {
  const servers = useUpstreams();
  const verify = (upstream: string, budget: string[] = []) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      // --spend-code: the real credentials in the environment go to the valid login (verify refuses them otherwise).
      const child = spawn(process.execPath, [CLI, "verify", "--upstream", upstream, "--client-id", "my-app", "--spend-code", ...budget], {
        env: { ...process.env, ONEACCESS_MOBILE: "13912345678", ONEACCESS_VERIFY_CODE: "918273" },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.once("close", (code) => resolve({ code, out })); // "close": after the last output was read
    });

  test("exits 0 for a server that keeps the contract, without printing the credentials", async () => {
    const { code, out } = await verify(servers.keeping.url);
    expect(out).toMatch(/keeps the contract in every operation checked \(4 tenant operations not checked\)\n$/);
    expect(out).not.toMatch(/13912345678|918273/);
    expect(code).toBe(0);
  });

  test("exits 1 and lists, check by check, what a server that breaks it did", async () => {
    // The login's first 6 requests: this upstream answers every path as the login, so only those are meaningful.
    const { code, out } = await verify(servers.breaking.url, ["--max-requests", "6"]);
    expect(out).toMatch(/FAIL  not_a_server_error: 2 problems in 6 answers\n +verify_code missing: server error HTTP 500/);
    expect(out).toMatch(/FAIL  response_schema_conformance: .*\n +valid login: HTTP 200: body.status must be one of/);
    expect(out).toMatch(/breaks the contract\n$/);
    expect(code).toBe(1);
  });
}, 60_000);
