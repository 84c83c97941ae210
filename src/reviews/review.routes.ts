/**
 * Reconsideration and litigation records: the API (/api/reviews…) and the console pages
 * (/console/reviews…). Thin: every route parses its input and calls one service, where
 * permissions are checked. Staff authenticate with `Authorization: Bearer <session token>` (API)
 * or their session cookie (pages, whose forms carry `_csrf`; the multipart upload in the query).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { can } from '../auth/policy.ts';
import { readFileUpload, sendStoredFile } from '../http/uploads.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { definedOnly } from '../organizations/organization.schema.ts';
import type { GongkaiError } from '../shared/errors.ts';
import type { ReviewDocumentKind } from './review-case.ts';
import {
  createReviewBodySchema,
  formToReviewInput,
  formToReviewPatch,
  reviewDetailSchema,
  reviewDetailToApi,
  reviewFormValues,
  reviewListQuerySchema,
  reviewListSchema,
  reviewSchema,
  reviewTableQuerySchema,
  reviewTableSchema,
  reviewTableToApi,
  reviewToApi,
  updateReviewBodySchema,
} from './review.schema.ts';
import { addReviewDocument, createReview, getReviewDetail, getReviewDocument, listReviews, reviewOrganizations, reviewTableFor, updateReview } from './review.service.ts';
import type { ReviewTableReport } from './review.service.ts';
import { reviewDetailPage, reviewFormPage, reviewListPage } from './review.views.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';

const TAGS = ['reviews'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** Errors shown on the form or page instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'CONFLICT', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE', 'FORBIDDEN']);

/** Flash messages after a successful action (`?done=`). */
const DONE_NOTICES: Readonly<Record<string, string>> = { created: '案件已登记', saved: '已保存', document: '文书已上传' };

/** Rethrows anything that is not shown inline. */
const inlineError = (error: unknown): GongkaiError => inlineErrorOf(error, INLINE_ERRORS);

/** Field errors of a service error (on `fallbackField` when no field is named). */
function fieldErrors(error: GongkaiError, fallbackField = 'form'): FieldErrors {
  const out = issuesToFieldErrors(error.issues);
  if (Object.keys(out).length === 0) out[fallbackField] = error.code === 'FORBIDDEN' ? '您无权为所选机关登记或修改案件' : error.messageZh;
  return out;
}


