/**
 * Portal pages of handling results (办理结果公开): /proposals (published results by year and
 * kind, filters `org`, `year`, `kind`; withheld ones only as counts per year) and /proposals/:id
 * (one published result; anything else is a 404).
 */
import { z } from 'zod';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { GongkaiError } from '../shared/errors.ts';
import { PROPOSAL_KINDS } from './proposal.ts';
import type { ProposalKind } from './proposal.ts';
import { portalProposalListPage, portalProposalPage } from './proposal-portal.views.ts';
import { getPublishedProposal, listPublishedProposals, publicProposalOrganizations } from './proposal.service.ts';
import type { PublishedProposalQuery } from './proposal.service.ts';

const HTML = 'text/html; charset=utf-8';

/**
 * A numeric id from a path segment (1 to 2147483647, no sign or leading zero).
 * @throws GongkaiError `NOT_FOUND` for anything else: a page that does not exist, not a bad request
 */
function pathId(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw new GongkaiError('NOT_FOUND');
  return Number(value);
}

const listQuery = z.object({ org: z.string().max(12).optional(), year: z.string().max(8).optional(), kind: z.string().max(40).optional() });

/** Registers the portal pages. */
export function proposalPortalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get('/proposals', { schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const raw = { org: request.query.org ?? '', year: (request.query.year ?? '').trim(), kind: request.query.kind ?? '' };
    const organizations = await publicProposalOrganizations(ctx, request.actor);
    const chosen = organizations.find((o) => String(o.id) === raw.org);
    const year = /^\d{4}$/.test(raw.year) && Number(raw.year) >= 2000 ? Number(raw.year) : undefined;
    const yearError = raw.year !== '' && year === undefined ? '年度应为四位年份，如 2026' : undefined;
    const kind = (PROPOSAL_KINDS as readonly string[]).includes(raw.kind) ? (raw.kind as ProposalKind) : undefined;
    const query: PublishedProposalQuery = { ...(chosen ? { organizationId: chosen.id } : {}), ...(year !== undefined ? { year } : {}), ...(kind ? { kind } : {}) };
    const list = await listPublishedProposals(ctx, request.actor, query);
    const body = portalProposalListPage({ list, organizations, filter: { org: chosen ? String(chosen.id) : '', year: raw.year, kind: kind ?? '' }, ...(yearError ? { yearError } : {}) });
    return reply
      .code(yearError ? 400 : 200)
      .type(HTML)
      .send(renderPage({ title: '建议提案办理结果公开', area: 'portal', actor: request.actor, body }));
  });

  app.get('/proposals/:id', { schema: { hide: true, params: z.object({ id: z.string().max(20) }) } }, async (request, reply) => {
    const detail = await getPublishedProposal(ctx, request.actor, pathId(request.params.id));
    return reply.type(HTML).send(renderPage({ title: detail.proposal.title, area: 'portal', actor: request.actor, body: portalProposalPage(detail) }));
  });

  return Promise.resolve();
}
