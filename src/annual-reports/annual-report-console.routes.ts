/**
 * The staff console's annual report pages (/console/reports…): the list of the user's
 * organizations with their report of a year, and the report page with its forms (narrative,
 * scope and members, hand-entered figures, check, submit, return, accept, publish).
 * Server-rendered Chinese HTML, no JavaScript; every form posts `_csrf`; POST-redirect-GET with a
 * notice. A refused action re-renders the page with the reason (and what was typed); permission
 * errors get the error page. The services check every permission.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formFields } from '../auth/form-view.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { today } from '../shared/clock.ts';
import type { GongkaiError } from '../shared/errors.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { MEMBER_PRESETS } from './annual-report.ts';
import type { MemberPreset } from './annual-report.ts';
import { reportListPage, reportPage, reportUrl } from './annual-report-console.views.ts';
import type { ReportPageModel } from './annual-report-console.views.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './report-compute.service.ts';
import { setEntries } from './report-entry.service.ts';
import type { EntryInput } from './report-entry.service.ts';
import { acceptReport, checkStoredReport, getOrCreateReport, getReportWorkspace, listReportsOf, publishReport, reportFor, returnReport, saveReportOf, submitReport } from './report-workflow.service.ts';
import type { ReportSaveInput } from './report-workflow.service.ts';

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** Errors shown on the report page instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'REPORT_CHECK_FAILED', 'REPORT_LOCKED', 'ILLEGAL_TRANSITION', 'CONFLICT', 'FORMAT_UNKNOWN', 'NOT_FOUND']);

/** The notices after each successful action. */
const DONE_NOTICES: Readonly<Record<string, string>> = {
  saved: '已保存',
  scope: '统计范围已保存',
  entries: '填报数据已保存',
  unchanged: '填报数据没有变化',
  checked: '已完成检查',
  submitted: '年度报告已报送',
  returned: '年度报告已退回',
  accepted: '年度报告已审核通过',
  published: '年度报告已公开',
};

const paramsSchema = z.object({ orgId: recordIdSchema, year: z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR) });

