/**
 * The portal's annual-report pages (2019 art. 49–50: every organization publishes its annual
 * report on its website; issue 5 item 7): the list of every organization's reports by year
 * (/reports, filters `org` and `year`), a published report (/reports/:orgId/:year), an imported
 * report with its findings (/reports/imported/:id) and its original file (…/file). Published and
 * imported reports only: a draft, submitted, returned or accepted report is a 404. The downloads of
 * published reports are in annual-report-export.routes.ts.
 */
import { z } from 'zod';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { sendStoredFile } from '../http/uploads.ts';
import { renderPage } from '../http/views/layout.ts';
import type { Actor } from '../auth/actor.ts';
import { GongkaiError } from '../shared/errors.ts';
import { REPORT_PAGE_HEAD, importedReportBody, publishedReportBody, publishedReportTitle, reportListBody } from './annual-report-portal.views.ts';
import { getImportedReport, getImportedReportFile } from './imported-report.service.ts';
import { compareReports } from './report-comparison.ts';
import { comparisonSection } from './report-comparison.views.ts';
import { checkReport } from '../reports/checker/check-report.ts';
import { findPublishedReport, getPublishedReport, listPublishedReports } from './published-report.service.ts';
import type { PublishedReportQuery } from './published-report.service.ts';
import { reportTitle } from './computed-report.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './report-compute.service.ts';

/**
 * A numeric id from a path segment (1 to 2147483647, no sign or leading zero).
 * @throws GongkaiError `NOT_FOUND` for anything else: a page that does not exist, not a bad request
 */
export function reportPathId(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw new GongkaiError('NOT_FOUND');
  return Number(value);
}

/**
 * A report year from a path segment (four digits, matched by the route).
 * @throws GongkaiError `NOT_FOUND` outside {@link MIN_REPORT_YEAR}–{@link MAX_REPORT_YEAR}
 */
export function reportPathYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < MIN_REPORT_YEAR || year > MAX_REPORT_YEAR) throw new GongkaiError('NOT_FOUND');
  return year;
}

/** An empty form field counts as absent. */
const blankToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

const listQuery = z.object({
  org: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR).optional()),
});

/** Registers the routes of this module. */
export function annualReportPortalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const page = (title: string, actor: Actor, body: SafeHtml, head?: SafeHtml): string =>
    renderPage({ title, area: 'portal', actor, body, head: head ? html`${REPORT_PAGE_HEAD}${head}` : REPORT_PAGE_HEAD });

  app.get('/reports', { schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const q = request.query;
    const query: PublishedReportQuery = {};
    if (q.org !== undefined) query.organizationId = q.org;
    if (q.year !== undefined) query.year = q.year;
    const list = await listPublishedReports(ctx, request.actor, query);
    return reply.type('text/html; charset=utf-8').send(page('政府信息公开工作年度报告', request.actor, reportListBody(list, query)));
  });

  app.get('/reports/imported/:id', { schema: { hide: true, params: z.object({ id: z.string() }) } }, async (request, reply) => {
    const { report, organization } = await getImportedReport(ctx, request.actor, reportPathId(request.params.id));
    const title = report.structured.title ?? (report.year === null ? report.fileName : reportTitle(organization?.name ?? report.organizationName ?? '', report.year));
    // The report computed from records for the same organization and year, when it is published in the same format.
    const counterpart = organization && report.year !== null ? await findPublishedReport(ctx, request.actor, organization.id, report.year) : null;
    const comparison =
      counterpart && counterpart.stored.formatId === report.formatId
        ? comparisonSection({
            comparison: compareReports(report.structured, counterpart.report, report.formatId),
            computedHref: `/reports/${counterpart.organization.id}/${counterpart.stored.year}`,
            computedTitle: publishedReportTitle(counterpart),
            importedFindings: report.findings,
            computedFindings: checkReport(counterpart.report),
          })
        : html``;
    return reply.type('text/html; charset=utf-8').send(page(title, request.actor, html`${importedReportBody(report, organization)}${comparison}`));
  });

  app.get('/reports/imported/:id/file', { schema: { hide: true, params: z.object({ id: z.string() }) } }, async (request, reply) => {
    const { report, filePath } = await getImportedReportFile(ctx, request.actor, reportPathId(request.params.id));
    // An uploaded HTML original must never run in the portal's origin.
    void reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
    return sendStoredFile(reply, report, filePath, 'public, max-age=3600');
  });

  app.get('/reports/:orgId/:year(^\\d{4}$)', { schema: { hide: true, params: z.object({ orgId: z.string(), year: z.string() }) } }, async (request, reply) => {
    const published = await getPublishedReport(ctx, request.actor, reportPathId(request.params.orgId), reportPathYear(request.params.year));
    const title = publishedReportTitle(published);
    const head = html`<link rel="canonical" href="${ctx.config.publicUrl}/reports/${published.organization.id}/${published.stored.year}">`;
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(page(title, request.actor, publishedReportBody(published), head));
  });

  return Promise.resolve();
}
