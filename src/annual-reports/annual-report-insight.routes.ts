/**
 * The views over annual reports, API and console pages: the records behind a cell
 * (`…/{orgId}/{year}/trace?cell=`), the roll-up comparison of members with outliers
 * (`…/{orgId}/{year}/members`) and the submission dashboard (`…/dashboard?year=`). Thin:
 * zod parses the input, the services check permissions (`reports.read`) and compute. Staff
 * authenticate with a bearer token (API) or their session cookie (pages; GET forms only, so no
 * CSRF token is needed).
 */
import { apiErrorSchema } from '../auth/auth.schema.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import { consolePage } from '../http/console-page.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { isGongkaiError } from '../shared/errors.ts';
import {
  dashboardQuerySchema,
  dashboardSchema,
  dashboardToApi,
  membersComparisonSchema,
  membersComparisonToApi,
  membersQuerySchema,
  parseScopeQuery,
  reportParamsSchema,
  traceQuerySchema,
  traceSchema,
  traceToApi,
} from './annual-report-insight.schema.ts';
import { dashboardPage, membersPage, tracePage } from './annual-report-insight.views.ts';
import { formatCellLabels } from './report-trace.ts';
import type { CellTrace } from './report-trace.ts';
import { resolveReportScope } from './report-compute.service.ts';
import { traceCell } from './report-trace.service.ts';
import { compareRollupMembers } from './rollup-comparison.service.ts';
import { dashboardOrganizations, submissionDashboard } from './submission-dashboard.service.ts';
import type { DashboardQuery } from './submission-dashboard.service.ts';

const TAGS = ['reports'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** The scope fields of a query that are set, as strings (hidden fields of the trace page's picker). */
function scopeFields(q: { scope?: string | undefined; members?: string | undefined; presets?: string | undefined; format?: string | undefined }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['scope', 'members', 'presets', 'format'] as const) {
    const value = q[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

/** The dashboard query with only the fields that are set (the service's defaults fill the rest). */
function dashboardQuery(q: { year?: number | undefined; organizationId?: number | undefined }): DashboardQuery {
  return { ...(q.year !== undefined ? { year: q.year } : {}), ...(q.organizationId !== undefined ? { organizationId: q.organizationId } : {}) };
}

/** Registers the routes of this module. */
export function annualReportInsightRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- API ----
  app.get(
    '/api/reports/:orgId/:year/trace',
    {
      schema: {
        tags: TAGS,
        summary: 'The records behind one cell of an organization\'s computed report: catalog items, request cases, review records or hand-entered figures; their contributions add up to the cell',
        security: BEARER,
        params: reportParamsSchema,
        querystring: traceQuerySchema,
        response: { 200: traceSchema, ...errors },
      },
    },
    async (request) => {
      const { orgId: organizationId, year } = request.params;
      const q = request.query;
      return traceToApi(await traceCell(ctx, request.actor, { organizationId, year, cell: q.cell, ...(q.format ? { formatId: q.format } : {}), ...parseScopeQuery(q) }));
    },
  );

  app.get(
    '/api/reports/:orgId/:year/members',
    {
      schema: {
        tags: TAGS,
        summary: 'Every member organization\'s own key figures for the year and the year before, side by side, with outliers flagged (10x jumps and drops, 10x the median of peers, silent members, reports not submitted)',
        security: BEARER,
        params: reportParamsSchema,
        querystring: membersQuerySchema,
        response: { 200: membersComparisonSchema, ...errors },
      },
    },
    async (request) => {
      const { orgId: organizationId, year } = request.params;
      return membersComparisonToApi(await compareRollupMembers(ctx, request.actor, { organizationId, year, ...parseScopeQuery(request.query) }));
    },
  );

  app.get(
    '/api/reports/dashboard',
    {
      schema: {
        tags: TAGS,
        summary: 'The submission dashboard of a competent OGI department: each organization it oversees, its report status, deadline (2019 art. 49) and days left or overdue, overdue first; counts per status',
        security: BEARER,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...errors },
      },
    },
    async (request) => {
      return dashboardToApi(await submissionDashboard(ctx, request.actor, dashboardQuery(request.query)));
    },
  );

  // ---- Console ----
  app.get('/console/reports/dashboard', { ...GUARD, schema: { hide: true, querystring: dashboardQuerySchema } }, async (request, reply) => {
    const dashboard = await submissionDashboard(ctx, request.actor, dashboardQuery(request.query));
    const organizations = await dashboardOrganizations(ctx, request.actor);
    const csrf = reply.generateCsrf();
    return reply.type(HTML).send(consolePage(request, csrf, `${dashboard.year}年度报告报送情况`, dashboardPage(dashboard, organizations)));
  });

  app.get(
    '/console/reports/:orgId/:year/trace',
    { ...GUARD, schema: { hide: true, params: reportParamsSchema, querystring: traceQuerySchema.partial() } },
    async (request, reply) => {
      const { orgId: organizationId, year } = request.params;
      const q = request.query;
      const scope = parseScopeQuery(q);
      const query = { organizationId, year, ...(q.format ? { formatId: q.format } : {}), ...scope };
      const cell = (q.cell ?? '').trim();
      let trace: CellTrace | null = null;
      let error: string | undefined;
      if (cell !== '') {
        try {
          trace = await traceCell(ctx, request.actor, { ...query, cell });
        } catch (e) {
          if (!isGongkaiError(e, 'VALIDATION_FAILED') || !e.issues.some((i) => i.field === 'cell')) throw e;
          error = e.issues.find((i) => i.field === 'cell')?.messageZh;
        }
      }
      const formatId = trace?.formatId ?? (await resolveReportScope(ctx, request.actor, query)).formatId;
      const csrf = reply.generateCsrf();
      const body = tracePage({ organizationId, year, trace, cells: formatCellLabels(formatId), cell, error, hidden: scopeFields(q) });
      return reply
        .code(error ? 400 : 200)
        .type(HTML)
        .send(consolePage(request, csrf, trace ? `${trace.label}的数据来源` : '查看数据来源', body));
    },
  );

  app.get('/console/reports/:orgId/:year/members', { ...GUARD, schema: { hide: true, params: reportParamsSchema, querystring: membersQuerySchema } }, async (request, reply) => {
    const { orgId: organizationId, year } = request.params;
    const comparison = await compareRollupMembers(ctx, request.actor, { organizationId, year, ...parseScopeQuery(request.query) });
    const csrf = reply.generateCsrf();
    return reply.type(HTML).send(consolePage(request, csrf, `${comparison.organization.name}${year}年度汇总单位数据对比`, membersPage(comparison)));
  });
  return Promise.resolve();
}
