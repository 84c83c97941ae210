/**
 * The public side of requests (issue 4 item 7): the online request form (/requests/new), the
 * confirmation with the tracking code (/requests/submitted), the tracking page (/requests/track)
 * and its API (`GET /api/requests/track/:code`). The form is protected like every page form (CSRF),
 * by a human check without third-party services (human-check.ts: question, signed expiring token,
 * honeypot, minimum fill time) and by a rate limit per client address; lookups are rate limited too.
 * Nothing is written unless every check passes.
 */
import { z } from 'zod';
import { apiErrorSchema } from '../auth/auth.schema.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import { listOrganizations } from '../organizations/organization.service.ts';
import { today } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { HUMAN_CHECK_FIELDS, HUMAN_CHECK_MESSAGES_ZH, SpentHumanChecks, createHumanCheck, verifyHumanCheck } from './human-check.ts';
import { PUBLIC_FORM_FIELDS, publicFormIssues, publicFormValues } from './public-request-form.ts';
import type { PublicFormValues } from './public-request-form.ts';
import { trackParamsSchema, trackingResponseSchema, trackingToApi } from './request-portal.schema.ts';
import { humanCheckSecret, trackPublicRequest } from './request-portal.service.ts';
import type { PublicTracking } from './request-portal.service.ts';
import { requestFormBody, submittedBody, trackFormBody, trackingBody } from './request-portal.views.ts';
import { newCaseSchema, parseOrThrow } from './request.schema.ts';
import { submitPublicRequest } from './request.service.ts';

/** Filings allowed per client address: 5 in 10 minutes (on top of the human check). */
export const SUBMIT_RATE_LIMIT = { max: 5, timeWindow: '10 minutes' };
/** Tracking lookups allowed per client address: 30 a minute (codes are not guessable; this keeps it so). */
export const TRACK_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

const HTML = 'text/html; charset=utf-8';
/** Pages with a tracking code or a form token are neither cached nor indexed. */
const PRIVATE_HEAD = html`<meta name="robots" content="noindex, nofollow">`;

const codeQuery = z.object({ code: z.string().max(40).optional() });
const newFormQuery = z.object({ org: z.string().max(12).optional() });

/** Registers the routes of this module. */
export function requestPortalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const spent = new SpentHumanChecks();

  const page = (actor: Actor, title: string, body: SafeHtml): string => renderPage({ title, area: 'portal', actor, body, head: PRIVATE_HEAD });

  async function formPage(actor: Actor, csrf: string, values: PublicFormValues, errors: FieldErrors): Promise<string> {
    const [organizations, secret] = await Promise.all([listOrganizations(ctx, actor), humanCheckSecret(ctx)]);
    const challenge = createHumanCheck(secret, ctx.clock.now());
    return page(actor, '政府信息公开申请', requestFormBody({ csrf, organizations, values, errors, question: challenge.question, token: challenge.token }));
  }

  /** The case by code, or null when unknown or malformed (the two look the same). */
  async function lookup(actor: Actor, code: string): Promise<PublicTracking | null> {
    try {
      return await trackPublicRequest(ctx, actor, code);
    } catch (error) {
      if (isGongkaiError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  }

  // ---- The request form ----
  app.get('/requests/new', { schema: { hide: true, querystring: newFormQuery } }, async (request, reply) => {
    const org = request.query.org;
    const values: PublicFormValues = org && /^[1-9]\d{0,9}$/.test(org) ? { organizationId: org } : {};
    const body = await formPage(request.actor, reply.generateCsrf(), values, {});
    return reply.header('Cache-Control', 'no-store').type(HTML).send(body);
  });

  app.post('/requests/new', { schema: { hide: true }, config: { rateLimit: SUBMIT_RATE_LIMIT } }, async (request, reply) => {
    const fields = formFields(request.body);
    const values = publicFormValues(fields);
    const errors: FieldErrors = {};
    const now = ctx.clock.now();
    const day = today(ctx.clock);
    // Every check runs before anything is written, so the requester sees all problems at once.
    try {
      parseOrThrow(newCaseSchema, { ...values, channel: 'online', submittedOn: day, confirmedOn: day });
    } catch (error) {
      if (!isGongkaiError(error, 'VALIDATION_FAILED')) throw error;
      Object.assign(errors, issuesToFieldErrors(error.issues));
    }
    for (const issue of publicFormIssues(values)) errors[issue.field] ??= issue.messageZh;
    const check = verifyHumanCheck(await humanCheckSecret(ctx), { token: fields[HUMAN_CHECK_FIELDS.token], answer: fields[HUMAN_CHECK_FIELDS.answer], honeypot: fields[HUMAN_CHECK_FIELDS.honeypot] }, now);
    if (!check.ok) errors[HUMAN_CHECK_FIELDS.answer] = check.messageZh;
    else if (!spent.spend(check.nonce, check.expiresAt, now.getTime())) errors[HUMAN_CHECK_FIELDS.answer] = HUMAN_CHECK_MESSAGES_ZH.reused;

    if (Object.keys(errors).length === 0) {
      try {
        const filed = await submitPublicRequest(ctx, Object.fromEntries(PUBLIC_FORM_FIELDS.map((f) => [f, values[f] ?? ''])));
        return await reply.redirect(`/requests/submitted?code=${encodeURIComponent(filed.trackingCode)}`, 303);
      } catch (error) {
        if (isGongkaiError(error, 'VALIDATION_FAILED')) Object.assign(errors, issuesToFieldErrors(error.issues));
        else if (isGongkaiError(error, 'ORGANIZATION_UNKNOWN')) errors['organizationId'] = '所选受理机关不存在，请重新选择';
        else throw error;
      }
    }
    const body = await formPage(request.actor, reply.generateCsrf(), values, errors);
    return reply.code(400).header('Cache-Control', 'no-store').type(HTML).send(body);
  });

  app.get('/requests/submitted', { schema: { hide: true, querystring: codeQuery }, config: { rateLimit: TRACK_RATE_LIMIT } }, async (request, reply) => {
    const code = request.query.code ?? '';
    const tracking = code ? await lookup(request.actor, code) : null;
    reply.header('Cache-Control', 'no-store').type(HTML);
    if (!tracking) return reply.code(404).send(page(request.actor, '申请查询', trackFormBody({ code, notFound: true })));
    return reply.send(page(request.actor, '申请已提交', submittedBody(tracking)));
  });

  // ---- Tracking ----
  app.get('/requests/track', { schema: { hide: true, querystring: codeQuery }, config: { rateLimit: TRACK_RATE_LIMIT } }, async (request, reply) => {
    const code = (request.query.code ?? '').trim();
    reply.header('Cache-Control', 'no-store').type(HTML);
    if (code === '') return reply.send(page(request.actor, '申请查询', trackFormBody({ code: '', notFound: false })));
    const tracking = await lookup(request.actor, code);
    if (!tracking) return reply.code(404).send(page(request.actor, '申请查询', trackFormBody({ code, notFound: true })));
    return reply.send(page(request.actor, '申请办理进度', trackingBody(tracking)));
  });

  app.get(
    '/api/requests/track/:code',
    {
      config: { rateLimit: TRACK_RATE_LIMIT },
      schema: {
        tags: ['requests'],
        summary: 'A request as its requester sees it by tracking code: status, outcome, deadline with how it was computed, timeline (public; no personal data)',
        params: trackParamsSchema,
        response: { 200: trackingResponseSchema, 400: apiErrorSchema, 404: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return trackingToApi(await trackPublicRequest(ctx, request.actor, request.params.code));
    },
  );

  return Promise.resolve();
}
