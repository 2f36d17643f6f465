// Mutation testing of the client and the mock helper with Stryker (config: stryker.config.mjs).
//   node scripts/mutate.mjs              full run: every mutant, then re-records the baselines reports/stryker-incremental-*.json
//   node scripts/mutate.mjs --update     incremental from the committed baselines, no limit: re-records them after a change
//   node scripts/mutate.mjs --ci         CI: incremental, within limits (see scripts/lib/mutation-gate.mjs and below)
//   node scripts/mutate.mjs --check      only checks the last reports (reports/mutation/*.json) against the goals
//   --scope client|mock                  one scope only (default both: stryker.config.mjs, stryker.mock.config.mjs)
// Other arguments go to Stryker (e.g. --concurrency 1). Stryker 10 needs Node >= 22, so neither it nor that Node is a
// devDependency (npm ci would warn on Node 20): the run uses Node NODE_VERSION and the STRYKER packages, exact versions
// from the npm registry, each installed once into a folder of its own under .tmp/, whatever Node runs this script.
// --ci never writes the committed baselines: it reads a copy under .tmp/, so a clean tree stays clean after CI.
// Exits non-zero when a file misses its goal.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ciFailure, incrementalFile, watchLog } from "./lib/mutation-gate.mjs";

const NODE_VERSION = "24.21.0";
/** Stryker and its vitest runner, pinned; vitest itself is the project's (found up the tree from .tmp/). */
const STRYKER = ["@stryker-mutator/core@10.1.1", "@stryker-mutator/vitest-runner@10.1.1"];
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/**
 * Each scope's Stryker config, JSON report and baseline, and how many mutants CI tests at most (`ciMutants`). Even on a
 * baseline just re-recorded, Stryker's count of mutants to test is not 0: it includes mutants whose tests' coverage
 * varies from run to run (real sockets, Prism) and the scope's static mutants (`ignoreStatic`: never tested, so never
 * in a baseline). Measured right after re-recording: 0 client, 21 mock (15 of the first kind, 6 regexes of
 * log-secrets.ts); the limits leave room for them and for a small change.
 */
const SCOPES = {
  client: { config: "stryker.config.mjs", report: "reports/mutation/client.json", baseline: "reports/stryker-incremental-client.json", ciMutants: 20 },
  mock: { config: "stryker.mock.config.mjs", report: "reports/mutation/mock.json", baseline: "reports/stryker-incremental-mock.json", ciMutants: 30 },
};
/** Mutation score goals per file, first match wins (issue 17). */
const GOALS = [
  { prefix: "src/client/", goal: 90 },
  { prefix: "src/mock/", goal: 80 },
];

/** A Node binary of NODE_VERSION: installed from the npm registry's `node` package into .tmp/ on first use. */
function nodeBinary() {
  const prefix = join(ROOT, `.tmp/node-${NODE_VERSION}`);
  const binary = join(prefix, `node_modules/node/node_modules/node-${process.platform}-${process.arch}/bin/node`);
  if (existsSync(binary)) return binary;
  console.log(`mutate: installing node@${NODE_VERSION} into ${relative(ROOT, prefix)}/`);
  const npm = spawnSync("npm", ["install", "--prefix", prefix, `node@${NODE_VERSION}`, "--no-audit", "--no-fund", "--no-save"], {
    stdio: "inherit",
  });
  if (npm.status !== 0 || !existsSync(binary)) throw new Error(`could not install node@${NODE_VERSION} from the npm registry`);
  return binary;
}

/**
 * Stryker's entry, installed from the npm registry into .tmp/stryker-<version>/ on first use. Its peers are not
 * installed (--legacy-peer-deps): the vitest runner must load the project's vitest, which Node finds by walking up from
 * .tmp/ to the repository's node_modules, not a second copy of its own.
 */
