/**
 * Finds text that is not part of the report: blocks pasted in from another web page (a catalog
 * entry or procurement notice with its tab-separated metadata, as in the 吴忠市 2017 report) and
 * fragments duplicated by page-break repetition. The reader leaves these ranges out of the
 * paragraphs, sections, claims and metadata.
 */
import type { IgnoredPassage } from '../model/structured-report.ts';
import { positionAt } from './document-text.ts';
import type { DocumentText, TextRange } from './document-text.ts';
import { collapseWhitespace, inRanges, isHeadingLine, mergeRanges } from './paragraphs.ts';

/** What {@link findForeignContent} found. */
export interface ForeignContent {
  /** The passages, for the structured report's `ignored` list. */
  passages: IgnoredPassage[];
  /** Their ranges in the DocumentText (whole lines), sorted. */
  ranges: TextRange[];
}

/**
 * Metadata keys of catalog entries, notices and tender announcements (RULES.md §4 field labels),
 * as they start a line or a tab-separated cell.
 */
const METADATA_KEY_RE =
  /(?:^|\t)\s*(索引号|文号|发文字号|发布机构|生成日期|成文日期|发布日期|公开方式|公开时限|公开范围|主题分类|体裁分类|组配分类|责任编辑|信息来源|有效性|招标单位|招标方式|建设规模|建设地点|投标费率|项目负责人|资质等级|中标单位|中标金额|采购人|采购方式)/g;

/** A title line of a pasted notice. */
const NOTICE_TITLE_RE = /(?:公示|公告|通知|通告|公开招标|中标结果)$/;

/** A line ending a sentence (or a clause): a fragment must not. */
const FINAL_PUNCT_RE = /[。!?！？;；:：]\s*$/;

/** Lines compared when looking for a repeated fragment. */
const DUPLICATE_WINDOW = 12;
/** Longest line considered as a repeated fragment (a page's last line, not a whole paragraph). */
const DUPLICATE_MAX_LENGTH = 400;
/** Minimum length of a repeated fragment (whitespace collapsed). */
const DUPLICATE_MIN_LENGTH = 15;

/**
 * Finds foreign content outside the `exclude` ranges (the report's tables).
 *
 * - `foreign-content`: a run of tab-containing lines (blank lines may separate them) after the
 *   first line holding a full stop (a page-header catalog table above the report is its own
 *   metadata, not foreign), with the line just before it when that line ends like a notice title (`…中标公示`, `…公告`, `…通知`),
 *   is foreign when its lines carry at least two distinct catalog or notice metadata keys
 *   (索引号, 文号, 发布机构, 生成日期, 公开方式, 招标单位 …) at a line or cell start. Report tables
 *   are tab-separated too, but carry no such keys.
 * - `duplicate-fragment`: a line of 15 to 400 characters that does not end a sentence and whose
 *   text occurs again in one of the next 12 lines (a page break that repeated the last line of
 *   the page), as in 吴忠市 2017 line 28.
 * @param exclude ranges not to look into (the tables), in any order
 */
export function findForeignContent(dt: DocumentText, exclude: readonly TextRange[]): ForeignContent {
  const excluded = mergeRanges(exclude);
  const lines = dt.doc.lines;
  const lineFree = (i: number): boolean => {
    const start = dt.lineStarts[i] ?? 0;
    const text = lines[i]?.text ?? '';
    return !inRanges(excluded, start) && !inRanges(excluded, start + Math.max(0, text.length - 1));
  };
  const found: { first: number; last: number; reason: 'foreign-content' | 'duplicate-fragment' }[] = [];

  // Runs of tab-containing lines, after the narrative has begun (a catalog table at the top of a
  // saved web page describes the report itself: its 发布日期 is the publication date).
  let narrativeStart = 0;
  while (narrativeStart < lines.length && !(lines[narrativeStart]?.text.includes('。') ?? false)) narrativeStart++;
  let i = narrativeStart + 1;
  while (i < lines.length) {
    if (!(lines[i]?.text.includes('\t') ?? false) || !lineFree(i)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < lines.length) {
      const t = lines[j]?.text ?? '';
      if (t.trim() === '') {
        j++;
        continue;
      }
      if (!t.includes('\t') || !lineFree(j)) break;
      last = j;
      j++;
    }
    let first = i;
    const before = previousNonBlank(dt, i);
    if (before >= 0 && lineFree(before) && NOTICE_TITLE_RE.test((lines[before]?.text ?? '').trim())) first = before;
    if (distinctKeys(dt, first, last) >= 2) found.push({ first, last, reason: 'foreign-content' });
    i = last + 1;
  }

  // Fragments repeated by a page break.
  const collapsed: (string | undefined)[] = [];
  const collapsedLine = (k: number): string => (collapsed[k] ??= collapseWhitespace(lines[k]?.text ?? ''));
  const foreignLine = new Uint8Array(lines.length);
  for (const f of found) foreignLine.fill(1, f.first, f.last + 1);
  const inForeign = (k: number): boolean => foreignLine[k] === 1;
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k]?.text ?? '';
    if (raw.length < DUPLICATE_MIN_LENGTH || raw.length > DUPLICATE_MAX_LENGTH || FINAL_PUNCT_RE.test(raw) || raw.includes('\t')) continue;
    if (!lineFree(k) || inForeign(k)) continue;
    const fragment = collapsedLine(k);
    if (fragment.length < DUPLICATE_MIN_LENGTH || isHeadingLine(fragment)) continue;
    for (let m = k + 1; m < Math.min(lines.length, k + 1 + DUPLICATE_WINDOW); m++) {
      if ((lines[m]?.text.length ?? 0) <= fragment.length || !lineFree(m)) continue;
      if (collapsedLine(m).includes(fragment)) {
        found.push({ first: k, last: k, reason: 'duplicate-fragment' });
        break;
      }
    }
  }

  found.sort((a, b) => a.first - b.first);
  const passages: IgnoredPassage[] = [];
  const ranges: TextRange[] = [];
  for (const f of found) {
    const start = dt.lineStarts[f.first] ?? 0;
    const end = (dt.lineStarts[f.last] ?? 0) + (lines[f.last]?.text.length ?? 0);
    ranges.push({ start, end });
    passages.push({
      reason: f.reason,
      text: dt.text.slice(start, end),
      from: positionAt(dt, start),
      to: positionAt(dt, Math.max(start, end - 1)),
    });
  }
  return { passages, ranges };
}

/** Index of the closest non-blank line before line `i`, or -1. */
function previousNonBlank(dt: DocumentText, i: number): number {
  for (let k = i - 1; k >= 0; k--) if ((dt.doc.lines[k]?.text.trim() ?? '') !== '') return k;
  return -1;
}

/** Number of distinct metadata keys in lines `first..last`. */
function distinctKeys(dt: DocumentText, first: number, last: number): number {
  const keys = new Set<string>();
  for (let k = first; k <= last; k++) {
    const text = dt.doc.lines[k]?.text ?? '';
    for (const m of text.matchAll(METADATA_KEY_RE)) keys.add(m[1] ?? '');
  }
  return keys.size;
}
