/**
 * Lists the numeric claims of a report's narrative (rule V07's input): every number with a unit,
 * every zero stated in words, the breakdowns (a total and its parts) and the share sets (占 N%
 * items that describe one whole). Tables and ignored passages (the `exclude` ranges) are never
 * read. The claims are mapped onto cells afterwards by `claim-mapper.ts`.
 */
import type { Breakdown, Claim, ReportPosition, Section, ShareSet } from '../model/structured-report.ts';
import { scanNegations, scanNumbers, yearPhraseBefore } from './claim-scanner.ts';
import type { ScannedClaim } from './claim-scanner.ts';
import { positionAt } from './document-text.ts';
import type { DocumentText, TextRange } from './document-text.ts';
import { collapseWhitespace, offsetAt, paragraphsOf } from './paragraphs.ts';
import { sectionSpans } from './section-detector.ts';
import type { SectionSpan } from './section-detector.ts';

/** What {@link extractClaims} returns. */
export interface NarrativeClaims {
  claims: Claim[];
  shareSets: ShareSet[];
  breakdowns: Breakdown[];
}

/** A scanned claim with where it was found. */
interface Located {
  scanned: ScannedClaim;
  /** Index of its paragraph. */
  para: number;
  /** Its context (the subject of the total it breaks down), or ''. */
  context: string;
}

/** A total and its parts, as indexes into one paragraph's numeric claims. */
interface LocalBreakdown {
  total: number;
  parts: number[];
  exhaustive: boolean;
}

