/**
 * Reading hotline work orders: the paginated list (filters by organization subtree, year,
 * category and reply status), the figures of an organization's subtree for a year (received,
 * replied, reply rate, average reply days, by category, satisfaction), and the counts per
 * organization the console shows. Permission: `hotline.read` on the organization (or, without
 * one, on the actor's subtrees).
 */
import type { Actor } from '../auth/actor.ts';
import type { Action } from '../auth/policy.ts';
import { authorize, can, grantedPaths } from '../auth/policy.ts';
import { findOrganizationById, selectAllOrganizations } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { organizationDepth, sortAsTree } from '../organizations/organization.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { hotlineRates, hotlineStatistics, yearPeriod } from './hotline-statistics.ts';
import type { HotlineFigures, HotlineStatistics } from './hotline-statistics.ts';
import type { HotlineCategory } from './hotline-work-order.ts';
import { selectHotlineFiguresBySubtree, selectStatisticsOrders, selectWorkOrders } from './hotline.repository.ts';
import type { HotlineOrderFilter, HotlineOrderWithOrganization } from './hotline.repository.ts';

/** Orders per page when none is asked for. */
export const HOTLINE_PAGE_SIZE = 50;
/** The most orders a page may hold. */
export const HOTLINE_MAX_PAGE_SIZE = 500;

/** An organization the actor may choose (tree order, with its depth for indentation). */
export interface HotlineOrganizationChoice {
  id: number;
  name: string;
  path: string;
  depth: number;
}

/** The organizations on which the actor may perform `action`, in tree order. */
export async function hotlineOrganizations(ctx: ServiceContext, actor: Actor, action: Extract<Action, 'hotline.read' | 'hotline.import'>): Promise<HotlineOrganizationChoice[]> {
  authorize(actor, action);
  const all = sortAsTree(await selectAllOrganizations(ctx.store.db));
  return all.filter((o) => can(actor, action, { organizationPath: o.path })).map((o) => ({ id: o.id, name: o.name, path: o.path, depth: organizationDepth(o.path) }));
}

async function readableOrganization(ctx: ServiceContext, actor: Actor, organizationId: number): Promise<Organization> {
  authorize(actor, 'hotline.read');
  const organization = await findOrganizationById(ctx.store.db, organizationId);
  if (!organization) throw new GongkaiError('NOT_FOUND', `organization ${organizationId}`);
  authorize(actor, 'hotline.read', { organizationPath: organization.path });
  return organization;
}

/** What {@link listHotlineOrders} filters by. */
export interface HotlineListQuery {
  /** The organization whose subtree is listed; omitted = every subtree the actor may read. */
  organizationId?: number;
  /** Orders received in this calendar year. */
  year?: number;
  category?: HotlineCategory;
  status?: 'replied' | 'unreplied';
  orderNumber?: string;
  /** 1-based page. */
  page?: number;
  pageSize?: number;
}

/**
 * A page of work orders, newest receipt first.
 * @returns the orders with their organization's name, the number matching, and the page used
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND` (unknown organization)
 */
export async function listHotlineOrders(ctx: ServiceContext, actor: Actor, query: HotlineListQuery): Promise<{ orders: HotlineOrderWithOrganization[]; total: number; page: number; pageSize: number }> {
  authorize(actor, 'hotline.read');
  let rootPaths: readonly string[] | null;
  if (query.organizationId !== undefined) rootPaths = [(await readableOrganization(ctx, actor, query.organizationId)).path];
  else rootPaths = grantedPaths(actor, 'hotline.read');
  const pageSize = Math.min(Math.max(1, query.pageSize ?? HOTLINE_PAGE_SIZE), HOTLINE_MAX_PAGE_SIZE);
  const page = Math.max(1, query.page ?? 1);
  const filter: HotlineOrderFilter = {
    rootPaths,
    ...(query.year !== undefined ? yearPeriod(query.year) : {}),
    ...(query.category !== undefined ? { category: query.category } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.orderNumber !== undefined && query.orderNumber !== '' ? { orderNumber: query.orderNumber } : {}),
  };
  const { orders, total } = await selectWorkOrders(ctx.store.db, filter, pageSize, (page - 1) * pageSize);
  return { orders, total, page, pageSize };
}

/** One organization's line of the per-organization counts. */
export interface HotlineOrganizationFigures extends HotlineFigures {
  organizationId: number;
  organizationName: string;
  depth: number;
  replyRate: number | null;
  averageReplyDays: number | null;
}

/** The figures of an organization's subtree for a year. */
export interface HotlineYearReport {
  organization: Pick<Organization, 'id' | 'name' | 'path'>;
  year: number;
  /** The whole subtree's figures. */
  statistics: HotlineStatistics;
  /** Each organization of the subtree with orders received that year, in tree order. */
  byOrganization: HotlineOrganizationFigures[];
}

/**
 * The hotline figures of an organization and everything below it for a calendar year (orders
 * counted by the year they were received).
 * @param year a calendar year, e.g. 2026
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND` (unknown organization)
 */
export async function hotlineYearReport(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<HotlineYearReport> {
  const organization = await readableOrganization(ctx, actor, organizationId);
  const { from, to } = yearPeriod(year);
  const orders = await selectStatisticsOrders(ctx.store.db, organization.path, from, to);
  const figures = await selectHotlineFiguresBySubtree(ctx.store.db, organization.path, from, to);
  const tree = sortAsTree(await selectAllOrganizations(ctx.store.db)).filter((o) => figures.has(o.id));
  const byOrganization = tree.map((o) => {
    const f = figures.get(o.id) ?? { received: 0, replied: 0, replyDaysTotal: 0 };
    return { organizationId: o.id, organizationName: o.name, depth: organizationDepth(o.path) - organizationDepth(organization.path), ...f, ...hotlineRates(f) };
  });
  return { organization: { id: organization.id, name: organization.name, path: organization.path }, year, statistics: hotlineStatistics(orders, from, to), byOrganization };
}
