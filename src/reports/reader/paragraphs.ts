/**
 * Rebuilds the narrative of a report as paragraphs: hard-wrapped lines (PDF) and page breaks that
 * split a sentence (text files with runs of blank lines mid-sentence) are joined, tables and
 * ignored passages (the `exclude` ranges) are left out, and every character of a paragraph keeps
 * the {@link DocumentText} offset it came from, so positions can be reported.
 *
 * Whitespace is collapsed: it is dropped everywhere except that one space is kept between two
 * ASCII letters or digits (`1 000`, `www.a b`), so `主动公开政府信息 125981 条` reads
 * `主动公开政府信息125981条`.
 */
import type { DocumentText, TextRange } from './document-text.ts';

/**
 * One rebuilt paragraph. Its characters map back to DocumentText offsets through segments: runs
 * of characters whose offsets are consecutive (see {@link offsetAt}, {@link indexAtOrAfter}).
 */
export interface Paragraph {
  /** The paragraph, whitespace collapsed (see the module comment). */
  readonly text: string;
  /** Index in `text` where each segment starts (ascending; the first is 0). */
  readonly segmentStarts: readonly number[];
  /** DocumentText offset of each segment's first character (ascending). */
  readonly segmentOffsets: readonly number[];
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
  /** True when the paragraph is a heading line (`一、概述`, `(一)…` without a full stop, a title). */
  readonly heading: boolean;
}

/** Sentence-final punctuation (after NFKC: `！？` become `!?`; `。` is kept). */
const HARD_END = new Set(['。', '!', '?', '！', '？', '…']);
/** Clause-final punctuation that may still continue across a page break (a list item). */
const SOFT_END = new Set(['；', ';', '：', ':']);
/** Closing brackets and quotes that may follow the final punctuation. */
const CLOSERS = new Set([')', '）', '”', '’', '"', "'", '」', '』', '】', '》', '〕', ']']);

/** A line or chunk that starts like a heading or an enumerated item. */
const HEADING_START_RE =
  /^(?:[一二三四五六七八九十]{1,3}[、.](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]+(?:部分|章|节)|附件|附表)/;
/** An enumerated heading line: short, starts with an enumerator. */
const HEADING_LINE_RE = /^(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.](?!\d))/;
/** A report title line. */
const TITLE_LINE_RE = /(?:年度报告|工作报告|年报)$/;

/** True for the UTF-16 code of a whitespace character (what `\s` matches). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True for the UTF-16 code of an ASCII letter or digit. */
function isAsciiAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True when `c` is an ASCII letter or digit. */
function isAsciiAlnum(c: string | undefined): boolean {
  return c !== undefined && c.length > 0 && isAsciiAlnumCode(c.charCodeAt(0));
}

/**
 * Sorts and merges ranges (overlapping or touching ranges become one); empty ranges are dropped.
 * @returns a new array, sorted by start
 */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** The range of the merged, sorted `ranges` that contains `offset`, if any (binary search). */
export function rangeContaining(ranges: readonly TextRange[], offset: number): TextRange | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (!r) break;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** True when `offset` lies in one of the merged, sorted `ranges`. */
export function inRanges(ranges: readonly TextRange[], offset: number): boolean {
  return rangeContaining(ranges, offset) !== undefined;
}

/**
 * Removes whitespace from `s` except one space between two ASCII letters/digits; the same rule
 * the paragraphs use.
 */
export function collapseWhitespace(s: string): string {
  return collapseRange(s, 0, s.length, null, 0);
}

/** Where collapsed text maps back to its source: segment starts in the output and the source. */
interface SegmentSink {
  starts: number[];
  offsets: number[];
}

/**
 * Collapses `s[start, end)` (see {@link collapseWhitespace}); when `sink` is given, records a
 * segment for every run of output characters with consecutive source indexes, numbering output
 * characters from `base` (an inserted space maps to the whitespace before the run).
 */
