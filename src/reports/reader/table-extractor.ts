/**
 * Reads the statistics tables of an annual report, whatever their layout: tab-separated lines
 * (text and HTML/DOCX grids), PDF lines placed by x position, or tables flattened into one line
 * whose cell boundaries were lost (recovered with the format's verified identities).
 *
 * The pipeline: locate tables and row labels in the compact view (`table-locator.ts`), read each
 * row's value region (`row-reader.ts`), place PDF values by column x positions
 * (`column-positions.ts`), narrow ambiguous flattened rows with cross-row identities
 * (`column-identities.ts`), then emit one {@link Cell} per cell of the format.
 */
import type { ReportFormat, RowFormat, TableFormat } from '../format/report-format.ts';
import { cellId } from '../format/report-format.ts';
import type { Ambiguity, Cell, TableRead } from '../model/structured-report.ts';
import { narrowByColumnIdentities } from './column-identities.ts';
import { assignColumns, displayCentre, learnCentres, xCentre } from './column-positions.ts';
import type { DocumentText, TextRange } from './document-text.ts';
import { lineIndexAt, positionAt } from './document-text.ts';
import type { SplitPart } from './number-splitter.ts';
import { itemCell, readRow, splitCells, splitItems, uniformCells } from './row-reader.ts';
import type { CellOut, RowNote, RowRead } from './row-reader.ts';
import type { Position } from './source-document.ts';
import type { LocatedTable } from './table-locator.ts';
import { locateTables } from './table-locator.ts';
import { compactView, compileFormat, toOriginal, toOriginalEnd } from './table-region.ts';
import { fitGridItems } from './value-tokens.ts';

/** A note of the table extraction: what could not be read cleanly. */
export interface ExtractionNote {
  code: string;
  message: string;
  position: Position | null;
}

/** What {@link extractTables} found. */
export interface TableExtraction {
  /** Every cell of every table of the format, in format order (`missing` when not found). */
  cells: Cell[];
  /** Flattened rows that could be split in several ways, with their candidate rows. */
  ambiguities: Ambiguity[];
  /** One entry per format table: found or not, where, and its layout. */
  tables: TableRead[];
  /** Offsets in `dt.text` covered by the tables found (narrative extraction skips them). */
  regions: TextRange[];
  /** What the reader could not do cleanly (tables or rows not found, forced or ambiguous splits). */
  notes: ExtractionNote[];
}

/** Candidate rows listed in an {@link Ambiguity} at most. */
const MAX_LISTED = 50;

/**
 * Places the values of `placed` rows (fewer numbers than columns) by their horizontal position
 * against the column centres of the table's complete rows: PDF x, or the display column of text
 * laid out with spaces. A flattened table has no positions to learn: its rows are split instead,
 * as are rows of a table without a complete row.
 */
function placeRows(dt: DocumentText, located: LocatedTable, reads: RowRead[], notes: RowNote[], flattened: boolean): void {
  const n = located.compiled.table.columns.length;
  const xsOf = (read: RowRead): number[] | null => {
    if (flattened) return null;
    const xs = read.items.map((it) => xCentre(dt, it.offset, it.raw.length) ?? displayCentre(dt, it.offset, it.raw.length));
    return xs.every((x): x is number => x !== null) ? xs : null;
  };
  const complete = reads.flatMap((r) => (r.kind === 'cells' && r.items.length === n ? [xsOf(r)] : [])).filter((x): x is number[] => x !== null);
  const centres = learnCentres(complete, n);
  reads.forEach((read, i) => {
    if (read.kind !== 'placed') return;
    const xs = xsOf(read);
    const columns = centres && xs ? assignColumns(xs, centres) : null;
    if (!columns) {
      reads[i] = splitItems(dt, located, i, read.items, notes);
      return;
    }
    const cells = uniformCells(n, 'blank');
    columns.forEach((column, k) => {
      const item = read.items[k];
      if (item) cells[column] = itemCell(item);
    });
    reads[i] = { kind: 'cells', cells, items: read.items };
  });
}

/**
 * Chooses the value cells of grid rows printing more cells than columns: the cell where values
 * start is learned from the rows of the table printing exactly as many cells as columns.
 */
