/**
 * The console page of imported published reports (`/console/reports/imports`): upload a report
 * file (multipart; the form carries its CSRF token in the query, `?_csrf=`, as the catalog import
 * does, because a multipart body is not parsed before the check), optionally pick the
 * organization and year, and see every import with its findings counted. After an import the
 * browser is sent back to the list (303) with a notice. Permission: `reports.import`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/policy.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { readFileUpload } from '../http/uploads.ts';
import { listOrganizations } from '../organizations/organization.service.ts';
import { organizationDepth } from '../organizations/organization.ts';
import { ERROR_CODES } from '../shared/errors.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { importedNotice, importedReportsPage } from './imported-report-console.views.ts';
import type { ImportOrganizationChoice } from './imported-report-console.views.ts';
import type { ImportedReportSummary } from './imported-report.repository.ts';
import { importReport, listImportsForStaff } from './imported-report.service.ts';

/** Errors the form shows above itself (the file or a choice was wrong); others are error pages. */
const INLINE_ERRORS: ReadonlySet<string> = new Set([
  'UPLOAD_TOO_LARGE',
  'UPLOAD_TYPE',
  'VALIDATION_FAILED',
  'ORGANIZATION_UNKNOWN',
  'FORBIDDEN',
  'INPUT_EMPTY',
  'INPUT_TOO_LARGE',
  'INPUT_UNSUPPORTED',
  'INPUT_CORRUPT',
  'NOT_A_REPORT',
]);

const PAGE = '/console/reports/imports';

/** The organizations (in tree order) the actor may import reports for. */
async function importChoices(ctx: AppContext, actor: Actor): Promise<ImportOrganizationChoice[]> {
  const all = await listOrganizations(ctx, actor);
  return all.filter((o) => can(actor, 'reports.import', { organizationPath: o.path })).map((o) => ({ id: o.id, name: o.name, depth: organizationDepth(o.path) }));
}

/** Registers the routes of this module. */
export function importedReportConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const render = async (
    request: FastifyRequest,
    csrf: string,
    extra: { values?: { organizationId?: string; year?: string }; error?: string; notice?: string; imports?: ImportedReportSummary[] } = {},
  ): Promise<string> => {
    const imports = extra.imports ?? (await listImportsForStaff(ctx, request.actor));
    const body = importedReportsPage({
      csrf,
      organizations: await importChoices(ctx, request.actor),
      imports,
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.error ? { error: extra.error } : {}),
    });
    return consolePage(request, csrf, '导入已公开的年度报告', body, extra.notice);
  };

  app.get(
    PAGE,
    { schema: { hide: true, querystring: z.object({ imported: recordIdSchema.optional(), again: z.literal('1').optional() }) }, onRequest: requireStaffPage },
    async (request, reply) => {
      const csrf = reply.generateCsrf();
      // One read of the list serves both the notice and the page.
      const imports = await listImportsForStaff(ctx, request.actor);
      const notice = request.query.imported === undefined ? undefined : importedNotice(imports.find((r) => r.id === request.query.imported), request.query.again !== '1');
      return reply.type('text/html; charset=utf-8').send(await render(request, csrf, { imports, ...(notice ? { notice } : {}) }));
    },
  );

  app.post(PAGE, { schema: { hide: true }, onRequest: requireStaffPage }, async (request, reply) => {
    const { upload, fields } = await readFileUpload(request);
    const values = { organizationId: fields['organizationId'] ?? '', year: (fields['year'] ?? '').trim() };
    const fail = async (message: string, status: number): Promise<FastifyReply> =>
      reply.code(status).type('text/html; charset=utf-8').send(await render(request, reply.generateCsrf(), { values, error: message }));
    const organizationId = values.organizationId === '' ? undefined : Number(values.organizationId);
    if (organizationId !== undefined && !(Number.isInteger(organizationId) && organizationId > 0)) return fail('请选择报告所属的机构。', 400);
    if (values.year !== '' && !/^\d{4}$/.test(values.year)) return fail('报告年度应为四位数字，如 2017。', 400);
    try {
      const outcome = await importReport(ctx, request.actor, {
        bytes: upload.data,
        fileName: upload.fileName,
        ...(organizationId !== undefined ? { organizationId } : {}),
        ...(values.year !== '' ? { year: Number(values.year) } : {}),
      });
      return reply.redirect(`${PAGE}?imported=${outcome.report.id}${outcome.created ? '' : '&again=1'}`, 303);
    } catch (error) {
      const known = inlineErrorOf(error, INLINE_ERRORS);
      // The catalogue's Chinese message, with the field issues' Chinese; the detail is English.
      const detail = known.issues.map((i) => i.messageZh).join('；');
      return fail(`${ERROR_CODES[known.code].zh}${detail !== '' ? `：${detail}` : '。'}`, known.status);
    }
  });

  return Promise.resolve();
}
