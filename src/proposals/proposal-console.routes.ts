/**
 * Console pages of NPC deputy suggestions and CPPCC member proposals (/console/proposals…): the
 * list with filters, statistics and the registration form; the detail page with the correction,
 * reply, publish and withhold forms. Staff use their session cookie; every form carries `_csrf`.
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
import { today } from '../shared/clock.ts';
import type { GongkaiError } from '../shared/errors.ts';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from './proposal.ts';
import type { ProposalKind, ProposalStatus } from './proposal.ts';
import { formToProposalInput, formToProposalPatch, formToReply, proposalFormValues } from './proposal.schema.ts';
import {
  createProposal,
  getProposal,
  listProposals,
  proposalOrganizations,
  proposalStatisticsFor,
  publishProposal,
  replyToProposal,
  updateProposal,
  withholdProposal,
} from './proposal.service.ts';
import type { ProposalQuery, ProposalStatisticsReport } from './proposal.service.ts';
import { proposalDetailPage, proposalListPage } from './proposal.views.ts';

const HTML = 'text/html; charset=utf-8';
const GUARD = { onRequest: requireStaffPage };

/** Errors shown on the form or page instead of an error page. */
const INLINE_ERRORS = new Set(['VALIDATION_FAILED', 'ORGANIZATION_UNKNOWN', 'CONFLICT', 'ILLEGAL_TRANSITION', 'FORBIDDEN']);

/** Flash messages after a successful action (`?done=`). */
const DONE_NOTICES: Readonly<Record<string, string>> = { created: '已登记', saved: '已保存更正', replied: '答复已保存', published: '办理结果已公开', withheld: '已决定不予公开' };

const inlineError = (error: unknown): GongkaiError => inlineErrorOf(error, INLINE_ERRORS);

/** Field errors of a service error (on `fallbackField` when no field is named). */
function fieldErrors(error: GongkaiError, fallbackField = 'form'): FieldErrors {
  const out = issuesToFieldErrors(error.issues);
  if (Object.keys(out).length === 0) out[fallbackField] = error.code === 'FORBIDDEN' ? '您无权对所选机关的建议提案进行此项操作' : error.messageZh;
  return out;
}

const listQuery = z.object({
  org: z.string().max(12).optional(),
  year: z.string().max(8).optional(),
  type: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
});

