/**
 * The working-day calendar in force: the built-in years (chinese-days, 2004–2026) overlaid by the
 * years administrators entered in the database (issue 4 item 1). An entered year replaces the
 * built-in one entirely, so a correction never mixes two notices. Every statutory period counted
 * in working days (2019 art. 26, 33) uses {@link loadCalendar}; a year neither source covers is
 * refused by the counting functions (`CALENDAR_YEAR_MISSING`), never counted on weekends alone.
 */
import { recordAudit } from '../audit/audit.ts';
import { selectAuditEvents } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import type { Db } from '../db/database.ts';
import type { Store } from '../db/dialect.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { checkedCalendarYear } from './calendar-year.ts';
import type { CalendarYearInput } from './calendar-year.ts';
import { findCalendarYear, replaceCalendarYear, selectCalendarYears } from './calendar.repository.ts';
import type { StoredCalendarYear } from './calendar.repository.ts';
import { builtInCalendar } from './working-days.ts';
import type { CalendarYear, WorkingDayCalendar } from './working-days.ts';

/** The audit action of {@link setCalendarYear}. */
export const CALENDAR_YEAR_SET_ACTION = 'calendar.year_set';
/** The audit entity type of calendar years (entity id: the year). */
export const CALENDAR_ENTITY_TYPE = 'calendar';

/** Where a year's data comes from: the built-in dataset, or entered by an administrator. */
export type CalendarYearOrigin = 'built_in' | 'entered';

/** A year as listed. */
export interface CalendarYearSummary {
  year: number;
  /** The State Council notice (entered years) or the dataset transcribing it (built-in years). */
  source: string;
  origin: CalendarYearOrigin;
  /** True when an entered year replaces built-in data of the same year. */
  replacesBuiltIn: boolean;
  /** ISO instant of the last change of an entered year; null for built-in years. */
  updatedAt: string | null;
  /** Who last set an entered year (the audit log's actor label); null for built-in years. */
  updatedBy: string | null;
  /** Number of statutory holidays listed. */
  holidayCount: number;
  /** Number of make-up working days listed. */
  workdayCount: number;
}

/** A year with its days. */
export interface CalendarYearDetail extends CalendarYearSummary {
  /** `YYYY-MM-DD` → holiday name, in date order. */
  holidays: Readonly<Record<string, string>>;
  /** `YYYY-MM-DD` → the holiday made up for, in date order. */
  workdays: Readonly<Record<string, string>>;
}

/** Options of {@link setCalendarYear}. */
export interface SetCalendarYearOptions {
  /**
   * Runs inside the change's transaction after the year is written, with the calendar as it will be
   * once committed (e.g. to rebuild every open request's deadline projection). Throwing rolls the
   * whole change back, audit event included.
   */
  afterChange?: (trx: Db, calendar: WorkingDayCalendar) => Promise<void>;
}

let builtIn: WorkingDayCalendar | null = null;

function builtInYears(): WorkingDayCalendar {
  builtIn ??= builtInCalendar();
  return builtIn;
}

function overlay(stored: readonly StoredCalendarYear[]): WorkingDayCalendar {
  const years = new Map<number, CalendarYear>(builtInYears().years);
  for (const y of stored) years.set(y.year, { year: y.year, source: y.source, holidays: y.holidays, workdays: y.workdays });
  return { years };
}

/** The calendar of each open store; a promise, so concurrent first requests read the database once. */
const cache = new WeakMap<Store, Promise<WorkingDayCalendar>>();

/**
 * The working-day calendar in force: built-in years overlaid by the entered ones. Cached per store
 * (the hot path of every deadline and timeliness computation reads no database); the cache is
 * dropped when a year is set through {@link setCalendarYear}.
 * @returns the calendar (shared: do not mutate)
 */
export function loadCalendar(ctx: Pick<ServiceContext, 'store'>): Promise<WorkingDayCalendar> {
  const store = ctx.store;
  const cached = cache.get(store);
  if (cached) return cached;
  const loading = selectCalendarYears(store.db).then(overlay);
  cache.set(store, loading);
  // A failed read must not stay cached: the next call tries again.
  loading.catch(() => {
    if (cache.get(store) === loading) cache.delete(store);
  });
  return loading;
}

/**
 * Drops the cached calendar of a store, so the next {@link loadCalendar} reads the database. Only
 * needed by code that writes calendar tables outside {@link setCalendarYear} (a restore, a test).
 */
export function invalidateCalendar(store: Store): void {
  cache.delete(store);
}

/** The last setter and instant of each entered year, from the audit log. */
async function lastSetters(db: Db, year?: number): Promise<Map<number, string>> {
  const events = await selectAuditEvents(db, {
    rootPaths: null,
    action: CALENDAR_YEAR_SET_ACTION,
    entityType: CALENDAR_ENTITY_TYPE,
    ...(year !== undefined ? { entityId: String(year) } : {}),
    limit: year !== undefined ? 1 : 10_000,
  });
  const out = new Map<number, string>();
  for (const event of events) if (!out.has(Number(event.entityId))) out.set(Number(event.entityId), event.actorLabel);
  return out;
}

