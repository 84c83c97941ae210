/**
 * The information processing fee (信息处理费) of 国办函〔2020〕109号《政府信息公开信息处理费管理办法》
 * (RULES.md §2), computed from the tier tables in `data/fee-tiers.json`. Art. 3: an agency charges
 * either per request (按件计收, art. 4) or per page (按量计收, art. 5), never both for one
 * application, and both are superprogressive (超额累进): each unit is priced by the tier it falls in,
 * like income tax brackets, not the whole quantity at the highest tier reached.
 *
 * The tiers are data so that a correction (several readings are UNVERIFIED, marked in the JSON and
 * carried into each result's `unverified`) changes no code. Pure: no I/O, no clock.
 */
import { GongkaiError } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { formatDateZh, yuanInCapitalsZh } from './chinese-format.ts';
import feeTierData from './data/fee-tiers.json' with { type: 'json' };

/** A fee method: per request (按件计收, art. 4) or per page (按量计收, art. 5). */
export type FeeMethod = 'per-request' | 'per-page';

/**
 * Input of {@link computeFee}. The union makes charging both ways for one application impossible
 * (109号 art. 3: "不得同时按照两种标准重复计算").
 */
export type FeeInput =
  | {
      method: 'per-request';
      /** Pieces (件) the same requester already applied for earlier in this natural month. */
      alreadyThisMonth: number;
      /** Pieces this application is split into (一事一申请, art. 4); they are numbered n+1 … n+k in the month. */
      pieces: number;
      pages?: never;
    }
  | {
      method: 'per-page';
      /** Pages (页) of information provided for this application. */
      pages: number;
      alreadyThisMonth?: never;
      pieces?: never;
    };

/** One tier's share of a fee: units `from`…`to` (inclusive) at `unitPriceYuan` each. */
export interface FeeLine {
  /** First unit number in this tier (per request: the piece's number in the month; per page: the page). */
  from: number;
  /** Last unit number in this tier, inclusive. */
  to: number;
  /** 元 per unit in this tier (0 in the free tier). */
  unitPriceYuan: number;
  /** Units in this tier: `to - from + 1`. */
  quantity: number;
  /** `quantity × unitPriceYuan`, 元. */
  subtotalYuan: number;
}

/** A computed fee, with everything a fee notice must state (basis, standard, amount). */
export interface FeeResult {
  method: FeeMethod;
  /** The fee, whole 元: the sum of the lines' subtotals. */
  amountYuan: number;
  /** Tier by tier, in order; free units included; empty when there is nothing to count. */
  lines: FeeLine[];
  /** The legal basis, Chinese, ready to print: the regulation's article 42 and the 109号 articles. */
  basisZh: string;
  /** The standard (the whole tier table of the method), Chinese, ready to print. */
  standardZh: string;
  /** The unit: `件` or `页`. */
  unitZh: string;
  /** Readings of the source this result depends on that are not verified (from the JSON). */
  unverified: string[];
}

interface TierRow {
  from: number;
  /** null: open-ended. */
  to: number | null;
  unitPriceYuan: number;
}

interface MethodSchedule {
  methodZh: string;
  article: string;
  unitZh: string;
  scopeZh: string;
  source: string;
  tiers: TierRow[];
  /** Repeating bands after the last fixed tier (per request, from 31 件). */
  bands?: { from: number; size: number; firstUnitPriceYuan: number; stepYuan: number; sourceZh: string; unverified: string };
}

interface FeeTierFile {
  nameZh: string;
  citationZh: string;
  unverified: string[];
  perRequest: MethodSchedule;
  perPage: MethodSchedule;
}

const SCHEDULE = feeTierData as FeeTierFile;

/** The largest unit number counted (件 in a month, 页 in an application): a guard, not a rule of 109号. */
export const MAX_FEE_UNITS = 100_000;

const REGULATION_ARTICLE_ZH = '《中华人民共和国政府信息公开条例》第四十二条';

function scheduleOf(method: FeeMethod): MethodSchedule {
  return method === 'per-request' ? SCHEDULE.perRequest : SCHEDULE.perPage;
}

/** The tier ranges of a schedule that cover units 1…`last`, expanding the repeating bands as needed. */
function tierRanges(schedule: MethodSchedule, last: number): { from: number; to: number; unitPriceYuan: number }[] {
  const ranges: { from: number; to: number; unitPriceYuan: number }[] = [];
  for (const tier of schedule.tiers) {
    if (tier.from > last) return ranges;
    ranges.push({ from: tier.from, to: tier.to ?? last, unitPriceYuan: tier.unitPriceYuan });
  }
  const bands = schedule.bands;
  if (!bands) return ranges;
  for (let from = bands.from, price = bands.firstUnitPriceYuan; from <= last; from += bands.size, price += bands.stepYuan) {
    ranges.push({ from, to: from + bands.size - 1, unitPriceYuan: price });
  }
  return ranges;
}

