import { execFile, spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { alive, descendants } from "../helpers/mock.js";
import { repoPath } from "../helpers/spec.js";

// The built bin, as `npm start` and consumers run it (npm test builds before vitest runs).
const CLI = repoPath("dist/src/cli/bin.js");
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** Spawns the bin; resolves its exit (code or signal) and the ms from `since()` to it. */
function run(args: string[]) {
  const child = spawn(process.execPath, [CLI, "mock", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  let t0 = 0;
  const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, ms: Date.now() - t0 })),
  );
  return { child, exited, out: () => out, start: () => (t0 = Date.now()) };
}

const waitFor = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !check(); ) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe("oneaccess-sms-login mock stops when told, however far it got", () => {
  test.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s during startup stops it within 2 s, with the signal's exit code, without running the command", async (signal) => {
    const bin = run(["--port", "0", "--", process.execPath, "-e", "console.log('COMMAND RAN')"]);
    let tree: number[] = [];
    try {
      // The engine process exists but is still loading Prism (seconds): the bin is mid-startup.
      expect(await waitFor(() => (tree = descendants(bin.child.pid!)).length >= 1, 10_000)).toBe(true);
      bin.start();
      bin.child.kill(signal);
      const exit = await bin.exited;
      expect(exit.ms, bin.out()).toBeLessThan(2_000);
      expect(exit.code).toBe(128 + SIGNAL_NUMBERS[signal]);
      expect(bin.out()).not.toMatch(/COMMAND RAN|listening/);
      expect(await waitFor(() => !tree.some(alive), 2_000)).toBe(true);
    } finally {
      for (const pid of [bin.child.pid!, ...tree]) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  }, 30_000);

  test("SIGTERM with a command that ignores it: the command is killed after a grace period, all gone within 2 s", async () => {
    const bin = run(["--port", "0", "--", process.execPath, "-e", "process.on('SIGTERM', () => {}); console.log('cmd up'); setInterval(() => {}, 1000)"]);
    let tree: number[] = [];
    try {
      expect(await waitFor(() => bin.out().includes("cmd up"), 30_000)).toBe(true);
      tree = descendants(bin.child.pid!);
      expect(tree.length).toBeGreaterThanOrEqual(2); // the engine and the command
      bin.start();
      bin.child.kill("SIGTERM");
      const exit = await bin.exited;
      expect(exit.ms).toBeLessThan(2_000);
      expect(exit.code).not.toBe(0);
      expect(await waitFor(() => !tree.some(alive), 500)).toBe(true);
    } finally {
      for (const pid of [bin.child.pid!, ...tree]) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  }, 40_000);

  // Concurrent with each other (short processes that start no mock), after the timed tests above.
  test.concurrent.each([[""], ["1e3"], ["0x10"], ["=-1"], ["80.0"], [" 80"], ["65536"]])("refuses --port %j with a usage error, exit 2", async (port) => {
    const portArgs = port.startsWith("=") ? [`--port${port}`] : ["--port", port];
    const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [CLI, "mock", ...portArgs, "--", process.execPath, "-e", "console.log('COMMAND RAN')"], { encoding: "utf8", timeout: 20_000 }, (_error, stdout, stderr) =>
        resolve({ status: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port ".*": port must be an integer from 0 to 65535\nusage:/);
    expect(result.stdout).not.toContain("COMMAND RAN");
  });
}, 60_000);
