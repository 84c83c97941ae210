/**
 * The working-day calendar: API (/api/calendar/years), console pages (/console/calendar, where a
 * system administrator adds or corrects a year) and the public pages (/calendar). Permission checks
 * happen in the service.
 */
import { setCalendarYearAndRebuildCases } from '../requests/request.service.ts';
import { z } from 'zod';
import { apiErrorSchema } from '../auth/auth.schema.ts';
import { formFields } from '../auth/form-view.ts';
import { authorize, can } from '../auth/policy.ts';
import type { Actor } from '../auth/actor.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import type { SafeHtml } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import { formatCalendarDaysText, parseCalendarDaysText, validateCalendarYear } from './calendar-year.ts';
import type { CalendarYearInput } from './calendar-year.ts';
import {
  calendarYearListSchema,
  calendarYearParamsSchema,
  calendarYearSchema,
  calendarYearSummaryToApi,
  calendarYearToApi,
  setCalendarYearBodySchema,
} from './calendar.schema.ts';
import { getCalendarYear, listCalendarYears } from './calendar.service.ts';
import type { CalendarYearDetail } from './calendar.service.ts';
import { calendarListPage, calendarPublicListPage, calendarPublicMissingPage, calendarPublicYearPage, calendarYearConsolePage } from './calendar.views.ts';
import type { CalendarFormErrors, CalendarFormField, CalendarFormValues } from './calendar.views.ts';

const HTML = 'text/html; charset=utf-8';
const TAGS = ['calendar'];

function consolePage(actor: Actor, csrf: string, title: string, body: SafeHtml, flash: { notice?: string | undefined; error?: string | undefined } = {}): string {
  return renderPage({ title, area: 'console', actor, csrfToken: csrf, body, ...(flash.notice ? { notice: flash.notice } : {}), ...(flash.error ? { error: flash.error } : {}) });
}

