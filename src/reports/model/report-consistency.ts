/**
 * What a structured report must satisfy beyond its JSON Schema before the checker may trust it:
 * the cells are exactly those of its format, each once, and a cell's status agrees with its value.
 * The reader always produces consistent reports; this guards JSON written or edited by hand.
 */
import { formatIndex } from '../checker/format-index.ts';
import { getFormat } from '../format/formats.ts';
import type { StructuredReport } from './structured-report.ts';

/**
 * The inconsistencies of `report`, as English sentences naming the offending cell ids; empty when
 * consistent. Never throws.
 */
export function reportConsistencyIssues(report: StructuredReport): string[] {
  const issues: string[] = [];
  const expected = formatIndex(getFormat(report.format.id)).cells;
  const seen = new Set<string>();
  for (const cell of report.cells) {
    if (!expected.has(cell.id)) issues.push(`cell ${cell.id} is not a cell of format ${report.format.id}`);
    else if (seen.has(cell.id)) issues.push(`cell ${cell.id} appears more than once`);
    seen.add(cell.id);
    if (cell.id !== `${cell.table}/${cell.row}/${cell.column}`) issues.push(`cell ${cell.id} does not match its table/row/column`);
    if (cell.status === 'number' && (cell.value === null || !Number.isFinite(cell.value))) issues.push(`cell ${cell.id} has status number but no value`);
    if (cell.status !== 'number' && cell.value !== null) issues.push(`cell ${cell.id} has status ${cell.status} but a value`);
  }
  const missing = [...expected.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) issues.push(`${missing.length} cell(s) of format ${report.format.id} are absent, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (report.year !== null && (report.year < 1990 || report.year > 2100)) issues.push(`year ${report.year} is not a plausible report year`);
  return issues;
}
