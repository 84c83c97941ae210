/**
 * Finds where a format's tables and rows are in a document. Matching runs on a compact view of
 * the text (all whitespace removed) because labels are printed with arbitrary spacing and line
 * breaks (`第二十条 第（一）项`, a label wrapped over three PDF lines), while values are read back
 * from the original text through the compact → original offset map.
 *
 * Regexes are compiled once per format (a WeakMap cache) and the compact view once per document.
 *
 * No function of this module throws: every input, however malformed, gives a result.
 */
import { cellId, headingKey } from '../format/report-format.ts';
import type { ReportFormat, RowFormat, TableFormat, ValueType } from '../format/report-format.ts';
import type { DocumentText } from './document-text.ts';
import { isSpaceCode } from './paragraphs.ts';
import type { RowIdentity } from './number-splitter.ts';

/** The document text with whitespace removed, and where each of its characters came from. */
export interface CompactView {
  /** The text without whitespace. */
  readonly text: string;
  /** `map[i]` = offset in the document text of compact character `i`; `map[text.length]` = text end. */
  readonly map: Int32Array;
}

const compactCache = new WeakMap<DocumentText, CompactView>();

/** The compact view of `dt` (computed once per document, O(length)). Never throws. */
export function compactView(dt: DocumentText): CompactView {
  const hit = compactCache.get(dt);
  if (hit) return hit;
  const source = dt.text;
  // The native replace builds the text fast; the loop only fills the offset map.
  const text = source.replace(/\s+/g, '');
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < source.length; i++) if (!isSpaceCode(source.charCodeAt(i))) map[n++] = i;
  map[n] = source.length;
  const view = { text, map };
  compactCache.set(dt, view);
  return view;
}

/** A row of a compiled table. */
export interface CompiledRow {
  readonly row: RowFormat;
  /** Its key (null for the key-less single row of table 四, or a key that does not compile). */
  readonly key: RegExp | null;
  /** The key's leading literal text, for matching a label broken by interleaved text. */
  readonly literal: string;
  /** The printed enumerator of its label (`2` for `2.其他法律…`), or null. */
  readonly enumerator: string | null;
  /** Value type of each column for this row. */
  readonly types: readonly ValueType[];
  /** Verified identities among this row's own cells, by column index (V03, V04). */
  readonly identities: readonly RowIdentity[];
}

/** A table with its regexes compiled. */
export interface CompiledTable {
  readonly table: TableFormat;
  readonly key: RegExp | null;
  readonly blockKey: RegExp | null;
  /** The table's own header, finding it without its heading (see {@link TableFormat.headerKey}). */
  readonly headerKey: RegExp | null;
  /** Any group heading of the table (one alternation), or null. */
  readonly groupKeys: RegExp | null;
  /** Headings of the format's later sections (`五、存在的主要问题…`, any ordinal form), which end the table. */
  readonly laterSections: RegExp | null;
  readonly rows: readonly CompiledRow[];
}

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** Compiles a key (global, so searches can start at `lastIndex`); null when it does not compile. */
function compile(source: string | undefined): RegExp | null {
  if (source === undefined || source === '') return null;
  try {
    return new RegExp(source, 'g');
  } catch {
    return null;
  }
}

/** The leading literal characters of a regex source (`\(` unescaped; stops at any operator). */
function literalPrefix(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!/[()[\]{}.*+?|^$\\/、]/.test(next)) break;
      out += next;
      i++;
    } else if ('.*+?|()[]{}^$'.includes(c)) {
      // A quantifier makes the previous character optional: it is not literal either.
      if ('*?{'.includes(c)) out = out.slice(0, -1);
      break;
    } else {
      out += c;
    }
  }
  return out;
}

const compiledCache = new WeakMap<ReportFormat, CompiledTable[]>();

