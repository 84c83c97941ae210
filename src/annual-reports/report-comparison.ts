/**
 * A published report read from its file next to the report computed from gongkai's records for the
 * same organization, year and format (issue 6: the demo's 2017 table computed from records shown
 * next to the real 吴忠市 2017 report). Pure: cell by cell, in format order.
 */
import { formatCells, getFormat } from '../reports/format/formats.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { cellLabel } from '../reports/render/finding-index.ts';

/** One cell of the comparison. */
export interface ComparedCell {
  /** Cell id, `table/row/column`. */
  id: string;
  /** How reports name the cell, e.g. `统计表“收到申请数”`. */
  label: string;
  /** The value the reader read from the published file; null when it read none. */
  published: number | null;
  /** The value computed from the records; null when the cell is not a number. */
  computed: number | null;
  /** Both are numbers and equal. */
  agrees: boolean;
}

/** The comparison of two reports of one format. */
export interface ReportComparison {
  formatId: FormatId;
  cells: ComparedCell[];
  /** Cells where the published number differs from the computed one (or nothing was computed). */
  differing: number;
  /** Cells the reader read no number for. */
  unread: number;
}

/**
 * Compares a report read from a published file with one computed from records, cell by cell.
 * Text cells are left out (the office writes them).
 * @param formatId the format both are in (the imported report's)
 * @returns every numeric cell of the format with both values, and the counts of differences
 */
export function compareReports(published: StructuredReport, computed: StructuredReport, formatId: FormatId): ReportComparison {
  const format = getFormat(formatId);
  const valueOf = (report: StructuredReport): Map<string, number | null> => new Map(report.cells.map((c) => [c.id, typeof c.value === 'number' ? c.value : null]));
  const left = valueOf(published);
  const right = valueOf(computed);
  const text = new Set(format.tables.flatMap((t) => t.rows.filter((r) => r.valueType === 'text').map((r) => `${t.id}/${r.id}/`)));
  const cells: ComparedCell[] = [];
  let differing = 0;
  let unread = 0;
  for (const { id } of formatCells(format)) {
    if ([...text].some((prefix) => id.startsWith(prefix))) continue;
    const a = left.get(id) ?? null;
    const b = right.get(id) ?? null;
    const agrees = a !== null && b !== null && a === b;
    if (a === null) unread += 1;
    else if (!agrees) differing += 1;
    cells.push({ id, label: cellLabel(format, id), published: a, computed: b, agrees });
  }
  return { formatId, cells, differing, unread };
}
