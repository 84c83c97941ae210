/**
 * Statistics of requests for disclosure from the cases' projection columns (issue 4 item 8): table 三
 * (收到和处理政府信息公开申请情况) of the 2021 or 2019 format, the request rows of the 2014 statistics
 * table (三 依申请公开情况 and 七 收取的费用), and the 信息处理费 statement of the 2021 section 六.
 * Pure: the repository (request-statistics.repository.ts) computes {@link classifyCase} in SQL with
 * GROUP BY and hands the groups to {@link tallyRequestTables}; tests and small callers use
 * {@link computeRequestTables} on case rows.
 *
 * Definitions, for an organization subtree and a year Y (dates compared as `YYYY-MM-DD` text). The
 * formats print the rows and the identity 一 + 二 = （七） + 四, not how to count them, so each line below
 * is **our reading** (UNVERIFIED as an official rule) chosen so that the identity holds by construction:
 * - 一 本年新收: cases with `received_on` in Y, in the column of their requester type; 总计 = their sum.
 * - 二 上年结转: cases received before Y-01-01 and not decided before it (`outcome_on` null or ≥ Y-01-01).
 * - 三 办理结果: cases decided in Y (`outcome_on` in Y), in the row of their `outcome` (a 2021 row id,
 *   src/requests/request-outcome.ts); in the 2019 format the three （六） rows fold into one `other`
 *   row. （七）总计 = the sum of the result rows. A case is decided when its reply is made (答复,
 *   not when it is delivered or archived), or when it lapses (补正 or fee) or is withdrawn.
 * - 四 结转下年度继续办理: cases received on or before Y-12-31 and not decided by then.
 *
 * The 2014 statistics table (国办发〔2014〕32号; rows as in src/reports/format/format-2014.ts):
 * - 收到申请数: the same cases as 一, by channel: 当面 = in person; 传真 = fax; 网络 = online and
 *   email; 信函 = registered and ordinary post.
 * - 申请办结数: the cases decided in Y (the same set as （七）). 按时办结 = decided on or before
 *   `reply_due` (or with no running deadline: a lapsed 补正 stops the clock); 延期办结 = decided after
 *   `reply_due` but by `final_due`, with an approved extension. A case decided after its final
 *   deadline is neither: the table has no row for late replies, so it is reported apart
 *   (`concludedLate`) and the table's own V15 identity (办结 = 按时 + 延期) then warns about it.
 * - 申请答复数 by type, from the outcome of each case decided in Y. Only 予以公开 → 同意公开 and
 *   部分公开 → 同意部分公开 are direct; every other line is an inference (see `ANSWER_ROWS_2014`):
 *   不予公开 → 不同意公开, with 国家秘密, 危及“三安全一稳定” and 其他法律行政法规禁止公开 (→ 法律法规规定
 *   的其他情形) mapped by name; 保护第三方合法权益 → 涉及个人隐私 (the case does not record whether
 *   the third party's interest was a trade secret or privacy; privacy is the commoner ground, so
 *   涉及商业秘密 stays 0); the three 2019 categories the 2008 text did not have (内部事务, 过程性,
 *   行政执法案卷) → 不是《条例》所指政府信息 (the 2008 basis the outcomes cite is 第二条, the
 *   definition); 行政查询事项 → 告知通过其他途径办理 (art. 36 (七): use the special procedure).
 *   无法提供·本机关不掌握 → 申请信息不存在, unless the detail says another agency discloses it (below);
 *   没有现成信息需要另行制作 → 申请信息不存在
 *   (nothing exists to disclose). 补正后仍不明确 and 逾期不补正 → 告知作出更改补充 (the 补正 notice was
 *   the reply). 信访举报投诉 and 公开出版物 → 告知通过其他途径办理.
 *   Two rows come from the reply's answer detail (`request_case.answer_detail`, request-outcome.ts),
 *   which table 三 ignores: 予以公开 marked `already-public` (2019 art. 36 (一); 2008 art. 21 (一):
 *   the reply told the requester where the proactively disclosed information is) → 属于已主动公开范围
 *   instead of 同意公开; 本机关不掌握 marked `other-agency` (2019 art. 36 (五); 2008 art. 21 (三))
 *   → 不属于本行政机关公开 instead of 申请信息不存在. Our reading (UNVERIFIED): a case is in one
 *   answer row only, as the format's identity 申请答复数 = rows 1–8 (format-2014.ts) requires.
 *   Cases answered before the detail was recorded have none and stay in 同意公开 / 申请信息不存在.
 *   Not answers, and so left out of 申请答复数 (counted in `answersNotMapped`): 重复申请, 大量反复申请,
 *   要求确认或重新出具, 逾期未缴费 and 其他 (withdrawals): the 2014 table has no row for them.
 * - 七 依申请公开信息收取的费用 and the 2021 section 六 statement: the fees paid (`fee_yuan`) on cases
 *   decided in Y. The projection keeps the amount paid but not the payment date; payment comes
 *   before the reply, so a fee paid in December on a case answered in January counts in January's year.
 *   Our reading. In 万元 with up to four decimals (1 元 = 0.0001 万元).
 */
