// Reads one PDF report in a fresh process and prints the process's peak resident memory.
import { readFileSync } from 'node:fs';
import { readReport } from '../src/reports/reader/read-report.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: pdf-peak-memory.ts FILE.pdf');
const before = process.resourceUsage().maxRSS;
const report = await readReport(new Uint8Array(readFileSync(path)), { fileName: path });
const after = process.resourceUsage().maxRSS;
console.log(`${(after / 1024).toFixed(0)} MB max RSS (${(before / 1024).toFixed(0)} MB before reading; ${report.cells.length} cells)`);