function collapseRange(s: string, start: number, end: number, sink: SegmentSink | null, base: number): string {
  let out = '';
  let run = -1;
  let lastCode = -1;
  let pendingSpace = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : 32;
    if (isSpaceCode(c)) {
      if (run >= 0) {
        out += s.slice(run, i);
        run = -1;
      }
      if (out.length > 0) pendingSpace = true;
      continue;
    }
    if (run < 0) {
      if (pendingSpace && isAsciiAlnumCode(lastCode) && isAsciiAlnumCode(c)) {
        if (sink) {
          sink.starts.push(base + out.length);
          sink.offsets.push(i - 1);
        }
        out += ' ';
      }
      pendingSpace = false;
      run = i;
      if (sink) {
        sink.starts.push(base + out.length);
        sink.offsets.push(i);
      }
    }
    lastCode = c;
  }
  return out;
}

/** The DocumentText offset of character `i` of `p` (binary search over its segments). */
export function offsetAt(p: Paragraph, i: number): number {
  let lo = 0;
  let hi = p.segmentStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((p.segmentStarts[mid] ?? 0) <= i) lo = mid;
    else hi = mid - 1;
  }
  return (p.segmentOffsets[lo] ?? 0) + i - (p.segmentStarts[lo] ?? 0);
}

