/**
 * What the benchmarks (catalog.bench.ts, requests.bench.ts) share: reading their numeric command-line
 * options and taking percentiles of timings.
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
