/**
 * The registry of national report formats and the rule that picks one for a report year
 * (RULES.md §3.1, rule V12).
 */
import { GongkaiError } from '../../shared/errors.ts';
import { FORMAT_2014 } from './format-2014.ts';
import { FORMAT_2019 } from './format-2019.ts';
import { FORMAT_2021 } from './format-2021.ts';
import { cellId } from './report-format.ts';
import type { FormatId, ReportFormat } from './report-format.ts';

/** Every format, by id. */
const FORMATS: Readonly<Record<FormatId, ReportFormat>> = {
  '2014': FORMAT_2014,
  '2019': FORMAT_2019,
  '2021': FORMAT_2021,
};

/**
 * The format with the given id.
 * @throws GongkaiError `FORMAT_UNKNOWN` for any other id
 */
export function getFormat(id: string): ReportFormat {
  if (id === '2014' || id === '2019' || id === '2021') return FORMATS[id];
  throw new GongkaiError('FORMAT_UNKNOWN', `"${id}" (known: 2014, 2019, 2021)`);
}

/**
 * The format a report on `year` must use: ≤ 2018 → 2014 统计表; 2019–2020 → 60号; ≥ 2021 → 30号.
 * Years before 2014 had no national table and get null (RULES.md §3.1).
 */
export function formatForYear(year: number): ReportFormat | null {
  for (const format of [FORMAT_2021, FORMAT_2019, FORMAT_2014]) {
    if (year >= format.reportYears.from && (format.reportYears.to === null || year <= format.reportYears.to)) return format;
  }
  return null;
}

/** All cells of a format, in format order: `{ id, table, row, column }` (ids as {@link cellId} makes them). */
export function formatCells(format: ReportFormat): { id: string; table: string; row: string; column: string }[] {
  const cells: { id: string; table: string; row: string; column: string }[] = [];
  for (const table of format.tables) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        cells.push({ id: cellId(table.id, row.id, column.id), table: table.id, row: row.id, column: column.id });
      }
    }
  }
  return cells;
}
