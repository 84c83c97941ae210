/**
 * The public portal's reads of the catalog. Every query here returns published items only
 * (`status = 'published'`: drafts, submitted, withdrawn and superseded items are not public), and
 * selects only public fields: who created or approved an item never leaves this file.
 */
import type { Db } from '../db/database.ts';
import type { DisclosureType, Genre, PublicationChannel, Validity } from './catalog-item.ts';
import { parseChannelsJson } from './catalog-item.mapper.ts';

/** The fields of a published item that lists show. */
export interface PublicItemSummary {
  id: number;
  organizationId: number;
  indexNumber: string | null;
  title: string;
  documentNumber: string | null;
  issuingAgency: string;
  /** `YYYY-MM-DD`. */
  publicationDate: string;
  subjectCategory: string;
  genre: Genre;
  validity: Validity;
  summary: string | null;
}

/** A published item with everything its public page shows. */
export interface PublicItem extends PublicItemSummary {
  creationDate: string;
  keywords: string[];
  /** 发布渠道. */
  channels: PublicationChannel[];
  disclosureType: DisclosureType;
  effectiveDate: string | null;
  expiryDate: string | null;
  /** Sanitized HTML (sanitized by the catalog service on every write). */
  bodyHtml: string;
  synthetic: boolean;
}

