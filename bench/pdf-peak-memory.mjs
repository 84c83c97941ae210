// Reads one PDF report in a fresh process (compiled code) and prints the process's peak resident memory.
import { readFileSync } from 'node:fs';
import { readReport } from '../dist/reports/reader/read-report.js';

const path = process.argv[2];
if (!path) throw new Error('usage: pdf-peak-memory.mjs FILE.pdf');
const baseline = process.resourceUsage().maxRSS;
const report = await readReport(new Uint8Array(readFileSync(path)), { fileName: path });
const peak = process.resourceUsage().maxRSS;
console.log(`${(peak / 1024).toFixed(0)} MB max RSS (${(baseline / 1024).toFixed(0)} MB before reading; ${report.cells.length} cells read)`);
