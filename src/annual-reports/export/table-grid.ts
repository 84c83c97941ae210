/**
 * One table of an annual report as a grid of placed cells, the common ground of the DOCX, PDF and
 * XLSX exports: every cell of the official layout (`formatLayouts`, RULES.md §3.3–3.5, §3.7) with
 * its grid row and column, its spans and its role, and every value cell with the format cell id
 * and number it shows. Placing the merged cells once here (with an occupancy grid, as a browser
 * does for rowspan/colspan) means the three writers cannot disagree on where a value goes.
 */
import { cellId } from '../../reports/format/report-format.ts';
import type { Cell } from '../../reports/model/structured-report.ts';
import { showCell } from '../../reports/render/finding-index.ts';
import type { LayoutCell, TableLayout } from '../../reports/render/table-layout.ts';

/**
 * What a grid cell is:
 * - `top`: a row of its own spanning the table (the 第二十条第（一）项 block title, or a caption);
 * - `header`: a column heading (or table 三's corner cell);
 * - `group`: a row label spanning several rows (三、本年度办理结果, （三）不予公开);
 * - `label`: a row label; `unit`: the 2014 统计表's 单位 cell;
 * - `heading`: a 2014 统计表 group heading (一、主动公开情况, then `——` as its unit and an empty value);
 * - `value`: a cell of the format, showing a number (or `/`, `—`, a 2014 text cell).
 */
export type GridCellKind = 'top' | 'header' | 'group' | 'label' | 'unit' | 'heading' | 'value';

/** One cell placed on the grid. Rows and columns are 0-based. */
export interface GridCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
  readonly kind: GridCellKind;
  /** The format cell id (`t3/new/natural`) of a `value` cell; null otherwise. */
  readonly cellId: string | null;
  /** The number of a `value` cell whose status is `number`; null otherwise. */
  readonly value: number | null;
}

/** A table laid out on a grid. */
export interface GridTable {
  /** The format table id, e.g. `t3`, `t2-1`, `stats`. */
  readonly id: string;
  /** The layout's caption, e.g. `表三 收到和处理政府信息公开申请情况`. */
  readonly caption: string;
  readonly columnCount: number;
  /** Columns before the values that hold labels or units. */
  readonly labelColumns: number;
  /** Rows at the top that are headings (the `top` row included): repeated on each page by DOCX. */
  readonly headerRows: number;
  /** The cells starting on each grid row, left to right. */
  readonly rows: readonly (readonly GridCell[])[];
  /** Relative column widths, summing to 1. */
  readonly widths: readonly number[];
  /** Tables with many columns (三, 四) are set a size smaller. */
  readonly dense: boolean;
}

/** Occupancy of the grid while cells are placed: which grid slots are taken. */
class Occupancy {
  private readonly taken: boolean[][] = [];
  constructor(private readonly columns: number) {}

  /** The first free column of `row` at or after `from`. */
  firstFree(row: number, from = 0): number {
    let col = from;
    while (col < this.columns && this.taken[row]?.[col] === true) col += 1;
    return col;
  }

  take(row: number, col: number, rowspan: number, colspan: number): void {
    for (let r = row; r < row + rowspan; r++) {
      const line = (this.taken[r] ??= []);
      for (let c = col; c < col + colspan; c++) line[c] = true;
    }
  }
}

/** The role of a layout label cell by its scope. */
function labelKind(cell: LayoutCell): GridCellKind {
  if (cell.scope === null) return 'unit';
  return cell.rowspan > 1 || cell.scope === 'rowgroup' ? 'group' : 'label';
}

/**
 * Relative column widths by table shape: table 三 gives its narrow group columns just the width of
 * （三）不予公开 so group labels stay on one line; table 四's fifteen value columns are equal; the
 * 统计表's long indicator names take most of the width; table 二 blocks share 30% / 70%.
 */
