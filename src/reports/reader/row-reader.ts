/**
 * Reads the values of one located table row: from its value region to one outcome per column,
 * or to a split that is still ambiguous, or to numbers that need x positions to be placed.
 *
 * No function of this module throws: every input, however malformed, gives a result.
 */
import type { CellStatus } from '../model/structured-report.ts';
import type { DocumentText } from './document-text.ts';
import { lineIndexAt } from './document-text.ts';
import { satisfiesAll, splitRow } from './number-splitter.ts';
import type { SplitPart } from './number-splitter.ts';
import type { LocatedTable } from './table-locator.ts';
import type { CompactView } from './table-region.ts';
import { toOriginal, toOriginalEnd } from './table-region.ts';
import { gridItems, maskRegion, textCell, tokenItems } from './value-tokens.ts';
import type { ValueItem } from './value-tokens.ts';

/** One cell as read, before it becomes a {@link Cell} (offset instead of position). */
export interface CellOut {
  status: CellStatus;
  value: number | null;
  raw: string;
  /** Offset in the document text of the printed value, or null. */
  offset: number | null;
  recovered?: true;
  candidates?: number[];
}

/** A note about a row, before positions are resolved. */
export interface RowNote {
  code: string;
  message: string;
  offset: number | null;
}

/**
 * What reading a row gave.
 * - `cells`: one outcome per column (also for missing and text rows);
 * - `ambiguous`: candidate splits (possibly none) of a flattened run;
 * - `placed`: numbers fewer than columns, to be placed by x position (`items`), or split when the
 *   table has no complete row to learn the columns from;
 * - `grid`: more grid cells than columns, to be chosen by the cell where the table's values start.
 */
export type RowRead =
  | { kind: 'cells'; cells: CellOut[]; items: ValueItem[] }
  | { kind: 'ambiguous'; candidates: (readonly SplitPart[])[]; truncated: boolean; raw: string; offset: number | null; items: ValueItem[] }
  | { kind: 'placed'; items: ValueItem[] }
  | { kind: 'grid'; items: ValueItem[] };

/** The value region of row `i`: `[start, end)` document offsets, and the next row's enumerator. */
function valueRegion(dt: DocumentText, view: CompactView, located: LocatedTable, i: number): { start: number; end: number; enumerator: string | null } | null {
  const m = located.rows[i];
  if (!m) return null;
  const stop = located.valueEnds[i] ?? m.end;
  let enumerator: string | null = null;
  located.rows.forEach((next, j) => {
    if (j > i && next && next.start === stop && enumerator === null) enumerator = located.compiled.rows[j]?.enumerator ?? null;
  });
  const start = toOriginalEnd(view, m.end);
  let end = Math.max(start, toOriginal(view, stop));
  const isLast = !located.rows.slice(i + 1).some((r) => r !== null);
  if (located.openEnded && isLast) {
    // Nothing bounds the last row of a table at the end of the text: its values are on the line
    // of its first value (a date or signature may follow).
    const first = tokenItems(maskRegion(dt.text.slice(start, end), null), start)[0];
    const lineEnd = first ? dt.text.indexOf('\n', first.offset) : -1;
    if (lineEnd >= 0 && lineEnd < end) end = lineEnd;
  }
  return { start, end, enumerator };
}

/** A cell outcome for a single value item. */
export function itemCell(item: ValueItem): CellOut {
  if (item.kind === 'number') return { status: 'number', value: item.value ?? Number(item.raw), raw: item.raw, offset: item.offset };
  if (item.kind === 'na') return { status: 'na', value: null, raw: item.raw, offset: item.offset };
  return { status: 'blank', value: null, raw: '', offset: item.offset };
}

/** `n` cells of one status. */
export function uniformCells(n: number, status: CellStatus, offset: number | null = null): CellOut[] {
  return Array.from({ length: n }, () => ({ status, value: null, raw: '', offset }));
}

/** Cells from a split row (one part per column). */
export function splitCells(parts: readonly SplitPart[]): CellOut[] {
  return parts.map((p) => ({ status: 'number', value: p.value, raw: p.raw, offset: p.offset, recovered: true }));
}

/** The printed text spanned by `items`, and where it starts. */
function itemsSpan(dt: DocumentText, items: readonly ValueItem[]): { raw: string; offset: number | null } {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return { raw: '', offset: null };
  return { raw: dt.text.slice(first.offset, last.offset + last.raw.length), offset: first.offset };
}

/**
 * Splits the items of a row (numbers and glued runs) into one number per column with the row's
 * own verified identities. `notes` receives what happened when it is not a clean unique split.
 */
