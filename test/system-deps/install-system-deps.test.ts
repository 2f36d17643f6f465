import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// The script runs with a PATH of stubs only, so the machine's own browser, apt-get and user never leak in.
describe("scripts/install-system-deps.sh: a browser for the docs test, found or installed, never silently", () => {
  let bin: string;
  const log = () => (existsSync(join(bin, "calls.log")) ? readFileSync(join(bin, "calls.log"), "utf8") : "");
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\necho "${name} $*" >> "${join(bin, "calls.log")}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  const browser = (name: string, version: string) => stub(name, `echo "${version}"`);
  const install = (env: Record<string, string> = {}) =>
    spawnSync("/bin/bash", [repoPath("scripts/install-system-deps.sh")], { encoding: "utf8", env: { PATH: bin, ...env } });

  beforeEach(() => {
    bin = mkdtempSync(join(tmpdir(), "oa-sysdeps-"));
    for (const tool of ["bash", "dirname", "env", "chmod"]) symlinkSync(spawnSync("/bin/bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim(), join(bin, tool));
    stub("id", 'echo 0'); // root, unless a test says otherwise
    stub("openssl", "exit 0"); // there, unless a test says otherwise
  });
  afterEach(() => rmSync(bin, { recursive: true, force: true }));

  test("installs a missing openssl (the retry tests' certificate) with apt-get, saying why", () => {
    rmSync(join(bin, "openssl"));
    browser("chromium", "Chromium 156.0");
    stub("apt-get", "exit 0");
    const result = install();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("installing Debian's openssl package with apt-get, for the client's TLS retry test");
    expect(log()).toMatch(/apt-get .*install -y -qq --no-install-recommends openssl/);
  });

  test("uses the browser CHROMIUM_PATH names, and installs nothing", () => {
    browser("my-chrome", "Google Chrome 150.0");
    stub("apt-get", "exit 0");
    const result = install({ CHROMIUM_PATH: join(bin, "my-chrome") });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`using ${join(bin, "my-chrome")} (Google Chrome 150.0)`);
    expect(log()).not.toMatch(/apt-get/);
  });

  test("fails clearly when CHROMIUM_PATH names no executable, rather than installing another browser", () => {
    stub("apt-get", "exit 0");
    const result = install({ CHROMIUM_PATH: join(bin, "nothing-here") });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`CHROMIUM_PATH=${join(bin, "nothing-here")} is not an executable file`);
    expect(log()).not.toMatch(/apt-get/);
  });

  test.each(["chromium", "chromium-browser", "google-chrome"])("uses %s from PATH when there is one", (name) => {
    browser(name, `${name} 149.1`);
    stub("apt-get", "exit 0");
    const result = install();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`using ${join(bin, name)} (${name} 149.1)`);
    expect(log()).not.toMatch(/apt-get/);
  });

  test("as root with apt-get, says what it installs and why, then installs Debian's chromium", () => {
    // The stub apt-get "installs" a chromium onto PATH, as the real one does.
    stub("apt-get", `[ "$1" = install ] && printf '#!/bin/bash\\necho "Chromium 156.0"\\n' > "${join(bin, "chromium")}" && chmod +x "${join(bin, "chromium")}"; exit 0`);
    const result = install();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/installing Debian's chromium package with apt-get for the rendered-docs browser test \(test\/docs\/\)/);
    expect(result.stdout).toMatch(/set CHROMIUM_PATH/);
    expect(result.stdout).toContain(`installed ${join(bin, "chromium")} (Chromium 156.0)`);
    expect(log()).toMatch(/^apt-get update -qq\napt-get install -y -qq --no-install-recommends chromium\n/m);
  });

  test("without apt-get, fails with a message that says what to do", () => {
    const result = install();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^install-system-deps: no Chrome or Chromium found, and no apt-get to install Debian's chromium: .*set CHROMIUM_PATH/);
  });

  test("not root and no sudo, fails with a message that says what to do, and runs no apt-get", () => {
    stub("id", "echo 1000");
    stub("apt-get", "exit 0");
    const result = install();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/needs root or passwordless sudo: .*set CHROMIUM_PATH/);
    expect(log()).not.toMatch(/apt-get/);
  });

  test("not root with passwordless sudo, installs through sudo", () => {
    stub("id", "echo 1000");
    stub("sudo", '[ "$1" = -n ] && shift; "$@"');
    stub("apt-get", `[ "$1" = install ] && printf '#!/bin/bash\\necho "Chromium 156.0"\\n' > "${join(bin, "chromium")}" && chmod +x "${join(bin, "chromium")}"; exit 0`);
    const result = install();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("through sudo");
    expect(log()).toMatch(/sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium/);
  });
});
