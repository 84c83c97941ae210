/**
 * Annual-report downloads (issue 5 item 7): a published report's files on the portal,
 * `GET /reports/:orgId/:year.docx|.pdf|.xlsx|.json` (public; the frozen snapshot), and staff
 * exports in every kind, `GET /api/reports/:orgId/:year/export?format=docx|pdf|xlsx|json|html|md`
 * (`reports.read`; the draft computed from the records now, the snapshot once submitted).
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { contentDisposition } from '../http/uploads.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { reportPathId, reportPathYear } from './annual-report-portal.routes.ts';
import { getPublishedReport } from './published-report.service.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './report-compute.service.ts';
import { EXPORT_KINDS, EXPORT_MEDIA_TYPES, PUBLIC_EXPORT_KINDS, exportFileName, exportReport } from './report-export.ts';
import type { ExportKind } from './report-export.ts';
import { reportForExport } from './report-export.service.ts';

/** Path of the staff export API. */
const exportParams = z.object({
  /** The organization whose report it is. */
  orgId: recordIdSchema,
  /** The report year. */
  year: z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR),
});

/** Query of the staff export API. */
const exportQuery = z.object({
  /** The file kind: DOCX, PDF, XLSX (official layout), JSON (structured report), HTML or Markdown (with the findings). */
  format: z.enum(EXPORT_KINDS).default('json'),
});

/** Sends the file of a report. HTML is shown in the browser (every report text in it is escaped); the rest download. */
function sendExport(reply: FastifyReply, body: Buffer | string, kind: ExportKind, fileName: string, cacheControl: string): FastifyReply {
  return reply
    .type(EXPORT_MEDIA_TYPES[kind])
    .header('Content-Disposition', contentDisposition(fileName, kind === 'html' ? 'inline' : 'attachment'))
    .header('Cache-Control', cacheControl)
    .send(body);
}

/** Registers the routes of this module. */
export function annualReportExportRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get(
    `/reports/:orgId/:year(^\\d{4}).:kind(^(${PUBLIC_EXPORT_KINDS.join('|')})$)`,
    { schema: { hide: true, params: z.object({ orgId: z.string(), year: z.string(), kind: z.enum(PUBLIC_EXPORT_KINDS) }) } },
    async (request, reply) => {
      const { orgId, year, kind } = request.params;
      const published = await getPublishedReport(ctx, request.actor, reportPathId(orgId), reportPathYear(year));
      const body = await exportReport(published.report, published.findings, kind);
      return sendExport(reply, body, kind, exportFileName(published.organization.name, published.stored.year, kind), 'public, max-age=300');
    },
  );

  app.get(
    '/api/reports/:orgId/:year/export',
    {
      schema: {
        summary: 'Export an organization\'s annual report of a year as DOCX, PDF, XLSX, JSON, HTML or Markdown',
        description:
          'Before submission the report is computed from the records at the time of the call; once submitted (and when accepted or published) the frozen snapshot is exported. JSON is the StructuredReport (schema/structured-report.v1.schema.json); HTML and Markdown include the checker\'s findings. Header X-Report-Source tells which: snapshot or computed.',
        tags: ['reports'],
        security: [{ bearer: [] }],
        params: exportParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { orgId, year } = request.params;
      const kind = request.query.format;
      const found = await reportForExport(ctx, request.actor, orgId, year);
      const body = await exportReport(found.report, found.findings, kind);
      void reply.header('X-Report-Source', found.source);
      return sendExport(reply, body, kind, exportFileName(found.organization.name, year, kind), 'private, no-store');
    },
  );

  return Promise.resolve();
}
