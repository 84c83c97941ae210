/**
 * Timeliness of a policy interpretation: published within N working days after the policy it
 * explains, N = `config.interpretationDays` (GONGKAI_INTERPRETATION_DAYS, default 3). Pure: the
 * caller supplies the working-day calendar.
 *
 * The period is a local practice, UNVERIFIED as a national rule: 国办发〔2016〕80号 asks that
 * interpretation materials be released together with the document (与文件同步), which is N = 0;
 * several localities allow a few working days. Hence configurable. Working days are counted as
 * everywhere else (src/calendar/working-days.ts: the policy's publication day itself not counted).
 */
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.ts';
import { isGongkaiError } from '../shared/errors.ts';

/** `on_time`: on or before the deadline; `late`: after it; `unknown`: the calendar lacks a year the count needs. */
export type InterpretationTimelinessStatus = 'on_time' | 'late' | 'unknown';

/** An interpretation's timeliness. */
export interface InterpretationTimeliness {
  status: InterpretationTimelinessStatus;
  /** The last timely date (`YYYY-MM-DD`); null when unknown. */
  deadline: string | null;
  /** Working days from the policy's publication to the interpretation's (0 = the same day or the next non-working days); null when unknown. */
  workingDaysAfterPolicy: number | null;
  /** The configured period N, in working days. */
  allowedWorkingDays: number;
}

/**
 * Whether an interpretation was published in time.
 * Never throws for a missing calendar year: that gives `unknown`.
 * @param policyPublicationDate `YYYY-MM-DD`
 * @param publishedOn `YYYY-MM-DD`, not before the policy's date (validated elsewhere)
 * @param allowedWorkingDays N ≥ 0
 */
export function interpretationTimeliness(calendar: WorkingDayCalendar, policyPublicationDate: string, publishedOn: string, allowedWorkingDays: number): InterpretationTimeliness {
  try {
    const deadline = addWorkingDays(calendar, policyPublicationDate, allowedWorkingDays);
    const workingDaysAfterPolicy = workingDaysBetween(calendar, policyPublicationDate, publishedOn);
    return { status: publishedOn <= deadline ? 'on_time' : 'late', deadline, workingDaysAfterPolicy, allowedWorkingDays };
  } catch (error) {
    if (isGongkaiError(error, 'CALENDAR_YEAR_MISSING')) return { status: 'unknown', deadline: null, workingDaysAfterPolicy: null, allowedWorkingDays };
    throw error;
  }
}

/** Chinese names of the statuses, for pages. */
export const INTERPRETATION_TIMELINESS_NAMES_ZH: Readonly<Record<InterpretationTimelinessStatus, string>> = {
  on_time: '及时',
  late: '不及时',
  unknown: '无法判断（工作日历缺少相应年度）',
};
