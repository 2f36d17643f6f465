// What setting up costs: `npm ci` and `npm test` in a fresh copy of the repo, and the client's installed size.
import { execFileSync, execSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const seconds = (fn) => {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
};
const du = (dir) => Number(execSync(`du -sb ${JSON.stringify(dir)}`).toString().split("\t")[0]);

/** Times `npm ci` and `npm test` in a fresh export of HEAD (npm's cache warm, as on a developer machine). */
export function setupTimes() {
  const work = mkdtempSync(join(tmpdir(), "oa-bench-repo-"));
  try {
    execSync(`git archive HEAD | tar -x -C ${JSON.stringify(work)}`);
    const opts = { cwd: work, stdio: "ignore", env: { ...process.env, CI: "true" } };
    const ci = seconds(() => execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], opts));
    const test = seconds(() => execFileSync("npm", ["test"], opts));
    return { "npm ci": ci, "npm test": test };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Bytes a consumer's node_modules grows by: the packed client with its dependencies, and openapi-fetch alone. */
export function installedSizes() {
  const work = mkdtempSync(join(tmpdir(), "oa-bench-install-"));
  try {
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", work], { stdio: "ignore" });
    const tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz")));
    const install = (name, spec) => {
      const dir = join(work, name);
      execSync(`mkdir -p ${dir}`);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true }));
      execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", spec], { cwd: dir, stdio: "ignore" });
      return du(join(dir, "node_modules"));
    };
    return { "openapi-fetch alone": install("bare", "openapi-fetch@^0.17.0"), "oneaccess-sms-login": install("client", tarball) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
