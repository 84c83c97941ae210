/**
 * Tables 三 (收到和处理政府信息公开申请情况) and 四 (行政复议、行政诉讼情况), shared by the 2019
 * (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号) formats. They differ only in row
 * （六）其他处理: one row in 2019, three sub-rows in 2021 (RULES.md §3.4, §3.6 item 6).
 */
import { cellId, headingKey } from './report-format.ts';
import type { ColumnFormat, Identity, RowFormat, TableFormat } from './report-format.ts';
import { REQUESTS_TITLE_KEY, REVIEW_TITLE_KEY } from './six-part-structure.ts';

/** The seven columns of table 三: requester types, then 总计 (RULES.md §3.4). */
export const REQUEST_COLUMNS: readonly ColumnFormat[] = [
  { id: 'natural', label: '自然人', unit: '件', valueType: 'count' },
  { id: 'business', label: '商业企业', unit: '件', valueType: 'count' },
  { id: 'research', label: '科研机构', unit: '件', valueType: 'count' },
  { id: 'public-interest', label: '社会公益组织', unit: '件', valueType: 'count' },
  { id: 'legal-service', label: '法律服务机构', unit: '件', valueType: 'count' },
  { id: 'other', label: '其他', unit: '件', valueType: 'count' },
  { id: 'total', label: '总计', unit: '件', valueType: 'count' },
];

/** Rows of table 三 before （六）其他处理; the same in 2019 and 2021. */
const ROWS_BEFORE_OTHER: readonly RowFormat[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', key: '本年新收政府信息公开申请数量' },
  { id: 'carried-in', label: '二、上年结转政府信息公开申请数量', key: '上年结转政府信息公开申请数量' },
  { id: 'disclosed', label: '（一）予以公开', key: '予以公开', group: 'results' },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', key: '部分公开', group: 'results' },
  { id: 'withheld-state-secret', label: '1.属于国家秘密', key: '属于国家秘密', group: 'withheld' },
  { id: 'withheld-prohibited', label: '2.其他法律行政法规禁止公开', key: '其他法律行政法规禁止公开', group: 'withheld' },
  { id: 'withheld-security', label: '3.危及“三安全一稳定”', key: '危及.?三安全一稳定', group: 'withheld' },
  { id: 'withheld-third-party', label: '4.保护第三方合法权益', key: '保护第三方合法权益', group: 'withheld' },
  { id: 'withheld-internal', label: '5.属于三类内部事务信息', key: '属于三类内部事务信息', group: 'withheld' },
  { id: 'withheld-process', label: '6.属于四类过程性信息', key: '属于四类过程性信息', group: 'withheld' },
  { id: 'withheld-enforcement', label: '7.属于行政执法案卷', key: '属于行政执法案卷', group: 'withheld' },
  { id: 'withheld-inquiry', label: '8.属于行政查询事项', key: '属于行政查询事项', group: 'withheld' },
  { id: 'unable-not-held', label: '1.本机关不掌握相关政府信息', key: '本机关不掌握相关政府信息', group: 'unable' },
  { id: 'unable-needs-creation', label: '2.没有现成信息需要另行制作', key: '没有现成信息需要另行制作', group: 'unable' },
  { id: 'unable-unclear', label: '3.补正后申请内容仍不明确', key: '补正后申请内容仍不明确', group: 'unable' },
  { id: 'not-processed-petition', label: '1.信访举报投诉类申请', key: '信访举报投诉类申请', group: 'not-processed' },
  { id: 'not-processed-repeat', label: '2.重复申请', key: '重复申请', group: 'not-processed' },
  { id: 'not-processed-publication', label: '3.要求提供公开出版物', key: '要求提供公开出版物', group: 'not-processed' },
  { id: 'not-processed-excessive', label: '4.无正当理由大量反复申请', key: '无正当理由大量反复申请', group: 'not-processed' },
  {
    id: 'not-processed-confirmation',
    label: '5.要求行政机关确认或重新出具已获取信息',
    key: '要求行政机关确认或重新出具已获取信息',
    group: 'not-processed',
  },
];

/** Rows after （六）其他处理. */
const ROWS_AFTER_OTHER: readonly RowFormat[] = [
  { id: 'total', label: '（七）总计', key: '\\(七\\)总计', group: 'results' },
  { id: 'carried-over', label: '四、结转下年度继续办理', key: '结转下年度继续办理' },
];

/** 2019: （六）其他处理 is a single row. */
const OTHER_2019: readonly RowFormat[] = [{ id: 'other', label: '（六）其他处理', key: '\\(六\\)其他处理', group: 'results' }];

/** 2021: （六）其他处理 has three sub-rows (30号). */
const OTHER_2021: readonly RowFormat[] = [
  {
    id: 'other-no-clarification',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    key: '逾期不补正',
    group: 'other',
  },
  {
    id: 'other-unpaid-fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    key: '逾期未按收费通知要求缴纳费用',
    group: 'other',
  },
  { id: 'other-other', label: '3.其他', key: '3[.、,]其他', group: 'other' },
];

/** Group headings of table 三 that carry no values. */
const REQUEST_GROUP_KEYS: readonly string[] = [
  '三[、.]?本年度办理结果',
  '\\(三\\)不予公开',
  '\\(四\\)无法提供',
  '\\(五\\)不予处理',
];

/** Table 三's top-left header cell, `（本列数据的勾稽关系为：…）`: the table without its heading. */
const REQUEST_HEADER_KEY = '\\(?本列数据的勾稽关系为';

/** Ids of the rows that make up （七）总计, for a given （六） variant. */
function resultRowIds(otherRows: readonly RowFormat[]): string[] {
  return [...ROWS_BEFORE_OTHER.filter((r) => r.group !== undefined).map((r) => r.id), ...otherRows.map((r) => r.id)];
}

