/**
 * Finds numeric statements in one paragraph of whitespace-collapsed narrative text: a number with
 * a unit (`主动公开政府信息125981条`), its qualifier (余/多/以上 …), the clause before it (the
 * subject) and after it (the predicate); and zeros stated in words (`未收到…投诉、举报`,
 * `无败诉案件`, `全部实行免费`). Works on plain strings; `claim-extractor.ts` maps the indexes back
 * to document offsets.
 */
import type { Qualifier } from '../model/structured-report.ts';

/** A claim found in a string; indexes are into that string. */
export interface ScannedClaim {
  /** Index of the number's first digit (of the negation word for negations). */
  index: number;
  /** Index just after the unit and any trailing qualifier (以上/左右). */
  tailEnd: number;
  /** Index where the subject's clause starts. */
  clauseStart: number;
  /** Index just after the predicate. */
  predicateEnd: number;
  subject: string;
  predicate: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  /** Smallest value allowed, when not `value` (figures printed to a precision: 12.77万). */
  lowerBound?: number;
  /** Largest value allowed (at-least claims; figures printed to a precision). */
  upperBound?: number;
  negation: boolean;
}

/** A number: digits, optional thousands groups, optional decimals. */
const NUMBER_RE = /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?/g;
/**
 * What follows a number that makes it a claim: 余/多, 万/亿, the unit, 以上/左右. Units that begin
 * common words are guarded (`3个月`, `人民`, `名单`, `期间`, `项目`, `家庭`, `元旦`).
 */
const TAIL_RE =
  /(余|多)?(?:(万元|亿元)|(万|亿)?(余|多)?(人次|场次|条|件|次|篇|个(?!月|工作日|百分点|小时|季度)|人(?!民)|名(?!单|称|额)|场(?!所|景|地)|期(?!间|限|刊)|项(?!目)|户(?!籍|口)|套|家(?!庭|属|长)|份(?!额)|元(?!旦|素)|%))(以上|左右)?/y;
/** Characters before a number that make it part of a code, an id, a date or a decimal. */
const BAD_BEFORE_RE = /[0-9A-Za-z._\-/@#〔[\\~～]/;
/** Codes of the characters a claim's tail can start with (a cheap filter before TAIL_RE). */
const TAIL_START: ReadonlySet<number> = new Set([...'余多万亿人场条件次篇个名期项户套家份元%'].map((c) => c.charCodeAt(0)));
/** Words before a number that qualify it, longest first. */
const PRE_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['将近', 'approximately'],
  ['大约', 'approximately'],
  ['不到', 'less-than'],
  ['不足', 'less-than'],
  ['少于', 'less-than'],
  ['低于', 'less-than'],
  ['超过', 'at-least'],
  ['多于', 'at-least'],
  ['至少', 'at-least'],
  ['高于', 'at-least'],
  ['近', 'approximately'],
  ['约', 'approximately'],
  ['逾', 'at-least'],
];
/** Characters that end a clause. */
const CLAUSE_END = new Set([',', '，', ';', '；', '。', ':', '：', '!', '?', '！', '？', '\n']);
/** Characters that end a predicate besides the clause ends. */
const PREDICATE_END = new Set(['、', '(', ')', '（', '）', '【', '】', '[', ']']);
/** Openers and closers scanned over when looking back for the clause start. */
const OPEN_OF: ReadonlyMap<string, string> = new Map([
  [')', '('],
  ['）', '（'],
  ['》', '《'],
  ['〉', '〈'],
  ['”', '“'],
  ['】', '【'],
]);
const OPENERS = new Set(['(', '（', '《', '〈', '“', '【']);

/** Negation: a verb of receiving/occurring negated (`未收到…`, `没有发生…`). */
const NEG_VERB_RE = /(?:未|没有|无)(收到|接到|发生|出现|受理|产生|发现|收取|被)(?:过)?(?:任何)?(.+)$/;
/** Negation: a clause opening with 无/没有 (`无败诉案件`). */
const NEG_NONE_RE = /^(?:全年|本年度?|今年|年内|均|并|且|也|同时)*(?:无|没有)(.+)$/;
/** Negation: no fee charged (`全部实行免费`, `免收费用`, `不收取任何费用`). */
const NEG_FEE_RE = /(?:全部|一律|均|全都|全面)(?:实行|实施|予以|为)?免费|免(?:收|除)了?(?:任何)?(?:费用|信息处理费)|(?:未|没有|不)收取(?:任何)?(?:费用|信息处理费)/;
/** Characters that may start a negation; only clauses holding one are examined. */
const NEG_TRIGGER_RE = /[未没无免不]/g;
/** Topics a negation must be about to count (what the tables count). */
const NEG_TOPIC_RE = /投诉|举报|败诉|复议|诉讼|纠错|纠正|问责|追责|费/;

