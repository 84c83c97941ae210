/**
 * The API of mailbox messages (/api/messages…): public submission and tracking, the staff queue,
 * assignment, reply, publication, statistics and the organization's reply period. Thin: every route
 * parses its input and calls one service, where permissions are checked. Staff authenticate with
 * `Authorization: Bearer <session token>`.
 *
 * Public submission through the API has no human check (the request module has no public API to
 * follow; the portal form has one): it keeps the honeypot, the validation and a rate limit per
 * client address.
 */
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { definedOnly } from '../organizations/organization.schema.ts';
import { validationFailed } from '../shared/errors.ts';
import {
  assignBodySchema,
  messageListQuerySchema,
  messageListSchema,
  messageSchema,
  messageToApi,
  messageTrackingSchema,
  messageTrackParamsSchema,
  publishBodySchema,
  replyBodySchema,
  settingsBodySchema,
  settingsParamsSchema,
  settingsSchema,
  settingsToApi,
  statisticsQuerySchema,
  statisticsSchema,
  statisticsToApi,
  submitMessageBodySchema,
  submittedMessageSchema,
  submittedToApi,
  trackingToApi,
} from './message.schema.ts';
import { assignMessage, getMessage, listMessages, messageStatisticsFor, publishMessage, replyToMessage, setMessageReplyDays, submitPublicMessage } from './message.service.ts';
import { trackMessage } from './message-portal.service.ts';

/**
 * Submissions through the API per client address: 10 in 10 minutes. The form allows 5 (with its
 * human check); the API's is set so that one client's batch of acceptance calls (six roles) passes.
 */
export const MESSAGE_API_SUBMIT_RATE_LIMIT = { max: 10, timeWindow: '10 minutes' };
/** Tracking lookups per client address: 30 a minute, as for requests. */
export const MESSAGE_TRACK_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

const TAGS = ['messages'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
const changeErrors = { ...errors, 409: apiErrorSchema };

/** Registers the API routes of this module. */
export function messageApiRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.post(
    '/api/messages',
    {
      config: { rateLimit: MESSAGE_API_SUBMIT_RATE_LIMIT },
      schema: {
        tags: TAGS,
        summary: 'Write a message to an organization’s mailbox (public; rate limited; `website` must stay empty)',
        body: submitMessageBodySchema,
        response: { 201: submittedMessageSchema, 400: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      if ((b.website ?? '').trim() !== '') throw validationFailed([{ field: 'website', message: 'must be empty', messageZh: '提交未通过校验' }]);
      const submitted = await submitPublicMessage(ctx, request.actor, {
        organizationId: b.organizationId,
        subject: b.subject.trim(),
        body: b.body.trim(),
        writerName: b.writerName.trim(),
        writerContact: b.writerContact.trim(),
        publishConsent: b.publishConsent ?? false,
      });
      return reply.code(201).header('Cache-Control', 'no-store').send(submittedToApi(submitted));
    },
  );

  app.get(
    '/api/messages/track/:code',
    {
      config: { rateLimit: MESSAGE_TRACK_RATE_LIMIT },
      schema: {
        tags: TAGS,
        summary: 'A message as its writer sees it by tracking code: status, deadline, reply (public; no personal data)',
        params: messageTrackParamsSchema,
        response: { 200: messageTrackingSchema, 400: apiErrorSchema, 404: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return trackingToApi(await trackMessage(ctx, request.actor, request.params.code));
    },
  );

  app.get(
    '/api/messages/statistics',
    {
      schema: {
        tags: TAGS,
        summary: 'Reply rate and reply times of an organization’s mailbox (or its subtree with subtree=true) for messages received in [from, to]',
        security: BEARER,
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema, ...errors },
      },
    },
    async (request) =>
      statisticsToApi(await messageStatisticsFor(ctx, request.actor, { organizationId: request.query.organizationId, from: request.query.from, to: request.query.to, subtree: request.query.subtree === 'true' })),
  );

  app.get(
    '/api/messages',
    {
      schema: {
        tags: TAGS,
        summary: 'The staff queue: messages of an organization subtree (default every subtree you may read), earliest due first',
        security: BEARER,
        querystring: messageListQuerySchema,
        response: { 200: messageListSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const messages = await listMessages(ctx, request.actor, definedOnly({ organizationId: q.organizationId, status: q.status, overdue: q.overdue === undefined ? undefined : q.overdue === 'true' }));
      return { messages: messages.map(messageToApi) };
    },
  );

  app.get(
    '/api/messages/:id',
    { schema: { tags: TAGS, summary: 'One message (writer’s name and contact masked without messages.read_personal)', security: BEARER, params: idParamsSchema, response: { 200: messageSchema, ...errors } } },
    async (request) => messageToApi(await getMessage(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/messages/:id/assign',
    { schema: { tags: TAGS, summary: 'Assign an unanswered message to a user who handles the organization’s messages', security: BEARER, params: idParamsSchema, body: assignBodySchema, response: { 200: messageSchema, ...changeErrors } } },
    async (request) => messageToApi(await assignMessage(ctx, request.actor, request.params.id, request.body.userId)),
  );

  app.post(
    '/api/messages/:id/reply',
    { schema: { tags: TAGS, summary: 'Reply to a message (dated today; final)', security: BEARER, params: idParamsSchema, body: replyBodySchema, response: { 200: messageSchema, ...changeErrors } } },
    async (request) => messageToApi(await replyToMessage(ctx, request.actor, request.params.id, request.body.reply)),
  );

  app.post(
    '/api/messages/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: 'Publish a replied exchange whose writer agreed (409 PUBLISH_CONSENT_MISSING otherwise), with the subject and body edited to remove personal data',
        security: BEARER,
        params: idParamsSchema,
        body: publishBodySchema,
        response: { 200: messageSchema, ...changeErrors },
      },
    },
    async (request) => messageToApi(await publishMessage(ctx, request.actor, request.params.id, request.body)),
  );

  app.put(
    '/api/messages/settings/:organizationId',
    {
      schema: {
        tags: TAGS,
        summary: 'Set an organization’s reply period in working days for new messages (null = the installation’s default)',
        security: BEARER,
        params: settingsParamsSchema,
        body: settingsBodySchema,
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (request) => settingsToApi(await setMessageReplyDays(ctx, request.actor, request.params.organizationId, request.body.replyDays), ctx.config.messageReplyDays),
  );

  return Promise.resolve();
}
