import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain "vitest: N passed, N failed, N skipped" line that CI systems read. Before it, one line per
 * reason a test was skipped with a note (context.skip(note), e.g. no browser here), naming the files, so a skip is said.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const notes = new Map<string, Set<string>>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === "passed") counts.passed++;
        else if (result.state === "failed") counts.failed++;
        else {
          counts.skipped++;
          const note = result.state === "skipped" ? result.note : undefined;
          if (note) notes.set(note, (notes.get(note) ?? new Set()).add(relative(process.cwd(), module.moduleId)));
        }
      }
      // A file that failed to load has no tests but must not read as a pass.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    for (const [note, files] of notes) process.stdout.write(`skipped in ${[...files].join(", ")}: ${note}\n`);
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