/** The `[start, end)` spans inside 《…》 and 〈…〉 (titles: their numbers are not claims), flattened. */
function titleSpans(t: string): number[] {
  const spans: number[] = [];
  if (t.indexOf('《') < 0 && t.indexOf('〈') < 0) return spans;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x300a || c === 0x3008) {
      if (depth++ === 0) start = i + 1;
    } else if ((c === 0x300b || c === 0x3009) && depth > 0) {
      if (--depth === 0) spans.push(start, i);
    }
  }
  if (depth > 0) spans.push(start, t.length);
  return spans;
}

/** Number of trailing zeros of a positive integer. */
function trailingZeros(n: number): number {
  let z = 0;
  while (n >= 10 && n % 10 === 0) {
    n /= 10;
    z++;
  }
  return z;
}

/** Rounds away binary noise (2528.5 × 10000). */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * The largest value an at-least phrase plausibly allows: N + max(10^trailingZeros(N), ⌈N×0.1⌉)
 * for integers (`105余` ⇒ 116, `1641多` ⇒ 1806, `1000余` ⇒ 2000); for decimals the step is one
 * unit of the last decimal place. Multiplied by 万/亿 afterwards by the caller.
 */
export function atLeastUpperBound(n: number, raw: string): number {
  const dot = raw.indexOf('.');
  if (dot < 0) return n + Math.max(10 ** trailingZeros(n), Math.ceil(n * 0.1));
  const step = 10 ** -(raw.length - dot - 1);
  return clean(n + Math.max(step, n * 0.1));
}

/**
 * The values a figure printed with a 万/亿 multiplier stands for: half a unit of its last printed
 * digit either side, multiplied out (`12.77万` ⇒ [127650, 127750], `12.8万` ⇒ [127500, 128500],
 * `3万` ⇒ [25000, 35000]). The upper end is the rounding boundary (12.775万 prints as 12.78万),
 * kept inclusive like every claim bound.
 * @param raw the digits as printed (thousands separators allowed)
 * @param multiplier 1e4 for 万, 1e8 for 亿
 */
export function precisionBounds(raw: string, multiplier: number): { lowerBound: number; upperBound: number } {
  const digits = raw.replace(/,/g, '');
  const dot = digits.indexOf('.');
  const decimals = dot < 0 ? 0 : digits.length - dot - 1;
  const value = Number(digits) * multiplier;
  const half = (multiplier * 10 ** -decimals) / 2;
  return { lowerBound: clean(value - half), upperBound: clean(value + half) };
}

/** Character classes for the backward clause scan: 1 ends a clause or opens a bracket, 2 closes one. */
const SCAN_CLASS = new Uint8Array(0x10000);
for (const c of CLAUSE_END) SCAN_CLASS[c.charCodeAt(0)] = 1;
for (const c of OPENERS) SCAN_CLASS[c.charCodeAt(0)] = 1;
for (const c of OPEN_OF.keys()) SCAN_CLASS[c.charCodeAt(0)] = 2;
/** Closer code → opener code. */
const OPENER_CODE: ReadonlyMap<number, number> = new Map([...OPEN_OF].map(([close, open]) => [close.charCodeAt(0), open.charCodeAt(0)]));

/** The start of the clause ending at `end`: back to a clause end, an unclosed opener, or `limit`. */
function clauseStartBefore(t: string, end: number, limit: number): number {
  const stack: number[] = [];
  for (let i = end - 1; i >= limit; i--) {
    const c = t.charCodeAt(i);
    const cls = SCAN_CLASS[c] ?? 0;
    if (cls === 0) continue;
    if (cls === 2) {
      stack.push(OPENER_CODE.get(c) ?? 0);
      continue;
    }
    if (stack.length > 0) {
      if (c === stack[stack.length - 1]) stack.pop();
      continue;
    }
    return i + 1;
  }
  return limit;
}

/** `s` without spaces (paragraph text keeps a space only between ASCII letters or digits). */
function removeSpaces(s: string): string {
  return s.includes(' ') ? s.replace(/\s+/g, '') : s;
}

