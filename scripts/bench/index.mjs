#!/usr/bin/env node
// npm run bench: every figure in BENCHMARKS.md, measured in one run, each as a ratio against a baseline measured in
// the same run. Flags: --quick (skip npm ci/test timing), --smoke (tiny sizes: checks the bench still runs).
import { bodyCap } from "./body-cap.mjs";
import { BUDGET, bundleSizes, operationCosts, partCosts } from "./bundle.mjs";
import { installedSizes, setupTimes } from "./install.mjs";
import { mockThroughput, soak } from "./mock.mjs";
import { loopback, perOperation, stubbed } from "./overhead.mjs";
import { execFileSync } from "node:child_process";
import { MATRIX, nodeBinary } from "../node-matrix.mjs";

const smoke = process.argv.includes("--smoke");
const quick = smoke || process.argv.includes("--quick");
const rows = [];
const row = (section, variant, value, ratio = "", goal = "") => rows.push({ section, variant, value, ratio, goal });
const x = (n) => `${n.toFixed(2)}x`;
let failed = false;

console.error(`benchmarking on ${process.version}, ${(await import("node:os")).cpus().length} cores${smoke ? " (smoke sizes)" : ""}…`);

for (const [label, run, iterations] of [
  ["overhead, stubbed fetch", stubbed, smoke ? 50 : 20_000],
  ["overhead, loopback http", loopback, smoke ? 20 : 1_000],
]) {
  const measured = await run({ iterations });
  const base = measured["openapi-fetch"].median;
  const within = (ratio) => (ratio <= 1.1 ? "ok (<= 1.10x)" : "MISSED (> 1.10x)");
  for (const [variant, { median, low, high }] of Object.entries(measured)) {
    const ratio = `${x(median / base)} vs openapi-fetch (rounds ${x(low)}-${x(high)})`;
    row(label, variant, `${(median / 1000).toFixed(1)} µs/call`, ratio, variant === "wrapper" ? within(median / base) : "");
  }
  const sameTimeout = measured.wrapper.median / measured["openapi-fetch + timeout to fetch"].median;
  row(label, "wrapper vs openapi-fetch + timeout to fetch", "", x(sameTimeout), within(sameTimeout));
}
// Every operation's method against openapi-fetch doing the same request with the same timeout, over a stub.
for (const [method, measured] of Object.entries(await perOperation({ iterations: smoke ? 20 : 5_000 }))) {
  const ratio = measured.wrapper.median / measured["openapi-fetch + timeout to fetch"].median;
  row("overhead per operation, stubbed fetch", method, `${(measured.wrapper.median / 1000).toFixed(1)} µs/call`, `${x(ratio)} vs openapi-fetch + timeout to fetch`, ratio <= 1.1 ? "ok (<= 1.10x)" : "MISSED (> 1.10x)");
}

const capped = await bodyCap({ bigBytes: smoke ? 3_000_000 : 300_000_000 });
const small = capped["1 KB answer"];
for (const [variant, { mib, outcome }] of Object.entries(capped)) {
  const extra = mib - small.mib;
  const goal = !variant.endsWith("MB answer") ? "" : extra < 16 ? "ok (< 16 MiB more)" : "MISSED (>= 16 MiB more)";
  row("bounded reading: peak RSS growth of one login", variant, `${mib.toFixed(1)} MiB (${outcome})`, `+${extra.toFixed(1)} MiB vs 1 KB`, goal);
}

