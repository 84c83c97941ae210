/**
 * Routes of the 12345 hotline work orders (issue 6 item 2): the API (POST /api/hotline/imports,
 * GET /api/hotline/orders, GET /api/hotline/statistics) and the console pages (/console/hotline,
 * /console/hotline/import). Thin: every route parses its input and calls one service, where
 * permissions are checked (`hotline.read`, `hotline.import`). The upload form carries its CSRF token
 * in the query (a multipart body is not parsed before the check); a clean dry run keeps the file so
 * that a second POST (/console/hotline/import/confirm) imports it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema } from '../auth/auth.schema.ts';
import { formFields } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { authorize, can } from '../auth/policy.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { readFileUpload } from '../http/uploads.ts';
import { GongkaiError } from '../shared/errors.ts';
import { importHotlineOrders } from './hotline-import.ts';
import type { HotlineImportResult } from './hotline-import.ts';
import { dropPendingUpload, keepPendingUpload, readPendingUpload } from './hotline-pending-upload.ts';
import type { HotlineCategory } from './hotline-work-order.ts';
import { isHotlineCategory } from './hotline-work-order.ts';
import {
  hotlineImportQuerySchema,
  hotlineImportResultSchema,
  hotlineImportToApi,
  hotlineOrderListSchema,
  hotlineOrdersQuerySchema,
  hotlineOrdersToApi,
  hotlineStatisticsQuerySchema,
  hotlineStatisticsSchema,
  hotlineStatisticsToApi,
} from './hotline.schema.ts';
import { hotlineOrganizations, hotlineYearReport, listHotlineOrders } from './hotline.service.ts';
import type { HotlineYearReport } from './hotline.service.ts';
import { hotlineImportFormPage, hotlineImportResultPage, hotlineListPage } from './hotline.views.ts';

const TAGS = ['hotline'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** Errors the import pages show on the form instead of an error page. */
const IMPORT_INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'UPLOAD_TYPE', 'UPLOAD_TOO_LARGE', 'INPUT_UNSUPPORTED', 'INPUT_CORRUPT', 'ORGANIZATION_UNKNOWN', 'FORBIDDEN', 'CONFLICT']);

