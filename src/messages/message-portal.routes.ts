/**
 * The public mailbox pages: the published exchanges with each organization's reply figures
 * (/messages), the form (/messages/new), the confirmation with the tracking code
 * (/messages/submitted), tracking (/messages/track) and one exchange (/messages/{id}). The form is
 * protected like the request form: CSRF (every page form), the requests' human check (question,
 * signed expiring token, honeypot, minimum fill time), and a rate limit per client address. Nothing
 * is written unless every check passes.
 */
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import { listOrganizations } from '../organizations/organization.service.ts';
import { HUMAN_CHECK_FIELDS, HUMAN_CHECK_MESSAGES_ZH, SpentHumanChecks, createHumanCheck, verifyHumanCheck } from '../requests/human-check.ts';
import { SUBMIT_RATE_LIMIT } from '../requests/request-portal.routes.ts';
import { humanCheckSecret } from '../requests/request-portal.service.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { MESSAGE_TRACK_RATE_LIMIT } from './message-api.routes.ts';
import { messageInputIssues } from './message.ts';
import { MESSAGE_FORM_FIELDS, messageFormBody, messageListBody, messageSubmittedBody, messageTrackFormBody, messageTrackingBody, publishedMessageBody } from './message-portal.views.ts';
import type { MessageFormValues } from './message-portal.views.ts';
import { submitPublicMessage } from './message.service.ts';
import { getPublishedMessage, publishedMessages, trackMessage } from './message-portal.service.ts';
import type { MessageTracking } from './message-portal.service.ts';

const HTML = 'text/html; charset=utf-8';
/** Pages with a tracking code or a form token are neither cached nor indexed. */
const PRIVATE_HEAD = html`<meta name="robots" content="noindex, nofollow">`;
const ID_TEXT = /^[1-9]\d{0,9}$/;

const listQuery = z.object({ organizationId: z.string().max(12).optional(), page: z.string().max(6).optional() });
const newQuery = z.object({ organizationId: z.string().max(12).optional() });
const codeQuery = z.object({ code: z.string().max(40).optional() });

/** The form's values from a urlencoded body: only the form's fields, trimmed (cut only far past every limit, so over-long text is refused, never shortened). */
function formValues(fields: Readonly<Record<string, string>>): MessageFormValues {
  const out: MessageFormValues = {};
  for (const name of MESSAGE_FORM_FIELDS) {
    const value = fields[name];
    if (value !== undefined) out[name] = value.trim().slice(0, 20_000);
  }
  return out;
}

