/**
 * Reads what identifies a report: its title, the reporting organization, the year reported on,
 * the publication date (a crawler/web-page header or the signature date at the end of the
 * narrative) and the format notice it cites (国办公开办函〔2019〕60号 / 〔2021〕30号).
 */
import type { ReportPosition } from '../model/structured-report.ts';
import { positionAt } from './document-text.ts';
import type { DocumentText, TextRange } from './document-text.ts';
import { collapseWhitespace, inRanges, mergeRanges } from './paragraphs.ts';

/** What {@link readMetadata} found; null where it found nothing. */
export interface ReportMetadata {
  title: string | null;
  organizationName: string | null;
  year: number | null;
  publicationDate: { date: string; source: 'header' | 'signature'; position: ReportPosition | null } | null;
  citedFormat: '2019' | '2021' | null;
}

/** Lines from the top searched for the title and a header date. */
const HEAD_LINES = 40;
/** Characters of each head line looked at (a flattened report may be one long line). */
const HEAD_LINE_CHARS = 300;
const YEAR = '((?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})';
const MONTH_DAY = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** A header line giving the title. */
const HEADER_TITLE_RE = /^(?:标题|题名|文章标题)[:：](.+)$/;
/** A report title (whitespace-free): organization, year, …政府信息公开…年度报告. */
const TITLE_RE = new RegExp(`^([^,，。;；:：《》“”()]{0,30}?)${YEAR}年度?([^,，。;；:：《》“”]{0,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)`);
/** A header date: `发布时间: 2021-03-05 08:58`, `发布日期：2021年3月5日`. */
const HEADER_DATE_RE = /(?:发布时间|发布日期|公开日期|发文日期|发布于)[:：]?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
/** A signature date line (whitespace-free), possibly after the organization's name. */
const DATE_LINE_RE = new RegExp(`^([^\\d,，。;；:：至]{0,30}?)${YEAR}年${MONTH_DAY}月${MONTH_DAY}日$`);
/** A signature date written numerically (`2025-04-20`, `2025.4.20`, `2025/4/20`), possibly after the organization's name. */
const NUMERIC_DATE_LINE_RE = /^([^\d,，。;；:：至]{0,30}?)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/** A short line that is only an organization name (huaian: `淮安市人民政府` above the title). */
const NAME_LINE_RE = /^[\p{Script=Han}()]{2,30}$/u;
/** A citation of the 2019 or 2021 format notice. */
const CITATION_RE = /国办公开办函\s*[〔[(（【]?\s*(20\d{2})\s*[〕\])）】]?\s*(\d{1,3})\s*号/g;

const CN_DIGITS: Readonly<Record<string, number>> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses `2024`, `二〇二四` (digit by digit), `12`, `十二`, `二十一`; NaN when unreadable. */
function parseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.split('').reduce((acc, c) => acc * 10 + (CN_DIGITS[c] ?? NaN), 0);
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? NaN);
  const units = ten === s.length - 1 ? 0 : (CN_DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + units;
}

/** `YYYY-MM-DD` for a valid date, else null. */
function isoDate(y: string, m: string, d: string): string | null {
  const year = parseNumber(y);
  const month = parseNumber(m);
  const day = parseNumber(d);
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A line of the document, whitespace collapsed, with its index. */
interface Line {
  index: number;
  text: string;
}

/** The lines not touching an excluded range, whitespace collapsed, blank ones dropped. */
function liveLines(dt: DocumentText, ranges: readonly TextRange[], from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, dt.doc.lines.length); i++) {
    const raw = dt.doc.lines[i]?.text ?? '';
    const start = dt.lineStarts[i] ?? 0;
    if (inRanges(ranges, start) || inRanges(ranges, start + Math.max(0, raw.length - 1))) continue;
    const text = collapseWhitespace(raw.length > HEAD_LINE_CHARS ? raw.slice(0, HEAD_LINE_CHARS) : raw);
    if (text !== '') out.push({ index: i, text });
  }
  return out;
}

/** Position of the first non-blank character of line `index`. */
function linePosition(dt: DocumentText, index: number): ReportPosition | null {
  const raw = dt.doc.lines[index]?.text ?? '';
  return positionAt(dt, (dt.lineStarts[index] ?? 0) + (raw.length - raw.trimStart().length));
}

/** Title, organization and year from the head of the document. */
function readTitle(head: readonly Line[]): { title: string; organization: string | null; year: number | null; line: number } | null {
  let fallback: { title: string; organization: string | null; year: number | null; line: number } | null = null;
  for (let k = 0; k < head.length; k++) {
    const line = head[k];
    if (!line) continue;
    const header = HEADER_TITLE_RE.exec(line.text);
    const text = header ? (header[1] ?? '') : line.text;
    const m = TITLE_RE.exec(text);
    if (!m) continue;
    let title = m[0];
    let organization = (m[1] ?? '') !== '' ? (m[1] ?? '') : (m[3] ?? '');
    const prev = head[k - 1];
    if (organization === '' && !header && prev && prev.index >= line.index - 3 && NAME_LINE_RE.test(prev.text)) {
      organization = prev.text;
      title = prev.text + title;
    }
    organization = organization.replace(/关于$/, '');
    const year = parseNumber(m[2] ?? '');
    const found = { title, organization: organization === '' ? null : organization, year: Number.isInteger(year) ? year : null, line: line.index };
    if (header) return found;
    fallback ??= found;
  }
  return fallback;
}

/** Whether a line strictly between lines `a` and `b` holds body text (a full stop). */
function bodyBetween(dt: DocumentText, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if ((dt.doc.lines[k]?.text ?? '').includes('。')) return true;
  return false;
}

