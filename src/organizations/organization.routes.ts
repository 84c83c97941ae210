/**
 * Organizations: API (/api/organizations), console pages (/console/organizations) and the public
 * OGI guide (/organizations, 2019 art. 12). Permission checks happen in the service.
 */
import { z } from 'zod';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import type { SafeHtml } from '../http/html.ts';
import { renderPage } from '../http/views/layout.ts';
import { isGongkaiError } from '../shared/errors.ts';
import {
  createOrganizationBodySchema,
  definedOnly,
  formFieldOf,
  formToOrganizationInput,
  organizationSchema,
  organizationToApi,
  updateOrganizationBodySchema,
} from './organization.schema.ts';
import { createOrganization, getOrganization, listOrganizations, updateOrganization } from './organization.service.ts';
import { emptyOgiOffice } from './organization.ts';
import type { Organization, OrganizationInput } from './organization.ts';
import { organizationFormPage, organizationGuidePage, organizationListPage, organizationTreePage } from './organization.views.ts';
import { recordIdSchema } from '../shared/record-id.ts';

const HTML = 'text/html; charset=utf-8';
const FORM_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'ORGANIZATION_TREE_INVALID', 'FORBIDDEN']);

function consolePage(actor: Actor, csrf: string, title: string, body: SafeHtml, notice?: string): string {
  return renderPage({ title, area: 'console', actor, csrfToken: csrf, body, ...(notice ? { notice } : {}) });
}

/** Form checks the service cannot make (ids that are not numbers). */
function formIdErrors(input: OrganizationInput): FieldErrors {
  const errors: FieldErrors = {};
  if (input.parentId !== null && !Number.isInteger(input.parentId)) errors['parentId'] = '请选择上级机构';
  if (input.competentDepartmentId !== null && input.competentDepartmentId !== undefined && !Number.isInteger(input.competentDepartmentId)) {
    errors['competentDepartmentId'] = '请选择主管部门';
  }
  return errors;
}

function serviceFormErrors(error: { code: string; messageZh: string; issues: readonly { field: string; message: string; messageZh: string }[] }): FieldErrors {
  if (error.code === 'FORBIDDEN') return { parentId: '您无权在所选上级机构下新建或移动机构，或无权修改本机构' };
  const errors = issuesToFieldErrors(error.issues, formFieldOf);
  if (Object.keys(errors).length === 0) errors['form'] = error.messageZh;
  return errors;
}

