/**
 * The audit log, read-only: API (GET /api/audit) and console pages (/console/audit and one event's
 * details). There is no route that changes or deletes an event.
 */
import { z } from 'zod';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import { textField } from '../auth/form-view.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import { AUDIT_ACTION_NAMES_ZH } from './audit-event.ts';
import type { AuditEvent } from './audit-event.ts';
import { AUDIT_PAGE_MAX, getAuditEvent, listAuditEvents } from './audit.service.ts';
import type { AuditFilter } from './audit.service.ts';
import { recordIdSchema } from '../shared/record-id.ts';

const HTML = 'text/html; charset=utf-8';

const auditEventSchema = z.object({
  id: z.number().int(),
  /** ISO instant. */
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  organizationId: z.number().int().nullable(),
  organizationName: z.string().nullable(),
  /** The record before the change; null on creation. */
  before: z.unknown(),
  /** The record after the change; null on deletion. */
  after: z.unknown(),
  note: z.string().nullable(),
});

const auditQuerySchema = z.object({
  organizationId: recordIdSchema.optional(),
  entityType: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(64).optional(),
  /** Cursor: events with a smaller id (the `nextBefore` of the previous page). */
  before: recordIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
});

/** Drops empty strings and undefined (forms send blank fields). */
function toFilter(query: z.infer<typeof auditQuerySchema>): AuditFilter {
  const filter: AuditFilter = {};
  if (query.organizationId !== undefined) filter.organizationId = query.organizationId;
  if (query.entityType) filter.entityType = query.entityType;
  if (query.entityId) filter.entityId = query.entityId;
  if (query.action) filter.action = query.action;
  if (query.before !== undefined) filter.before = query.before;
  if (query.limit !== undefined) filter.limit = query.limit;
  return filter;
}

/** The shown time: China time, to the second. */
function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

function actionName(action: string): string {
  return AUDIT_ACTION_NAMES_ZH[action] ?? action;
}

function listPage(events: readonly AuditEvent[], filter: AuditFilter, limit: number): SafeHtml {
  const params = new URLSearchParams();
  for (const key of ['organizationId', 'entityType', 'entityId', 'action'] as const) if (filter[key] !== undefined) params.set(key, String(filter[key]));
  const last = events[events.length - 1];
  if (last && events.length === limit) params.set('before', String(last.id));
  return html`<h1>审计日志</h1>
<form method="get" action="/console/audit" aria-label="筛选">
${textField({ name: 'action', label: '操作（代码，如 user.update）', value: filter.action ?? '' })}
${textField({ name: 'entityType', label: '对象类型（如 organization、user）', value: filter.entityType ?? '' })}
${textField({ name: 'entityId', label: '对象编号', value: filter.entityId ?? '' })}
${textField({ name: 'organizationId', label: '机构编号', value: filter.organizationId === undefined ? '' : String(filter.organizationId) })}
<button type="submit">筛选</button>
</form>
<table>
<caption>审计日志（最新在前，北京时间）</caption>
<thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">机构</th><th scope="col">说明</th></tr></thead>
<tbody>
${events.map(
  (e) => html`<tr><td><a href="/console/audit/${e.id}">${chinaTime(e.at)}</a></td><td>${e.actorLabel}</td><td>${actionName(e.action)}</td><td>${e.entityType} ${e.entityId}</td><td>${e.organizationName ?? '（全局）'}</td><td>${e.note ?? ''}</td></tr>`,
)}
</tbody>
</table>
${events.length === 0 ? html`<p>没有符合条件的记录。</p>` : ''}
${last && events.length === limit ? html`<p class="pager"><a href="/console/audit?${params.toString()}">更早的记录</a></p>` : ''}`;
}

function jsonBlock(value: unknown): SafeHtml {
  return value === null || value === undefined ? html`<p>（无）</p>` : html`<pre>${JSON.stringify(value, null, 2)}</pre>`;
}

function detailPage(e: AuditEvent): SafeHtml {
  return html`<h1>审计记录 ${e.id}</h1>
<dl class="meta">
<dt>时间</dt><dd>${chinaTime(e.at)}（${e.at}）</dd><dt>操作人</dt><dd>${e.actorLabel}</dd>
<dt>操作</dt><dd>${actionName(e.action)}（${e.action}）</dd><dt>对象</dt><dd>${e.entityType} ${e.entityId}</dd>
<dt>机构</dt><dd>${e.organizationName ?? '（全局）'}</dd><dt>说明</dt><dd>${e.note ?? ''}</dd>
</dl>
<h2>变更前</h2>
${jsonBlock(e.before)}
<h2>变更后</h2>
${jsonBlock(e.after)}
<p><a href="/console/audit">返回审计日志</a></p>`;
}

/** Registers the routes of this module. */
export function auditRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events in the caller’s subtrees, newest first (auditor, org_admin, system_admin)',
        security: [{ bearer: [] }],
        querystring: auditQuerySchema,
        response: { 200: z.object({ events: z.array(auditEventSchema), nextBefore: z.number().int().nullable() }), 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request) => {
      const filter = toFilter(request.query);
      const limit = filter.limit ?? 50;
      const events = await listAuditEvents(ctx, request.actor, filter);
      const last = events[events.length - 1];
      return { events, nextBefore: last && events.length === limit ? last.id : null };
    },
  );

  app.get('/console/audit', { schema: { hide: true, querystring: auditQuerySchema.extend({ organizationId: z.union([z.literal(''), recordIdSchema]).optional() }) } }, async (request, reply) => {
    const { organizationId, ...rest } = request.query;
    const filter = toFilter({ ...rest, ...(typeof organizationId === 'number' ? { organizationId } : {}) });
    const limit = filter.limit ?? 50;
    const events = await listAuditEvents(ctx, request.actor, filter);
    return reply.type(HTML).send(renderPage({ title: '审计日志', area: 'console', actor: request.actor, csrfToken: reply.generateCsrf(), body: listPage(events, filter, limit) }));
  });

  app.get('/console/audit/:id', { schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const event = await getAuditEvent(ctx, request.actor, request.params.id);
    return reply.type(HTML).send(renderPage({ title: `审计记录 ${event.id}`, area: 'console', actor: request.actor, csrfToken: reply.generateCsrf(), body: detailPage(event) }));
  });

  return Promise.resolve();
}
