/**
 * The figures an annual report is computed from, per organization, and the computation of every
 * cell of a format from the figures of the organizations a report covers (its own, or a roll-up's
 * members). Pure: the repository (report-figures.repository.ts) selects the figures of a whole
 * subtree in a few aggregate queries, so one organization's report and a region of a thousand are
 * computed the same way.
 *
 * Where each cell comes from:
 * - table 二 (一) and the 2014 normative-document rows: the catalog (regulatory-document.ts);
 * - the 2014 主动公开政府信息数: proactive items published in the year;
 * - table 三, the 2014 request rows and the fees: the request cases (src/requests/request-statistics.ts);
 * - table 四 and the 2014 rows 四/五: reconsideration and litigation records (src/reviews/review-table.ts);
 * - the 2014 rows on channels, 回应解读, complaints, staffing, funding, reading points, meetings and
 *   training: the engagement and work records (activity-figures.ts, issue 6);
 * - everything else (table 二's decision counts and fee amounts, the 2019 format's 项目数量): figures
 *   the office enters by hand (`report_entry`), shown as entered, by whom and when.
 *
 * **Roll-up de-duplication** (what a government's report must not count twice):
 * - a jointly issued document (same 文号) counts once (regulatory-document.ts);
 * - a reconsideration body sued as co-defendant never counts (review-table.ts);
 * - one reconsideration or suit recorded by two member organizations (same reviewing body, path
 *   and case number, e.g. two departments named as joint respondents) counts once;
 * - requests are never merged: each agency's case is its own request (2019 art. 27), even when
 *   one requester asked several agencies for the same information.
 * These are our readings (UNVERIFIED): the formats give no roll-up rules.
 */
import { cellId } from '../reports/format/report-format.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import { formatCells, getFormat } from '../reports/format/formats.ts';
import { tallyRequestTables } from '../requests/request-statistics.ts';
import type { ClassifiedCases, RequestTables, RequestTableVariant } from '../requests/request-statistics.ts';
import { computeReviewTable, reviewRows2014, reviewRows2014Cells, reviewTableCells } from '../reviews/review-table.ts';
import type { ReviewTable, ReviewTableRecord } from '../reviews/review-table.ts';
import { countRegulatoryDocuments } from './regulatory-document.ts';
import type { RegulatoryDocument } from './regulatory-document.ts';
import { activityCells2014, activitySourceOf2014, sumActivityFigures } from './activity-figures.ts';
import type { ActivityFigures } from './activity-figures.ts';
import { addPackedRequestTables, packRequestTables } from './rollup-requests.ts';
import type { PackedRequestTables } from './rollup-requests.ts';

/** A reconsideration or suit record with what the roll-up de-duplication needs. */
export interface ReviewFigure extends ReviewTableRecord {
  id: number;
  organizationId: number;
  reviewingBody: string;
  caseNumber: string | null;
}

/** A figure entered by hand for a cell no record holds. */
export interface EnteredFigure {
  organizationId: number;
  /** Cell id, e.g. `t2-5/licensing/decisions`. */
  cell: string;
  /** A count, or 万元 for amounts. */
  value: number;
  /** manual | import. */
  source: string;
  note: string | null;
  enteredBy: number | null;
  /** ISO instant. */
  enteredAt: string;
}

/** Everything one organization's own records say for a year (its subtree's records are not included). */
export interface OrganizationFigures {
  organizationId: number;
  documents: RegulatoryDocument[];
  /** Proactively disclosed items published in the year (2014 主动公开政府信息数). */
  publishedItems: number;
  /** Request cases the year's tables look at, grouped (count per group). */
  requestGroups: ClassifiedCases[];
  reviews: ReviewFigure[];
  entries: EnteredFigure[];
  /** Engagement and work records of the year (2014 channels, 回应解读, staffing, …; the narrative's mailbox and hotline facts). */
  activity: ActivityFigures;
}

/** Where a cell's number comes from. */
export type CellSource = 'catalog' | 'requests' | 'reviews' | 'engagement' | 'work-records' | 'entry' | 'not-entered';

