/**
 * Finds the report's sections (`一、总体情况` … `六、其他需要报告的事项`): headings at a line start,
 * and headings inline in flattened text (`…联系。一、总体情况2020年，…`). Each is mapped onto the
 * format's {@link SectionFormat} by its title key; unknown headings get `other-N`.
 */
import type { ReportFormat } from '../format/report-format.ts';
import type { Section } from '../model/structured-report.ts';
import { lineIndexAt, positionAt } from './document-text.ts';
import type { DocumentText, TextRange } from './document-text.ts';
import { collapseWhitespace, inRanges, mergeRanges, paragraphsOf, rangeContaining, textBetween } from './paragraphs.ts';

/** Where a detected section lies in the DocumentText. */
export interface SectionSpan {
  /** Offset of the heading's ordinal. */
  start: number;
  /** Offset where the body starts (after the title). */
  bodyStart: number;
  /** Offset where the next section starts (or the end of the text). */
  end: number;
}

/** A section format's key, compiled. */
interface CompiledKey {
  id: string;
  /** The value of the section's ordinal (`四` → 4), or null for an unnumbered section (2014). */
  ordinal: number | null;
  /** The section's Chinese ordinal as the format prints it (`四`), or ''. */
  number: string;
  /** Tests a whitespace-free title. */
  title: RegExp;
  /** Tests a title that starts with the key (for the other ordinal forms, which need the title). */
  start: RegExp;
  /** Sticky: matches a title inline right after an ordinal (up to 12 characters before the key). */
  inline: RegExp;
  /** Sticky: matches a title inline right after an ordinal, nothing before the key. */
  exact: RegExp;
}

/** A heading candidate. */
interface Candidate {
  start: number;
  bodyStart: number;
  ordinal: number;
  number: string;
  title: string;
  id: string | null;
  /** Its weight in the selection: a known title 3 (2 in another ordinal form), an unknown one 1. */
  weight: number;
}

/**
 * A heading ordinal. Group 1: the standard form `四、` / `四.` (`四．` after NFKC), any title. The
 * other forms are accepted only before the title of the section so numbered (so sub-headings
 * `(一)…` and table rows `1.属于国家秘密` are not sections): group 2 `(四)`, group 3 `第四部分`
 * (`、` `.` `:` or a space after it), group 4 `四` and a space, group 5 the Arabic `4、` / `4.`.
 */
const ORDINAL_RE =
  /([一二三四五六七八九十]{1,3})[、.](?!\d)|\(([一二三四五六七八九十]{1,3})\)|第([一二三四五六七八九十]{1,3})部分[、.:]?|(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})(?=[^\S\n]+[^\s\d])|(?<![\d.])(\d{1,2})[、.](?!\d)/g;
/** Weight of a known title in the standard form, in another ordinal form, and of an unknown title. */
const WEIGHT_STANDARD = 3;
const WEIGHT_OTHER_FORM = 2;
const WEIGHT_UNKNOWN = 1;
const DIGITS = '一二三四五六七八九';
/** Characters that may not stand right before a heading's ordinal (it would be inside a word). */
const WORD_CHAR_RE = /[\p{Script=Han}A-Za-z]/u;
/** A table row, not a title: numbers separated by whitespace. */
const TABLE_ROW_RE = /\d\s+\d/;
/** Most candidates considered (the selection is quadratic). */
const MAX_CANDIDATES = 400;
/** Shortest title accepted for a heading glued to a preceding word (flattened text). */
const GLUED_MIN_TITLE = 6;
/** Longest title of a heading line. */
const MAX_TITLE = 40;

const COMPILED = new WeakMap<ReportFormat, CompiledKey[]>();

/** Value of a Chinese ordinal 一 … 九十九 (`十`, `十二`, `二十`), or null. */
export function chineseOrdinal(s: string): number | null {
  if (s.length === 0) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? DIGITS.indexOf(s) + 1 || null : null;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(s.slice(0, ten)) + 1;
  const unitsText = s.slice(ten + 1);
  const units = unitsText === '' ? 0 : DIGITS.indexOf(unitsText) + 1;
  if (tens === 0 || (unitsText !== '' && units === 0) || ten > 1 || unitsText.length > 1) return null;
  return tens * 10 + units;
}

