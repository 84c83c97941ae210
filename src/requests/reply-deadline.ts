/**
 * The reply deadline of a request and how it was reached (issue 4's calculator, pure). The clock
 * starts the day after the date of receipt, or after the date a clarified request was received
 * (2019 art. 30: the clock restarts in full); working days inside consultation intervals do not
 * count (2019 art. 33 ¶3); an approved extension adds at most the rule set's maximum (art. 33 ¶2).
 * Working days come from the one calendar module; a year without data is refused.
 */
import { fromEpochDay, isIsoDate, isWorkingEpochDay, toEpochDay, weekdayOfEpochDay } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { GongkaiError } from '../shared/errors.ts';
import { ruleSetFor } from './regulation-rule-sets.ts';
import type { RegulationRuleSet } from './regulation-rule-sets.ts';

/** What the deadline depends on. Dates are `YYYY-MM-DD`. */
export interface DeadlineInput {
  /** The date of receipt (2019 art. 31). */
  receivedOn: string;
  /** The date the clarified request was received, when a clarification was requested (art. 30). */
  clarifiedOn?: string;
  /** Working days of an approved extension (1 … the rule set's maximum). */
  extensionWorkingDays?: number;
  /** Consultation intervals whose working days do not count, both ends included. */
  excluded?: readonly { from: string; to: string }[];
  /** When true the start day itself counts as day 1 if it is a working day (UNVERIFIED convention; default false). */
  countStartDay?: boolean;
}

/** A day that mattered to the count, for the explanation. */
export interface NotableDay {
  date: string;
  /** `holiday` (a weekday off), `workday` (a make-up working weekend), `excluded` (inside a consultation interval). */
  kind: 'holiday' | 'workday' | 'excluded';
}

/** The computed deadline and its explanation. */
export interface DeadlineResult {
  ruleSet: RegulationRuleSet;
  /** The day after which counting starts (receipt, or the clarified request's receipt). */
  clockStartsAfter: string;
  /** The deadline without the extension. */
  replyDue: string;
  /** The deadline with the extension (equal to `replyDue` without one). */
  finalDue: string;
  /** Working days counted: the rule set's period plus the extension. */
  workingDaysCounted: number;
  /** Every make-up working day, weekday holiday and excluded working day between the start and the final deadline. */
  notableDays: NotableDay[];
}

function invalid(field: string, message: string, messageZh: string): GongkaiError {
  return new GongkaiError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, message, messageZh }] });
}

/**
 * Computes the reply deadline.
 * @throws GongkaiError `VALIDATION_FAILED` (a bad date, a clarification before receipt, an extension
 *   over the maximum, an interval ending before it starts, a receipt before 2008-05-01),
 *   `CALENDAR_YEAR_MISSING` (the count runs into a year the calendar does not cover)
 */
export function computeReplyDeadline(calendar: WorkingDayCalendar, input: DeadlineInput): DeadlineResult {
  if (!isIsoDate(input.receivedOn)) throw invalid('receivedOn', 'not a date (YYYY-MM-DD)', '收到申请日期格式应为 YYYY-MM-DD');
  const ruleSet = ruleSetFor(input.receivedOn);
  if (!ruleSet) throw invalid('receivedOn', 'before 2008-05-01, when the OGI Regulations took effect', '收到申请日期早于《条例》施行日（2008-05-01）');
  if (input.clarifiedOn !== undefined) {
    if (!isIsoDate(input.clarifiedOn)) throw invalid('clarifiedOn', 'not a date (YYYY-MM-DD)', '收到补正申请日期格式应为 YYYY-MM-DD');
    if (input.clarifiedOn < input.receivedOn) throw invalid('clarifiedOn', 'before the date of receipt', '收到补正申请日期早于收到申请日期');
  }
  const extension = input.extensionWorkingDays ?? 0;
  if (!Number.isInteger(extension) || extension < 0 || extension > ruleSet.maxExtensionWorkingDays) {
    throw invalid('extensionWorkingDays', `must be 0–${ruleSet.maxExtensionWorkingDays} working days (${ruleSet.extensionSource})`, `延长期限应为 0–${ruleSet.maxExtensionWorkingDays} 个工作日`);
  }
  const excluded = input.excluded ?? [];
  for (const interval of excluded) {
    if (!isIsoDate(interval.from) || !isIsoDate(interval.to) || interval.to < interval.from) {
      throw invalid('excluded', `bad interval ${interval.from}..${interval.to}`, `不计入期限的区间无效：${interval.from}..${interval.to}`);
    }
  }
  const excludedDays = excluded.map((i) => [toEpochDay(i.from), toEpochDay(i.to)] as const);
  const isExcluded = (day: number): boolean => excludedDays.some(([from, to]) => day >= from && day <= to);

  const start = input.clarifiedOn ?? input.receivedOn;
  const notableDays: NotableDay[] = [];
  let counted = 0;
  // Counting the start day means starting the walk one day earlier.
  let day = toEpochDay(start) - (input.countStartDay ? 1 : 0);
  let replyDue = day;
  const target = ruleSet.replyWorkingDays + extension;
  // Epoch days, not date strings: this loop runs for every case on every queue rebuild.
  while (counted < target) {
    day += 1;
    const working = isWorkingEpochDay(calendar, day);
    const weekday = weekdayOfEpochDay(day);
    const weekend = weekday === 0 || weekday === 6;
    if (working && weekend) notableDays.push({ date: fromEpochDay(day), kind: 'workday' });
    if (!working && !weekend) notableDays.push({ date: fromEpochDay(day), kind: 'holiday' });
    if (!working) continue;
    if (isExcluded(day)) {
      notableDays.push({ date: fromEpochDay(day), kind: 'excluded' });
      continue;
    }
    counted += 1;
    if (counted === ruleSet.replyWorkingDays) replyDue = day;
  }
  return { ruleSet, clockStartsAfter: start, replyDue: fromEpochDay(replyDue), finalDue: fromEpochDay(day), workingDaysCounted: target, notableDays };
}
