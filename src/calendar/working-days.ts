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
  /** The State Council notices each year transcribes, by year. */
  notices: Record<string, string[]>;
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
    const notices = file.notices[year];
    // Cite the year's notice when known; the dataset otherwise (2004–2007).
    const source = notices ? `${notices.join('、')}（数据据 chinese-days 1.5.7 整理）` : file.source;
    years.set(Number(year), { year: Number(year), holidays: data.holidays, workdays: data.workdays, source });
  }
  return { years };
}

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The epoch day of a calendar date; `Date.UTC` alone would read years 0–99 as 1900–1999. */
function utcEpochDay(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime() / DAY_MS;
}

/** The epoch day (days since 1970-01-01) of a `YYYY-MM-DD` date, or NaN when it is not a real date. */
function parseEpochDay(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  if (max === undefined || d < 1 || d > max) return Number.NaN;
  return utcEpochDay(y, m - 1, d);
}

/** Whether `date` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not). */
export function isIsoDate(date: string): boolean {
  return !Number.isNaN(parseEpochDay(date));
}

/**
 * The epoch day (days since 1970-01-01) of a date, for loops that count many days.
 * @throws GongkaiError `VALIDATION_FAILED` when `date` is not a date
 */
export function toEpochDay(date: string): number {
  const day = parseEpochDay(date);
  if (Number.isNaN(day)) throw new GongkaiError('VALIDATION_FAILED', `not a date (YYYY-MM-DD): ${date}`);
  return day;
}

/** The `YYYY-MM-DD` date of an epoch day. */
export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The weekday of an epoch day: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
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

/** Working-day flags of every day of the covered years: 0 = year not covered, 1 = working, 2 = day off. */
interface DayIndex {
  start: number;
  flags: Uint8Array;
}

// Calendars are immutable values (a changed year makes a new one), so an index per object stays valid.
const indexes = new WeakMap<WorkingDayCalendar, DayIndex>();

function dayIndex(calendar: WorkingDayCalendar): DayIndex {
  const cached = indexes.get(calendar);
  if (cached) return cached;
  const years = [...calendar.years.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) {
    const empty = { start: 0, flags: new Uint8Array(0) };
    indexes.set(calendar, empty);
    return empty;
  }
  const start = utcEpochDay(first, 0, 1);
  const end = utcEpochDay(last, 11, 31);
  const flags = new Uint8Array(end - start + 1);
  for (const data of calendar.years.values()) {
    const from = utcEpochDay(data.year, 0, 1);
    const to = utcEpochDay(data.year, 11, 31);
    for (let day = from; day <= to; day += 1) {
      const weekday = weekdayOfEpochDay(day);
      flags[day - start] = weekday === 0 || weekday === 6 ? 2 : 1;
    }
    for (const date of Object.keys(data.holidays)) {
      const day = parseEpochDay(date);
      if (day >= from && day <= to) flags[day - start] = 2;
    }
    for (const date of Object.keys(data.workdays)) {
      const day = parseEpochDay(date);
      if (day >= from && day <= to) flags[day - start] = 1;
    }
  }
  const index = { start, flags };
  indexes.set(calendar, index);
  return index;
}

/**
 * Whether an epoch day is a working day (the fast form of {@link isWorkingDay}, for counting loops).
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the calendar has no data for the day's year
 */
export function isWorkingEpochDay(calendar: WorkingDayCalendar, day: number): boolean {
  const index = dayIndex(calendar);
  const flag = index.flags[day - index.start] ?? 0;
  if (flag === 0) {
    const date = fromEpochDay(day);
    throw new GongkaiError('CALENDAR_YEAR_MISSING', `${date.slice(0, 4)} (needed for ${date})`);
  }
  return flag === 1;
}

/**
 * Whether `date` (`YYYY-MM-DD`) is a working day.
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the calendar has no data for the date's year
 */
export function isWorkingDay(calendar: WorkingDayCalendar, date: string): boolean {
  return isWorkingEpochDay(calendar, toEpochDay(date));
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
  if (options.countStartDay && isWorkingEpochDay(calendar, day)) remaining -= 1;
  while (remaining > 0) {
    day += 1;
    if (isWorkingEpochDay(calendar, day)) remaining -= 1;
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
  for (let day = a + 1; day <= b; day += 1) if (isWorkingEpochDay(calendar, day)) count += 1;
  return count;
}
