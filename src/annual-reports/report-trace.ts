/**
 * The records behind a cell of a computed annual report (issue 5 item 1: "every number traceable, a
 * click or an API call lists the records behind it"). Pure: the service selects the records, this
 * decides which of them a cell counts and what each adds to it.
 *
 * Each record is put through **the same functions the report is computed with**, so the list and
 * the number cannot drift apart:
 * - a request case is placed with `classifyCase` and tallied alone with `tallyRequestTables`
 *   (src/requests/request-statistics.ts): the cells it lands in are the cells it counts in;
 * - a reconsideration or suit goes through the roll-up de-duplication (`dedupeReviews`,
 *   report-figures.ts) and then alone through `computeReviewTable` (src/reviews/review-table.ts):
 *   a record left out as a duplicate of another member's, or as a co-defendant's, is not listed;
 * - catalog cells list the item ids `countRegulatoryDocuments` kept (regulatory-document.ts);
 * - hand-entered cells list the entries summed into them.
 * What a record adds to its cell is its **contribution**: 1 for a case, an item or a review
 * record, the fee in 万元 for the 2014 fees row, the value for an entry; the contributions of the
 * listed records add up to the cell's value.
 */
import { cellLabel } from '../reports/render/finding-index.ts';
import { formatCells, getFormat } from '../reports/format/formats.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { Channel, RequesterType } from '../requests/request-case.ts';
import { classifyCase, tallyRequestTables, yearBounds } from '../requests/request-statistics.ts';
import type { ClassifiedCases, Conclusion, RequestStatisticsRow } from '../requests/request-statistics.ts';
import type { DefendantRole, ReviewOutcome, ReviewPath } from '../reviews/review-case.ts';
import { outcomeAsOf } from '../reviews/review-case.ts';
import { computeReviewTable, reviewRows2014, reviewRows2014Cells, reviewTableCells } from '../reviews/review-table.ts';
import type { ReviewTableRecord } from '../reviews/review-table.ts';
import { validationFailed } from '../shared/errors.ts';
import type { ReportScope } from './annual-report.ts';
import { dedupeReviews } from './report-figures.ts';
import type { CellSource, ReviewFigure } from './report-figures.ts';
import type { TracedActivity } from './activity-trace.repository.ts';

/** A catalog item behind a catalog cell. Dates `YYYY-MM-DD`. */
export interface TracedItem {
  id: number;
  organizationId: number;
  organizationName: string;
  /** 索引号 (null for an item that never had one). */
  indexNumber: string | null;
  title: string;
  /** 文号. */
  documentNumber: string | null;
  /** Genre code (`rule`, `normative_document`, …). */
  genre: string;
  creationDate: string;
  publicationDate: string | null;
  /** in_force | expired | repealed. */
  validity: string;
  expiryDate: string | null;
  /** published | superseded | withdrawn. */
  status: string;
  /** The channels it was published through (2014 table 一 (二)). */
  channels: string[];
  /** What the item adds to the cell: 1. */
  contribution: number;
}

/** A request case as the trace selects it: the statistics' projection columns and what identifies it. */
export interface TraceCaseRow extends RequestStatisticsRow {
  id: number;
  trackingCode: string;
  organizationId: number;
  /** As stored (the service masks it for staff without `requests.read_personal`). */
  requesterName: string;
}

/** A request case behind a cell of table 三 or the 2014 request rows. */
export interface TracedCase {
  id: number;
  trackingCode: string;
  organizationId: number;
  organizationName: string;
  requesterType: RequesterType;
  /** Masked (`张**`) unless the actor may read personal data of the case's organization. */
  requesterName: string;
  channel: Channel;
  receivedOn: string;
  /** The table 三 (2021) row id of the decision, or null while undecided. */
  outcome: string | null;
  outcomeOn: string | null;
  /** How the decision stands against the deadline (2014 按时 / 延期, or late); null while undecided. */
  timeliness: Conclusion | null;
  /** Fee paid, 元. */
  feeYuan: number;
  /** What the case adds to the cell: 1, or its fee in 万元 for the 2014 fees row. */
  contribution: number;
}

/** A reconsideration or suit behind a cell of table 四 or the 2014 rows 四/五. */
export interface TracedReview {
  id: number;
  organizationId: number;
  organizationName: string;
  path: ReviewPath;
  defendantRole: DefendantRole;
  /** Masked unless the actor may read personal data of the record's organization. */
  applicantName: string;
  reviewingBody: string;
  caseNumber: string | null;
  filedOn: string;
  suitFiledOn: string | null;
  decidedOn: string | null;
  /** The outcome recorded now. */
  outcome: ReviewOutcome;
  /** The outcome as of Dec 31 of the report year (what the table counts). */
  outcomeAtYearEnd: ReviewOutcome;
  /** What the record adds to the cell: 1. */
  contribution: number;
}

/** A hand-entered figure behind an entered cell. */
export interface TracedEntry {
  organizationId: number;
  organizationName: string;
  /** A count, or 万元 for amounts. */
  value: number;
  /** manual | import. */
  source: string;
  note: string | null;
  enteredBy: number | null;
  /** The display name of who entered it (null for the system or a deleted user). */
  enteredByName: string | null;
  /** ISO instant. */
  enteredAt: string;
  /** What the entry adds to the cell: its value. */
  contribution: number;
}