function detailOf(year: CalendarYear, stored: StoredCalendarYear | null, updatedBy: string | null): CalendarYearDetail {
  return {
    year: year.year,
    source: year.source,
    origin: stored ? 'entered' : 'built_in',
    replacesBuiltIn: stored !== null && builtInYears().years.has(year.year),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored ? updatedBy : null,
    holidayCount: Object.keys(year.holidays).length,
    workdayCount: Object.keys(year.workdays).length,
    holidays: year.holidays,
    workdays: year.workdays,
  };
}

function summaryOf(d: CalendarYearDetail): CalendarYearSummary {
  return { year: d.year, source: d.source, origin: d.origin, replacesBuiltIn: d.replacesBuiltIn, updatedAt: d.updatedAt, updatedBy: d.updatedBy, holidayCount: d.holidayCount, workdayCount: d.workdayCount };
}

/**
 * Every year the calendar covers, built-in or entered, in year order.
 * Permission: `calendar.read` (public).
 */
export async function listCalendarYears(ctx: ServiceContext, actor: Actor): Promise<CalendarYearSummary[]> {
  authorize(actor, 'calendar.read');
  const stored = await selectCalendarYears(ctx.store.db);
  const setters = stored.length > 0 ? await lastSetters(ctx.store.db) : new Map<number, string>();
  const byYear = new Map(stored.map((y) => [y.year, y]));
  const years = [...new Set([...builtInYears().years.keys(), ...byYear.keys()])].sort((a, b) => a - b);
  return years.flatMap((year) => {
    const entered = byYear.get(year) ?? null;
    const data = entered ?? builtInYears().years.get(year);
    return data ? [summaryOf(detailOf(data, entered, setters.get(year) ?? null))] : [];
  });
}

/**
 * One year with its holidays and make-up working days.
 * Permission: `calendar.read` (public).
 * @throws GongkaiError `NOT_FOUND` when the calendar does not cover the year
 */
export async function getCalendarYear(ctx: ServiceContext, actor: Actor, year: number): Promise<CalendarYearDetail> {
  authorize(actor, 'calendar.read');
  return readYear(ctx.store.db, year);
}

async function readYear(db: Db, year: number): Promise<CalendarYearDetail> {
  const entered = Number.isInteger(year) ? await findCalendarYear(db, year) : null;
  const data = entered ?? builtInYears().years.get(year);
  if (!data) throw new GongkaiError('NOT_FOUND', `calendar year ${year}`);
  const setter = entered ? ((await lastSetters(db, year)).get(year) ?? null) : null;
  return detailOf(data, entered, setter);
}

/** A year as the audit log keeps it (before / after). */
function auditRecord(detail: CalendarYearDetail): { year: number; source: string; origin: CalendarYearOrigin; holidays: Readonly<Record<string, string>>; workdays: Readonly<Record<string, string>> } {
  return { year: detail.year, source: detail.source, origin: detail.origin, holidays: detail.holidays, workdays: detail.workdays };
}

/**
 * Adds or corrects a year: the entered year replaces whatever the calendar had for it (built-in or
 * entered before), with an audit event (`calendar.year_set`, the year before and after) in the
 * same transaction. Deadlines computed afterwards use the new data.
 * Permission: `settings.manage` (system administrators).
 * @param options `afterChange`: extra work inside the transaction (see {@link SetCalendarYearOptions})
 * @returns the year as stored
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `PASSWORD_CHANGE_REQUIRED`, `VALIDATION_FAILED`
 *   (field issues of calendar-year.ts); nothing is written then
 */
export async function setCalendarYear(ctx: ServiceContext, actor: Actor, input: CalendarYearInput, options: SetCalendarYearOptions = {}): Promise<CalendarYearDetail> {
  authorize(actor, 'settings.manage');
  const year = checkedCalendarYear(input);
  try {
    return await ctx.store.db.transaction().execute(async (trx) => {
      const before = await readYear(trx, year.year).catch((error: unknown) => {
        if (isGongkaiError(error, 'NOT_FOUND')) return null;
        throw error;
      });
      await replaceCalendarYear(trx, year, nowIso(ctx.clock));
      if (options.afterChange) await options.afterChange(trx, overlay(await selectCalendarYears(trx)));
      await recordAudit(trx, actor, ctx.clock, {
        action: CALENDAR_YEAR_SET_ACTION,
        entityType: CALENDAR_ENTITY_TYPE,
        entityId: year.year,
        organizationId: null,
        ...(before ? { before: auditRecord(before) } : {}),
        after: auditRecord(detailOf(year, { ...year, updatedAt: nowIso(ctx.clock) }, null)),
      });
      return readYear(trx, year.year);
    });
  } finally {
    // Dropped after the commit (or the rollback): a reader never caches the old year past the change.
    invalidateCalendar(ctx.store);
  }
}
