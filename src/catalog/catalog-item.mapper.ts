/**
 * Row ↔ domain mapping of catalog items: the only place that knows the `catalog_item` column names
 * besides the repositories. Booleans are 0/1 and keywords JSON text in the row.
 */
import type { Selectable } from 'kysely';
import type { CatalogItemTable } from '../db/database.ts';
import type { CatalogItem, DisclosureType, Genre, ItemStatus, Validity } from './catalog-item.ts';

/** A selected `catalog_item` row. */
export type CatalogItemRow = Selectable<CatalogItemTable>;

/** Maps a row to the domain item. */
export function rowToCatalogItem(row: CatalogItemRow): CatalogItem {
  let keywords: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.keywords);
    if (Array.isArray(parsed)) keywords = parsed.filter((k): k is string => typeof k === 'string');
  } catch {
    keywords = [];
  }
  return {
    id: row.id,
    organizationId: row.organization_id,
    indexNumber: row.index_number,
    title: row.title,
    summary: row.summary,
    documentNumber: row.document_number,
    issuingAgency: row.issuing_agency,
    creationDate: row.creation_date,
    publicationDate: row.publication_date,
    subjectCategory: row.subject_category,
    genre: row.genre as Genre,
    keywords,
    disclosureType: row.disclosure_type as DisclosureType,
    nonDisclosureReason: row.non_disclosure_reason,
    validity: row.validity as Validity,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    status: row.status as ItemStatus,
    supersededById: row.superseded_by_id,
    imported: row.imported === 1,
    synthetic: row.synthetic === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
  };
}
