/**
 * The staff console's catalog pages (/console, /console/items…): dashboard, list, draft and edit
 * forms, the detail page with its lifecycle buttons (提交审核, 退回, 审核并发布, 撤回, 替代), uploads.
 * Server-rendered Chinese HTML, no JavaScript; every form posts `_csrf` (multipart: `?_csrf=`).
 * Anonymous visitors are redirected to the login page; services check every permission again.
 */
import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../auth/auth.schema.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/policy.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { toGongkaiError } from '../http/error-handler.ts';
import type { SafeHtml } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import { today } from '../shared/clock.ts';
import type { GongkaiError } from '../shared/errors.ts';
import { addAttachment, getAttachment } from './attachment.service.ts';
import { DEFAULT_PUBLICATION_CHANNELS, GENRES, ITEM_STATUSES } from './catalog-item.ts';
import type { CatalogItem, ItemStatus } from './catalog-item.ts';
import { FIELD_LABELS_ZH } from './catalog-item.schema.ts';
import { CHANNELS_SHOWN_FIELD, dashboardPage, detailPage, itemFormPage, listPage } from './catalog-console.views.ts';
import { catalogDashboard, draftableOrganizations, getItemDetail, listCatalogItems, subjectCategoryChoices, visibleOrganizations } from './catalog-query.service.ts';
import type { ItemQuery } from './catalog-query.service.ts';
import { contentDisposition } from '../http/uploads.ts';
import { readSingleFile } from './catalog.routes.ts';
import { approveAndPublish, createDraft, itemToRawInput, linkInterpretation, returnItem, submitItem, supersedeItem, updateDraft, withdrawItem } from './catalog.service.ts';
import { recordIdSchema } from '../shared/record-id.ts';

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** Flash messages after a successful action (`?done=`). */
const DONE_NOTICES: Record<string, string> = {
  created: '草稿已保存',
  saved: '修改已保存',
  submit: '已提交审核',
  return: '已退回编辑',
  publish: '已审核并发布',
  withdraw: '已撤回',
  supersede: '已标记为被替代',
  interpretations: '已关联政策解读',
  attachments: '附件已上传',
};

const doneQuerySchema = z.object({ done: z.string().max(20).optional() });

/** Errors shown on the form or detail page instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'INDEX_NUMBER_DUPLICATE', 'INDEX_NUMBER_IMMUTABLE', 'ILLEGAL_TRANSITION', 'CONFLICT', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE']);

function page(request: FastifyRequest, csrf: string, title: string, body: SafeHtml, notice?: string): string {
  return renderPage({ title, area: 'console', actor: request.actor, csrfToken: csrf, body, ...(notice ? { notice } : {}) });
}

/**
 * The form's strings for the item fields. The 发布渠道 checkboxes post one `channels` value each;
 * they are kept as one comma-separated string (`website,wechat`) for showing the form again.
 */
function formValues(body: unknown): Record<string, string> {
  const fields = formFields(body);
  const out: Record<string, string> = {};
  for (const key of Object.keys(FIELD_LABELS_ZH)) if (fields[key] !== undefined) out[key] = fields[key];
  const checked = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['channels'] : undefined;
  const channels = (Array.isArray(checked) ? checked : [checked]).filter((c): c is string => typeof c === 'string');
  if (channels.length > 0 || fields[CHANNELS_SHOWN_FIELD] !== undefined) out['channels'] = channels.join(',');
  return out;
}

/**
 * The service input of a posted form. A browser posts nothing for unchecked boxes, so when the form
 * showed the 发布渠道 boxes and none is checked, the input says so (an empty list, refused by
 * validation) rather than leaving the field out (which would mean the default, or no change).
 */
function formInput(values: Record<string, string>): Record<string, unknown> {
  if (values['channels'] === undefined) return values;
  return { ...values, channels: values['channels'].split(',').filter((c) => c !== '') };
}

/** An item as form strings (for the edit form). */
function itemFormValues(item: CatalogItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(itemToRawInput(item))) {
    if (key === 'channels' && Array.isArray(value)) out[key] = value.join(',');
    else if (Array.isArray(value)) out[key] = value.join('，');
    else if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  return out;
}

/** Field errors of a service error (a message on `form` when no field is named). */
function fieldErrors(error: GongkaiError, fallbackField = 'form'): FieldErrors {
  const errors = issuesToFieldErrors(error.issues);
  if (errors['status'] !== undefined) {
    errors['form'] = errors['status'];
    delete errors['status'];
  }
  if (Object.keys(errors).length === 0) errors[fallbackField] = error.messageZh;
  return errors;
}

