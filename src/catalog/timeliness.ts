/**
 * Timeliness of proactive disclosure (2019 art. 26): information that must be disclosed
 * proactively is published within 20 working days of its formation or change (the creation date).
 * Pure: the caller supplies the working-day calendar and today's date.
 */
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { CatalogItem } from './catalog-item.ts';

/** The statutory period, in working days (2019 art. 26). */
export const PUBLICATION_PERIOD_WORKING_DAYS = 20;

/**
 * - `on_time`: published on or before the deadline;
 * - `late`: published after it;
 * - `pending`: not yet published, deadline not passed;
 * - `overdue`: not yet published, deadline passed;
 * - `unknown`: the calendar has no data for a year the count needs.
 */
export type TimelinessStatus = 'on_time' | 'late' | 'pending' | 'overdue' | 'unknown';

/** An item's timeliness. */
export interface Timeliness {
  /** The last day to publish (`YYYY-MM-DD`); null when unknown. */
  deadline: string | null;
  status: TimelinessStatus;
  /** Working days after the deadline: of publication when `late`, of today when `overdue`; else 0. */
  workingDaysLate: number;
  /** Why the status is `unknown` (English), e.g. the missing calendar year. */
  note?: string;
}

/**
 * The publication deadline: 20 working days after the creation date (the creation date itself
 * not counted; see working-days.ts).
 * @throws GongkaiError `CALENDAR_YEAR_MISSING`
 */
export function publicationDeadline(calendar: WorkingDayCalendar, creationDate: string): string {
  return addWorkingDays(calendar, creationDate, PUBLICATION_PERIOD_WORKING_DAYS);
}

/**
 * Whether an item was (or is being) published in time. Never throws for a missing calendar year:
 * that gives `unknown` with the reason in `note`.
 * @param item its creation and publication dates
 * @param today `YYYY-MM-DD` China time
 */
export function timeliness(calendar: WorkingDayCalendar, item: Pick<CatalogItem, 'creationDate' | 'publicationDate'>, today: string): Timeliness {
  try {
    const deadline = publicationDeadline(calendar, item.creationDate);
    if (item.publicationDate !== null) {
      if (item.publicationDate <= deadline) return { deadline, status: 'on_time', workingDaysLate: 0 };
      return { deadline, status: 'late', workingDaysLate: workingDaysBetween(calendar, deadline, item.publicationDate) };
    }
    if (today <= deadline) return { deadline, status: 'pending', workingDaysLate: 0 };
    return { deadline, status: 'overdue', workingDaysLate: workingDaysBetween(calendar, deadline, today) };
  } catch (error) {
    if (isGongkaiError(error, 'CALENDAR_YEAR_MISSING')) {
      return { deadline: null, status: 'unknown', workingDaysLate: 0, note: `the working-day calendar lacks a year needed: ${error.message}` };
    }
    throw error;
  }
}

/** Chinese names of the statuses, for pages. */
export const TIMELINESS_NAMES_ZH: Record<TimelinessStatus, string> = {
  on_time: '按时发布',
  late: '逾期发布',
  pending: '待发布（未超期）',
  overdue: '已超期未发布',
  unknown: '无法判断（工作日历缺少相应年度）',
};
