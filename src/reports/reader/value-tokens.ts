/**
 * Turns the printed text after a row label (its "value region") into value items: numbers, N/A
 * marks, empty grid cells. Everything else in a region is noise to drop: the rest of a wrapped
 * label, parenthesised notes (`（不同渠道和方式公开相同信息计 1 条）`), units, group labels printed
 * in a merged left column, and the enumerator of the next row (`2.` before `其他法律…`).
 *
 * Noise is masked with spaces rather than removed, so every surviving character keeps its offset
 * in the document text and each value can be given the position of its first character.
 *
 * No function of this module throws: every input, however malformed, gives a result.
 */
import type { Unit } from '../format/report-format.ts';

/** Units printed next to values or in a 2014 unit column; never values themselves. */
const UNIT_TOKENS: ReadonlySet<string> = new Set<Unit>(['条', '件', '次', '篇', '个', '人', '人次', '万元', '元', '项', '场', '场次', '期', '%']);

/** `/`, `—`, `——`, `-`, `--`, `---`, `–`, `无`: marks printed for "not applicable". */
const NA_RE = /^(?:\/|—{1,2}|-{1,3}|–{1,2}|无)$/;

/** True when `s` (trimmed) is a not-applicable mark. */
function isNaMark(s: string): boolean {
  return NA_RE.test(s.trim());
}

/**
 * A parenthesised passage on one line/cell; masked when it holds CJK text (a note such as
 * `(不同渠道…计 1 条)`, an ordinal `(一)`). One character class and no nested quantifier, so the
 * scan stays linear on hostile input.
 */
const PAREN_RE = /\([^()\t\n]*\)/g;
const HAN_TEST_RE = /\p{Script=Han}/u;
/** The counting rule of a note whose parentheses were split across lines: `计 1 条`, `计1次`. */
const COUNT_RULE_RE = /计\s*\d+\s*[条件次]/g;
/** Runs of ideographs (labels, units, Chinese numerals). */
const HAN_RE = /\p{Script=Han}+/gu;
/** Numbers with thousands separators, whose commas are kept. */
const THOUSANDS_RE = /(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])/g;
/** Characters a value token may contain; everything else is noise (after the steps above). */
const NOISE_CHAR_RE = /[^\d.\-/—–\t\n 无,]/g;

const blank = (m: string): string => ' '.repeat(m.length);
const isGap = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

const ENUMERATOR_TAILS = new Map<string, RegExp>();
/** `2\s*[.、,]\s*$` for enumerator `2`, compiled once per enumerator. */
function enumeratorTail(enumerator: string): RegExp {
  let re = ENUMERATOR_TAILS.get(enumerator);
  if (!re) {
    re = new RegExp(`${enumerator.replace(/\D/g, '')}\\s*[.、,]\\s*$`);
    ENUMERATOR_TAILS.set(enumerator, re);
  }
  return re;
}

/**
 * Masks the noise of a value region with spaces (same length, tabs and newlines kept).
 * @param text the original region text
 * @param enumerator the digits of the next row's printed enumerator (`2` for `2.其他法律…`) to strip
 *   from the end of the region, or null
 * @returns the masked text, same length as `text`
 */
export function maskRegion(text: string, enumerator: string | null): string {
  let s = text.replace(PAREN_RE, (m) => (HAN_TEST_RE.test(m) ? blank(m) : m)).replace(COUNT_RULE_RE, blank);
  // `无` is an N/A mark only standing alone (`\t无\t`); in `(四)无法提供` it is a label's.
  s = s.replace(HAN_RE, (m: string, at: number) => (m === '无' && isGap(text[at - 1]) && isGap(text[at + 1]) ? m : blank(m)));
  if (enumerator !== null) {
    // `…00000002.` / `\n2、`: the next row's enumerator, glued or not, is the region's last token.
    // Only the tail is searched: a `\s*$` regex over the whole region could go quadratic.
    const from = Math.max(0, s.trimEnd().length - enumerator.length - 8);
    const tail = enumeratorTail(enumerator).exec(s.slice(from));
    if (tail) s = s.slice(0, from + tail.index) + blank(s.slice(from + tail.index));
  }
  // Keep thousands separators only inside a thousands-grouped number.
  const keep = new Set<number>();
  for (const m of s.matchAll(THOUSANDS_RE)) {
    for (let i = 0; i < m[0].length; i++) if (m[0][i] === ',') keep.add(m.index + i);
  }
  return s.replace(NOISE_CHAR_RE, blank).replace(/,/g, (c, i: number) => (keep.has(i) ? c : ' '));
}