/** Registers the console pages. */
export function proposalConsoleRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const renderList = async (request: FastifyRequest, reply: FastifyReply, raw: z.infer<typeof listQuery>, status: number, values: Record<string, string>, errs: FieldErrors): Promise<FastifyReply> => {
    const actor = request.actor;
    const organizations = await proposalOrganizations(ctx, actor, 'proposals.read');
    const manageOrganizations = can(actor, 'proposals.manage') ? await proposalOrganizations(ctx, actor, 'proposals.manage') : [];
    const filter = { org: raw.org ?? '', year: (raw.year ?? '').trim(), type: raw.type ?? '', status: raw.status ?? '' };
    const chosen = organizations.find((o) => String(o.id) === filter.org);
    const filterErrors: FieldErrors = {};
    const year = /^\d{4}$/.test(filter.year) && Number(filter.year) >= 2000 ? Number(filter.year) : undefined;
    if (filter.year !== '' && year === undefined) filterErrors['year'] = '年度应为四位年份，如 2026';
    const kind = (PROPOSAL_KINDS as readonly string[]).includes(filter.type) ? (filter.type as ProposalKind) : undefined;
    const state = (PROPOSAL_STATUSES as readonly string[]).includes(filter.status) ? (filter.status as ProposalStatus) : undefined;
    const query: ProposalQuery = { ...(chosen ? { organizationId: chosen.id } : {}), ...(year !== undefined ? { year } : {}), ...(kind ? { kind } : {}), ...(state ? { status: state } : {}) };
    const proposals = await listProposals(ctx, actor, query);
    let statistics: ProposalStatisticsReport | null = null;
    if (chosen && year !== undefined) statistics = await proposalStatisticsFor(ctx, actor, chosen.id, year);
    const csrf = reply.generateCsrf();
    const only = manageOrganizations.length === 1 ? manageOrganizations[0] : undefined;
    const formValues = { role: 'lead', ...(only ? { organizationId: String(only.id) } : {}), ...values };
    const body = proposalListPage({
      csrf,
      proposals,
      organizations,
      manageOrganizations,
      filter: { org: chosen ? String(chosen.id) : '', year: filter.year, type: kind ?? '', status: state ?? '' },
      statistics,
      values: formValues,
      errors: errs,
      filterErrors,
      today: today(ctx.clock),
      replyMonths: ctx.config.proposalReplyMonths,
    });
    return reply.code(filterErrors['year'] && status === 200 ? 400 : status).type(HTML).send(consolePage(request, csrf, '建议提案办理', body));
  };

  app.get('/console/proposals', { ...GUARD, schema: { hide: true, querystring: listQuery } }, async (request, reply) => renderList(request, reply, request.query, 200, {}, {}));

  app.post('/console/proposals', { ...GUARD, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request.body);
    try {
      const created = await createProposal(ctx, request.actor, formToProposalInput(values));
      return await reply.redirect(`/console/proposals/${created.id}?done=created`, 303);
    } catch (error) {
      const known = inlineError(error);
      return renderList(request, reply, {}, known.status, values, fieldErrors(known, known.code === 'FORBIDDEN' ? 'organizationId' : 'form'));
    }
  });

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, id: number, status: number, values: Record<string, string> | null, errs: FieldErrors, notice?: string): Promise<FastifyReply> => {
    const detail = await getProposal(ctx, request.actor, id);
    const csrf = reply.generateCsrf();
    const target = { organizationPath: detail.organization.path };
    const body = proposalDetailPage({
      csrf,
      detail,
      today: today(ctx.clock),
      canManage: can(request.actor, 'proposals.manage', target),
      canPublish: can(request.actor, 'proposals.publish', target),
      values: { ...proposalFormValues(detail.proposal), ...(values ?? {}) },
      errors: errs,
      replyMonths: ctx.config.proposalReplyMonths,
    });
    return reply.code(status).type(HTML).send(consolePage(request, csrf, `${detail.proposal.session} ${detail.proposal.number}`, body, notice));
  };

  app.get('/console/proposals/:id', { ...GUARD, schema: { hide: true, params: idParamsSchema, querystring: z.object({ done: z.string().max(20).optional() }) } }, async (request, reply) =>
    renderDetail(request, reply, request.params.id, 200, null, {}, request.query.done !== undefined ? DONE_NOTICES[request.query.done] : undefined),
  );

  /** A detail-page form: run the action, redirect with a notice, or show the page with the errors. */
  const detailAction = (suffix: string, done: string, run: (request: FastifyRequest, id: number, values: Record<string, string>) => Promise<unknown>): void => {
    app.post(`/console/proposals/:id${suffix}`, { ...GUARD, schema: { hide: true, params: idParamsSchema } }, async (request, reply) => {
      const id = request.params.id;
      const values = formFields(request.body);
      try {
        await run(request, id, values);
        return await reply.redirect(`/console/proposals/${id}?done=${done}`, 303);
      } catch (error) {
        const known = inlineError(error);
        return renderDetail(request, reply, id, known.status, values, fieldErrors(known));
      }
    });
  };
  const stamp = (values: Record<string, string>): string | undefined => values['expectedUpdatedAt'] || undefined;
  detailAction('', 'saved', (request, id, values) => updateProposal(ctx, request.actor, id, formToProposalPatch(values), stamp(values)));
  detailAction('/reply', 'replied', (request, id, values) => replyToProposal(ctx, request.actor, id, formToReply(values), stamp(values)));
  detailAction('/publish', 'published', (request, id, values) => publishProposal(ctx, request.actor, id, values['publishedOn'], stamp(values)));
  detailAction('/withhold', 'withheld', (request, id, values) => withholdProposal(ctx, request.actor, id, values['withheldReason'] ?? '', stamp(values)));

  return Promise.resolve();
}
