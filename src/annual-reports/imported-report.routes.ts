/**
 * The API of imported published reports: `POST /api/reports/imports` reads, checks and files a
 * published report (multipart field `file`; query `organizationId`, `year`), as the console page and
 * `gongkai report import` do. Permission (`reports.import`) is checked by the service.
 */
import { z } from 'zod';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { readFileUpload } from '../http/uploads.ts';
import { countBySeverity } from '../reports/render/finding-index.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { importReport } from './imported-report.service.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './report-compute.service.ts';

const importQuerySchema = z.object({
  /** The organization the report belongs to; omitted: matched by the name the reader finds. */
  organizationId: recordIdSchema.optional(),
  /** The report year; omitted: the year the reader finds. */
  year: z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR).optional(),
});

const severityCounts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

/** What an import answers. */
export const importedReportResultSchema = z.object({
  id: z.number().int(),
  created: z.boolean().describe('false when the same file was already imported for the same organization and year: nothing was written'),
  organizationId: z.number().int().nullable().describe('the organization it was filed under; null when unmatched'),
  year: z.number().int().nullable(),
  formatId: z.enum(['2014', '2019', '2021']),
  fileName: z.string(),
  sha256: z.string(),
  findings: severityCounts.describe("the checker's findings by severity"),
  url: z.string().describe('the public page of the import'),
});

/** Registers the routes of this module. */
export function importedReportApiRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.post(
    '/api/reports/imports',
    {
      schema: {
        summary: 'Import a published annual report (PDF, DOCX, HTML or text; multipart field `file`): read, checked and filed',
        tags: ['reports'],
        consumes: ['multipart/form-data'],
        security: [{ bearer: [] }],
        querystring: importQuerySchema,
        response: { 200: importedReportResultSchema },
      },
    },
    async (request) => {
      const { upload } = await readFileUpload(request);
      const { organizationId, year } = request.query;
      const outcome = await importReport(ctx, request.actor, {
        bytes: upload.data,
        fileName: upload.fileName,
        ...(organizationId !== undefined ? { organizationId } : {}),
        ...(year !== undefined ? { year } : {}),
      });
      const { report } = outcome;
      return {
        id: report.id,
        created: outcome.created,
        organizationId: report.organizationId,
        year: report.year,
        formatId: report.formatId,
        fileName: report.fileName,
        sha256: report.sha256,
        findings: countBySeverity(report.findings),
        url: `/reports/imported/${report.id}`,
      };
    },
  );
  return Promise.resolve();
}