const sizes = await bundleSizes();
const bare = sizes["openapi-fetch alone"];
for (const [variant, { min, gzip }] of Object.entries(sizes)) {
  row("bundle (esbuild, minified)", variant, `${min} B min, ${gzip} B gzip`, `${x(gzip / bare.gzip)} gzip vs openapi-fetch`);
}
const loginOnly = sizes["login only (createLoginClient)"].gzip;
const limit = BUDGET.loginOnlyOnMain + BUDGET.allowance;
row("bundle (esbuild, minified)", "login only vs main before the pipeline", `${loginOnly - BUDGET.loginOnlyOnMain} B gzip`, `${BUDGET.loginOnlyOnMain} B on main`, loginOnly <= limit ? `ok (<= +${BUDGET.allowance} B)` : `MISSED (> +${BUDGET.allowance} B)`);
const whole = sizes["whole client (every root export)"].gzip;
row("bundle (esbuild, minified)", "whole client goal", `${whole} B gzip`, "", whole <= BUDGET.wholeClientGoal ? "ok (<= 7 kB)" : "MISSED (> 7 kB)");
// What each operation of the table costs on top of the pipeline, and where the pipeline's bytes go.
for (const [operation, bytes] of Object.entries(await operationCosts())) row("bundle: what an operation costs", operation, `${bytes} B gzip`, "");
for (const [part, bytes] of Object.entries(await partCosts())) {
  row("bundle: what a part of the client costs", part, `${bytes} B gzip`, `${x(bytes / whole)} of the whole`);
}

