/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况, identical in the 2019 and 2021 formats, RULES.md
 * §3.5) and rows 四/五 of the 2014 statistics table (RULES.md §3.7), computed from records. Pure.
 *
 * Counting rules:
 * - **Year**: a record counts in the year its case was filed: the reconsideration's filing date
 *   for reconsiderations, the suit's filing date for suits (`countedOn` in review-case.ts). The
 *   formats do not say which date decides; filing is the reading under which 尚未审结 makes sense
 *   (a case filed this year and not yet decided). UNVERIFIED as an official rule.
 * - **Outcome as of Dec 31** of that year: a case decided later counts as 尚未审结 in this year's
 *   table (the table is a snapshot at the end of the statistics period, 1月1日至12月31日).
 * - **De-duplication (roll-up rule of issue 4)**: when a reconsideration body is sued as
 *   co-defendant with the original agency (复议机关作共同被告, 行政诉讼法 art. 26 ¶2), only the
 *   original agency counts the suit. Records with `defendantRole = co-defendant` are never counted,
 *   for the body alone or in a roll-up over both organizations, so a region's table counts each
 *   suit once. This is 国办公开办函 practice as we understand it, not a printed rule: UNVERIFIED.
 */
import { FORMAT_2014 } from '../reports/format/format-2014.ts';
import { cellId } from '../reports/format/report-format.ts';
import { REVIEW_TABLE } from '../reports/format/request-tables.ts';
import { countedOn, outcomeAsOf, REVIEW_OUTCOMES, REVIEW_PATHS } from './review-case.ts';
import type { ReviewCaseValues, ReviewOutcome, ReviewPath } from './review-case.ts';

/** A column id of table 四: `<path>-<outcome>` or `<path>-total` (the ids of `REVIEW_TABLE`). */
export type ReviewTableColumnId = `${ReviewPath}-${ReviewOutcome | 'total'}`;

/** The 15 column ids of table 四, in printed order. */
export const REVIEW_TABLE_COLUMN_IDS: readonly ReviewTableColumnId[] = REVIEW_PATHS.flatMap((path) =>
  [...REVIEW_OUTCOMES, 'total' as const].map((outcome): ReviewTableColumnId => `${path}-${outcome}`),
);

/** What the table needs of a record. */
export type ReviewTableRecord = Pick<ReviewCaseValues, 'path' | 'defendantRole' | 'filedOn' | 'suitFiledOn' | 'decidedOn' | 'outcome'>;

/** Table 四 of one year. */
export interface ReviewTable {
  year: number;
  /** The 15 numbers (件), by column id. */
  values: Readonly<Record<ReviewTableColumnId, number>>;
  /** Records of the year that were counted. */
  counted: number;
  /** Records of the year left out because the organization was a co-defendant reconsideration body. */
  excludedCoDefendant: number;
}

/**
 * Computes table 四 for `year` from records (any years: others are ignored), by the rules in this
 * file's header.
 * @param year the report year, e.g. 2025
 * @returns the 15 numbers and how many records were counted or excluded as co-defendant duplicates
 */
export function computeReviewTable(records: Iterable<ReviewTableRecord>, year: number): ReviewTable {
  const values = Object.fromEntries(REVIEW_TABLE_COLUMN_IDS.map((id) => [id, 0])) as Record<ReviewTableColumnId, number>;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const yearEnd = `${prefix}12-31`;
  let counted = 0;
  let excludedCoDefendant = 0;
  for (const record of records) {
    if (!countedOn(record).startsWith(prefix)) continue;
    if (record.defendantRole === 'co-defendant') {
      excludedCoDefendant++;
      continue;
    }
    counted++;
    values[`${record.path}-${outcomeAsOf(record, yearEnd)}`]++;
    values[`${record.path}-total`]++;
  }
  return { year, values, counted, excludedCoDefendant };
}