/** Registers the module's routes. */
export function hotlineRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- API ----
  app.post(
    '/api/hotline/imports',
    {
      schema: {
        tags: TAGS,
        summary: 'Import 12345 hotline work orders from the hotline system\'s CSV or XLSX export (multipart field `file`)',
        description:
          'Rows are matched to organizations of the importing organization\'s subtree by full name, short name or organization code, and keyed by work-order number (a stored order is updated or left unchanged). With dryRun the result set is returned with 200 whatever it holds; otherwise a file with any bad row imports nothing and answers 400 IMPORT_INVALID with every issue.',
        consumes: ['multipart/form-data'],
        security: BEARER,
        querystring: hotlineImportQuerySchema,
        response: { 200: hotlineImportResultSchema, 409: apiErrorSchema, ...errors },
      },
    },
    async (request) => {
      // Refuse callers who may import nowhere before buffering their upload (the service checks the organization).
      authorize(request.actor, 'hotline.import');
      const { upload } = await readFileUpload(request);
      const { organizationId, dryRun } = request.query;
      const result = await importHotlineOrders(ctx, request.actor, { organizationId, fileName: upload.fileName, data: upload.data, dryRun });
      if (!dryRun && result.issues.length > 0) {
        throw new GongkaiError('IMPORT_INVALID', `${result.invalid} of ${result.total} rows have errors`, { issues: result.issues });
      }
      return hotlineImportToApi(result);
    },
  );

  app.get(
    '/api/hotline/orders',
    {
      schema: {
        tags: TAGS,
        summary: 'Work orders of an organization subtree (default: every subtree you may read), newest receipt first, paginated',
        security: BEARER,
        querystring: hotlineOrdersQuerySchema,
        response: { 200: hotlineOrderListSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const list = await listHotlineOrders(ctx, request.actor, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.organizationId !== undefined ? { organizationId: q.organizationId } : {}),
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(q.category !== undefined ? { category: q.category } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.orderNumber !== undefined ? { orderNumber: q.orderNumber } : {}),
      });
      return hotlineOrdersToApi(list);
    },
  );

  app.get(
    '/api/hotline/statistics',
    {
      schema: {
        tags: TAGS,
        summary: 'Hotline figures of an organization and its subtree for a year: received, replied, reply rate, average reply days (calendar), by category, satisfaction, and per organization',
        security: BEARER,
        querystring: hotlineStatisticsQuerySchema,
        response: { 200: hotlineStatisticsSchema, ...errors },
      },
    },
    async (request) => hotlineStatisticsToApi(await hotlineYearReport(ctx, request.actor, request.query.organizationId, request.query.year)),
  );

  // ---- Console ----
  const listQuery = z.object({
    organizationId: z.string().max(12).optional(),
    year: z.string().max(8).optional(),
    category: z.string().max(32).optional(),
    status: z.string().max(16).optional(),
    orderNumber: z.string().max(64).optional(),
    page: z.string().max(8).optional(),
  });
  app.get('/console/hotline', { ...GUARD, schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const actor = request.actor;
    const q = request.query;
    const organizations = await hotlineOrganizations(ctx, actor, 'hotline.read');
    const chosen = organizations.find((o) => String(o.id) === q.organizationId);
    const yearText = (q.year ?? '').trim();
    const errs: FieldErrors = {};
    const year = /^\d{4}$/.test(yearText) && Number(yearText) >= 2000 && Number(yearText) <= 2100 ? Number(yearText) : undefined;
    if (yearText !== '' && year === undefined) errs['year'] = '年度应为四位年份，如 2026';
    const category: HotlineCategory | undefined = q.category && isHotlineCategory(q.category) ? q.category : undefined;
    const status = q.status === 'replied' || q.status === 'unreplied' ? q.status : undefined;
    const orderNumber = (q.orderNumber ?? '').trim();
    const page = /^\d{1,6}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const list = await listHotlineOrders(ctx, actor, {
      page,
      ...(chosen ? { organizationId: chosen.id } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(category ? { category } : {}),
      ...(status ? { status } : {}),
      ...(orderNumber !== '' ? { orderNumber } : {}),
    });
    let report: HotlineYearReport | null = null;
    if (chosen && year !== undefined) report = await hotlineYearReport(ctx, actor, chosen.id, year);
    const csrf = reply.generateCsrf();
    const body = hotlineListPage({
      organizations,
      filter: { organizationId: chosen ? String(chosen.id) : '', year: yearText, category: category ?? '', status: status ?? '', orderNumber },
      report,
      list,
      canImport: can(actor, 'hotline.import'),
      errors: errs,
    });
    return reply.code(errs['year'] ? 400 : 200).type(HTML).send(consolePage(request, csrf, '12345 热线工单', body));
  });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, status: number, extra: { organizationId?: string; error?: string } = {}): Promise<FastifyReply> => {
    const csrf = reply.generateCsrf();
    const organizations = await hotlineOrganizations(ctx, request.actor, 'hotline.import');
    const body = hotlineImportFormPage({ csrf, organizations, ...extra });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, '导入 12345 热线工单', body));
  };

  const resultPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { fileName: string; organizationId: number; result: HotlineImportResult; confirmToken: string | null },
  ): Promise<FastifyReply> => {
    const organizations = await hotlineOrganizations(ctx, request.actor, 'hotline.import');
    const organizationName = organizations.find((org) => org.id === o.organizationId)?.name ?? String(o.organizationId);
    const csrf = reply.generateCsrf();
    const body = hotlineImportResultPage({ csrf, organizationName, ...o });
    const title = o.result.dryRun ? '热线工单校验结果' : '热线工单导入结果';
    return reply.code(o.result.issues.length > 0 && !o.result.dryRun ? 400 : 200).type(HTML).send(consolePage(request, csrf, title, body));
  };

  app.get('/console/hotline/import', { ...GUARD, schema: { hide: true } }, async (request, reply) => formPage(request, reply, 200));

  app.post('/console/hotline/import', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    let organizationField = '';
    try {
      const { upload, fields } = await readFileUpload(request);
      organizationField = fields['organizationId'] ?? '';
      const organizationId = Number(organizationField);
      if (!Number.isInteger(organizationId) || organizationId <= 0) return await formPage(request, reply, 400, { organizationId: organizationField, error: '请选择导入机构。' });
      if (upload.data.length === 0) return await formPage(request, reply, 400, { organizationId: organizationField, error: '请选择要上传的 CSV 或 XLSX 文件。' });
      const dryRun = fields['dryRun'] === '1';
      const result = await importHotlineOrders(ctx, request.actor, { organizationId, fileName: upload.fileName, data: upload.data, dryRun });
      const confirmToken = dryRun && result.issues.length === 0 ? await keepPendingUpload(ctx.config.dataDir, upload.data) : null;
      return await resultPage(request, reply, { fileName: upload.fileName, organizationId, result, confirmToken });
    } catch (error) {
      const known = inlineErrorOf(error, IMPORT_INLINE_ERRORS);
      const message = known.code === 'VALIDATION_FAILED' ? '请选择要上传的 CSV 或 XLSX 文件。' : known.code === 'FORBIDDEN' ? '您无权为所选机构导入热线工单。' : known.messageZh;
      return formPage(request, reply, known.status, { organizationId: organizationField, error: message });
    }
  });

  app.post('/console/hotline/import/confirm', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const fields = formFields(request.body);
    const organizationId = Number(fields['organizationId']);
    const token = fields['sha256'] ?? '';
    const fileName = (fields['fileName'] ?? '').slice(0, 255) || 'hotline.csv';
    const data = await readPendingUpload(ctx.config.dataDir, token);
    if (!data || !Number.isInteger(organizationId) || organizationId <= 0) {
      return formPage(request, reply, 400, { organizationId: fields['organizationId'] ?? '', error: '待导入的文件已失效（已导入或超过一天），请重新上传。' });
    }
    try {
      const result = await importHotlineOrders(ctx, request.actor, { organizationId, fileName, data, dryRun: false });
      if (result.issues.length === 0) await dropPendingUpload(ctx.config.dataDir, token);
      return await resultPage(request, reply, { fileName, organizationId, result, confirmToken: null });
    } catch (error) {
      const known = inlineErrorOf(error, IMPORT_INLINE_ERRORS);
      return formPage(request, reply, known.status, { organizationId: String(organizationId), error: known.code === 'FORBIDDEN' ? '您无权为所选机构导入热线工单。' : known.messageZh });
    }
  });

  return Promise.resolve();
}