/** The year, or null when the calendar does not cover it. */
async function findYear(ctx: AppContext, actor: Actor, year: number): Promise<CalendarYearDetail | null> {
  try {
    return await getCalendarYear(ctx, actor, year);
  } catch (error) {
    if (isGongkaiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/** The form prefilled with a year's data; a built-in year's dataset note is not a notice, so its source starts blank. */
function formValuesOf(detail: CalendarYearDetail | null): CalendarFormValues {
  if (!detail) return { source: '', holidays: '', workdays: '' };
  return { source: detail.origin === 'entered' ? detail.source : '', holidays: formatCalendarDaysText(detail.holidays), workdays: formatCalendarDaysText(detail.workdays) };
}

function formFieldOf(field: string): CalendarFormField {
  if (field === 'source') return 'source';
  if (field === 'holidays' || field.startsWith('holidays.')) return 'holidays';
  if (field === 'workdays' || field.startsWith('workdays.')) return 'workdays';
  return 'form';
}

/** Every issue's Chinese message, grouped by the form field it belongs to. */
function formErrors(issues: readonly ErrorIssue[]): CalendarFormErrors {
  const errors: CalendarFormErrors = {};
  for (const issue of issues) (errors[formFieldOf(issue.field)] ??= []).push(issue.messageZh);
  return errors;
}

/** Registers the routes of this module. */
export function calendarRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- API ----
  app.get(
    '/api/calendar/years',
    { schema: { tags: TAGS, summary: 'Every year of the working-day calendar, built-in or entered, with its source (public)', response: { 200: calendarYearListSchema } } },
    async (request) => ({ years: (await listCalendarYears(ctx, request.actor)).map(calendarYearSummaryToApi) }),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: TAGS,
        summary: "One year's statutory holidays and make-up working days (public); 404 when the calendar does not cover it",
        params: calendarYearParamsSchema,
        response: { 200: calendarYearSchema, 400: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request) => calendarYearToApi(await getCalendarYear(ctx, request.actor, request.params.year)),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: TAGS,
        summary: "Add or correct a year from its State Council notice: replaces all of the year's days (system administrators; audited)",
        security: [{ bearer: [] }],
        params: calendarYearParamsSchema,
        body: setCalendarYearBodySchema,
        response: { 200: calendarYearSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request) => {
      const { year, source, holidays, workdays } = request.body;
      if (year !== undefined && year !== request.params.year) {
        const message = `year ${year} in the body differs from ${request.params.year} in the path`;
        throw new GongkaiError('VALIDATION_FAILED', 'year', { issues: [{ field: 'year', message, messageZh: `请求体中的年度 ${year} 与路径中的 ${request.params.year} 不一致` }] });
      }
      return calendarYearToApi(await setCalendarYearAndRebuildCases(ctx, request.actor, { year: request.params.year, source, holidays, workdays }));
    },
  );

  // ---- Console ----
  app.get(
    '/console/calendar',
    { onRequest: requireStaffPage, schema: { hide: true, querystring: z.object({ year: z.string().optional() }) } },
    async (request, reply) => {
      const wanted = request.query.year?.trim();
      if (wanted && /^\d{4}$/.test(wanted)) return reply.redirect(`/console/calendar/${wanted}`, 303);
      const years = await listCalendarYears(ctx, request.actor);
      const csrf = reply.generateCsrf();
      const error = wanted ? `“${wanted}”不是年度（应为四位数字，如 2027）。` : undefined;
      return reply.type(HTML).send(consolePage(request.actor, csrf, '工作日历', calendarListPage(years, can(request.actor, 'settings.manage')), { error }));
    },
  );

  app.get(
    '/console/calendar/:year',
    { onRequest: requireStaffPage, schema: { hide: true, params: calendarYearParamsSchema, querystring: z.object({ saved: z.string().optional() }) } },
    async (request, reply) => {
      const year = request.params.year;
      const detail = await findYear(ctx, request.actor, year);
      const canManage = can(request.actor, 'settings.manage');
      if (!detail && !canManage) throw new GongkaiError('NOT_FOUND', `calendar year ${year}`);
      const csrf = reply.generateCsrf();
      const body = calendarYearConsolePage({ year, detail, canManage, csrf, values: formValuesOf(detail), errors: {} });
      return reply.type(HTML).send(consolePage(request.actor, csrf, `${year} 年工作日历`, body, { notice: request.query.saved !== undefined ? `${year} 年数据已保存。` : undefined }));
    },
  );

  app.post('/console/calendar/:year', { onRequest: requireStaffPage, schema: { hide: true, params: calendarYearParamsSchema } }, async (request, reply) => {
    const year = request.params.year;
    const fields = formFields(request.body);
    const values: CalendarFormValues = { source: fields['source'] ?? '', holidays: fields['holidays'] ?? '', workdays: fields['workdays'] ?? '' };
    const holidays = parseCalendarDaysText(values.holidays, 'holidays');
    const workdays = parseCalendarDaysText(values.workdays, 'workdays');
    const input: CalendarYearInput = { year, source: values.source, holidays: holidays.days, workdays: workdays.days };
    let issues: readonly ErrorIssue[];
    if (holidays.issues.length + workdays.issues.length > 0) {
      // Unreadable lines are reported with every other problem of the year at once; nothing is written.
      authorize(request.actor, 'settings.manage');
      issues = [...holidays.issues, ...workdays.issues, ...validateCalendarYear(input)];
    } else {
      try {
        await setCalendarYearAndRebuildCases(ctx, request.actor, input);
        return await reply.redirect(`/console/calendar/${year}?saved=1`, 303);
      } catch (error) {
        if (!isGongkaiError(error, 'VALIDATION_FAILED')) throw error;
        issues = error.issues;
      }
    }
    const detail = await findYear(ctx, request.actor, year);
    const csrf = reply.generateCsrf();
    const body = calendarYearConsolePage({ year, detail, canManage: true, csrf, values, errors: formErrors(issues) });
    return reply.code(400).type(HTML).send(consolePage(request.actor, csrf, `${year} 年工作日历`, body));
  });

  // ---- Public ----
  app.get('/calendar', { schema: { hide: true } }, async (request, reply) => {
    const years = await listCalendarYears(ctx, request.actor);
    return reply.type(HTML).send(renderPage({ title: '工作日历', area: 'portal', actor: request.actor, body: calendarPublicListPage(years) }));
  });

  app.get('/calendar/:year', { schema: { hide: true, params: calendarYearParamsSchema } }, async (request, reply) => {
    const year = request.params.year;
    const detail = await findYear(ctx, request.actor, year);
    const title = `${year} 年工作日历`;
    if (!detail) return reply.code(404).type(HTML).send(renderPage({ title, area: 'portal', actor: request.actor, body: calendarPublicMissingPage(year) }));
    return reply.type(HTML).send(renderPage({ title, area: 'portal', actor: request.actor, body: calendarPublicYearPage(detail) }));
  });

  return Promise.resolve();
}
