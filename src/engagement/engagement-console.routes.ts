/**
 * Console pages of engagement records: /console/engagement (the year's records of an
 * organization, section 二 and the add forms), and /console/engagement/<kind>/:id (edit, delete)
 * for press-events, interpretations and concern-responses. Thin: every route reads its form and
 * calls one service, where permissions are checked. Forms carry `_csrf`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../auth/auth.schema.ts';
import { formFields, issuesToFieldErrors } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { can } from '../auth/policy.ts';
import { consolePage, inlineErrorOf } from '../http/console-page.ts';
import { requireStaffPage } from '../http/console-guard.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import type { SafeHtml } from '../http/html.ts';
import { today } from '../shared/clock.ts';
import type { GongkaiError } from '../shared/errors.ts';
import { CONCERN_CHANNEL_NAMES_ZH, PRESS_EVENT_KIND_NAMES_ZH } from './engagement-record.ts';
import { engagementEditPage, engagementListPage, FORM_PREFIXES, interpretationFacts, pressEventFacts } from './engagement-console.views.ts';
import type { EngagementKind, EngagementListPageData } from './engagement-console.views.ts';
import {
  concernResponseFormValues,
  formToConcernResponseInput,
  formToConcernResponsePatch,
  formToInterpretationInput,
  formToInterpretationPatch,
  formToPressEventInput,
  formToPressEventPatch,
  interpretationFormValues,
  pressEventFormValues,
} from './engagement.schema.ts';
import {
  createConcernResponse,
  createInterpretation,
  createPressEvent,
  deleteConcernResponse,
  deleteInterpretation,
  deletePressEvent,
  engagementFiguresFor,
  engagementOrganizations,
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

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** Errors shown on the form instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'CONFLICT', 'FORBIDDEN']);

/** Flash messages after a successful action (`?done=`). */
const DONE_NOTICES: Readonly<Record<string, string>> = { press: '发布会或访谈已登记', interpretation: '政策解读已登记', concern: '回应关切已登记', saved: '已保存', deleted: '记录已删除' };

/** Service field names as the console forms name them. */
function formFieldName(field: string): string {
  if (field === 'form') return 'interpretationForm';
  if (field === 'policyItemId' || field === 'policyIndexNumber') return 'policyItem';
  return field;
}

/** Field errors of a service error, prefixed; on `<prefix>form` (or the organization for FORBIDDEN) when no field is named. */
function fieldErrors(error: GongkaiError, prefix: string): FieldErrors {
  const out = issuesToFieldErrors(error.issues, (f) => `${prefix}${formFieldName(f)}`);
  if (Object.keys(out).length === 0) {
    if (error.code === 'FORBIDDEN') out[`${prefix}organizationId`] = '您无权为所选机关登记或修改记录';
    else out[`${prefix}form`] = error.messageZh;
  }
  return out;
}

/** The fields of a prefixed form with the prefix removed (other fields dropped). */
function unprefixed(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  return out;
}

