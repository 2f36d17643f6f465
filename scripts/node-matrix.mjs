#!/usr/bin/env node
// The runtime matrix (`npm run test:matrix`, which .ci/run runs; `npm test` is the whole suite on the machine's Node):
// the tests that depend on the runtime, on each Node below. Node itself comes from the npm registry (the `node`
// package, exact versions) and is cached under .tmp/, so a run needs nothing but the registry.
//   node scripts/node-matrix.mjs                  every row
//   node scripts/node-matrix.mjs node-24 node-26  only these rows (by name)
//   node scripts/node-matrix.mjs --list           the rows and what each runs
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Test folders that depend on the runtime: the client, the Prism mock helper and bin, the contract suite, the packed
 * package in a consumer's project (ES module, CommonJS, TypeScript), the in-process mock and the server building blocks
 * (jose). Type-checking a consumer project (test/consumer-types) does not depend on the runtime. A folder the repository
 * does not have is skipped, so a new one is a word here.
 */
export const RUNTIME_TESTS = ["test/client", "test/mock", "test/contract", "test/package", "test/testing", "test/server"];

/**
 * The matrix. `tests` are folders of the unit and slow groups (vitest.config.ts). `packages`
 * are installed into a folder of their own under .tmp/ that the row runs in: the mock helper looks for Prism in the
 * working directory's project first, as it would in a consumer's, so the row tests that Prism. `knownFailures` maps a
 * test name (a substring) to why that test cannot pass in the row: those tests are skipped there, and said so.
 */
export const MATRIX = [
  { name: "node-22", node: "22.23.3", tests: RUNTIME_TESTS },
  // Prism 5.15+ needs Node >= 24.18: the newest Prism the peer range allows, on the Node that allows it.
  {
    name: "node-24",
    node: "24.21.0",
    tests: RUNTIME_TESTS,
    packages: ["@stoplight/prism-cli@5.16.0"],
  },
  { name: "node-26", node: "26.10.0", tests: RUNTIME_TESTS },
];

const TMP = join(root, ".tmp");
const npm = (args, cwd = root) => spawnSync("npm", ["--no-audit", "--no-fund", "--loglevel=error", ...args], { cwd, encoding: "utf8" });

/** The node binary of a row: the machine's, or the registry's `node` package installed once under .tmp/node-X/. */
export function nodeBinary(version) {
  if (version === null) return process.execPath;
  const prefix = join(TMP, `node-${version}`);
  const bin = join(prefix, "node_modules/node/bin/node");
  const current = () => (existsSync(bin) ? spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim() : "");
  if (current() !== `v${version}`) {
    console.log(`node-matrix: installing Node ${version} from the npm registry into .tmp/node-${version}/`);
    mkdirSync(prefix, { recursive: true });
    const installed = npm(["install", "--prefix", prefix, "--no-save", "--no-package-lock", `node@${version}`]);
    if (installed.status !== 0 || current() !== `v${version}`) {
      throw new Error(`could not install node@${version} from the npm registry:\n${installed.stderr}`);
    }
  }
  return bin;
}

/** The folder a row runs in: the repository, or .tmp/packages/<names>/ with the row's packages installed. */
function workingDirectory(packages = []) {
  if (packages.length === 0) return root;
  const dir = join(TMP, "packages", packages.join("+").replace(/[^\w.+-]+/g, "_"));
  const wanted = packages.map((spec) => spec.match(/^(@?[^@]+)@(.+)$/).slice(1));
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return undefined;
    }
  };
  if (!wanted.every(([name, v]) => version(name) === v)) {
    console.log(`node-matrix: installing ${packages.join(", ")} into ${dir.slice(root.length + 1)}/`);
    mkdirSync(dir, { recursive: true });
    const installed = npm(["install", "--prefix", dir, ...packages]);
    const missing = wanted.filter(([name, v]) => version(name) !== v);
    if (installed.status !== 0 || missing.length > 0) throw new Error(`could not install ${packages.join(", ")}:\n${installed.stderr}`);
  }
  return dir;
}

/**
 * Proves a row with its own Prism tests that Prism: starts the built mock helper from the row's folder on the row's
 * Node and asks it which prism-cli its engine was loaded from. Fails rather than quietly testing the repository's Prism.
 */