/** The format notice cited in the text, outside the excluded ranges. */
function citedFormat(dt: DocumentText, ranges: readonly TextRange[]): '2019' | '2021' | null {
  let cited: '2019' | '2021' | null = null;
  CITATION_RE.lastIndex = 0;
  for (let m = CITATION_RE.exec(dt.text); m; m = CITATION_RE.exec(dt.text)) {
    if (inRanges(ranges, m.index)) continue;
    if (m[1] === '2021' && m[2] === '30') return '2021';
    if (m[1] === '2019' && m[2] === '60') cited = '2019';
  }
  return cited;
}

/**
 * What the format decision needs before the tables are known: the title's year and the cited
 * format notice (see {@link readMetadata}), without looking for the publication date.
 */
export function formatHints(dt: DocumentText): { year: number | null; citedFormat: '2019' | '2021' | null } {
  return { year: readTitle(liveLines(dt, [], 0, HEAD_LINES))?.year ?? null, citedFormat: citedFormat(dt, []) };
}

/**
 * Reads the report's metadata, never from the `exclude` ranges (tables, foreign content).
 *
 * - Title: a `标题:` header line, else the first line in the first 40 that reads
 *   `[organization]YEAR年[度]…政府信息公开…报告`; when it has no organization, a short name line
 *   just above it is its first part (`淮安市人民政府` + `2024 年政府信息公开工作年度报告`).
 *   Whitespace is collapsed.
 * - Organization: the title text before the year (`吴忠市`), else after it (`2017年吴忠市…`),
 *   else the name line above the title.
 * - Year: the title's year.
 * - Publication date: a `发布时间:` / `发布日期:` header in the first 40 lines (source `header`);
 *   else the last line of the document that is only a date (optionally after a name), `2018 年 1 月
 *   20 日` (source `signature`, or `header` when it sits right under the title with no body text
 *   between), whose year is the
 *   report year up to two years after. A date inside a sentence (the statistics period) is never
 *   taken.
 * - Cited format: `国办公开办函〔2021〕30号` → '2021', else `〔2019〕60号` → '2019'.
 * @param exclude tables and ignored passages, in any order
 */
export function readMetadata(dt: DocumentText, exclude: readonly TextRange[]): ReportMetadata {
  const ranges = mergeRanges(exclude);
  const head = liveLines(dt, ranges, 0, HEAD_LINES);
  const title = readTitle(head);
  const year = title?.year ?? null;

  let publicationDate: ReportMetadata['publicationDate'] = null;
  for (const line of head) {
    const m = HEADER_DATE_RE.exec(line.text);
    const date = m ? isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (date) {
      publicationDate = { date, source: 'header', position: linePosition(dt, line.index) };
      break;
    }
  }
  if (!publicationDate) {
    let bodyAfter = false;
    for (let i = dt.doc.lines.length - 1; i >= 0 && !publicationDate; i--) {
      const raw = dt.doc.lines[i]?.text ?? '';
      if (raw.trim() === '') continue;
      const start = dt.lineStarts[i] ?? 0;
      if (inRanges(ranges, start) || inRanges(ranges, start + raw.length - 1)) continue;
      if (raw.length > 80) {
        bodyAfter = true;
        continue;
      }
      const compact = collapseWhitespace(raw);
      // A numeric date is taken only in the closing lines (no sentence after it): elsewhere it is
      // more likely a date the text mentions than the date it was signed.
      const m = DATE_LINE_RE.exec(compact) ?? (bodyAfter ? null : NUMERIC_DATE_LINE_RE.exec(compact));
      if (compact.includes('。')) bodyAfter = true;
      const date = m ? isoDate(m[2] ?? '', m[3] ?? '', m[4] ?? '') : null;
      if (!date) continue;
      const dateYear = Number(date.slice(0, 4));
      if (year !== null && (dateYear < year || dateYear > year + 2)) continue;
      const nearTitle = title !== null && i > title.line && i <= title.line + 3 && !bodyBetween(dt, title.line, i);
      publicationDate = { date, source: nearTitle ? 'header' : 'signature', position: linePosition(dt, i) };
    }
  }

  return {
    title: title?.title ?? null,
    organizationName: title?.organization ?? null,
    year,
    publicationDate,
    citedFormat: citedFormat(dt, ranges),
  };
}

/** Name endings of departments (art. 49: report due by 31 January). */
const DEPARTMENT_RE = /(?:局|委员会|委|办公室|办|厅|部|中心|院|署|所|办事处)$/;
/** Name endings of governments and bare place names (art. 49: report due by 31 March). */
const GOVERNMENT_RE = /(?:人民政府|政府|省|市|县|区|旗|州|盟|乡|镇|综合实验区|新区)$/;

/**
 * The kind of an organization, from its name: a department (`…局`, `…委员会`, `…办公室`, `…办`,
 * `…厅`, `…部`, `…中心`, `…院`, `…署`, `…所`: 淮安市财政局, 国家税务总局淮安市税务局,
 * 市政府办公室) or a government (`…人民政府`, or a bare place name ending in 省/市/县/区/旗/州/盟/
 * 乡/镇/综合实验区/新区: 吴忠市, 平潭综合实验区). Department endings are tested first, so
 * `淮安市人民政府办公室` is a department. Returns null for null or an unrecognised name.
 */
export function organizationKind(name: string | null): 'government' | 'department' | null {
  if (name === null) return null;
  const n = collapseWhitespace(name);
  if (n === '') return null;
  if (DEPARTMENT_RE.test(n)) return 'department';
  if (GOVERNMENT_RE.test(n)) return 'government';
  return null;
}
