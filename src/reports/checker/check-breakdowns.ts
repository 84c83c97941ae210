/**
 * Narrative arithmetic (forms of RULES.md §6.2 V07, 数据精确): `V07-parts`, a total and its
 * parts (…N 件，其中 a 件、b 件…) must add up; `V07-rate`, a stated rate (回复率 100%) must equal
 * the numerator and denominator stated just before it in the same sentence.
 */
import type { Claim } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, fmt, makeFinding, passageOf, roundSum } from './check-context.ts';
import type { CheckContext } from './check-context.ts';

/** The values a claim allows, as an interval. */
export function claimInterval(claim: Claim): { lo: number; hi: number } {
  const v = claim.value;
  if (claim.negation) return { lo: 0, hi: 0 };
  switch (claim.qualifier) {
    case 'exact':
      return { lo: v, hi: v };
    case 'approximately':
      return { lo: v * 0.9, hi: v * 1.1 };
    case 'at-least':
      return { lo: v, hi: claim.upperBound ?? Number.POSITIVE_INFINITY };
    case 'more-than':
      return { lo: v, hi: Number.POSITIVE_INFINITY };
    case 'at-most':
    case 'less-than':
      return { lo: 0, hi: v };
  }
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
 * Each claim allows an interval of values (exact: one value; 余/多: value…upperBound; 约: ±10%).
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
 * Checks rates stated right after their numerator and denominator (`V07-rate`, warning):
 * `接受…658 项，回复 658 项，回复率 100%`. A % claim whose subject ends in X率 is paired with the
 * two claims before it when they are on the same line, carry the same unit, are not %, the one
 * right before mentions X (回复 for 回复率) and is ≤ the one before that. Anything less clean is
 * skipped. The rate must equal numerator / denominator × 100 within ±0.5 (one printed decimal
 * place rounds to that). `expected` = the computed rate, `found` = the stated one.
 */
export function checkRates(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const claims = ctx.report.claims;
  for (let i = 2; i < claims.length; i++) {
    const rate = claims[i];
    const numerator = claims[i - 1];
    const denominator = claims[i - 2];
    if (!rate || !numerator || !denominator || rate.unit !== '%') continue;
    const word = /([\p{Script=Han}]{2})率(?:为|达|达到|是)?$/u.exec(rate.subject)?.[1];
    if (!word) continue;
    if (numerator.unit === '%' || numerator.unit !== denominator.unit) continue;
    if (!`${numerator.subject}${numerator.predicate}`.includes(word)) continue;
    const line = rate.position?.line;
    if (line === undefined || numerator.position?.line !== line || denominator.position?.line !== line) continue;
    if (numerator.qualifier !== 'exact' || denominator.qualifier !== 'exact' || rate.qualifier !== 'exact') continue;
    if (denominator.value <= 0 || numerator.value > denominator.value) continue;
    const computed = roundSum((numerator.value / denominator.value) * 100);
    if (Math.abs(computed - rate.value) <= 0.5) continue;
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
