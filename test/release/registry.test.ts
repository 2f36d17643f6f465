// The whole way to a user (issue 23): the release script publishes the packed package to a real npm registry (Verdaccio,
// on loopback, no uplinks: nothing leaves the machine), then fresh ES module, CommonJS and TypeScript projects install
// it by name with the commands a user types, and run small programs against it. `npm run test:release`; .ci/run runs it.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";
import { CJS_PROGRAM, ESM_PROGRAM, EXPECTED, TS_PROGRAM, TSCONFIG } from "./consumers.js";

const pkg = JSON.parse(readFileSync(repoPath("package.json"), "utf8"));
const NAME: string = pkg.name;
const work = mkdtempSync(join(tmpdir(), "oa-release-"));
const env = {
  ...process.env,
  // npm's settings for every command here: the test's own user config (registry and token) and cache, never the user's.
  npm_config_userconfig: join(work, "npmrc"),
  npm_config_cache: join(work, "npm-cache"),
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};
let registry = "";
let verdaccio: ChildProcess | undefined;
let verdaccioLog = "";

/** Runs a command; fails the test with its output when it fails. */
function sh(command: string, args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const ran = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000, ...options });
  const output = `${ran.stdout ?? ""}${ran.stderr ?? ""}`;
  if (ran.status !== 0) throw new Error(`${command} ${args.join(" ")} in ${cwd} exited ${ran.status ?? ran.signal}:\n${output}\n${ran.error ?? ""}`);
  return { stdout: String(ran.stdout), output };
}

/** A free loopback port. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The package's runtime dependencies and theirs, by name, as installed in the repository's node_modules. */
function runtimeTree(): string[] {
  const deps = (file: string) => Object.keys((JSON.parse(readFileSync(file, "utf8")) as { dependencies?: object }).dependencies ?? {});
  const found = new Set<string>();
  const queue = deps(repoPath("package.json"));
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (found.has(name)) continue;
    found.add(name);
    queue.push(...deps(repoPath(`node_modules/${name}/package.json`)));
  }
  return [...found];
}

/** Publishes an installed package (from the repository's node_modules) to the local registry: what the consumers need. */
function seed(name: string) {
  const tarballs = join(work, "seed");
  mkdirSync(tarballs, { recursive: true });
  const [packed] = JSON.parse(sh("npm", ["pack", repoPath(`node_modules/${name}`), "--json", "--ignore-scripts", "--pack-destination", tarballs], work).stdout);
  sh("npm", ["publish", join(tarballs, packed.filename), "--ignore-scripts", "--registry", registry, "--tag", "latest"], work);
}

beforeAll(async () => {
  const port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  const config = join(work, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(work, "storage")}`,
      "auth:",
      `  htpasswd: { file: ${join(work, "htpasswd")}, max_users: 10 }`,
      "uplinks: {}", // no proxy to another registry: nothing leaves the machine
      "packages:",
      "  '@*/*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all, publish: $authenticated }",
      "web: { enable: false }",
      "max_body_size: 200mb",
      "log: { type: stdout, format: json, level: warn }",
      "",
    ].join("\n"),
  );
  verdaccio = spawn(process.execPath, [repoPath("node_modules/verdaccio/bin/verdaccio"), "--config", config, "--listen", `127.0.0.1:${port}`], {
    cwd: work,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  verdaccio.stdout!.on("data", (chunk) => (verdaccioLog += chunk));
  verdaccio.stderr!.on("data", (chunk) => (verdaccioLog += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${registry}-/ping`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline || verdaccio.exitCode !== null) throw new Error(`Verdaccio did not start:\n${verdaccioLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // A user of the local registry, and its token in the test's npm config, as `npm adduser` would leave it.
  const added = await fetch(`${registry}-/user/org.couchdb.user:release-test`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release-test", password: "release-test-password" }),
  });
  const { token } = (await added.json()) as { token?: string };
  if (!added.ok || !token) throw new Error(`Verdaccio refused the user: ${added.status}`);
  writeFileSync(env.npm_config_userconfig, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\n`);

  // The package's dependencies (read from package.json, with theirs), and what the TypeScript consumer installs, from
  // the repository's own copies: a new dependency is seeded without a word here.
  for (const name of [...runtimeTree(), "typescript", "undici-types", "@types/node"]) seed(name);
}, 240_000);