/**
 * The tier table of a method in Chinese, generated from the data, e.g. per page:
 * `按量计收：同一政府信息公开申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；…；201页以上的部分，40元/页。`
 */
export function feeStandardZh(method: FeeMethod): string {
  const s = scheduleOf(method);
  const u = s.unitZh;
  const parts = s.tiers.map((t, i) => {
    if (i === 0 && t.unitPriceYuan === 0 && t.to !== null) return `${s.scopeZh}${t.to}${u}以下（含${t.to}${u}）的，不收费`;
    if (t.to === null) return `${t.from}${u}以上的部分，${t.unitPriceYuan}元/${u}`;
    return `${t.from}—${t.to}${u}（含${t.to}${u}）的部分，${t.unitPriceYuan}元/${u}`;
  });
  const b = s.bands;
  if (b) {
    const second = b.firstUnitPriceYuan + b.stepYuan;
    parts.push(
      `${b.from}${u}以上的部分，以${b.size}${u}为一档，每增加一档，收费标准提高${b.stepYuan}元/${u}` +
        `（${b.from}—${b.from + b.size - 1}${u}${b.firstUnitPriceYuan}元/${u}，${b.from + b.size}—${b.from + 2 * b.size - 1}${u}${second}元/${u}，依此类推）`,
    );
  }
  return `${s.methodZh}：${parts.join('；')}。`;
}

/**
 * The legal basis of a fee under a method, Chinese: the regulation's article 42 and 109号
 * articles 3 (methods, superprogressive) and 4 (per request) or 5 (per page).
 */
export function feeBasisZh(method: FeeMethod): string {
  return `${REGULATION_ARTICLE_ZH}，${SCHEDULE.nameZh}（${SCHEDULE.citationZh}）第三条、${scheduleOf(method).article}`;
}

function countIssue(field: string, value: unknown): ErrorIssue | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return { field, message: 'must be a non-negative integer', messageZh: '应为非负整数' };
  }
  if (value > MAX_FEE_UNITS) return { field, message: `must be at most ${MAX_FEE_UNITS}`, messageZh: `不应超过${MAX_FEE_UNITS}` };
  return undefined;
}

/**
 * Computes the information processing fee of one application.
 * @param input per request: the pieces already applied for this natural month by the same
 *   requester and the pieces of this application (numbered on from there, 109号 art. 4); per page:
 *   the pages provided (art. 5)
 * @returns the amount in whole 元, tier by tier, with the basis and standard in Chinese
 * @throws GongkaiError `VALIDATION_FAILED` when a count is not a non-negative integer, a count (or
 *   `alreadyThisMonth + pieces`) exceeds {@link MAX_FEE_UNITS}, the method is unknown, or fields of
 *   both methods are given
 */
export function computeFee(input: FeeInput): FeeResult {
  const raw = input as Partial<Record<'method' | 'alreadyThisMonth' | 'pieces' | 'pages', unknown>>;
  const issues: ErrorIssue[] = [];
  let first: number;
  let count: number;
  if (raw.method === 'per-request') {
    for (const field of ['alreadyThisMonth', 'pieces'] as const) {
      const issue = countIssue(field, raw[field]);
      if (issue) issues.push(issue);
    }
    if (raw.pages !== undefined) issues.push({ field: 'pages', message: 'a per-request fee counts no pages (109号 art. 3: never both methods)', messageZh: '按件计收时不得同时按页计费' });
    first = (raw.alreadyThisMonth as number) + 1;
    count = raw.pieces as number;
    if (issues.length === 0 && first - 1 + count > MAX_FEE_UNITS) {
      issues.push({ field: 'pieces', message: `alreadyThisMonth + pieces must be at most ${MAX_FEE_UNITS}`, messageZh: `本月累计件数不应超过${MAX_FEE_UNITS}` });
    }
  } else if (raw.method === 'per-page') {
    const issue = countIssue('pages', raw.pages);
    if (issue) issues.push(issue);
    if (raw.pieces !== undefined || raw.alreadyThisMonth !== undefined) {
      issues.push({ field: 'pieces', message: 'a per-page fee counts no pieces (109号 art. 3: never both methods)', messageZh: '按量计收时不得同时按件计费' });
    }
    first = 1;
    count = raw.pages as number;
  } else {
    issues.push({ field: 'method', message: 'must be per-request or per-page', messageZh: '计费方式应为按件计收或按量计收' });
    first = 0;
    count = 0;
  }
  if (issues.length > 0) {
    throw new GongkaiError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
  }

  const method = input.method;
  const schedule = scheduleOf(method);
  const last = first + count - 1;
  const lines: FeeLine[] = [];
  for (const range of tierRanges(schedule, last)) {
    const from = Math.max(range.from, first);
    const to = Math.min(range.to, last);
    if (from > to) continue;
    const quantity = to - from + 1;
    lines.push({ from, to, unitPriceYuan: range.unitPriceYuan, quantity, subtotalYuan: quantity * range.unitPriceYuan });
  }
  const unverified = [...SCHEDULE.unverified];
  if (schedule.bands && last >= schedule.bands.from) unverified.push(schedule.bands.unverified);
  return {
    method,
    amountYuan: lines.reduce((sum, l) => sum + l.subtotalYuan, 0),
    lines,
    basisZh: feeBasisZh(method),
    standardZh: feeStandardZh(method),
    unitZh: schedule.unitZh,
    unverified,
  };
}