/** A marker that the claims after a total are its parts. */
const MARKER_RE = /其中|[(（](?:含|包括|包含)/;
/** A subject that starts something other than a part (另有 103 件…). */
const NOT_A_PART_RE = /^(?:另有|另外|此外|还有|另)/;
/** A part that makes a breakdown exhaustive. */
const OTHER_PART_RE = /^(?:其他|其它)/;
const HARD_STOP_RE = /[。!?！？]/;
const SEGMENT_STOP_RE = /[。!?！？;；]/;
const CLOSE_PAREN_RE = /[)）]/;
const OPEN_PAREN_RE = /[(（]/;
/** The end of a share item's subject: `X占`, `X占比`, `X占比为`. */
const SHARE_SUBJECT_RE = /占比?(?:为|达|是)?$/;
/** What a share list describes: `从信息类别看`, `按照内容分类`. */
const SHARE_TOPIC_RES: readonly RegExp[] = [/从(.{1,12}?)(?:上|方面)?来?看/g, /按(?:照)?(.{1,12}?)(?:分类|划分|来分|区分|统计)/g];

/** Whether the text between a total and the next claim, with a marker at `idx`, keeps them in one sentence. */
function markerValid(between: string, idx: number): boolean {
  const pre = between.slice(0, idx);
  return !SEGMENT_STOP_RE.test(pre) || /^[)）]?[。;；][(（]?$/.test(pre);
}

/**
 * Links totals and parts in one paragraph, filling `context` for the parts:
 * - a claim followed by 其中 / (含 / (包括 starts a breakdown; its parts are the following claims
 *   with the same unit, up to the sentence end, the `；` (or the closing bracket when the
 *   marker opened one), or a claim introduced by 另有/此外. A part starting with 其他/其它 makes
 *   the breakdown exhaustive.
 * - otherwise, a run of two or more exact claims with the same unit in the same clause group
 *   (no `；` or sentence end between) right after an exact claim, summing exactly to it, are its
 *   parts (context only, no breakdown: they add up by construction).
 */
function linkParts(t: string, numeric: readonly ScannedClaim[], context: string[]): LocalBreakdown[] {
  const out: LocalBreakdown[] = [];
  const totals = new Set<number>();
  for (let a = 0; a + 1 < numeric.length; a++) {
    const total = numeric[a];
    const next = numeric[a + 1];
    if (!total || !next) continue;
    const between = t.slice(total.tailEnd, next.index);
    const marker = MARKER_RE.exec(between);
    if (!marker || !markerValid(between, marker.index)) continue;
    const paren = OPEN_PAREN_RE.test(between.slice(0, marker.index + marker[0].length));
    const parts: number[] = [];
    for (let b = a + 1; b < numeric.length; b++) {
      const part = numeric[b];
      const prev = numeric[b - 1];
      if (!part || !prev || part.unit !== total.unit || NOT_A_PART_RE.test(part.subject)) break;
      if (b > a + 1) {
        const gap = t.slice(prev.tailEnd, part.index);
        if (HARD_STOP_RE.test(gap) || (paren ? CLOSE_PAREN_RE.test(gap) : /[;；]/.test(gap))) break;
      }
      parts.push(b);
    }
    if (parts.length === 0) continue;
    totals.add(a);
    for (const b of parts) if (context[b] === '') context[b] = total.subject;
    out.push({ total: a, parts, exhaustive: parts.some((b) => OTHER_PART_RE.test(numeric[b]?.subject ?? '')) });
  }
  for (let a = 0; a + 2 < numeric.length; a++) {
    const total = numeric[a];
    if (!total || totals.has(a) || total.qualifier !== 'exact') continue;
    let sum = 0;
    const parts: number[] = [];
    for (let b = a + 1; b < numeric.length; b++) {
      const part = numeric[b];
      const prev = numeric[b - 1];
      if (!part || !prev || part.unit !== total.unit || part.qualifier !== 'exact' || context[b] !== '') break;
      if (SEGMENT_STOP_RE.test(t.slice(prev.tailEnd, part.index))) break;
      sum += part.value;
      parts.push(b);
      if (sum >= total.value) break;
    }
    if (parts.length >= 2 && Math.abs(sum - total.value) < 1e-9) for (const b of parts) context[b] = total.subject;
  }
  return out;
}

/** A share item: a % claim whose subject ends in 占/占比; its label, or null. */
function shareLabel(s: ScannedClaim): string | null {
  if (s.negation || s.unit !== '%' || !SHARE_SUBJECT_RE.test(s.subject)) return null;
  const label = s.subject.replace(SHARE_SUBJECT_RE, '').replace(/^(?:其中|[、,，\-—]+)+/, '');
  return label === '' ? null : label;
}

/**
 * Groups consecutive share items: no other claim and no sentence end between them (a list may
 * continue into the next paragraph after `；`). Returns groups of three or more.
 */
function groupShares(items: readonly Located[], texts: readonly string[]): Located[][] {
  const groups: Located[][] = [];
  let current: Located[] = [];
  const close = (): void => {
    if (current.length >= 3) groups.push(current);
    current = [];
  };
  for (const item of items) {
    if (shareLabel(item.scanned) === null) {
      close();
      continue;
    }
    const prev = current[current.length - 1];
    if (prev && !sameList(prev, item, texts)) close();
    current.push(item);
  }
  close();
  return groups;
}

/** Whether two share items (in order) belong to one list. */
function sameList(a: Located, b: Located, texts: readonly string[]): boolean {
  if (a.para === b.para) return !HARD_STOP_RE.test((texts[a.para] ?? '').slice(a.scanned.tailEnd, b.scanned.index));
  if (b.para !== a.para + 1) return false;
  return !HARD_STOP_RE.test((texts[a.para] ?? '').slice(a.scanned.tailEnd)) && !HARD_STOP_RE.test((texts[b.para] ?? '').slice(0, b.scanned.index));
}

/** What a share list divides, from its sentence before the first item (`从X看`, `按X分类`), or ''. */
function shareTopic(text: string, first: ScannedClaim): string {
  let sentenceStart = 0;
  for (let i = first.clauseStart - 1; i >= 0; i--) {
    if (HARD_STOP_RE.test(text[i] ?? '')) {
      sentenceStart = i + 1;
      break;
    }
  }
  const window = text.slice(sentenceStart, first.clauseStart);
  let best = '';
  let bestAt = -1;
  for (const re of SHARE_TOPIC_RES) {
    for (const m of window.matchAll(re)) {
      if (m.index > bestAt) {
        bestAt = m.index;
        best = m[1] ?? '';
      }
    }
  }
  return best;
}

/** The numeric claims and negations of one paragraph, with the numeric claims' contexts and local breakdowns. */
function scanParagraph(t: string): { numeric: ScannedClaim[]; negations: ScannedClaim[]; context: string[]; breakdowns: LocalBreakdown[] } {
  const numeric = scanNumbers(t);
  const context = numeric.map(() => '');
  const breakdowns = linkParts(t, numeric, context);
  return { numeric, negations: scanNegations(t, numeric), context, breakdowns };
}

/**
 * Extracts the claims of the narrative.
 *
 * The narrative is rebuilt as paragraphs (page breaks joined, `exclude` left out) and scanned
 * with `claim-scanner.ts`. Claims get ids `c1`, `c2`, … in reading order, the id of the section
 * they lie in (null before the first section), their position (the number's first character),
 * a context when they break down an earlier claim of the sentence (see `linkParts`), and the
 * year phrase of their sentence that dates them, if any (`yearPhraseBefore`).
 * Breakdowns are totals followed by parts after 其中 or in brackets (含/包括). Share sets are three
 * or more `X占N%` / `X占比N%` items in one sentence or list; their subject comes from
 * `从X看` / `按X分类` before them, prefixed with 申请 in the requests section (`申请内容`).
 * @param sections the detected sections
 * @param exclude tables and ignored passages, in any order
 * @param knownSpans where each section lies (`detectSectionsWithSpans`); derived from the
 *   sections' positions when omitted
 */
export function extractClaims(
  dt: DocumentText,
  sections: readonly Section[],
  exclude: readonly TextRange[],
  knownSpans?: readonly SectionSpan[],
): NarrativeClaims {
  const paragraphs = paragraphsOf(dt, exclude);
  const spans = (knownSpans ?? sectionSpans(dt, sections))
    .map((span, i) => ({ ...span, id: sections[i]?.id ?? null }))
    .sort((a, b) => a.start - b.start);
  const located: Located[] = [];
  const breakdownIndexes: LocalBreakdown[] = [];
  const texts = paragraphs.map((p) => p.text);
  paragraphs.forEach((p, para) => {
    const scanned = scanParagraph(p.text);
    const all = [
      ...scanned.numeric.map((s, k) => ({ s, context: scanned.context[k] ?? '', k })),
      ...scanned.negations.map((s) => ({ s, context: '', k: -1 })),
    ].sort((x, y) => x.s.index - y.s.index);
    const indexOf = new Map<number, number>();
    for (const entry of all) {
      if (entry.k >= 0) indexOf.set(entry.k, located.length);
      located.push({ scanned: entry.s, para, context: entry.context });
    }
    for (const b of scanned.breakdowns) {
      breakdownIndexes.push({ total: indexOf.get(b.total) ?? -1, parts: b.parts.map((x) => indexOf.get(x) ?? -1), exhaustive: b.exhaustive });
    }
  });

  let spanIndex = -1;
  const claims: Claim[] = located.map((l, i) => {
    const p = paragraphs[l.para];
    const offset = p ? offsetAt(p, l.scanned.index) : 0;
    while (spanIndex + 1 < spans.length && (spans[spanIndex + 1]?.start ?? Infinity) <= offset) spanIndex++;
    const span = spans[spanIndex];
    const claim: Claim = {
      id: `c${i + 1}`,
      text: (p?.text ?? '').slice(l.scanned.clauseStart, l.scanned.predicateEnd),
      subject: l.scanned.subject,
      predicate: l.scanned.predicate,
      context: l.context,
      value: l.scanned.value,
      unit: l.scanned.unit,
      qualifier: l.scanned.qualifier,
      negation: l.scanned.negation,
      section: span && offset < span.end ? span.id : null,
      position: positionAt(dt, offset),
    };
    if (l.scanned.lowerBound !== undefined) claim.lowerBound = l.scanned.lowerBound;
    if (l.scanned.upperBound !== undefined) claim.upperBound = l.scanned.upperBound;
    const yearPhrase = yearPhraseBefore(p?.text ?? '', l.scanned.index);
    if (yearPhrase !== undefined) claim.yearPhrase = yearPhrase;
    return claim;
  });

  const breakdowns: Breakdown[] = breakdownIndexes
    .filter((b) => b.total >= 0 && b.parts.every((x) => x >= 0))
    .map((b) => ({ total: claims[b.total]?.id ?? '', parts: b.parts.map((x) => claims[x]?.id ?? ''), exhaustive: b.exhaustive }));

  const claimOf = new Map<Located, Claim>();
  located.forEach((l, i) => {
    const c = claims[i];
    if (c) claimOf.set(l, c);
  });
  const shareSets: ShareSet[] = groupShares(located, texts).map((group, n) => {
    const first = group[0];
    const firstClaim = first ? claimOf.get(first) : undefined;
    let subject = first ? shareTopic(texts[first.para] ?? '', first.scanned) : '';
    if (subject !== '' && firstClaim?.section === 'requests' && !subject.includes('申请')) subject = `申请${subject}`;
    return {
      id: `s${n + 1}`,
      origin: 'narrative' as const,
      subject,
      items: group.map((item) => ({ label: shareLabel(item.scanned) ?? '', value: item.scanned.value, position: claimOf.get(item)?.position ?? null })),
      position: firstClaim?.position ?? null,
    };
  });

  return { claims, shareSets, breakdowns };
}

/**
 * Reads a share set from one piece of text, such as the 2014 table's text cell 申请公开的主要内容
 * (`…其中征地拆迁占比25%、棚户区改造占比35%、…其他占比25%`).
 * @param text the text (normalised; whitespace is collapsed here)
 * @param origin where the text came from
 * @param position where it was read; every item gets it too
 * @param subject what is divided; default: `从X看`/`按X分类` in the text, else `申请内容` for a
 *   table cell (the only text cell of any format), else ''
 * @returns the first list of three or more share items, with id `shares`, or null
 */
export function extractShareSet(
  text: string,
  origin: 'narrative' | 'table',
  position: ReportPosition | null,
  subject?: string,
): ShareSet | null {
  const t = collapseWhitespace(text);
  const items: Located[] = scanNumbers(t).map((scanned) => ({ scanned, para: 0, context: '' }));
  const group = groupShares(items, [t])[0];
  const first = group?.[0];
  if (!group || !first) return null;
  const topic = shareTopic(t, first.scanned);
  return {
    id: 'shares',
    origin,
    subject: subject ?? (topic !== '' ? topic : origin === 'table' ? '申请内容' : ''),
    items: group.map((item) => ({ label: shareLabel(item.scanned) ?? '', value: item.scanned.value, position })),
    position,
  };
}
