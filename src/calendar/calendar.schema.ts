/**
 * API schemas of the working-day calendar (zod; they also generate /api/openapi.json), shared with
 * the CLI's `calendar set-year --file` JSON. Shapes only: the calendar rules (dates inside the year,
 * make-up days on weekends …) are checked by calendar-year.ts, with Chinese messages.
 */
import { z } from 'zod';
import { CALENDAR_DAY_NAME_MAX_LENGTH, CALENDAR_SOURCE_MAX_LENGTH } from './calendar-year.ts';
import type { CalendarYearDetail, CalendarYearSummary } from './calendar.service.ts';

/** `YYYY-MM-DD` → name. */
const daysSchema = z.record(z.string().max(10), z.string().max(CALENDAR_DAY_NAME_MAX_LENGTH * 2));

/** A year as listed. */
export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  /** The State Council notice (entered years), or the dataset transcribing the notices (built-in years). */
  source: z.string(),
  /** `built_in`: the chinese-days dataset shipped with gongkai; `entered`: by an administrator. */
  origin: z.enum(['built_in', 'entered']),
  /** True when an entered year replaces built-in data of the same year. */
  replacesBuiltIn: z.boolean(),
  /** ISO instant of the last change (entered years); null for built-in years. */
  updatedAt: z.string().nullable(),
  /** Who last set the year (user name or `system:cli`); null for built-in years. */
  updatedBy: z.string().nullable(),
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
});

/** A year with its days. */
export const calendarYearSchema = calendarYearSummarySchema.extend({
  /** Statutory holidays: `YYYY-MM-DD` → holiday name (元旦, 春节 …), in date order. */
  holidays: z.record(z.string(), z.string()),
  /** Make-up working days (Saturdays and Sundays worked): `YYYY-MM-DD` → the holiday made up for. */
  workdays: z.record(z.string(), z.string()),
});

/** GET /api/calendar/years response. */
export const calendarYearListSchema = z.object({ years: z.array(calendarYearSummarySchema) });

/** `:year` of the calendar routes. */
export const calendarYearParamsSchema = z.object({ year: z.coerce.number().int().min(1000).max(9999) });

const inputFields = {
  /** The State Council notice, e.g. `国办发明电〔2025〕7号`. */
  source: z.string().max(CALENDAR_SOURCE_MAX_LENGTH * 2),
  /** Days off: every weekday off, optionally the weekend days inside a holiday period. `YYYY-MM-DD` → name. */
  holidays: daysSchema,
  /** Saturdays and Sundays worked: `YYYY-MM-DD` → the holiday made up for. Default none. */
  workdays: daysSchema.default({}),
};

/** PUT /api/calendar/years/:year body. `year`, when given, must equal the path's. */
export const setCalendarYearBodySchema = z.object({ year: z.number().int().optional(), ...inputFields });

/** The JSON file of `gongkai calendar set-year --file` (also what `calendar show --json` prints, less its extra fields). */
export const calendarYearFileSchema = z.object({ year: z.number().int(), ...inputFields });

/** Maps a summary to its API shape (an explicit copy). */
export function calendarYearSummaryToApi(y: CalendarYearSummary): z.infer<typeof calendarYearSummarySchema> {
  return {
    year: y.year,
    source: y.source,
    origin: y.origin,
    replacesBuiltIn: y.replacesBuiltIn,
    updatedAt: y.updatedAt,
    updatedBy: y.updatedBy,
    holidayCount: y.holidayCount,
    workdayCount: y.workdayCount,
  };
}

/** Maps a year with its days to its API shape. */
export function calendarYearToApi(y: CalendarYearDetail): z.infer<typeof calendarYearSchema> {
  return { ...calendarYearSummaryToApi(y), holidays: { ...y.holidays }, workdays: { ...y.workdays } };
}
