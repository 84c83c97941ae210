/**
 * Catalog import (CSV/XLSX, dry run) and export: the console pages (/console/import, /console/export)
 * and the API (POST /api/items/import, GET /api/items/export). Uploads are multipart; the console
 * form carries its CSRF token in the query (`?_csrf=`) because a multipart body is not parsed before
 * the check. Permissions are checked by the services (`catalog.import`, `catalog.export`).
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/policy.ts';
import type { Action } from '../auth/policy.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { getOrganization, listOrganizations } from '../organizations/organization.service.ts';
import { organizationDepth } from '../organizations/organization.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import { EXPORT_MEDIA_TYPES, exportCatalog } from './catalog-export.ts';
import { importCatalog } from './catalog-import.ts';
import { importFormPage, importResultPage } from './catalog-import.view.ts';
import type { OrganizationChoice } from './catalog-import.view.ts';
import { ITEM_STATUSES } from './catalog-item.ts';
import type { ItemStatus } from './catalog-item.ts';
import { recordIdSchema } from '../shared/record-id.ts';

const statusCodes = ITEM_STATUSES.map((s) => s.code) as [ItemStatus, ...ItemStatus[]];

/** Query of the import API. */
const importQuerySchema = z.object({
  /** The organization that will own the items. */
  organizationId: recordIdSchema,
  /** `true`/`1`: only check the file. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

const issueSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string(), messageZh: z.string() });

/** The import result set (also the body of a dry run with bad rows). */
const importResultSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  issues: z.array(issueSchema),
  imported: z.number().int(),
  dryRun: z.boolean(),
  sha256: z.string(),
  firstId: z.number().int().nullable(),
  lastId: z.number().int().nullable(),
});

/** Query of the export API and page. */
const exportQuerySchema = z.object({
  organizationId: recordIdSchema,
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** `true`/`1`: include the organizations below. */
  includeSubtree: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  status: z.enum(statusCodes).optional(),
});