/** Registers the routes of this module. */
export function reviewRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- API ----
  app.get(
    '/api/reviews',
    {
      schema: {
        tags: TAGS,
        summary: 'Reconsideration and litigation records of an organization subtree (default: every subtree you may read), optionally of one year',
        security: BEARER,
        querystring: reviewListQuerySchema,
        response: { 200: reviewListSchema, ...errors },
      },
    },
    async (request) => ({ reviews: (await listReviews(ctx, request.actor, definedOnly(request.query))).map(reviewToApi) }),
  );

  app.get(
    '/api/reviews/table',
    {
      schema: {
        tags: TAGS,
        summary: 'Table 四 (15 numbers) and the 2014 rows 四/五 of an organization and its subtree for a year: by filing year, outcome as of Dec 31, co-defendant records not counted',
        security: BEARER,
        querystring: reviewTableQuerySchema,
        response: { 200: reviewTableSchema, ...errors },
      },
    },
    async (request) => reviewTableToApi(await reviewTableFor(ctx, request.actor, request.query.organizationId, request.query.year)),
  );

  app.post(
    '/api/reviews',
    { schema: { tags: TAGS, summary: 'Register a reconsideration or suit against an organization (optionally linked to a request case of its subtree)', security: BEARER, body: createReviewBodySchema, response: { 201: reviewSchema, ...errors } } },
    async (request, reply) => {
      const created = await createReview(ctx, request.actor, definedOnly(request.body));
      return reply.code(201).send(reviewToApi(await getReviewDetail(ctx, request.actor, created.id)));
    },
  );

  app.get(
    '/api/reviews/:id',
    { schema: { tags: TAGS, summary: 'One record with its documents', security: BEARER, params: idParamsSchema, response: { 200: reviewDetailSchema, ...errors } } },
    async (request) => reviewDetailToApi(await getReviewDetail(ctx, request.actor, request.params.id)),
  );

  app.patch(
    '/api/reviews/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Record the outcome, or correct the dates, case number or summary; `expectedUpdatedAt` guards against concurrent edits',
        security: BEARER,
        params: idParamsSchema,
        body: updateReviewBodySchema,
        response: { 200: reviewSchema, 409: apiErrorSchema, ...errors },
      },
    },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body;
      await updateReview(ctx, request.actor, request.params.id, definedOnly(patch), expectedUpdatedAt);
      return reviewToApi(await getReviewDetail(ctx, request.actor, request.params.id));
    },
  );

  // ---- Console ----
  const listQuery = z.object({ organizationId: z.string().max(12).optional(), year: z.string().max(8).optional() });
  app.get('/console/reviews', { ...GUARD, schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const actor = request.actor;
    const organizations = await reviewOrganizations(ctx, actor, 'reviews.read');
    const filter = { organizationId: request.query.organizationId ?? '', year: (request.query.year ?? '').trim() };
    const organizationId = Number(filter.organizationId);
    const chosen = organizations.find((o) => o.id === organizationId);
    const errs: FieldErrors = {};
    const year = /^\d{4}$/.test(filter.year) ? Number(filter.year) : undefined;
    if (filter.year !== '' && (year === undefined || year < 2000)) errs['year'] = '年度应为四位年份，如 2026';
    const usableYear = errs['year'] === undefined ? year : undefined;
    const reviews = await listReviews(ctx, actor, { ...(chosen ? { organizationId: chosen.id } : {}), ...(usableYear !== undefined ? { year: usableYear } : {}) });
    let table: ReviewTableReport | null = null;
    if (chosen && usableYear !== undefined) table = await reviewTableFor(ctx, actor, chosen.id, usableYear);
    const csrf = reply.generateCsrf();
    const body = reviewListPage({ reviews, organizations, filter: { organizationId: chosen ? String(chosen.id) : '', year: filter.year }, table, canManage: can(actor, 'reviews.manage'), errors: errs });
    return reply.code(errs['year'] ? 400 : 200).type(HTML).send(consolePage(request, csrf, '行政复议和行政诉讼', body));
  });

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, status: number, values: Record<string, string>, errs: FieldErrors): Promise<FastifyReply> => {
    const organizations = await reviewOrganizations(ctx, request.actor, 'reviews.manage');
    const csrf = reply.generateCsrf();
    return reply.code(status).type(HTML).send(consolePage(request, csrf, '登记行政复议或行政诉讼案件', reviewFormPage({ csrf, values, errors: errs, organizations })));
  };

  app.get('/console/reviews/new', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const organizations = await reviewOrganizations(ctx, request.actor, 'reviews.manage');
    const only = organizations.length === 1 ? organizations[0] : undefined;
    return renderForm(request, reply, 200, { outcome: 'pending', defendantRole: 'original-agency', ...(only ? { organizationId: String(only.id) } : {}) }, {});
  });

  // The form posts to /console/reviews; /console/reviews/new accepts the same post.
  for (const url of ['/console/reviews', '/console/reviews/new']) {
    app.post(url, { ...GUARD, schema: { hide: true } }, async (request, reply) => {
      const values = formFields(request.body);
      try {
        const created = await createReview(ctx, request.actor, formToReviewInput(values));
        return await reply.redirect(`/console/reviews/${created.id}?done=created`, 303);
      } catch (error) {
        const known = inlineError(error);
        return renderForm(request, reply, known.status, values, fieldErrors(known, known.code === 'FORBIDDEN' ? 'organizationId' : 'form'));
      }
    });
  }

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, id: number, status: number, values: Record<string, string> | null, errs: FieldErrors, notice?: string): Promise<FastifyReply> => {
    const detail = await getReviewDetail(ctx, request.actor, id);
    const csrf = reply.generateCsrf();
    const canManage = can(request.actor, 'reviews.manage', { organizationPath: detail.organization.path });
    const body = reviewDetailPage({ csrf, detail, canManage, values: values ?? reviewFormValues(detail.review), errors: errs, expectedUpdatedAt: detail.review.updatedAt });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, `${detail.review.applicantName}（${detail.review.caseNumber ?? `案件 ${id}`}）`, body, notice));
  };

  app.get('/console/reviews/:id', { ...GUARD, schema: { hide: true, params: idParamsSchema, querystring: z.object({ done: z.string().max(20).optional() }) } }, async (request, reply) =>
    renderDetail(request, reply, request.params.id, 200, null, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
  );

  app.post('/console/reviews/:id', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const id = request.params.id;
    const values = formFields(request.body);
    try {
      await updateReview(ctx, request.actor, id, formToReviewPatch(values), values['expectedUpdatedAt'] || undefined);
      return await reply.redirect(`/console/reviews/${id}?done=saved`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderDetail(request, reply, id, known.status, values, fieldErrors(known));
    }
  });

  app.post('/console/reviews/:id/documents', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const id = request.params.id;
    try {
      const { upload, fields } = await readFileUpload(request);
      await addReviewDocument(ctx, request.actor, id, upload, (fields['kind'] ?? '') as ReviewDocumentKind);
      return await reply.redirect(`/console/reviews/${id}?done=document`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderDetail(request, reply, id, known.status, null, fieldErrors(known, 'file'));
    }
  });

  app.get(
    '/console/reviews/:id/documents/:documentId',
    { ...GUARD, schema: { hide: true, params: z.object({ id: recordIdSchema, documentId: recordIdSchema }) } },
    async (request, reply) => {
      const { document, filePath } = await getReviewDocument(ctx, request.actor, request.params.id, request.params.documentId);
      return sendStoredFile(reply, document, filePath, 'private, no-store');
    },
  );

  return Promise.resolve();
}