/**
 * Table 三 for the 2019 or 2021 format.
 * @param variant `2019` (one （六） row) or `2021` (three （六） sub-rows)
 */
export function requestTable(variant: '2019' | '2021'): TableFormat {
  const other = variant === '2019' ? OTHER_2019 : OTHER_2021;
  return {
    id: 't3',
    title: '收到和处理政府信息公开申请情况',
    key: headingKey('三', REQUESTS_TITLE_KEY),
    headerKey: REQUEST_HEADER_KEY,
    sectionNumber: '三',
    columns: REQUEST_COLUMNS,
    rows: [...ROWS_BEFORE_OTHER, ...other, ...ROWS_AFTER_OTHER],
    groupKeys: variant === '2021' ? [...REQUEST_GROUP_KEYS, '\\(六\\)其他处理'] : REQUEST_GROUP_KEYS,
  };
}

/**
 * Identities of table 三 (RULES.md §6.2):
 * - V01, per column: 一 + 二 = （七）总计 + 四 (printed in the table's top-left cell);
 * - V02, per column: （七）总计 = the sum of every result row;
 * - V03, per row: 总计 = the sum of the six requester columns.
 */
export function requestIdentities(variant: '2019' | '2021'): Identity[] {
  const table = requestTable(variant);
  const results = resultRowIds(variant === '2019' ? OTHER_2019 : OTHER_2021);
  const identities: Identity[] = [];
  for (const column of table.columns) {
    identities.push({
      id: `V01/${column.id}`,
      rule: 'V01',
      description: {
        zh: `${column.label}：第一项加第二项之和，等于第三项加第四项之和`,
        en: `${column.id}: new + carried in = total handled + carried over`,
      },
      left: [cellId('t3', 'new', column.id), cellId('t3', 'carried-in', column.id)],
      relation: 'eq',
      right: [cellId('t3', 'total', column.id), cellId('t3', 'carried-over', column.id)],
      verified: true,
    });
  }
  for (const column of table.columns) {
    identities.push({
      id: `V02/${column.id}`,
      rule: 'V02',
      description: { zh: `${column.label}：（七）总计等于各办理结果之和`, en: `${column.id}: (7) total = sum of the outcome rows` },
      left: [cellId('t3', 'total', column.id)],
      relation: 'eq',
      right: results.map((row) => cellId('t3', row, column.id)),
      verified: true,
    });
  }
  const requesterColumns = table.columns.filter((c) => c.id !== 'total');
  for (const row of table.rows) {
    identities.push({
      id: `V03/${row.id}`,
      rule: 'V03',
      description: { zh: `${row.label}：总计等于各类申请人之和`, en: `${row.id}: total = sum of the requester columns` },
      left: [cellId('t3', row.id, 'total')],
      relation: 'eq',
      right: requesterColumns.map((c) => cellId('t3', row.id, c.id)),
      verified: true,
    });
  }
  return identities;
}

/** The five columns of each of table 四's three groups (RULES.md §3.5). */
const REVIEW_OUTCOMES = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;

/** The three groups of table 四: reconsideration, direct suit, suit after reconsideration. */
const REVIEW_GROUPS = [
  { id: 'reconsideration', label: '行政复议' },
  { id: 'direct-suit', label: '行政诉讼·未经复议直接起诉' },
  { id: 'suit-after-reconsideration', label: '行政诉讼·复议后起诉' },
] as const;

/**
 * Table 四's column headings (`行政复议 … 行政诉讼 … 结果维持 … 尚未审结`), with no number or full stop
 * between them: the table without its heading, never a narrative sentence. A PDF may break
 * `结果维持` and `尚未审结` over lines (`结 果 … 维持`, `尚 未 … 审结`), so only their ends are required.
 * `(?=(…))\1` takes the first 行政诉讼 and 维持 without backtracking over later ones.
 */
const REVIEW_HEADER_KEY = '行政复议(?=([^\\d。;]{0,40}?行政诉讼))\\1(?=([^\\d。;]{0,300}?维持))\\2[^\\d。;]{0,300}?审结';

/**
 * Table 四, identical in 2019 and 2021: one data row of 15 numbers. Its single row has no
 * label; its values are the numbers of the table region (`key` is the section heading).
 */
export const REVIEW_TABLE: TableFormat = {
  id: 't4',
  title: '政府信息公开行政复议、行政诉讼情况',
  key: headingKey('四', REVIEW_TITLE_KEY),
  headerKey: REVIEW_HEADER_KEY,
  sectionNumber: '四',
  columns: REVIEW_GROUPS.flatMap((group) =>
    REVIEW_OUTCOMES.map((outcome) => ({
      id: `${group.id}-${outcome.id}`,
      label: `${group.label}·${outcome.label}`,
      unit: '件' as const,
      valueType: 'count' as const,
    })),
  ),
  rows: [{ id: 'cases', label: '（数据行）', key: '' }],
};

/** V04: in each group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const REVIEW_IDENTITIES: readonly Identity[] = REVIEW_GROUPS.map((group) => ({
  id: `V04/${group.id}`,
  rule: 'V04',
  description: { zh: `${group.label}：总计等于各结果之和`, en: `${group.id}: total = upheld + corrected + other + pending` },
  left: [cellId('t4', 'cases', `${group.id}-total`)],
  relation: 'eq' as const,
  right: REVIEW_OUTCOMES.filter((o) => o.id !== 'total').map((o) => cellId('t4', 'cases', `${group.id}-${o.id}`)),
  verified: true,
}));