/** The uploaded file and text fields of a multipart request (the first file only). */
async function readUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: { name: string; data: Buffer } | null }> {
  if (!request.isMultipart()) throw new GongkaiError('UPLOAD_TYPE', 'send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { name: string; data: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (file === null && part.filename) file = { name: part.filename, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}

/** The organizations (in tree order) on which the actor may perform `action`. */
async function choices(ctx: AppContext, actor: Actor, action: Action): Promise<OrganizationChoice[]> {
  const all = await listOrganizations(ctx, actor);
  return all.filter((o) => can(actor, action, { organizationPath: o.path })).map((o) => ({ id: o.id, name: o.name, depth: organizationDepth(o.path) }));
}

function attachmentHeader(name: string): string {
  return `attachment; filename="${name}"`;
}

/** Registers the routes of this module. */
export function catalogImportRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const formPage = async (request: FastifyRequest, csrf: string, extra: { organizationId?: string; dryRun?: boolean; error?: string } = {}): Promise<string> =>
    renderPage({
      title: '批量导入与导出',
      area: 'console',
      actor: request.actor,
      csrfToken: csrf,
      body: importFormPage({
        csrf,
        importable: await choices(ctx, request.actor, 'catalog.import'),
        exportable: await choices(ctx, request.actor, 'catalog.export'),
        dryRun: extra.dryRun ?? true,
        ...(extra.organizationId !== undefined ? { organizationId: extra.organizationId } : {}),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
      }),
    });

  app.get('/console/import', { schema: { hide: true }, onRequest: requireStaffPage }, async (request, reply) => {
    const csrf = reply.generateCsrf();
    return reply.type('text/html; charset=utf-8').send(await formPage(request, csrf));
  });

  app.post('/console/import', { schema: { hide: true }, onRequest: requireStaffPage }, async (request, reply) => {
    const { fields, file } = await readUpload(request);
    const dryRun = fields['dryRun'] === '1';
    const organizationId = Number(fields['organizationId']);
    const problem = !Number.isInteger(organizationId) || organizationId <= 0 ? '请选择导入到的机构。' : !file || file.data.length === 0 ? '请选择要上传的 CSV 或 XLSX 文件。' : null;
    if (problem !== null || !file) {
      const csrf = reply.generateCsrf();
      return reply.code(400).type('text/html; charset=utf-8').send(await formPage(request, csrf, { organizationId: fields['organizationId'] ?? '', dryRun, error: problem ?? '' }));
    }
    let result;
    try {
      result = await importCatalog(ctx, request.actor, { organizationId, fileName: file.name, data: file.data, dryRun });
    } catch (error) {
      if (!(error instanceof GongkaiError) || !['INPUT_UNSUPPORTED', 'INPUT_CORRUPT', 'ORGANIZATION_UNKNOWN'].includes(error.code)) throw error;
      const csrf = reply.generateCsrf();
      return reply.code(error.status).type('text/html; charset=utf-8').send(await formPage(request, csrf, { organizationId: String(organizationId), dryRun, error: error.messageZh }));
    }
    const organization = await getOrganization(ctx, request.actor, organizationId);
    return reply
      .code(result.issues.length > 0 && !dryRun ? 400 : 200)
      .type('text/html; charset=utf-8')
      .send(
        renderPage({
          title: dryRun ? '导入校验结果' : '导入结果',
          area: 'console',
          actor: request.actor,
          csrfToken: reply.generateCsrf(),
          body: importResultPage({ fileName: file.name, organizationName: organization.name, result }),
        }),
      );
  });

  app.get(
    '/console/export',
    {
      schema: {
        hide: true,
        querystring: z.object({ org: recordIdSchema, format: z.enum(['csv', 'xlsx']).default('xlsx'), status: z.union([z.enum(statusCodes), z.literal('')]).optional(), subtree: z.string().optional() }),
      },
      onRequest: requireStaffPage,
    },
    async (request, reply) => {
      const q = request.query;
      const organization = await getOrganization(ctx, request.actor, q.org);
      const data = await exportCatalog(ctx, request.actor, { organizationId: q.org, format: q.format, includeSubtree: q.subtree === '1', ...(q.status ? { status: q.status } : {}) });
      return reply
        .type(EXPORT_MEDIA_TYPES[q.format])
        .header('Content-Disposition', attachmentHeader(`catalog-${organization.organizationCode}-${today(ctx.clock)}.${q.format}`))
        .send(data);
    },
  );

  app.post(
    '/api/items/import',
    {
      schema: {
        summary: 'Import catalog items from a CSV or XLSX file (multipart field `file`)',
        description:
          'Bad rows are reported with their row number (1 = first row below the header), field and message. With dryRun the result set is returned with 200 whatever it holds; otherwise a file with bad rows imports nothing and answers 400 IMPORT_INVALID with the issues.',
        tags: ['catalog'],
        consumes: ['multipart/form-data'],
        security: [{ bearer: [] }],
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const { file } = await readUpload(request);
      if (!file || file.data.length === 0) {
        throw new GongkaiError('VALIDATION_FAILED', 'file', { issues: [{ field: 'file', message: 'a CSV or XLSX file is required in the multipart field `file`', messageZh: '请上传 CSV 或 XLSX 文件' }] });
      }
      const { organizationId, dryRun } = request.query;
      const result = await importCatalog(ctx, request.actor, { organizationId, fileName: file.name, data: file.data, dryRun });
      if (!dryRun && result.issues.length > 0) {
        throw new GongkaiError('IMPORT_INVALID', `${result.invalid} of ${result.total} rows have errors`, { issues: result.issues });
      }
      return result;
    },
  );

  app.get(
    '/api/items/export',
    {
      schema: {
        summary: 'Export catalog items as CSV (UTF-8 with BOM) or XLSX, in the columns the import reads',
        tags: ['catalog'],
        security: [{ bearer: [] }],
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const organization = await getOrganization(ctx, request.actor, q.organizationId);
      const data = await exportCatalog(ctx, request.actor, { organizationId: q.organizationId, format: q.format, includeSubtree: q.includeSubtree, ...(q.status ? { status: q.status } : {}) });
      return reply
        .type(EXPORT_MEDIA_TYPES[q.format])
        .header('Content-Disposition', attachmentHeader(`catalog-${organization.organizationCode}-${today(ctx.clock)}.${q.format}`))
        .send(data);
    },
  );
  return Promise.resolve();
}
