/**
 * What the benchmarks (catalog.bench.ts, requests.bench.ts, reports.bench.ts) share: reading their
 * numeric command-line options, timing repeated calls and taking percentiles of timings.
 */

/**
 * The number after `--name` on the command line, or `fallback` when the option is absent.
 * @throws Error when the value is not a finite number ≥ 0
 */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}

/**
 * The `p`th percentile (0–100, nearest rank rounded down) of timings already sorted ascending, in
 * their unit (ms); NaN for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Times `runs` calls of `work` after one untimed warm-up call.
 * @returns p50, p95 and the slowest call in ms, and the last call's result
 */
export async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ p50: number; p95: number; max: number; last: T }> {
  let last = await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    last = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN, last };
}