afterAll(async () => {
  if (verdaccio && verdaccio.exitCode === null) {
    const exited = new Promise((resolve) => verdaccio!.once("exit", resolve));
    verdaccio.kill("SIGTERM");
    const timer = setTimeout(() => verdaccio!.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(work, { recursive: true, force: true });
});

describe(`${NAME}, published by the release script and installed by name`, () => {
  test("npm pack --json prints JSON only (the build reports on stderr)", () => {
    const packed = sh("npm", ["pack", "--json", "--dry-run"], repoPath(""));
    expect(() => JSON.parse(packed.stdout), packed.stdout.slice(0, 200)).not.toThrow();
    expect(JSON.parse(packed.stdout)[0].name).toBe(NAME);
  });

  test("the release script is a dry run without --registry, and publishes with it", () => {
    // A committed copy of the work tree as it is (tracked and new files), so the script's clean-tree rule holds.
    const copy = join(work, "repo");
    const files = sh("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], repoPath("")).stdout.split("\0").filter(Boolean);
    for (const file of files) {
      try {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        copyFileSync(repoPath(file), join(copy, file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error; // deleted, not yet committed
      }
    }
    symlinkSync(repoPath("node_modules"), join(copy, "node_modules"));
    const git = (...args: string[]) => sh("git", ["-c", "user.name=release-test", "-c", "user.email=release-test@localhost", ...args], copy);
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "release candidate");

    const dry = sh(process.execPath, ["scripts/release.mjs", "--skip-tests"], copy);
    expect(dry.output).toMatch(new RegExp(`release: packed ${NAME}@${pkg.version}: \\d+ files`));
    expect(dry.output).toContain("release: dry run only");
    const before = spawnSync("npm", ["view", NAME, "version", "--registry", registry], { env, encoding: "utf8" });
    expect(before.status, "a dry run published nothing").not.toBe(0);

    const real = sh(process.execPath, ["scripts/release.mjs", "--registry", registry, "--skip-tests"], copy);
    expect(real.output).toContain(`release: published ${NAME}@${pkg.version} to ${registry}`);
    expect(sh("npm", ["view", NAME, "version", "--registry", registry], work).stdout.trim()).toBe(pkg.version);
  });

  /** A fresh project, as `npm init -y` makes it, with the package installed by name from the local registry. */
  function consumer(kind: string, type: "module" | "commonjs") {
    const dir = join(work, `consumer-${kind}`);
    mkdirSync(dir);
    sh("npm", ["init", "-y"], dir);
    sh("npm", ["pkg", "set", `type=${type}`], dir);
    sh("npm", ["install", NAME, "--registry", registry], dir);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules", NAME, "package.json"), "utf8"));
    expect(installed.version).toBe(pkg.version);
    return dir;
  }

  test("an ES module project: the client against a stub server, the testing entry, the mock entry", () => {
    const dir = consumer("esm", "module");
    writeFileSync(join(dir, "index.js"), ESM_PROGRAM);
    expect(JSON.parse(sh("node", ["index.js"], dir).stdout)).toEqual(EXPECTED);
  });

  test("a CommonJS project: the same through require()", () => {
    const dir = consumer("cjs", "commonjs");
    writeFileSync(join(dir, "index.js"), CJS_PROGRAM);
    expect(JSON.parse(sh("node", ["index.js"], dir).stdout)).toEqual(EXPECTED);
  });

  test("a TypeScript project: compiles with tsc (strict, nodenext) and runs", () => {
    const dir = consumer("ts", "module");
    sh("npm", ["install", "--save-dev", "typescript", "@types/node", "--registry", registry], dir);
    writeFileSync(join(dir, "tsconfig.json"), TSCONFIG);
    writeFileSync(join(dir, "index.ts"), TS_PROGRAM);
    sh("npx", ["tsc", "-p", "."], dir);
    expect(JSON.parse(sh("node", ["index.js"], dir).stdout)).toEqual(EXPECTED);
  });

  test("the bin runs through npx in the installed project", () => {
    const bin = Object.keys(pkg.bin)[0]!;
    const ran = sh("npx", [bin, "--help"], join(work, "consumer-esm"));
    expect(ran.output).toMatch(/usage/i);
  });
});
