/**
 * Per-format lookups the checker and the renderers need on every report: cell formats by id,
 * identities grouped by table, claim mappings by id, and the printed names of tables and cells.
 * Built once per format and cached (the formats are constants), so checking a report costs map
 * look-ups, not scans of the format (performance goal ≥ 200 reports/s).
 */
import { cellId } from '../format/report-format.ts';
import type { ClaimMapping, ColumnFormat, Identity, ReportFormat, RowFormat, TableFormat, Unit, ValueType } from '../format/report-format.ts';

/** A cell of a format with everything needed to judge and name it. */
export interface CellInfo {
  /** `table/row/column`. */
  readonly id: string;
  readonly table: TableFormat;
  readonly row: RowFormat;
  readonly column: ColumnFormat;
  /** The row's value type when it overrides the column's (2014 text and 万元 rows), else the column's. */
  readonly valueType: ValueType;
  /** The row's unit for single-column tables (2014), else the column's. */
  readonly unit: Unit;
  /** Printed name of the cell inside its table: `row · column`, or only one of them where the other says nothing. */
  readonly label: string;
}

/** The precomputed look-ups of one format. */
export interface FormatIndex {
  readonly format: ReportFormat;
  /** Every cell of the format by id, in format order (Map iteration order). */
  readonly cells: ReadonlyMap<string, CellInfo>;
  /** Tables by id. */
  readonly tables: ReadonlyMap<string, TableFormat>;
  /** Identities grouped by the table of their first cell, tables in format order. */
  readonly identitiesByTable: ReadonlyMap<string, readonly Identity[]>;
  /** Claim mappings by id. */
  readonly mappings: ReadonlyMap<string, ClaimMapping>;
  /** Position of each section id in the format's section list. */
  readonly sectionOrder: ReadonlyMap<string, number>;
}

const CACHE = new WeakMap<ReportFormat, FormatIndex>();

/**
 * The look-ups of `format`, built on first use and cached per format object.
 * @param format one of the formats of `formats.ts` (or any format of the same shape)
 */
export function formatIndex(format: ReportFormat): FormatIndex {
  const cached = CACHE.get(format);
  if (cached) return cached;
  const cells = new Map<string, CellInfo>();
  const tables = new Map<string, TableFormat>();
  for (const table of format.tables) {
    tables.set(table.id, table);
    for (const row of table.rows) {
      for (const column of table.columns) {
        const id = cellId(table.id, row.id, column.id);
        cells.set(id, {
          id,
          table,
          row,
          column,
          valueType: row.valueType ?? column.valueType,
          unit: row.unit ?? column.unit,
          label: cellLabelIn(table, row, column),
        });
      }
    }
  }
  const identitiesByTable = new Map<string, Identity[]>();
  for (const table of format.tables) identitiesByTable.set(table.id, []);
  for (const identity of format.identities) {
    const first = identity.left[0] ?? identity.right[0] ?? '';
    const tableId = first.split('/')[0] ?? '';
    const list = identitiesByTable.get(tableId);
    if (list) list.push(identity);
    else identitiesByTable.set(tableId, [identity]);
  }
  const index: FormatIndex = {
    format,
    cells,
    tables,
    identitiesByTable,
    mappings: new Map(format.claimMappings.map((m) => [m.id, m])),
    sectionOrder: new Map(format.sections.map((s, i) => [s.id, i])),
  };
  CACHE.set(format, index);
  return index;
}

/** The printed name of a cell inside its table (row label, column label, or both). */
function cellLabelIn(table: TableFormat, row: RowFormat, column: ColumnFormat): string {
  if (table.columns.length === 1 && table.rows.length > 1) return row.label;
  if (row.key === '') return column.label;
  return `${row.label}·${column.label}`;
}

const ARABIC: Readonly<Record<string, string>> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * The printed name of a table, e.g. `{ zh: '表三', en: 'table 3' }`, `{ zh: '表二（第二十条第（一）项）',
 * en: 'table 2 (art. 20 item 1)' }`, `{ zh: '统计表', en: 'statistics table' }`.
 */
export function tableName(table: TableFormat): { zh: string; en: string } {
  let name = NAMES.get(table);
  if (!name) {
    name = computeTableName(table);
    NAMES.set(table, name);
  }
  return name;
}

const NAMES = new WeakMap<TableFormat, { zh: string; en: string }>();

function computeTableName(table: TableFormat): { zh: string; en: string } {
  if (table.sectionNumber === '') return { zh: '统计表', en: 'statistics table' };
  const arabic = ARABIC[table.sectionNumber] ?? table.sectionNumber;
  const block = table.title.split('·')[1];
  if (block !== undefined) {
    const item = /^t\d+-(\d+)$/.exec(table.id)?.[1];
    return { zh: `表${table.sectionNumber}（${block}）`, en: `table ${arabic} (art. 20 item ${item ?? table.id})` };
  }
  return { zh: `表${table.sectionNumber}`, en: `table ${arabic}` };
}