/** The format's section keys, compiled once per format. */
function compiledKeys(format: ReportFormat): CompiledKey[] {
  let keys = COMPILED.get(format);
  if (!keys) {
    keys = format.sections.map((s) => {
      const anchored = s.key.startsWith('^');
      const body = anchored ? s.key.slice(1) : s.key;
      const prefix = anchored ? '' : '[^\\s。，,；;：:!?！？]{0,12}?';
      return {
        id: s.id,
        ordinal: chineseOrdinal(s.number),
        number: s.number,
        title: new RegExp(s.key),
        start: new RegExp(`^(?:${body})`),
        inline: new RegExp(`[^\\S\\n]*(${prefix}(?:${body}))`, 'y'),
        exact: new RegExp(`[^\\S\\n]*((?:${body}))`, 'y'),
      };
    });
    COMPILED.set(format, keys);
  }
  return keys;
}

/** Whether `offset` may start a heading given the excluded ranges (a heading may open a table region). */
function allowed(dt: DocumentText, ranges: readonly TextRange[], offset: number): boolean {
  const range = rangeContaining(ranges, offset);
  return range === undefined || dt.text.slice(range.start, offset).trim() === '';
}

/** Finds every heading candidate. */
function candidates(dt: DocumentText, keys: readonly CompiledKey[], ranges: readonly TextRange[]): Candidate[] {
  const out: Candidate[] = [];
  const text = dt.text;
  ORDINAL_RE.lastIndex = 0;
  for (let m = ORDINAL_RE.exec(text); m && out.length < MAX_CANDIDATES; m = ORDINAL_RE.exec(text)) {
    const start = m.index;
    const standard = m[1] !== undefined;
    const printed = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const before = text[start - 1];
    // In flattened text a heading may follow a word character: accept it only right after an
    // excluded range (a table) or when a long section key matches at once (`…元三、收到和处理…`).
    const glued = before !== undefined && WORD_CHAR_RE.test(before) && !inRanges(ranges, start - 1);
    const ordinal = m[5] !== undefined ? Number(m[5]) : chineseOrdinal(printed);
    if (ordinal === null || ordinal === 0 || !allowed(dt, ranges, start)) continue;
    // The other ordinal forms count only before the title of the section they number.
    const eligible = standard ? keys : keys.filter((k) => k.ordinal === ordinal);
    if (eligible.length === 0) continue;
    const number = standard ? printed : (eligible[0]?.number ?? printed);
    const line = lineIndexAt(dt, start);
    const lineStart = dt.lineStarts[line] ?? 0;
    const lineEnd = lineStart + (dt.doc.lines[line]?.text.length ?? 0);
    const restStart = start + m[0].length;
    const rest = text.slice(restStart, lineEnd);
    if (!glued && text.slice(lineStart, start).trim() === '') {
      const title = collapseWhitespace(rest).replace(/[。:：]$/, '');
      const stop = title.indexOf('。');
      if (title.length >= 2 && title.length <= MAX_TITLE && stop < 0 && !rest.includes('\t') && !TABLE_ROW_RE.test(rest)) {
        const key = standard ? keys.find((k) => k.title.test(title)) : eligible.find((k) => k.start.test(title.replace(/\s+/g, '')));
        if (key || standard) {
          out.push({ start, bodyStart: lineEnd, ordinal, number, title, id: key?.id ?? null, weight: !key ? WEIGHT_UNKNOWN : standard ? WEIGHT_STANDARD : WEIGHT_OTHER_FORM });
          continue;
        }
      }
    }
    for (const key of eligible) {
      const inline = standard ? key.inline : key.exact;
      inline.lastIndex = restStart;
      const k = inline.exec(text);
      if (!k || restStart + k[0].length > lineEnd) continue;
      if (glued && (k[0] !== k[1] || (k[1] ?? '').length < GLUED_MIN_TITLE)) continue;
      const weight = standard ? WEIGHT_STANDARD : WEIGHT_OTHER_FORM;
      out.push({ start, bodyStart: restStart + k[0].length, ordinal, number, title: collapseWhitespace(k[1] ?? ''), id: key.id, weight });
      break;
    }
  }
  return out;
}

/**
 * The heaviest run of candidates with strictly increasing ordinals (a known title weighs 3, or 2
 * in another ordinal form than `四、`; an unknown heading 1), so table rows and stray enumerations
 * that restart at 一 drop out, and a sub-heading `(二)主动公开情况` loses to `二、主动公开政府信息情况`.
 */
function select(cands: readonly Candidate[]): Candidate[] {
  const n = cands.length;
  const best = new Array<number>(n).fill(0);
  const from = new Array<number>(n).fill(-1);
  let top = -1;
  for (let i = 0; i < n; i++) {
    const ci = cands[i];
    if (!ci) continue;
    best[i] = ci.weight;
    for (let j = 0; j < i; j++) {
      const cj = cands[j];
      if (!cj || cj.ordinal >= ci.ordinal) continue;
      const w = (best[j] ?? 0) + ci.weight;
      if (w > (best[i] ?? 0)) {
        best[i] = w;
        from[i] = j;
      }
    }
    if (top < 0 || (best[i] ?? 0) > (best[top] ?? 0)) top = i;
  }
  const chosen: Candidate[] = [];
  for (let i = top; i >= 0; i = from[i] ?? -1) {
    const c = cands[i];
    if (c) chosen.push(c);
  }
  return chosen.reverse();
}

