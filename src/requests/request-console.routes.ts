/**
 * The staff console's requests pages (/console/requests…): the queue with in-app reminders, the
 * registration form, the case page with its action forms, and the documents of a case as DOCX or
 * PDF. Server-rendered Chinese HTML, no JavaScript; every form posts `_csrf`; POST-redirect-GET with
 * a notice. Anonymous visitors are redirected to the login page; the services check every
 * permission again (an action refused by the clock re-renders the page with the reason).
 */
import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../auth/auth.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { can } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { contentDisposition, readFileUpload } from '../http/uploads.ts';
import { addRequestAttachment, getRequestAttachment } from './request-attachment.service.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { getOrganization, listOrganizations } from '../organizations/organization.service.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import { receiptRule } from './receipt-date.ts';
import { buildDocx, buildPdf } from './reply-document.ts';
import { REPLY_DOCUMENT_KINDS } from './reply-templates.ts';
import type { ReplyDocumentKind } from './reply-templates.ts';
import { CHANNELS, OPEN_STATUSES } from './request-case.ts';
import type { Channel } from './request-case.ts';
import type { FailedAction } from './request-console-actions.views.ts';
import { casePage } from './request-console-case.views.ts';
import { caseDocumentModel, caseDocuments } from './request-console-documents.ts';
import { newCasePage, queuePage, QUEUE_TABS } from './request-console.views.ts';
import type { OrganizationChoice } from './request-console.views.ts';
import { REQUEST_EVENT_NAMES_ZH } from './request-event.ts';
import type { RequestEventKind } from './request-event.ts';
import type { QueueFilter } from './request.repository.ts';
import { newCaseSchema } from './request.schema.ts';
import { getCase, listQueue, recordEvent, registerRequest } from './request.service.ts';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };
const PAGE_SIZE = 50;

/** Errors shown on the form or case page instead of an error page (permission errors get the error page). */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ILLEGAL_TRANSITION', 'ORGANIZATION_UNKNOWN', 'CONFLICT', 'CALENDAR_YEAR_MISSING']);

/** The fields of the registration form (those of `newCaseSchema`). */
const NEW_CASE_FIELDS: readonly string[] = Object.keys(newCaseSchema.shape);

const MEDIA_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

const page = consolePage;

/** Rethrows anything that is not shown inline. */
const inlineError = (error: unknown): GongkaiError => inlineErrorOf(error, INLINE_ERRORS);

/** The registration form's errors: the derived date of receipt is reported on the date the channel uses. */
function newCaseErrors(error: GongkaiError, channel: string): FieldErrors {
  const dateField = (CHANNELS as readonly string[]).includes(channel) ? { signed: 'signedOn', confirmed: 'confirmedOn', submitted: 'submittedOn', arrived: 'submittedOn' }[receiptRule(channel as Channel, '9999-12-31').dateCounts] : 'submittedOn';
  const errors = issuesToFieldErrors(error.issues, (field) => (field === 'receivedOn' ? dateField : NEW_CASE_FIELDS.includes(field) ? field : 'form'));
  if (error.code === 'ORGANIZATION_UNKNOWN') errors['organizationId'] ??= '受理机关不存在';
  if (Object.keys(errors).length === 0) errors['form'] = error.messageZh;
  return errors;
}

const queueQuerySchema = z.object({
  filter: z.string().max(30).optional(),
  organizationId: z.string().max(12).optional(),
  page: z.coerce.number().int().positive().max(100_000).optional(),
});

const documentParamsSchema = z.object({
  id: recordIdSchema,
  file: z.string().regex(new RegExp(`^(${REPLY_DOCUMENT_KINDS.join('|')})\\.(docx|pdf)$`)),
});

const documentQuerySchema = z.object({
  consultation: recordIdSchema.optional(),
  paymentMethodZh: z.string().max(500).optional(),
  concernZh: z.string().max(500).optional(),
  documentNumber: z.string().max(60).optional(),
});

