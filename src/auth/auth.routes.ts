/**
 * Login, logout and password change: pages (/login, /logout, /console/password) and API
 * (/api/session). Also installs the console gate: every `/console…` page redirects an anonymous
 * visitor to `/login?next=…` and a user with a one-time password to `/console/password`
 * (route modules that want the gate per route use `requireStaffPage` from `../http/console-guard.ts`).
 */
import { z } from 'zod';
import { SESSION_COOKIE } from '../http/app.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { consoleGuardHook } from '../http/console-guard.ts';
import { html } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import {
  actorToApi,
  apiErrorSchema,
  changePasswordBodySchema,
  loginBodySchema,
  loginResponseSchema,
  meResponseSchema,
  userToApi,
} from './auth.schema.ts';
import { csrfField, errorSummary, formFields, issuesToFieldErrors, textField } from './form-view.ts';
import type { FieldErrors } from './form-view.ts';
import { PASSWORD_MIN_LENGTH } from './password.ts';
import { login, logout } from './session.service.ts';
import { changeOwnPassword } from './user.service.ts';

/** Login attempts allowed per client address per minute (on top of the per-account lockout). */
const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

/**
 * Where to go after login: `next` when it is a same-site console path, else `/console`.
 * Refuses anything that could leave the site (`//host`, `/\host`, schemes, control characters).
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/console';
  return /^\/console(?:[/?#][^\s\\]*)?$/.test(next) ? next : '/console';
}

function loginForm(o: { csrf: string; next: string; username: string }): ReturnType<typeof html> {
  return html`<h1>工作人员登录</h1>
<form method="post" action="/login" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="next" value="${o.next}">
${textField({ name: 'username', label: '用户名', value: o.username, autocomplete: 'username', required: true })}
${textField({ name: 'password', label: '密码', type: 'password', autocomplete: 'current-password', required: true })}
<button type="submit">登录</button>
</form>
<p>公众查阅政府信息无需登录，请访问<a href="/">门户首页</a>。</p>`;
}

const PASSWORD_LABELS: Record<string, string> = { currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码' };

function passwordForm(o: { csrf: string; errors: FieldErrors; pending: boolean }): ReturnType<typeof html> {
  return html`<h1>修改密码</h1>
${o.pending ? html`<p class="notice" role="status">您正在使用初始密码或管理员重置的一次性密码，请先设置新密码。</p>` : ''}
${errorSummary(o.errors, PASSWORD_LABELS)}
<form method="post" action="/console/password" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'currentPassword', label: '当前密码', type: 'password', autocomplete: 'current-password', required: true, error: o.errors['currentPassword'] })}
${textField({ name: 'newPassword', label: '新密码', type: 'password', autocomplete: 'new-password', required: true, error: o.errors['newPassword'], hint: `至少 ${PASSWORD_MIN_LENGTH} 个字符，包含小写字母、大写字母、数字、其他字符中的至少三类，且不能与用户名相同。` })}
${textField({ name: 'confirmPassword', label: '确认新密码', type: 'password', autocomplete: 'new-password', required: true, error: o.errors['confirmPassword'] })}
<button type="submit">修改密码</button>
</form>`;
}

/** Registers the routes of this module and the console gate. */
export function authRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const secure = ctx.config.publicUrl.startsWith('https://');
  app.addHook('onRequest', consoleGuardHook);

  // ---- Pages ----
  app.get('/login', { schema: { hide: true, querystring: z.object({ next: z.string().optional() }) } }, (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.actor.kind === 'user') return reply.redirect(next, 303);
    return reply.type('text/html; charset=utf-8').send(renderPage({ title: '工作人员登录', area: 'portal', actor: request.actor, body: loginForm({ csrf: reply.generateCsrf(), next, username: '' }) }));
  });

  app.post('/login', { schema: { hide: true }, config: { rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const fields = formFields(request.body);
    const next = safeNext(fields['next']);
    const username = (fields['username'] ?? '').slice(0, 64);
    try {
      const result = await login(ctx, { username, password: fields['password'] ?? '', clientKey: request.ip });
      void reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      return await reply.redirect(result.user.mustChangePassword ? '/console/password' : next, 303);
    } catch (error) {
      if (!isGongkaiError(error, 'LOGIN_FAILED') && !isGongkaiError(error, 'ACCOUNT_LOCKED')) throw error;
      const message = error.code === 'ACCOUNT_LOCKED' ? `${error.messageZh}。连续 5 次登录失败后账户锁定 15 分钟，届时可再试或请管理员重置密码。` : error.messageZh;
      return reply
        .code(error.status)
        .type('text/html; charset=utf-8')
        .send(renderPage({ title: '工作人员登录', area: 'portal', actor: request.actor, error: message, body: loginForm({ csrf: reply.generateCsrf(), next, username }) }));
    }
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.sessionToken !== null) await logout(ctx, request.sessionToken);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  app.get('/console/password', { schema: { hide: true, querystring: z.object({ done: z.string().optional() }) } }, (request, reply) => {
    const actor = request.actor;
    const pending = actor.kind === 'user' && actor.mustChangePassword;
    return reply.type('text/html; charset=utf-8').send(
      renderPage({
        title: '修改密码',
        area: 'console',
        actor,
        csrfToken: reply.generateCsrf(),
        ...(request.query.done !== undefined ? { notice: '密码已修改。其他设备上的登录已退出。' } : {}),
        body: passwordForm({ csrf: reply.generateCsrf(), errors: {}, pending }),
      }),
    );
  });

  app.post('/console/password', { schema: { hide: true }, config: { rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const actor = request.actor;
    const fields = formFields(request.body);
    const errors: FieldErrors = {};
    if (!fields['currentPassword']) errors['currentPassword'] = '请输入当前密码';
    if (!fields['newPassword']) errors['newPassword'] = '请输入新密码';
    else if (fields['newPassword'] !== fields['confirmPassword']) errors['confirmPassword'] = '两次输入的新密码不一致';
    if (Object.keys(errors).length === 0) {
      try {
        await changeOwnPassword(ctx, actor, { currentPassword: fields['currentPassword'] ?? '', newPassword: fields['newPassword'] ?? '' }, request.sessionToken);
        return await reply.redirect('/console/password?done=1', 303);
      } catch (error) {
        if (!isGongkaiError(error, 'VALIDATION_FAILED') && !isGongkaiError(error, 'PASSWORD_WEAK')) throw error;
        Object.assign(errors, issuesToFieldErrors(error.issues));
        if (error.issues.length === 0) errors['newPassword'] = error.messageZh;
      }
    }
    const pending = actor.kind === 'user' && actor.mustChangePassword;
    const csrf = reply.generateCsrf();
    return reply.code(400).type('text/html; charset=utf-8').send(renderPage({ title: '修改密码', area: 'console', actor, csrfToken: csrf, body: passwordForm({ csrf, errors, pending }) }));
  });

  // ---- API ----
  app.post(
    '/api/session',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['session'],
        summary: 'Log in: returns a bearer token',
        body: loginBodySchema,
        response: { 201: loginResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 423: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, { username: request.body.username, password: request.body.password, clientKey: request.ip });
      const user = userToApi(result.user);
      return reply.code(201).send({
        token: result.token,
        expiresAt: result.expiresAt,
        user: { id: user.id, username: user.username, displayName: user.displayName, mustChangePassword: user.mustChangePassword, grants: user.grants },
      });
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Log out: ends the bearer token’s session', security: [{ bearer: [] }], response: { 204: z.null(), 401: apiErrorSchema } } },
    async (request, reply) => {
      if (request.actor.kind === 'public' || request.sessionToken === null) throw new GongkaiError('UNAUTHENTICATED');
      await logout(ctx, request.sessionToken);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/session/me',
    { schema: { tags: ['session'], summary: 'The current actor', security: [{ bearer: [] }], response: { 200: meResponseSchema, 401: apiErrorSchema } } },
    (request) => {
      const actor = request.actor;
      if (actor.kind === 'public') throw new GongkaiError('UNAUTHENTICATED');
      return actorToApi(actor);
    },
  );

  app.put(
    '/api/session/password',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['session'],
        summary: 'Change the current user’s password (ends their other sessions)',
        security: [{ bearer: [] }],
        body: changePasswordBodySchema,
        response: { 204: z.null(), 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, request.actor, request.body, request.sessionToken);
      return reply.code(204).send(null);
    },
  );

  return Promise.resolve();
}
