/**
 * Reading the catalog: one item (the public sees only published items; staff also see their
 * subtree's unpublished ones), lists for the API and the console, timeliness (2019 art. 26) and the
 * console's dashboard. Read-only: no audit events.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize, can, grantedPaths } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { Attachment } from './attachment.ts';
import type { CatalogItem, Genre, ItemStatus } from './catalog-item.ts';
import { LOCAL_THEME_PREFIX, SUBJECT_CATEGORIES } from './catalog-item.ts';
import type { CatalogOrganization, ItemFilter } from './catalog-item.repository.ts';
import {
  countItemsByStatus,
  findCatalogOrganization,
  findItemById,
  listAttachments,
  listCatalogOrganizations,
  listInterpretationsOf,
  listItems,
  listLocalThemes,
  listPoliciesInterpretedBy,
} from './catalog-item.repository.ts';
import type { Timeliness } from './timeliness.ts';
import { timeliness } from './timeliness.ts';

/** An item with its timeliness (what the API and pages show). */
export type CatalogItemView = CatalogItem & { timeliness: Timeliness };

/**
 * Adds the item's timeliness as of `todayDate`.
 * @param calendar the calendar in force ({@link loadCalendar})
 */
export function withTimeliness(item: CatalogItem, todayDate: string, calendar: WorkingDayCalendar): CatalogItemView {
  return { ...item, timeliness: timeliness(calendar, item, todayDate) };
}

/** Adds the item's timeliness as of today, by the calendar in force (built-in and entered years). */
export async function itemWithTimeliness(ctx: ServiceContext, item: CatalogItem): Promise<CatalogItemView> {
  return withTimeliness(item, today(ctx.clock), await loadCalendar(ctx));
}

/** Whether the actor may see this unpublished item (staff with `catalog.read_unpublished` on its organization). */
function canSeeUnpublished(actor: Actor, org: CatalogOrganization): boolean {
  return can(actor, 'catalog.read_unpublished', { organizationPath: org.path });
}

/**
 * One item with its organization. The public (and staff outside the item's subtree) get
 * `NOT_FOUND` for an unpublished item, exactly as for a missing one.
 * @throws GongkaiError `NOT_FOUND`
 */
export async function getItem(ctx: ServiceContext, actor: Actor, id: number): Promise<{ item: CatalogItem; organization: CatalogOrganization }> {
  authorize(actor, 'catalog.read_published');
  const item = await findItemById(ctx.store.db, id);
  const organization = item ? await findCatalogOrganization(ctx.store.db, item.organizationId) : null;
  if (!item || !organization || (item.status !== 'published' && !canSeeUnpublished(actor, organization))) throw new GongkaiError('NOT_FOUND', `catalog item ${id}`);
  return { item, organization };
}

/** Everything an item's detail view shows. */
export interface ItemDetail {
  item: CatalogItemView;
  organization: CatalogOrganization;
  attachments: Attachment[];
  /** Interpretations of this (policy) item visible to the actor. */
  interpretations: CatalogItem[];
  /** Policies this interpretation explains, visible to the actor. */
  interprets: CatalogItem[];
  /** The replacement when superseded (if visible). */
  supersededBy: CatalogItem | null;
}

/**
 * An item's detail: the item with timeliness, attachments, interpretation links, replacement.
 * Linked items are limited to published ones unless the actor may read unpublished items in their organizations.
 * @throws GongkaiError `NOT_FOUND`
 */
export async function getItemDetail(ctx: ServiceContext, actor: Actor, id: number): Promise<ItemDetail> {
  authorize(actor, 'catalog.read_published');
  const { item, organization } = await getItem(ctx, actor, id);
  const db = ctx.store.db;
  const staff = canSeeUnpublished(actor, organization);
  const statuses: readonly ItemStatus[] | undefined = staff ? undefined : ['published'];
  const supersededBy = item.supersededById !== null ? await findItemById(db, item.supersededById) : null;
  return {
    item: await itemWithTimeliness(ctx, item),
    organization,
    attachments: await listAttachments(db, id),
    interpretations: await listInterpretationsOf(db, id, statuses),
    interprets: await listPoliciesInterpretedBy(db, id, statuses),
    supersededBy: supersededBy && (supersededBy.status === 'published' || staff) ? supersededBy : null,
  };
}

/**
 * An item's timeliness (2019 art. 26) as of today.
 * @throws GongkaiError `NOT_FOUND`
 */
export async function getItemTimeliness(ctx: ServiceContext, actor: Actor, id: number): Promise<Timeliness> {
  authorize(actor, 'catalog.read_published');
  const { item } = await getItem(ctx, actor, id);
  return timeliness(await loadCalendar(ctx), item, today(ctx.clock));
}

/** A list query from the API or the console. */
export interface ItemQuery {
  /** Absent: the public catalog (published items everywhere). Present: the staff view of the actor's subtrees; `all` = any status. */
  status?: ItemStatus | 'all';
  organizationId?: number;
  genre?: Genre;
  subjectCategory?: string;
  year?: number;
  q?: string;
  /** 1-based page. */
  page?: number;
  /** Items per page (default 20, at most 100). */
  pageSize?: number;
}

