// Mutation testing of the client and the mock helper with Stryker (config: stryker.config.mjs).
//   node scripts/mutate.mjs              full run: every mutant, then records the baseline reports/stryker-incremental.json
//   node scripts/mutate.mjs --ci         incremental: only mutants in code or tests changed since the baseline
//   node scripts/mutate.mjs --check      only checks the last report (reports/mutation/mutation.json) against the goals
// Other arguments go to Stryker (e.g. --concurrency 1). Stryker 10 needs Node >= 22: the run uses Node NODE_VERSION from
// the npm registry, installed once into .tmp/, whatever Node runs this script. Exits non-zero when a file misses its goal.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const NODE_VERSION = "24.21.0";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPORT = join(ROOT, "reports/mutation/mutation.json");
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

/** Runs Stryker under that Node; returns its exit code. */
function stryker(args) {
  const node = nodeBinary();
  const entry = join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js");
  // Children that look `node` up on PATH get the same version.
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
  const run = spawnSync(node, [entry, "run", "stryker.config.mjs", ...args], { cwd: ROOT, stdio: "inherit", env });
  return run.status ?? 1;
}

/** Score per mutated file from a mutation-testing-report-schema report: detected / (detected + undetected). */
export function scores(report) {
  return Object.entries(report.files).map(([path, file]) => {
    const count = (...statuses) => file.mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count("Killed", "Timeout");
    const undetected = count("Survived", "NoCoverage");
    const file_ = relative(ROOT, join(ROOT, path));
    const goal = GOALS.find((g) => file_.startsWith(g.prefix))?.goal ?? 0;
    const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
    return { file: file_, mutants: file.mutants.length, killed: detected, survived: count("Survived"), noCoverage: count("NoCoverage"), score, goal };
  });
}

/** Prints the per-file table; returns the files below their goal. */
function check() {
  if (!existsSync(REPORT)) throw new Error(`no report at ${relative(ROOT, REPORT)}: run npm run mutate first`);
  const rows = scores(JSON.parse(readFileSync(REPORT, "utf8"))).sort((a, b) => a.file.localeCompare(b.file));
  const width = Math.max(...rows.map((r) => r.file.length));
  console.log(`\n${"file".padEnd(width)}  mutants  detected  survived  no-cov  score  goal`);
  for (const r of rows) {
    const mark = r.score < r.goal ? "  BELOW GOAL" : "";
    console.log(
      `${r.file.padEnd(width)}  ${String(r.mutants).padStart(7)}  ${String(r.killed).padStart(8)}  ${String(r.survived).padStart(8)}  ${String(r.noCoverage).padStart(6)}  ${r.score.toFixed(1).padStart(5)}  ${String(r.goal).padStart(4)}${mark}`,
    );
  }
  return rows.filter((r) => r.score < r.goal);
}

const args = process.argv.slice(2);
const mode = args.includes("--check") ? "check" : args.includes("--ci") ? "ci" : "full";
const passThrough = args.filter((a) => a !== "--ci" && a !== "--check");
const started = Date.now();
if (mode !== "check") {
  // --force mutates everything and so re-records the baseline; without it, the baseline's results are reused.
  const code = stryker(mode === "full" ? ["--force", ...passThrough] : passThrough);
  console.log(`mutate: Stryker (${mode}) exited ${code} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (code !== 0) process.exit(code);
}
const below = check();
if (below.length) {
  console.error(`mutate: ${below.length} file(s) below their goal: ${below.map((r) => r.file).join(", ")}`);
  process.exit(1);
}
console.log("mutate: every file meets its goal");