function columnWidths(layout: TableLayout): number[] {
  const n = layout.table.columns.length;
  const share = (total: number, count: number): number[] => Array.from({ length: count }, () => total / count);
  if (layout.table.id === 't3' && layout.labelColumns === 3) return [0.06, 0.165, 0.245, ...share(0.53, n)];
  if (layout.labelColumns === 0) return share(1, n);
  if (layout.table.sectionNumber === '' && layout.labelColumns === 2) return [0.66, 0.1, ...share(0.24, n)];
  if (layout.labelColumns === 1) return [0.3, ...share(0.7, n)];
  return [...share(0.4, layout.labelColumns), ...share(0.6, n)];
}

/**
 * Places a table's layout and values on a grid.
 * @param layout the official layout of the table (`formatLayouts(format)`)
 * @param cells the report's cells by id; a cell absent from the map shows `—` (missing)
 * @param top text of a row spanning the whole table above the header (the block title
 *   `第二十条第（一）项` of a table 二 block, or a caption), or null for none
 * @returns the grid; pure, never throws
 */
export function gridTable(layout: TableLayout, cells: ReadonlyMap<string, Cell>, top: string | null): GridTable {
  const { table } = layout;
  const columnCount = layout.labelColumns + table.columns.length;
  const occupancy = new Occupancy(columnCount);
  const rows: GridCell[][] = [];
  const place = (row: number, from: number, text: string, rowspan: number, colspan: number, kind: GridCellKind, id: string | null = null, value: number | null = null): number => {
    const col = occupancy.firstFree(row, from);
    const span = Math.max(1, Math.min(colspan, columnCount - col));
    occupancy.take(row, col, rowspan, span);
    (rows[row] ??= []).push({ text, row, col, rowspan, colspan: span, kind, cellId: id, value });
    return col + span;
  };
  let row = 0;
  if (top !== null) {
    place(row, 0, top, 1, columnCount, 'top');
    row += 1;
  }
  for (const headerRow of layout.header) {
    rows[row] ??= [];
    let col = 0;
    for (const c of headerRow) col = place(row, col, c.text, c.rowspan, c.colspan, 'header');
    row += 1;
  }
  const headerRows = row;
  for (const { row: format, labels, headings } of layout.rows) {
    for (const heading of headings ?? []) {
      rows[row] ??= [];
      let col = place(row, 0, heading, 1, 1, 'heading');
      col = place(row, col, '——', 1, Math.max(1, layout.labelColumns - 1), 'unit');
      place(row, col, '', 1, table.columns.length, 'heading');
      row += 1;
    }
    rows[row] ??= [];
    let col = 0;
    for (const label of labels) col = place(row, col, label.text, label.rowspan, label.colspan, labelKind(label));
    for (const column of table.columns) {
      const id = cellId(table.id, format.id, column.id);
      const cell = cells.get(id);
      const value = cell?.status === 'number' ? cell.value : null;
      place(row, layout.labelColumns + table.columns.indexOf(column), showCell(cell), 1, 1, 'value', id, value);
    }
    row += 1;
  }
  const dense = table.columns.length >= 7;
  return { id: table.id, caption: layout.caption, columnCount, labelColumns: layout.labelColumns, headerRows, rows, widths: columnWidths(layout), dense };
}

/** The block title of a table 二 block (`第二十条第（一）项`), or null for other tables. */
export function blockTitle(layout: TableLayout): string | null {
  if (layout.table.blockKey === undefined) return null;
  return layout.table.title.split('·')[1] ?? null;
}

/**
 * The cell covering grid slot (`row`, `col`): the cell starting there or a merged cell spanning
 * over it; undefined for an empty slot.
 */
export function cellAt(grid: GridTable, row: number, col: number): GridCell | undefined {
  for (let r = row; r >= 0; r--) {
    for (const cell of grid.rows[r] ?? []) {
      if (cell.col <= col && col < cell.col + cell.colspan && cell.row + cell.rowspan > row) return cell;
    }
  }
  return undefined;
}
