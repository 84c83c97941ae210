/**
 * The catalog API (/api/items…): the public catalog and item pages' data, drafting, the approval
 * lifecycle, interpretation links, attachments and timeliness (2019 art. 12, 19–26). Thin: every
 * route parses its input with zod and calls one service, where permissions are checked. Staff
 * authenticate with `Authorization: Bearer <session token>`.
 */
import { createReadStream } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { contentDisposition, readFileUpload } from '../http/uploads.ts';
import { addAttachment, getAttachment } from './attachment.service.ts';
import type { AttachmentUpload } from './attachment.service.ts';
import { getItemDetail, getItemTimeliness, itemWithTimeliness, listCatalogItems } from './catalog-query.service.ts';
import type { ItemQuery } from './catalog-query.service.ts';
import {
  attachmentSchema,
  attachmentToApi,
  createItemBodySchema,
  detailToApi,
  itemDetailSchema,
  itemListSchema,
  itemSchema,
  itemSummaryToApi,
  itemToApi,
  listItemsQuerySchema,
  presentOnly,
  timelinessSchema,
  updateItemBodySchema,
} from './catalog.schema.ts';
import { approveAndPublish, createDraft, linkInterpretation, returnItem, submitItem, supersedeItem, updateDraft, withdrawItem } from './catalog.service.ts';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';