/** Index of the first character of `p` whose offset is ≥ `offset` (`p.text.length` if none). */
export function indexAtOrAfter(p: Paragraph, offset: number): number {
  const n = p.segmentStarts.length;
  let lo = 0;
  let hi = n - 1;
  if (n === 0 || offset <= (p.segmentOffsets[0] ?? 0)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((p.segmentOffsets[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segStart = p.segmentStarts[lo] ?? 0;
  const segEnd = p.segmentStarts[lo + 1] ?? p.text.length;
  const inSeg = offset - (p.segmentOffsets[lo] ?? 0);
  return inSeg < segEnd - segStart ? segStart + inSeg : segEnd;
}

/** The last character that is not a closer, or undefined. */
function finalPunctuation(text: string): string | undefined {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i] ?? '')) i--;
  return i >= 0 ? text[i] : undefined;
}

/**
 * True when a (whitespace-collapsed) line can read as a heading or title on its own: at most 40
 * characters, no full stop before its end, and an enumerator at its start (`一、` `(一)` `1.`) or
 * a title ending (`…年度报告`).
 */
export function isHeadingLine(line: string): boolean {
  if (line.length === 0 || line.length > 40) return false;
  const stop = line.indexOf('。');
  if (stop >= 0 && stop < line.length - 1) return false;
  if (HEADING_LINE_RE.test(line)) return true;
  return line.length <= 60 && TITLE_LINE_RE.test(line);
}

/** A live chunk of one line (outside the excluded ranges), as the join decision needs it. */
interface Chunk {
  text: string;
  page: number | undefined;
  /** Blank lines between the previous chunk and this one. */
  blanksBefore: number;
  /** Whether an excluded range lay between the previous chunk and this one. */
  excludedBefore: boolean;
}

/** Whether chunk `next` continues the paragraph whose last chunk is `prev`. */
function continues(prev: Chunk, next: Chunk): boolean {
  if (HEADING_START_RE.test(next.text)) return false;
  const last = finalPunctuation(prev.text);
  if (last === undefined || HARD_END.has(last)) return false;
  // A short enumerated line is a heading; a full-width one may be the first wrapped line of a
  // paragraph that opens with `(一)…` (PDF), unless a blank line follows it.
  if (isHeadingLine(prev.text) && (prev.text.length <= 20 || next.blanksBefore > 0 || next.excludedBefore)) return false;
  if (SOFT_END.has(last)) {
    const pageBreak = next.blanksBefore >= 2 || next.excludedBefore || (prev.page !== undefined && next.page !== prev.page);
    return next.blanksBefore === 0 || pageBreak;
  }
  return true;
}

/**
 * Rebuilds the paragraphs of `dt`, leaving out the `exclude` ranges. A chunk (the live part of a
 * line) continues the previous paragraph unless the previous chunk is a heading line, ends a
 * sentence (`。！？` possibly followed by a closing bracket or quote), or the chunk starts like a
 * heading or enumerated item (`一、`, `(一)`, `1.`, `一是`). A chunk after `；` or `：` continues
 * only across a page break (two or more blank lines, a page change, an excluded range) or a hard
 * wrap (no blank line). An excluded range inside a sentence (a foreign block pasted
 * mid-sentence) is skipped over. One pass over the lines.
 * @param exclude ranges to leave out, in any order
 */
export function buildParagraphs(dt: DocumentText, exclude: readonly TextRange[]): Paragraph[] {
  const ranges = mergeRanges(exclude);
  const source = dt.text;
  const paragraphs: Paragraph[] = [];
  // The current paragraph only: a document-wide string would be a rope that every slice flattens.
  let sink: SegmentSink = { starts: [], offsets: [] };
  let out = '';
  let first: Chunk | undefined;
  let prev: Chunk | undefined;
  let blanks = 0;
  let excluded = false;
  let r = 0;
  const flush = (): void => {
    if (!first || out.length === 0) return;
    const text = out;
    const lastStart = sink.starts[sink.starts.length - 1] ?? 0;
    const end = (sink.offsets[sink.offsets.length - 1] ?? 0) + text.length - lastStart;
    paragraphs.push({ text, segmentStarts: sink.starts, segmentOffsets: sink.offsets, start: sink.offsets[0] ?? 0, end, heading: first === prev && isHeadingLine(text) });
  };
  const addChunk = (start: number, end: number, page: number | undefined): boolean => {
    const local: SegmentSink = { starts: [], offsets: [] };
    const text = collapseRange(source, start, end, local, 0);
    if (text.length === 0) return false;
    const chunk: Chunk = { text, page, blanksBefore: blanks, excludedBefore: excluded };
    if (prev && continues(prev, chunk)) {
      if (isAsciiAlnum(out[out.length - 1]) && isAsciiAlnumCode(text.charCodeAt(0))) {
        // The joining space maps to the line break (or excluded text) just before the chunk.
        sink.starts.push(out.length);
        sink.offsets.push(start - 1);
        out += ' ';
      }
      for (let k = 0; k < local.starts.length; k++) {
        sink.starts.push((local.starts[k] ?? 0) + out.length);
        sink.offsets.push(local.offsets[k] ?? 0);
      }
      out += text;
    } else {
      flush();
      sink = local;
      out = text;
      first = chunk;
    }
    prev = chunk;
    blanks = 0;
    excluded = false;
    return true;
  };
  const lines = dt.doc.lines;
  for (let li = 0; li < lines.length; li++) {
    const lineStart = dt.lineStarts[li] ?? 0;
    const lineEnd = lineStart + (lines[li]?.text.length ?? 0);
    const page = lines[li]?.position.page;
    let cursor = lineStart;
    let produced = false;
    while (cursor < lineEnd) {
      while (r < ranges.length && (ranges[r]?.end ?? 0) <= cursor) r++;
      const range = ranges[r];
      const cut = range !== undefined && range.start < lineEnd;
      const liveEnd = cut ? Math.max(cursor, range.start) : lineEnd;
      if (liveEnd > cursor && addChunk(cursor, liveEnd, page)) produced = true;
      if (cut) {
        excluded = true;
        cursor = Math.max(liveEnd, range.end);
      } else {
        cursor = lineEnd;
      }
    }
    if (!produced && !excluded) blanks++;
  }
  flush();
  return paragraphs;
}

/**
 * The last result of {@link paragraphsOf}. A single strong entry, not a WeakMap: short-lived
 * WeakMap keys cost far more in garbage collection (ephemerons) than the paragraphs themselves.
 */
let last: { dt: DocumentText; key: string; paragraphs: Paragraph[] } | undefined;

/**
 * {@link buildParagraphs}, memoised for the most recent DocumentText and exclude set (section
 * detection and claim extraction both need the paragraphs of the same document).
 */
export function paragraphsOf(dt: DocumentText, exclude: readonly TextRange[]): Paragraph[] {
  const key = mergeRanges(exclude)
    .map((r) => `${r.start}-${r.end}`)
    .join(',');
  if (last && last.dt === dt && last.key === key) return last.paragraphs;
  const paragraphs = buildParagraphs(dt, exclude);
  last = { dt, key, paragraphs };
  return paragraphs;
}

/**
 * The paragraph text between two DocumentText offsets `[start, end)`: each paragraph's part in the
 * span, joined with '\n'.
 */
export function textBetween(paragraphs: readonly Paragraph[], start: number, end: number): string {
  const parts: string[] = [];
  for (const p of paragraphs) {
    if (p.end <= start) continue;
    if (p.start >= end) break;
    const part = p.text.slice(indexAtOrAfter(p, start), indexAtOrAfter(p, end));
    if (part.length > 0) parts.push(part);
  }
  return parts.join('\n');
}