/** Cleans a subject: drops leading connectors (、 其中 含) and a trailing qualifier word. */
function cleanSubject(s: string, qualifierWord: string): string {
  let out = removeSpaces(s);
  if (qualifierWord && out.endsWith(qualifierWord)) out = out.slice(0, -qualifierWord.length);
  out = out.replace(/^[、,，\-—]+/, '').replace(/^其中[,，:：]?/, '');
  return out.replace(/^[、,，]+/, '');
}

/** The qualifier word (近, 约, 超过 …) that ends `before`, if any. */
function preQualifier(before: string): readonly [string, Qualifier] | undefined {
  return PRE_QUALIFIERS.find(([w]) => before.endsWith(w));
}

/**
 * Scans one paragraph for numeric claims, in order.
 *
 * A claim is a number followed by a unit (条 件 次 篇 个 人 人次 名 场 场次 期 项 户 套 家 份 万元
 * 亿元 元 %), optionally with 余/多 and 万/亿 between (`1万余条` = at least 10000, upper bound
 * 20000; `19余万人` = at least 190000). Not claims: numbers inside 《》, after 第, next to letters,
 * `-`, `/`, `:`, `.` or `〔` (codes, phone numbers, times, dates, document numbers), and numbers
 * followed by anything else (年 月 日 号 …).
 *
 * Qualifiers: 余/多/以上/超过/逾/至少 → at-least (with `upperBound`); 近/约/大约/左右 →
 * approximately; 不到/不足/少于 → less-than. A figure with a 万/亿 multiplier and no other
 * qualifier is approximately, to its printed precision (`12.77万` ⇒ lowerBound 127650, upperBound
 * 127750, see {@link precisionBounds}); with 近/约/左右 its bounds are the wider of that and ±10%.
 *
 * The subject is the clause before the number back to `, ; 。 :`, an unclosed bracket, or the
 * previous claim, with leading `、`/`其中` and the qualifier word removed; the predicate is the text
 * after the unit up to the clause end, `、`, a bracket, or the next claim.
 */
export function scanNumbers(t: string): ScannedClaim[] {
  const titles = titleSpans(t);
  let title = 0;
  const found: { index: number; numEnd: number; tailEnd: number; value: number; unit: string; qualifier: Qualifier; lowerBound?: number; upperBound?: number; word: string }[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(t); m; m = NUMBER_RE.exec(t)) {
    const index = m.index;
    const raw = m[0];
    const numEnd = index + raw.length;
    if (!TAIL_START.has(t.charCodeAt(numEnd))) continue;
    while (title < titles.length && (titles[title + 1] ?? 0) <= index) title += 2;
    if (title < titles.length && (titles[title] ?? 0) <= index) continue;
    const before = t[index - 1];
    if (before !== undefined && (BAD_BEFORE_RE.test(before) || before === '第')) continue;
    if ((before === ' ' || before === ':') && /\d/.test(t[index - 2] ?? '')) continue;
    TAIL_RE.lastIndex = numEnd;
    const tail = TAIL_RE.exec(t);
    if (!tail) continue;
    const n = Number(raw.replace(/,/g, ''));
    const multiplier = tail[3] === '万' ? 1e4 : tail[3] === '亿' ? 1e8 : 1;
    const unit = tail[2] ?? tail[5] ?? '';
    const pre = preQualifier(t.slice(Math.max(0, index - 2), index));
    let qualifier: Qualifier = pre?.[1] ?? 'exact';
    if (tail[1] !== undefined || tail[4] !== undefined || tail[6] === '以上') qualifier = 'at-least';
    else if (tail[6] === '左右') qualifier = 'approximately';
    const value = clean(n * multiplier);
    const entry = { index, numEnd, tailEnd: numEnd + tail[0].length, value, unit, qualifier, word: pre?.[0] ?? '' };
    if (qualifier === 'at-least') {
      found.push({ ...entry, upperBound: clean(atLeastUpperBound(n, raw) * multiplier) });
    } else if (multiplier !== 1 && (qualifier === 'exact' || qualifier === 'approximately')) {
      // 12.77万 is stated to its printed precision; 约12.8万 allows the wider of that and ±10%.
      const bounds = precisionBounds(raw, multiplier);
      if (qualifier === 'approximately') {
        bounds.lowerBound = Math.min(bounds.lowerBound, clean(value * 0.9));
        bounds.upperBound = Math.max(bounds.upperBound, clean(value * 1.1));
      }
      found.push({ ...entry, qualifier: 'approximately', ...bounds });
    } else {
      found.push(entry);
    }
  }
  const claims: ScannedClaim[] = [];
  found.forEach((f, k) => {
    const limit = k > 0 ? (found[k - 1]?.tailEnd ?? 0) : 0;
    const clauseStart = clauseStartBefore(t, f.index, limit);
    const nextIndex = found[k + 1]?.index ?? t.length;
    let predicateEnd = f.tailEnd;
    while (predicateEnd < nextIndex) {
      const c = t[predicateEnd] ?? '';
      if (CLAUSE_END.has(c) || PREDICATE_END.has(c)) break;
      predicateEnd++;
    }
    const claim: ScannedClaim = {
      index: f.index,
      tailEnd: f.tailEnd,
      clauseStart,
      predicateEnd,
      subject: cleanSubject(t.slice(clauseStart, f.index), f.word),
      predicate: removeSpaces(t.slice(f.tailEnd, predicateEnd)),
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      negation: false,
    };
    if (f.lowerBound !== undefined) claim.lowerBound = f.lowerBound;
    if (f.upperBound !== undefined) claim.upperBound = f.upperBound;
    claims.push(claim);
  });
  return claims;
}

