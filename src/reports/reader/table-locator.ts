/**
 * Locates a format's tables, their row labels and each row's value region in the compact view of
 * a document (see `table-region.ts`). Tables are searched in format order, each after the one
 * before (a table printed out of order is then searched in the whole text), and rows sequentially
 * within their table: sequential search is what tells apart repeated words (`被依法纠错数` under
 * both 复议 and 诉讼; `政府网站在线访谈次数` inside the next row's label).
 */
import type { CompactMatch, CompactView, CompiledTable } from './table-region.ts';
import { findAllIn, findBrokenLabel, findIn } from './table-region.ts';

/** How a table was found. */
export type FoundBy = 'heading' | 'header' | 'rows';

/** A table's start and how it was found. */
interface Anchor extends CompactMatch {
  readonly by: FoundBy;
}

/** Where a table was found, in compact offsets. */
export interface LocatedTable {
  readonly compiled: CompiledTable;
  /**
   * The heading that starts it (the block heading for table 二 blocks); null when not found. An
   * empty match where the table starts when it was recognised without a heading.
   */
  readonly anchor: CompactMatch | null;
  /** How it was found: its heading (or block heading), its own header, or its first two row labels. */
  readonly foundBy: FoundBy | null;
  /** End of the table region (the next table or later section heading, or the text end). */
  readonly end: number;
  /** True when nothing after the table bounds it (its end is the end of the text). */
  readonly openEnded: boolean;
  /** The label match of each row (null when not found). Key-less rows get an empty match at the anchor. */
  readonly rows: readonly (CompactMatch | null)[];
  /** End of each row's value region (meaningful only where `rows[i]` is set). */
  readonly valueEnds: readonly number[];
  /** Rows whose label was only found broken (a prefix or suffix of it). */
  readonly broken: ReadonlySet<number>;
}

/** How far after a table heading its first row or block heading must appear to confirm it. */
const CONFIRM_WINDOW = 400;
/** How many matches of a table heading are tried before taking the first one. */
const MAX_HEADING_TRIES = 10;

/**
 * The heading match of a table at or after `from`: the first match followed closely by the
 * table's first block heading or row label (an introduction that names the section in passing is
 * not the table), else the first match.
 */
function chooseHeading(view: CompactView, compiled: CompiledTable, from: number): CompactMatch | null {
  if (!compiled.key) return null;
  const confirm = compiled.blockKey ?? compiled.rows.find((r) => r.key)?.key ?? null;
  let first: CompactMatch | null = null;
  let at = from;
  for (let tries = 0; tries < MAX_HEADING_TRIES; tries++) {
    const m = findIn(compiled.key, view.text, at, view.text.length);
    if (!m) break;
    first ??= m;
    if (!confirm || findIn(confirm, view.text, m.end, Math.min(view.text.length, m.end + CONFIRM_WINDOW))) return m;
    at = m.end;
  }
  return first;
}

/** How close the second row label must follow the first to recognise a table without heading. */
const DENSE_WINDOW = 200;

/**
 * A table printed without its heading (a 统计表 titled otherwise): recognised by its first row
 * label followed closely by its second, the way only a table prints them. Returns an empty match
 * where the table starts, so the first row is searched from there.
 */
function headless(view: CompactView, compiled: CompiledTable, from: number): CompactMatch | null {
  const [first, second] = compiled.rows;
  if (!first?.key || !second?.key) return null;
  let at = from;
  for (let tries = 0; tries < MAX_HEADING_TRIES; tries++) {
    const m = findIn(first.key, view.text, at, view.text.length);
    if (!m) return null;
    if (findIn(second.key, view.text, m.end, Math.min(view.text.length, m.end + DENSE_WINDOW))) return { start: m.start, end: m.start };
    at = m.end;
  }
  return null;
}

/**
 * A table printed without a heading the format knows, recognised by its own header (table 三's
 * `本列数据的勾稽关系为`, table 四's column headings). Returns an empty match where the header starts,
 * so the table region takes in the header and its rows are searched from there.
 */
function byHeader(view: CompactView, compiled: CompiledTable, from: number): CompactMatch | null {
  if (!compiled.headerKey) return null;
  const m = findIn(compiled.headerKey, view.text, from, view.text.length);
  return m ? { start: m.start, end: m.start } : null;
}

/**
 * Where a table (not a table 二 block) starts at or after `from`: its heading; else its own
 * header; else its first two row labels printed close together.
 */
function findTable(view: CompactView, compiled: CompiledTable, from: number): Anchor | null {
  const heading = chooseHeading(view, compiled, from);
  if (heading) return { ...heading, by: 'heading' };
  if (compiled.blockKey) return null;
  const header = byHeader(view, compiled, from);
  if (header) return { ...header, by: 'header' };
  const rows = headless(view, compiled, from);
  return rows ? { ...rows, by: 'rows' } : null;
}

/**
 * Finds every table's heading, in format order, each after the previous one found. A table not
 * found there (printed before the previous table: table 四 before 三) is searched in the whole text.
 */
