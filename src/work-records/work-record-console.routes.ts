/**
 * The console pages of the OGI work records: `/console/work-records?organizationId=&year=` (the
 * year's figures, the staffing form, the four lists with their add forms), the edit page of one
 * record, and the forms' posts (each carries `_csrf`; success redirects with 303, a rejected form
 * is shown again with its errors). Thin: every route calls services, where permissions are checked.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { can } from '../auth/policy.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { formToStaffing, formToWorkRecord, staffingFormValues, WORK_RECORD_PATHS, workRecordFormValues } from './work-record.schema.ts';
import { createWorkRecord, deleteWorkRecord, getStaffing, getWorkRecord, listWorkRecords, saveStaffing, updateWorkRecord, workRecordFiguresFor, workRecordOrganizations } from './work-record.service.ts';
import { fieldPrefix, workRecordEditPage, workRecordsPage } from './work-record.views.ts';
import type { KindSection, WorkRecordsPageModel } from './work-record.views.ts';
import { WORK_RECORD_KINDS } from './work-record.ts';
import type { WorkRecordKind, WorkRecordMeta } from './work-record.ts';

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };
const PAGE_TITLE = '政府信息公开工作台账';

/** Errors shown on the form instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

/** Flash messages after a successful action (`?done=`). */
const DONE_NOTICES: Readonly<Record<string, string>> = { staffing: '机构、人员和经费已保存', created: '已登记', saved: '已保存', deleted: '已删除' };

/** The list kind of a URL segment, or `NOT_FOUND`. */
function kindOfPath(path: string): WorkRecordKind {
  const kind = WORK_RECORD_KINDS.find((k) => WORK_RECORD_PATHS[k] === path);
  if (!kind) throw new GongkaiError('NOT_FOUND', path);
  return kind;
}

/** The unprefixed fields of a list kind's form. */
function unprefixed(kind: WorkRecordKind, values: Record<string, string>): Record<string, string> {
  const prefix = fieldPrefix(kind);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  return out;
}

/** Field errors of a service error, with the list's prefix (`<prefix>form` when no field is named). */
function fieldErrors(error: GongkaiError, prefix: string, formKey = `${prefix}form`): FieldErrors {
  const out = issuesToFieldErrors(error.issues, (field) => `${prefix}${field}`);
  if (Object.keys(out).length === 0) {
    out[formKey] = error.code === 'FORBIDDEN' ? '您无权修改该机关的工作台账' : error.code === 'CONFLICT' ? '该记录已被他人修改或删除，请刷新页面后重试' : error.messageZh;
  }
  return out;
}

/** A four-digit year of a form or query field, or undefined. */
function yearOf(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  return /^\d{4}$/.test(t) && Number(t) >= 2000 ? Number(t) : undefined;
}

/** What a re-rendered page shows besides the stored data: a rejected form's values and errors. */
interface PageOverrides {
  staffing?: { values: Record<string, string>; errors: FieldErrors };
  kind?: { kind: WorkRecordKind; values: Record<string, string>; errors: FieldErrors };
}