/** Registers the console routes of engagement records. */
export function engagementConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  /** Renders the list page; `forms` carries a failed add form's values and errors. */
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    filterIn: { organizationId: string; year: string },
    forms: Partial<EngagementListPageData['forms']>,
    notice?: string,
  ): Promise<FastifyReply> => {
    const actor = request.actor;
    const organizations = await engagementOrganizations(ctx, actor, 'engagement.read');
    const manageOrganizations = can(actor, 'engagement.manage') ? await engagementOrganizations(ctx, actor, 'engagement.manage') : [];
    const yearText = filterIn.year.trim() === '' ? today(ctx.clock).slice(0, 4) : filterIn.year.trim();
    const filterErrors: FieldErrors = {};
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000) filterErrors['year'] = '年度应为四位年份，如 2026';
    const year = filterErrors['year'] === undefined ? Number(yearText) : undefined;
    const chosen = organizations.find((o) => String(o.id) === filterIn.organizationId);
    const query = { ...(chosen ? { organizationId: chosen.id } : {}), ...(year !== undefined ? { year } : {}) };
    const [pressEvents, interpretations, concernResponses] = await Promise.all([listPressEventsFor(ctx, actor, query), listInterpretationsFor(ctx, actor, query), listConcernResponsesFor(ctx, actor, query)]);
    const figures = chosen && year !== undefined ? await engagementFiguresFor(ctx, actor, chosen.id, year) : null;
    // The add forms preselect the filtered organization, or the only one the caller manages.
    const defaultOrg = manageOrganizations.find((o) => o.id === chosen?.id) ?? (manageOrganizations.length === 1 ? manageOrganizations[0] : undefined);
    const fresh = (prefix: string): { values: Record<string, string>; errors: FieldErrors } => ({ values: defaultOrg ? { [`${prefix}organizationId`]: String(defaultOrg.id) } : {}, errors: {} });
    const csrf = reply.generateCsrf();
    const body = engagementListPage({
      csrf,
      filter: { organizationId: chosen ? String(chosen.id) : '', year: yearText },
      filterErrors,
      organizations,
      manageOrganizations,
      figures,
      pressEvents,
      interpretations,
      concernResponses,
      forms: { press: forms.press ?? fresh(FORM_PREFIXES.press), interpretation: forms.interpretation ?? fresh(FORM_PREFIXES.interpretation), concern: forms.concern ?? fresh(FORM_PREFIXES.concern) },
    });
    return reply.code(filterErrors['year'] ? 400 : status).type(HTML).send(consolePage(request, csrf, '回应解读', body, notice));
  };

  const listQuery = z.object({ organizationId: z.string().max(12).optional(), year: z.string().max(8).optional(), done: z.string().max(20).optional() });
  app.get('/console/engagement', { ...GUARD, schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const q = request.query;
    return renderList(request, reply, 200, { organizationId: q.organizationId ?? '', year: q.year ?? '' }, {}, q.done !== undefined ? DONE_NOTICES[q.done] : undefined);
  });

  /** After a creation: the list of the record's organization and year. */
  const listUrl = (organizationId: number, date: string, done: string): string => `/console/engagement?organizationId=${organizationId}&year=${date.slice(0, 4)}&done=${done}`;

  const creations: { path: string; key: keyof EngagementListPageData['forms']; create: (request: FastifyRequest, fields: Record<string, string>) => Promise<string> }[] = [
    {
      path: '/console/engagement/press-events',
      key: 'press',
      create: async (request, f) => {
        const created = await createPressEvent(ctx, request.actor, formToPressEventInput(f));
        return listUrl(created.organizationId, created.heldOn, 'press');
      },
    },
    {
      path: '/console/engagement/interpretations',
      key: 'interpretation',
      create: async (request, f) => {
        const created = await createInterpretation(ctx, request.actor, formToInterpretationInput(f));
        return listUrl(created.organizationId, created.publishedOn, 'interpretation');
      },
    },
    {
      path: '/console/engagement/concern-responses',
      key: 'concern',
      create: async (request, f) => {
        const created = await createConcernResponse(ctx, request.actor, formToConcernResponseInput(f));
        return listUrl(created.organizationId, created.respondedOn, 'concern');
      },
    },
  ];
  for (const c of creations) {
    app.post(c.path, { ...GUARD, schema: { hide: true } }, async (request, reply) => {
      const values = formFields(request.body);
      const prefix = FORM_PREFIXES[c.key];
      try {
        return await reply.redirect(await c.create(request, unprefixed(values, prefix)), 303);
      } catch (error) {
        const known = inlineErrorOf(error, INLINE_ERRORS);
        return renderList(request, reply, known.status, { organizationId: values[`${prefix}organizationId`] ?? '', year: '' }, { [c.key]: { values, errors: fieldErrors(known, prefix) } });
      }
    });
  }

  /** What an edit page needs of one record kind. */
  interface EditKind {
    load(request: FastifyRequest, id: number): Promise<{ heading: string; organizationName: string; organizationPath: string; values: Record<string, string>; updatedAt: string; facts: SafeHtml | '' }>;
    update(request: FastifyRequest, id: number, fields: Record<string, string>, expectedUpdatedAt: string | undefined): Promise<unknown>;
    remove(request: FastifyRequest, id: number): Promise<void>;
  }
  const kinds: Record<EngagementKind, EditKind> = {
    'press-events': {
      async load(request, id) {
        const r = await getPressEvent(ctx, request.actor, id);
        return { heading: `${PRESS_EVENT_KIND_NAMES_ZH[r.event.kind]}：${r.event.topic}`, organizationName: r.organization.name, organizationPath: r.organization.path, values: pressEventFormValues(r.event), updatedAt: r.event.updatedAt, facts: pressEventFacts(r) };
      },
      update: (request, id, f, expected) => updatePressEvent(ctx, request.actor, id, formToPressEventPatch(f), expected),
      remove: (request, id) => deletePressEvent(ctx, request.actor, id),
    },
    interpretations: {
      async load(request, id) {
        const r = await getInterpretation(ctx, request.actor, id);
        return { heading: `政策解读：${r.interpretation.title}`, organizationName: r.organization.name, organizationPath: r.organization.path, values: interpretationFormValues(r), updatedAt: r.interpretation.updatedAt, facts: interpretationFacts(r) };
      },
      update: (request, id, f, expected) => updateInterpretation(ctx, request.actor, id, formToInterpretationPatch(f), expected),
      remove: (request, id) => deleteInterpretation(ctx, request.actor, id),
    },
    'concern-responses': {
      async load(request, id) {
        const r = await getConcernResponse(ctx, request.actor, id);
        return { heading: `回应关切（${CONCERN_CHANNEL_NAMES_ZH[r.response.channel]}）：${r.response.topic}`, organizationName: r.organization.name, organizationPath: r.organization.path, values: concernResponseFormValues(r.response), updatedAt: r.response.updatedAt, facts: '' };
      },
      update: (request, id, f, expected) => updateConcernResponse(ctx, request.actor, id, formToConcernResponsePatch(f), expected),
      remove: (request, id) => deleteConcernResponse(ctx, request.actor, id),
    },
  };

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, kind: EngagementKind, id: number, status: number, values: Record<string, string> | null, errors: FieldErrors, notice?: string): Promise<FastifyReply> => {
    const loaded = await kinds[kind].load(request, id);
    const csrf = reply.generateCsrf();
    const body = engagementEditPage({
      kind,
      id,
      heading: loaded.heading,
      csrf,
      canManage: can(request.actor, 'engagement.manage', { organizationPath: loaded.organizationPath }),
      organizationName: loaded.organizationName,
      state: { values: values ?? loaded.values, errors },
      expectedUpdatedAt: loaded.updatedAt,
      facts: loaded.facts,
    });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, loaded.heading, body, notice));
  };

  for (const kind of Object.keys(kinds) as EngagementKind[]) {
    app.get(`/console/engagement/${kind}/:id`, { ...GUARD, schema: { hide: true, params: idParamsSchema, querystring: z.object({ done: z.string().max(20).optional() }) } }, async (request, reply) =>
      renderEdit(request, reply, kind, request.params.id, 200, null, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
    );
    app.post(`/console/engagement/${kind}/:id`, { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
      const id = request.params.id;
      const values = formFields(request.body);
      try {
        await kinds[kind].update(request, id, values, values['expectedUpdatedAt'] || undefined);
        return await reply.redirect(`/console/engagement/${kind}/${id}?done=saved`, 303);
      } catch (error) {
        const known = inlineErrorOf(error, INLINE_ERRORS);
        return renderEdit(request, reply, kind, id, known.status, values, fieldErrors(known, ''));
      }
    });
    app.post(`/console/engagement/${kind}/:id/delete`, { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
      const id = request.params.id;
      try {
        await kinds[kind].remove(request, id);
        return await reply.redirect('/console/engagement?done=deleted', 303);
      } catch (error) {
        const known = inlineErrorOf(error, INLINE_ERRORS);
        return renderEdit(request, reply, kind, id, known.status, null, fieldErrors(known, ''));
      }
    });
  }

  return Promise.resolve();
}
