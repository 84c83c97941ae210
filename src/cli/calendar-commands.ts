/**
 * `gongkai calendar years | show YEAR [--json] | set-year --file FILE.json`: the working-day
 * calendar (issue 4 item 1), acting as the system (`system:cli`, audited). `show --json` prints the
 * year in the shape `set-year` reads, so a year can be exported, corrected and set again.
 * Exit status: 0 done; 2 bad usage, unreadable or invalid file (every issue printed), unknown year.
 */
import { setCalendarYearAndRebuildCases } from '../requests/request.service.ts';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { calendarYearFileSchema, calendarYearToApi } from '../calendar/calendar.schema.ts';
import { getCalendarYear, listCalendarYears } from '../calendar/calendar.service.ts';
import type { CalendarYearDetail, CalendarYearSummary } from '../calendar/calendar.service.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { CalendarYearInput } from '../calendar/calendar-year.ts';
import { weekdayOf } from '../calendar/calendar-year.ts';
import { CLI_ACTOR, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function originText(y: CalendarYearSummary): string {
  if (y.origin === 'built_in') return 'built-in';
  return `entered ${y.updatedAt ?? ''}${y.updatedBy ? ` by ${y.updatedBy}` : ''}${y.replacesBuiltIn ? ' (replaces built-in)' : ''}`;
}

/** One line per year: year, holidays, make-up working days, origin, source. */
export function describeCalendarYears(years: readonly CalendarYearSummary[]): string {
  return years.map((y) => `${y.year}  ${String(y.holidayCount).padStart(2)} holidays  ${y.workdayCount} make-up working days  ${originText(y)}  source: ${y.source}\n`).join('');
}

/** A year for people: source, origin, then one line per day with its weekday. */
export function describeCalendarYear(y: CalendarYearDetail): string {
  const day = (date: string, name: string): string => `  ${date} ${WEEKDAY[weekdayOf(date)] ?? ''}  ${name}\n`;
  return [
    `${y.year} working-day calendar (工作日历)\n`,
    `source: ${y.source}\n`,
    `origin: ${originText(y)}\n`,
    `statutory holidays (法定节假日, not working days): ${y.holidayCount}\n`,
    ...Object.entries(y.holidays).map(([date, name]) => day(date, name)),
    `make-up working days (调休上班日, working days): ${y.workdayCount}\n`,
    ...Object.entries(y.workdays).map(([date, name]) => day(date, name)),
  ].join('');
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new GongkaiError('USAGE', `YEAR must be four digits, e.g. 2027 (got "${text}")`);
  return Number(text);
}

/**
 * Reads a `set-year` file: JSON `{ year, source, holidays: {date: name}, workdays: {date: name} }`.
 * @throws GongkaiError `INPUT_UNREADABLE` (missing file), `VALIDATION_FAILED` (not JSON, or not that shape; with issues)
 */
export function readCalendarYearFile(file: string): CalendarYearInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GongkaiError('INPUT_UNREADABLE', `${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GongkaiError('VALIDATION_FAILED', `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = calendarYearFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = i.path.map(String).join('.') || 'file';
      return { field, message: i.message, messageZh: `字段 ${field} 无效：${i.message}` };
    });
    throw new GongkaiError('VALIDATION_FAILED', `${file} is not a calendar year { year, source, holidays, workdays }`, { issues });
  }
  return parsed.data;
}

/** Registers `calendar` and its subcommands. */
export function registerCalendarCommands(program: Command, env: CommandEnv): void {
  const calendar = program.command('calendar').description('the working-day calendar: statutory holidays and make-up working days by year (State Council notices)');

  withStoreOptions(calendar.command('years').description('list every year the calendar covers, built-in or entered, with its source')).action((flags: StoreFlags) =>
    runCommand(env, () =>
      withStore(env, flags, async (ctx) => {
        env.stdout(describeCalendarYears(await listCalendarYears(ctx, CLI_ACTOR)));
        return 0;
      }),
    ),
  );

  withStoreOptions(
    calendar
      .command('show')
      .description("print one year's holidays and make-up working days")
      .argument('<year>', 'the year, e.g. 2026')
      .option('--json', 'print JSON in the shape `calendar set-year --file` reads (plus origin and last change)'),
  ).action((yearText: string, flags: StoreFlags & { json?: boolean }) =>
    runCommand(env, async () => {
      const year = parseYear(yearText);
      return withStore(env, flags, async (ctx) => {
        const detail = await getCalendarYear(ctx, CLI_ACTOR, year);
        env.stdout(flags.json ? `${JSON.stringify(calendarYearToApi(detail), null, 2)}\n` : describeCalendarYear(detail));
        return 0;
      });
    }),
  );

  withStoreOptions(
    calendar
      .command('set-year')
      .description("add or correct a year from its State Council notice: replaces all of the year's days (audited as system:cli)")
      .requiredOption('--file <file>', 'JSON { "year": 2027, "source": "国办发明电〔…〕…号", "holidays": { "2027-01-01": "元旦", … }, "workdays": { … } }'),
  ).action((flags: StoreFlags & { file: string }) =>
    runCommand(env, async () => {
      const input = readCalendarYearFile(flags.file);
      return withStore(env, flags, async (ctx) => {
        const stored = await setCalendarYearAndRebuildCases(ctx, CLI_ACTOR, input);
        env.stdout(`calendar year ${stored.year} set: ${stored.holidayCount} holidays, ${stored.workdayCount} make-up working days (source: ${stored.source})${stored.replacesBuiltIn ? '; replaces the built-in data' : ''}\n`);
        return 0;
      });
    }),
  );
}
