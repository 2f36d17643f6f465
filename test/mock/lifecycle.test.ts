import { spawn, spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { MockError, startMock } from "../../src/mock/index.js";
import { alive, descendants, holdPort } from "../helpers/mock.js";
import { repoPath } from "../helpers/spec.js";

// The built bin, as `npm start` and consumers run it (npm test builds before vitest runs).
const CLI = repoPath("dist/src/cli/bin.js");

describe("startMock: ready means this mock's own engine answers", () => {
  // Another HTTP server on the port used to pass for the mock (it answered the readiness probe).
  test("rejects with the EADDRINUSE reason when another HTTP server holds the port", async () => {
    const other = await holdPort();
    try {
      const error = await startMock({ port: other.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MockError);
      expect(error).toMatchObject({ kind: "exited" });
      expect((error as Error).message).toMatch(/EADDRINUSE/);
    } finally {
      await other.close();
    }
  });

  test("reports through `exited` when the engine dies after start, with the reason", async () => {
    const mock = await startMock();
    process.kill(mock.pid!, "SIGKILL");
    const exit = await mock.exited;
    expect(exit).toMatchObject({ stopped: false, signal: "SIGKILL" });
    expect(exit.reason).toMatch(/SIGKILL/);
    await mock.stop();
  });

  test("an abort during startup rejects with kind aborted and leaves no server process", async () => {
    const controller = new AbortController();
    const starting = startMock({ signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    const before = new Set(descendants(process.pid));
    controller.abort();
    await expect(starting).rejects.toMatchObject({ name: "MockError", kind: "aborted" });
    expect([...before].filter(alive).filter((pid) => /server\.js/.test(spawnSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).stdout))).toEqual([]);
    await expect(startMock({ signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: "aborted" });
  });
  // `exited` resolving as stopped after stop(): start-mock.test.ts ("picks free ports ...").
}, 30_000);

describe("oneaccess-sms-login mock: fails loudly, quietly otherwise", () => {
  test("exits non-zero with the EADDRINUSE reason, without usage text and without running the command", async () => {
    const other = await holdPort();
    try {
      const run = spawnSync(process.execPath, [CLI, "mock", "--port", String(other.port), "--", process.execPath, "-e", "console.log('COMMAND RAN')"], {
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/^oneaccess-sms-login mock: .*EADDRINUSE/);
      expect(run.stderr).not.toMatch(/usage:/);
      expect(run.stderr.split("\n").filter(Boolean).length).toBeLessThanOrEqual(3);
      expect(run.stdout).not.toContain("COMMAND RAN");
    } finally {
      await other.close();
    }
  });

  test("exits non-zero with the reason when the engine dies while a command runs, and stops the command", async () => {
    // The command kills the mock's engine (its sibling under the bin), then waits to be stopped.
    const child = spawn(process.execPath, [CLI, "mock", "--port", "0", "--", process.execPath, "-e", "setInterval(() => {}, 1000)"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let tree: number[] = [];
    for (let i = 0; i < 200 && tree.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      tree = descendants(child.pid!);
    }
    try {
      const engine = tree.find((pid) => /server\.js/.test(spawnSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).stdout));
      expect(engine, `no engine among ${tree}`).toBeDefined();
      process.kill(engine!, "SIGKILL");
      expect(await exited).not.toBe(0);
      expect(err).toMatch(/oneaccess-sms-login mock: the mock stopped.*SIGKILL/);
      await new Promise((r) => setTimeout(r, 500));
      expect(tree.filter(alive)).toEqual([]);
    } finally {
      // A failing run must not leave the bin and its command running.
      for (const pid of [child.pid!, ...tree]) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  });
  // Its startup noise kept out of the wrapped command's output: cli.test.ts ("runs a command ...").
}, 60_000);
