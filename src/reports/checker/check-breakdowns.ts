/**
 * Narrative arithmetic (forms of RULES.md §6.2 V07, 数据精确): `V07-parts`, a total and its
 * parts (…N 件，其中 a 件、b 件…) must add up; `V07-rate`, a stated rate (回复率 100%) must equal
 * the numerator and denominator stated just before it in the same sentence.
 */
import type { Claim } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, fmt, makeFinding, passageOf, roundSum } from './check-context.ts';
import type { CheckContext } from './check-context.ts';

/**
 * The values a claim allows, as an interval: by its qualifier (exact: value; 约: ±10%; 余/多:
 * value…∞; 不到: 0…value), with `lowerBound` / `upperBound` replacing the end they bound whenever
 * set, whatever the qualifier (12.77万 ⇒ 127650…127750).
 */
export function claimInterval(claim: Claim): { lo: number; hi: number } {
  const v = claim.value;
  if (claim.negation) return { lo: 0, hi: 0 };
  let i: { lo: number; hi: number };
  switch (claim.qualifier) {
    case 'exact':
      i = { lo: v, hi: v };
      break;
    case 'approximately':
      i = { lo: v * 0.9, hi: v * 1.1 };
      break;
    case 'at-least':
    case 'more-than':
      i = { lo: v, hi: Number.POSITIVE_INFINITY };
      break;
    case 'at-most':
    case 'less-than':
      i = { lo: 0, hi: v };
      break;
  }
  return { lo: claim.lowerBound ?? i.lo, hi: claim.upperBound ?? i.hi };
}

/** `35` or `10000–19999` or `≥ 10000`, for messages. */
function intervalText(i: { lo: number; hi: number }): string {
  if (i.lo === i.hi) return fmt(i.lo);
  if (i.hi === Number.POSITIVE_INFINITY) return `≥ ${fmt(i.lo)}`;
  return `${fmt(roundSum(i.lo))}–${fmt(roundSum(i.hi))}`;
}

/**
 * Checks every breakdown of the report (`V07-parts`, severity warning: parts and total are both
 * narrative, so the table cannot say which one is wrong).
 *
 * Each claim allows an interval of values (see {@link claimInterval}: exact: one value; 余/多:
 * value…upperBound; 约: ±10%; 12.77万: lowerBound…upperBound).
 * - exhaustive (the parts end with 其他): the parts' interval sum must overlap the total's;
 * - otherwise the parts' smallest sum must not exceed the total's largest value.
 * Parts in % or in a unit other than the total's are left out; a breakdown whose claims are not
 * in the report is skipped. `expected` = the total, `found` = the parts' sum.
 */
export function checkBreakdowns(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const breakdown of ctx.report.breakdowns) {
    const total = ctx.claims.get(breakdown.total);
    if (!total || total.unit === '%') continue;
    const parts = breakdown.parts.map((id) => ctx.claims.get(id)).filter((c): c is Claim => c !== undefined && c.unit === total.unit);
    if (parts.length === 0) continue;
    const t = claimInterval(total);
    const sum = parts.reduce((acc, p) => {
      const i = claimInterval(p);
      return { lo: acc.lo + i.lo, hi: acc.hi + i.hi };
    }, { lo: 0, hi: 0 });
    const ok = breakdown.exhaustive ? sum.lo <= t.hi + 1e-6 && sum.hi >= t.lo - 1e-6 : sum.lo <= t.hi + 1e-6;
    if (ok) continue;
    const pos = at(total.position);
    const partsText = parts.map((p) => `${p.subject || p.context} ${fmt(p.value)}`).join(' + ');
    const zh = breakdown.exhaustive
      ? `叙述中的分项之和与总数不符：“${total.text}”${pos.zh}总数为 ${intervalText(t)} ${total.unit}，而各分项（${partsText}）之和为 ${intervalText(sum)} ${total.unit}。`
      : `叙述中的分项之和超过总数：“${total.text}”${pos.zh}总数为 ${intervalText(t)} ${total.unit}，而其中各项（${partsText}）之和已达 ${intervalText(sum)} ${total.unit}。`;
    const en = breakdown.exhaustive
      ? `The parts do not add up to the total: “${total.text}”${pos.en} gives ${intervalText(t)} ${total.unit}, but the parts (${partsText}) sum to ${intervalText(sum)} ${total.unit}.`
      : `The parts exceed the total: “${total.text}”${pos.en} gives ${intervalText(t)} ${total.unit}, but the parts (${partsText}) already sum to ${intervalText(sum)} ${total.unit}.`;
    findings.push(
      makeFinding({
        rule: 'V07-parts',
        severity: 'warning',
        zh,
        en,
        source: 'RULES.md §6.2 V07; 叙述中总数与分项须一致（数据精确）',
        passages: [passageOf(total), ...parts.map(passageOf)],
        expected: t.lo === t.hi ? t.lo : intervalText(t),
        found: sum.lo === sum.hi ? roundSum(sum.lo) : intervalText(sum),
      }),
    );
  }
  return findings;
}

/**
 * Words before a rate's verb that make it the rate of a narrower quantity (按时答复率 is 按时答复 /
 * 受理, not 答复 / 受理): the numerator must carry the same word.
 */