/** A value item read from a region. */
export interface ValueItem {
  /**
   * - `number`: one number (`value` set);
   * - `run`: digits that may hold several numbers (`35-15`, `000121`), for the splitter;
   * - `na`: an N/A mark; `blank`: an empty grid cell.
   */
  kind: 'number' | 'run' | 'na' | 'blank';
  /** The printed text (`''` for blank). */
  raw: string;
  /** Offset in the document text of its first character (for blank: where the cell is). */
  offset: number;
  /** The number, for `number` items. */
  value?: number;
  /** For grid items: the index of its cell in its line (the label cells count). */
  cell?: number;
}

const NUMBER_RE = /^-?(?:0|[1-9]\d*|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
/** A printed run of numbers: digits with internal dots, minus signs starting numbers. */
const RUN_RE = /^-?\d[\d.]*(?:-\d[\d.]*)*$/;
/** `2.` alone: an enumerator that survived, not a value. */
const ENUMERATOR_RE = /^\d{1,2}[.]$/;

/** Classifies one masked token; null for noise. */
function classifyToken(raw: string, offset: number): ValueItem | null {
  if (NA_RE.test(raw)) return { kind: 'na', raw, offset };
  if (ENUMERATOR_RE.test(raw)) return null;
  // Leading zeros (`00`, `000121`) mean glued numbers, and more than 15 digits cannot be one
  // exact number: both go to the splitter as a run.
  if (NUMBER_RE.test(raw) && !/^-?0\d/.test(raw) && !/\d{16}/.test(raw)) return { kind: 'number', raw, offset, value: Number(raw.replace(/,/g, '')) };
  if (RUN_RE.test(raw)) return { kind: 'run', raw, offset };
  return null;
}

/**
 * The value items of a masked region, whitespace-separated (tabs count as whitespace).
 * @param masked the region after {@link maskRegion}
 * @param start offset of the region in the document text
 */
export function tokenItems(masked: string, start: number): ValueItem[] {
  const items: ValueItem[] = [];
  for (const m of masked.matchAll(/[^\s]+/g)) {
    const item = classifyToken(m[0], start + m.index);
    if (item) items.push(item);
  }
  return items;
}

/**
 * The cells of a tab-separated region (HTML/DOCX grids, tab-separated text): the cells after the
 * label cell of the row's line, each one value, an N/A mark, or empty (`blank`), with `cell` set. Unit cells (the 2014
 * unit column) are dropped. Returns null when the region is not a clean grid (a cell with several
 * numbers, numbers outside any cell) so that the caller falls back to {@link tokenItems}.
 * @param original the region's original text
 * @param masked the same region after {@link maskRegion}
 * @param start offset of the region in the document text
 * @param gridLine for the line holding a document offset: whether it uses tab-separated cells, and
 *   where it starts with its text (to number the cells before the region)
 * @param n the number of columns
 * @param labelled false for a row without label (table 四): only lines holding numbers count, all
 *   their cells are values
 */
export function gridItems(
  original: string,
  masked: string,
  start: number,
  gridLine: (offset: number) => { grid: boolean; start: number; text: string },
  n: number,
  labelled = true,
): ValueItem[] | null {
  // A grid row is one line: its cells are those of the first grid line holding a value (the
  // label's own line, or the next one when the label wrapped); the line of the next row's label,
  // which the region reaches into, is not read.
  let chosen: { segment: string; segStart: number; line: { start: number; text: string } } | null = null;
  let lineStart = 0;
  for (const segment of masked.split('\n')) {
    const segStart = lineStart;
    lineStart += segment.length + 1;
    const values = tokenItems(segment, 0).some((i) => i.kind !== 'na');
    const line = gridLine(start + segStart);
    if (!segment.includes('\t') || !line.grid) {
      // A label fragment: fine when it holds no value.
      if (values) return null;
      continue;
    }
    // A row without label (table 四's data row) is the grid line that holds numbers; the header
    // lines above it are skipped whole.
    if (!labelled && !values) continue;
    if (values || !chosen) chosen = { segment, segStart, line };
    // The label's own line, when it has a cell per column, is the row even if all are empty.
    if (values || (segStart === 0 && segment.split('\t').length > n)) break;
  }
  if (!chosen) return [];
  const { segment, segStart, line } = chosen;
  const items: ValueItem[] = [];
  // The first cell is the rest of the label; on a continuation line, a label fragment unless it
  // holds a value.
  const firstCell = segment.slice(0, segment.indexOf('\t'));
  const first = labelled && (segStart === 0 || tokenItems(firstCell, 0).length === 0) ? firstCell.length + 1 : 0;
  // Index in the whole line of the first cell read: the cells before the label's count too.
  let index = line.text.slice(0, start + segStart + first - line.start).split('\t').length - 1;
  let cellStart = segStart + first;
  for (const cell of segment.slice(first).split('\t')) {
    const cellIndex = index++;
    const at = cellStart;
    cellStart += cell.length + 1;
    const printedRaw = original.slice(at, at + cell.length);
    const printed = printedRaw.trim();
    if (UNIT_TOKENS.has(printed)) continue;
    const tokens = tokenItems(cell, start + at);
    if (tokens.length > 1) return null;
    const [token] = tokens;
    if (token) items.push({ ...token, cell: cellIndex });
    else if (printed === '') items.push({ kind: 'blank', raw: '', offset: start + at, cell: cellIndex });
    // Text in a value cell (不适用, 暂无): not a number, read as an N/A mark.
    else items.push({ kind: 'na', raw: printed, offset: start + at + printedRaw.indexOf(printed), cell: cellIndex });
  }
  return items;
}

/**
 * Chooses `n` consecutive grid cells out of more. When the table's other rows show in which cell
 * of the line the values start (`start`, learned from rows with exactly `n` cells: merged label
 * cells leave empty cells before the values, rows padded to the table width leave some after),
 * that decides; otherwise (or when the row has no `n` cells from there) the window holding the
 * most numbers, the earliest on a tie.
 * @returns `n` cells (all of `items` when there are no more than `n`)
 */
export function fitGridItems(items: readonly ValueItem[], n: number, start: number | null): ValueItem[] {
  if (items.length <= n) return [...items];
  if (start !== null) {
    const chosen = items.filter((it) => it.cell !== undefined && it.cell >= start && it.cell < start + n);
    if (chosen.length === n) return chosen;
  }
  let best = 0;
  let bestNumbers = -1;
  for (let s = 0; s + n <= items.length; s++) {
    const numbers = items.slice(s, s + n).filter((it) => it.kind === 'number').length;
    if (numbers > bestNumbers) {
      best = s;
      bestNumbers = numbers;
    }
  }
  return items.slice(best, best + n);
}

/** A trailing ordinal of the next row (`四、`, `(一)`, `2.`) left at the end of a text cell. */
const TRAILING_ORDINAL_RE = /(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、])\s*$/;

/**
 * A text cell (2014 申请公开的主要内容): the non-empty, non-dash, non-unit cells of the region,
 * joined by a space, without the next row's ordinal.
 * @returns the text and the offset of its first character, or null when the cell is empty
 */
export function textCell(original: string, start: number): { raw: string; offset: number } | null {
  const parts: string[] = [];
  let first = -1;
  let at = 0;
  for (const piece of original.split(/([\t\n])/)) {
    const printed = piece.trim();
    if (printed !== '' && piece !== '\t' && piece !== '\n' && !isNaMark(printed) && !UNIT_TOKENS.has(printed)) {
      if (first < 0) first = at + piece.indexOf(printed);
      parts.push(printed);
    }
    at += piece.length;
  }
  const joined = parts.join(' ');
  // The ordinal regex runs on the tail only (linear on any input).
  const cut = Math.max(0, joined.length - 12);
  const raw = (joined.slice(0, cut) + joined.slice(cut).replace(TRAILING_ORDINAL_RE, '')).trim();
  return raw === '' || first < 0 ? null : { raw, offset: start + first };
}