/** Every value of a repeated form field (checkboxes), as strings. */
function formList(body: unknown, key: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const value = (body as Record<string, unknown>)[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A form's version field: a non-negative integer, or -1 (a stale or forged form gets CONFLICT). */
function versionOf(fields: Record<string, string>): number {
  const v = fields['version'] ?? '';
  return /^\d{1,9}$/.test(v) ? Number(v) : -1;
}

/** A typed number: full-width digits and grouping commas accepted; blank is null; anything else NaN (the service says why). */
function parseEntryValue(text: string): number | null {
  const s = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** Registers the routes of this module. */
export function annualReportConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const inlineError = (error: unknown): GongkaiError => inlineErrorOf(error, INLINE_ERRORS);

  const renderReport = async (request: FastifyRequest, reply: FastifyReply, orgId: number, year: number, status: number, extra: Pick<ReportPageModel, 'error' | 'typed'> & { notice?: string | undefined } = {}): Promise<FastifyReply> => {
    const workspace = await getReportWorkspace(ctx, request.actor, orgId, year);
    const csrf = reply.generateCsrf();
    const body = reportPage({ csrf, workspace, today: today(ctx.clock), error: extra.error, typed: extra.typed });
    const title = `${workspace.computed.organization.name}${year}年度报告`;
    return reply.code(status).type(HTML).send(consolePage(request, csrf, title, body, extra.notice));
  };

  /** Runs a form's action: redirects on success, re-renders the page with the refusal otherwise. */
  const act = async (request: FastifyRequest, reply: FastifyReply, orgId: number, year: number, done: string, run: () => Promise<string | void>, typed?: ReportPageModel['typed']): Promise<FastifyReply> => {
    try {
      const outcome = await run();
      return await reply.redirect(`${reportUrl(orgId, year)}?done=${outcome ?? done}`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderReport(request, reply, orgId, year, known.status, { error: { messageZh: known.messageZh, issues: known.issues }, typed });
    }
  };

  app.get('/console/reports', { ...GUARD, schema: { hide: true, querystring: z.object({ year: z.string().max(8).optional() }) } }, async (request, reply) => {
    const thisYear = Number(today(ctx.clock).slice(0, 4));
    const asked = Number(request.query.year ?? '');
    // Reports are written in the year after the one they report on.
    const year = Number.isInteger(asked) && asked >= MIN_REPORT_YEAR && asked <= thisYear ? asked : thisYear - 1;
    const rows = await listReportsOf(ctx, request.actor, year);
    const years = Array.from({ length: thisYear - MIN_REPORT_YEAR + 1 }, (_, i) => thisYear - i);
    const csrf = reply.generateCsrf();
    return reply.type(HTML).send(consolePage(request, csrf, `${year}年度报告`, reportListPage({ year, years, rows })));
  });

  app.get('/console/reports/:orgId/:year', { ...GUARD, schema: { hide: true, params: paramsSchema, querystring: z.object({ done: z.string().max(20).optional() }) } }, async (request, reply) => {
    const done = request.query.done;
    return renderReport(request, reply, request.params.orgId, request.params.year, 200, { notice: done !== undefined ? DONE_NOTICES[done] : undefined });
  });

  app.post('/console/reports/:orgId/:year/save', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    const fields = formFields(request.body);
    const version = versionOf(fields);
    if (fields['part'] === 'scope') {
      const presets = formList(request.body, 'presets').filter((p): p is MemberPreset => (MEMBER_PRESETS as readonly string[]).includes(p));
      const members = formList(request.body, 'members').filter((m) => /^\d{1,10}$/.test(m)).map(Number);
      const scope = fields['scope'] === 'own' ? 'own' : 'rollup';
      const input: Omit<ReportSaveInput, 'version'> = scope === 'own' ? { scope } : presets.length > 0 ? { scope, presets } : { scope, members };
      return act(request, reply, orgId, year, 'scope', async () => {
        await saveReportOf(ctx, request.actor, orgId, year, { ...input, version });
      });
    }
    const sections: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) if (key.startsWith('section:')) sections[key.slice('section:'.length)] = value;
    return act(
      request,
      reply,
      orgId,
      year,
      'saved',
      async () => {
        await saveReportOf(ctx, request.actor, orgId, year, { version, sections });
      },
      { sections },
    );
  });

  app.post('/console/reports/:orgId/:year/entries', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    const fields = formFields(request.body);
    const typed: Record<string, string> = {};
    const entries: EntryInput[] = [];
    for (const [key, text] of Object.entries(fields)) {
      if (!key.startsWith('entry:')) continue;
      const cell = key.slice('entry:'.length);
      typed[cell] = text;
      const note = (fields[`note:${cell}`] ?? '').trim();
      // Only what changed is written: the audit log then says what the office changed.
      if (text.trim() === (fields[`was:${cell}`] ?? '').trim() && note === (fields[`wasNote:${cell}`] ?? '').trim()) continue;
      const value = parseEntryValue(text);
      if (value === null && (fields[`was:${cell}`] ?? '').trim() === '') continue;
      entries.push({ cell, value, note: note === '' ? null : note });
    }
    return act(
      request,
      reply,
      orgId,
      year,
      'entries',
      async () => {
        if (entries.length === 0) return 'unchanged';
        await setEntries(ctx, request.actor, orgId, year, entries);
      },
      { entries: typed },
    );
  });

  app.post('/console/reports/:orgId/:year/check', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    return act(request, reply, orgId, year, 'checked', async () => {
      const report = await getOrCreateReport(ctx, request.actor, orgId, year);
      await checkStoredReport(ctx, request.actor, report.id);
    });
  });

  app.post('/console/reports/:orgId/:year/submit', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    const fields = formFields(request.body);
    const reason = fields['overrideReason'];
    const overrideReason = reason !== undefined && reason.trim() !== '' ? reason : undefined;
    return act(
      request,
      reply,
      orgId,
      year,
      'submitted',
      async () => {
        const { report } = await reportFor(ctx, request.actor, orgId, year, -1);
        await submitReport(ctx, request.actor, report.id, { version: versionOf(fields), overrideReason });
      },
      { overrideReason: reason ?? '' },
    );
  });

  app.post('/console/reports/:orgId/:year/return', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    const fields = formFields(request.body);
    return act(
      request,
      reply,
      orgId,
      year,
      'returned',
      async () => {
        const { report } = await reportFor(ctx, request.actor, orgId, year, -1);
        await returnReport(ctx, request.actor, report.id, { version: versionOf(fields), comment: fields['comment'] ?? '' });
      },
      { comment: fields['comment'] ?? '' },
    );
  });

  app.post('/console/reports/:orgId/:year/accept', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    const fields = formFields(request.body);
    return act(request, reply, orgId, year, 'accepted', async () => {
      const { report } = await reportFor(ctx, request.actor, orgId, year, -1);
      await acceptReport(ctx, request.actor, report.id, { version: versionOf(fields), comment: fields['comment'] });
    });
  });

  app.post('/console/reports/:orgId/:year/publish', { ...GUARD, schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { orgId, year } = request.params;
    const fields = formFields(request.body);
    const date = (fields['publicationDate'] ?? '').trim();
    return act(request, reply, orgId, year, 'published', async () => {
      const { report } = await reportFor(ctx, request.actor, orgId, year, -1);
      await publishReport(ctx, request.actor, report.id, { version: versionOf(fields), publicationDate: date === '' ? undefined : date });
    });
  });

  return Promise.resolve();
}
