/**
 * The roll-up comparison (issue 5 item 3): every member organization's own key figures for the
 * year and the year before, side by side, with outliers flagged so the office compiling a
 * government's report sees a department whose requests jumped tenfold, one that reported nothing,
 * or one that has not submitted. Pure: the service selects the figures of the whole subtree for
 * both years (two rounds of `selectSubtreeFigures`) and the report statuses; each member's figures
 * are computed here with `computeCells`, the report's own computation.
 *
 * Both years are counted with the 2021 format's definitions (table 二 (一) 现行有效, table 三, table
 * 四), whatever format each year's report uses, so the two columns compare like with like.
 *
 * Outlier rules (our thresholds, documented as constants in {@link OUTLIER_THRESHOLDS}):
 * - `jump`: a figure ≥ 10 × its previous year's, with at least 10 now (0 → 12 is a jump);
 * - `drop`: a figure ≤ 1/10 of its previous year's, with at least 10 before;
 *   neither year-over-year rule applies when no member had any record in the previous year
 *   (the records of that year are not in gongkai, so every figure would "jump"), nor to a
 *   hand-entered figure the member did not enter the year before (not entered is not 0);
 * - `peer`: a figure ≥ 10 × the median of the same figure among the other members of the same
 *   kind (government, department, other), when that median is above 0 and the figure is at least
 *   10 (7 against a median of 0.5 is noise, not an outlier);
 * - `silent`: a member with no record at all in the year (no request case in the year's table, no
 *   review record, no document issued, published or repealed, no proactive item published, no
 *   hand-entered figure): a silent department is a common sign of figures never collected;
 * - `not-submitted`: a member whose report for the year is not submitted (none, draft, returned);
 *   not checked for the reporting organization itself, whose report is the roll-up.
 */
import { cellId } from '../reports/format/report-format.ts';
import type { OrganizationKind } from '../organizations/organization.ts';
import { yearBounds } from '../requests/request-statistics.ts';
import type { ReportStatus } from './annual-report.ts';
import { computeCells, isEnteredCell } from './report-figures.ts';
import type { OrganizationFigures } from './report-figures.ts';

/** The thresholds of the outlier rules (see the header). */
export const OUTLIER_THRESHOLDS = {
  /** A figure at least this many times its previous year's is a jump. */
  jumpFactor: 10,
  /** … when it is at least this now. */
  jumpMinimum: 10,
  /** A figure at most 1/this of its previous year's is a drop. */
  dropFactor: 10,
  /** … when it was at least this before. */
  dropMinimum: 10,
  /** A figure at least this many times the median of its peers of the same kind stands out. */
  peerFactor: 10,
  /** … when it is at least this. */
  peerMinimum: 10,
} as const;

/** The key figures compared, in display order. */
export const KEY_FIGURES = [
  { id: 'requestsNew', labelZh: '本年新收申请', unit: '件', cells: [cellId('t3', 'new', 'total')] },
  { id: 'requestsConcluded', labelZh: '本年办结申请', unit: '件', cells: [cellId('t3', 'total', 'total')] },
  { id: 'requestsCarriedOver', labelZh: '结转下年度', unit: '件', cells: [cellId('t3', 'carried-over', 'total')] },
  { id: 'requestsDisclosed', labelZh: '予以公开', unit: '件', cells: [cellId('t3', 'disclosed', 'total')] },
  { id: 'reconsiderations', labelZh: '行政复议', unit: '件', cells: [cellId('t4', 'cases', 'reconsideration-total')] },
  { id: 'suits', labelZh: '行政诉讼', unit: '件', cells: [cellId('t4', 'cases', 'direct-suit-total'), cellId('t4', 'cases', 'suit-after-reconsideration-total')] },
  {
    id: 'corrected',
    labelZh: '复议诉讼结果纠正',
    unit: '件',
    cells: [cellId('t4', 'cases', 'reconsideration-corrected'), cellId('t4', 'cases', 'direct-suit-corrected'), cellId('t4', 'cases', 'suit-after-reconsideration-corrected')],
  },
  { id: 'normativeIssued', labelZh: '本年制发行政规范性文件', unit: '件', cells: [cellId('t2-1', 'normative-documents', 'issued')] },
  { id: 'normativeInForce', labelZh: '现行有效行政规范性文件', unit: '件', cells: [cellId('t2-1', 'normative-documents', 'in-force')] },
  { id: 'licensingDecisions', labelZh: '行政许可决定（填报）', unit: '件', cells: [cellId('t2-5', 'licensing', 'decisions')] },
  { id: 'penaltyDecisions', labelZh: '行政处罚决定（填报）', unit: '件', cells: [cellId('t2-6', 'penalties', 'decisions')] },
  { id: 'coerciveDecisions', labelZh: '行政强制决定（填报）', unit: '件', cells: [cellId('t2-6', 'coercive-measures', 'decisions')] },
  { id: 'publishedItems', labelZh: '主动公开信息', unit: '条', cells: [] },
] as const;