function strykerEntry() {
  const version = STRYKER[0].split("@").pop();
  const prefix = join(ROOT, `.tmp/stryker-${version}`);
  const entry = join(prefix, "node_modules/@stryker-mutator/core/bin/stryker.js");
  const installed = (spec) => {
    const [name, wanted] = [spec.slice(0, spec.lastIndexOf("@")), spec.slice(spec.lastIndexOf("@") + 1)];
    try {
      return JSON.parse(readFileSync(join(prefix, "node_modules", name, "package.json"), "utf8")).version === wanted;
    } catch {
      return false;
    }
  };
  if (STRYKER.every(installed)) return entry;
  console.log(`mutate: installing ${STRYKER.join(", ")} into ${relative(ROOT, prefix)}/`);
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own, so npm installs here and not into the repository's node_modules.
  writeFileSync(join(prefix, "package.json"), JSON.stringify({ name: "stryker-tools", private: true }));
  const npm = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--legacy-peer-deps", "--engine-strict=false", ...STRYKER], {
    stdio: "inherit",
  });
  if (npm.status !== 0 || !STRYKER.every(installed)) throw new Error(`could not install ${STRYKER.join(", ")} from the npm registry`);
  return entry;
}

/**
 * Runs Stryker under that Node. Resolves to its exit code, whether it ran past budgetMs and was interrupted (Stryker
 * then saves what it had tested into the incremental file, so a local run goes on from there), and `toTest`, the
 * mutants its incremental diff left to test; past maxMutants it is interrupted at once, before testing any.
 */
function stryker(config, args, budgetMs, maxMutants = Infinity) {
  const node = nodeBinary();
  const entry = strykerEntry();
  // Children that look `node` up on PATH get the same version.
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
  const child = spawn(node, [entry, "run", config, ...args], { cwd: ROOT, stdio: ["inherit", "pipe", "inherit"], env });
  let overBudget = false;
  let toTest;
  watchLog(child.stdout, process.stdout, (count) => {
    toTest = count;
    if (count > maxMutants) child.kill("SIGINT");
  });
  const timer = setTimeout(() => {
    overBudget = true;
    child.kill("SIGINT");
  }, budgetMs);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, overBudget, toTest });
    }),
  );
}

/** Survivors judged equivalent: "file:line:column mutator" keys from the table in stryker.equivalent.md. */
function equivalents() {
  const rows = readFileSync(join(ROOT, "stryker.equivalent.md"), "utf8").matchAll(/^\| (src\/\S+:\d+:\d+) \| (\w+) \|/gm);
  return new Set([...rows].map(([, where, mutator]) => `${where} ${mutator}`));
}

/**
 * Score per mutated file from a mutation-testing-report-schema report: detected / (detected + undetected), with the
 * survivors listed as equivalent left out (`equivalent` counts them). Marks each listed key it used in `used`.
 */