/** Registers the routes of this module. */
export function organizationRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  // ---- API ----
  app.get(
    '/api/organizations',
    { schema: { tags: ['organizations'], summary: 'Every organization, in tree order (public)', response: { 200: z.object({ organizations: z.array(organizationSchema) }) } } },
    async (request) => ({ organizations: (await listOrganizations(ctx, request.actor)).map(organizationToApi) }),
  );

  app.get(
    '/api/organizations/:id',
    { schema: { tags: ['organizations'], summary: 'One organization with its OGI guide facts (public)', params: idParamsSchema, response: { 200: organizationSchema, 404: apiErrorSchema } } },
    async (request) => organizationToApi(await getOrganization(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization below a parent (a root: system administrators only)',
        security: [{ bearer: [] }],
        body: createOrganizationBodySchema,
        response: { 201: organizationSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const created = await createOrganization(ctx, request.actor, definedOnly(request.body));
      return reply.code(201).send(organizationToApi(created));
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Change an organization; a new parentId moves its whole subtree',
        security: [{ bearer: [] }],
        params: idParamsSchema,
        body: updateOrganizationBodySchema,
        response: { 200: organizationSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema },
      },
    },
    async (request) => organizationToApi(await updateOrganization(ctx, request.actor, request.params.id, definedOnly(request.body))),
  );

  // ---- Console ----
  app.get('/console/organizations', { schema: { hide: true, querystring: z.object({ created: z.string().optional() }) } }, async (request, reply) => {
    const organizations = await listOrganizations(ctx, request.actor);
    const csrf = reply.generateCsrf();
    const body = organizationListPage(organizations, can(request.actor, 'organization.create'));
    return reply.type(HTML).send(consolePage(request.actor, csrf, '机构管理', body));
  });

  app.get('/console/organizations/new', { schema: { hide: true, querystring: z.object({ parent: recordIdSchema.optional() }) } }, async (request, reply) => {
    const organizations = await listOrganizations(ctx, request.actor);
    const csrf = reply.generateCsrf();
    const parent = organizations.find((o) => o.id === request.query.parent);
    const values: OrganizationInput = {
      parentId: parent?.id ?? null,
      name: '',
      kind: 'department',
      level: parent?.level ?? 'county',
      organizationCode: '',
      divisionCode: parent?.divisionCode ?? null,
      competentDepartmentId: parent?.id ?? null,
      ogiOffice: emptyOgiOffice(),
    };
    return reply.type(HTML).send(consolePage(request.actor, csrf, '新建机构', organizationFormPage({ csrf, organizations, values, errors: {} })));
  });

  app.post('/console/organizations', { schema: { hide: true } }, async (request, reply) => {
    const values = formToOrganizationInput(formFields(request.body));
    let errors = formIdErrors(values);
    let status = 400;
    if (Object.keys(errors).length === 0) {
      try {
        const created = await createOrganization(ctx, request.actor, values);
        return await reply.redirect(`/console/organizations/${created.id}?created=1`, 303);
      } catch (error) {
        if (!isGongkaiError(error) || !FORM_ERRORS.has(error.code)) throw error;
        errors = serviceFormErrors(error);
        status = error.status;
      }
    }
    const organizations = await listOrganizations(ctx, request.actor);
    const csrf = reply.generateCsrf();
    return reply.code(status).type(HTML).send(consolePage(request.actor, csrf, '新建机构', organizationFormPage({ csrf, organizations, values, errors })));
  });

  const editQuery = z.object({ created: z.string().optional(), saved: z.string().optional() });
  app.get('/console/organizations/:id', { schema: { hide: true, params: idParamsSchema, querystring: editQuery } }, async (request, reply) => {
    const organization = await getOrganization(ctx, request.actor, request.params.id);
    const organizations = await listOrganizations(ctx, request.actor);
    const csrf = reply.generateCsrf();
    const notice = request.query.created !== undefined ? '机构已创建。' : request.query.saved !== undefined ? '已保存。' : undefined;
    const body = organizationFormPage({ csrf, organization, organizations, values: organization, errors: {} });
    return reply.type(HTML).send(consolePage(request.actor, csrf, `编辑机构：${organization.name}`, body, notice));
  });

  app.post('/console/organizations/:id', { schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const organization = await getOrganization(ctx, request.actor, request.params.id);
    const values = formToOrganizationInput(formFields(request.body));
    let errors = formIdErrors(values);
    let status = 400;
    if (Object.keys(errors).length === 0) {
      try {
        await updateOrganization(ctx, request.actor, organization.id, values);
        return await reply.redirect(`/console/organizations/${organization.id}?saved=1`, 303);
      } catch (error) {
        if (!isGongkaiError(error) || !FORM_ERRORS.has(error.code)) throw error;
        errors = serviceFormErrors(error);
        status = error.status;
      }
    }
    const organizations = await listOrganizations(ctx, request.actor);
    const csrf = reply.generateCsrf();
    const body = organizationFormPage({ csrf, organization, organizations, values, errors });
    return reply.code(status).type(HTML).send(consolePage(request.actor, csrf, `编辑机构：${organization.name}`, body));
  });

  // ---- Public OGI guide ----
  app.get('/organizations', { schema: { hide: true } }, async (request, reply) => {
    const organizations = await listOrganizations(ctx, request.actor);
    return reply.type(HTML).send(renderPage({ title: '政府信息公开指南', area: 'portal', actor: request.actor, body: organizationTreePage(organizations) }));
  });

  app.get('/organizations/:id', { schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
    const organizations = await listOrganizations(ctx, request.actor);
    const org = organizations.find((o) => o.id === request.params.id) ?? (await getOrganization(ctx, request.actor, request.params.id));
    const byId = (id: number | null): Organization | null => (id === null ? null : (organizations.find((o) => o.id === id) ?? null));
    const children = organizations.filter((o) => o.parentId === org.id);
    const body = organizationGuidePage(org, byId(org.parentId), byId(org.competentDepartmentId), children);
    return reply.type(HTML).send(renderPage({ title: `${org.name}政府信息公开指南`, area: 'portal', actor: request.actor, body }));
  });

  return Promise.resolve();
}