/** The noun phrase a negation is about: the text after the last 的, without 任何/相关. */
function negatedObject(object: string): string {
  const de = object.lastIndexOf('的');
  const tail = de >= 0 && de < object.length - 1 ? object.slice(de + 1) : object;
  return tail.replace(/^(?:任何|相关)/, '').replace(/(?:的)?情况$/, '');
}

/**
 * Scans one paragraph for zeros stated in words, one per clause, skipping clauses that hold a
 * numeric claim (their indexes in `numeric`):
 * - `全部实行免费`, `免收费用`, `不收取任何费用` → subject `免费` (or `收取费用`);
 * - `未收到/没有发生/未被… X` → subject X after its last 的 (`投诉、举报`); when X is an
 *   application (`…申请`), the verb is kept (`收到政府信息公开申请`);
 * - a clause opening with 无/没有 (`无败诉案件`) → subject `败诉案件`.
 * Only negations about complaints, reviews, suits, corrections or fees count.
 */
export function scanNegations(t: string, numeric: readonly ScannedClaim[]): ScannedClaim[] {
  const out: ScannedClaim[] = [];
  let k = 0;
  NEG_TRIGGER_RE.lastIndex = 0;
  for (let m = NEG_TRIGGER_RE.exec(t); m; m = NEG_TRIGGER_RE.exec(t)) {
    let clauseStart = m.index;
    while (clauseStart > 0 && !CLAUSE_END.has(t[clauseStart - 1] ?? '')) clauseStart--;
    let end = m.index;
    while (end < t.length && !CLAUSE_END.has(t[end] ?? '')) end++;
    NEG_TRIGGER_RE.lastIndex = end;
    while (k < numeric.length && (numeric[k]?.index ?? 0) < clauseStart) k++;
    if (k < numeric.length && (numeric[k]?.index ?? 0) < end) continue;
    const clause = t.slice(clauseStart, end);
    let subject: string | null = null;
    let at = 0;
    const fee = NEG_FEE_RE.exec(clause);
    const verb = fee ? null : NEG_VERB_RE.exec(clause);
    const none = fee || verb ? null : NEG_NONE_RE.exec(clause);
    if (fee) {
      subject = fee[0].includes('免费') ? '免费' : '收取费用';
      at = fee.index;
    } else if (verb && (NEG_TOPIC_RE.test(verb[2] ?? '') || /申请$/.test(verb[2] ?? ''))) {
      const object = negatedObject(verb[2] ?? '');
      subject = /申请$/.test(object) && !NEG_TOPIC_RE.test(object) ? `${verb[1] ?? ''}${object}` : object;
      at = verb.index;
    } else if (none && NEG_TOPIC_RE.test(none[1] ?? '')) {
      subject = negatedObject(none[1] ?? '');
      at = none.index;
    }
    if (subject === null || subject === '') continue;
    out.push({ index: clauseStart + at, tailEnd: end, clauseStart, predicateEnd: end, subject, predicate: '', value: 0, unit: '', qualifier: 'exact', negation: true });
  }
  return out;
}

