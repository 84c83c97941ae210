/**
 * Storage reads of the catalog export: items of an organization (or its subtree) page by page, in id
 * order, so exporting a large catalog never holds a whole result set from the driver at once.
 */
import type { Db } from '../db/database.ts';
import { rowToCatalogItem } from './catalog-item.mapper.ts';
import type { CatalogItem, ItemStatus } from './catalog-item.ts';

/** Which items to export. */
export interface ExportFilter {
  /** The organization's id, … */
  organizationId: number;
  /** … or, when given, every organization whose path starts with this (the subtree). */
  subtreePath?: string;
  status?: ItemStatus;
}

/**
 * One page of items with id greater than `afterId`, in id order.
 * @param limit the page size
 */
export async function selectExportPage(db: Db, filter: ExportFilter, afterId: number, limit: number): Promise<CatalogItem[]> {
  let query = db.selectFrom('catalog_item').selectAll('catalog_item').where('catalog_item.id', '>', afterId);
  if (filter.subtreePath !== undefined) {
    const root = filter.subtreePath;
    // Paths hold only digits and slashes, so they need no LIKE escaping.
    query = query.where('catalog_item.organization_id', 'in', db.selectFrom('organization').select('organization.id').where('organization.path', 'like', `${root}%`));
  } else {
    query = query.where('catalog_item.organization_id', '=', filter.organizationId);
  }
  if (filter.status !== undefined) query = query.where('catalog_item.status', '=', filter.status);
  const rows = await query.orderBy('catalog_item.id').limit(limit).execute();
  return rows.map(rowToCatalogItem);
}