export function splitItems(dt: DocumentText, located: LocatedTable, i: number, items: ValueItem[], notes: RowNote[]): RowRead {
  const row = located.compiled.rows[i];
  const id = `${located.compiled.table.id}/${row?.row.id ?? ''}`;
  const span = itemsSpan(dt, items);
  if (!row || items.some((it) => it.kind === 'na' || it.kind === 'blank')) {
    notes.push({ code: 'TABLE_ROW_UNSPLITTABLE', message: `${id}: fewer values than columns, mixed with N/A marks; cells not placed`, offset: span.offset });
    return { kind: 'ambiguous', candidates: [], truncated: false, ...span, items };
  }
  const result = splitRow(
    items.map((it) => ({ text: it.raw, offset: it.offset })),
    row.types,
    row.identities,
  );
  if (result.status === 'unique' && result.candidates[0]) {
    if (result.forced) {
      notes.push({ code: 'TABLE_ROW_FORCED_SPLIT', message: `${id}: "${span.raw}" splits only one way, which breaks the row's identities`, offset: span.offset });
    }
    return { kind: 'cells', cells: splitCells(result.candidates[0]), items };
  }
  if (result.status === 'none') {
    notes.push({ code: 'TABLE_ROW_UNSPLITTABLE', message: `${id}: "${span.raw}" cannot be split into ${row.types.length} values`, offset: span.offset });
  } else if (result.limit !== null) {
    notes.push({ code: 'TABLE_ROW_SPLIT_TRUNCATED', message: `${id}: "${span.raw.slice(0, 80)}" has too many possible splits (${result.limit}); not resolved`, offset: span.offset });
  }
  return { kind: 'ambiguous', candidates: [...result.candidates], truncated: result.truncated, ...span, items };
}

/**
 * Reads row `i` of a located table. Never throws.
 * @param notes receives notes about the row
 */
export function readRow(dt: DocumentText, view: CompactView, located: LocatedTable, i: number, notes: RowNote[]): RowRead {
  const row = located.compiled.rows[i];
  const n = located.compiled.table.columns.length;
  const region = valueRegion(dt, view, located, i);
  if (!row || !region) return { kind: 'cells', cells: uniformCells(n, 'missing'), items: [] };
  const id = `${located.compiled.table.id}/${row.row.id}`;
  const original = dt.text.slice(region.start, region.end);

  if (n === 1 && row.types[0] === 'text') {
    const text = textCell(original, region.start);
    return { kind: 'cells', cells: [text ? { status: 'text', value: null, raw: text.raw, offset: text.offset } : { status: 'blank', value: null, raw: '', offset: null }], items: [] };
  }

  const masked = maskRegion(original, region.enumerator);
  if (original.includes('\t')) {
    // Tab-separated cells (HTML/DOCX grids, tab-separated text): an empty cell is a blank value.
    // PDF lines are tab-separated too, but by gaps, not cells: their empty cells leave no tab.
    const gridLine = (offset: number): { grid: boolean; start: number; text: string } => {
      const index = lineIndexAt(dt, offset);
      const line = dt.doc.lines[index];
      return { grid: line !== undefined && !line.tokens, start: dt.lineStarts[index] ?? 0, text: line?.text ?? '' };
    };
    const grid = gridItems(original, masked, region.start, gridLine, n, row.row.key !== '');
    if (grid && grid.length === n && grid.every((it) => it.kind !== 'run')) return { kind: 'cells', cells: grid.map(itemCell), items: grid };
    // More cells than columns (merged label cells, rows padded to the table width): the table's
    // other rows tell which cells hold the values.
    if (grid && grid.length > n && grid.every((it) => it.kind !== 'run')) return { kind: 'grid', items: grid };
  }

  const items = tokenItems(masked, region.start);
  const hasRun = items.some((it) => it.kind === 'run');
  if (items.length === 0) {
    notes.push({ code: 'TABLE_ROW_EMPTY', message: `${id}: the row label is printed without values`, offset: region.start });
    return { kind: 'cells', cells: uniformCells(n, 'blank'), items };
  }
  if (!hasRun && items.length === n) return { kind: 'cells', cells: items.map(itemCell), items };
  if (!hasRun && items.length < n && items.every((it) => it.kind === 'number')) return { kind: 'placed', items };
  if (!hasRun && items.length > n) {
    notes.push({ code: 'TABLE_ROW_EXTRA_VALUES', message: `${id}: ${items.length} values printed for ${n} columns`, offset: items[0]?.offset ?? null });
    // Every run of n consecutive values is a candidate reading; those satisfying the row's own
    // identities, when some do.
    const windows: SplitPart[][] = [];
    for (let s = 0; s + n <= items.length && windows.length < 200; s++) {
      const window = items.slice(s, s + n);
      if (window.every((it) => it.kind === 'number')) windows.push(window.map((it) => ({ value: it.value ?? 0, raw: it.raw, offset: it.offset })));
    }
    const fitting = windows.filter((w) => satisfiesAll(row.identities, w.map((p) => p.value)));
    const [only] = fitting;
    // Stray numbers around a row (a note under table 四) leave one window its identities accept.
    if (row.identities.length > 0 && fitting.length === 1 && only) {
      return { kind: 'cells', cells: only.map((p) => ({ status: 'number', value: p.value, raw: p.raw, offset: p.offset })), items };
    }
    const candidates = fitting.length > 0 ? fitting : windows;
    return { kind: 'ambiguous', candidates, truncated: items.length - n + 1 > 200, ...itemsSpan(dt, items), items };
  }
  return splitItems(dt, located, i, items, notes);
}