/** The format's tables with compiled regexes (cached per format object). Never throws. */
export function compileFormat(format: ReportFormat): CompiledTable[] {
  const hit = compiledCache.get(format);
  if (hit) return hit;
  const verified = format.identities.filter((i) => i.verified);
  const compiled = format.tables.map((table): CompiledTable => {
    const sectionIndex = CHINESE_NUMERALS.indexOf(table.sectionNumber);
    const later = sectionIndex < 0 ? [] : format.sections.filter((s) => s.number !== '' && CHINESE_NUMERALS.indexOf(s.number) > sectionIndex);
    const rows = table.rows.map((row): CompiledRow => {
      const columnIndex = new Map(table.columns.map((c, i) => [cellId(table.id, row.id, c.id), i]));
      const identities: RowIdentity[] = [];
      for (const identity of verified) {
        const left = identity.left.map((id) => columnIndex.get(id));
        const right = identity.right.map((id) => columnIndex.get(id));
        if ([...left, ...right].every((i) => i !== undefined)) {
          identities.push({ left: left as number[], relation: identity.relation, right: right as number[] });
        }
      }
      return {
        row,
        key: compile(row.key),
        literal: literalPrefix(row.key),
        enumerator: /^(\d{1,2})[.、]/.exec(row.label)?.[1] ?? null,
        types: table.columns.map((c) => row.valueType ?? c.valueType),
        identities,
      };
    });
    return {
      table,
      key: compile(table.key),
      blockKey: compile(table.blockKey),
      headerKey: compile(table.headerKey),
      groupKeys: compile(table.groupKeys?.map((k) => `(?:${k})`).join('|')),
      laterSections: later.length === 0 ? null : compile(later.map((s) => `(?:${headingKey(s.number, s.key)})`).join('|')),
      rows,
    };
  });
  compiledCache.set(format, compiled);
  return compiled;
}

/** A match in the compact view: `[start, end)` compact offsets. */
export interface CompactMatch {
  start: number;
  end: number;
}

/**
 * The first match of `re` in `text` within `[from, to)` (the match must end by `to`). Empty
 * matches are ignored. Never throws.
 */
export function findIn(re: RegExp, text: string, from: number, to: number): CompactMatch | null {
  // Searching a prefix of the text stops the scan at `to` (V8 slices without copying).
  const haystack = to < text.length ? text.slice(0, Math.max(0, to)) : text;
  re.lastIndex = from;
  for (let m = re.exec(haystack); m !== null; m = re.exec(haystack)) {
    if (m.index >= to) return null;
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      continue;
    }
    return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** Every match of `re` within `[from, to)`, in order (non-overlapping). */
export function findAllIn(re: RegExp, text: string, from: number, to: number): CompactMatch[] {
  const out: CompactMatch[] = [];
  let at = from;
  for (let m = findIn(re, text, at, to); m !== null; m = findIn(re, text, at, to)) {
    out.push(m);
    at = m.end;
  }
  return out;
}

/**
 * Where a row label broken by interleaved text is (a PDF label wrapped around its numbers, or
 * interleaved with a merged group cell): the longest prefix, else suffix, of the key's literal
 * text of at least half its length (and 4 characters) found within `[from, to)`.
 */
export function findBrokenLabel(literal: string, text: string, from: number, to: number): CompactMatch | null {
  const min = Math.max(4, Math.ceil(literal.length / 2));
  if (literal.length < min) return null;
  const gap = text.slice(from, to);
  for (let len = literal.length - 1; len >= min; len--) {
    const prefix = gap.indexOf(literal.slice(0, len));
    if (prefix >= 0) return { start: from + prefix, end: from + prefix + len };
    const suffix = gap.indexOf(literal.slice(literal.length - len));
    if (suffix >= 0) return { start: from + suffix, end: from + suffix + len };
  }
  return null;
}

/** Converts a compact offset to a document offset (`compact.text.length` → end of text). */
export function toOriginal(view: CompactView, compactOffset: number): number {
  return view.map[Math.max(0, Math.min(compactOffset, view.map.length - 1))] ?? 0;
}

/** The document offset just after compact character `compactEnd - 1` (end of a match). */
export function toOriginalEnd(view: CompactView, compactEnd: number): number {
  if (compactEnd <= 0) return 0;
  return toOriginal(view, compactEnd - 1) + 1;
}