/** The records behind one cell of a computed report. */
export interface CellTrace {
  organization: { id: number; name: string };
  year: number;
  formatId: FormatId;
  scope: ReportScope;
  /** The organizations counted. */
  members: { id: number; name: string }[];
  /** The cell id, `table/row/column`. */
  cell: string;
  /** How reports name the cell, e.g. `表三“自然人·一、本年新收”`. */
  label: string;
  /** The cell's value computed from the records now. */
  value: number;
  source: CellSource;
  /** The value in the report as submitted (frozen), when the stored report has a snapshot; it differs when records changed since. */
  submittedValue: number | null;
  items: TracedItem[];
  cases: TracedCase[];
  reviews: TracedReview[];
  entries: TracedEntry[];
  /** Engagement and work records behind a 2014 row of sections 二, 六, 八, 九 (activity-trace.repository.ts). */
  activities: (TracedActivity & { organizationName: string })[];
  /** The sum of the listed records' contributions: equals `value`. */
  total: number;
  /** Whether requester and applicant names were masked for this actor (some or all). */
  masked: boolean;
}

/** The table 三 variant a format counts requests with (as `computeCells` does). */
function variantOf(formatId: FormatId): '2019' | '2021' {
  return formatId === '2021' ? '2021' : '2019';
}

function nonZero(cells: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== 0));
}

/**
 * The cells of a format one request case counts in for a year, with what it adds to each: the case
 * classified with `classifyCase` and tallied alone with `tallyRequestTables`.
 * @returns cell id → contribution (1, or the fee in 万元 for the 2014 row 七), non-zero cells only;
 *   empty for a case outside the year's tables
 */
export function requestCaseCells(row: RequestStatisticsRow, year: number, formatId: FormatId): Record<string, number> {
  return classifiedCells(classifyCase(row, year), year, formatId);
}

/** The non-zero cells of one case already classified for the year (see {@link requestCaseCells}). */
function classifiedCells(classified: ClassifiedCases, year: number, formatId: FormatId): Record<string, number> {
  const tables = tallyRequestTables([classified], year, variantOf(formatId));
  return nonZero(formatId === '2014' ? tables.cells2014 : tables.table3);
}

/**
 * The cells of a format one review record counts in for a year: the record alone through
 * `computeReviewTable` (filing year, outcome as of Dec 31, co-defendants never counted).
 * @returns cell id → 1 for each cell it counts in (`t4/cases/…` or the 2014 `stats/…` rows)
 */
export function reviewRecordCells(record: ReviewTableRecord, year: number, formatId: FormatId): Record<string, number> {
  const table = computeReviewTable([record], year);
  return nonZero(formatId === '2014' ? reviewRows2014Cells(reviewRows2014(table)) : reviewTableCells(table));
}

/**
 * The request cases a cell counts, each with its contribution, in the order given.
 * @param rows the cases of the report's members placed for the year (others count nowhere)
 */
export function casesInCell(rows: readonly TraceCaseRow[], cell: string, year: number, formatId: FormatId): { row: TraceCaseRow; timeliness: Conclusion | null; contribution: number }[] {
  const out: { row: TraceCaseRow; timeliness: Conclusion | null; contribution: number }[] = [];
  for (const row of rows) {
    // Classified once: the cells it lands in and its timeliness come from the same placement.
    const classified = classifyCase(row, year);
    const contribution = classifiedCells(classified, year, formatId)[cell];
    if (contribution === undefined) continue;
    out.push({ row, timeliness: classified.conclusion, contribution });
  }
  return out;
}

/**
 * The review records a cell counts after the roll-up de-duplication, each with its contribution.
 * @param records every member's records as the report's figures hold them
 * @returns the counted records in id order
 */
export function reviewsInCell(records: readonly ReviewFigure[], cell: string, year: number, formatId: FormatId): { record: ReviewFigure; outcomeAtYearEnd: ReviewOutcome; contribution: number }[] {
  const yearEnd = yearBounds(year).to;
  const out: { record: ReviewFigure; outcomeAtYearEnd: ReviewOutcome; contribution: number }[] = [];
  for (const record of dedupeReviews(records).records) {
    const contribution = reviewRecordCells(record, year, formatId)[cell];
    if (contribution === undefined) continue;
    out.push({ record, outcomeAtYearEnd: outcomeAsOf(record, yearEnd), contribution });
  }
  return out;
}

/**
 * The sum of contributions, rounded to four decimals (whole 元 in 万元) so a fee row adds up
 * without floating-point noise.
 */
export function traceTotal(contributions: Iterable<number>): number {
  let sum = 0;
  for (const c of contributions) sum += c;
  return Math.round(sum * 10_000) / 10_000;
}

/**
 * Checks that a cell id exists in a format.
 * @returns the cell's printed name (`表三“自然人·一、本年新收”`)
 * @throws GongkaiError `VALIDATION_FAILED` (field `cell`) for an id the format does not have;
 *   `FORMAT_UNKNOWN` for an unknown format
 */
export function checkCell(formatId: FormatId, cell: string): string {
  const format = getFormat(formatId);
  if (!formatCells(format).some((c) => c.id === cell)) {
    throw validationFailed([{ field: 'cell', message: `the ${formatId} format has no cell "${cell}" (ids are table/row/column, e.g. t3/new/total)`, messageZh: `${formatId} 年格式没有单元格“${cell}”` }]);
  }
  return cellLabel(format, cell);
}

/** Every cell of a format with its printed name, in format order (for a cell picker). */
export function formatCellLabels(formatId: FormatId): { id: string; label: string }[] {
  const format = getFormat(formatId);
  return formatCells(format).map((c) => ({ id: c.id, label: cellLabel(format, c.id) }));
}
