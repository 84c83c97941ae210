/**
 * Row ↔ domain mapping of catalog items: the only place that knows the `catalog_item` column names
 * besides the repositories. Booleans are 0/1 and keywords and channels JSON text in the row.
 */
import type { Selectable } from 'kysely';
import type { CatalogItemTable } from '../db/database.ts';
import { DEFAULT_PUBLICATION_CHANNELS, PUBLICATION_CHANNELS } from './catalog-item.ts';
import type { CatalogItem, DisclosureType, Genre, ItemStatus, PublicationChannel, Validity } from './catalog-item.ts';

/** A selected `catalog_item` row. */
export type CatalogItemRow = Selectable<CatalogItemTable>;

/**
 * Reads the `channels` column (a JSON array of channel codes): known codes once each, in
 * PUBLICATION_CHANNELS order. Text that holds no known code (never written by this code) reads as the
 * column's default, `["website"]`, so an item always has a channel to be counted under (2014 table 一 (二)).
 */
export function parseChannelsJson(json: string): PublicationChannel[] {
  let given: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (Array.isArray(parsed)) given = parsed;
  } catch {
    given = [];
  }
  const known = PUBLICATION_CHANNELS.map((c) => c.code).filter((code) => given.includes(code));
  return known.length > 0 ? known : [...DEFAULT_PUBLICATION_CHANNELS];
}

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
    channels: parseChannelsJson(row.channels),
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

/** The writable fields of an item (everything but its id). */
export type CatalogItemValues = Omit<CatalogItem, 'id'>;

/** Column of each writable field. */
const COLUMNS = {
  organizationId: 'organization_id',
  indexNumber: 'index_number',
  title: 'title',
  summary: 'summary',
  documentNumber: 'document_number',
  issuingAgency: 'issuing_agency',
  creationDate: 'creation_date',
  publicationDate: 'publication_date',
  subjectCategory: 'subject_category',
  genre: 'genre',
  keywords: 'keywords',
  channels: 'channels',
  disclosureType: 'disclosure_type',
  nonDisclosureReason: 'non_disclosure_reason',
  validity: 'validity',
  effectiveDate: 'effective_date',
  expiryDate: 'expiry_date',
  bodyHtml: 'body_html',
  bodyText: 'body_text',
  status: 'status',
  supersededById: 'superseded_by_id',
  imported: 'imported',
  synthetic: 'synthetic',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
  approvedBy: 'approved_by',
  approvedAt: 'approved_at',
  withdrawnAt: 'withdrawn_at',
  withdrawalReason: 'withdrawal_reason',
} as const satisfies Record<keyof CatalogItemValues, keyof CatalogItemTable>;

/**
 * Maps some or all of an item's fields to column values: keywords and channels to JSON text, booleans to 0/1.
 * Fields left out (undefined) are left out of the result, so it serves both inserts and updates.
 */
export function catalogItemToRow(values: Partial<CatalogItemValues>): Partial<Omit<CatalogItemRow, 'id'>> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS) as [keyof CatalogItemValues, string][]) {
    const value = values[field];
    if (value === undefined) continue;
    if (field === 'keywords' || field === 'channels') row[column] = JSON.stringify(value);
    else if (typeof value === 'boolean') row[column] = value ? 1 : 0;
    else row[column] = value;
  }
  return row;
}
