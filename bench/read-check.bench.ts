// Benchmark of the report reader and checker (npm run bench; builds dist/ first). Prints figures,
// asserts nothing. Measures the compiled code in dist/, which is what the CLI runs.
//  1. Text reports read + checked per second, on one thread and on one worker thread per core.
//  2. PDF reading next to `pdftotext -layout` on the same file: in a warm process, and as a
//     fresh command (`node bin/gongkai.js read` against `pdftotext`), as a user runs them.
//  3. Peak memory (max RSS) of a process that reads the 6-page PDF once.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as LoadPdf from '../src/reports/reader/load-pdf.ts';
import type * as ReadReport from '../src/reports/reader/read-report.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const root = new URL('..', import.meta.url).pathname;
const pdfFile = `${root}test/fixtures/reports/huaian-2024.pdf`;
const { readCheckLoop } = (await import(`${root}bench/read-check-loop.mjs`)) as { readCheckLoop: (ms: number) => Promise<number> };
const { loadPdf } = (await import(`${root}dist/reports/reader/load-pdf.js`)) as typeof LoadPdf;
const { readReport } = (await import(`${root}dist/reports/reader/read-report.js`)) as typeof ReadReport;

/** Mean wall time in ms of `runs` calls of `fn`. */
async function meanMs(runs: number, fn: () => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

const cores = availableParallelism();
console.log(`machine: ${cores} cores, node ${process.version}, load average ${loadavg()[0]?.toFixed(2)}; throughput figures over ${seconds} s`);

await readCheckLoop(500);
const single = await readCheckLoop(seconds * 1000);
console.log(`text reports read+checked, 1 thread:  ${(single / seconds).toFixed(0)} reports/s (${((seconds * 1000) / single).toFixed(2)} ms each; wuzhong-2017.txt and pingtan-2020.txt alternately)`);

const counts = await Promise.all(
  Array.from(
    { length: cores },
    () =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(`${root}bench/read-check-loop.mjs`, { workerData: { ms: seconds * 1000 } });
        worker.once('message', (n: number) => {
          resolve(n);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
  ),
);
const total = counts.reduce((a, b) => a + b, 0);
console.log(`text reports read+checked, ${cores} threads: ${(total / seconds).toFixed(0)} reports/s (goal ≥ 200/s on 2 cores)`);

const pdfBytes = readFileSync(pdfFile);
await loadPdf(new Uint8Array(pdfBytes));
const runs = 10;
const layerMs = await meanMs(runs, () => loadPdf(new Uint8Array(pdfBytes)));
const readMs = await meanMs(runs, () => readReport(new Uint8Array(pdfBytes), { fileName: 'huaian-2024.pdf' }));
let popplerMs = Number.NaN;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  popplerMs = await meanMs(runs, () => execFileSync('pdftotext', ['-layout', pdfFile, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }));
} catch {
  console.log('pdftotext not installed (apt-get install poppler-utils): no comparison');
}
const cliMs = await meanMs(5, () => spawnSync(process.execPath, [`${root}bin/gongkai.js`, 'read', pdfFile, '--json'], { stdio: 'ignore' }));
const pages = (await loadPdf(new Uint8Array(pdfBytes))).pageCount ?? 0;
console.log(`PDF huaian-2024.pdf (${pages} pages, ${(pdfBytes.length / 1024).toFixed(0)} KiB), means:`);
console.log(`  pdftotext -layout, a process each:             ${popplerMs.toFixed(1)} ms`);
console.log(`  gongkai text layer with positions, warm:       ${layerMs.toFixed(1)} ms (${(layerMs / popplerMs).toFixed(2)}× pdftotext; goal ≤ 2×)`);
console.log(`  gongkai full read (layer, tables, claims), warm: ${readMs.toFixed(1)} ms`);
console.log(`  gongkai read as a command (node bin/gongkai.js read --json): ${cliMs.toFixed(0)} ms (${(cliMs / popplerMs).toFixed(1)}× pdftotext)`);

const child = spawnSync(process.execPath, [`${root}bench/pdf-peak-memory.mjs`, pdfFile], { encoding: 'utf8' });
console.log(`  peak memory of a process reading it once: ${child.stdout.trim() || child.stderr.trim()}`);
