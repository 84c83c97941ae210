/**
 * Rule V10: fees for disclosure upon request are reported, and consistently (RULES.md §6.2 V10;
 * §2 信息处理费, 国办函〔2020〕109号, reported in section 六 of the 2021 format; 2014 统计表 row
 * 七、依申请公开信息收取的费用).
 */
import type { Claim } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, cellRef, fmt, makeFinding, numberAt, passageOf } from './check-context.ts';
import type { CheckContext } from './check-context.ts';

const UNPAID_FEE = 't3/other-unpaid-fee/total';
const FEES_2014 = 'stats/fees/value';
const FEE_WORDS = /信息处理费|收费/u;
const FREE_WORDS = /免费|未收取|不收取|未收费|没有收取|未收|零收费/u;

/** Whether the claim speaks of the 信息处理费 with a positive amount or count. */
function isFeeClaim(claim: Claim): boolean {
  return !claim.negation && claim.value > 0 && `${claim.context}${claim.subject}${claim.predicate}${claim.text}`.includes('信息处理费');
}

/**
 * Checks the fee statements.
 *
 * 2021 format:
 * - table 三 （六）2 (申请人逾期未按收费通知要求缴纳费用) total > 0, or a claim stating a
 *   信息处理费 > 0, while section 六 (其他需要报告的事项) is missing or mentions neither
 *   信息处理费 nor 收费 → `V10` error;
 * - otherwise section 六 present but saying nothing about fees (no 费) → `V10` info (the
 *   template asks for the 信息处理费 there; RULES.md §2).
 *
 * 2014 format: the fees cell (七、依申请公开信息收取的费用) > 0 while a negation claim says
 * 免费/未收取 → `V10` error.
 *
 * 2019 format: not checked (the fee regime postdates 60号, RULES.md §3.6 item 8).
 */
export function checkFees(ctx: CheckContext): Finding[] {
  if (ctx.format.id === '2021') return checkFees2021(ctx);
  if (ctx.format.id === '2014') return checkFees2014(ctx);
  return [];
}

function checkFees2021(ctx: CheckContext): Finding[] {
  const other = ctx.report.sections.find((s) => s.id === 'other');
  const unpaid = numberAt(ctx, UNPAID_FEE);
  const feeClaims = ctx.report.claims.filter(isFeeClaim);
  const triggered = (unpaid !== null && unpaid > 0) || feeClaims.length > 0;
  if (triggered) {
    if (other && FEE_WORDS.test(other.text)) return [];
    const why: { zh: string[]; en: string[] } = { zh: [], en: [] };
    if (unpaid !== null && unpaid > 0) {
      why.zh.push(`表三“（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用”总计为 ${fmt(unpaid)} 件`);
      why.en.push(`table 3 row (6)2 (fee notice unpaid) totals ${fmt(unpaid)}`);
    }
    for (const claim of feeClaims) {
      why.zh.push(`叙述“${claim.text}”${at(claim.position).zh}`);
      why.en.push(`the passage “${claim.text}”${at(claim.position).en}`);
    }
    const pos = at(other?.position);
    return [
      makeFinding({
        rule: 'V10',
        severity: 'error',
        zh: `${why.zh.join('；')}，说明涉及收费，但“六、其他需要报告的事项”${other ? `${pos.zh}未说明信息处理费收取情况` : '缺失'}。`,
        en: `${why.en.join('; ')} show(s) that fees were involved, but section 六 (other matters)${other ? `${pos.en} does not report the 信息处理费` : ' is missing'}.`,
        source: 'RULES.md §6.2 V10; §2 (信息处理费在第六部分报告); 国办函〔2020〕109号',
        cells: unpaid !== null && unpaid > 0 ? [cellRef(ctx, UNPAID_FEE)] : [],
        passages: [
          ...feeClaims.map(passageOf),
          ...(other ? [{ claim: null, text: `${other.number}、${other.title}：${other.text.slice(0, 80)}`, position: other.position }] : []),
        ],
        expected: '信息处理费收取情况',
        found: null,
      }),
    ];
  }
  if (other && !/费/u.test(other.text)) {
    return [
      makeFinding({
        rule: 'V10',
        severity: 'info',
        zh: `“六、其他需要报告的事项”${at(other.position).zh}未提及信息处理费的收取情况（如未收取，宜写明“未收取信息处理费”）。`,
        en: `Section 六 (other matters)${at(other.position).en} says nothing about the 信息处理费 (information processing fee); if none was charged it should say so.`,
        source: 'RULES.md §6.2 V10 (otherwise say 未收取); §2',
        passages: [{ claim: null, text: `${other.number}、${other.title}：${other.text.slice(0, 80)}`, position: other.position }],
        expected: '信息处理费收取情况',
        found: null,
      }),
    ];
  }
  return [];
}

function checkFees2014(ctx: CheckContext): Finding[] {
  const fees = numberAt(ctx, FEES_2014);
  if (fees === null || fees <= 0) return [];
  const free = ctx.report.claims.filter((c) => c.negation && FREE_WORDS.test(`${c.subject}${c.predicate}${c.text}`));
  if (free.length === 0) return [];
  const cell = cellRef(ctx, FEES_2014);
  return [
    makeFinding({
      rule: 'V10',
      severity: 'error',
      zh: `统计表“七、依申请公开信息收取的费用”${at(cell.position).zh}为 ${fmt(fees)} 万元，而叙述称${free.map((c) => `“${c.text}”${at(c.position).zh}`).join('、')}。`,
      en: `The statistics table row 七 (fees charged) holds ${fmt(fees)} 万元${at(cell.position).en}, but the narrative says no fee was charged: ${free.map((c) => `“${c.text}”${at(c.position).en}`).join(', ')}.`,
      source: 'RULES.md §6.2 V10; §3.7 (统计表 七、依申请公开信息收取的费用)',
      cells: [cell],
      passages: free.map(passageOf),
      expected: 0,
      found: fees,
    }),
  ];
}
