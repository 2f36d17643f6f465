import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { ciFailure, mutantsToTest, watchLog } from "../../scripts/lib/mutation-gate.mjs";

// CI's mutation step (npm run mutate:ci) passes or fails on what the commit is, not on how busy the machine is: the
// count of mutants the committed baseline leaves to test decides, and the time budget is only a net, which fails too.

// Stryker 10.1.1's incremental diff, as it logs it (log4js colours included).
const STRYKER_LOG = [
  "\u001b[32m15:53:29 (22244) INFO IncrementalDiffer\u001b[39m Incremental report:",
  "\tMutants:\t0 files changed (+0 -0)",
  "\tTests:\t\t1 files changed (+1 -1)",
  "\tResult:\t\t444 of 1010 mutant result(s) are reused.",
  "Mutation testing 0% (elapsed: <1m, remaining: ~20m) 4/566 tested (0 survived, 0 timed out)",
].join("\n");

const RUN = { maxMutants: 20, budgetS: 180, baseline: "reports/stryker-incremental-client.json", overBudget: false, code: 0 };

describe("mutate:ci reads how many mutants Stryker's incremental diff left to test", () => {
  test("from the Result line of Stryker's log, and from no other line", () => {
    expect(STRYKER_LOG.split("\n").map(mutantsToTest)).toEqual([undefined, undefined, undefined, 566, undefined]);
    expect(mutantsToTest("\tResult:\t\t1010 of 1010 mutant result(s) are reused.")).toBe(0);
  });

  test("while passing Stryker's output through unchanged, however it is cut into chunks", async () => {
    const stream = new PassThrough();
    const out = new PassThrough();
    let copied = "";
    out.on("data", (chunk: Buffer) => (copied += chunk.toString()));
    const found: number[] = [];
    watchLog(stream, out, (count: number) => found.push(count));
    for (let i = 0; i < STRYKER_LOG.length; i += 7) stream.write(STRYKER_LOG.slice(i, i + 7));
    stream.end("\n");
    await new Promise((resolve) => stream.on("end", resolve));
    expect(found).toEqual([566]);
    expect(copied).toBe(STRYKER_LOG + "\n");
  });
});

describe("mutate:ci's verdict for one scope", () => {
  test("a current baseline (nothing, or no more than CI tests, left to test) that Stryker ran through goes on to the goals", () => {
    expect(ciFailure("client", { ...RUN, toTest: 0 })).toBeUndefined();
    expect(ciFailure("client", { ...RUN, toTest: 20 })).toBeUndefined();
  });

  test("more mutants to test than CI tests fails at once, naming the count and how to re-record the baseline", () => {
    // Stryker is interrupted as soon as it says so: its exit code and the budget do not change the verdict.
    const failure = ciFailure("client", { ...RUN, toTest: 21, code: 130 });
    expect(failure).toMatch(/the client baseline leaves 21 mutants to test, more than CI tests \(20, MUTATE_CI_MAX_MUTANTS\)/);
    expect(failure).toContain("npm run mutate:update");
    expect(failure).toContain("reports/stryker-incremental-client.json");
  });

  test("running past the budget fails, never passes with mutants untested", () => {
    expect(ciFailure("mock", { ...RUN, toTest: 5, overBudget: true, code: 130 })).toMatch(
      /^mutate: Stryker mock ran past CI's budget \(MUTATE_CI_BUDGET_S=180\) before 5 mutants were tested; untested mutants are not a pass/,
    );
    // Even when Stryker had exited 0 by the time the net fired.
    expect(ciFailure("mock", { ...RUN, toTest: undefined, overBudget: true, code: 0 })).toMatch(/before its mutants were tested/);
  });

  test("a Stryker that failed otherwise (its dry run, say) fails with its exit code", () => {
    expect(ciFailure("mock", { ...RUN, toTest: undefined, code: 1 })).toBe("mutate: Stryker mock failed (exit code 1)");
  });
});
