/**
 * The submission dashboard of a competent OGI department (submission-dashboard.ts): the
 * organizations it oversees (those naming it as competent department, and its own subtree), the
 * status of each one's report of the year, and the days left before each deadline, counted from the
 * injected clock's date. Reads only.
 */
import type { Actor } from '../auth/actor.ts';
import { ACTIONS, authorize, grantedPaths, inSubtree } from '../auth/policy.ts';
import { findOrganizationById, selectAllOrganizations } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { checkReportYear } from './report-compute.service.ts';
import { findFirstRootOrganization, selectOverseenOrganizations, selectReportStatuses } from './report-status.repository.ts';
import { buildDashboard } from './submission-dashboard.ts';
import type { SubmissionDashboard } from './submission-dashboard.ts';

/** Which dashboard. */
export interface DashboardQuery {
  /** The competent department's organization; default: the actor's first organization (else the region's root). */
  organizationId?: number;
  /** The report year; default: last year (the reports due this year). */
  year?: number;
}

/** A dashboard with the organization it is for. */
export interface SubmissionDashboardReport extends SubmissionDashboard {
  organization: { id: number; name: string };
}

/** The organization a dashboard defaults to for an actor: its first grant that may read reports, else the root. */
async function defaultOrganization(ctx: ServiceContext, actor: Actor): Promise<Organization | undefined> {
  const roles: readonly string[] = ACTIONS['reports.read'].roles;
  if (actor.kind === 'user') {
    const id = actor.grants.find((g) => roles.includes(g.role) && g.organizationId !== null)?.organizationId;
    if (id !== undefined && id !== null) return findOrganizationById(ctx.store.db, id);
  }
  return findFirstRootOrganization(ctx.store.db);
}

/**
 * The dashboard of a year for a competent OGI department. Permission: `reports.read` on the
 * department's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function submissionDashboard(ctx: ServiceContext, actor: Actor, query: DashboardQuery): Promise<SubmissionDashboardReport> {
  authorize(actor, 'reports.read');
  const date = today(ctx.clock);
  const year = query.year ?? Number(date.slice(0, 4)) - 1;
  checkReportYear(year);
  const db = ctx.store.db;
  const organization = query.organizationId === undefined ? await defaultOrganization(ctx, actor) : await findOrganizationById(db, query.organizationId);
  if (!organization) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `organizationId ${query.organizationId ?? '(default)'}`, { issues: [{ field: 'organizationId', message: 'no such organization', messageZh: '机构不存在' }] });
  }
  authorize(actor, 'reports.read', { organizationPath: organization.path });
  const overseen = await selectOverseenOrganizations(db, organization);
  const reports = await selectReportStatuses(db, overseen.map((o) => o.id), year);
  return { ...buildDashboard(overseen, reports, year, date), organization: { id: organization.id, name: organization.name } };
}

/**
 * The organizations whose dashboard the actor may open (for the page's chooser): the organizations
 * of its grants and every government in their subtrees (a government's office is the competent OGI
 * department of its departments); every government for a system administrator. Permission:
 * `reports.read`.
 * @returns by tree path
 */
export async function dashboardOrganizations(ctx: ServiceContext, actor: Actor): Promise<{ id: number; name: string }[]> {
  authorize(actor, 'reports.read');
  const roots = grantedPaths(actor, 'reports.read');
  const all = (await selectAllOrganizations(ctx.store.db)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return all
    .filter((o) => (roots === null ? o.kind === 'government' || o.parentId === null : roots.some((root) => o.path === root || (inSubtree(o.path, root) && o.kind === 'government'))))
    .map((o) => ({ id: o.id, name: o.name }));
}