/** Registers the portal routes of this module. */
export function messagePortalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const spent = new SpentHumanChecks();
  const page = (actor: Actor, title: string, body: SafeHtml, options: { private?: boolean } = {}): string =>
    renderPage({ title, area: 'portal', actor, body, ...(options.private ? { head: PRIVATE_HEAD } : {}) });

  async function formPage(actor: Actor, csrf: string, values: MessageFormValues, errors: FieldErrors): Promise<string> {
    const [organizations, secret] = await Promise.all([listOrganizations(ctx, actor), humanCheckSecret(ctx)]);
    const challenge = createHumanCheck(secret, ctx.clock.now());
    return page(actor, '我要留言', messageFormBody({ csrf, organizations, values, errors, question: challenge.question, token: challenge.token }), { private: true });
  }

  /** The message by code, or null when unknown or malformed. */
  async function lookup(actor: Actor, code: string): Promise<MessageTracking | null> {
    try {
      return await trackMessage(ctx, actor, code);
    } catch (error) {
      if (isGongkaiError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  }

  app.get('/messages', { schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const raw = request.query.organizationId ?? '';
    const organizationId = ID_TEXT.test(raw) ? Number(raw) : undefined;
    const pageNumber = /^\d{1,6}$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1;
    const result = await publishedMessages(ctx, request.actor, { ...(organizationId !== undefined ? { organizationId } : {}), page: pageNumber });
    return reply.type(HTML).send(page(request.actor, '咨询留言', messageListBody(result, organizationId)));
  });

  app.get('/messages/new', { schema: { hide: true, querystring: newQuery } }, async (request, reply) => {
    const org = request.query.organizationId ?? '';
    const values: MessageFormValues = ID_TEXT.test(org) ? { organizationId: org } : {};
    return reply.header('Cache-Control', 'no-store').type(HTML).send(await formPage(request.actor, reply.generateCsrf(), values, {}));
  });

  app.post('/messages/new', { schema: { hide: true }, config: { rateLimit: SUBMIT_RATE_LIMIT } }, async (request, reply) => {
    const fields = formFields(request.body);
    const values = formValues(fields);
    const errors: FieldErrors = {};
    const now = ctx.clock.now();
    const check = verifyHumanCheck(await humanCheckSecret(ctx), { token: fields[HUMAN_CHECK_FIELDS.token], answer: fields[HUMAN_CHECK_FIELDS.answer], honeypot: fields[HUMAN_CHECK_FIELDS.honeypot] }, now);
    if (!check.ok) errors[HUMAN_CHECK_FIELDS.answer] = check.messageZh;
    const input = {
      organizationId: ID_TEXT.test(values.organizationId ?? '') ? Number(values.organizationId) : Number.NaN,
      subject: values.subject ?? '',
      body: values.body ?? '',
      writerName: values.writerName ?? '',
      writerContact: values.writerContact ?? '',
      publishConsent: values.publishConsent === '1',
    };
    // Every check runs before anything is written, so the writer sees all problems at once.
    Object.assign(errors, issuesToFieldErrors(messageInputIssues(input)));
    if (!Number.isInteger(input.organizationId)) errors['organizationId'] = '请选择留言的机关';
    if (check.ok && Object.keys(errors).length === 0) {
      if (!spent.spend(check.nonce, check.expiresAt, now.getTime())) {
        errors[HUMAN_CHECK_FIELDS.answer] = HUMAN_CHECK_MESSAGES_ZH.reused;
      } else {
        try {
          const submitted = await submitPublicMessage(ctx, request.actor, input);
          return await reply.redirect(`/messages/submitted?code=${encodeURIComponent(submitted.trackingCode)}`, 303);
        } catch (error) {
          if (!isGongkaiError(error, 'VALIDATION_FAILED')) throw error;
          Object.assign(errors, issuesToFieldErrors(error.issues));
        }
      }
    }
    const body = await formPage(request.actor, reply.generateCsrf(), values, errors);
    return reply.code(400).header('Cache-Control', 'no-store').type(HTML).send(body);
  });

  app.get('/messages/submitted', { schema: { hide: true, querystring: codeQuery }, config: { rateLimit: MESSAGE_TRACK_RATE_LIMIT } }, async (request, reply) => {
    const code = request.query.code ?? '';
    const tracking = code ? await lookup(request.actor, code) : null;
    reply.header('Cache-Control', 'no-store').type(HTML);
    if (!tracking) return reply.code(404).send(page(request.actor, '留言查询', messageTrackFormBody({ code, notFound: true }), { private: true }));
    const submitted = { trackingCode: tracking.trackingCode, organizationName: tracking.organizationName, receivedOn: tracking.receivedOn, dueOn: tracking.dueOn };
    return reply.send(page(request.actor, '留言已提交', messageSubmittedBody(submitted), { private: true }));
  });

  app.get('/messages/track', { schema: { hide: true, querystring: codeQuery }, config: { rateLimit: MESSAGE_TRACK_RATE_LIMIT } }, async (request, reply) => {
    const code = (request.query.code ?? '').trim();
    reply.header('Cache-Control', 'no-store').type(HTML);
    if (code === '') return reply.send(page(request.actor, '留言查询', messageTrackFormBody({ code: '', notFound: false }), { private: true }));
    const tracking = await lookup(request.actor, code);
    if (!tracking) return reply.code(404).send(page(request.actor, '留言查询', messageTrackFormBody({ code, notFound: true }), { private: true }));
    return reply.send(page(request.actor, '留言办理进度', messageTrackingBody(tracking), { private: true }));
  });

  app.get('/messages/:id', { schema: { hide: true, params: z.object({ id: recordIdSchema }) } }, async (request, reply) => {
    const exchange = await getPublishedMessage(ctx, request.actor, request.params.id);
    return reply.type(HTML).send(page(request.actor, exchange.publicSubject, publishedMessageBody(exchange)));
  });

  return Promise.resolve();
}
