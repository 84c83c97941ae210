/**
 * Users and role assignments: API (/api/users) and console pages (/console/users).
 * Permission checks happen in src/auth/user.service.ts.
 */
import { z } from 'zod';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { listOrganizations } from '../organizations/organization.service.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { GongkaiError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { ROLES } from './actor.ts';
import type { Role } from './actor.ts';
import { apiErrorSchema, createUserBodySchema, idParamsSchema, updateUserBodySchema, userSchema, userToApi } from './auth.schema.ts';
import { formFields, issuesToFieldErrors } from './form-view.ts';
import type { FieldErrors } from './form-view.ts';
import { can } from './policy.ts';
import type { GrantInput } from './user.ts';
import { canManageUser, createUser, getUser, listUsers, resetPassword, updateUser } from './user.service.ts';
import type { GrantRow } from './user.views.ts';
import { oneTimePasswordPage, userCreatePage, userEditPage, userListPage } from './user.views.ts';

const MAX_GRANT_ROWS = 20;
const HTML = 'text/html; charset=utf-8';

/** The grant rows of a form (`role_N`, `org_N`), the well-formed grants, and errors of rows that cannot be read. */
function parseGrantRows(fields: Record<string, string>): { rows: GrantRow[]; grants: GrantInput[]; rowOf: number[]; errors: FieldErrors } {
  const rows: GrantRow[] = [];
  const grants: GrantInput[] = [];
  const rowOf: number[] = [];
  const errors: FieldErrors = {};
  for (let i = 0; i < MAX_GRANT_ROWS; i++) {
    const role = (fields[`role_${i}`] ?? '').trim();
    const org = (fields[`org_${i}`] ?? '').trim();
    if (role === '' && org === '') continue;
    const index = rows.length;
    rows.push({ role, organizationId: org });
    if (!(ROLES as readonly string[]).includes(role)) {
      errors[`role_${index}`] = '请选择角色';
      continue;
    }
    const organizationId = org === '' ? null : Number(org);
    if (organizationId !== null && !Number.isInteger(organizationId)) {
      errors[`org_${index}`] = '请选择机构';
      continue;
    }
    grants.push({ role: role as Role, organizationId });
    rowOf.push(index);
  }
  return { rows, grants, rowOf, errors };
}

/** Turns a service error into form field errors (row numbers follow the rows as re-rendered). */
function serviceFieldErrors(error: GongkaiError, rowOf: readonly number[]): FieldErrors {
  if (error.code === 'USERNAME_TAKEN') return { username: '该用户名已被使用' };
  if (error.code === 'FORBIDDEN') return { grants: '您无权为这些机构管理用户，或无权授予系统管理员角色' };
  const errors = issuesToFieldErrors(error.issues, (field) => {
    const match = /^grants\.(\d+)(?:\.(role|organizationId))?$/.exec(field);
    if (!match) return field;
    const row = rowOf[Number(match[1])] ?? 0;
    return match[2] === 'organizationId' ? `org_${row}` : `role_${row}`;
  });
  if (Object.keys(errors).length === 0) errors['form'] = error.messageZh;
  return errors;
}

const FORM_ERRORS = new Set(['VALIDATION_FAILED', 'PASSWORD_WEAK', 'USERNAME_TAKEN', 'ORGANIZATION_UNKNOWN', 'FORBIDDEN']);

function page(actor: Actor, csrf: string, title: string, body: ReturnType<typeof userListPage>, notice?: string): string {
  return renderPage({ title, area: 'console', actor, csrfToken: csrf, body, ...(notice ? { notice } : {}) });
}