/** A published item's attachment, as the portal lists and serves it. */
export interface PublicAttachment {
  id: number;
  itemId: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** Filters of the catalog browse page. */
export interface PublicListFilters {
  /** An organization's materialized path: its whole subtree. */
  organizationPath?: string;
  subjectCategory?: string;
  genre?: string;
}

const SUMMARY_COLUMNS = [
  'ci.id',
  'ci.organization_id',
  'ci.index_number',
  'ci.title',
  'ci.document_number',
  'ci.issuing_agency',
  'ci.publication_date',
  'ci.subject_category',
  'ci.genre',
  'ci.validity',
  'ci.summary',
] as const;

interface SummaryRow {
  id: number;
  organization_id: number;
  index_number: string | null;
  title: string;
  document_number: string | null;
  issuing_agency: string;
  publication_date: string | null;
  subject_category: string;
  genre: string;
  validity: string;
  summary: string | null;
}

function toSummary(row: SummaryRow): PublicItemSummary {
  return {
    id: row.id,
    organizationId: row.organization_id,
    indexNumber: row.index_number,
    title: row.title,
    documentNumber: row.document_number,
    issuingAgency: row.issuing_agency,
    publicationDate: row.publication_date ?? '',
    subjectCategory: row.subject_category,
    genre: row.genre as Genre,
    validity: row.validity as Validity,
    summary: row.summary,
  };
}

function parseKeywords(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

function publishedItems(db: Db, filters: PublicListFilters) {
  let query = db.selectFrom('catalog_item as ci').where('ci.status', '=', 'published');
  if (filters.organizationPath !== undefined) {
    const path = filters.organizationPath;
    query = query.where((eb) => eb.exists(eb.selectFrom('organization as o').whereRef('o.id', '=', 'ci.organization_id').where('o.path', 'like', `${path}%`).select('o.id')));
  }
  if (filters.subjectCategory !== undefined) query = query.where('ci.subject_category', '=', filters.subjectCategory);
  if (filters.genre !== undefined) query = query.where('ci.genre', '=', filters.genre);
  return query;
}

/**
 * Published items, newest first (publication date, then id), paged, with the total.
 * @param limit page size; `offset` rows skipped
 */
export async function listPublishedItems(db: Db, filters: PublicListFilters, limit: number, offset: number): Promise<{ total: number; items: PublicItemSummary[] }> {
  const counted = await publishedItems(db, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (total === 0 || offset >= total) return { total, items: [] };
  const rows = await publishedItems(db, filters)
    .select(SUMMARY_COLUMNS)
    .orderBy('ci.publication_date', 'desc')
    .orderBy('ci.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total, items: rows.map(toSummary) };
}

/** A published item, or null when it does not exist or is not published. */
export async function findPublishedItem(db: Db, id: number): Promise<PublicItem | null> {
  const row = await db
    .selectFrom('catalog_item as ci')
    .where('ci.id', '=', id)
    .where('ci.status', '=', 'published')
    .select([...SUMMARY_COLUMNS, 'ci.creation_date', 'ci.keywords', 'ci.channels', 'ci.disclosure_type', 'ci.effective_date', 'ci.expiry_date', 'ci.body_html', 'ci.synthetic'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...toSummary(row),
    creationDate: row.creation_date,
    keywords: parseKeywords(row.keywords),
    channels: parseChannelsJson(row.channels),
    disclosureType: row.disclosure_type as DisclosureType,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    bodyHtml: row.body_html,
    synthetic: row.synthetic === 1,
  };
}

/** The attachments of an item (the caller has checked the item is published), in upload order. */
export async function listItemAttachments(db: Db, itemId: number): Promise<PublicAttachment[]> {
  const rows = await db
    .selectFrom('attachment')
    .where('item_id', '=', itemId)
    .select(['id', 'item_id', 'file_name', 'media_type', 'size_bytes', 'sha256'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256 }));
}

/** An attachment of a published item, or null (no such attachment on that item, or the item is not published). */
export async function findPublishedAttachment(db: Db, itemId: number, attachmentId: number): Promise<PublicAttachment | null> {
  const row = await db
    .selectFrom('attachment as a')
    .innerJoin('catalog_item as ci', 'ci.id', 'a.item_id')
    .where('a.id', '=', attachmentId)
    .where('a.item_id', '=', itemId)
    .where('ci.status', '=', 'published')
    .select(['a.id', 'a.item_id', 'a.file_name', 'a.media_type', 'a.size_bytes', 'a.sha256'])
    .executeTakeFirst();
  return row ? { id: row.id, itemId: row.item_id, fileName: row.file_name, mediaType: row.media_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256 } : null;
}

/** The published items at the `to` end of the interpretation links whose `from` end is `itemId`, newest first. */
async function listLinkedItems(
  db: Db,
  from: 'l.policy_item_id' | 'l.interpretation_item_id',
  to: 'l.policy_item_id' | 'l.interpretation_item_id',
  itemId: number,
): Promise<PublicItemSummary[]> {
  const rows = await db
    .selectFrom('interpretation_link as l')
    .innerJoin('catalog_item as ci', 'ci.id', to)
    .where(from, '=', itemId)
    .where('ci.status', '=', 'published')
    .select(SUMMARY_COLUMNS)
    .orderBy('ci.publication_date', 'desc')
    .orderBy('ci.id', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** The published interpretations (政策解读) linked to a policy document, newest first. */
export async function listInterpretationsOf(db: Db, policyItemId: number): Promise<PublicItemSummary[]> {
  return listLinkedItems(db, 'l.policy_item_id', 'l.interpretation_item_id', policyItemId);
}

/** The published policy documents an interpretation explains, newest first. */
export async function listPoliciesInterpretedBy(db: Db, interpretationItemId: number): Promise<PublicItemSummary[]> {
  return listLinkedItems(db, 'l.interpretation_item_id', 'l.policy_item_id', interpretationItemId);
}

/** Every published item's id and publication date (for the sitemap), by id. */
export async function listPublishedItemDates(db: Db): Promise<{ id: number; publicationDate: string }[]> {
  const rows = await db
    .selectFrom('catalog_item')
    .where('status', '=', 'published')
    .select(['id', 'publication_date'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, publicationDate: r.publication_date ?? '' }));
}

/** The configured local themes (subject categories beyond the statutory ones), by code. */
export async function listLocalThemes(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('local_theme').select(['code', 'name']).orderBy('code').execute();
}
