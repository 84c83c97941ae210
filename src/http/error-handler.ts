/**
 * The one place that maps errors to HTTP. API routes (`/api/…`) answer JSON
 * `{ error: { code, message, issues } }`; pages answer a Chinese error page with the same status.
 * Unknown errors become a generic 500 (`INTERNAL`), logged with their stack, never shown.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { html } from './html.ts';
import { renderPage } from './views/layout.ts';

/** Whether a request is an API request (JSON errors) rather than a page. */
export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api';
}

/** Turns fastify's zod validation error into our field issues. */
function zodIssues(error: FastifyError): ErrorIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => {
    const field = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (typeof v.params?.['missingProperty'] === 'string' ? v.params['missingProperty'] : v.keyword || 'input');
    return { field, message: v.message ?? 'invalid', messageZh: `字段 ${field} 无效：${v.message ?? ''}` };
  });
}

/** Converts anything thrown into a GongkaiError (or null for an unknown failure). */
export function toGongkaiError(error: unknown): GongkaiError | null {
  if (isGongkaiError(error)) return error;
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) return new GongkaiError('VALIDATION_FAILED', undefined, { issues: zodIssues(fe) });
  if (fe?.statusCode === 429) return new GongkaiError('RATE_LIMITED');
  if (fe?.code === 'FST_CSRF_INVALID_TOKEN' || fe?.code === 'FST_CSRF_MISSING_SECRET') return new GongkaiError('CSRF_INVALID');
  if (fe?.code === 'FST_REQ_FILE_TOO_LARGE' || fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe?.statusCode === 413) return new GongkaiError('UPLOAD_TOO_LARGE');
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new GongkaiError('UPLOAD_TYPE', fe.message);
  if (fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe?.statusCode === 400 && typeof fe.code === 'string' && fe.code.startsWith('FST_'))) {
    return new GongkaiError('VALIDATION_FAILED', fe.message);
  }
  if (fe?.statusCode === 404) return new GongkaiError('NOT_FOUND');
  return null;
}

/** Sends the error response for `error`. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toGongkaiError(error);
  if (!known) request.log.error({ err: error }, 'unhandled error');
  const status = known?.status ?? 500;
  const code = known?.code ?? 'INTERNAL';
  if (isApiRequest(request)) {
    return reply.code(status).type('application/json; charset=utf-8').send({
      error: {
        code,
        message: known?.message ?? 'Internal server error',
        ...(known && known.issues.length > 0 ? { issues: known.issues.map((i) => ({ field: i.field, ...(i.row !== undefined ? { row: i.row } : {}), message: i.message })) } : {}),
      },
    });
  }
  const messageZh = known?.messageZh ?? '服务器内部错误，请稍后再试';
  const body = html`<h1>出错了</h1>
    <p>${messageZh}（错误代码 ${code}）</p>
    ${known && known.issues.length > 0 ? html`<ul>${known.issues.map((i) => html`<li>${i.row !== undefined ? `第 ${i.row} 行：` : ''}${i.messageZh}</li>`)}</ul>` : ''}
    <p><a href="/">回到首页</a></p>`;
  const actor = request.actor ?? { kind: 'public' };
  const area = request.url.startsWith('/console') ? 'console' : 'portal';
  // The console frame carries a logout form, which needs a CSRF token like every other form.
  const csrfToken = area === 'console' && actor.kind === 'user' ? reply.generateCsrf() : undefined;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderPage({ title: '出错了', area, actor, body, ...(csrfToken ? { csrfToken } : {}) }));
}