import { FORMAT_2014 } from '../reports/format/format-2014.ts';
import { cellId } from '../reports/format/report-format.ts';
import { requestTable } from '../reports/format/request-tables.ts';
import type { Channel, RequesterType } from './request-case.ts';
import { outcomeById } from './request-outcome.ts';
import type { AnswerDetail } from './request-outcome.ts';

/** A report format with table 三: `2019` (one （六） row) or `2021` (three). */
export type RequestTableVariant = '2019' | '2021';

/** What the statistics need of one case: its projection columns (src/db/database.ts `RequestCaseTable`). */
export interface RequestStatisticsRow {
  requesterType: RequesterType;
  channel: Channel;
  /** Date of receipt, `YYYY-MM-DD` (2019 art. 31). */
  receivedOn: string;
  /** The table 三 (2021) row id of the decision, or null while undecided. */
  outcome: string | null;
  /** What the reply added to its outcome (`request_case.answer_detail`), or null: only the 2014 rows use it. */
  answerDetail: AnswerDetail | null;
  /** The date of the decision, `YYYY-MM-DD`, or null. */
  outcomeOn: string | null;
  /** The reply deadline without extension (2019 art. 33 ¶1), or null while the clock stands. */
  replyDue: string | null;
  /** The deadline with the approved extension, or null. */
  finalDue: string | null;
  /** Whether an extension was approved (art. 33 ¶2). */
  extended: boolean;
  /** Fee paid, in 元. */
  feeYuan: number;
}

/** Where a date falls against the year. */
export type YearPosition = 'before' | 'in' | 'after';
/** When a case was decided against the year, or `undecided`. */
export type DecisionPosition = YearPosition | 'undecided';
/** How a decided case stands against its deadline (2014: 按时办结 / 延期办结, or late). */
export type Conclusion = 'on-time' | 'extended' | 'late';

/** One case, or `count` cases alike, placed against the year: everything the tables count. */
export interface ClassifiedCases {
  requesterType: RequesterType;
  channel: Channel;
  outcome: string | null;
  /** The answer detail of the outcome (2014 rows 1 and 5), or null. */
  answerDetail: AnswerDetail | null;
  received: YearPosition;
  decided: DecisionPosition;
  /** Null for undecided cases. */
  conclusion: Conclusion | null;
  /** How many cases (1 for a single case). */
  count: number;
  /** The fees paid by these cases together, in 元. */
  feeYuan: number;
}

/** The request rows of the 2014 statistics table this module fills (format-2014.ts row ids). */
export const REQUEST_ROWS_2014 = [
  'requests-received',
  'received-in-person',
  'received-fax',
  'received-online',
  'received-letter',
  'concluded',
  'concluded-on-time',
  'concluded-extended',
  'answered',
  'answer-already-public',
  'answer-disclosed',
  'answer-partial',
  'answer-refused',
  'refused-state-secret',
  'refused-trade-secret',
  'refused-privacy',
  'refused-security',
  'refused-not-government-information',
  'refused-other-law',
  'answer-not-this-agency',
  'answer-nonexistent',
  'answer-clarification',
  'answer-other-channel',
  'fees',
] as const;
/** A row id of {@link REQUEST_ROWS_2014}. */
export type RequestRow2014Id = (typeof REQUEST_ROWS_2014)[number];