/** Table 四 as structured-report cells (`t4/cases/<column>`), for the report model and its checker. */
export function reviewTableCells(table: ReviewTable): Record<string, number> {
  const row = REVIEW_TABLE.rows[0]?.id ?? 'cases';
  return Object.fromEntries(REVIEW_TABLE_COLUMN_IDS.map((id) => [cellId(REVIEW_TABLE.id, row, id), table.values[id]]));
}

/** The row ids of the 2014 statistics table's sections 四 (行政复议数量) and 五 (行政诉讼数量). */
export const REVIEW_ROWS_2014 = [
  'reconsideration-total',
  'reconsideration-upheld',
  'reconsideration-corrected',
  'reconsideration-other',
  'litigation-total',
  'litigation-upheld',
  'litigation-corrected',
  'litigation-other',
] as const;
/** A row id of {@link REVIEW_ROWS_2014}. */
export type ReviewRow2014Id = (typeof REVIEW_ROWS_2014)[number];

/**
 * Rows 四 and 五 of the 2014 statistics table (国办发〔2014〕32号), from table 四's numbers (the
 * same records, year and de-duplication):
 * - 四 行政复议数量 = the reconsideration group: 维持具体行政行为数 = 结果维持, 被依法纠错数 =
 *   结果纠正, 其他情形数 = 其他结果 + 尚未审结;
 * - 五 行政诉讼数量 = both suit groups (direct and after reconsideration) added: 维持…或者驳回
 *   原告诉讼请求数 = 结果维持, 被依法纠错数 = 结果纠正, 其他情形数 = 其他结果 + 尚未审结.
 * The 2014 table has no 尚未审结 row; counting pending cases under 其他情形 keeps 数量 = the sum of
 * its three rows (the table's V15 identity). Our reading, UNVERIFIED.
 */
export function reviewRows2014(table: ReviewTable): Record<ReviewRow2014Id, number> {
  const v = table.values;
  const suits = (outcome: ReviewOutcome | 'total'): number => v[`direct-suit-${outcome}`] + v[`suit-after-reconsideration-${outcome}`];
  return {
    'reconsideration-total': v['reconsideration-total'],
    'reconsideration-upheld': v['reconsideration-upheld'],
    'reconsideration-corrected': v['reconsideration-corrected'],
    'reconsideration-other': v['reconsideration-other'] + v['reconsideration-pending'],
    'litigation-total': suits('total'),
    'litigation-upheld': suits('upheld'),
    'litigation-corrected': suits('corrected'),
    'litigation-other': suits('other') + suits('pending'),
  };
}

/** The 2014 statistics table's id (`stats`) and its single value column. */
const STATS_TABLE = FORMAT_2014.tables.find((t) => t.rows.some((r) => r.id === 'reconsideration-total'));

/** Rows 四/五 of 2014 as structured-report cells (`stats/<row>/value`). */
export function reviewRows2014Cells(rows: Readonly<Record<ReviewRow2014Id, number>>): Record<string, number> {
  const table = STATS_TABLE?.id ?? 'stats';
  const column = STATS_TABLE?.columns[0]?.id ?? 'value';
  return Object.fromEntries(REVIEW_ROWS_2014.map((id) => [cellId(table, id, column), rows[id]]));
}

/** The printed label of each 2014 row (`四、行政复议数量`, `（一）维持具体行政行为数` …), from the format. */
export const REVIEW_ROW_2014_LABELS: Readonly<Record<ReviewRow2014Id, string>> = Object.fromEntries(
  REVIEW_ROWS_2014.map((id) => [id, STATS_TABLE?.rows.find((r) => r.id === id)?.label ?? id]),
) as Record<ReviewRow2014Id, string>;

/** The printed label of each table 四 column (`行政复议·结果维持` …), from the format. */
export const REVIEW_TABLE_COLUMN_LABELS: Readonly<Record<ReviewTableColumnId, string>> = Object.fromEntries(
  REVIEW_TABLE_COLUMN_IDS.map((id) => [id, REVIEW_TABLE.columns.find((c) => c.id === id)?.label ?? id]),
) as Record<ReviewTableColumnId, string>;
