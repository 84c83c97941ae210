/**
 * The named facts a report's narrative states, derived from the computed cells: 新收 N 件, 办结 N
 * 件, 行政复议 N 件, the 信息处理费 sentence… The narrative binds to these (`{{fact:requests.new}}`)
 * instead of typing numbers, so the text cannot contradict the tables (RULES.md §6.2 V07; CASS
 * “发布内容不准确”). Pure: cells in, facts out.
 *
 * The set is the one real reports' narratives use (test/fixtures/reports/*.txt; 淮安 2024 in
 * test/fixtures/synthetic/clean-2021.txt): requests received, carried in, concluded by outcome and
 * carried over; reconsiderations and suits by outcome; documents issued and in force; the fee.
 */
import { cellId } from '../../reports/format/report-format.ts';
import type { FormatId } from '../../reports/format/report-format.ts';
import { requestTable } from '../../reports/format/request-tables.ts';
import { feeStatementZh, toWanYuan } from '../../requests/request-statistics.ts';
import { GongkaiError } from '../../shared/errors.ts';
import type { ActivityFigures } from '../activity-figures.ts';

/**
 * The value of a fact: a count or amount; a share in percent (one decimal), or null when its
 * denominator is 0; or a sentence (`fees.statement`).
 */
export type NarrativeValue = number | string | null;

/** The unit a fact is stated in; `text` for a sentence. */
export type FactUnit = '件' | '条' | '元' | '万元' | '%' | '年' | '次' | '篇' | '人' | '个' | '人次' | '天' | 'text';

/** One entry of the editor's “insert a number” list. */
export interface FactDefinition {
  /** The key placeholders use: `{{fact:requests.new}}`. */
  readonly key: string;
  /** What it is, as the editor shows it, e.g. `本年新收政府信息公开申请数量`. */
  readonly labelZh: string;
  /** Its unit (the narrative prints it after the number; `%` is printed with the number). */
  readonly unit: FactUnit;
  /** The formats whose cells give it. */
  readonly formats: readonly FormatId[];
}

/** Options of {@link narrativeFacts}. */
export interface NarrativeFactOptions {
  /**
   * 信息处理费 collected in the year, in 元 (2019 art. 42; 国办函〔2020〕109号), from the request
   * statistics (`RequestTables.fees.yuan`): the 2019 and 2021 formats have no cell for it. Without
   * it, the `fees.*` facts are absent in those formats (their placeholders stay unbound).
   */
  readonly feeYuan?: number | null;
  /**
   * The engagement and work records of the covered organizations (activity-figures.ts): mailbox,
   * hotline, press events, interpretations, NPC/CPPCC handling, staffing and training. Without
   * them, the `mailbox.*`, `hotline.*`, `engagement.*`, `proposals.*` and `work.*` facts are absent.
   */
  readonly activity?: ActivityFigures | null;
}

/** A fact read from the engagement and work records (every format). */
interface ActivityFact {
  readonly key: string;
  readonly labelZh: string;
  readonly unit: FactUnit;
  readonly value: (f: ActivityFigures) => number | null;
}

/** Average calendar days, one decimal; null when nothing was replied. */
const averageDays = (total: number, n: number): number | null => (n === 0 ? null : Math.round((total * 10) / n) / 10);

