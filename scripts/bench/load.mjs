// A bounded closed-loop load generator on loopback: `concurrency` workers send back-to-back requests until the
// deadline, recording latency and checking every answer.
import { percentile } from "./measure.mjs";

/**
 * Runs `send` (async, resolves to an error string or undefined) from `concurrency` workers for `durationMs`.
 * Returns counts, requests/s and latency percentiles in milliseconds.
 */
export async function runLoad({ send, concurrency, durationMs, onTick }) {
  const latencies = [];
  const failures = new Map();
  let sent = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const ticker = onTick ? setInterval(onTick, 1000) : undefined;
  async function worker() {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      let problem;
      try {
        problem = await send();
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      latencies.push(performance.now() - t0);
      sent++;
      if (problem) failures.set(problem, (failures.get(problem) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (ticker) clearInterval(ticker);
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: sent,
    failed: [...failures.values()].reduce((a, b) => a + b, 0),
    failures: Object.fromEntries(failures),
    rps: sent / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export async function rssMiB(pid) {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}
