/**
 * Date helpers of the demo year's planners (demo-year-items.ts, demo-year-requests.ts): calendar-day
 * arithmetic and a seeded pick of a working day, on the working-day calendar the request clock uses
 * (src/calendar/working-days.ts), so a planned date is a day an office was open.
 */
import { fromEpochDay, isWorkingDay, toEpochDay } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { DemoRandom } from './demo-prng.ts';

/** `date` moved by `days` calendar days (negative = earlier), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * A seeded working day from `from` to `to` (both `YYYY-MM-DD`, included): a random day, moved
 * forward to the next working day, or back when that passes `to`.
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the calendar lacks the year; Error when the range has no working day
 */
export function randomWorkingDay(calendar: WorkingDayCalendar, random: DemoRandom, from: string, to: string): string {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  const picked = random.int(start, end);
  for (let day = picked; day <= end; day += 1) if (isWorkingDay(calendar, fromEpochDay(day))) return fromEpochDay(day);
  for (let day = picked - 1; day >= start; day -= 1) if (isWorkingDay(calendar, fromEpochDay(day))) return fromEpochDay(day);
  throw new Error(`no working day from ${from} to ${to}`);
}

/** Whether `date` (`YYYY-MM-DD`) falls in `year`. */
export function inYear(date: string | null | undefined, year: number): boolean {
  return typeof date === 'string' && date.startsWith(`${year}-`);
}
