/**
 * NPC deputy suggestions and CPPCC member proposals (issue 6 item 4): the API (/api/proposals…);
 * the console pages (proposal-console.routes.ts) and the portal pages
 * (proposal-portal.routes.ts) are registered from here. Thin: every route parses its input and
 * calls one service, where permissions are checked. Staff authenticate with
 * `Authorization: Bearer <session token>`.
 */
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { definedOnly } from '../organizations/organization.schema.ts';
import { today } from '../shared/clock.ts';
import type { ProposalWithOrganization } from './proposal.repository.ts';
import {
  createProposalBodySchema,
  proposalListQuerySchema,
  proposalListSchema,
  proposalSchema,
  proposalStatisticsQuerySchema,
  proposalStatisticsSchema,
  proposalStatisticsToApi,
  proposalToApi,
  publishBodySchema,
  replyBodySchema,
  updateProposalBodySchema,
  withholdBodySchema,
} from './proposal.schema.ts';
import { createProposal, getProposal, listProposals, proposalStatisticsFor, publishProposal, replyToProposal, updateProposal, withholdProposal } from './proposal.service.ts';
import { proposalConsoleRoutes } from './proposal-console.routes.ts';
import { proposalPortalRoutes } from './proposal-portal.routes.ts';

const TAGS = ['proposals'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
const changeErrors = { ...errors, 409: apiErrorSchema };

/** Registers the API routes of the module, then its console and portal pages. */
export async function proposalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const view = (found: ProposalWithOrganization) => proposalToApi(found, today(ctx.clock));
  /** The record after a change, as the caller may read it. */
  const reread = async (actor: Parameters<typeof getProposal>[1], id: number) => view(await getProposal(ctx, actor, id));

  app.get(
    '/api/proposals',
    {
      schema: {
        tags: TAGS,
        summary: 'NPC deputy suggestions and CPPCC member proposals of an organization subtree (default: every subtree you may read), filtered by receipt year, kind and status',
        security: BEARER,
        querystring: proposalListQuerySchema,
        response: { 200: proposalListSchema, ...errors },
      },
    },
    async (request) => ({ proposals: (await listProposals(ctx, request.actor, definedOnly(request.query))).map(view) }),
  );

  app.get(
    '/api/proposals/statistics',
    {
      schema: {
        tags: TAGS,
        summary: 'Counts of an organization and its subtree for the records received in a year: per kind and total (received, replied, on time, reply rate, published, withheld, pending, overdue) and per organization',
        security: BEARER,
        querystring: proposalStatisticsQuerySchema,
        response: { 200: proposalStatisticsSchema, ...errors },
      },
    },
    async (request) => proposalStatisticsToApi(await proposalStatisticsFor(ctx, request.actor, request.query.organizationId, request.query.year)),
  );

  app.post(
    '/api/proposals',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a suggestion or proposal assigned to an organization (dueOn defaults to receivedOn + GONGKAI_PROPOSAL_REPLY_MONTHS months)',
        security: BEARER,
        body: createProposalBodySchema,
        response: { 201: proposalSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createProposal(ctx, request.actor, definedOnly(request.body));
      return reply.code(201).send(await reread(request.actor, created.id));
    },
  );

  app.get(
    '/api/proposals/:id',
    { schema: { tags: TAGS, summary: 'One suggestion or proposal', security: BEARER, params: idParamsSchema, response: { 200: proposalSchema, ...errors } } },
    async (request) => reread(request.actor, request.params.id),
  );

  app.patch(
    '/api/proposals/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Correct the registration while the disclosure is undecided (409 ILLEGAL_TRANSITION after); `expectedUpdatedAt` guards against concurrent edits',
        security: BEARER,
        params: idParamsSchema,
        body: updateProposalBodySchema,
        response: { 200: proposalSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body;
      await updateProposal(ctx, request.actor, request.params.id, definedOnly(patch), expectedUpdatedAt);
      return reread(request.actor, request.params.id);
    },
  );

  app.post(
    '/api/proposals/:id/reply',
    {
      schema: {
        tags: TAGS,
        summary: 'Record or correct the reply (date, summary, adoption) while the disclosure is undecided',
        security: BEARER,
        params: idParamsSchema,
        body: replyBodySchema,
        response: { 200: proposalSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { expectedUpdatedAt, ...reply } = request.body;
      await replyToProposal(ctx, request.actor, request.params.id, reply, expectedUpdatedAt);
      return reread(request.actor, request.params.id);
    },
  );

  app.post(
    '/api/proposals/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: 'Publish the handling result on the portal (approvers; the record must be replied; publishedOn defaults to today)',
        security: BEARER,
        params: idParamsSchema,
        body: publishBodySchema,
        response: { 200: proposalSchema, ...changeErrors },
      },
    },
    async (request) => {
      await publishProposal(ctx, request.actor, request.params.id, request.body?.publishedOn, request.body?.expectedUpdatedAt);
      return reread(request.actor, request.params.id);
    },
  );

  app.post(
    '/api/proposals/:id/withhold',
    {
      schema: {
        tags: TAGS,
        summary: 'Withhold the handling result with a reason of at least 5 characters (approvers; the portal shows only counts)',
        security: BEARER,
        params: idParamsSchema,
        body: withholdBodySchema,
        response: { 200: proposalSchema, ...changeErrors },
      },
    },
    async (request) => {
      await withholdProposal(ctx, request.actor, request.params.id, request.body.reason, request.body.expectedUpdatedAt);
      return reread(request.actor, request.params.id);
    },
  );

  await proposalConsoleRoutes(app, ctx);
  await proposalPortalRoutes(app, ctx);
}