function checkMockUsesRowPrism(node, cwd) {
  const mockEntry = join(root, "dist/src/mock/index.js");
  if (!existsSync(mockEntry)) throw new Error("dist/ is missing: run npm run build first");
  const script = `const m = await import(${JSON.stringify(mockEntry)}); const mock = await m.startMock();
    try { console.log(mock.prism.manifest + " " + mock.prism.version); } finally { await mock.stop(); }`;
  const ran = spawnSync(node, ["--input-type=commonjs", "-e", `(async () => { ${script} })().catch((e) => { console.error(e.message); process.exit(1); })`], { cwd, encoding: "utf8", timeout: 60_000 });
  const used = ran.stdout.trim();
  if (ran.status !== 0 || !used.startsWith(join(cwd, "node_modules/@stoplight/prism-cli/"))) {
    throw new Error(`the mock helper did not run the Prism in ${cwd}: it ran ${used || "nothing"} ${ran.stderr}`);
  }
  console.log(`node-matrix: the mock helper runs Prism ${used.slice(root.length + 1)}`);
}

/** Runs one row's vitest; resolves to its counts, its exit code and how long it took. */
function runRow(row) {
  const started = Date.now();
  const node = nodeBinary(row.node);
  const cwd = workingDirectory(row.packages);
  if (row.packages?.some((spec) => spec.startsWith("@stoplight/prism-cli@"))) checkMockUsesRowPrism(node, cwd);
  const folders = row.tests?.filter((folder) => existsSync(join(root, folder)));
  const args = [join(root, "node_modules/vitest/vitest.mjs"), "run", "--root", root, "--project", "unit", "--project", "slow", ...(folders ?? [])];
  const known = Object.entries(row.knownFailures ?? {});
  if (known.length > 0) {
    const escaped = known.map(([name]) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    args.push("--testNamePattern", `^(?!.*(?:${escaped.join("|")}))`);
  }
  const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
  const extras = row.packages?.length ? `, ${row.packages.join(", ")} from ${cwd.slice(root.length + 1)}/` : "";
  console.log(`\nnode-matrix: ${row.name}: Node ${version}${extras}: ${folders ? folders.join(" ") : "the whole suite"}`);
  for (const [name, why] of known) console.log(`node-matrix: ${row.name}: skips "${name}": ${why}`);
  return new Promise((resolve) => {
    // npm, npx and `#!/usr/bin/env node` bins that the tests start run on the row's Node too.
    const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` };
    const child = spawn(node, args, { cwd, env, stdio: ["ignore", "pipe", "inherit"] });
    let tail = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-2_000);
    });
    child.on("close", (code, signal) => {
      const counts = tail.match(/vitest: (\d+) passed, (\d+) failed, (\d+) skipped/)?.slice(1).map(Number) ?? [0, 1, 0];
      resolve({ row: row.name, version, code: code ?? (signal ? 1 : 0), counts, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function main(argv) {
  if (argv.includes("--list")) {
    for (const row of MATRIX) {
      console.log(`${row.name}\tNode ${row.node ?? process.versions.node}\t${row.tests?.join(" ") ?? "whole suite"}\t${row.packages?.join(" ") ?? ""}`);
    }
    return 0;
  }
  const unknown = argv.filter((name) => !MATRIX.some((row) => row.name === name));
  if (unknown.length > 0) throw new Error(`no matrix row ${unknown.join(", ")}; rows: ${MATRIX.map((row) => row.name).join(", ")}`);
  const rows = argv.length > 0 ? MATRIX.filter((row) => argv.includes(row.name)) : MATRIX;
  const results = [];
  for (const row of rows) {
    try {
      results.push(await runRow(row));
    } catch (error) {
      console.error(`node-matrix: ${row.name}: ${error.message}`);
      results.push({ row: row.name, version: row.node, code: 1, counts: [0, 1, 0], seconds: 0 });
    }
  }
  console.log("\nnode-matrix: row        node       seconds  passed  failed  skipped");
  for (const r of results) {
    const [passed, failed, skipped] = r.counts;
    console.log(`node-matrix: ${r.row.padEnd(10)} ${String(r.version).padEnd(10)} ${r.seconds.toFixed(1).padStart(7)}  ${String(passed).padStart(6)}  ${String(failed).padStart(6)}  ${String(skipped).padStart(7)}${r.code === 0 ? "" : "  FAILED"}`);
  }
  const total = results.reduce((sum, r) => sum.map((n, i) => n + r.counts[i]), [0, 0, 0]);
  // A row whose vitest exited non-zero fails the run, whatever it counted.
  const failedRows = results.filter((r) => r.code !== 0).length;
  const failed = Math.max(total[1], failedRows);
  console.log(`\n${total[0]} passed, ${failed} failed, ${total[2]} skipped`);
  return failedRows === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`node-matrix: ${error.message}`);
      process.exit(2);
    },
  );
}