const ACTIVITY_FACTS: readonly ActivityFact[] = [
  { key: 'mailbox.received', labelZh: '政府信箱收到群众留言数', unit: '件', value: (f) => f.messagesReceived },
  { key: 'mailbox.replied', labelZh: '政府信箱留言回复数', unit: '件', value: (f) => f.messagesReplied },
  { key: 'mailbox.replyRate', labelZh: '政府信箱留言回复率', unit: '%', value: (f) => percentShare(f.messagesReplied, f.messagesReceived) },
  { key: 'mailbox.repliedOnTime', labelZh: '政府信箱留言按期回复数', unit: '件', value: (f) => f.messagesRepliedOnTime },
  { key: 'mailbox.averageReplyDays', labelZh: '政府信箱留言平均回复天数', unit: '天', value: (f) => averageDays(f.messageReplyDaysTotal, f.messagesReplied) },
  { key: 'hotline.received', labelZh: '12345热线转办工单数', unit: '件', value: (f) => f.hotlineReceived },
  { key: 'hotline.replied', labelZh: '12345热线工单回复数', unit: '件', value: (f) => f.hotlineReplied },
  { key: 'hotline.replyRate', labelZh: '12345热线工单回复率', unit: '%', value: (f) => percentShare(f.hotlineReplied, f.hotlineReceived) },
  { key: 'engagement.pressConferences', labelZh: '参加或举办新闻发布会次数', unit: '次', value: (f) => f.pressConferences },
  { key: 'engagement.pressConferencesWithLeader', labelZh: '主要负责同志参加新闻发布会次数', unit: '次', value: (f) => f.pressConferencesWithLeader },
  { key: 'engagement.onlineInterviews', labelZh: '政府网站在线访谈次数', unit: '次', value: (f) => f.onlineInterviews },
  { key: 'engagement.interpretations', labelZh: '政策解读稿件发布数', unit: '篇', value: (f) => f.interpretations },
  { key: 'engagement.responses', labelZh: '回应公众关注热点或重大舆情数', unit: '次', value: (f) => f.concernResponses + f.unlinkedEvents },
  { key: 'proposals.npc', labelZh: '承办人大代表建议数', unit: '件', value: (f) => f.npcSuggestions },
  { key: 'proposals.npcReplied', labelZh: '人大代表建议办复数', unit: '件', value: (f) => f.npcSuggestionsReplied },
  { key: 'proposals.cppcc', labelZh: '承办政协委员提案数', unit: '件', value: (f) => f.cppccProposals },
  { key: 'proposals.cppccReplied', labelZh: '政协委员提案办复数', unit: '件', value: (f) => f.cppccProposalsReplied },
  { key: 'proposals.published', labelZh: '建议提案办理结果公开数', unit: '件', value: (f) => f.proposalResultsPublished },
  { key: 'work.ogiOffices', labelZh: '政府信息公开工作专门机构数', unit: '个', value: (f) => f.ogiOffices },
  { key: 'work.staff', labelZh: '从事政府信息公开工作人员数', unit: '人', value: (f) => f.staffFullTime + f.staffPartTime },
  { key: 'work.staffFullTime', labelZh: '专职人员数', unit: '人', value: (f) => f.staffFullTime },
  { key: 'work.staffPartTime', labelZh: '兼职人员数', unit: '人', value: (f) => f.staffPartTime },
  { key: 'work.funding', labelZh: '政府信息公开专项经费（万元）', unit: '万元', value: (f) => f.funding },
  { key: 'work.readingPoints', labelZh: '政府信息公开查阅点数', unit: '个', value: (f) => f.readingPoints },
  { key: 'work.meetings', labelZh: '召开政府信息公开工作会议或专题会议数', unit: '次', value: (f) => f.meetings },
  { key: 'work.trainingSessions', labelZh: '举办政府信息公开培训班数', unit: '次', value: (f) => f.trainingSessions },
  { key: 'work.trainees', labelZh: '接受培训人员数', unit: '人次', value: (f) => f.trainees },
];

const ALL: readonly FormatId[] = ['2014', '2019', '2021'];

const t3 = (row: string): string => cellId('t3', row, 'total');
const t4 = (column: string): string => cellId('t4', 'cases', column);
const stats = (row: string): string => cellId('stats', row, 'value');
/** The table 三 total cells of the rows in `group` (the same in 2019 and 2021 except `other`). */
const t3Group = (variant: '2019' | '2021', group: string): string[] =>
  requestTable(variant)
    .rows.filter((r) => r.group === group)
    .map((r) => t3(r.id));