const RATE_MODIFIER_RE = /(?:按时|及时|准时|按期|如期|限时|当场|当日|当天|即时|提前|超期|逾期|满意|参评|网上|在线|一次性)$/;
/** Sentence ends (the three claims of a rate must lie in one sentence). */
const SENTENCE_END_RE = /[。!?！？]/;

/** The numerator word a rate claim names: `{ verb: 答复, modifier: 按时 }` for 按时答复率; null when no X率. */
function rateWord(subject: string): { verb: string; modifier: string } | null {
  const name = /([\p{Script=Han}]{2,})率(?:为|达|达到|是|均为|均达|均)?$/u.exec(subject)?.[1];
  if (!name) return null;
  const verb = name.slice(-2);
  return { verb, modifier: RATE_MODIFIER_RE.exec(name.slice(0, -2))?.[0] ?? '' };
}

/**
 * Whether the numerator states the rate's own quantity: its subject (a trailing 了 dropped) ends
 * with the rate's verb, preceded by the same modifier word or none (回复率 ↔ 回复 N, 办结率 ↔
 * 已办结 N, 按时答复率 ↔ 按时答复 N; not 按时答复率 ↔ 答复 N, nor 答复率 ↔ 按时答复 N).
 */
function numeratorOf(word: { verb: string; modifier: string }, numerator: Claim): boolean {
  const subject = numerator.subject.replace(/了$/, '');
  if (!subject.endsWith(word.verb)) return false;
  const modifier = RATE_MODIFIER_RE.exec(subject.slice(0, -word.verb.length))?.[0] ?? '';
  return modifier === word.modifier;
}

/**
 * Whether the three claims lie in one sentence, in order. Looked up in the text of the rate's
 * section (whitespace ignored): the denominator's, numerator's and rate's passages must appear in
 * that order with no sentence end between (false when they cannot be found there). When the
 * rate has no section in the report, the three must be on one line instead.
 */
function oneSentence(ctx: CheckContext, denominator: Claim, numerator: Claim, rate: Claim): boolean {
  const section = rate.section === null ? undefined : ctx.report.sections.find((s) => s.id === rate.section);
  if (!section) {
    const line = rate.position?.line;
    return line !== undefined && numerator.position?.line === line && denominator.position?.line === line;
  }
  const strip = (s: string): string => s.replace(/\s+/g, '');
  const body = strip(section.text);
  const rateText = strip(rate.text);
  const numText = strip(numerator.text);
  const denText = strip(denominator.text);
  for (let r = body.indexOf(rateText); r >= 0; r = body.indexOf(rateText, r + 1)) {
    const n = body.lastIndexOf(numText, r);
    if (n < 0) continue;
    const d = body.lastIndexOf(denText, n);
    if (d < 0) continue;
    if (!SENTENCE_END_RE.test(body.slice(d, r))) return true;
  }
  return false;
}

/**
 * Checks rates stated right after their numerator and denominator (`V07-rate`, warning):
 * `接受…658 项，回复 658 项，回复率 100%`. A % claim whose subject ends in X率 is paired with the
 * two claims before it only when they are clearly its own: all three in one sentence (see
 * `oneSentence`), numerator and denominator in the same unit, not %, the numerator's verb the
 * rate's (回复 N for 回复率, 按时答复 N for 按时答复率 — not 答复 N; see `numeratorOf`) and the
 * numerator ≤ the denominator. Anything less clean is skipped. The rate must equal numerator /
 * denominator × 100 within ±0.5 (one printed decimal place rounds to that). `expected` = the
 * computed rate, `found` = the stated one.
 */
export function checkRates(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const claims = ctx.report.claims;
  for (let i = 2; i < claims.length; i++) {
    const rate = claims[i];
    const numerator = claims[i - 1];
    const denominator = claims[i - 2];
    if (!rate || !numerator || !denominator || rate.unit !== '%') continue;
    const rw = rateWord(rate.subject);
    if (!rw) continue;
    const word = `${rw.modifier}${rw.verb}`;
    if (numerator.unit === '%' || numerator.unit !== denominator.unit) continue;
    if (!numeratorOf(rw, numerator)) continue;
    if (numerator.qualifier !== 'exact' || denominator.qualifier !== 'exact' || rate.qualifier !== 'exact') continue;
    if (denominator.value <= 0 || numerator.value > denominator.value) continue;
    const computed = roundSum((numerator.value / denominator.value) * 100);
    if (Math.abs(computed - rate.value) <= 0.5) continue;
    if (!oneSentence(ctx, denominator, numerator, rate)) continue;
    const pos = at(rate.position);
    findings.push(
      makeFinding({
        rule: 'V07-rate',
        severity: 'warning',
        zh: `比率与所列数字不符：“${rate.text}”${pos.zh}称${word}率为 ${fmt(rate.value)}%，而按 ${fmt(numerator.value)} ÷ ${fmt(denominator.value)} 计算为 ${fmt(Math.round(computed * 10) / 10)}%。`,
        en: `The rate does not match its figures: “${rate.text}”${pos.en} states ${fmt(rate.value)}%, but ${fmt(numerator.value)} / ${fmt(denominator.value)} is ${fmt(Math.round(computed * 10) / 10)}%.`,
        source: 'RULES.md §6.2 V07; 比率须与其分子分母一致（数据精确）',
        passages: [passageOf(denominator), passageOf(numerator), passageOf(rate)],
        expected: Math.round(computed * 10) / 10,
        found: rate.value,
      }),
    );
  }
  return findings;
}