/**
 * Detects the sections of a report.
 *
 * Headings are a Chinese ordinal (一 … 九十九) followed by `、` (or `.`), not inside a word, or a
 * section's ordinal in another printed form (`(四)`, `第四部分`, `四` and a space, `4、`, `4.`)
 * followed by that section's title (the title is required: these forms also number sub-headings
 * and table rows):
 * - at a line start, with a short title (2–40 characters, no full stop inside, not a table row):
 *   the title is the rest of the line, matched against every section key of the format (so
 *   2014-format sections are found by title whatever their ordinal);
 * - anywhere (flattened text), when a section key of the format matches right after the
 *   ordinal (up to 12 characters of prefix allowed): the title is the matched text.
 *
 * Candidates inside `exclude` are ignored, except a heading that opens an excluded range (a table
 * region that starts at its section title). Of the candidates, the heaviest sequence with strictly
 * increasing ordinals is kept. Sub-headings (`(一)…`) are not sections. Each format section id is
 * used once; unknown or repeated headings get `other-1`, `other-2`, … in reading order.
 *
 * `text` is the body up to the next section, rebuilt as paragraphs (see `paragraphs.ts`) joined
 * with '\n', with tables and ignored passages left out. Text before the first heading (title, legal
 * basis, statistics period, contacts) comes first as a section with id `preamble` and no number.
 * @param exclude tables and ignored passages, in any order
 */
export function detectSections(dt: DocumentText, format: ReportFormat, exclude: readonly TextRange[]): Section[] {
  return detectSectionsWithSpans(dt, format, exclude).sections;
}

/**
 * {@link detectSections}, also giving where each section lies in `dt` (`spans[i]` for
 * `sections[i]`), which claim extraction needs to file each claim under its section.
 */
export function detectSectionsWithSpans(
  dt: DocumentText,
  format: ReportFormat,
  exclude: readonly TextRange[],
): { sections: Section[]; spans: SectionSpan[] } {
  const ranges = mergeRanges(exclude);
  const chosen = select(candidates(dt, compiledKeys(format), ranges));
  const paragraphs = paragraphsOf(dt, ranges);
  const used = new Set<string>();
  let others = 0;
  const sections: Section[] = [];
  const spans: SectionSpan[] = [];
  // The opening before 一 (legal basis, statistics period, contacts: V14) is kept as `preamble`.
  const firstStart = chosen[0]?.start ?? dt.text.length;
  const preamble = textBetween(paragraphs, 0, firstStart);
  if (preamble.length > 0) {
    sections.push({ id: 'preamble', number: '', title: '', position: positionAt(dt, 0), text: preamble });
    spans.push({ start: 0, bodyStart: 0, end: firstStart });
  }
  chosen.forEach((c, i) => {
    let id = c.id;
    if (id === null || used.has(id)) id = `other-${++others}`;
    used.add(id);
    const end = chosen[i + 1]?.start ?? dt.text.length;
    const section: Section = {
      id,
      number: c.number,
      title: c.title,
      position: positionAt(dt, c.start),
      text: textBetween(paragraphs, c.bodyStart, end),
    };
    spans.push({ start: c.start, bodyStart: c.bodyStart, end });
    sections.push(section);
  });
  return { sections, spans };
}

/**
 * Where each section lies in `dt`, in the order given, for sections without their spans (read
 * back from JSON, say): derived from each section's position (its line and column, or the first
 * `N、` on its line), each section ending where the next one (by start) begins.
 */
export function sectionSpans(dt: DocumentText, sections: readonly Section[]): SectionSpan[] {
  const starts = sections.map((s) => fallbackStart(dt, s));
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  return sections.map((_, i) => {
    const start = starts[i] ?? 0;
    const next = sorted.find((o) => o > start);
    return { start, bodyStart: start, end: next ?? dt.text.length };
  });
}

/** The start offset of a section not detected here, from its position. */
function fallbackStart(dt: DocumentText, s: Section): number {
  const line = s.position?.line;
  if (line === undefined) return 0;
  const lineStart = dt.lineStarts[line - 1] ?? 0;
  if (s.position?.column !== undefined) return lineStart + s.position.column - 1;
  const idx = (dt.doc.lines[line - 1]?.text ?? '').indexOf(`${s.number}、`);
  return lineStart + Math.max(0, idx);
}