const bothSixPart = (cells: readonly string[]): Partial<Record<FormatId, readonly string[]>> => ({ '2019': cells, '2021': cells });
const suits = (outcome: string): string[] => [t4(`direct-suit-${outcome}`), t4(`suit-after-reconsideration-${outcome}`)];

/** A fact that is the sum of cells, per format. */
interface SumFact {
  readonly key: string;
  readonly labelZh: string;
  readonly unit: FactUnit;
  readonly cells: Partial<Record<FormatId, readonly string[]>>;
}

/** Facts that sum cells. The 2019 table 二 columns 本年新制作/新公开/对外公开总数量 became 制发/废止/现行有效 in 2021. */
const SUM_FACTS: readonly SumFact[] = [
  {
    key: 'proactive.rulesIssued',
    labelZh: '本年制发（新制作）规章件数',
    unit: '件',
    cells: { '2019': ['t2-1/regulations/made'], '2021': ['t2-1/regulations/issued'] },
  },
  {
    key: 'proactive.normativeIssued',
    labelZh: '本年制发（新制作）规范性文件件数',
    unit: '件',
    cells: { '2014': [stats('normative-issued')], '2019': ['t2-1/normative-documents/made'], '2021': ['t2-1/normative-documents/issued'] },
  },
  { key: 'proactive.rulesRepealed', labelZh: '本年废止规章件数', unit: '件', cells: { '2021': ['t2-1/regulations/repealed'] } },
  { key: 'proactive.normativeRepealed', labelZh: '本年废止行政规范性文件件数', unit: '件', cells: { '2021': ['t2-1/normative-documents/repealed'] } },
  { key: 'proactive.rulesInForce', labelZh: '现行有效规章件数', unit: '件', cells: { '2021': ['t2-1/regulations/in-force'] } },
  { key: 'proactive.normativeInForce', labelZh: '现行有效行政规范性文件件数', unit: '件', cells: { '2021': ['t2-1/normative-documents/in-force'] } },
  { key: 'proactive.rulesPublished', labelZh: '本年新公开规章数量', unit: '件', cells: { '2019': ['t2-1/regulations/published'] } },
  { key: 'proactive.normativePublished', labelZh: '本年新公开规范性文件数量', unit: '件', cells: { '2019': ['t2-1/normative-documents/published'] } },
  { key: 'proactive.rulesPublicTotal', labelZh: '对外公开规章总数量', unit: '件', cells: { '2019': ['t2-1/regulations/total-public'] } },
  { key: 'proactive.normativePublicTotal', labelZh: '对外公开规范性文件总数量', unit: '件', cells: { '2019': ['t2-1/normative-documents/total-public'] } },
  { key: 'proactive.total', labelZh: '主动公开政府信息数', unit: '条', cells: { '2014': [stats('proactive-total')] } },
  { key: 'proactive.normativeDisclosed', labelZh: '主动公开规范性文件数', unit: '条', cells: { '2014': [stats('proactive-normative')] } },
  { key: 'proactive.licensing', labelZh: '本年行政许可处理决定数量', unit: '件', cells: bothSixPart(['t2-5/licensing/decisions']) },
  { key: 'proactive.penalties', labelZh: '本年行政处罚处理决定数量', unit: '件', cells: bothSixPart(['t2-6/penalties/decisions']) },
  { key: 'proactive.coerciveMeasures', labelZh: '本年行政强制处理决定数量', unit: '件', cells: bothSixPart(['t2-6/coercive-measures/decisions']) },
  {
    key: 'requests.new',
    labelZh: '本年新收政府信息公开申请数量',
    unit: '件',
    cells: { ...bothSixPart([t3('new')]), '2014': [stats('requests-received')] },
  },
  { key: 'requests.carriedIn', labelZh: '上年结转政府信息公开申请数量', unit: '件', cells: bothSixPart([t3('carried-in')]) },
  {
    key: 'requests.concluded',
    labelZh: '本年度办结政府信息公开申请数量（办理结果总计）',
    unit: '件',
    cells: { ...bothSixPart([t3('total')]), '2014': [stats('concluded')] },
  },
  { key: 'requests.carriedOver', labelZh: '结转下年度继续办理的申请数量', unit: '件', cells: bothSixPart([t3('carried-over')]) },
  { key: 'requests.answered', labelZh: '申请答复数', unit: '件', cells: { '2014': [stats('answered')] } },
  {
    key: 'requests.disclosed',
    labelZh: '予以公开（同意公开）的申请数量',
    unit: '件',
    cells: { ...bothSixPart([t3('disclosed')]), '2014': [stats('answer-disclosed')] },
  },
  {
    key: 'requests.partly',
    labelZh: '部分公开的申请数量',
    unit: '件',
    cells: { ...bothSixPart([t3('partial')]), '2014': [stats('answer-partial')] },
  },
  {
    key: 'requests.withheld',
    labelZh: '不予公开（不同意公开）的申请数量',
    unit: '件',
    cells: { '2014': [stats('answer-refused')], '2019': t3Group('2019', 'withheld'), '2021': t3Group('2021', 'withheld') },
  },
  { key: 'requests.unable', labelZh: '无法提供的申请数量', unit: '件', cells: { '2019': t3Group('2019', 'unable'), '2021': t3Group('2021', 'unable') } },
  {
    key: 'requests.notProcessed',
    labelZh: '不予处理的申请数量',
    unit: '件',
    cells: { '2019': t3Group('2019', 'not-processed'), '2021': t3Group('2021', 'not-processed') },
  },
  { key: 'requests.otherHandling', labelZh: '其他处理的申请数量', unit: '件', cells: { '2019': [t3('other')], '2021': t3Group('2021', 'other') } },
  {
    key: 'requests.unpaidFee',
    labelZh: '申请人逾期未按收费通知要求缴纳费用、不再处理的申请数量',
    unit: '件',
    cells: { '2021': [t3('other-unpaid-fee')] },
  },
  {
    key: 'reviews.reconsiderations',
    labelZh: '因政府信息公开被申请行政复议数量',
    unit: '件',
    cells: { ...bothSixPart([t4('reconsideration-total')]), '2014': [stats('reconsideration-total')] },
  },
  {
    key: 'reviews.reconsiderationsUpheld',
    labelZh: '行政复议结果维持数量',
    unit: '件',
    cells: { ...bothSixPart([t4('reconsideration-upheld')]), '2014': [stats('reconsideration-upheld')] },
  },
  {
    key: 'reviews.reconsiderationsCorrected',
    labelZh: '行政复议结果纠正数量',
    unit: '件',
    cells: { ...bothSixPart([t4('reconsideration-corrected')]), '2014': [stats('reconsideration-corrected')] },
  },
  {
    key: 'reviews.reconsiderationsOther',
    labelZh: '行政复议其他结果数量',
    unit: '件',
    cells: { ...bothSixPart([t4('reconsideration-other')]), '2014': [stats('reconsideration-other')] },
  },
  { key: 'reviews.reconsiderationsPending', labelZh: '行政复议尚未审结数量', unit: '件', cells: bothSixPart([t4('reconsideration-pending')]) },
  {
    key: 'reviews.suits',
    labelZh: '因政府信息公开被提起行政诉讼数量',
    unit: '件',
    cells: { ...bothSixPart(suits('total')), '2014': [stats('litigation-total')] },
  },
  {
    key: 'reviews.suitsUpheld',
    labelZh: '行政诉讼结果维持数量',
    unit: '件',
    cells: { ...bothSixPart(suits('upheld')), '2014': [stats('litigation-upheld')] },
  },
  {
    key: 'reviews.suitsCorrected',
    labelZh: '行政诉讼结果纠正数量',
    unit: '件',
    cells: { ...bothSixPart(suits('corrected')), '2014': [stats('litigation-corrected')] },
  },
  {
    key: 'reviews.suitsOther',
    labelZh: '行政诉讼其他结果数量',
    unit: '件',
    cells: { ...bothSixPart(suits('other')), '2014': [stats('litigation-other')] },
  },
  { key: 'reviews.suitsPending', labelZh: '行政诉讼尚未审结数量', unit: '件', cells: bothSixPart(suits('pending')) },
  {
    key: 'reviews.corrected',
    labelZh: '行政复议和行政诉讼结果纠正数量合计',
    unit: '件',
    cells: {
      ...bothSixPart([t4('reconsideration-corrected'), ...suits('corrected')]),
      '2014': [stats('reconsideration-corrected'), stats('litigation-corrected')],
    },
  },
  { key: 'complaints', labelZh: '举报投诉数量', unit: '件', cells: { '2014': [stats('complaints')] } },
];

