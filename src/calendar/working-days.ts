/**
 * The working-day calendar (工作日): one module, used everywhere a statutory period is counted
 * (catalog timeliness, 2019 art. 26; request deadlines, art. 33). A day is a working day when it is
 * a make-up working day (调休上班日) by State Council notice, or a Monday–Friday that is not a
 * statutory holiday. Years without data are refused (`CALENDAR_YEAR_MISSING`), never counted on
 * weekends alone.
 *
 * Counting convention: the period starts the day after the start date (the start date itself does
 * not count). The regulation does not define this; practice pages say 自收到申请次日起算 (RULES.md
 * §1, marked UNVERIFIED as an official rule), so callers may override it with `countStartDay`.
 */
import { GongkaiError } from '../shared/errors.ts';
import holidayData from './data/holidays.json' with { type: 'json' };

/** One year's exceptions to the weekend rule. */
export interface CalendarYear {
  year: number;
  /** Weekdays (and weekend days inside a holiday period) that are days off, with the holiday's name. */
  holidays: Readonly<Record<string, string>>;
  /** Weekend days that are working days, with the holiday they make up for. */
  workdays: Readonly<Record<string, string>>;
  /** Where the year's data comes from (the State Council notice, or the dataset transcribing it). */
  source: string;
}

/** The calendar: the years it covers. */
export interface WorkingDayCalendar {
  years: ReadonlyMap<number, CalendarYear>;
}

/** Options of the counting functions. */
export interface CountOptions {
  /** When true, the start date counts as day 1 if it is a working day. Default false (UNVERIFIED convention, see module doc). */
  countStartDay?: boolean;
}

interface HolidayFile {
  source: string;
  years: Record<string, { holidays: Record<string, string>; workdays: Record<string, string> }>;
}

/**
 * The built-in calendar: 2004–2026 from the chinese-days dataset (src/calendar/data/holidays.json),
 * which transcribes each year's State Council notice. 2027 must be added when the notice is published.
 */
export function builtInCalendar(): WorkingDayCalendar {
  const file = holidayData as HolidayFile;
  const years = new Map<number, CalendarYear>();
  for (const [year, data] of Object.entries(file.years)) {
    years.set(Number(year), { year: Number(year), holidays: data.holidays, workdays: data.workdays, source: file.source });
  }
  return { years };
}

const DAY_MS = 86_400_000;

/** Whether `date` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not). */
export function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

function toEpochDay(date: string): number {
  if (!isIsoDate(date)) {
    throw new GongkaiError('VALIDATION_FAILED', `not a date (YYYY-MM-DD): ${date}`);
  }
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar day after `date` (any day, working or not).
 * @param date `YYYY-MM-DD`
 * @returns `YYYY-MM-DD`
 * @throws GongkaiError `VALIDATION_FAILED` when `date` is not a date
 */
export function nextDay(date: string): string {
  return fromEpochDay(toEpochDay(date) + 1);
}

function yearOf(calendar: WorkingDayCalendar, date: string): CalendarYear {
  const year = Number(date.slice(0, 4));
  const data = calendar.years.get(year);
  if (!data) throw new GongkaiError('CALENDAR_YEAR_MISSING', `${year} (needed for ${date})`);
  return data;
}

/**
 * Whether `date` (`YYYY-MM-DD`) is a working day.
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the calendar has no data for the date's year
 */
export function isWorkingDay(calendar: WorkingDayCalendar, date: string): boolean {
  const data = yearOf(calendar, date);
  if (date in data.workdays) return true;
  if (date in data.holidays) return false;
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date on which `n` working days have passed since `start`: the n-th working day after it
 * (the start date not counted, unless `countStartDay`).
 * @param n working days, ≥ 0 (0 returns `start`)
 * @returns `YYYY-MM-DD`
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the count runs into a year without data
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: string, n: number, options: CountOptions = {}): string {
  let day = toEpochDay(start);
  let remaining = n;
  if (remaining <= 0) return start;
  if (options.countStartDay && isWorkingDay(calendar, start)) remaining -= 1;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDay(calendar, fromEpochDay(day))) remaining -= 1;
  }
  return fromEpochDay(day);
}

/**
 * The number of working days in the interval (from, to]: days after `from` up to and including `to`.
 * Negative when `to` is before `from`.
 * @throws GongkaiError `CALENDAR_YEAR_MISSING`
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (b < a) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let day = a + 1; day <= b; day += 1) if (isWorkingDay(calendar, fromEpochDay(day))) count += 1;
  return count;
}
