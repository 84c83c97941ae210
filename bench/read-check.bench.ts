// Benchmark of the report reader and checker (npm run bench). Prints figures; asserts nothing.
//  1. Text reports read + checked per second, on one thread and on one worker per core.
//  2. PDF reading time next to `pdftotext -layout` on the same file.
//  3. Peak memory (max RSS) of a process that reads the 6-page PDF.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkReport } from '../src/reports/checker/check-report.ts';
import { loadPdf } from '../src/reports/reader/load-pdf.ts';
import { readReport } from '../src/reports/reader/read-report.ts';

const fixtures = new URL('../test/fixtures/reports/', import.meta.url);
const textFiles = ['wuzhong-2017.txt', 'pingtan-2020.txt'];
const pdfFile = new URL('huaian-2024.pdf', fixtures).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

/** Reads and checks the text fixtures round-robin for `ms` milliseconds; returns reports done. */
async function readCheckLoop(ms: number): Promise<number> {
  const inputs = textFiles.map((name) => ({ name, bytes: readFileSync(new URL(name, fixtures)) }));
  let done = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const input = inputs[done % inputs.length]!;
    checkReport(await readReport(input.bytes, { fileName: input.name }));
    done++;
  }
  return done;
}

if (process.env.BENCH_WORKER === '1') {
  // Worker mode: warm up, run, post the count.
  await readCheckLoop(300);
  const { parentPort } = await import('node:worker_threads');
  parentPort?.postMessage(await readCheckLoop(seconds * 1000));
} else {
  const cores = availableParallelism();
  console.log(`machine: ${cores} cores, node ${process.version}; each figure over ${seconds} s`);

  await readCheckLoop(500);
  const single = await readCheckLoop(seconds * 1000);
  console.log(`text reports read+checked, 1 thread:        ${(single / seconds).toFixed(0)} reports/s (${((seconds * 1000) / single).toFixed(2)} ms each; wuzhong-2017.txt and pingtan-2020.txt alternately)`);

  const counts = await Promise.all(
    Array.from({ length: cores }, () =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { env: { ...process.env, BENCH_WORKER: '1' }, execArgv: ['--import', 'tsx'] });
        worker.once('message', (n: number) => {
          resolve(n);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
    ),
  );
  const total = counts.reduce((a, b) => a + b, 0);
  console.log(`text reports read+checked, ${cores} worker threads: ${(total / seconds).toFixed(0)} reports/s (goal ≥ 200/s on 2 cores)`);

  const pdfBytes = readFileSync(pdfFile);
  await loadPdf(new Uint8Array(pdfBytes));
  const runs = 10;
  let t = performance.now();
  for (let i = 0; i < runs; i++) await loadPdf(new Uint8Array(pdfBytes));
  const pdfjsMs = (performance.now() - t) / runs;
  t = performance.now();
  for (let i = 0; i < runs; i++) await readReport(new Uint8Array(pdfBytes), { fileName: 'huaian-2024.pdf' });
  const readMs = (performance.now() - t) / runs;
  let popplerMs = Number.NaN;
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    t = performance.now();
    for (let i = 0; i < runs; i++) execFileSync('pdftotext', ['-layout', pdfFile, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    popplerMs = (performance.now() - t) / runs;
  } catch {
    console.log('pdftotext not installed (apt-get install poppler-utils): no comparison');
  }
  console.log(`PDF huaian-2024.pdf (6 pages), mean of ${runs}, warm process:`);
  console.log(`  pdftotext -layout (new process each):  ${popplerMs.toFixed(1)} ms`);
  console.log(`  gongkai text layer with positions:     ${pdfjsMs.toFixed(1)} ms  (${(pdfjsMs / popplerMs).toFixed(2)}× pdftotext; goal ≤ 2×)`);
  console.log(`  gongkai full read (layer + tables + claims): ${readMs.toFixed(1)} ms`);

  const child = spawnSync(process.execPath, ['--import', 'tsx', new URL('./pdf-peak-memory.ts', import.meta.url).pathname, pdfFile], { encoding: 'utf8' });
  console.log(`  peak memory of a process reading it once: ${child.stdout.trim() || child.stderr.trim()}`);
}
