/**
 * The annual reports API (/api/reports…): the computed report of an organization and year (cells
 * with where each number comes from, narrative, findings, workflow state), and the workflow's
 * changes: save the narrative and scope, enter figures by hand, check, submit, return, accept,
 * publish, and the steps history (2019 art. 49–50). Thin: zod parses the transport shape, the
 * services validate the domain and check permissions. Staff authenticate with a bearer token.
 */
import { z } from 'zod';
import { apiErrorSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { findingSchema } from '../reports/checker/finding.ts';
import { today } from '../shared/clock.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { MEMBER_PRESETS, REPORT_STATUSES } from './annual-report.ts';
import type { AnnualReport } from './annual-report.ts';
import { computeAnnualReport, MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './report-compute.service.ts';
import type { ComputedAnnualReport } from './report-compute.service.ts';
import { setEntries } from './report-entry.service.ts';
import type { EnteredFigure } from './report-figures.ts';
import { deadlineFor, isOverdue, MAX_COMMENT_CHARS } from './report-workflow.ts';
import { acceptReport, checkStoredReport, getOrCreateReport, listStepsOf, publishReport, reportFor, returnReport, saveReportOf, submitReport } from './report-workflow.service.ts';

const TAGS = ['reports'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema };

const yearSchema = z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR);
const formatIdSchema = z.enum(['2014', '2019', '2021']);

/** `/api/reports/{orgId}/{year}…` path parameters. */
const reportParamsSchema = z.object({ orgId: recordIdSchema, year: yearSchema });

const versionSchema = z.number().int().min(0).describe('the version read (GET /api/reports gives it; 0 when no report was stored yet)');

const enteredSchema = z.object({
  organizationId: z.number().int(),
  value: z.number(),
  source: z.string().describe('manual | import'),
  note: z.string().nullable(),
  enteredBy: z.number().int().nullable(),
  enteredAt: z.string(),
});

/** A hand-entered figure as the API shows it. */
function enteredToApi(e: EnteredFigure): z.infer<typeof enteredSchema> {
  return { organizationId: e.organizationId, value: e.value, source: e.source, note: e.note, enteredBy: e.enteredBy, enteredAt: e.enteredAt };
}

const deadlineSchema = z.object({ date: z.string().describe('YYYY-MM-DD, the last day on time'), article: z.string(), assumed: z.boolean() }).nullable();

const overrideSchema = z.object({ reason: z.string(), by: z.number().int().nullable(), at: z.string() }).nullable();

/** The computed report as GET /api/reports answers. */
const computedReportSchema = z.object({
  organization: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  year: z.number().int(),
  formatId: formatIdSchema,
  scope: z.enum(['own', 'rollup']),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })),
  status: z.enum(REPORT_STATUSES).nullable().describe('null until the report is started'),
  version: z.number().int().describe('0 until the report is stored'),
  frozen: z.boolean().describe('true once submitted: values and findings are the snapshot’s'),
  deadline: deadlineSchema,
  overdue: z.boolean(),
  cells: z.array(
    z.object({
      id: z.string(),
      value: z.number().nullable(),
      source: z.enum(['catalog', 'requests', 'reviews', 'engagement', 'work-records', 'entry', 'not-entered']),
      currentValue: z.number().optional().describe('when frozen and the records now give another number'),
      entries: z.array(enteredSchema).optional().describe('hand-entered figures summed into the cell'),
      documentItems: z.array(z.number().int()).optional().describe('catalog item ids counted'),
    }),
  ),
  narrative: z.object({
    sections: z.record(z.string(), z.string()).describe('the office’s rich text with placeholders'),
    bound: z.record(z.string(), z.string()).describe('with the numbers in place'),
    unfilled: z.array(z.string()),
    unbound: z.array(z.string()),
  }),
  findings: z.array(findingSchema),
  previous: z.object({ source: z.enum(['submitted', 'imported', 'computed']), year: z.number().int() }).nullable(),
  override: overrideSchema,
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publicationDate: z.string().nullable(),
});

/** A stored report as the workflow routes answer (without the snapshot: GET /api/reports shows its values). */
const storedReportSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  year: z.number().int(),
  formatId: formatIdSchema,
  scope: z.enum(['own', 'rollup']),
  members: z.array(z.number().int()).nullable(),
  status: z.enum(REPORT_STATUSES),
  sections: z.record(z.string(), z.string()),
  findings: z.array(findingSchema).nullable(),
  override: overrideSchema,
  submittedAt: z.string().nullable(),
  submittedBy: z.number().int().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.number().int().nullable(),
  reviewComment: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.number().int().nullable(),
  publicationDate: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Maps a stored report to its API shape. */