const load = { concurrency: 10, durationMs: smoke ? 300 : 5_000 };
const throughput = await mockThroughput(load);
const baseline = throughput["node http server (baseline)"];
for (const [variant, r] of Object.entries(throughput)) {
  row(
    `mock, ${load.concurrency} conns x ${load.durationMs / 1000} s`,
    variant,
    `${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
    `${x(r.rps / baseline.rps)} req/s vs node`,
    r.failed ? `${r.failed} failed` : "",
  );
  if (r.failed) failed = true;
}

/** The most a variant can reach through the client: MSW's own cost for MSW handlers, the stub for the rest. */
const floorOf = (variant, mocks) =>
  mocks[variant.startsWith("MSW") ? "MSW, one-line handler (MSW's own cost)" : "fetch stub, fixed answer (the client's own cost)"];

/** Whether 20x Prism is within reach at all, said when it is not. */
function reach(variant, mocks) {
  const most = floorOf(variant, mocks).rps / mocks.prism.rps;
  return most < 20 ? `; its floor reaches ${most.toFixed(1)}x` : "";
}

// The in-process mock on the machine's Node and on Nodes consumers run their unit tests on (from the npm registry, as
// the Node matrix installs them), each in its own process so Prism and the mock run on that Node.
const nodes = smoke ? [null] : quick ? [null, "24.21.0"] : [null, ...MATRIX.filter((r) => r.node).map((r) => r.node)];
for (const version of nodes) {
  const settings = JSON.stringify({ ...load, startRuns: smoke ? 1 : 5 });
  const script = new URL("./testing.mjs", import.meta.url).pathname;
  const node = nodeBinary(version);
  const mocks = JSON.parse(execFileSync(node, ["--expose-gc", script, settings], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }), (_, v) => (v === null ? NaN : v));
  const on = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  for (const [variant, r] of Object.entries(mocks)) {
    const speedup = r.rps / mocks.prism.rps;
    const inProcess = variant !== "prism";
    const baselineOnly = Number.isNaN(r.start); // MSW's own cost and the stub: references, not goals
    row(
      `in-process mock vs Prism, logins through the client, ${load.concurrency} concurrent, Node ${on}`,
      variant,
      `${Math.round(r.rps)} logins/s` + (baselineOnly ? "" : `, first answer after ${r.start.toFixed(1)} ms`) + (r.library ? ` (${r.library.toFixed(1)} ms of it loading msw)` : ""),
      inProcess
        ? `${x(speedup)} logins/s` + (baselineOnly ? "" : `, ${x(r.start / mocks.prism.start)} start time`) + ` vs Prism` + (baselineOnly ? "" : `; ${x(r.rps / floorOf(variant, mocks).rps)} of its floor`)
        : "",
      // The start goal is on what this package adds: MSW's own load time is the consumer's, paid for any MSW handler.
      r.failed
        ? `${r.failed} failed`
        : inProcess && !baselineOnly
          ? (speedup >= 20 && r.start - r.library < 50 ? "ok (>= 20x, < 50 ms)" : "MISSED (>= 20x, < 50 ms)") + reach(variant, mocks)
          : "",
    );
    if (r.failed) failed = true;
  }
}

// The whole journey (captcha, its check, the code, the login with the outbox's code) through createMockFetch with a
// createJourney(), against the same client calls over a stub answering each operation with a canned answer.
{
  const settings = JSON.stringify({ ...load, startRuns: smoke ? 1 : 5 });
  const script = new URL("./testing-journey.mjs", import.meta.url).pathname;
  const measured = JSON.parse(execFileSync(process.execPath, ["--expose-gc", script, settings], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }), (_, v) => (v === null ? NaN : v));
  const section = `in-process mock: the whole journey through the client, ${load.concurrency} concurrent, Node ${process.versions.node}`;
  const stub = measured["fetch stub, canned answer per operation (the client's own cost)"];
  for (const [variant, r] of Object.entries(measured)) {
    const reference = Number.isNaN(r.start);
    // The median of alternating rounds' ratios (see testing-journey.mjs), with its range.
    const ratio = reference ? r.rps / stub.rps : r.ratio.median;
    row(
      section,
      variant,
      `${Math.round(r.rps)} journeys/s` + (reference ? "" : `, first journey after ${r.start.toFixed(1)} ms`),
      reference ? "" : `${x(ratio)} journeys/s vs the stub (rounds ${x(r.ratio.low)}-${x(r.ratio.high)})`,
      r.failed ? `${r.failed} failed` : reference ? "" : ratio >= 0.7 && r.start < 50 ? "ok (>= 0.70x, < 50 ms)" : "MISSED (>= 0.70x, < 50 ms)",
    );
    if (r.failed) failed = true;
  }
}

const soaked = await soak({ concurrency: 50, durationMs: smoke ? 1_000 : 10_000 });
const early = soaked.memory.slice(1, 3);
const late = soaked.memory.slice(-2);
const avg = (a) => a.reduce((s, v) => s + v, 0) / Math.max(a.length, 1);
const growth = early.length && late.length ? avg(late) / avg(early) : 1;
row(
  "soak: 50 clients through the client",
  `${soaked.requests} logins`,
  `${Math.round(soaked.rps)} req/s, ${soaked.failed} errors, ${soaked.invalid} schema-invalid`,
  `Prism RSS ${avg(early).toFixed(0)} -> ${avg(late).toFixed(0)} MiB (${x(growth)})`,
  soaked.failed === 0 && soaked.invalid === 0 && growth < 1.25 ? "ok" : "MISSED",
);
if (soaked.failed || soaked.invalid) failed = true;

const installed = installedSizes();
row("installed for a consumer (node_modules)", "openapi-fetch alone", `${(installed["openapi-fetch alone"] / 1024).toFixed(0)} KiB`);
row(
  "installed for a consumer (node_modules)",
  "oneaccess-sms-login",
  `${(installed["oneaccess-sms-login"] / 1024).toFixed(0)} KiB`,
  `${x(installed["oneaccess-sms-login"] / installed["openapi-fetch alone"])} vs openapi-fetch`,
);
if (!quick) {
  const times = setupTimes();
  row("setup time (fresh copy, warm npm cache)", "npm ci", `${times["npm ci"].toFixed(1)} s`);
  row("setup time (fresh copy, warm npm cache)", "npm test", `${times["npm test"].toFixed(1)} s`, `${x(times["npm test"] / times["npm ci"])} vs npm ci`);
}

const widths = ["section", "variant", "value", "ratio", "goal"].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
console.log(line(["section", "variant", "value", "ratio", "goal"]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line([r.section, r.variant, r.value, r.ratio, r.goal]));
if (failed) {
  console.error("errors under load: see the table");
  process.exit(1);
}
