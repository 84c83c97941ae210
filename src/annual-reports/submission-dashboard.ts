/**
 * The submission dashboard of a competent OGI department (issue 5 item 4): which organizations
 * have submitted their report of a year, which have not, and how many days each has left before
 * its statutory deadline or is overdue (2019 art. 49: departments by January 31, governments by
 * March 31 of the next year; the 2008 text, for reports on 2008–2018: March 31 for all). Pure: the
 * service selects the organizations and report statuses and passes today's date.
 */
import type { Organization, OrganizationKind } from '../organizations/organization.ts';
import { daysBetween, deadlineFor } from '../reports/checker/publication-deadlines.ts';
import { chinaDate } from '../shared/clock.ts';
import { REPORT_STATUS_NAMES_ZH, REPORT_STATUSES } from './annual-report.ts';
import type { ReportStatusRow } from './report-status.repository.ts';

/** Every dashboard status, in workflow order: `none` (no report yet), then the workflow states. */
export const DASHBOARD_STATUSES = ['none', ...REPORT_STATUSES] as const;

/** Where an organization's report stands. */
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number];

/** Chinese names of the dashboard statuses. */
export const DASHBOARD_STATUS_NAMES_ZH: Readonly<Record<DashboardStatus, string>> = { none: '未编制', ...REPORT_STATUS_NAMES_ZH };

/** Statuses in which the report has reached the competent department (no longer due). */
const DELIVERED: ReadonlySet<DashboardStatus> = new Set(['submitted', 'accepted', 'published']);

/** Whether a report in this status still has to be submitted. */
export function isOutstanding(status: DashboardStatus): boolean {
  return !DELIVERED.has(status);
}

/** One organization's line of the dashboard. */
export interface DashboardRow {
  organizationId: number;
  name: string;
  kind: OrganizationKind;
  path: string;
  status: DashboardStatus;
  /** The statutory deadline (`YYYY-MM-DD`, the last day on time), or null for a year without one. */
  deadline: string | null;
  /** The article setting it, e.g. `2019年《条例》第四十九条第一款`. */
  deadlineArticle: string | null;
  /** True when the organization's kind is `other` and the government rule was assumed. */
  deadlineAssumed: boolean;
  /** Calendar days from today to the deadline (negative when overdue); null once submitted or without a deadline. */
  daysLeft: number | null;
  /** Not submitted and past the deadline. */
  overdue: boolean;
  /** ISO instant of the submission, when submitted. */
  submittedAt: string | null;
  /** Submitted after the deadline (China time), when submitted; null otherwise. */
  submittedLate: boolean | null;
}

/** The dashboard of a year. */
export interface SubmissionDashboard {
  year: number;
  /** Today's date the days were counted from. */
  today: string;
  rows: DashboardRow[];
  /** How many organizations are in each status. */
  counts: Record<DashboardStatus, number>;
  /** How many are not submitted and past their deadline. */
  overdue: number;
}

/**
 * Builds the dashboard: one row per organization, sorted overdue first (the longest overdue
 * first), then the other outstanding ones by days left, then the submitted ones; ties by tree order.
 * @param organizations the organizations overseen
 * @param reports organization id → its report of the year (absent = no report)
 * @param year the report year
 * @param today `YYYY-MM-DD` China time
 */
export function buildDashboard(organizations: readonly Pick<Organization, 'id' | 'name' | 'kind' | 'path'>[], reports: ReadonlyMap<number, Pick<ReportStatusRow, 'status' | 'submittedAt'>>, year: number, today: string): SubmissionDashboard {
  const counts = Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Record<DashboardStatus, number>;
  const rows: DashboardRow[] = organizations.map((o) => {
    const report = reports.get(o.id);
    const status: DashboardStatus = report?.status ?? 'none';
    counts[status] += 1;
    const choice = deadlineFor(year, o.kind);
    const outstanding = isOutstanding(status);
    const daysLeft = choice && outstanding ? daysBetween(today, choice.date) : null;
    const submittedAt = report?.submittedAt ?? null;
    return {
      organizationId: o.id,
      name: o.name,
      kind: o.kind,
      path: o.path,
      status,
      deadline: choice?.date ?? null,
      deadlineArticle: choice?.rule.article ?? null,
      deadlineAssumed: choice?.assumed ?? false,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
      submittedAt: outstanding ? null : submittedAt,
      submittedLate: !outstanding && choice && submittedAt ? chinaDate(new Date(submittedAt)) > choice.date : null,
    };
  });
  const rank = (r: DashboardRow): number => (r.overdue ? 0 : isOutstanding(r.status) ? 1 : 2);
  rows.sort((a, b) => rank(a) - rank(b) || (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { year, today, rows, counts, overdue: rows.filter((r) => r.overdue).length };
}