export function storedReportToApi(r: AnnualReport): z.infer<typeof storedReportSchema> {
  return {
    id: r.id,
    organizationId: r.organizationId,
    year: r.year,
    formatId: r.formatId,
    scope: r.scope,
    members: r.members,
    status: r.status,
    sections: r.sections,
    findings: r.findings,
    override: r.override,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    reviewedAt: r.reviewedAt,
    reviewedBy: r.reviewedBy,
    reviewComment: r.reviewComment,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
    publicationDate: r.publicationDate,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * Maps a computed report to its API shape: a frozen (submitted) report shows its snapshot's values
 * and findings, with the number the records give today where it differs.
 * @param todayDate `YYYY-MM-DD` China time, for `overdue`
 */
export function computedReportToApi(c: ComputedAnnualReport, todayDate: string): z.infer<typeof computedReportSchema> {
  const stored = c.stored;
  const snapshot = stored?.snapshot ?? null;
  const frozenValues = snapshot ? new Map(snapshot.cells.map((cell) => [cell.id, cell.value])) : null;
  const status = stored?.status ?? null;
  return {
    organization: { id: c.organization.id, name: c.organization.name, kind: c.organization.kind },
    year: c.year,
    formatId: c.formatId,
    scope: c.scope,
    members: c.members,
    status,
    version: stored?.version ?? 0,
    frozen: snapshot !== null,
    deadline: deadlineFor(c.year, c.organization.kind),
    overdue: isOverdue({ year: c.year, kind: c.organization.kind, status }, todayDate),
    cells: Object.entries(c.cells.values).map(([id, current]) => {
      const value = frozenValues ? (frozenValues.get(id) ?? null) : current;
      const entries = c.cells.entries[id];
      const items = c.cells.documentItems[id];
      return {
        id,
        value,
        source: c.cells.sources[id] ?? 'not-entered',
        ...(frozenValues && value !== current ? { currentValue: current } : {}),
        ...(entries && entries.length > 0 ? { entries: entries.map(enteredToApi) } : {}),
        ...(items && items.length > 0 ? { documentItems: items } : {}),
      };
    }),
    narrative: { sections: c.narrative.html, bound: c.narrative.boundHtml, unfilled: c.narrative.unfilled, unbound: c.narrative.unbound },
    findings: snapshot && stored?.findings ? stored.findings : c.findings,
    previous: c.previous,
    override: stored?.override ?? null,
    reviewComment: stored?.reviewComment ?? null,
    submittedAt: stored?.submittedAt ?? null,
    reviewedAt: stored?.reviewedAt ?? null,
    publishedAt: stored?.publishedAt ?? null,
    publicationDate: stored?.publicationDate ?? null,
  };
}

const reportQuerySchema = z.object({
  organizationId: recordIdSchema,
  year: yearSchema,
  /** Compute in another format than the stored report's (or the year's). */
  format: formatIdSchema.optional(),
});

const saveBodySchema = z
  .object({
    version: versionSchema,
    sections: z.record(z.string().max(40), z.string()).optional().describe('section id → rich text (HTML) with {{cell:…}} / {{fact:…}} placeholders'),
    scope: z.enum(['own', 'rollup']).optional(),
    members: z.array(recordIdSchema).max(100_000).optional().describe('a roll-up’s organizations (ids in the subtree)'),
    presets: z.array(z.enum(MEMBER_PRESETS)).optional().describe('a roll-up’s organizations by parts: self, departments, governments'),
    formatId: formatIdSchema.optional(),
  })
  .strict();

const entriesBodySchema = z
  .object({
    entries: z
      .array(z.object({ cell: z.string().max(80), value: z.number().nullable().describe('a count, or 万元 (up to 4 decimals); null removes the entry'), note: z.string().max(500).nullable().optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

const entriesResponseSchema = z.object({ entries: z.array(enteredSchema.extend({ cell: z.string() })) });

const checkResponseSchema = z.object({ report: storedReportSchema, findings: z.array(findingSchema), unfilled: z.array(z.string()), unbound: z.array(z.string()) });

const stepsResponseSchema = z.object({
  steps: z.array(z.object({ id: z.number().int(), step: z.string(), actorId: z.number().int().nullable(), actorName: z.string().nullable(), at: z.string(), comment: z.string().nullable() })),
});

/** Registers the annual reports API. */
export function annualReportApiRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  /** The stored report of a path (never created): for the steps that need one. */
  const stored = (request: { actor: Parameters<typeof reportFor>[1]; params: { orgId: number; year: number } }): Promise<AnnualReport> =>
    reportFor(ctx, request.actor, request.params.orgId, request.params.year, -1).then((r) => r.report);

  app.get(
    '/api/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'The annual report of an organization and year computed from the records: every cell with its source, the narrative bound to the cells, the checker’s findings and the workflow state',
        security: BEARER,
        querystring: reportQuerySchema,
        response: { 200: computedReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const computed = await computeAnnualReport(ctx, request.actor, { organizationId: q.organizationId, year: q.year, ...(q.format ? { formatId: q.format } : {}) });
      return computedReportToApi(computed, today(ctx.clock));
    },
  );

  app.put(
    '/api/reports/:orgId/:year',
    {
      schema: {
        tags: TAGS,
        summary: 'Save the narrative (sanitized), the roll-up’s scope and members, or the format of a draft or returned report; version 0 starts the report',
        security: BEARER,
        params: reportParamsSchema,
        body: saveBodySchema,
        response: { 200: storedReportSchema, ...errors },
      },
    },
    async (request) => {
      const { orgId, year } = request.params;
      const b = request.body;
      const saved = await saveReportOf(ctx, request.actor, orgId, year, {
        version: b.version,
        ...(b.sections !== undefined ? { sections: b.sections } : {}),
        ...(b.scope !== undefined ? { scope: b.scope } : {}),
        ...(b.members !== undefined ? { members: b.members } : {}),
        ...(b.presets !== undefined ? { presets: b.presets } : {}),
        ...(b.formatId !== undefined ? { formatId: b.formatId } : {}),
      });
      return storedReportToApi(saved);
    },
  );

  app.put(
    '/api/reports/:orgId/:year/entries',
    {
      schema: {
        tags: TAGS,
        summary: 'Enter figures no record holds (2021: table 二 decision counts and the fee amount in 万元), all or nothing; refused once the report is submitted',
        security: BEARER,
        params: reportParamsSchema,
        body: entriesBodySchema,
        response: { 200: entriesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const entries = await setEntries(ctx, request.actor, request.params.orgId, request.params.year, request.body.entries);
      return { entries: entries.map((e) => ({ cell: e.cell, ...enteredToApi(e) })) };
    },
  );

  app.post(
    '/api/reports/:orgId/:year/check',
    {
      schema: {
        tags: TAGS,
        summary: 'Compute and check the report (starting it when needed) and keep the findings',
        security: BEARER,
        params: reportParamsSchema,
        response: { 200: checkResponseSchema, ...errors },
      },
    },
    async (request) => {
      const report = await getOrCreateReport(ctx, request.actor, request.params.orgId, request.params.year);
      const checked = await checkStoredReport(ctx, request.actor, report.id);
      return { report: storedReportToApi(checked.report), findings: checked.findings, unfilled: checked.unfilled, unbound: checked.unbound };
    },
  );

  app.post(
    '/api/reports/:orgId/:year/submit',
    {
      schema: {
        tags: TAGS,
        summary: 'Submit to the competent OGI department (2019 art. 49): refused with REPORT_CHECK_FAILED on checker errors unless an approver gives overrideReason (≥ 10 characters); refused while the narrative has unfilled markers',
        security: BEARER,
        params: reportParamsSchema,
        body: z.object({ version: versionSchema, overrideReason: z.string().max(MAX_COMMENT_CHARS).optional() }).strict(),
        response: { 200: storedReportSchema, ...errors },
      },
    },
    async (request) => {
      const report = await stored(request);
      return storedReportToApi(await submitReport(ctx, request.actor, report.id, { version: request.body.version, overrideReason: request.body.overrideReason }));
    },
  );

  app.post(
    '/api/reports/:orgId/:year/return',
    {
      schema: {
        tags: TAGS,
        summary: 'Return a submitted report to the office with comments (the competent OGI department)',
        security: BEARER,
        params: reportParamsSchema,
        body: z.object({ version: versionSchema, comment: z.string().max(MAX_COMMENT_CHARS) }).strict(),
        response: { 200: storedReportSchema, ...errors },
      },
    },
    async (request) => {
      const report = await stored(request);
      return storedReportToApi(await returnReport(ctx, request.actor, report.id, request.body));
    },
  );

  app.post(
    '/api/reports/:orgId/:year/accept',
    {
      schema: {
        tags: TAGS,
        summary: 'Accept a submitted report (the competent OGI department)',
        security: BEARER,
        params: reportParamsSchema,
        body: z.object({ version: versionSchema, comment: z.string().max(MAX_COMMENT_CHARS).optional() }).strict(),
        response: { 200: storedReportSchema, ...errors },
      },
    },
    async (request) => {
      const report = await stored(request);
      return storedReportToApi(await acceptReport(ctx, request.actor, report.id, { version: request.body.version, comment: request.body.comment }));
    },
  );

  app.post(
    '/api/reports/:orgId/:year/publish',
    {
      schema: {
        tags: TAGS,
        summary: 'Publish an accepted report on the portal; publicationDate (YYYY-MM-DD) defaults to today, China time',
        security: BEARER,
        params: reportParamsSchema,
        body: z.object({ version: versionSchema, publicationDate: z.string().max(10).optional() }).strict(),
        response: { 200: storedReportSchema, ...errors },
      },
    },
    async (request) => {
      const report = await stored(request);
      return storedReportToApi(await publishReport(ctx, request.actor, report.id, { version: request.body.version, publicationDate: request.body.publicationDate }));
    },
  );

  app.get(
    '/api/reports/:orgId/:year/steps',
    {
      schema: {
        tags: TAGS,
        summary: 'The workflow steps of the report, oldest first (created, saved, checked, submitted, override, returned, accepted, published)',
        security: BEARER,
        params: reportParamsSchema,
        response: { 200: stepsResponseSchema, ...errors },
      },
    },
    async (request) => ({ steps: await listStepsOf(ctx, request.actor, request.params.orgId, request.params.year) }),
  );
  return Promise.resolve();
}
