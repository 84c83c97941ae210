/**
 * The API of engagement records: CRUD under /api/press-events, /api/interpretations and
 * /api/concern-responses, and section 二 of the 2014 table at /api/engagement/figures. Thin: every
 * route parses its input and calls one service, where permissions are checked. Staff authenticate
 * with `Authorization: Bearer <session token>`.
 */
import { z } from 'zod';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { definedOnly } from '../organizations/organization.schema.ts';
import {
  concernResponseListSchema,
  concernResponseSchema,
  concernResponseToApi,
  createConcernResponseBodySchema,
  createInterpretationBodySchema,
  createPressEventBodySchema,
  engagementFiguresQuerySchema,
  engagementFiguresSchema,
  engagementFiguresToApi,
  engagementListQuerySchema,
  interpretationListSchema,
  interpretationSchema,
  interpretationToApi,
  pressEventListSchema,
  pressEventSchema,
  pressEventToApi,
  updateConcernResponseBodySchema,
  updateInterpretationBodySchema,
  updatePressEventBodySchema,
} from './engagement.schema.ts';
import {
  createConcernResponse,
  createInterpretation,
  createPressEvent,
  deleteConcernResponse,
  deleteInterpretation,
  deletePressEvent,
  engagementFiguresFor,
  getConcernResponse,
  getInterpretation,
  getPressEvent,
  listConcernResponsesFor,
  listInterpretationsFor,
  listPressEventsFor,
  updateConcernResponse,
  updateInterpretation,
  updatePressEvent,
} from './engagement.service.ts';

const TAGS = ['engagement'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };

/** Registers the API routes of engagement records. */
export function engagementApiRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- Press events ----
  app.get(
    '/api/press-events',
    { schema: { tags: TAGS, summary: 'Press conferences and online interviews of an organization subtree (default: every subtree you may read), optionally of one year, newest first', security: BEARER, querystring: engagementListQuerySchema, response: { 200: pressEventListSchema, ...errors } } },
    async (request) => ({ pressEvents: (await listPressEventsFor(ctx, request.actor, definedOnly(request.query))).map(pressEventToApi) }),
  );
  app.post(
    '/api/press-events',
    { schema: { tags: TAGS, summary: 'Record a press conference or online interview (linked catalog items must exist; a linked concern response must be of the same organization)', security: BEARER, body: createPressEventBodySchema, response: { 201: pressEventSchema, ...errors } } },
    async (request, reply) => {
      const created = await createPressEvent(ctx, request.actor, definedOnly(request.body));
      return reply.code(201).send(pressEventToApi(await getPressEvent(ctx, request.actor, created.id)));
    },
  );
  app.get(
    '/api/press-events/:id',
    { schema: { tags: TAGS, summary: 'One press event with its linked items', security: BEARER, params: idParamsSchema, response: { 200: pressEventSchema, ...errors } } },
    async (request) => pressEventToApi(await getPressEvent(ctx, request.actor, request.params.id)),
  );
  app.patch(
    '/api/press-events/:id',
    { schema: { tags: TAGS, summary: 'Correct a press event (`itemIds` replaces the linked items); `expectedUpdatedAt` guards against concurrent edits', security: BEARER, params: idParamsSchema, body: updatePressEventBodySchema, response: { 200: pressEventSchema, 409: apiErrorSchema, ...errors } } },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body;
      await updatePressEvent(ctx, request.actor, request.params.id, definedOnly(patch), expectedUpdatedAt);
      return pressEventToApi(await getPressEvent(ctx, request.actor, request.params.id));
    },
  );
  app.delete(
    '/api/press-events/:id',
    { schema: { tags: TAGS, summary: 'Delete a press event', security: BEARER, params: idParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deletePressEvent(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- Interpretations ----
  app.get(
    '/api/interpretations',
    { schema: { tags: TAGS, summary: 'Policy interpretations of an organization subtree, optionally of one year, newest first, with their timeliness', security: BEARER, querystring: engagementListQuerySchema, response: { 200: interpretationListSchema, ...errors } } },
    async (request) => ({ interpretations: (await listInterpretationsFor(ctx, request.actor, definedOnly(request.query))).map(interpretationToApi) }),
  );
  app.post(
    '/api/interpretations',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a policy interpretation of a published policy item (by `policyItemId` or `policyIndexNumber`), published on or after the policy; timely within GONGKAI_INTERPRETATION_DAYS working days',
        security: BEARER,
        body: createInterpretationBodySchema,
        response: { 201: interpretationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createInterpretation(ctx, request.actor, definedOnly(request.body));
      return reply.code(201).send(interpretationToApi(await getInterpretation(ctx, request.actor, created.id)));
    },
  );
  app.get(
    '/api/interpretations/:id',
    { schema: { tags: TAGS, summary: 'One interpretation with its policy item and timeliness', security: BEARER, params: idParamsSchema, response: { 200: interpretationSchema, ...errors } } },
    async (request) => interpretationToApi(await getInterpretation(ctx, request.actor, request.params.id)),
  );
  app.patch(
    '/api/interpretations/:id',
    { schema: { tags: TAGS, summary: 'Correct an interpretation; `expectedUpdatedAt` guards against concurrent edits', security: BEARER, params: idParamsSchema, body: updateInterpretationBodySchema, response: { 200: interpretationSchema, 409: apiErrorSchema, ...errors } } },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body;
      await updateInterpretation(ctx, request.actor, request.params.id, definedOnly(patch), expectedUpdatedAt);
      return interpretationToApi(await getInterpretation(ctx, request.actor, request.params.id));
    },
  );
  app.delete(
    '/api/interpretations/:id',
    { schema: { tags: TAGS, summary: 'Delete an interpretation record (the catalog items stay)', security: BEARER, params: idParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deleteInterpretation(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- Concern responses ----
  app.get(
    '/api/concern-responses',
    { schema: { tags: TAGS, summary: 'Responses to public concerns of an organization subtree, optionally of one year, newest first', security: BEARER, querystring: engagementListQuerySchema, response: { 200: concernResponseListSchema, ...errors } } },
    async (request) => ({ concernResponses: (await listConcernResponsesFor(ctx, request.actor, definedOnly(request.query))).map(concernResponseToApi) }),
  );
  app.post(
    '/api/concern-responses',
    { schema: { tags: TAGS, summary: 'Record a response to a public concern', security: BEARER, body: createConcernResponseBodySchema, response: { 201: concernResponseSchema, ...errors } } },
    async (request, reply) => {
      const created = await createConcernResponse(ctx, request.actor, definedOnly(request.body));
      return reply.code(201).send(concernResponseToApi(await getConcernResponse(ctx, request.actor, created.id)));
    },
  );
  app.get(
    '/api/concern-responses/:id',
    { schema: { tags: TAGS, summary: 'One concern response', security: BEARER, params: idParamsSchema, response: { 200: concernResponseSchema, ...errors } } },
    async (request) => concernResponseToApi(await getConcernResponse(ctx, request.actor, request.params.id)),
  );
  app.patch(
    '/api/concern-responses/:id',
    { schema: { tags: TAGS, summary: 'Correct a concern response; `expectedUpdatedAt` guards against concurrent edits', security: BEARER, params: idParamsSchema, body: updateConcernResponseBodySchema, response: { 200: concernResponseSchema, 409: apiErrorSchema, ...errors } } },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body;
      await updateConcernResponse(ctx, request.actor, request.params.id, definedOnly(patch), expectedUpdatedAt);
      return concernResponseToApi(await getConcernResponse(ctx, request.actor, request.params.id));
    },
  );
  app.delete(
    '/api/concern-responses/:id',
    { schema: { tags: TAGS, summary: 'Delete a concern response no press event or interpretation names (409 CONFLICT while linked)', security: BEARER, params: idParamsSchema, response: { 204: z.null(), 409: apiErrorSchema, ...errors } } },
    async (request, reply) => {
      await deleteConcernResponse(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- Statistics ----
  app.get(
    '/api/engagement/figures',
    { schema: { tags: TAGS, summary: 'Section 二 (回应解读情况) of the 2014 statistics table for an organization and its subtree in a year (our reading of the rows, UNVERIFIED)', security: BEARER, querystring: engagementFiguresQuerySchema, response: { 200: engagementFiguresSchema, ...errors } } },
    async (request) => engagementFiguresToApi(await engagementFiguresFor(ctx, request.actor, request.query.organizationId, request.query.year)),
  );

  return Promise.resolve();
}