export function scores(report, listed = new Set(), used = new Set()) {
  return Object.entries(report.files).map(([path, file]) => {
    const name = relative(ROOT, join(ROOT, path));
    const key = (m) => `${name}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
    const undetectedMutants = file.mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage");
    const equivalent = undetectedMutants.filter((m) => listed.has(key(m)));
    for (const m of equivalent) used.add(key(m));
    const detected = file.mutants.filter((m) => m.status === "Killed" || m.status === "Timeout").length;
    const undetected = undetectedMutants.length - equivalent.length;
    const goal = GOALS.find((g) => name.startsWith(g.prefix))?.goal ?? 0;
    const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
    const raw = detected + undetectedMutants.length === 0 ? 100 : (100 * detected) / (detected + undetectedMutants.length);
    const left = undetectedMutants.filter((m) => !listed.has(key(m))).map((m) => `${key(m)} (${m.status})`);
    return { file: name, mutants: file.mutants.length, killed: detected, undetected, equivalent: equivalent.length, raw, score, goal, left };
  });
}

/** Prints the per-file table of the scopes' reports; returns the files below their goal. */
function check(scopes) {
  const listed = equivalents();
  const used = new Set();
  const rows = scopes.flatMap((scope) => {
    const report = join(ROOT, SCOPES[scope].report);
    if (!existsSync(report)) throw new Error(`no report at ${SCOPES[scope].report}: run npm run mutate first`);
    return scores(JSON.parse(readFileSync(report, "utf8")), listed, used);
  });
  rows.sort((a, b) => a.file.localeCompare(b.file));
  const width = Math.max(...rows.map((r) => r.file.length));
  // "raw" counts every survivor; "score" leaves out those listed as equivalent, and is what the goal applies to.
  console.log(`\n${"file".padEnd(width)}  mutants  detected  undetected  equivalent    raw  score  goal`);
  for (const r of rows) {
    const mark = r.score < r.goal ? "  BELOW GOAL" : "";
    const cells = [r.mutants, r.killed, r.undetected, r.equivalent].map((n, i) => String(n).padStart([7, 8, 10, 10][i]));
    console.log(`${r.file.padEnd(width)}  ${cells.join("  ")}  ${r.raw.toFixed(1).padStart(5)}  ${r.score.toFixed(1).padStart(5)}  ${String(r.goal).padStart(4)}${mark}`);
  }
  const left = rows.flatMap((r) => r.left);
  if (left.length) console.log(`\nsurvivors not listed in stryker.equivalent.md:\n  ${left.join("\n  ")}`);
  const stale = [...listed].filter((key) => scopes.some((s) => key.startsWith(`src/${s}/`)) && !used.has(key));
  if (stale.length) console.log(`\nlisted as equivalent but no longer surviving there (re-check the list):\n  ${stale.join("\n  ")}`);
  return rows.filter((r) => r.score < r.goal);
}

const args = process.argv.slice(2);
const MODES = ["--ci", "--update", "--check"];
const mode = MODES.find((m) => args.includes(m))?.slice(2) ?? "full";
const at = args.indexOf("--scope");
const scopes = at === -1 ? Object.keys(SCOPES) : [args[at + 1]];
if (!scopes.every((scope) => scope in SCOPES)) throw new Error(`--scope takes ${Object.keys(SCOPES).join(" or ")}`);
const passThrough = args.filter((a, i) => !MODES.includes(a) && (at === -1 || (i !== at && i !== at + 1)));
// CI's limits (see scripts/lib/mutation-gate.mjs): per scope, at most ciMutants mutants to test (MUTATE_CI_MAX_MUTANTS
// for every scope); all scopes together within MUTATE_CI_BUDGET_S, a net against a hang or a far slower machine. A
// change that leaves more brings its re-recorded baseline (npm run mutate:update, commit reports/).
const budgetS = Number(process.env.MUTATE_CI_BUDGET_S ?? 480);
const budgetMs = mode === "ci" ? budgetS * 1000 : Infinity;
const startedAll = Date.now();
if (mode !== "check") {
  // The mock's tests start the built server (dist/): a clean clone has none until it is built.
  if (scopes.includes("mock")) {
    const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) {
      console.error("mutate: npm run build failed; the mock's tests need the built server");
      process.exit(1);
    }
  }
  for (const scope of scopes) {
    const { config, baseline, ciMutants } = SCOPES[scope];
    const maxMutants = mode === "ci" ? Number(process.env.MUTATE_CI_MAX_MUTANTS ?? ciMutants) : Infinity;
    if (mode === "ci" && !existsSync(join(ROOT, baseline))) {
      console.error(`mutate: no ${scope} baseline at ${baseline}: run npm run mutate and commit it`);
      process.exit(1);
    }
    const started = Date.now();
    // --force mutates everything and so re-records the baseline; without it, the baseline's results are reused.
    const left = Math.max(1_000, budgetMs - (started - startedAll));
    // CI works on a copy of the baseline: Stryker rewrites its incremental file at the end of every run.
    const incremental = incrementalFile(mode, scope);
    if (incremental !== baseline) {
      mkdirSync(dirname(join(ROOT, incremental)), { recursive: true });
      copyFileSync(join(ROOT, baseline), join(ROOT, incremental));
    }
    const args = [...(mode === "full" ? ["--force"] : []), "--incrementalFile", incremental, ...passThrough];
    const run = await stryker(config, args, Math.min(left, 2 ** 31 - 1), maxMutants);
    const tested = run.toTest === undefined ? "" : `, ${run.toTest} mutants to test`;
    console.log(`mutate: Stryker ${scope} (${mode}) ended (exit code ${run.code}${tested}) after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const failure = ciFailure(scope, { ...run, maxMutants, budgetS, baseline });
    if (failure) {
      console.error(failure);
      process.exit(1);
    }
  }
}
const below = check(scopes);
if (below.length) {
  console.error(`mutate: ${below.length} file(s) below their goal: ${below.map((r) => r.file).join(", ")}`);
  process.exit(1);
}
console.log("mutate: every file meets its goal");
