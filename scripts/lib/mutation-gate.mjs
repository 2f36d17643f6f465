// How CI's incremental mutation run (`npm run mutate:ci`, scripts/mutate.mjs --ci) decides, per scope. The verdict
// depends on the commit, not on the machine's speed: Stryker's incremental diff says how many mutants the committed
// baseline leaves to test, and more than CI tests is a failure at once (the change must bring its re-recorded
// baseline). The time budget is only a net against a hang or a far slower machine, and is a failure too: a mutant left
// untested is never reported as passing.

/** Mutants an incremental Stryker run will test, from its log line "Result: 444 of 1010 mutant result(s) are reused."; undefined for any other line. */
export function mutantsToTest(line) {
  const match = /Result:\s+(\d+) of (\d+) mutant result\(s\) are reused/.exec(line);
  return match ? Number(match[2]) - Number(match[1]) : undefined;
}

/** Copies `stream` to `out` unchanged and calls `found` with the count once a whole line of it says it. */
export function watchLog(stream, out, found) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    out.write(chunk);
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    for (const line of lines) {
      const count = mutantsToTest(line);
      if (count !== undefined) found(count);
    }
  });
}

/**
 * Why a CI run of `scope` fails, or undefined when it goes on to the per-file goals. `toTest` is the count from
 * Stryker's log (undefined when it never said), `maxMutants` what CI tests, `overBudget` whether the budget's net
 * stopped it, `code` Stryker's exit code.
 */
export function ciFailure(scope, { toTest, maxMutants, overBudget, code, budgetS, baseline }) {
  const record = `run npm run mutate:update (incremental, no limit) and commit ${baseline}`;
  if (toTest !== undefined && toTest > maxMutants) {
    return `mutate: the ${scope} baseline leaves ${toTest} mutants to test, more than CI tests (${maxMutants}, MUTATE_CI_MAX_MUTANTS): ${record}`;
  }
  if (overBudget) {
    const left = toTest === undefined ? "its mutants" : `${toTest} mutants`;
    return (
      `mutate: Stryker ${scope} ran past CI's budget (MUTATE_CI_BUDGET_S=${budgetS}) before ${left} were tested; untested mutants ` +
      `are not a pass. A slow machine: raise MUTATE_CI_BUDGET_S; a hang: see the log above; or ${record}`
    );
  }
  if (code !== 0) return `mutate: Stryker ${scope} failed (exit code ${code})`;
  return undefined;
}

/**
 * The incremental file Stryker reads and rewrites for a run of `mode` on `scope`: the committed baseline for full and
 * --update runs, which re-record it; a copy under .tmp/ for CI, so that a clean tree stays clean after CI.
 */
export function incrementalFile(mode, scope) {
  return mode === "ci" ? `.tmp/mutate-ci/stryker-incremental-${scope}.json` : `reports/stryker-incremental-${scope}.json`;
}
