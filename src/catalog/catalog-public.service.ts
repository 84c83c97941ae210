/**
 * What the public portal reads (2019 art. 23–24: proactive disclosure through the government
 * website, with the catalog and its index): published items only, whoever asks — staff looking
 * at the portal see exactly what the public sees.
 */
import { stat } from 'node:fs/promises';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { getOrganization, listOrganizations } from '../organizations/organization.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { attachmentPath } from './attachment.service.ts';
import { SUBJECT_CATEGORIES } from './catalog-item.ts';
import { listPublicInterpretationsOfItem } from '../engagement/engagement-public.service.ts';
import type { PublicInterpretation } from '../engagement/engagement-public.service.ts';
import {
  findPublishedAttachment,
  findPublishedItem,
  listInterpretationsOf,
  listItemAttachments,
  listLocalThemes,
  listPoliciesInterpretedBy,
  listPublishedItemDates,
  listPublishedItems,
} from './catalog-public.repository.ts';
import type { PublicAttachment, PublicItem, PublicItemSummary, PublicListFilters } from './catalog-public.repository.ts';

/** What the browse page asks for. */
export interface PublicListQuery {
  /** Only this organization and its subtree. */
  organizationId?: number;
  subjectCategory?: string;
  genre?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** A page of the catalog. */
export interface PublicListResult {
  total: number;
  page: number;
  pageSize: number;
  items: PublicItemSummary[];
  /** The organization filtered on, when any. */
  organization: Organization | null;
}

/** The organization with this id, or `ORGANIZATION_UNKNOWN` (a bad filter value, not a missing page). */
async function filterOrganization(ctx: ServiceContext, actor: Actor, id: number): Promise<Organization> {
  try {
    return await getOrganization(ctx, actor, id);
  } catch (error) {
    if (isGongkaiError(error, 'NOT_FOUND')) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(id));
    throw error;
  }
}

/**
 * Published items, newest first, paged.
 * @throws GongkaiError `ORGANIZATION_UNKNOWN`
 */
export async function listPublicItems(ctx: ServiceContext, actor: Actor, query: PublicListQuery): Promise<PublicListResult> {
  authorize(actor, 'catalog.read_published');
  const filters: PublicListFilters = {};
  let organization: Organization | null = null;
  if (query.organizationId !== undefined) {
    organization = await filterOrganization(ctx, actor, query.organizationId);
    filters.organizationPath = organization.path;
  }
  if (query.subjectCategory !== undefined) filters.subjectCategory = query.subjectCategory;
  if (query.genre !== undefined) filters.genre = query.genre;
  const { total, items } = await listPublishedItems(ctx.store.db, filters, query.pageSize, (query.page - 1) * query.pageSize);
  return { total, page: query.page, pageSize: query.pageSize, items, organization };
}

/** A published item's page: the item, its attachments and its linked interpretations / policies. */
export interface PublicItemPage {
  item: PublicItem;
  attachments: PublicAttachment[];
  /** Interpretations (政策解读) of this item. */
  interpretations: PublicItemSummary[];
  /** Interpretation records of this item (src/engagement/), with their form and link. */
  interpretationRecords: PublicInterpretation[];
  /** Policy documents this item interprets. */
  interpretedPolicies: PublicItemSummary[];
}

/**
 * A published item with what its page shows.
 * @throws GongkaiError `NOT_FOUND` (no such item, or not published: withdrawn items are gone from the portal)
 */
export async function getPublicItem(ctx: ServiceContext, actor: Actor, id: number): Promise<PublicItemPage> {
  authorize(actor, 'catalog.read_published');
  const db = ctx.store.db;
  const item = await findPublishedItem(db, id);
  if (!item) throw new GongkaiError('NOT_FOUND', `catalog item ${id}`);
  const [attachments, interpretations, interpretedPolicies, interpretationRecords] = await Promise.all([
    listItemAttachments(db, id),
    listInterpretationsOf(db, id),
    listPoliciesInterpretedBy(db, id),
    listPublicInterpretationsOfItem(ctx, actor, id),
  ]);
  return { item, attachments, interpretations, interpretedPolicies, interpretationRecords };
}

/**
 * An attachment of a published item and the path of its file.
 * @throws GongkaiError `NOT_FOUND` (no such attachment on that item, item not published, file missing)
 */
export async function getPublicAttachment(ctx: ServiceContext, actor: Actor, itemId: number, attachmentId: number): Promise<{ attachment: PublicAttachment; filePath: string }> {
  authorize(actor, 'catalog.read_published');
  const attachment = await findPublishedAttachment(ctx.store.db, itemId, attachmentId);
  // The hash names the file: refuse anything but a SHA-256, so no stored value can reach another path.
  if (!attachment || !/^[0-9a-f]{64}$/.test(attachment.sha256)) throw new GongkaiError('NOT_FOUND', `attachment ${attachmentId}`);
  const filePath = attachmentPath(ctx.config.attachmentsDir, attachment.sha256);
  try {
    if (!(await stat(filePath)).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new GongkaiError('NOT_FOUND', `attachment file of ${attachmentId}`, { cause: error });
  }
  return { attachment, filePath };
}

/** The newest items of a feed: an organization's subtree, or everything. */
export interface FeedSource {
  /** Null for the all-items feed. */
  organization: Organization | null;
  items: PublicItemSummary[];
}

/** Items per feed. */
export const FEED_SIZE = 50;

/**
 * The newest 50 published items of an organization's subtree (or of all organizations).
 * @throws GongkaiError `NOT_FOUND` (unknown organization: the feed does not exist)
 */
export async function getFeedSource(ctx: ServiceContext, actor: Actor, organizationId: number | null): Promise<FeedSource> {
  authorize(actor, 'catalog.read_published');
  const organization = organizationId === null ? null : await getOrganization(ctx, actor, organizationId);
  const { items } = await listPublishedItems(ctx.store.db, organization ? { organizationPath: organization.path } : {}, FEED_SIZE, 0);
  return { organization, items };
}

/** What the sitemap lists. */
export interface SitemapSource {
  items: { id: number; publicationDate: string }[];
  organizations: Organization[];
}

/** Every published item and every organization (whose OGI guide is public). */
export async function getSitemapSource(ctx: ServiceContext, actor: Actor): Promise<SitemapSource> {
  authorize(actor, 'catalog.read_published');
  const [items, organizations] = await Promise.all([listPublishedItemDates(ctx.store.db), listOrganizations(ctx, actor)]);
  return { items, organizations };
}

/** The subject categories to offer in filters: the statutory ones, then the configured local themes. */
export async function subjectCategoryOptions(ctx: ServiceContext, actor: Actor): Promise<{ code: string; name: string }[]> {
  authorize(actor, 'catalog.read_published');
  const themes = await listLocalThemes(ctx.store.db);
  return [...SUBJECT_CATEGORIES.map((c) => ({ code: c.code, name: c.name })), ...themes];
}

/** Every organization in tree order (for the browse page's list and the search form). */
export async function portalOrganizations(ctx: ServiceContext, actor: Actor): Promise<Organization[]> {
  authorize(actor, 'catalog.read_published');
  return listOrganizations(ctx, actor);
}