/** The computed cells of a report and what is behind them. */
export interface ComputedCells {
  formatId: FormatId;
  year: number;
  /** Every cell of the format by id (0 where nothing counts). */
  values: Record<string, number>;
  /** Where each cell's number comes from. */
  sources: Record<string, CellSource>;
  /** The hand-entered figures summed into each `entry` cell. */
  entries: Record<string, EnteredFigure[]>;
  /** Catalog item ids behind each catalog cell (after de-duplication). */
  documentItems: Record<string, number[]>;
  /** Table 三 and the 2014 request rows with their side counts (late, unmapped, fees). */
  requests: RequestTables;
  /** Table 四 as counted. */
  reviews: ReviewTable;
  /** Review records left out as duplicates of another member's record. */
  duplicateReviews: number;
  /** The engagement and work-record figures of the covered organizations, summed. */
  activity: ActivityFigures;
}

/** Where a cell's number comes from when a record holds it; null: entered by hand. */
function sourceOfCell(formatId: FormatId, id: string): Exclude<CellSource, 'entry' | 'not-entered'> | null {
  if (id.startsWith('t3/')) return 'requests';
  if (id.startsWith('t4/')) return 'reviews';
  if (id.startsWith('t2-1/')) return 'catalog';
  if (formatId !== '2014') return null;
  const row = id.split('/')[1] ?? '';
  if (row === 'proactive-total' || row === 'proactive-normative' || row === 'normative-issued') return 'catalog';
  if (/^(reconsideration|litigation)-/.test(row)) return 'reviews';
  if (/^(requests-received|received-|concluded|answered|answer-|refused-|fees$)/.test(row)) return 'requests';
  return activitySourceOf2014(id);
}

/**
 * Whether a cell of a format is entered by hand (no record in gongkai holds its number).
 * @returns true for table 二's decision counts and amounts (2021), the 2019 format's 项目数量 and
 *   procurement; of the 2014 table only the text row （四）申请公开的主要内容 (since issue 6 every
 *   number comes from a record)
 */
export function isEnteredCell(formatId: FormatId, id: string): boolean {
  return sourceOfCell(formatId, id) === null;
}

/** The cells of a format an office enters by hand, in format order. */
export function enteredCells(formatId: FormatId): string[] {
  return cellPlan(formatId)
    .filter((c) => c.source === null)
    .map((c) => c.id);
}

/** Every cell of a format in format order with where its number comes from (null: entered by hand). */
type CellPlan = readonly { readonly id: string; readonly source: Exclude<CellSource, 'entry' | 'not-entered'> | null }[];
const CELL_PLANS = new Map<FormatId, CellPlan>();

/** The {@link CellPlan} of a format, built once per format (each report of a region needs it). */
function cellPlan(formatId: FormatId): CellPlan {
  let plan = CELL_PLANS.get(formatId);
  if (!plan) {
    plan = formatCells(getFormat(formatId)).map(({ id }) => ({ id, source: sourceOfCell(formatId, id) }));
    CELL_PLANS.set(formatId, plan);
  }
  return plan;
}

/** The key under which two members' records of one review case are the same case. */
function reviewKey(r: ReviewFigure): string {
  const number = (r.caseNumber ?? '').normalize('NFKC').replace(/\s+/g, '');
  return number === '' ? `id:${r.id}` : `${r.path}\u0000${r.reviewingBody.normalize('NFKC').replace(/\s+/g, '')}\u0000${number}`;
}

/**
 * The review records a report counts after the roll-up de-duplication of the header: of the
 * records of one case (same path, reviewing body and case number) the one with the smallest id
 * stands for all, whatever order the records come in. Co-defendant records pass through untouched:
 * `computeReviewTable` leaves them out and counts them apart, and one must never stand in for the
 * original agency's record of the same suit. Used by {@link computeCells} and by the trace of a
 * cell (report-trace.ts), so both count the same records.
 * @returns the records to count (by id) and how many were left out as duplicates
 */