/**
 * The pieces a requester already applied for in the natural month of `receivedOn`, to pass as
 * `alreadyThisMonth` (109号 art. 4 counts 件 per requester per natural month, cumulatively).
 * Counting by date of receipt is our convention; 109号 says only "一个自然月内".
 * @param earlier the same requester's earlier applications (not this one): date of receipt
 *   `YYYY-MM-DD` and pieces counted for each
 * @param receivedOn this application's date of receipt, `YYYY-MM-DD`
 * @returns the sum of pieces of earlier applications received in the same month, on or before `receivedOn`
 */
export function piecesAlreadyThisMonth(earlier: readonly { receivedOn: string; pieces: number }[], receivedOn: string): number {
  const month = receivedOn.slice(0, 7);
  return earlier.filter((e) => e.receivedOn.slice(0, 7) === month && e.receivedOn <= receivedOn).reduce((sum, e) => sum + e.pieces, 0);
}

/** What the fee notice states beyond the fee itself. */
export interface FeeNoticeInput {
  fee: FeeResult;
  /** How to pay (缴纳方式), e.g. the non-tax payment code and where to find it. */
  paymentMethodZh: string;
  /**
   * The last day to pay, `YYYY-MM-DD`. The caller computes it: 20 working days counted from the
   * day after the requester receives the notice (RULES.md §2, [F-SC]).
   */
  payBy: string;
}

/** Describes one fee line in Chinese: `第11—30件，20件×100元/件=2000元` or `第1—30页不收费`. */
function lineZh(line: FeeLine, unit: string): string {
  const range = line.from === line.to ? `第${line.from}${unit}` : `第${line.from}—${line.to}${unit}`;
  if (line.unitPriceYuan === 0) return `${range}不收费`;
  return `${range}，${line.quantity}${unit}×${line.unitPriceYuan}元/${unit}=${line.subtotalYuan}元`;
}

/**
 * The body of a fee notice (收费通知), Chinese paragraphs: basis, standard, amount (tier by tier,
 * in figures and capitals), how to pay, the payment deadline and the consequence of not paying
 * (逾期未缴纳的视为放弃申请). RULES.md §2: the notice must state "收费的依据、标准、数额、缴纳方式等";
 * the 20-working-day period and its consequence are from the 四川 implementing notice restating
 * the national rule (national article UNVERIFIED, so no article is cited for them).
 * @returns the paragraphs, without salutation or signature
 * @throws GongkaiError `VALIDATION_FAILED` when the fee is 0 元 (nothing to notify), `payBy` is
 *   not a date or `paymentMethodZh` is blank
 */
export function feeNoticeText(input: FeeNoticeInput): string[] {
  const issues: ErrorIssue[] = [];
  if (!Number.isSafeInteger(input.fee.amountYuan) || input.fee.amountYuan <= 0) {
    issues.push({ field: 'fee', message: 'no fee is due, so no fee notice is sent', messageZh: '无需缴费，不应发出收费通知' });
  }
  if (input.paymentMethodZh.trim() === '') issues.push({ field: 'paymentMethodZh', message: 'required', messageZh: '请填写缴纳方式' });
  let payByZh = '';
  try {
    payByZh = formatDateZh(input.payBy);
  } catch {
    issues.push({ field: 'payBy', message: 'not a date (YYYY-MM-DD)', messageZh: '缴费期限格式应为 YYYY-MM-DD' });
  }
  if (issues.length > 0) {
    throw new GongkaiError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
  }
  const { fee } = input;
  const unit = fee.unitZh;
  const first = fee.lines[0];
  const last = fee.lines[fee.lines.length - 1];
  const total = fee.lines.reduce((sum, l) => sum + l.quantity, 0);
  const scope =
    fee.method === 'per-request'
      ? `本次申请按件计收，计为本自然月第${first?.from ?? 0}—${last?.to ?? 0}件（共${total}件）`
      : `本次申请按量计收，共${total}页`;
  return [
    `根据${fee.basisZh}的规定，您的政府信息公开申请需缴纳信息处理费。现将有关事项通知如下：`,
    `一、收费依据：${fee.basisZh}。`,
    `二、收费标准：${fee.standardZh}`,
    `三、收费数额：${scope}，其中${fee.lines.map((l) => lineZh(l, unit)).join('；')}。合计人民币${fee.amountYuan}元（大写：${yuanInCapitalsZh(fee.amountYuan)}）。`,
    `四、缴纳方式：${input.paymentMethodZh.trim().replace(/[。.]$/, '')}。`,
    `五、缴纳期限：请于${payByZh}前（收到本通知次日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理您的该项政府信息公开申请。`,
  ];
}