/** Registers the console routes of this module. */
export function workRecordConsoleRoutes(app: GongkaiApp, ctx: AppContext): void {
  const inlineError = (error: unknown): GongkaiError => inlineErrorOf(error, INLINE_ERRORS);

  const renderPage = async (request: FastifyRequest, reply: FastifyReply, query: { organizationId: string; year: string }, status: number, overrides: PageOverrides = {}, notice?: string): Promise<FastifyReply> => {
    const actor = request.actor;
    const organizations = await workRecordOrganizations(ctx, actor, 'work_records.read');
    const only = organizations.length === 1 ? organizations[0] : undefined;
    const organizationId = query.organizationId === '' && only ? only.id : Number(query.organizationId);
    const organization = organizations.find((o) => o.id === organizationId);
    const yearText = query.year.trim() === '' ? today(ctx.clock).slice(0, 4) : query.year.trim();
    const year = yearOf(yearText);
    const filterErrors: FieldErrors = {};
    if (year === undefined) filterErrors['year'] = '年度应为四位年份，如 2026';
    if (query.organizationId !== '' && !organization) filterErrors['organizationId'] = '请选择您有权查看的机关';
    let chosen: WorkRecordsPageModel['chosen'] = null;
    if (organization && year !== undefined) {
      const hasChildren = organizations.some((o) => o.path !== organization.path && o.path.startsWith(organization.path));
      const [staffing, own, subtree] = await Promise.all([
        getStaffing(ctx, actor, organization.id, year),
        workRecordFiguresFor(ctx, actor, organization.id, year, false),
        hasChildren ? workRecordFiguresFor(ctx, actor, organization.id, year, true) : Promise.resolve(null),
      ]);
      const sections = {} as Record<WorkRecordKind, KindSection>;
      for (const kind of WORK_RECORD_KINDS) {
        const { records } = await listWorkRecords(ctx, actor, kind, organization.id, year);
        const override = overrides.kind?.kind === kind ? overrides.kind : undefined;
        sections[kind] = { records: records as unknown as (WorkRecordMeta & Record<string, unknown>)[], values: override?.values ?? (kind === 'meeting' ? { kind: 'working' } : kind === 'complaint' ? { channel: 'letter' } : {}), errors: override?.errors ?? {} };
      }
      chosen = {
        organization,
        year,
        own: own.figures,
        subtree: subtree ? subtree.figures : null,
        staffing: staffing.staffing,
        staffingValues: overrides.staffing?.values ?? staffingFormValues(staffing.staffing),
        staffingErrors: overrides.staffing?.errors ?? {},
        sections,
        canManage: can(actor, 'work_records.manage', { organizationPath: organization.path }),
      };
    }
    const csrf = reply.generateCsrf();
    const body = workRecordsPage({ csrf, organizations, filter: { organizationId: organization ? String(organization.id) : query.organizationId, year: yearText }, filterErrors, chosen });
    return reply.code(Object.keys(filterErrors).length > 0 && status === 200 ? 400 : status).type(HTML).send(consolePage(request, csrf, PAGE_TITLE, body, notice));
  };

  const back = (organizationId: number | string, year: number | string | undefined, done: string, anchor: string): string =>
    // Form values go into a Location header: encoded, whatever was posted.
    `/console/work-records?organizationId=${encodeURIComponent(String(organizationId))}${year !== undefined && year !== '' ? `&year=${encodeURIComponent(String(year))}` : ''}&done=${encodeURIComponent(done)}#${encodeURIComponent(anchor)}`;

  const pageQuery = z.object({ organizationId: z.string().max(12).optional(), year: z.string().max(8).optional(), done: z.string().max(20).optional() });
  app.get('/console/work-records', { ...GUARD, schema: { hide: true, querystring: pageQuery } }, async (request, reply) =>
    renderPage(request, reply, { organizationId: request.query.organizationId ?? '', year: request.query.year ?? '' }, 200, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
  );

  app.post('/console/work-records/staffing', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request.body);
    const query = { organizationId: values['organizationId'] ?? '', year: values['year'] ?? '' };
    try {
      const expected = values['expectedUpdatedAt'];
      await saveStaffing(ctx, request.actor, Number(query.organizationId), yearOf(query.year) ?? Number.NaN, formToStaffing(values), { expectedUpdatedAt: expected === undefined || expected === '' ? null : expected });
      return await reply.redirect(back(query.organizationId, query.year, 'staffing', 'staffing-section'), 303);
    } catch (error) {
      const known = inlineError(error);
      return renderPage(request, reply, query, known.status, { staffing: { values, errors: fieldErrors(known, '', 'staffing') } });
    }
  });

  const pathParams = z.object({ path: z.string().max(40) });
  app.post('/console/work-records/:path', { ...GUARD, schema: { hide: true, params: pathParams } }, async (request, reply) => {
    const kind = kindOfPath(request.params.path);
    const all = formFields(request.body);
    const values = unprefixed(kind, all);
    const query = { organizationId: all['organizationId'] ?? '', year: all['year'] ?? '' };
    try {
      await createWorkRecord(ctx, request.actor, kind, Number(query.organizationId), formToWorkRecord(kind, values));
      return await reply.redirect(back(query.organizationId, query.year, 'created', WORK_RECORD_PATHS[kind]), 303);
    } catch (error) {
      const known = inlineError(error);
      return renderPage(request, reply, query, known.status, { kind: { kind, values, errors: fieldErrors(known, fieldPrefix(kind)) } });
    }
  });

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, kind: WorkRecordKind, id: number, year: string, status: number, values: Record<string, string> | null, errors: FieldErrors): Promise<FastifyReply> => {
    const { record, organization } = await getWorkRecord(ctx, request.actor, kind, id);
    const csrf = reply.generateCsrf();
    const body = workRecordEditPage({ csrf, kind, id, organization, year, values: values ?? workRecordFormValues(kind, record), errors, expectedUpdatedAt: record.updatedAt });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, PAGE_TITLE, body));
  };

  const recordParams = z.object({ path: z.string().max(40), id: recordIdSchema });
  app.get('/console/work-records/:path/:id/edit', { ...GUARD, schema: { hide: true, params: recordParams, querystring: z.object({ year: z.string().max(8).optional() }) } }, async (request, reply) =>
    renderEdit(request, reply, kindOfPath(request.params.path), request.params.id, request.query.year ?? '', 200, null, {}),
  );

  app.post('/console/work-records/:path/:id', { ...GUARD, schema: { hide: true, params: recordParams } }, async (request, reply) => {
    const kind = kindOfPath(request.params.path);
    const id = request.params.id;
    const all = formFields(request.body);
    const values = unprefixed(kind, all);
    try {
      const after = await updateWorkRecord(ctx, request.actor, kind, id, formToWorkRecord(kind, values), all['expectedUpdatedAt'] || undefined);
      return await reply.redirect(back(after.organizationId, all['year'], 'saved', WORK_RECORD_PATHS[kind]), 303);
    } catch (error) {
      const known = inlineError(error);
      if (known.code === 'NOT_FOUND') throw error;
      return renderEdit(request, reply, kind, id, all['year'] ?? '', known.status, values, fieldErrors(known, fieldPrefix(kind)));
    }
  });

  app.post('/console/work-records/:path/:id/delete', { ...GUARD, schema: { hide: true, params: recordParams } }, async (request, reply) => {
    const kind = kindOfPath(request.params.path);
    const all = formFields(request.body);
    const { organization } = await getWorkRecord(ctx, request.actor, kind, request.params.id);
    const query = { organizationId: String(organization.id), year: all['year'] ?? '' };
    try {
      await deleteWorkRecord(ctx, request.actor, kind, request.params.id, all['expectedUpdatedAt'] || undefined);
      return await reply.redirect(back(organization.id, query.year, 'deleted', WORK_RECORD_PATHS[kind]), 303);
    } catch (error) {
      const known = inlineError(error);
      return renderPage(request, reply, query, known.status, { kind: { kind, values: {}, errors: fieldErrors(known, fieldPrefix(kind)) } });
    }
  });
}