type AnswerRow = Extract<RequestRow2014Id, `answer-${string}`>;
type RefusedRow = Extract<RequestRow2014Id, `refused-${string}`>;

/**
 * The 2014 answer row (and 不同意公开 sub-row) of each 2021 outcome without an answer detail; null =
 * not an answer the 2014 table has a row for. Every line except `disclosed` and `partial` is our
 * inference: see the header. With its detail, `disclosed` counts in `answer-already-public` and
 * `unable-not-held` in `answer-not-this-agency` instead.
 */
export const ANSWER_ROWS_2014: Readonly<Record<string, { answer: AnswerRow; refused?: RefusedRow } | null>> = {
  disclosed: { answer: 'answer-disclosed' },
  partial: { answer: 'answer-partial' },
  'withheld-state-secret': { answer: 'answer-refused', refused: 'refused-state-secret' },
  'withheld-prohibited': { answer: 'answer-refused', refused: 'refused-other-law' },
  'withheld-security': { answer: 'answer-refused', refused: 'refused-security' },
  'withheld-third-party': { answer: 'answer-refused', refused: 'refused-privacy' },
  'withheld-internal': { answer: 'answer-refused', refused: 'refused-not-government-information' },
  'withheld-process': { answer: 'answer-refused', refused: 'refused-not-government-information' },
  'withheld-enforcement': { answer: 'answer-refused', refused: 'refused-not-government-information' },
  'withheld-inquiry': { answer: 'answer-other-channel' },
  'unable-not-held': { answer: 'answer-nonexistent' },
  'unable-needs-creation': { answer: 'answer-nonexistent' },
  'unable-unclear': { answer: 'answer-clarification' },
  'not-processed-petition': { answer: 'answer-other-channel' },
  'not-processed-repeat': null,
  'not-processed-publication': { answer: 'answer-other-channel' },
  'not-processed-excessive': null,
  'not-processed-confirmation': null,
  'other-no-clarification': { answer: 'answer-clarification' },
  'other-unpaid-fee': null,
  'other-other': null,
};

/**
 * The 2014 answer row of an outcome with its answer detail: 予以公开 of information already
 * proactively disclosed → 属于已主动公开范围; 本机关不掌握 because another agency discloses it →
 * 不属于本行政机关公开. A detail on any other outcome (the clock refuses it) changes nothing.
 */
function answerRow2014(row: AnswerRow, outcome: string, detail: AnswerDetail | null): AnswerRow {
  if (detail === 'already-public' && outcome === 'disclosed') return 'answer-already-public';
  if (detail === 'other-agency' && outcome === 'unable-not-held') return 'answer-not-this-agency';
  return row;
}

/** The 2014 收到申请数 row of each channel. */
const CHANNEL_ROWS_2014: Readonly<Record<Channel, RequestRow2014Id>> = {
  'in-person': 'received-in-person',
  fax: 'received-fax',
  online: 'received-online',
  email: 'received-online',
  'registered-post': 'received-letter',
  'ordinary-post': 'received-letter',
};

/** The fees of the year, for 2014 row 七 and the 2021 section 六. */
export interface FeeSummary {
  /** 元, integer. */
  yuan: number;
  /** 万元 (yuan / 10,000), up to four decimals. */
  wanYuan: number;
  /** The sentence for section 六 (其他需要报告的事项) of a 2021-format report. */
  statementZh: string;
}

/** Table 三, the 2014 request rows and the fees of one subtree and year. */
export interface RequestTables {
  year: number;
  variant: RequestTableVariant;
  /** Table 三: every cell of the variant by id `t3/<row>/<column>` (zeros included), as the report model addresses cells. */
  table3: Record<string, number>;
  /** The 2014 request rows by row id (`fees` in 万元). */
  rows2014: Record<RequestRow2014Id, number>;
  /** The same rows as report cells `stats/<row>/value`. */
  cells2014: Record<string, number>;
  fees: FeeSummary;
  /** Cases decided in the year after their final deadline: in 申请办结数 but neither 按时 nor 延期. */
  concludedLate: number;
  /** Cases decided in the year whose outcome the 2014 answer rows do not cover, by outcome id. */
  answersNotMapped: Record<string, number>;
  /** Decided cases whose outcome id is not a table 三 row (should be none), by outcome id. */
  unknownOutcomes: Record<string, number>;
  /** How many cases the tables looked at (received by Dec 31 and not decided before Jan 1). */
  cases: number;
}