/** Characters that end a sentence (a year named before them no longer dates what follows). */
const SENTENCE_END = new Set(['。', '!', '?', '！', '？', '\n']);
/**
 * A phrase that dates a figure: an absolute year, 19xx or 20xx (`2023年`, `2023年度`,
 * `二〇二三年`), or a year relative to the report's (`上年`, `上一年度`, `去年`, `前一年`,
 * `本年度`, `今年`). 下年/明年 are left out: before a figure they only ever say where a request
 * was carried to.
 */
const YEAR_PHRASE_RE = /(?<![\d〇零一二三四五六七八九])(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?|(?<![以之])上一?年(?:度)?|(?<!过)去年|前一年(?:度)?|本年(?:度)?|今年/gu;
/** Text between a year phrase and the figure that makes it a carry-over (上年度结转申请 34 件), not a date. */
const CARRY_AFTER_RE = /^[^,，;；:：\d]*?(?:结转|转入|遗留|延续)/;
/** Text before a year phrase that makes it a carry-over target (结转至2025年). */
const CARRY_BEFORE_RE = /(?:(?:结转|顺延|转入|延期)(?:至|到)?|转(?:至|到))$/;
/** Text after a year phrase that makes it a comparison (与上年相比，…). */
const COMPARE_AFTER_RE = /^(?:同期)?(?:相比|相较|比较|对比)/;
/** Text before a year phrase that makes it a comparison (较上年增加 …, 同比2023年). */
const COMPARE_BEFORE_RE = /(?:较|比|同比|相比|相较|对比)$/;

/**
 * The phrase that dates the figure at `index` of `t`: the last year phrase (see
 * `YEAR_PHRASE_RE`) between the start of its sentence and the figure, leaving out phrases inside
 * 《》, 〈〉 or “” (titles, names), carry-overs (`上年度结转申请`, `2023年结转`, `结转至2025年`) and
 * comparisons (`与上年相比`, `较上年增加`). Whitespace is removed from the phrase.
 * @returns the phrase, e.g. `2023年`, `上年`, `本年度`, or undefined when the sentence names no year
 *   before the figure
 */
export function yearPhraseBefore(t: string, index: number): string | undefined {
  let start = index;
  while (start > 0 && !SENTENCE_END.has(t[start - 1] ?? '')) start--;
  const window = t.slice(start, index);
  if (!/年/.test(window)) return undefined;
  let found: string | undefined;
  let depth = 0;
  let scanned = 0;
  YEAR_PHRASE_RE.lastIndex = 0;
  for (let m = YEAR_PHRASE_RE.exec(window); m; m = YEAR_PHRASE_RE.exec(window)) {
    for (; scanned < m.index; scanned++) {
      const c = window[scanned] ?? '';
      if (c === '《' || c === '〈' || c === '“') depth++;
      else if ((c === '》' || c === '〉' || c === '”') && depth > 0) depth--;
    }
    if (depth > 0) continue;
    const before = window.slice(0, m.index);
    const after = window.slice(m.index + m[0].length);
    if (CARRY_BEFORE_RE.test(before) || CARRY_AFTER_RE.test(after)) continue;
    if (COMPARE_BEFORE_RE.test(before) || COMPARE_AFTER_RE.test(after)) continue;
    found = m[0].replace(/\s+/g, '');
  }
  return found;
}

/** Chinese digits of a year written in characters (二〇二三年). */
const HAN_DIGIT: ReadonlyMap<string, number> = new Map([...'〇一二三四五六七八九'].map((c, i) => [c, i] as const).concat([['零', 0]]));

/**
 * The year a {@link yearPhraseBefore} phrase names, given the report year: `2023年` ⇒ 2023,
 * `二〇二三年` ⇒ 2023, `上年`/`去年`/`上一年度`/`前一年` ⇒ year − 1, `本年度`/`今年` ⇒ year.
 * @returns the year, or null when it depends on an unknown report year (or the phrase is not one)
 */
export function yearOfPhrase(phrase: string, year: number | null): number | null {
  const digits = /^(\d{4}|[〇零一二三四五六七八九]{4})年/u.exec(phrase)?.[1];
  if (digits !== undefined) return /^\d/.test(digits) ? Number(digits) : Number([...digits].map((c) => HAN_DIGIT.get(c) ?? 0).join(''));
  if (year === null) return null;
  if (/^(?:上一?年|去年|前一年)/.test(phrase)) return year - 1;
  if (/^(?:本年|今年)/.test(phrase)) return year;
  return null;
}