/** Rethrows anything that is not shown inline. */
function inlineError(error: unknown): GongkaiError {
  const known = toGongkaiError(error);
  if (!known || !INLINE_ERRORS.has(known.code)) throw error;
  return known;
}

/** Registers the routes of this module. */
export function catalogConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const orgNames = async (actor: Actor): Promise<Map<number, string>> => new Map((await visibleOrganizations(ctx, actor)).map((o) => [o.id, o.name]));

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, o: { status: number; action: string; heading: string; values: Record<string, string>; errors: FieldErrors; expectedUpdatedAt?: string }): Promise<FastifyReply> => {
    const csrf = reply.generateCsrf();
    const body = itemFormPage({
      csrf,
      action: o.action,
      heading: o.heading,
      values: o.values,
      errors: o.errors,
      organizations: await draftableOrganizations(ctx, request.actor),
      subjectCategories: await subjectCategoryChoices(ctx, request.actor),
      ...(o.expectedUpdatedAt !== undefined ? { expectedUpdatedAt: o.expectedUpdatedAt } : {}),
    });
    return reply.code(o.status).type(HTML).send(page(request, csrf, o.heading, body));
  };

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, id: number, status: number, errors: FieldErrors, notice?: string): Promise<FastifyReply> => {
    const actor = request.actor;
    const detail = await getItemDetail(ctx, actor, id);
    const item = detail.item;
    const target = { organizationPath: detail.organization.path };
    const may = {
      edit: item.status === 'draft' && can(actor, 'catalog.draft', target),
      submit: item.status === 'draft' && can(actor, 'catalog.submit', target),
      approve: item.status === 'submitted' && can(actor, 'catalog.approve', target),
      withdraw: item.status === 'published' && can(actor, 'catalog.withdraw', target),
      link: item.genre !== 'interpretation' && can(actor, 'catalog.draft', target),
    };
    const replacements = may.withdraw ? (await listCatalogItems(ctx, actor, { status: 'published', organizationId: item.organizationId, pageSize: 100 })).items.filter((i) => i.id !== id) : [];
    const csrf = reply.generateCsrf();
    const body = detailPage({ csrf, detail, may, replacements, errors });
    return reply.code(status).type(HTML).send(page(request, csrf, item.title, body, notice));
  };

  app.get('/console', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const dashboard = await catalogDashboard(ctx, request.actor);
    const csrf = reply.generateCsrf();
    return reply.type(HTML).send(page(request, csrf, '工作台', dashboardPage(dashboard, await orgNames(request.actor), can(request.actor, 'catalog.draft'))));
  });

  const listQuerySchema = z.object({
    status: z.string().max(20).optional(),
    organizationId: z.string().max(12).optional(),
    genre: z.string().max(40).optional(),
    year: z.string().max(8).optional(),
    q: z.string().max(100).optional(),
    page: z.coerce.number().int().positive().max(100_000).optional(),
  });
  app.get('/console/items', { ...GUARD, schema: { hide: true, querystring: listQuerySchema } }, async (request, reply) => {
    const q = request.query;
    const statusCodes: readonly string[] = ITEM_STATUSES.map((s) => s.code);
    const status = q.status !== undefined && statusCodes.includes(q.status) ? (q.status as ItemStatus) : 'all';
    const query: ItemQuery = { status, page: q.page ?? 1, pageSize: 20 };
    const organizationId = Number(q.organizationId);
    if (Number.isInteger(organizationId) && organizationId > 0) query.organizationId = organizationId;
    const genre = GENRES.find((g) => g.code === q.genre);
    if (genre) query.genre = genre.code;
    const year = Number(q.year);
    if (/^\d{4}$/.test(q.year ?? '') && year >= 1949) query.year = year;
    if (q.q !== undefined && q.q.trim() !== '') query.q = q.q.trim();
    const result = await listCatalogItems(ctx, request.actor, query);
    const csrf = reply.generateCsrf();
    const body = listPage({
      ...result,
      filter: { status, organizationId: query.organizationId !== undefined ? String(query.organizationId) : '', genre: query.genre ?? '', year: query.year !== undefined ? String(query.year) : '', q: query.q ?? '' },
      organizations: await visibleOrganizations(ctx, request.actor),
      canDraft: can(request.actor, 'catalog.draft'),
    });
    return reply.type(HTML).send(page(request, csrf, '目录信息', body));
  });

  app.get('/console/items/new', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const organizations = await draftableOrganizations(ctx, request.actor);
    const only = organizations.length === 1 ? organizations[0] : undefined;
    const values: Record<string, string> = { creationDate: today(ctx.clock), disclosureType: 'proactive', validity: 'in_force', channels: DEFAULT_PUBLICATION_CHANNELS.join(',') };
    if (only) Object.assign(values, { organizationId: String(only.id), issuingAgency: only.name });
    return renderForm(request, reply, { status: 200, action: '/console/items', heading: '新建目录信息', values, errors: {} });
  });

  // The form posts to /console/items; /console/items/new accepts the same post.
  for (const url of ['/console/items', '/console/items/new']) {
    app.post(url, { ...GUARD, schema: { hide: true } }, async (request, reply) => {
      const values = formValues(request.body);
      try {
        const created = await createDraft(ctx, request.actor, formInput(values));
        return await reply.redirect(`/console/items/${created.id}?done=created`, 303);
      } catch (error) {
        const known = inlineError(error);
        return renderForm(request, reply, { status: known.code === 'VALIDATION_FAILED' ? 400 : known.status, action: '/console/items', heading: '新建目录信息', values, errors: fieldErrors(known) });
      }
    });
  }

  app.get('/console/items/:id', { ...GUARD, schema: { hide: true, params: idParamsSchema, querystring: doneQuerySchema } }, async (request, reply) =>
    renderDetail(request, reply, request.params.id, 200, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
  );

  app.get('/console/items/:id/edit', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const { item } = await getItemDetail(ctx, request.actor, request.params.id);
    const errors: FieldErrors = item.status === 'draft' ? {} : { form: '只有草稿可以修改；待审核的信息须先退回，已发布的信息不能修改' };
    return renderForm(request, reply, { status: 200, action: `/console/items/${item.id}/edit`, heading: `修改：${item.title}`, values: itemFormValues(item), errors, expectedUpdatedAt: item.updatedAt });
  });

  app.post('/console/items/:id/edit', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const id = request.params.id;
    const values = formValues(request.body);
    const expectedUpdatedAt = formFields(request.body)['expectedUpdatedAt'] ?? '';
    try {
      await updateDraft(ctx, request.actor, id, formInput(values), expectedUpdatedAt);
      return await reply.redirect(`/console/items/${id}?done=saved`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderForm(request, reply, { status: known.code === 'VALIDATION_FAILED' ? 400 : known.status, action: `/console/items/${id}/edit`, heading: '修改目录信息', values, errors: fieldErrors(known), expectedUpdatedAt });
    }
  });

  /** A lifecycle button's POST: run the service, then back to the detail page (errors shown there). */
  const action = (path: string, run: (actor: Actor, id: number, fields: Record<string, string>) => Promise<unknown>): void => {
    app.post(`/console/items/:id/${path}`, { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
      const id = request.params.id;
      try {
        await run(request.actor, id, formFields(request.body));
        return await reply.redirect(`/console/items/${id}?done=${path}`, 303);
      } catch (error) {
        const known = inlineError(error);
        return renderDetail(request, reply, id, known.status, fieldErrors(known));
      }
    });
  };
  action('submit', (actor, id) => submitItem(ctx, actor, id));
  action('return', (actor, id, f) => returnItem(ctx, actor, id, f['comment'] ?? ''));
  action('publish', (actor, id) => approveAndPublish(ctx, actor, id));
  action('withdraw', (actor, id, f) => withdrawItem(ctx, actor, id, f['reason'] ?? ''));
  action('supersede', (actor, id, f) => supersedeItem(ctx, actor, id, Number(f['byItemId'] ?? '')));
  action('interpretations', (actor, id, f) => linkInterpretation(ctx, actor, id, Number(f['interpretationItemId'] ?? '')));

  app.post('/console/items/:id/attachments', { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const id = request.params.id;
    try {
      await addAttachment(ctx, request.actor, id, await readSingleFile(request));
      return await reply.redirect(`/console/items/${id}?done=attachments`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderDetail(request, reply, id, known.status, fieldErrors(known, 'file'));
    }
  });

  app.get('/console/items/:id/attachments/:attachmentId', { ...GUARD, schema: { hide: true, params: z.object({ id: recordIdSchema, attachmentId: recordIdSchema }) } }, async (request, reply) => {
    const { attachment, filePath } = await getAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
    return reply.type(attachment.mediaType).header('Content-Disposition', contentDisposition(attachment.fileName)).header('Content-Length', String(attachment.sizeBytes)).send(createReadStream(filePath));
  });

  return Promise.resolve();
}