/** `YYYY-01-01` and `YYYY-12-31` of a year. */
export function yearBounds(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

function position(date: string, from: string, to: string): YearPosition {
  return date < from ? 'before' : date <= to ? 'in' : 'after';
}

/**
 * Places one case against year `year` (the repository's SQL computes the same, see the header).
 * @returns the case as one classified group (`count` 1)
 */
export function classifyCase(row: RequestStatisticsRow, year: number): ClassifiedCases {
  const { from, to } = yearBounds(year);
  let conclusion: Conclusion | null = null;
  if (row.outcomeOn !== null) {
    if (row.replyDue === null || row.outcomeOn <= row.replyDue) conclusion = 'on-time';
    else if (row.extended && row.finalDue !== null && row.outcomeOn <= row.finalDue) conclusion = 'extended';
    else conclusion = 'late';
  }
  return {
    requesterType: row.requesterType,
    channel: row.channel,
    outcome: row.outcome,
    answerDetail: row.answerDetail,
    received: position(row.receivedOn, from, to),
    decided: row.outcomeOn === null ? 'undecided' : position(row.outcomeOn, from, to),
    conclusion,
    count: 1,
    feeYuan: row.feeYuan,
  };
}

/** The table 三 row a 2021 outcome is counted in for the variant, or undefined for an unknown outcome. */
export function resultRowOf(outcome: string, variant: RequestTableVariant): string | undefined {
  const known = outcomeById(outcome);
  if (!known) return undefined;
  return variant === '2019' && known.group === 'other' ? 'other' : known.id;
}

/** The 信息处理费 sentence of section 六 (2021 format; RULES.md §2, V10). */
export function feeStatementZh(yuan: number): string {
  return yuan > 0 ? `本年度共收取政府信息公开信息处理费${yuan}元（${toWanYuan(yuan)}万元）。` : '本年度未收取政府信息公开信息处理费。';
}

/** 元 → 万元 without floating-point noise (an integer number of 元 has at most four decimals in 万元). */
export function toWanYuan(yuan: number): number {
  return Math.round(yuan) / 10_000;
}

/** Table 三's cell ids by row and column, and in format order, per variant. */
const TABLE3_IDS = new Map<RequestTableVariant, Table3Ids>();

interface Table3Ids {
  /** Table 三's id. */
  table: string;
  /** Row id → column id → cell id (objects without a prototype: any requester type is a plain key). */
  ids: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Every cell id in format order. */
  cells: readonly string[];
}

/** {@link TABLE3_IDS} of a variant, built once: a region's reports tally a thousand organizations. */
function table3Ids(variant: RequestTableVariant): Table3Ids {
  let known = TABLE3_IDS.get(variant);
  if (!known) {
    const format = requestTable(variant);
    const ids = new Map<string, Record<string, string>>();
    const cells: string[] = [];
    for (const row of format.rows) {
      const byColumn = Object.create(null) as Record<string, string>;
      for (const column of format.columns) cells.push((byColumn[column.id] = cellId(format.id, row.id, column.id)));
      ids.set(row.id, byColumn);
    }
    known = { table: format.id, ids, cells };
    TABLE3_IDS.set(variant, known);
  }
  return known;
}

/** The 2014 request rows as report cells (`stats/<row>/value`), in {@link REQUEST_ROWS_2014} order. */
const CELL_IDS_2014: readonly string[] = REQUEST_ROWS_2014.map((id) => cellId(FORMAT_2014.tables[0]?.id ?? 'stats', id, FORMAT_2014.tables[0]?.columns[0]?.id ?? 'value'));

function add<K extends string>(target: Record<K, number>, key: K, n: number): void {
  target[key] = (target[key] ?? 0) + n;
}

/**
 * Tallies classified cases (single cases or SQL groups) into the tables, by the definitions in the
 * header. Groups outside the year's scope (received after Y, or decided before Y) are ignored.
 * @param year the report year, e.g. 2025
 * @param variant `2021` (three （六） rows) or `2019` (one)
 */
export function tallyRequestTables(groups: Iterable<ClassifiedCases>, year: number, variant: RequestTableVariant): RequestTables {
  const { table, ids, cells } = table3Ids(variant);
  // Assigned one by one: far cheaper than spreading an object of a hundred-odd keys.
  const table3: Record<string, number> = {};
  for (const id of cells) table3[id] = 0;
  const rows2014 = {} as Record<RequestRow2014Id, number>;
  for (const id of REQUEST_ROWS_2014) rows2014[id] = 0;
  const answersNotMapped: Record<string, number> = {};
  const unknownOutcomes: Record<string, number> = {};
  let feeYuan = 0;
  let concludedLate = 0;
  let cases = 0;
  const count3 = (row: string, type: RequesterType, n: number): void => {
    const byColumn = ids.get(row);
    const id = byColumn?.[type] ?? cellId(table, row, type);
    const total = byColumn?.total ?? cellId(table, row, 'total');
    table3[id] = (table3[id] ?? 0) + n;
    table3[total] = (table3[total] ?? 0) + n;
  };
  for (const g of groups) {
    if (g.received === 'after' || g.decided === 'before' || g.count === 0) continue;
    cases += g.count;
    if (g.received === 'in') {
      count3('new', g.requesterType, g.count);
      add(rows2014, CHANNEL_ROWS_2014[g.channel], g.count);
    } else {
      count3('carried-in', g.requesterType, g.count);
    }
    if (g.decided !== 'in') {
      count3('carried-over', g.requesterType, g.count);
      continue;
    }
    const outcome = g.outcome ?? '';
    const row = resultRowOf(outcome, variant);
    if (row === undefined) {
      // Not a table 三 row: counted nowhere in the results, so V01/V02 will show it; reported apart.
      add(unknownOutcomes, outcome, g.count);
      continue;
    }
    count3(row, g.requesterType, g.count);
    count3('total', g.requesterType, g.count);
    feeYuan += g.feeYuan;
    rows2014.concluded += g.count;
    if (g.conclusion === 'extended') rows2014['concluded-extended'] += g.count;
    else if (g.conclusion === 'late') concludedLate += g.count;
    else rows2014['concluded-on-time'] += g.count;
    const answer = ANSWER_ROWS_2014[outcome];
    if (!answer) {
      add(answersNotMapped, outcome, g.count);
      continue;
    }
    rows2014.answered += g.count;
    rows2014[answerRow2014(answer.answer, outcome, g.answerDetail)] += g.count;
    if (answer.refused) rows2014[answer.refused] += g.count;
  }
  rows2014['requests-received'] = rows2014['received-in-person'] + rows2014['received-fax'] + rows2014['received-online'] + rows2014['received-letter'];
  rows2014.fees = toWanYuan(feeYuan);
  const cells2014: Record<string, number> = {};
  REQUEST_ROWS_2014.forEach((id, i) => (cells2014[CELL_IDS_2014[i] ?? id] = rows2014[id]));
  return {
    year,
    variant,
    table3,
    rows2014,
    cells2014,
    fees: { yuan: feeYuan, wanYuan: toWanYuan(feeYuan), statementZh: feeStatementZh(feeYuan) },
    concludedLate,
    answersNotMapped,
    unknownOutcomes,
    cases,
  };
}

/**
 * Table 三, the 2014 request rows and the fees from case rows (any years: those outside the year's
 * scope are ignored), by the definitions in this file's header.
 * @param rows the cases of the subtree (only their projection columns)
 * @param year the report year, e.g. 2025
 * @param variant `2021` or `2019`
 */
export function computeRequestTables(rows: Iterable<RequestStatisticsRow>, year: number, variant: RequestTableVariant): RequestTables {
  const groups: ClassifiedCases[] = [];
  for (const row of rows) groups.push(classifyCase(row, year));
  return tallyRequestTables(groups, year, variant);
}

/** The printed label of each 2014 request row, from the format (`（一）收到申请数` …). */
export const REQUEST_ROW_2014_LABELS: Readonly<Record<RequestRow2014Id, string>> = Object.fromEntries(
  REQUEST_ROWS_2014.map((id) => [id, FORMAT_2014.tables[0]?.rows.find((r) => r.id === id)?.label ?? id]),
) as Record<RequestRow2014Id, string>;
