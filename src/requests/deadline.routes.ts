/**
 * The deadline calculator for anyone (issue 4 item 3): `GET /api/deadline` (JSON) and the public
 * page `/deadline` (a GET form, so it works without JavaScript). Both use the calendar in force
 * (`loadCalendar`: built-in years overlaid by those administrators entered). Permission
 * `deadline.calculate` (public) is checked by the service.
 */
import type { FieldErrors } from '../auth/form-view.ts';
import { issuesToFieldErrors } from '../auth/form-view.ts';
import { apiErrorSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { today } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { GongkaiError } from '../shared/errors.ts';
import type { CalculatorQuery, DeadlineCalculation } from './deadline-calculator.ts';
import { deadlineBody } from './deadline.views.ts';
import { deadlineQuerySchema, deadlineResponseSchema, deadlineToApi } from './request-portal.schema.ts';
import { calculatePublicDeadline } from './request-portal.service.ts';

/** The Chinese explanation of a missing calendar year (the error's detail is `YYYY (needed for DATE)`). */
export function missingYearMessage(error: GongkaiError): string {
  const year = /(\d{4}) \(needed for/.exec(error.message)?.[1];
  return year
    ? `工作日历缺少 ${year} 年度数据：该年度的法定节假日和调休安排尚未录入，无法计算跨入该年度的答复期限。国务院办公厅公布该年度节假日安排后，由系统管理员录入。`
    : `${error.messageZh}。`;
}

/** Registers the routes of this module. */
export function deadlineRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/deadline',
    {
      schema: {
        tags: ['requests'],
        summary: 'Compute a request’s reply deadline under the regulation in force, with how it was reached (public)',
        querystring: deadlineQuerySchema,
        response: { 200: deadlineResponseSchema, 400: apiErrorSchema, 422: apiErrorSchema },
      },
    },
    async (request) => deadlineToApi(await calculatePublicDeadline(ctx, request.actor, request.query)),
  );

  app.get('/deadline', { schema: { hide: true, querystring: deadlineQuerySchema } }, async (request, reply) => {
    const query: CalculatorQuery = request.query;
    // A submitted form always carries `received` (perhaps empty: then it says so); a bare visit shows the form.
    const asked = query.received !== undefined || Object.values(query).some((v) => v !== undefined && v !== '');
    let calculation: DeadlineCalculation | null = null;
    let errors: FieldErrors = {};
    let problem: string | null = null;
    let status = 200;
    if (asked) {
      try {
        calculation = await calculatePublicDeadline(ctx, request.actor, query);
      } catch (error) {
        if (isGongkaiError(error, 'VALIDATION_FAILED')) errors = issuesToFieldErrors(error.issues);
        else if (isGongkaiError(error, 'CALENDAR_YEAR_MISSING')) problem = missingYearMessage(error);
        else throw error;
        status = error.status;
      }
    }
    const body = deadlineBody({ query, calculation, errors, problem, today: today(ctx.clock) });
    return reply.code(status).type('text/html; charset=utf-8').send(renderPage({ title: '答复期限计算器', area: 'portal', actor: request.actor, body }));
  });

  return Promise.resolve();
}