/** Registers the routes of this module. */
export function userRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- API ----
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Users the caller may see', security: [{ bearer: [] }], response: { 200: z.object({ users: z.array(userSchema) }), 401: apiErrorSchema, 403: apiErrorSchema } } },
    async (request) => ({ users: (await listUsers(ctx, request.actor)).map(userToApi) }),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'One user', security: [{ bearer: [] }], params: idParamsSchema, response: { 200: userSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema } } },
    async (request) => userToApi(await getUser(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with role grants',
        security: [{ bearer: [] }],
        body: createUserBodySchema,
        response: { 201: userSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const user = await createUser(ctx, request.actor, { username: b.username, displayName: b.displayName, password: b.password, grants: b.grants, ...(b.mustChangePassword !== undefined ? { mustChangePassword: b.mustChangePassword } : {}) });
      return reply.code(201).send(userToApi(user));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user’s display name, active flag or grants',
        security: [{ bearer: [] }],
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request) => {
      const b = request.body;
      const user = await updateUser(ctx, request.actor, request.params.id, {
        ...(b.displayName !== undefined ? { displayName: b.displayName } : {}),
        ...(b.active !== undefined ? { active: b.active } : {}),
        ...(b.grants !== undefined ? { grants: b.grants } : {}),
      });
      return userToApi(user);
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Reset a password: returns a one-time password (must be changed at next login)',
        security: [{ bearer: [] }],
        params: idParamsSchema,
        response: { 200: z.object({ password: z.string() }), 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return resetPassword(ctx, request.actor, request.params.id);
    },
  );

  // ---- Console pages ----
  app.get('/console/users', { schema: { hide: true } }, async (request, reply) => {
    const users = await listUsers(ctx, request.actor);
    const csrf = reply.generateCsrf();
    return reply.type(HTML).send(page(request.actor, csrf, '用户管理', userListPage(users, can(request.actor, 'user.manage'))));
  });

  app.get('/console/users/new', { schema: { hide: true } }, async (request, reply) => {
    const csrf = reply.generateCsrf();
    const organizations = await listOrganizations(ctx, request.actor);
    const body = userCreatePage({ csrf, organizations, values: { username: '', displayName: '', mustChangePassword: true, grants: [] }, errors: {} });
    return reply.type(HTML).send(page(request.actor, csrf, '新建用户', body));
  });

  app.post('/console/users', { schema: { hide: true } }, async (request, reply) => {
    const fields = formFields(request.body);
    const { rows, grants, rowOf, errors } = parseGrantRows(fields);
    const values = { username: fields['username'] ?? '', displayName: fields['displayName'] ?? '', mustChangePassword: fields['mustChangePassword'] === '1', grants: rows };
    let status = 400;
    if (values.displayName.trim() === '') errors['displayName'] = '请填写姓名';
    if (Object.keys(errors).length === 0) {
      try {
        const user = await createUser(ctx, request.actor, { username: values.username, displayName: values.displayName, password: fields['password'] ?? '', grants, mustChangePassword: values.mustChangePassword });
        return await reply.redirect(`/console/users/${user.id}?created=1`, 303);
      } catch (error) {
        if (!isGongkaiError(error) || !FORM_ERRORS.has(error.code)) throw error;
        Object.assign(errors, serviceFieldErrors(error, rowOf));
        status = error.status;
      }
    }
    const csrf = reply.generateCsrf();
    const organizations = await listOrganizations(ctx, request.actor);
    return reply.code(status).type(HTML).send(page(request.actor, csrf, '新建用户', userCreatePage({ csrf, organizations, values, errors })));
  });

  app.get('/console/users/:id', { schema: { hide: true, params: idParamsSchema, querystring: z.object({ created: z.string().optional(), saved: z.string().optional() }) } }, async (request, reply) => {
    const user = await getUser(ctx, request.actor, request.params.id);
    const csrf = reply.generateCsrf();
    const organizations = await listOrganizations(ctx, request.actor);
    const grants = user.grants.map((g) => ({ role: g.role, organizationId: g.organizationId === null ? '' : String(g.organizationId) }));
    const body = userEditPage({ csrf, user, organizations, values: { displayName: user.displayName, active: user.active, grants }, errors: {}, canManage: canManageUser(request.actor, user) });
    const notice = request.query.created !== undefined ? '用户已创建。' : request.query.saved !== undefined ? '已保存。' : undefined;
    return reply.type(HTML).send(page(request.actor, csrf, `用户：${user.displayName}`, body, notice));
  });

  app.post('/console/users/:id', { schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const fields = formFields(request.body);
    const { rows, grants, rowOf, errors } = parseGrantRows(fields);
    const values = { displayName: fields['displayName'] ?? '', active: fields['active'] === '1', grants: rows };
    let status = 400;
    if (values.displayName.trim() === '') errors['displayName'] = '请填写姓名';
    if (Object.keys(errors).length === 0) {
      try {
        await updateUser(ctx, request.actor, request.params.id, { displayName: values.displayName, active: values.active, grants });
        return await reply.redirect(`/console/users/${request.params.id}?saved=1`, 303);
      } catch (error) {
        if (!isGongkaiError(error) || !FORM_ERRORS.has(error.code)) throw error;
        Object.assign(errors, serviceFieldErrors(error, rowOf));
        status = error.status;
      }
    }
    const user = await getUser(ctx, request.actor, request.params.id);
    const csrf = reply.generateCsrf();
    const organizations = await listOrganizations(ctx, request.actor);
    const body = userEditPage({ csrf, user, organizations, values, errors, canManage: true });
    return reply.code(status).type(HTML).send(page(request.actor, csrf, `用户：${user.displayName}`, body));
  });

  app.post('/console/users/:id/reset-password', { schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const { password } = await resetPassword(ctx, request.actor, request.params.id);
    const user = await getUser(ctx, request.actor, request.params.id);
    void reply.header('Cache-Control', 'no-store');
    return reply.type(HTML).send(page(request.actor, reply.generateCsrf(), '已重置密码', oneTimePasswordPage(user, password)));
  });

  return Promise.resolve();
}
