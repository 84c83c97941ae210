/**
 * Keeping the search table in step with the catalog. The catalog service calls these in the same
 * transaction as each item write. STUB: implemented by the search module (issue 3).
 */
import type { CatalogItem } from '../catalog/catalog-item.ts';
import type { Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';

/** Adds or replaces an item's segmented text in the search table. */
export function indexCatalogItem(_db: Db, _dialect: Dialect, _item: Pick<CatalogItem, 'id' | 'title' | 'summary' | 'documentNumber' | 'bodyText'>): Promise<void> {
  return Promise.resolve();
}

/** Removes an item from the search table (it stays in the catalog). */
export function removeCatalogItemFromIndex(_db: Db, _dialect: Dialect, _itemId: number): Promise<void> {
  return Promise.resolve();
}
