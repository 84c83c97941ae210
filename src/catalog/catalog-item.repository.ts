/**
 * Storage of catalog items, their attachments, interpretation links and the index-number serials:
 * the only code that writes `catalog_item`, `attachment`, `interpretation_link` and
 * `index_number_sequence`. Every function takes `db` (a handle or the caller's transaction) and
 * returns domain objects. The same SQL runs on SQLite and PostgreSQL. Items are never deleted.
 */
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { CatalogItemTable, Db } from '../db/database.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { Attachment } from './attachment.ts';
import type { CatalogItem, Genre, ItemStatus } from './catalog-item.ts';
import { ITEM_STATUSES } from './catalog-item.ts';
import type { CatalogItemValues } from './catalog-item.mapper.ts';
import { catalogItemToRow, rowToCatalogItem } from './catalog-item.mapper.ts';

/** What the catalog needs to know about an organization. */
export interface CatalogOrganization {
  id: number;
  name: string;
  /** Materialized path `/1/5/`. */
  path: string;
  /** The index-number prefix (organization code or USCC). */
  organizationCode: string;
  /** Null = the default template. */
  indexNumberTemplate: string | null;
}

/**
 * The organization with `id`, or null when there is none.
 */
export async function findCatalogOrganization(db: Db, id: number): Promise<CatalogOrganization | null> {
  const row = await db
    .selectFrom('organization')
    .select(['id', 'name', 'path', 'organization_code', 'index_number_template'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, path: row.path, organizationCode: row.organization_code, indexNumberTemplate: row.index_number_template } : null;
}

/** Organizations (id, name) in the given subtrees (null = all), ordered by path: for the console's select lists. */
export async function listCatalogOrganizations(db: Db, rootPaths: readonly string[] | null): Promise<CatalogOrganization[]> {
  if (rootPaths !== null && rootPaths.length === 0) return [];
  let query = db.selectFrom('organization').select(['id', 'name', 'path', 'organization_code', 'index_number_template']);
  if (rootPaths !== null) query = query.where((eb) => eb.or(rootPaths.map((root) => eb('path', 'like', `${root}%`))));
  const rows = await query.orderBy('path').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, path: row.path, organizationCode: row.organization_code, indexNumberTemplate: row.index_number_template }));
}

/**
 * Inserts an item.
 * @returns the stored item with its new id
 */
export async function insertItem(db: Db, values: CatalogItemValues): Promise<CatalogItem> {
  const row = await db
    .insertInto('catalog_item')
    .values(catalogItemToRow(values) as Insertable<CatalogItemTable>)
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToCatalogItem(row);
}

/**
 * Updates an item if it has not changed since it was read (optimistic concurrency).
 * @param expected the `updatedAt` (and optionally the status) the caller read
 * @throws GongkaiError `NOT_FOUND` when there is no such item; `CONFLICT` when it changed meanwhile
 */
export async function updateItem(db: Db, id: number, expected: { updatedAt: string; status?: ItemStatus }, changes: Partial<CatalogItemValues>): Promise<CatalogItem> {
  let query = db.updateTable('catalog_item').set(catalogItemToRow(changes)).where('id', '=', id).where('updated_at', '=', expected.updatedAt);
  if (expected.status !== undefined) query = query.where('status', '=', expected.status);
  const row = await query.returningAll().executeTakeFirst();
  if (row) return rowToCatalogItem(row);
  const exists = await db.selectFrom('catalog_item').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw new GongkaiError('NOT_FOUND', `catalog item ${id}`);
  throw new GongkaiError('CONFLICT', `catalog item ${id}`);
}

/** The item with `id`, or null. */
export async function findItemById(db: Db, id: number): Promise<CatalogItem | null> {
  const row = await db.selectFrom('catalog_item').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToCatalogItem(row) : null;
}

/** The item with this index number, or null (index numbers are unique). */
export async function findItemByIndexNumber(db: Db, indexNumber: string): Promise<CatalogItem | null> {
  const row = await db.selectFrom('catalog_item').selectAll().where('index_number', '=', indexNumber).executeTakeFirst();
  return row ? rowToCatalogItem(row) : null;
}