/** A key figure's id. */
export type KeyFigureId = (typeof KEY_FIGURES)[number]['id'];

/** A member's key figures for one year. */
export type KeyFigures = Record<KeyFigureId, number>;

/** One member as the comparison needs it. */
export interface ComparedMemberInput {
  id: number;
  name: string;
  kind: OrganizationKind;
  /** The status of its report for the year; null when it has none. */
  status: ReportStatus | null;
  /** Its own records in the year (`publishedItems` counted). */
  current: OrganizationFigures;
  /** Its own records in the year before. */
  previous: OrganizationFigures;
}

/** A flagged figure or member. */
export interface OutlierFlag {
  rule: 'jump' | 'drop' | 'peer' | 'silent' | 'not-submitted';
  /** The figure, for the figure rules. */
  figure: KeyFigureId | null;
  /** The explanation shown to the office. */
  messageZh: string;
}

/** One member's row of the comparison. */
export interface ComparedMember {
  id: number;
  name: string;
  kind: OrganizationKind;
  status: ReportStatus | null;
  figures: KeyFigures;
  previous: KeyFigures;
  /** No record at all in the year. */
  silent: boolean;
  flags: OutlierFlag[];
}

/** The comparison of a roll-up's members. */
export interface MemberComparison {
  year: number;
  members: ComparedMember[];
  /** The members' figures added up (without de-duplication: each member's own figures). */
  totals: { current: KeyFigures; previous: KeyFigures };
  /** Whether any member had a record in the previous year (the year-over-year rules apply only then). */
  previousYearHasRecords: boolean;
  /** How many members carry at least one flag. */
  flagged: number;
}

const ROLE_NAMES_ZH: Readonly<Record<OrganizationKind, string>> = { government: '人民政府', department: '部门', other: '其他机构' };

/**
 * One organization's key figures for a year, from its own records, with the 2021 format's
 * definitions (see the header).
 */
export function keyFiguresOf(figures: OrganizationFigures, year: number): KeyFigures {
  const cells = computeCells([figures], year, '2021');
  const out = {} as KeyFigures;
  for (const f of KEY_FIGURES) out[f.id] = f.cells.reduce((sum, id) => sum + (cells.values[id] ?? 0), 0);
  out.publishedItems = figures.publishedItems;
  return out;
}

/**
 * Whether an organization has any record in the year: a request case in the year's table, a review
 * record, a document issued, published or repealed in the year, a proactive item published, or a
 * hand-entered figure.
 */
export function hasRecordsInYear(figures: OrganizationFigures, year: number): boolean {
  const { from, to } = yearBounds(year);
  const inYear = (d: string | null): boolean => d !== null && d >= from && d <= to;
  if (figures.publishedItems > 0 || figures.entries.length > 0 || figures.reviews.length > 0) return true;
  if (figures.requestGroups.some((g) => g.count > 0 && g.received !== 'after' && g.decided !== 'before')) return true;
  return figures.documents.some((d) => inYear(d.creationDate) || inYear(d.publicationDate) || (d.validity === 'repealed' && inYear(d.expiryDate)));
}

/** The median of a list (0 for an empty one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The median of a sorted list with one occurrence of `value` taken out (the peers of a member whose
 * own figure is `value`), in O(log n): a region's thousand members are compared without sorting
 * their peers a thousand times.
 * @param sorted ascending, containing `value`
 */