/**
 * Lists items. Without a status (or `published` asked by someone who cannot read unpublished items)
 * this is the public catalog; with one it is the staff view, limited to the subtrees where the actor
 * holds `catalog.read_unpublished`.
 * @throws GongkaiError `UNAUTHENTICATED`/`FORBIDDEN` for a staff view without the right
 */
export async function listCatalogItems(ctx: ServiceContext, actor: Actor, query: ItemQuery): Promise<{ items: CatalogItemView[]; total: number; page: number; pageSize: number }> {
  const publicView = query.status === undefined || (query.status === 'published' && !can(actor, 'catalog.read_unpublished'));
  authorize(actor, publicView ? 'catalog.read_published' : 'catalog.read_unpublished');
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const filter: ItemFilter = {
    organizationPaths: publicView ? null : grantedPaths(actor, 'catalog.read_unpublished'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  if (publicView) filter.status = 'published';
  else if (query.status !== undefined && query.status !== 'all') filter.status = query.status;
  if (query.organizationId !== undefined) filter.organizationId = query.organizationId;
  if (query.genre !== undefined) filter.genre = query.genre;
  if (query.subjectCategory !== undefined) filter.subjectCategory = query.subjectCategory;
  if (query.year !== undefined) filter.year = query.year;
  if (query.q !== undefined) filter.q = query.q;
  const result = await listItems(ctx.store.db, filter);
  const todayDate = today(ctx.clock);
  const calendar = await loadCalendar(ctx);
  return { items: result.items.map((item) => withTimeliness(item, todayDate, calendar)), total: result.total, page, pageSize };
}

/** The console's dashboard. */
export interface CatalogDashboard {
  /** Items per status in the actor's subtrees. */
  counts: Record<ItemStatus, number>;
  /** Submitted items the actor may approve. */
  awaitingApproval: CatalogItemView[];
  /** Unpublished items past their deadline, and recently published late ones (most recent first). */
  overdueOrLate: CatalogItemView[];
}

/**
 * The dashboard of the actor's subtrees: counts by status, items awaiting approval, and
 * timeliness problems of proactively disclosed items (overdue drafts and submissions; the last 200
 * published items checked for lateness).
 * @throws GongkaiError `UNAUTHENTICATED`/`FORBIDDEN` (no staff role)
 */
export async function catalogDashboard(ctx: ServiceContext, actor: Actor): Promise<CatalogDashboard> {
  authorize(actor, 'catalog.read_unpublished');
  const db = ctx.store.db;
  const paths = grantedPaths(actor, 'catalog.read_unpublished');
  const todayDate = today(ctx.clock);
  const calendar = await loadCalendar(ctx);
  const approverPaths = grantedPaths(actor, 'catalog.approve');
  const awaiting = await listItems(db, { organizationPaths: approverPaths, status: 'submitted', limit: 50 });
  const open = await listItems(db, { organizationPaths: paths, status: ['draft', 'submitted'], limit: 500 });
  const recent = await listItems(db, { organizationPaths: paths, status: 'published', limit: 200 });
  // The 20-working-day rule binds proactive disclosure only (2019 art. 26).
  const problems = [...open.items, ...recent.items]
    .filter((item) => item.disclosureType === 'proactive')
    .map((item) => withTimeliness(item, todayDate, calendar))
    .filter((v) => v.timeliness.status === 'overdue' || v.timeliness.status === 'late');
  return {
    counts: await countItemsByStatus(db, paths),
    awaitingApproval: awaiting.items.map((item) => withTimeliness(item, todayDate, calendar)),
    overdueOrLate: problems.slice(0, 100),
  };
}

/**
 * The organizations where the actor may draft (for the draft form's select list).
 * @throws GongkaiError `UNAUTHENTICATED`/`FORBIDDEN`
 */
export async function draftableOrganizations(ctx: ServiceContext, actor: Actor): Promise<CatalogOrganization[]> {
  authorize(actor, 'catalog.draft');
  return listCatalogOrganizations(ctx.store.db, grantedPaths(actor, 'catalog.draft'));
}

/**
 * The organizations whose unpublished items the actor may see (for the console's list filter).
 * @throws GongkaiError `UNAUTHENTICATED`/`FORBIDDEN`
 */
export async function visibleOrganizations(ctx: ServiceContext, actor: Actor): Promise<CatalogOrganization[]> {
  authorize(actor, 'catalog.read_unpublished');
  return listCatalogOrganizations(ctx.store.db, grantedPaths(actor, 'catalog.read_unpublished'));
}

/** The subject categories a form offers: the statutory ones and the configured local themes (`theme:<code>`). */
export async function subjectCategoryChoices(ctx: ServiceContext, actor: Actor): Promise<{ code: string; name: string }[]> {
  authorize(actor, 'catalog.read_published');
  const themes = await listLocalThemes(ctx.store.db);
  return [...SUBJECT_CATEGORIES.map((c) => ({ code: c.code, name: `${c.name}（${c.source}）` })), ...themes.map((t) => ({ code: t.code.startsWith(LOCAL_THEME_PREFIX) ? t.code : `${LOCAL_THEME_PREFIX}${t.code}`, name: `${t.name}（本地主题）` }))];
}
