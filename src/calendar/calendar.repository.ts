/**
 * The calendar years entered by administrators (`calendar_year`, `calendar_day`). A stored year
 * replaces the built-in data of that year entirely (see calendar.service.ts). The caller owns the
 * transaction: {@link replaceCalendarYear} must run inside one so that a year is never half written.
 */
import type { Db } from '../db/database.ts';
import type { CalendarYear } from './working-days.ts';

/** A year as stored, with when it was last set. */
export interface StoredCalendarYear extends CalendarYear {
  /** ISO instant of the last change. */
  updatedAt: string;
}

/** `calendar_day.kind` of each list. */
const KIND = { holidays: 'holiday', workdays: 'workday' } as const;

function emptyYear(year: number, source: string, updatedAt: string): StoredCalendarYear & { holidays: Record<string, string>; workdays: Record<string, string> } {
  return { year, source, updatedAt, holidays: {}, workdays: {} };
}

/**
 * Every stored year with its days, in year order. Days whose year has no `calendar_year` row are
 * ignored (a year exists only as a whole).
 */
export async function selectCalendarYears(db: Db): Promise<StoredCalendarYear[]> {
  const years = await db.selectFrom('calendar_year').select(['year', 'source', 'updated_at']).orderBy('year').execute();
  if (years.length === 0) return [];
  const byYear = new Map(years.map((row) => [Number(row.year), emptyYear(Number(row.year), row.source, row.updated_at)]));
  const days = await db.selectFrom('calendar_day').select(['date', 'kind', 'name']).orderBy('date').execute();
  for (const day of days) {
    const year = byYear.get(Number(day.date.slice(0, 4)));
    if (!year) continue;
    if (day.kind === KIND.holidays) year.holidays[day.date] = day.name;
    else if (day.kind === KIND.workdays) year.workdays[day.date] = day.name;
  }
  return [...byYear.values()];
}

/** One stored year with its days; null when the year was never entered. */
export async function findCalendarYear(db: Db, year: number): Promise<StoredCalendarYear | null> {
  const row = await db.selectFrom('calendar_year').select(['year', 'source', 'updated_at']).where('year', '=', year).executeTakeFirst();
  if (!row) return null;
  const stored = emptyYear(Number(row.year), row.source, row.updated_at);
  const days = await db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  for (const day of days) {
    if (day.kind === KIND.holidays) stored.holidays[day.date] = day.name;
    else if (day.kind === KIND.workdays) stored.workdays[day.date] = day.name;
  }
  return stored;
}

/**
 * Replaces one year: inserts or updates its `calendar_year` row, deletes its days and inserts the
 * given ones (each carrying the year's source).
 * @param db a transaction (the caller's), so the year is replaced as a whole or not at all
 * @param year a validated year (every date inside `year.year`)
 * @param updatedAt ISO instant of the change
 */
export async function replaceCalendarYear(db: Db, year: CalendarYear, updatedAt: string): Promise<void> {
  // The year's row first: on PostgreSQL its row lock makes a second concurrent setter of the same
  // year wait for this transaction, instead of colliding on the days' primary key.
  await db
    .insertInto('calendar_year')
    .values({ year: year.year, source: year.source, updated_at: updatedAt })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: year.source, updated_at: updatedAt }))
    .execute();
  await db.deleteFrom('calendar_day').where('date', '>=', `${year.year}-01-01`).where('date', '<=', `${year.year}-12-31`).execute();
  const rows = [
    ...Object.entries(year.holidays).map(([date, name]) => ({ date, kind: KIND.holidays, name, source: year.source })),
    ...Object.entries(year.workdays).map(([date, name]) => ({ date, kind: KIND.workdays, name, source: year.source })),
  ];
  if (rows.length > 0) await db.insertInto('calendar_day').values(rows).execute();
}
