// Timing helpers shared by the benchmarks: interleaved rounds so every variant sees the same machine state.

/** Runs fn n times (awaiting each) and returns nanoseconds per call. */
async function timeOnce(fn, n) {
  // Starts from a collected heap (when node runs with --expose-gc), so one variant's garbage is not collected on the
  // next one's time.
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / n;
}

/**
 * Measures variants { name: fn } in interleaved rounds after a warm-up. Returns { name: { median, low, high } }: the
 * median ns per call, and the lowest and highest ratio of a round's time to the same round's `baseline` time, so the
 * table can show how far the ratio moves between rounds. Interleaving keeps a background hiccup from landing on one
 * variant only.
 */
export async function compare(variants, { iterations, baseline, rounds = 9, warmup = Math.ceil(iterations / 5) }) {
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const fn of Object.values(variants)) await timeOnce(fn, warmup);
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(variants)) samples[name].push(await timeOnce(fn, iterations));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, times]) => {
      const ratios = times.map((t, r) => t / samples[baseline][r]);
      return [name, { median: median(times), low: Math.min(...ratios), high: Math.max(...ratios) }];
    }),
  );
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0..100) of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
