/**
 * A year of the working-day calendar as an administrator enters it (issue 4 item 1): the statutory
 * holidays (法定节假日) and make-up working days (调休上班日) of one year, with the State Council
 * General Office notice they come from (e.g. 国办发明电〔2025〕7号 for 2026). The notice applies the
 * 《全国年节及纪念日放假办法》 to the year; working days count every period of the regulation
 * (2019 art. 26, 33). Pure: validation and the console's text form, no I/O.
 */
import type { ErrorIssue } from '../shared/errors.ts';
import { GongkaiError } from '../shared/errors.ts';
import { isIsoDate } from './working-days.ts';
import type { CalendarYear } from './working-days.ts';

/** The first year that may be entered: the 2007 regulation took effect on 2008-05-01. */
export const CALENDAR_YEAR_MIN = 2008;
/** The last year that may be entered (a sanity bound against typos such as 20027). */
export const CALENDAR_YEAR_MAX = 2100;
/** The longest accepted notice reference or description. */
export const CALENDAR_SOURCE_MAX_LENGTH = 200;
/** The longest accepted holiday name (春节, 国庆节, 中秋节、国庆节 …). */
export const CALENDAR_DAY_NAME_MAX_LENGTH = 50;

/** The two lists of a year: weekdays off, and weekend days worked. */
export type CalendarDayKind = 'holidays' | 'workdays';

/** A year as entered by an administrator (API body, CLI JSON file, console form). */
export interface CalendarYearInput {
  /** The calendar year, {@link CALENDAR_YEAR_MIN}–{@link CALENDAR_YEAR_MAX}. */
  year: number;
  /** The State Council notice the year transcribes, e.g. `国办发明电〔2025〕7号`. */
  source: string;
  /**
   * Days off by the notice, `YYYY-MM-DD` → the holiday's name (元旦, 春节 …): every weekday off,
   * and optionally the weekend days inside a holiday period (they are days off either way).
   */
  holidays: Readonly<Record<string, string>>;
  /** Saturdays and Sundays that are working days by the notice, `YYYY-MM-DD` → the holiday they make up for. */
  workdays: Readonly<Record<string, string>>;
}

const DAY_MS = 86_400_000;

function epochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a valid `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  return new Date(epochDay(date) * DAY_MS).getUTCDay();
}

function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `星期六` for a valid `YYYY-MM-DD` date. */
export function weekdayNameZh(date: string): string {
  return WEEKDAY_ZH[weekdayOf(date)] ?? '';
}

function issue(field: string, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

/**
 * Whether a weekend holiday belongs to a holiday period. Datasets and notices list weekend days
 * inside a period (2025-10-04 国庆节) but not always every one (chinese-days omits 2011-06-05), so
 * the period is the run of consecutive rest days (holidays, and weekend days not worked) around the
 * date, and it counts when it holds a weekday holiday, or reaches the year's edge (the 2023 notice's
 * 元旦 begins on 2022-12-31), or the holiday falls only on this weekend day (中秋 on Sunday
 * 2015-09-27, with no day off in lieu).
 */
function inHolidayPeriod(input: CalendarYearInput, date: string): boolean {
  const first = `${date.slice(0, 4)}-01-01`;
  const last = `${date.slice(0, 4)}-12-31`;
  const rest = (d: string): boolean => d in input.holidays || (isWeekend(d) && !(d in input.workdays));
  const start = epochDay(date);
  for (const step of [-1, 1]) {
    for (let day = start; ; day += step) {
      const d = dateOf(day);
      if (d < first || d > last || !rest(d)) break;
      if (d in input.holidays && !isWeekend(d)) return true;
      if (d === first || d === last) return true;
    }
  }
  const name = input.holidays[date];
  return Object.entries(input.holidays).every(([d, n]) => d === date || n.trim() !== name?.trim());
}

function checkDays(input: CalendarYearInput, kind: CalendarDayKind, yearValid: boolean): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const listZh = kind === 'holidays' ? '放假日期' : '调休上班日期';
  for (const [date, name] of Object.entries(input[kind])) {
    const field = `${kind}.${date}`;
    if (!isIsoDate(date)) {
      issues.push(issue(field, `${date} is not a real date (YYYY-MM-DD)`, `${listZh}“${date}”不是有效日期（应为 YYYY-MM-DD）`));
      continue;
    }
    if (yearValid && !date.startsWith(`${input.year}-`)) {
      issues.push(issue(field, `${date} is not in ${input.year}`, `${date} 不在 ${input.year} 年内`));
      continue;
    }
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (trimmed === '') issues.push(issue(field, `${date} has no name`, `${date} 缺少节日名称`));
    else if (trimmed.length > CALENDAR_DAY_NAME_MAX_LENGTH) issues.push(issue(field, `the name of ${date} is longer than ${CALENDAR_DAY_NAME_MAX_LENGTH} characters`, `${date} 的名称超过 ${CALENDAR_DAY_NAME_MAX_LENGTH} 个字`));
    const weekday = weekdayOf(date);
    if (kind === 'workdays') {
      if (!isWeekend(date)) {
        issues.push(issue(field, `${date} is a ${WEEKDAY_EN[weekday]}: a make-up working day must be a Saturday or Sunday`, `${date} 是${WEEKDAY_ZH[weekday]}，调休上班日只能是星期六或星期日`));
      }
      if (date in input.holidays) issues.push(issue(field, `${date} is listed both as a holiday and as a make-up working day`, `${date} 同时列为放假日期和调休上班日期`));
    } else if (isWeekend(date) && !inHolidayPeriod(input, date)) {
      issues.push(
        issue(
          field,
          `${date} is a ${WEEKDAY_EN[weekday]} outside any holiday period (weekend days are days off anyway; check the date)`,
          `${date} 是${WEEKDAY_ZH[weekday]}，不在任何放假期间内（周末本来就休息，无需列出；请核对日期）`,
        ),
      );
    }
  }
  return issues;
}

/**
 * Checks a year as entered.
 * - `year` an integer {@link CALENDAR_YEAR_MIN}–{@link CALENDAR_YEAR_MAX}; `source` non-empty;
 * - every date real (`YYYY-MM-DD`) and inside the year, every name non-empty; at least one holiday;
 * - a make-up working day is a Saturday or Sunday; a holiday is a weekday, or a weekend day inside
 *   a holiday period (see {@link inHolidayPeriod}); no date is in both lists.
 * @returns field issues (`year`, `source`, `holidays`, `holidays.<date>`, `workdays.<date>`), English
 *   and Chinese; empty when valid
 */
export function validateCalendarYear(input: CalendarYearInput): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const yearValid = Number.isInteger(input.year) && input.year >= CALENDAR_YEAR_MIN && input.year <= CALENDAR_YEAR_MAX;
  if (!yearValid) {
    issues.push(issue('year', `year must be an integer from ${CALENDAR_YEAR_MIN} to ${CALENDAR_YEAR_MAX}`, `年度应为 ${CALENDAR_YEAR_MIN}–${CALENDAR_YEAR_MAX} 之间的整数`));
  }
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (source === '') {
    issues.push(issue('source', 'source (the State Council notice, e.g. 国办发明电〔2025〕7号) is required', '请填写依据的国务院办公厅通知（如 国办发明电〔2025〕7号）'));
  } else if (source.length > CALENDAR_SOURCE_MAX_LENGTH) {
    issues.push(issue('source', `source is longer than ${CALENDAR_SOURCE_MAX_LENGTH} characters`, `依据不能超过 ${CALENDAR_SOURCE_MAX_LENGTH} 个字`));
  }
  if (Object.keys(input.holidays).length === 0) {
    issues.push(issue('holidays', 'at least one statutory holiday is required (every notice has 元旦, 春节 …)', '请至少填写一个放假日期（每年的通知都有元旦、春节等）'));
  }
  issues.push(...checkDays(input, 'holidays', yearValid), ...checkDays(input, 'workdays', yearValid));
  return issues;
}

function sortedTrimmed(days: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(days)
      .map(([date, name]) => [date, name.trim()] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/**
 * Validates a year and returns it normalized (source and names trimmed, dates in order), as the
 * calendar uses it.
 * @throws GongkaiError `VALIDATION_FAILED` with every issue of {@link validateCalendarYear}
 */
export function checkedCalendarYear(input: CalendarYearInput): CalendarYear {
  const issues = validateCalendarYear(input);
  if (issues.length > 0) throw new GongkaiError('VALIDATION_FAILED', [...new Set(issues.map((i) => i.field))].join(', '), { issues });
  return { year: input.year, source: input.source.trim(), holidays: sortedTrimmed(input.holidays), workdays: sortedTrimmed(input.workdays) };
}

/** What {@link parseCalendarDaysText} read: the days, and the lines it could not read. */
export interface ParsedCalendarDays {
  days: Record<string, string>;
  /** One issue per bad line, on the textarea's field (`holidays` / `workdays`). */
  issues: ErrorIssue[];
}

const LINE = /^(\S+?)[\s\u3000,，、:：]+(.+)$/u;
const LOOSE_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u;

/**
 * Reads the console textarea's text form: one day per line, `YYYY-MM-DD 名称` (date, then spaces,
 * a full-width space or a comma, then the name). Blank lines and lines starting with `#` are
 * skipped; `2027-1-1` and `2027/01/01` are read as `2027-01-01`. Whether each date is real and
 * inside the year is left to {@link validateCalendarYear}.
 * @param field which list the text is (`holidays` or `workdays`), the issues' field
 * @returns the days and the unreadable or repeated lines (messages say the 1-based line number)
 */
export function parseCalendarDaysText(text: string, field: CalendarDayKind): ParsedCalendarDays {
  const days: Record<string, string> = {};
  const lineOf = new Map<string, number>();
  const issues: ErrorIssue[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    const n = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    const rawDate = match?.[1] ?? line;
    const loose = LOOSE_DATE.exec(rawDate);
    const date = loose ? `${loose[1]}-${(loose[2] ?? '').padStart(2, '0')}-${(loose[3] ?? '').padStart(2, '0')}` : rawDate;
    if (!loose) {
      issues.push(issue(field, `line ${n}: "${line}" does not start with a date YYYY-MM-DD`, `第 ${n} 行“${line}”没有以日期（YYYY-MM-DD）开头`));
      return;
    }
    const name = match?.[2]?.trim() ?? '';
    if (name === '') {
      issues.push(issue(field, `line ${n}: ${date} has no name (write e.g. "${date} 春节")`, `第 ${n} 行：${date} 缺少名称（如“${date} 春节”）`));
      return;
    }
    const earlier = lineOf.get(date);
    if (earlier !== undefined) {
      issues.push(issue(field, `line ${n}: ${date} is already on line ${earlier}`, `第 ${n} 行：${date} 与第 ${earlier} 行重复`));
      return;
    }
    lineOf.set(date, n);
    days[date] = name;
  });
  return { days, issues };
}

/** The text form of a list of days (the inverse of {@link parseCalendarDaysText}), in date order. */
export function formatCalendarDaysText(days: Readonly<Record<string, string>>): string {
  return Object.entries(sortedTrimmed(days))
    .map(([date, name]) => `${date} ${name}`)
    .join('\n');
}