/** Registers the routes of this module. */
export function requestConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  /** The organizations where the actor may perform `action`, in tree order. */
  const organizationsFor = async (actor: Actor, action: 'requests.read' | 'requests.register'): Promise<OrganizationChoice[]> =>
    (await listOrganizations(ctx, actor)).filter((o) => can(actor, action, { organizationPath: o.path })).map((o) => ({ id: o.id, name: o.name }));

  const renderNewCase = async (request: FastifyRequest, reply: FastifyReply, status: number, values: Record<string, string>, errors: FieldErrors): Promise<FastifyReply> => {
    const csrf = reply.generateCsrf();
    const body = newCasePage({ csrf, values, errors, organizations: await organizationsFor(request.actor, 'requests.register'), today: today(ctx.clock) });
    return reply.code(status).type(HTML).send(page(request, csrf, '登记政府信息公开申请', body));
  };

  const renderCase = async (request: FastifyRequest, reply: FastifyReply, id: number, status: number, extra: { notice?: string | undefined; failed?: FailedAction; refusalZh?: string; attachmentError?: string } = {}): Promise<FastifyReply> => {
    const actor = request.actor;
    const view = await getCase(ctx, actor, id);
    const organization = await getOrganization(ctx, actor, view.organization.id);
    const csrf = reply.generateCsrf();
    const body = casePage({
      csrf,
      view,
      today: today(ctx.clock),
      canApproveExtension: can(actor, 'requests.approve_extension', { organizationPath: organization.path }),
      canHandle: can(actor, 'requests.handle', { organizationPath: organization.path }),
      attachmentError: extra.attachmentError,
      documents: caseDocuments(view),
      failed: extra.failed,
      refusalZh: extra.refusalZh,
    });
    return reply.code(status).type(HTML).send(page(request, csrf, `申请 ${view.trackingCode}`, body, extra.notice));
  };

  app.get('/console/requests', { ...GUARD, schema: { hide: true, querystring: queueQuerySchema } }, async (request, reply) => {
    const q = request.query;
    const filter: QueueFilter = QUEUE_TABS.find((t) => t.filter === q.filter)?.filter ?? 'open';
    const organizationId = /^\d{1,10}$/.test(q.organizationId ?? '') && Number(q.organizationId) <= MAX_RECORD_ID ? Number(q.organizationId) : null;
    const pageNumber = q.page ?? 1;
    const queue = await listQueue(ctx, request.actor, { filter, page: pageNumber, pageSize: PAGE_SIZE, ...(organizationId !== null ? { organizationId } : {}) });
    const calendar = await loadCalendar(ctx);
    const workingDaysLeft = new Map<number, number>();
    for (const row of queue.rows) {
      if (!row.finalDue || !OPEN_STATUSES.includes(row.status)) continue;
      try {
        workingDaysLeft.set(row.id, workingDaysBetween(calendar, queue.today, row.finalDue));
      } catch {
        // A deadline in a year the calendar lacks: the date alone is shown.
      }
    }
    const csrf = reply.generateCsrf();
    const body = queuePage({
      queue,
      filter,
      organizationId,
      organizations: await organizationsFor(request.actor, 'requests.read'),
      page: pageNumber,
      pageSize: PAGE_SIZE,
      workingDaysLeft,
      canRegister: can(request.actor, 'requests.register'),
    });
    return reply.type(HTML).send(page(request, csrf, '依申请公开', body));
  });

  app.get('/console/requests/new', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    if (!can(request.actor, 'requests.register')) throw new GongkaiError('FORBIDDEN', 'requests.register');
    const organizations = await organizationsFor(request.actor, 'requests.register');
    const now = today(ctx.clock);
    const values: Record<string, string> = { submittedOn: now, requesterType: 'natural' };
    if (organizations.length === 1 && organizations[0]) values['organizationId'] = String(organizations[0].id);
    return renderNewCase(request, reply, 200, values, {});
  });

  // The form posts to /console/requests; /console/requests/new accepts the same post.
  for (const url of ['/console/requests', '/console/requests/new']) {
    app.post(url, { ...GUARD, schema: { hide: true } }, async (request, reply) => {
      const fields = formFields(request.body);
      const values = Object.fromEntries(NEW_CASE_FIELDS.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k] ?? '']));
      try {
        const created = await registerRequest(ctx, request.actor, values);
        return await reply.redirect(`/console/requests/${created.id}?done=created`, 303);
      } catch (error) {
        const known = inlineError(error);
        return renderNewCase(request, reply, known.status, values, newCaseErrors(known, values['channel'] ?? ''));
      }
    });
  }

  app.get('/console/requests/:id', { ...GUARD, schema: { hide: true, params: idParamsSchema, querystring: z.object({ done: z.string().max(40).optional() }) } }, async (request, reply) => {
    const done = request.query.done;
    const notice = done === 'created' ? '申请已登记' : done === 'attachment' ? '材料已上传' : done !== undefined && done in REQUEST_EVENT_NAMES_ZH ? `已登记：${REQUEST_EVENT_NAMES_ZH[done as RequestEventKind]}` : undefined;
    return renderCase(request, reply, request.params.id, 200, { notice });
  });

  app.post('/console/requests/:id/events', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const id = request.params.id;
    const fields = formFields(request.body);
    delete fields['_csrf'];
    // Both answer-detail boxes ticked: `formFields` keeps one value; refuse rather than drop the other.
    const details = (request.body as Record<string, unknown> | undefined)?.['answerDetail'];
    try {
      if (Array.isArray(details) && details.length > 1) {
        throw validationFailed([{ field: 'answerDetail', message: 'one answer detail at most', messageZh: '“属于已主动公开范围”与“属于其他机关公开”只能选择一项' }]);
      }
      await recordEvent(ctx, request.actor, id, fields);
      return await reply.redirect(`/console/requests/${id}?done=${encodeURIComponent(fields['kind'] ?? '')}`, 303);
    } catch (error) {
      const known = inlineError(error);
      const errors = issuesToFieldErrors(known.issues);
      if (Object.keys(errors).length === 0) errors['event'] = known.messageZh;
      const refusalZh = known.issues[0]?.messageZh ?? known.messageZh;
      return renderCase(request, reply, id, known.status, { failed: { kind: fields['kind'] ?? '', values: fields, errors }, refusalZh });
    }
  });

  app.post('/console/requests/:id/attachments', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const id = request.params.id;
    try {
      const { upload, fields } = await readFileUpload(request);
      await addRequestAttachment(ctx, request.actor, id, upload, fields['kind'] ?? '');
      return await reply.redirect(`/console/requests/${id}?done=attachment`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderCase(request, reply, id, known.status, { attachmentError: known.issues[0]?.messageZh ?? known.messageZh });
    }
  });

  app.get(
    '/console/requests/:id/attachments/:attachmentId',
    { ...GUARD, schema: { hide: true, params: z.object({ id: recordIdSchema, attachmentId: recordIdSchema }) } },
    async (request, reply) => {
      const { attachment, filePath } = await getRequestAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
      return reply.type(attachment.mediaType).header('Content-Disposition', contentDisposition(attachment.fileName)).header('Cache-Control', 'private, no-store').send(createReadStream(filePath));
    },
  );

  app.get('/console/requests/:id/documents/:file', { ...GUARD, schema: { hide: true, params: documentParamsSchema, querystring: documentQuerySchema } }, async (request, reply) => {
    const [kindText, extension] = request.params.file.split('.') as [ReplyDocumentKind, 'docx' | 'pdf'];
    const view = await getCase(ctx, request.actor, request.params.id);
    const organization = await getOrganization(ctx, request.actor, view.organization.id);
    const office = organization.ogiOffice;
    const q = request.query;
    const model = caseDocumentModel(view, await loadCalendar(ctx), kindText, {
      ...(q.consultation !== undefined ? { consultation: q.consultation } : {}),
      ...(q.paymentMethodZh !== undefined ? { paymentMethodZh: q.paymentMethodZh } : {}),
      ...(q.concernZh !== undefined ? { concernZh: q.concernZh } : {}),
      ...(q.documentNumber !== undefined ? { documentNumber: q.documentNumber } : {}),
      ...(office.phone ? { contactZh: `联系机构：${office.name || organization.name}\u3000联系电话：${office.phone}` } : {}),
    });
    const bytes = extension === 'docx' ? await buildDocx(model) : await buildPdf(model);
    return reply
      .type(MEDIA_TYPES[extension])
      .header('Content-Disposition', contentDisposition(`${view.trackingCode}-${model.title}.${extension}`))
      .send(bytes);
  });

  return Promise.resolve();
}