/** A share: numerator facts over a denominator fact, in percent. */
interface ShareFact {
  readonly key: string;
  readonly labelZh: string;
  readonly numerator: readonly string[];
  /** The denominator fact per format (2014: 申请答复数, the total the answer types add up to). */
  readonly denominator: Partial<Record<FormatId, string>>;
}

const SHARE_FACTS: readonly ShareFact[] = [
  {
    key: 'requests.disclosedShare',
    labelZh: '予以公开占办结（答复）申请的比例',
    numerator: ['requests.disclosed'],
    denominator: { '2014': 'requests.answered', '2019': 'requests.concluded', '2021': 'requests.concluded' },
  },
  {
    key: 'requests.disclosedOrPartlyShare',
    labelZh: '予以公开和部分公开占办结（答复）申请的比例',
    numerator: ['requests.disclosed', 'requests.partly'],
    denominator: { '2014': 'requests.answered', '2019': 'requests.concluded', '2021': 'requests.concluded' },
  },
];

/**
 * Every fact, with its Chinese label and unit, for the editor's “insert a number” list, in the
 * order the list shows them. A fact is given only for the formats listed.
 */
export const FACT_CATALOGUE: readonly FactDefinition[] = [
  { key: 'year', labelZh: '报告年度', unit: '年', formats: ALL },
  ...SUM_FACTS.map((f) => ({ key: f.key, labelZh: f.labelZh, unit: f.unit, formats: ALL.filter((id) => f.cells[id] !== undefined) })),
  ...SHARE_FACTS.map((f) => ({ key: f.key, labelZh: f.labelZh, unit: '%' as const, formats: ALL.filter((id) => f.denominator[id] !== undefined) })),
  { key: 'fees.yuan', labelZh: '收取信息处理费（元）', unit: '元', formats: ALL },
  { key: 'fees.wanYuan', labelZh: '收取信息处理费（万元）', unit: '万元', formats: ALL },
  { key: 'fees.statement', labelZh: '信息处理费收取情况（整句）', unit: 'text', formats: ALL },
  ...ACTIVITY_FACTS.map((f) => ({ key: f.key, labelZh: f.labelZh, unit: f.unit, formats: ALL })),
];