const TAGS = ['catalog'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

/**
 * The first file of a multipart request.
 * @throws GongkaiError `UPLOAD_TYPE` when the request is not multipart, `VALIDATION_FAILED` without a file
 */
export async function readSingleFile(request: FastifyRequest): Promise<AttachmentUpload> {
  return (await readFileUpload(request)).upload;
}

/** Registers the routes of this module. */
export function catalogApiRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const view = async (item: Parameters<typeof itemWithTimeliness>[1]): Promise<ReturnType<typeof itemToApi>> => itemToApi(await itemWithTimeliness(ctx, item));

  app.get(
    '/api/items',
    {
      schema: {
        tags: TAGS,
        summary: 'List catalog items: the public catalog (published items), or with `status` the staff view of your subtree',
        querystring: listItemsQuerySchema,
        response: { 200: itemListSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const query: ItemQuery = {};
      if (q.status !== undefined) query.status = q.status;
      if (q.organizationId !== undefined) query.organizationId = q.organizationId;
      if (q.genre !== undefined) query.genre = q.genre;
      if (q.subjectCategory !== undefined) query.subjectCategory = q.subjectCategory;
      if (q.year !== undefined) query.year = q.year;
      if (q.q !== undefined) query.q = q.q;
      if (q.page !== undefined) query.page = q.page;
      if (q.pageSize !== undefined) query.pageSize = q.pageSize;
      const result = await listCatalogItems(ctx, request.actor, query);
      return { ...result, items: result.items.map(itemSummaryToApi) };
    },
  );

  app.get(
    '/api/items/:id',
    { schema: { tags: TAGS, summary: 'One item with attachments and interpretation links (unpublished items: staff of its subtree only)', params: idParamsSchema, response: { 200: itemDetailSchema, 404: apiErrorSchema } } },
    async (request) => detailToApi(await getItemDetail(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/api/items/:id/timeliness',
    { schema: { tags: TAGS, summary: 'Whether the item is (being) published within 20 working days of its creation date (2019 art. 26)', params: idParamsSchema, response: { 200: timelinessSchema, 404: apiErrorSchema } } },
    async (request) => getItemTimeliness(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/items',
    { schema: { tags: TAGS, summary: 'Create a draft', security: BEARER, body: createItemBodySchema, response: { 201: itemSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await view(await createDraft(ctx, request.actor, presentOnly(request.body)))),
  );

  app.patch(
    '/api/items/:id',
    { schema: { tags: TAGS, summary: 'Change a draft (only the fields given); `expectedUpdatedAt` guards against concurrent edits', security: BEARER, params: idParamsSchema, body: updateItemBodySchema, response: { 200: itemSchema, ...errors } } },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body;
      return view(await updateDraft(ctx, request.actor, request.params.id, presentOnly(patch), expectedUpdatedAt));
    },
  );

  app.post(
    '/api/items/:id/submit',
    { schema: { tags: TAGS, summary: 'Submit a draft for approval (draft → submitted)', security: BEARER, params: idParamsSchema, response: { 200: itemSchema, ...errors } } },
    async (request) => view(await submitItem(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/items/:id/return',
    {
      schema: {
        tags: TAGS,
        summary: 'Return a submitted item to its editor with a comment (submitted → draft; approvers)',
        security: BEARER,
        params: idParamsSchema,
        body: z.object({ comment: z.string() }),
        response: { 200: itemSchema, ...errors },
      },
    },
    async (request) => view(await returnItem(ctx, request.actor, request.params.id, request.body.comment)),
  );

  app.post(
    '/api/items/:id/publish',
    { schema: { tags: TAGS, summary: 'Approve and publish (submitted → published; approvers): assigns the index number and publication date', security: BEARER, params: idParamsSchema, response: { 200: itemSchema, ...errors } } },
    async (request) => view(await approveAndPublish(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/items/:id/withdraw',
    { schema: { tags: TAGS, summary: 'Withdraw a published item, with the reason (approvers)', security: BEARER, params: idParamsSchema, body: z.object({ reason: z.string() }), response: { 200: itemSchema, ...errors } } },
    async (request) => view(await withdrawItem(ctx, request.actor, request.params.id, request.body.reason)),
  );

  app.post(
    '/api/items/:id/supersede',
    {
      schema: {
        tags: TAGS,
        summary: 'Mark a published item as superseded by another published item of the same organization (approvers)',
        security: BEARER,
        params: idParamsSchema,
        body: z.object({ byItemId: z.number().int().positive().max(MAX_RECORD_ID) }),
        response: { 200: itemSchema, ...errors },
      },
    },
    async (request) => view(await supersedeItem(ctx, request.actor, request.params.id, request.body.byItemId)),
  );

  app.post(
    '/api/items/:id/interpretations',
    {
      schema: {
        tags: TAGS,
        summary: 'Link a policy interpretation (an item of genre `interpretation`) to this policy document',
        security: BEARER,
        params: idParamsSchema,
        body: z.object({ interpretationItemId: z.number().int().positive().max(MAX_RECORD_ID) }),
        response: { 200: z.object({ created: z.boolean() }), 201: z.object({ created: z.boolean() }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await linkInterpretation(ctx, request.actor, request.params.id, request.body.interpretationItemId);
      return reply.code(created ? 201 : 200).send({ created });
    },
  );

  app.post(
    '/api/items/:id/attachments',
    {
      schema: {
        tags: TAGS,
        summary: 'Attach a file to a draft (multipart field `file`; pdf, docx, doc, xlsx, xls, ofd, jpg, png, zip, txt)',
        security: BEARER,
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: attachmentSchema, 413: apiErrorSchema, 415: apiErrorSchema, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await readSingleFile(request);
      return reply.code(201).send(attachmentToApi(await addAttachment(ctx, request.actor, request.params.id, upload)));
    },
  );

  app.get(
    '/api/items/:id/attachments/:attachmentId',
    {
      schema: {
        tags: TAGS,
        summary: 'Download an attachment (public for published items)',
        params: z.object({ id: recordIdSchema, attachmentId: recordIdSchema }),
      },
    },
    async (request, reply) => {
      const { attachment, filePath } = await getAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
      return reply
        .type(attachment.mediaType)
        .header('Content-Disposition', contentDisposition(attachment.fileName))
        .header('Content-Length', String(attachment.sizeBytes))
        .header('Cache-Control', 'private, max-age=0')
        .send(createReadStream(filePath));
    },
  );

  return Promise.resolve();
}