function locateAnchors(view: CompactView, tables: readonly CompiledTable[]): (Anchor | null)[] {
  const anchors: (Anchor | null)[] = [];
  const headings = new Map<string, Anchor | null>(); // table 二's blocks share one heading
  let cursor = 0;
  for (const compiled of tables) {
    let heading: Anchor | null;
    if (headings.has(compiled.table.key)) heading = headings.get(compiled.table.key) ?? null;
    else {
      heading = findTable(view, compiled, cursor);
      if (!heading && !compiled.blockKey && cursor > 0) heading = findTable(view, compiled, 0);
      headings.set(compiled.table.key, heading);
    }
    let anchor: Anchor | null = heading;
    if (compiled.blockKey) {
      // Without the shared heading, the block heading (第二十条第（一）项) is distinctive enough.
      const from = heading ? Math.max(heading.end, cursor) : cursor;
      const block = findIn(compiled.blockKey, view.text, from, view.text.length);
      anchor = block ? { ...block, by: 'heading' } : null;
    }
    anchors.push(anchor);
    if (anchor) cursor = Math.max(cursor, anchor.end);
  }
  return anchors;
}

/**
 * Finds each row's label within `[from, to)`, sequentially. A row whose label is found only after
 * the next row's label is out of order (its words are part of a later label) and is left for the
 * broken-label pass.
 */
function locateRows(view: CompactView, compiled: CompiledTable, from: number, to: number): { rows: (CompactMatch | null)[]; broken: Set<number> } {
  const rows: (CompactMatch | null)[] = [];
  let cursor = from;
  compiled.rows.forEach((row, i) => {
    if (row.row.key === '') {
      // The numbers of a key-less row (table 四) follow the table's own header when it is
      // printed: a narrative between heading and table (…行政复议3件…) holds no values.
      const header = compiled.headerKey ? findIn(compiled.headerKey, view.text, from, to) : null;
      const start = header ? header.end : from;
      rows.push({ start, end: start });
      return;
    }
    if (!row.key) {
      rows.push(null);
      return;
    }
    let m = findIn(row.key, view.text, cursor, to);
    const next = compiled.rows[i + 1]?.key;
    if (m && next) {
      const n = findIn(next, view.text, cursor, to);
      if (n && n.start < m.start) m = null;
    }
    rows.push(m);
    if (m) cursor = m.end;
  });
  // Labels broken by interleaved text: look for a part of the label between its neighbours.
  const broken = new Set<number>();
  compiled.rows.forEach((row, i) => {
    if (rows[i] || row.literal === '') return;
    let gapStart = from;
    for (let j = i - 1; j >= 0; j--) {
      const m = rows[j];
      if (m) {
        gapStart = m.end;
        break;
      }
    }
    let gapEnd = to;
    for (let j = i + 1; j < rows.length; j++) {
      const m = rows[j];
      if (m) {
        gapEnd = m.start;
        break;
      }
    }
    const m = findBrokenLabel(row.literal, view.text, gapStart, gapEnd);
    if (m) {
      rows[i] = m;
      broken.add(i);
    }
  });
  return { rows, broken };
}

/**
 * Locates every table of a compiled format in a document's compact view: its heading, its end,
 * its row labels and where each row's values end (the next row label or group heading, or the
 * table end). Never throws.
 * @param view the compact view of the document
 * @param tables the compiled format tables, in format order
 * @returns one entry per table, in format order
 */
export function locateTables(view: CompactView, tables: readonly CompiledTable[]): LocatedTable[] {
  const anchors = locateAnchors(view, tables);
  return tables.map((compiled, index): LocatedTable => {
    const anchor = anchors[index] ?? null;
    if (!anchor) return { compiled, anchor: null, foundBy: null, end: 0, openEnded: false, rows: compiled.rows.map(() => null), valueEnds: [], broken: new Set() };
    // The table ends where the nearest table after it starts, whatever its place in the format.
    let end = view.text.length;
    anchors.forEach((other, j) => {
      if (other && j !== index && other.start >= anchor.end && other.start < end && (other.start > anchor.start || j > index)) end = other.start;
    });
    if (compiled.laterSections) {
      const section = findIn(compiled.laterSections, view.text, anchor.end, end);
      if (section) end = section.start;
    }
    const { rows, broken } = locateRows(view, compiled, anchor.end, end);
    const groups = compiled.groupKeys ? findAllIn(compiled.groupKeys, view.text, anchor.end, end) : [];
    const valueEnds = rows.map((m, i) => {
      if (!m) return 0;
      if (compiled.rows[i]?.row.key === '') return end;
      let stop = end;
      for (const next of rows.slice(i + 1)) {
        if (next && next.start >= m.end) {
          stop = next.start;
          break;
        }
      }
      const group = groups.find((g) => g.start >= m.end);
      return group && group.start < stop ? group.start : stop;
    });
    return { compiled, anchor: { start: anchor.start, end: anchor.end }, foundBy: anchor.by, end, openEnded: end === view.text.length, rows, valueEnds, broken };
  });
}
