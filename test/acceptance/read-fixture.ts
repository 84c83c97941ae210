// Shared by the acceptance tests: reads a real report fixture once per test file.
import { readFileSync } from 'node:fs';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { readReport } from '../../src/reports/reader/read-report.ts';

/** Absolute path of a fixture under test/fixtures/. */
export function fixturePath(relative: string): string {
  return new URL(`../fixtures/${relative}`, import.meta.url).pathname;
}

/** Reads a report fixture (test/fixtures/reports/NAME) into a structured report. */
export async function readFixture(name: string): Promise<StructuredReport> {
  return readReport(new Uint8Array(readFileSync(fixturePath(`reports/${name}`))), { fileName: name });
}

/** The value of cell `id` (null unless it was read as a number). */
export function cellValue(report: StructuredReport, id: string): number | null {
  const cell = report.cells.find((c) => c.id === id);
  if (!cell) throw new Error(`no cell ${id}`);
  return cell.status === 'number' ? cell.value : null;
}

/** The values of one row of a table, in column order. */
export function rowValues(report: StructuredReport, table: string, row: string): (number | null)[] {
  return report.cells.filter((c) => c.table === table && c.row === row).map((c) => (c.status === 'number' ? c.value : null));
}
