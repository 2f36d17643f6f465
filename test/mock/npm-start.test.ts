import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { alive, descendants, holdPort } from "../helpers/mock.js";
import { repoPath } from "../helpers/spec.js";

const refuses = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(500) }).then(
    () => false,
    () => true,
  );

// `npm start` builds first, so each case takes a few seconds before the signal; the 2 s budget starts at the signal.
describe("npm start stops when told", () => {
  test.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s to npm's pid stops the mock, frees the port within 2 s, leaves no orphan", async (signal) => {
    const probe = await holdPort();
    const port = probe.port;
    await probe.close();
    const npm = spawn("npm", ["start", "--silent"], { cwd: repoPath(""), env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    npm.stdout.on("data", (d) => (out += d));
    npm.stderr.on("data", (d) => (out += d));
    const url = `http://127.0.0.1:${port}`;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not listen: ${out}`)), 90_000);
        npm.once("exit", () => reject(new Error(`npm start exited: ${out}`)));
        npm.stdout.on("data", () => out.includes(`listening on ${url}`) && (clearTimeout(timer), resolve()));
      });
      const tree = descendants(npm.pid!);
      expect(tree.length).toBeGreaterThanOrEqual(2); // the bin and its engine, at least
      process.kill(npm.pid!, signal);
      const deadline = Date.now() + 2_000;
      while (Date.now() < deadline && (tree.some(alive) || !(await refuses(url)))) await new Promise((r) => setTimeout(r, 100));
      expect(tree.filter(alive), `left running after ${signal}`).toEqual([]);
      expect(await refuses(url)).toBe(true);
    } finally {
      for (const pid of [npm.pid!, ...descendants(npm.pid!)]) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  }, 120_000);
});