function placeGridRows(located: LocatedTable, reads: RowRead[], notes: RowNote[]): void {
  const n = located.compiled.table.columns.length;
  const starts = new Map<number, number>();
  for (const read of reads) {
    const first = read.items[0]?.cell;
    if (read.kind === 'cells' && read.items.length === n && first !== undefined) starts.set(first, (starts.get(first) ?? 0) + 1);
  }
  const learned = [...starts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  reads.forEach((read, i) => {
    if (read.kind !== 'grid') return;
    const chosen = fitGridItems(read.items, n, learned);
    // Padding to the table width (empty cells after the values) is not worth a note.
    const padding = chosen[0] === read.items[0] && read.items.slice(n).every((it) => it.kind === 'blank');
    if (learned === null && !padding) {
      const id = `${located.compiled.table.id}/${located.compiled.rows[i]?.row.id ?? ''}`;
      notes.push({ code: 'TABLE_ROW_CELLS_GUESSED', message: `${id}: ${read.items.length} cells for ${n} columns; kept the ${n} holding the most numbers`, offset: read.items[0]?.offset ?? null });
    }
    reads[i] = { kind: 'cells', cells: chosen.map(itemCell), items: chosen };
  });
}

/** Narrows rows ambiguous on their own with the verified cross-row identities of the format. */
function narrowRows(format: ReportFormat, located: LocatedTable, reads: RowRead[]): void {
  const table = located.compiled.table;
  const known = new Map<string, number>();
  const ambiguous: { index: number; rowId: string; candidates: number[][] }[] = [];
  reads.forEach((read, i) => {
    const rowId = table.rows[i]?.id ?? '';
    if (read.kind === 'cells') {
      read.cells.forEach((cell, c) => {
        const column = table.columns[c];
        if (cell.status === 'number' && cell.value !== null && column) known.set(cellId(table.id, rowId, column.id), cell.value);
      });
    } else if (read.kind === 'ambiguous' && read.candidates.length > 1 && !read.truncated) {
      ambiguous.push({ index: i, rowId, candidates: read.candidates.map((c) => c.map((p) => p.value)) });
    }
  });
  if (ambiguous.length === 0) return;
  const identities = format.identities.filter((identity) => identity.verified);
  const kept = narrowByColumnIdentities(table.id, table.columns.map((c) => c.id), identities, known, ambiguous);
  if (!kept) return;
  for (const row of ambiguous) {
    const read = reads[row.index];
    const keep = kept.get(row.rowId);
    if (!read || read.kind !== 'ambiguous' || !keep) continue;
    const candidates = keep.map((k) => read.candidates[k]).filter((c): c is readonly SplitPart[] => c !== undefined);
    const [only] = candidates;
    if (candidates.length === 1 && only) reads[row.index] = { kind: 'cells', cells: splitCells(only), items: read.items };
    else reads[row.index] = { ...read, candidates };
  }
}

/** The layout of a found table, from the lines its heading and row values are on. */
function layoutOf(dt: DocumentText, anchorOffset: number, reads: readonly RowRead[]): TableRead['layout'] {
  const lines = reads.flatMap((r) => {
    const first = r.items[0] ?? (r.kind === 'cells' ? r.cells.find((c) => c.offset !== null) : undefined);
    return first && first.offset !== null ? [lineIndexAt(dt, first.offset)] : [];
  });
  if (lines.length > 0 && lines.filter((l) => dt.doc.lines[l]?.fromTable).length * 2 > lines.length) return 'grid';
  const all = [lineIndexAt(dt, anchorOffset), ...lines];
  return new Set(all).size < all.length ? 'flattened' : 'lines';
}

/** Appends the cells of one row (and its ambiguity, if any) to `out`. */
function emitRow(out: TableExtraction, table: TableFormat, row: RowFormat, read: RowRead, at: (offset: number | null) => Position | null): void {
  const n = table.columns.length;
  let cells: CellOut[];
  if (read.kind === 'cells') cells = read.cells;
  else if (read.kind === 'placed' || read.kind === 'grid') cells = uniformCells(n, 'blank'); // not reached: resolved before
  else {
    const listed = read.candidates.slice(0, MAX_LISTED);
    out.ambiguities.push({
      table: table.id,
      row: row.id,
      raw: read.raw,
      position: at(read.offset),
      columns: table.columns.map((c) => c.id),
      candidates: listed.map((c) => c.map((p) => p.value)),
      truncated: read.truncated || read.candidates.length > listed.length,
    });
    const ways = `${read.candidates.length}${read.truncated ? '+' : ''}`;
    out.notes.push({ code: 'TABLE_ROW_AMBIGUOUS', message: `${table.id}/${row.id}: "${read.raw.slice(0, 80)}" reads ${ways} ways`, position: at(read.offset) });
    cells = table.columns.map((_, c): CellOut => {
      const parts = read.candidates.map((cand) => cand[c]);
      const values = [...new Set(parts.map((p) => p?.value ?? Number.NaN).filter((v) => Number.isFinite(v)))];
      const [first] = parts;
      // A cell every (complete) candidate agrees on is known even when its row is not: 2648 in
      // pingtan's 行政处罚 row `2648-18538`, whatever the split of the rest.
      if (!read.truncated && values.length === 1 && first && parts.every((p) => p?.offset === first.offset)) {
        return { status: 'number', value: first.value, raw: first.raw, offset: first.offset, recovered: true };
      }
      return { status: 'ambiguous', value: null, raw: read.raw, offset: read.offset, candidates: values };
    });
  }
  table.columns.forEach((column, c) => {
    const cell = cells[c] ?? { status: 'missing', value: null, raw: '', offset: null };
    out.cells.push({
      id: cellId(table.id, row.id, column.id),
      table: table.id,
      row: row.id,
      column: column.id,
      status: cell.status,
      value: cell.status === 'number' ? cell.value : null,
      raw: cell.raw,
      position: at(cell.offset),
      ...(cell.recovered ? { recovered: true } : {}),
      ...(cell.candidates ? { candidates: cell.candidates } : {}),
    });
  });
}

/** Where the region of a found table starts: its heading's line when the heading opens it. */
function regionStart(dt: DocumentText, anchorOffset: number): number {
  const line = lineIndexAt(dt, anchorOffset);
  const lineStart = dt.lineStarts[line] ?? anchorOffset;
  const before = dt.text.slice(lineStart, anchorOffset);
  return before.length <= 40 && !/[。;；!?]/.test(before) ? lineStart : anchorOffset;
}

/**
 * Extracts every table of `format` from a document.
 *
 * Each format table yields a {@link TableRead}; each of its cells a {@link Cell} (in format
 * order: tables, rows, columns), `missing` when the table or row was not found. Flattened rows are
 * split with the format's verified identities (cells `recovered`); rows that stay ambiguous get
 * `ambiguous` cells and an {@link Ambiguity} listing candidate rows (at most 50, `truncated` when
 * more). PDF rows with fewer values than columns are placed by x position, the rest `blank`.
 * @param dt the document text (its lines normalised by a loader)
 * @param format the report format whose tables to read
 * @returns the cells, ambiguities, tables, table regions and notes; never throws
 */
export function extractTables(dt: DocumentText, format: ReportFormat): TableExtraction {
  const view = compactView(dt);
  const out: TableExtraction = { cells: [], ambiguities: [], tables: [], regions: [], notes: [] };
  const at = (offset: number | null): Position | null => (offset === null ? null : positionAt(dt, offset));
  for (const located of locateTables(view, compileFormat(format))) {
    const table = located.compiled.table;
    const n = table.columns.length;
    const rowNotes: RowNote[] = [];
    let reads: RowRead[];
    if (!located.anchor) {
      out.tables.push({ id: table.id, title: table.title, found: false, position: null, layout: 'none' });
      out.notes.push({ code: 'TABLE_NOT_FOUND', message: `${table.id} (${table.title}) was not found`, position: null });
      reads = table.rows.map(() => ({ kind: 'cells', cells: uniformCells(n, 'missing'), items: [] }));
    } else {
      reads = table.rows.map((_, i) => readRow(dt, view, located, i, rowNotes));
      const anchorOffset = toOriginal(view, located.anchor.start);
      const layout = layoutOf(dt, anchorOffset, reads);
      placeGridRows(located, reads, rowNotes);
      placeRows(dt, located, reads, rowNotes, layout === 'flattened');
      narrowRows(format, located, reads);
      out.tables.push({ id: table.id, title: table.title, found: true, position: at(anchorOffset), layout });
      if (located.anchor.start === located.anchor.end) {
        const by = located.foundBy === 'header' ? 'header' : 'rows';
        rowNotes.push({ code: 'TABLE_HEADING_NOT_FOUND', message: `${table.id}: no heading "${table.title}"; the table was recognised by its ${by}`, offset: anchorOffset });
      }
      let end = toOriginal(view, located.end);
      if (located.openEnded) {
        // An unbounded last table ends with its last value (a loop: a spread could overflow).
        end = anchorOffset;
        for (const read of reads) {
          for (const it of read.items) end = Math.max(end, it.offset + it.raw.length);
          if (read.kind === 'cells') for (const c of read.cells) if (c.status === 'text' && c.offset !== null) end = Math.max(end, c.offset + c.raw.length);
        }
      }
      // A table headed by its section title (三、收到和处理…) starts after it: the title belongs to
      // the section structure, not to the table. A block or 统计表 title opens the table region.
      const start = table.blockKey === undefined && table.sectionNumber !== '' ? toOriginalEnd(view, located.anchor.end) : regionStart(dt, anchorOffset);
      out.regions.push({ start: Math.min(start, end), end });
      table.rows.forEach((row, i) => {
        if (!located.rows[i]) rowNotes.push({ code: 'TABLE_ROW_NOT_FOUND', message: `${table.id}/${row.id} (${row.label}) was not found`, offset: null });
      });
      const recovered = reads.filter((r) => r.kind === 'cells' && r.cells.some((c) => c.recovered)).length;
      if (recovered > 0) {
        rowNotes.push({ code: 'TABLE_ROWS_RECOVERED', message: `${table.id}: ${recovered} row(s) split out of flattened digits`, offset: anchorOffset });
      }
    }
    for (const note of rowNotes) out.notes.push({ code: note.code, message: note.message, position: at(note.offset) });
    reads.forEach((read, i) => {
      const row = table.rows[i];
      if (row) emitRow(out, table, row, read, at);
    });
  }
  // Tables printed out of format order (四 before 三) have their regions sorted back into place.
  out.regions.sort((a, b) => a.start - b.start || a.end - b.end);
  // A table's region may reach back to its heading's line start, over the previous one's end.
  for (let i = 1; i < out.regions.length; i++) {
    const previous = out.regions[i - 1];
    const current = out.regions[i];
    if (previous && current && previous.end > current.start && previous.start <= current.start) previous.end = current.start;
  }
  return out;
}