export function dedupeReviews(records: readonly ReviewFigure[]): { records: ReviewFigure[]; duplicates: number } {
  const chosen = new Map<string, ReviewFigure>();
  const coDefendants: ReviewFigure[] = [];
  let originals = 0;
  for (const r of records) {
    if (r.defendantRole === 'co-defendant') {
      coDefendants.push(r);
      continue;
    }
    originals++;
    const key = reviewKey(r);
    const seen = chosen.get(key);
    if (!seen || r.id < seen.id) chosen.set(key, r);
  }
  return { records: [...chosen.values(), ...coDefendants].sort((a, b) => a.id - b.id), duplicates: originals - chosen.size };
}

/** The table 三 variant of a format: the 2014 request rows are tallied with the 2019 one. */
function variantOf(formatId: FormatId): RequestTableVariant {
  return formatId === '2021' ? '2021' : '2019';
}

/**
 * Computes every cell of a format for a year from the figures of the organizations a report covers.
 * @param members the figures of each covered organization (one for an own report)
 * @param year the report year (statistics period 1月1日–12月31日)
 * @param formatId the report format: `2021` (from 2021), `2019` (2019–2020), `2014` (2014–2018)
 * @param tallies members' own request tables already tallied and packed for this year and format
 *   (`packRequestTables`), by organization id, for the roll-ups of a region; a roll-up's member not
 *   in it is tallied here (an own report always tallies)
 * @returns the cells, their sources, the entries and records behind them
 */
export function computeCells(members: readonly OrganizationFigures[], year: number, formatId: FormatId, tallies?: ReadonlyMap<number, PackedRequestTables>): ComputedCells {
  const variant = variantOf(formatId);
  const single = members.length === 1 ? members[0] : undefined;
  const documents = single ? single.documents : members.flatMap((m) => m.documents);
  const { counts: documentCounts, items: documentItems } = countRegulatoryDocuments(documents, year, formatId);
  // A roll-up adds its members' own tables: the same numbers as tallying all their groups.
  const requests: RequestTables = single
    ? tallyRequestTables(single.requestGroups, year, variant)
    : addPackedRequestTables(
        members.map((m) => tallies?.get(m.organizationId) ?? packRequestTables(tallyRequestTables(m.requestGroups, year, variant))),
        year,
        variant,
      );
  const { records: reviewRecords, duplicates: duplicateReviews } = dedupeReviews(single ? single.reviews : members.flatMap((m) => m.reviews));
  const reviews = computeReviewTable(reviewRecords, year);
  // Later sources win, as in an object spread of the documents' counts, then the requests, then the reviews.
  const requestCells = formatId === '2014' ? requests.cells2014 : requests.table3;
  const reviewCells = formatId === '2014' ? reviewRows2014Cells(reviewRows2014(reviews)) : reviewTableCells(reviews);
  let publishedItems = 0;
  if (formatId === '2014') for (const m of members) publishedItems += m.publishedItems;
  const proactiveTotal = cellId('stats', 'proactive-total', 'value');
  const activity = single ? single.activity : sumActivityFigures(members.map((m) => m.activity));
  const activityCells = formatId === '2014' ? activityCells2014(activity) : {};
  const entriesByCell: Record<string, EnteredFigure[]> = {};
  for (const m of members) for (const entry of m.entries) (entriesByCell[entry.cell] ??= []).push(entry);

  const values: Record<string, number> = {};
  const sources: Record<string, CellSource> = {};
  const entries: Record<string, EnteredFigure[]> = {};
  for (const { id, source } of cellPlan(formatId)) {
    if (source !== null) {
      values[id] = formatId === '2014' && id === proactiveTotal ? publishedItems : (activityCells[id] ?? reviewCells[id] ?? requestCells[id] ?? documentCounts[id] ?? 0);
      sources[id] = source;
      continue;
    }
    const entered = entriesByCell[id] ?? [];
    entries[id] = entered;
    sources[id] = entered.length > 0 ? 'entry' : 'not-entered';
    let sum = 0;
    for (const e of entered) sum += e.value;
    // Amounts in 万元 keep four decimals (whole 元) without floating-point noise.
    values[id] = Math.round(sum * 10_000) / 10_000;
  }
  return { formatId, year, values, sources, entries, documentItems, requests, reviews, duplicateReviews, activity };
}
