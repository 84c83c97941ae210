// The measured loop of the benchmark, in plain JavaScript over the compiled code in dist/ (what
// the CLI runs), so it can run in worker threads: reads and checks the text fixtures round-robin.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkReport } from '../dist/reports/checker/check-report.js';
import { readReport } from '../dist/reports/reader/read-report.js';

const fixtures = new URL('../test/fixtures/reports/', import.meta.url);
const inputs = ['wuzhong-2017.txt', 'pingtan-2020.txt'].map((name) => ({ name, bytes: readFileSync(new URL(name, fixtures)) }));

/** Reads and checks the text fixtures alternately for `ms` milliseconds; returns how many were done. */
export async function readCheckLoop(ms) {
  let done = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const input = inputs[done % inputs.length];
    checkReport(await readReport(input.bytes, { fileName: input.name }));
    done++;
  }
  return done;
}

if (parentPort && workerData?.ms) {
  await readCheckLoop(500);
  parentPort.postMessage(await readCheckLoop(workerData.ms));
}
