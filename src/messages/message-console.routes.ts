/**
 * Console pages of mailbox messages: the queue (/console/messages) with the reply-period settings,
 * one message (/console/messages/{id}) and its assign, reply and publish forms. Thin: every route
 * calls the services, where permissions are checked. Forms carry `_csrf`; errors a person can fix
 * are shown next to the fields.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../auth/auth.schema.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { can } from '../auth/policy.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import type { GongkaiError } from '../shared/errors.ts';
import { MESSAGE_STATUSES } from './message.ts';
import type { MessageStatus } from './message.ts';
import { messageDetailPage, messageQueuePage } from './message-console.views.ts';
import { assignableUsers, assignMessage, getMessage, listMessages, messageOrganizations, publishMessage, replyToMessage, setMessageReplyDays } from './message.service.ts';

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };
const ID_TEXT = /^[1-9]\d{0,9}$/;

/** Errors shown on the page instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'CONFLICT', 'ILLEGAL_TRANSITION', 'PUBLISH_CONSENT_MISSING', 'FORBIDDEN']);
const inlineError = (error: unknown): GongkaiError => inlineErrorOf(error, INLINE_ERRORS);

/** Flash messages after a successful action (`?done=`). */
const DONE_NOTICES: Readonly<Record<string, string>> = { assigned: '已指定承办人', replied: '已回复', published: '已公开', settings: '办理期限已保存' };

function fieldErrors(error: GongkaiError, fallbackField = 'form'): FieldErrors {
  const out = issuesToFieldErrors(error.issues);
  if (Object.keys(out).length === 0) out[fallbackField] = error.messageZh;
  return out;
}

const queueQuery = z.object({ organizationId: z.string().max(12).optional(), status: z.string().max(20).optional(), overdue: z.string().max(5).optional(), done: z.string().max(20).optional() });

/** Registers the console routes of this module. */
export function messageConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const renderQueue = async (request: FastifyRequest, reply: FastifyReply, status: number, query: z.infer<typeof queueQuery>, settingsValues: Record<string, string>, settingsErrors: FieldErrors, notice?: string): Promise<FastifyReply> => {
    const actor = request.actor;
    const organizations = await messageOrganizations(ctx, actor, 'messages.read');
    const organizationId = ID_TEXT.test(query.organizationId ?? '') ? Number(query.organizationId) : undefined;
    const chosen = organizations.find((o) => o.id === organizationId);
    const statusFilter = (MESSAGE_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as MessageStatus) : undefined;
    const overdue = query.overdue === '1';
    const messages = await listMessages(ctx, actor, { ...(chosen ? { organizationId: chosen.id } : {}), ...(statusFilter ? { status: statusFilter } : {}), ...(overdue ? { overdue } : {}) });
    const settings = can(actor, 'messages.configure')
      ? { organizations: await messageOrganizations(ctx, actor, 'messages.configure'), defaultDays: ctx.config.messageReplyDays, values: settingsValues, errors: settingsErrors }
      : null;
    const csrf = reply.generateCsrf();
    const body = messageQueuePage({ csrf, messages, organizations, filter: { organizationId: chosen ? String(chosen.id) : '', status: statusFilter ?? '', overdue }, settings });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, '留言办理', body, notice));
  };

  app.get('/console/messages', { ...GUARD, schema: { hide: true, querystring: queueQuery } }, async (request, reply) =>
    renderQueue(request, reply, 200, request.query, {}, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
  );

  app.post('/console/messages/settings', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request.body);
    const raw = (values['replyDays'] ?? '').trim();
    const organizationId = ID_TEXT.test(values['organizationId'] ?? '') ? Number(values['organizationId']) : Number.NaN;
    try {
      const days = raw === '' ? null : /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
      await setMessageReplyDays(ctx, request.actor, organizationId, days);
      return await reply.redirect('/console/messages?done=settings', 303);
    } catch (error) {
      const known = inlineError(error);
      return renderQueue(request, reply, known.status, {}, values, fieldErrors(known, known.code === 'FORBIDDEN' || known.code === 'ORGANIZATION_UNKNOWN' ? 'organizationId' : 'replyDays'));
    }
  });

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, id: number, status: number, values: Record<string, string>, errs: FieldErrors, notice?: string): Promise<FastifyReply> => {
    const view = await getMessage(ctx, request.actor, id);
    const path = view.organization.path;
    const canHandle = can(request.actor, 'messages.handle', { organizationPath: path });
    const canPublish = can(request.actor, 'messages.publish', { organizationPath: path });
    const users = await assignableUsers(ctx, request.actor, id);
    const csrf = reply.generateCsrf();
    const body = messageDetailPage({ csrf, view, users, canHandle, canPublish, values, errors: errs });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, `留言 ${view.message.trackingCode}`, body, notice));
  };

  app.get('/console/messages/:id', { ...GUARD, schema: { hide: true, params: idParamsSchema, querystring: z.object({ done: z.string().max(20).optional() }) } }, async (request, reply) =>
    renderDetail(request, reply, request.params.id, 200, {}, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
  );

  /** A form action: run it, then back to the page with a notice, or the page with the problem next to the field. */
  const action = (name: 'assign' | 'reply' | 'publish', done: string, run: (request: FastifyRequest, id: number, values: Record<string, string>) => Promise<unknown>, field: string): void => {
    app.post(`/console/messages/:id/${name}`, { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
      const id = request.params.id;
      const values = formFields(request.body);
      try {
        await run(request, id, values);
        return await reply.redirect(`/console/messages/${id}?done=${done}`, 303);
      } catch (error) {
        const known = inlineError(error);
        return renderDetail(request, reply, id, known.status, values, fieldErrors(known, field));
      }
    });
  };
  action('assign', 'assigned', (request, id, values) => assignMessage(ctx, request.actor, id, ID_TEXT.test(values['userId'] ?? '') ? Number(values['userId']) : 0), 'userId');
  action('reply', 'replied', (request, id, values) => replyToMessage(ctx, request.actor, id, values['reply'] ?? ''), 'reply');
  action('publish', 'published', (request, id, values) => publishMessage(ctx, request.actor, id, { publicSubject: values['publicSubject'], publicBody: values['publicBody'] }), 'form');

  return Promise.resolve();
}