/** Filters of {@link listItems}. Absent fields do not filter. */
export interface ItemFilter {
  /** Subtree roots (`/1/5/`) the items' organizations must be in; null = everywhere, [] = nothing. */
  organizationPaths: readonly string[] | null;
  /** Only this organization (not its subtree). */
  organizationId?: number;
  status?: ItemStatus | readonly ItemStatus[];
  genre?: Genre;
  subjectCategory?: string;
  /** The year of the publication date, or of the creation date for unpublished items. */
  year?: number;
  /** Words the title must contain (a plain substring; LIKE wildcards are escaped). */
  q?: string;
  /** Page size (default 20, at most 500). */
  limit?: number;
  offset?: number;
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with `escape '\'`. */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Items matching the filter, most recently changed first, with the total count for paging.
 */
export async function listItems(db: Db, filter: ItemFilter): Promise<{ items: CatalogItem[]; total: number }> {
  const paths = filter.organizationPaths;
  if (paths !== null && paths.length === 0) return { items: [], total: 0 };
  let query = db.selectFrom('catalog_item').innerJoin('organization', 'organization.id', 'catalog_item.organization_id');
  if (paths !== null) query = query.where((eb) => eb.or(paths.map((root) => eb('organization.path', 'like', `${likeEscape(root)}%`))));
  if (filter.organizationId !== undefined) query = query.where('catalog_item.organization_id', '=', filter.organizationId);
  if (filter.status !== undefined) {
    const statuses: readonly ItemStatus[] = typeof filter.status === 'string' ? [filter.status] : filter.status;
    if (statuses.length === 0) return { items: [], total: 0 };
    query = query.where('catalog_item.status', 'in', statuses);
  }
  if (filter.genre !== undefined) query = query.where('catalog_item.genre', '=', filter.genre);
  if (filter.subjectCategory !== undefined) query = query.where('catalog_item.subject_category', '=', filter.subjectCategory);
  if (filter.year !== undefined) {
    const year = filter.year;
    query = query.where((eb) => eb(eb.fn.coalesce('catalog_item.publication_date', 'catalog_item.creation_date'), 'like', `${String(year).padStart(4, '0')}-%`));
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const pattern = `%${likeEscape(filter.q.trim())}%`;
    query = query.where(sql<boolean>`catalog_item.title like ${pattern} escape '\\'`);
  }
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const limit = Math.min(Math.max(filter.limit ?? 20, 1), 500);
  const rows = await query
    .selectAll('catalog_item')
    .orderBy('catalog_item.updated_at', 'desc')
    .orderBy('catalog_item.id', 'desc')
    .limit(limit)
    .offset(Math.max(filter.offset ?? 0, 0))
    .execute();
  return { items: rows.map(rowToCatalogItem), total: Number(counted.n) };
}

/** The number of items in each status, within the subtrees (null = everywhere). */
export async function countItemsByStatus(db: Db, organizationPaths: readonly string[] | null): Promise<Record<ItemStatus, number>> {
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s.code, 0])) as Record<ItemStatus, number>;
  if (organizationPaths !== null && organizationPaths.length === 0) return counts;
  let query = db.selectFrom('catalog_item').innerJoin('organization', 'organization.id', 'catalog_item.organization_id');
  if (organizationPaths !== null) query = query.where((eb) => eb.or(organizationPaths.map((root) => eb('organization.path', 'like', `${likeEscape(root)}%`))));
  const rows = await query.select(['catalog_item.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('catalog_item.status').execute();
  for (const row of rows) if (row.status in counts) counts[row.status as ItemStatus] = Number(row.n);
  return counts;
}

/**
 * The next serial for generated index numbers of an organization and year: one more than the last
 * one handed out, recorded at once. One atomic upsert (`insert … on conflict do update … returning`,
 * on both dialects), so two concurrent publications never get the same serial and the serial never
 * goes back (a rolled-back transaction rolls the increment back with it, leaving no gap).
 * @param db the caller's transaction (the serial is used in the same transaction)
 * @returns the serial, ≥ 1
 */
export async function nextIndexSerial(db: Db, organizationId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('index_number_sequence')
    .values({ organization_id: organizationId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organization_id', 'year']).doUpdateSet({ last_serial: sql<number>`index_number_sequence.last_serial + 1` }))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return Number(row.last_serial);
}

/** The last serial handed out for an organization and year (0 when none). */
export async function lastIndexSerial(db: Db, organizationId: number, year: number): Promise<number> {
  const row = await db.selectFrom('index_number_sequence').select('last_serial').where('organization_id', '=', organizationId).where('year', '=', year).executeTakeFirst();
  return row ? Number(row.last_serial) : 0;
}

function rowToAttachment(row: { id: number; item_id: number; file_name: string; media_type: string; size_bytes: number; sha256: string; created_at: string }): Attachment {
  return { id: row.id, itemId: row.item_id, fileName: row.file_name, mediaType: row.media_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256, createdAt: row.created_at };
}

/** Records an attachment (its file is already stored). */
export async function insertAttachment(db: Db, values: Omit<Attachment, 'id'>): Promise<Attachment> {
  const row = await db
    .insertInto('attachment')
    .values({ item_id: values.itemId, file_name: values.fileName, media_type: values.mediaType, size_bytes: values.sizeBytes, sha256: values.sha256, created_at: values.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToAttachment(row);
}

/** An item's attachments, in upload order. */
export async function listAttachments(db: Db, itemId: number): Promise<Attachment[]> {
  const rows = await db.selectFrom('attachment').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
  return rows.map(rowToAttachment);
}

/** One attachment of an item, or null. */
export async function findAttachment(db: Db, itemId: number, attachmentId: number): Promise<Attachment | null> {
  const row = await db.selectFrom('attachment').selectAll().where('item_id', '=', itemId).where('id', '=', attachmentId).executeTakeFirst();
  return row ? rowToAttachment(row) : null;
}

/**
 * Links an interpretation to the policy document it explains; linking twice is a no-op.
 * @returns true when a new link was made
 */
export async function insertInterpretationLink(db: Db, policyItemId: number, interpretationItemId: number): Promise<boolean> {
  const existing = await db
    .selectFrom('interpretation_link')
    .select('id')
    .where('policy_item_id', '=', policyItemId)
    .where('interpretation_item_id', '=', interpretationItemId)
    .executeTakeFirst();
  if (existing) return false;
  await db.insertInto('interpretation_link').values({ policy_item_id: policyItemId, interpretation_item_id: interpretationItemId }).execute();
  return true;
}

/** The interpretations linked to a policy document (optionally only those in some statuses). */
export async function listInterpretationsOf(db: Db, policyItemId: number, statuses?: readonly ItemStatus[]): Promise<CatalogItem[]> {
  let query = db.selectFrom('interpretation_link').innerJoin('catalog_item', 'catalog_item.id', 'interpretation_link.interpretation_item_id').where('interpretation_link.policy_item_id', '=', policyItemId);
  if (statuses !== undefined) query = query.where('catalog_item.status', 'in', statuses.length > 0 ? statuses : ['__none__']);
  const rows = await query.selectAll('catalog_item').orderBy('catalog_item.id').execute();
  return rows.map(rowToCatalogItem);
}

/** The policy documents an interpretation explains (optionally only those in some statuses). */
export async function listPoliciesInterpretedBy(db: Db, interpretationItemId: number, statuses?: readonly ItemStatus[]): Promise<CatalogItem[]> {
  let query = db.selectFrom('interpretation_link').innerJoin('catalog_item', 'catalog_item.id', 'interpretation_link.policy_item_id').where('interpretation_link.interpretation_item_id', '=', interpretationItemId);
  if (statuses !== undefined) query = query.where('catalog_item.status', 'in', statuses.length > 0 ? statuses : ['__none__']);
  const rows = await query.selectAll('catalog_item').orderBy('catalog_item.id').execute();
  return rows.map(rowToCatalogItem);
}

/** Local themes (subject categories `theme:<code>`) for an organization's select list: region-wide ones and the organization's own. */
export async function listLocalThemes(db: Db): Promise<{ code: string; name: string; organizationId: number | null }[]> {
  const rows = await db.selectFrom('local_theme').select(['code', 'name', 'organization_id']).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, organizationId: r.organization_id }));
}