export function medianWithout(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  const n = sorted.length - 1;
  if (n <= 0) return 0;
  const at = (k: number): number => (k < lo ? (sorted[k] ?? 0) : (sorted[k + 1] ?? 0));
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

function zeros(): KeyFigures {
  return Object.fromEntries(KEY_FIGURES.map((f) => [f.id, 0])) as KeyFigures;
}

/** The cells of the hand-entered key figures (the others are counted from records), by figure. */
const ENTERED_CELLS: ReadonlyMap<KeyFigureId, readonly string[]> = new Map(
  KEY_FIGURES.filter((f) => f.cells.length > 0 && f.cells.every((id) => isEnteredCell('2021', id))).map((f) => [f.id, f.cells]),
);

const LABELS: Readonly<Record<KeyFigureId, string>> = Object.fromEntries(KEY_FIGURES.map((f) => [f.id, f.labelZh])) as Record<KeyFigureId, string>;

/**
 * Compares the members of a roll-up and flags outliers by the rules of the header.
 * @param members each member with its figures of both years and its report status
 * @param year the report year
 * @param reportingOrganizationId the organization whose roll-up this is (not flagged as not submitted)
 * @returns the members in the order given, their figures, flags and totals
 */
export function compareMembers(members: readonly ComparedMemberInput[], year: number, reportingOrganizationId: number | null): MemberComparison {
  const T = OUTLIER_THRESHOLDS;
  const rows = members.map((m) => ({
    input: m,
    figures: keyFiguresOf(m.current, year),
    previous: keyFiguresOf(m.previous, year - 1),
    silent: !hasRecordsInYear(m.current, year),
  }));
  const previousYearHasRecords = members.some((m) => hasRecordsInYear(m.previous, year - 1));
  // Each figure's values by kind, sorted, for the peer medians.
  const byKind = new Map<string, number[]>();
  for (const row of rows) {
    for (const { id } of KEY_FIGURES) {
      const key = `${row.input.kind}/${id}`;
      let list = byKind.get(key);
      if (!list) byKind.set(key, (list = []));
      list.push(row.figures[id]);
    }
  }
  for (const list of byKind.values()) list.sort((a, b) => a - b);
  const totals = { current: zeros(), previous: zeros() };
  const out: ComparedMember[] = rows.map((row) => {
    const flags: OutlierFlag[] = [];
    for (const { id } of KEY_FIGURES) {
      const now = row.figures[id];
      const before = row.previous[id];
      totals.current[id] += now;
      totals.previous[id] += before;
      const entered = ENTERED_CELLS.get(id);
      const comparable = previousYearHasRecords && (entered === undefined || row.input.previous.entries.some((e) => entered.includes(e.cell)));
      if (comparable && now >= T.jumpMinimum && now >= T.jumpFactor * before) {
        flags.push({ rule: 'jump', figure: id, messageZh: `${LABELS[id]}由上年 ${before} 增至 ${now}（${before === 0 ? '上年为 0' : `约 ${Math.round(now / before)} 倍`}）` });
      } else if (comparable && before >= T.dropMinimum && now * T.dropFactor <= before) {
        flags.push({ rule: 'drop', figure: id, messageZh: `${LABELS[id]}由上年 ${before} 降至 ${now}（不足上年的十分之一）` });
      }
      const middle = medianWithout(byKind.get(`${row.input.kind}/${id}`) ?? [now], now);
      if (middle > 0 && now >= T.peerMinimum && now >= T.peerFactor * middle) {
        flags.push({ rule: 'peer', figure: id, messageZh: `${LABELS[id]} ${now}，为同类${ROLE_NAMES_ZH[row.input.kind]}中位数 ${middle} 的 ${Math.round(now / middle)} 倍` });
      }
    }
    if (row.silent) flags.push({ rule: 'silent', figure: null, messageZh: `${year}年没有任何记录（申请、复议诉讼、文件、主动公开信息或填报数据均为空），请核实是否漏报` });
    const status = row.input.status;
    if (row.input.id !== reportingOrganizationId && status !== 'submitted' && status !== 'accepted' && status !== 'published') {
      flags.push({ rule: 'not-submitted', figure: null, messageZh: status === null ? `尚未编制${year}年度报告` : status === 'returned' ? `${year}年度报告已退回，尚未重新报送` : `${year}年度报告尚未报送（草稿）` });
    }
    return { id: row.input.id, name: row.input.name, kind: row.input.kind, status, figures: row.figures, previous: row.previous, silent: row.silent, flags };
  });
  return { year, members: out, totals, previousYearHasRecords, flagged: out.filter((m) => m.flags.length > 0).length };
}
