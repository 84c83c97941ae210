/**
 * The portal's 回应解读 page (/interaction): a year's press conferences, online interviews, policy
 * interpretations and responses to public concerns, newest first, optionally of one organization's
 * subtree. Public; bad filters give 400 with the form, never an error page.
 */
import { z } from 'zod';
import { listOrganizations } from '../organizations/organization.service.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import { getPublicEngagement } from './engagement-public.service.ts';
import { interactionBody } from './engagement-portal.views.ts';

const query = z.object({ year: z.string().max(8).optional(), org: z.string().max(12).optional() });

/** Registers the portal routes of engagement records. */
export function engagementPortalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get('/interaction', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const yearText = (request.query.year ?? '').trim() || today(ctx.clock).slice(0, 4);
    const orgText = (request.query.org ?? '').trim();
    // A malformed filter is a bad request, not a missing page.
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000) throw new GongkaiError('VALIDATION_FAILED', 'year');
    if (orgText !== '' && !/^[1-9]\d{0,9}$/.test(orgText)) throw new GongkaiError('ORGANIZATION_UNKNOWN', orgText);
    const [data, organizations] = await Promise.all([
      getPublicEngagement(ctx, request.actor, { year: Number(yearText), ...(orgText !== '' ? { organizationId: Number(orgText) } : {}) }),
      listOrganizations(ctx, request.actor),
    ]);
    const body = interactionBody({ data, organizations, filter: { year: yearText, org: orgText } });
    return reply.type('text/html; charset=utf-8').send(renderPage({ title: '回应解读', area: 'portal', actor: request.actor, body }));
  });
  return Promise.resolve();
}