const CATALOGUE_BY_KEY: ReadonlyMap<string, FactDefinition> = new Map(FACT_CATALOGUE.map((f) => [f.key, f]));

/** The catalogue entry of a fact key, or undefined for a key that names no fact. */
export function factDefinition(key: string): FactDefinition | undefined {
  return CATALOGUE_BY_KEY.get(key);
}

/**
 * A share in percent with one decimal: `part / whole × 100`, rounded half up on the integer
 * per-mille (1362 / 3050 → 44.7); null when `whole` is 0 (no share of nothing).
 */
export function percentShare(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * The 2014-format fee sentence: fees then were the 2008 art. 27 检索、复制、邮寄 costs, reported
 * as 七、依申请公开信息收取的费用 in 万元 (RULES.md §3.7), not yet the 2020 信息处理费.
 */
function feeStatement2014(wanYuan: number): string {
  return wanYuan > 0 ? `本年度依申请公开政府信息共收取费用${Number(wanYuan.toFixed(4))}万元。` : '本年度依申请公开政府信息未收取费用。';
}

/**
 * The named facts of a computed report.
 * @param cells every computed cell, by id (`t3/new/total`); a fact whose cells are not all
 *   present (or not finite) is left out, so its placeholder stays unbound rather than wrong
 * @param formatId the report's format
 * @param year the report year, e.g. 2024 (fact `year`)
 * @param options `feeYuan`: the 信息处理费 in 元 for the 2019/2021 formats (2014 reads its cell)
 * @returns fact key → value: counts as integers, amounts in 元 or 万元, shares in percent with one
 *   decimal (null when the denominator is 0), `fees.statement` as the sentence section 六 prints
 *   (`feeStatementZh`: 未收取 when zero; fees are charged per 国办函〔2020〕109号)
 * @throws GongkaiError `VALIDATION_FAILED` when `year` is not an integer or `feeYuan` is negative
 *   or not finite
 */
export function narrativeFacts(
  cells: Readonly<Record<string, number>>,
  formatId: FormatId,
  year: number,
  options: NarrativeFactOptions = {},
): Record<string, NarrativeValue> {
  if (!Number.isInteger(year)) {
    throw new GongkaiError('VALIDATION_FAILED', `year must be an integer, got ${year}`, {
      issues: [{ field: 'year', message: 'not an integer year', messageZh: '报告年度应为整数' }],
    });
  }
  const feeYuan = options.feeYuan ?? null;
  if (feeYuan !== null && (!Number.isFinite(feeYuan) || feeYuan < 0)) {
    throw new GongkaiError('VALIDATION_FAILED', `feeYuan must be a non-negative amount, got ${feeYuan}`, {
      issues: [{ field: 'feeYuan', message: 'not a non-negative amount', messageZh: '信息处理费金额应为非负数' }],
    });
  }
  const facts: Record<string, NarrativeValue> = { year };
  for (const fact of SUM_FACTS) {
    const ids = fact.cells[formatId];
    if (ids === undefined) continue;
    const total = sumCells(cells, ids);
    if (total !== null) facts[fact.key] = total;
  }
  for (const share of SHARE_FACTS) {
    const denominatorKey = share.denominator[formatId];
    const whole = denominatorKey === undefined ? undefined : facts[denominatorKey];
    const parts = share.numerator.map((k) => facts[k]);
    if (typeof whole !== 'number' || !parts.every((p): p is number => typeof p === 'number')) continue;
    facts[share.key] = percentShare(parts.reduce((a, b) => a + b, 0), whole);
  }
  if (formatId === '2014') {
    const wan = cells[stats('fees')];
    if (wan !== undefined && Number.isFinite(wan)) {
      facts['fees.wanYuan'] = wan;
      facts['fees.yuan'] = Math.round(wan * 1_000_000) / 100;
      facts['fees.statement'] = feeStatement2014(wan);
    }
  } else if (feeYuan !== null) {
    facts['fees.yuan'] = feeYuan;
    facts['fees.wanYuan'] = toWanYuan(feeYuan);
    facts['fees.statement'] = feeStatementZh(feeYuan);
  }
  if (options.activity) for (const f of ACTIVITY_FACTS) facts[f.key] = f.value(options.activity);
  return facts;
}

/** The sum of the cells, or null when one is missing or not a finite number. */
function sumCells(cells: Readonly<Record<string, number>>, ids: readonly string[]): number | null {
  let total = 0;
  for (const id of ids) {
    const value = cells[id];
    if (value === undefined || !Number.isFinite(value)) return null;
    total += value;
  }
  // Integer counts add exactly; amounts are kept to the 4 decimals of 万元.
  return Number.isInteger(total) ? total : Math.round(total * 10_000) / 10_000;
}
