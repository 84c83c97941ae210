/**
 * Keeping the search table in step with the catalog. The catalog service calls
 * {@link indexCatalogItem} / {@link removeCatalogItemFromIndex} in the same transaction as each item
 * write; {@link rebuildSearchIndex} rebuilds the table from the published items (CLI, benchmark,
 * after changing the user dictionary). The search itself only ever returns published items, so an
 * indexed draft is harmless but invisible.
 */
import type { CatalogItem } from '../catalog/catalog-item.ts';
import type { Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';
import { segmentForIndex } from './segmenter.ts';
import { clearSearchRows, deleteSearchRow, writeSearchRows } from './search-sql.ts';
import { countPublishedItems, selectPublishedForIndex } from './search.repository.ts';
import type { SearchRow } from './search-sql.ts';

/**
 * Most tokens indexed per body. PostgreSQL stores positions only up to 16,383 for the whole
 * tsvector (title + 文号 + summary + body), beyond which phrases cannot match; capping the body on
 * both dialects keeps their hits the same. 15,000 tokens ≈ 10,000 characters of Chinese prose.
 */
export const MAX_BODY_TOKENS = 15_000;

/** Most tokens indexed for the title, 文号 and summary each (far beyond any real one). */
const MAX_FIELD_TOKENS = 400;

/** Items read per batch by {@link rebuildSearchIndex}. */
const REBUILD_BATCH = 1_000;

/** The fields of an item the search table holds. */
export type IndexableItem = Pick<CatalogItem, 'id' | 'title' | 'summary' | 'documentNumber' | 'bodyText'>;

/** Segments an item's fields into its search row. */
export function searchRowOf(item: IndexableItem): SearchRow {
  return {
    itemId: item.id,
    title: segmentForIndex(item.title, MAX_FIELD_TOKENS),
    summary: segmentForIndex(item.summary ?? '', MAX_FIELD_TOKENS),
    documentNumber: segmentForIndex(item.documentNumber ?? '', MAX_FIELD_TOKENS),
    body: segmentForIndex(item.bodyText, MAX_BODY_TOKENS),
  };
}

/**
 * Adds or replaces an item's segmented text in the search table.
 * @param db the catalog service's transaction (or a handle)
 */
export async function indexCatalogItem(db: Db, dialect: Dialect, item: IndexableItem): Promise<void> {
  await writeSearchRows(db, dialect, [searchRowOf(item)]);
}

/** Removes an item from the search table (it stays in the catalog). No-op when it is not indexed. */
export async function removeCatalogItemFromIndex(db: Db, dialect: Dialect, itemId: number): Promise<void> {
  await deleteSearchRow(db, dialect, itemId);
}

/** Progress of a rebuild: items indexed so far and how many there are in all. */
export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Rebuilds the search table from every published item, in batches of 1,000, in one transaction (the
 * portal keeps searching the old index until it commits; when `db` is already a transaction, the
 * caller's).
 * @param onProgress called after each batch
 * @returns the number of items indexed
 */
export async function rebuildSearchIndex(db: Db, dialect: Dialect, onProgress?: (progress: RebuildProgress) => void): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => rebuildSearchIndex(trx, dialect, onProgress));
  const total = await countPublishedItems(db);
  await clearSearchRows(db, dialect);
  return indexPublishedItemsAfter(db, dialect, 0, (done) => onProgress?.({ done, total: Math.max(total, done) }));
}

/**
 * Indexes the published items whose id is above `afterId`, in batches of 1,000 (items written in
 * bulk, e.g. the demo's 2017: written with ids above the last id before them). Items already in the
 * index must not be among them (a rebuild clears it first).
 * @param onProgress called after each batch with the number indexed so far
 * @returns the number of items indexed
 */
export async function indexPublishedItemsAfter(db: Db, dialect: Dialect, afterId: number, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  let lastId = afterId;
  for (;;) {
    const batch = await selectPublishedForIndex(db, lastId, REBUILD_BATCH);
    if (batch.length === 0) break;
    await writeSearchRows(db, dialect, batch.map(searchRowOf));
    done += batch.length;
    lastId = batch[batch.length - 1]?.id ?? lastId;
    onProgress?.(done);
  }
  return done;
}
