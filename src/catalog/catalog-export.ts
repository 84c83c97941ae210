/**
 * Export of the catalog as CSV or XLSX (issue 3 item 4) with the same Chinese headers and value forms
 * the importer reads (src/catalog/catalog-import-columns.ts), so an export imports back unchanged:
 * lists are written by their Chinese names (主动公开, 有效, 公告公示, 政府网站、政务微信; a subject category by
 * name unless the name is shared, then by code), dates as `YYYY-MM-DD`, the body as its sanitized HTML.
 * CSV is UTF-8 with a BOM so Excel opens it correctly; XLSX has a bold, frozen header row.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { SHEET_COLUMNS, subjectCategoryLookup } from './catalog-import-columns.ts';
import type { SheetField } from './catalog-import-columns.ts';
import { selectExportPage } from './catalog-export.repository.ts';
import type { ExportFilter } from './catalog-export.repository.ts';
import { DISCLOSURE_TYPES, GENRES, nameOf, PUBLICATION_CHANNELS, SUBJECT_CATEGORIES, VALIDITIES } from './catalog-item.ts';
import type { CatalogItem, ItemStatus } from './catalog-item.ts';
import { writeCsv, writeXlsx } from './spreadsheet.ts';
import type { SheetFormat } from './spreadsheet.ts';

/** What {@link exportCatalog} takes. */
export interface ExportOptions {
  organizationId: number;
  /** Also the items of every organization below it in the tree. */
  includeSubtree: boolean;
  /** Only items in this state; all states when omitted. */
  status?: ItemStatus;
  format: SheetFormat;
}

/** Media types of the formats, for downloads. */
export const EXPORT_MEDIA_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const SUBJECTS = subjectCategoryLookup([]);

/** A subject category as the importer reads it back to the same code: its name when unambiguous, else the code. */
function subjectCell(code: string): string {
  const name = nameOf(SUBJECT_CATEGORIES, code);
  return name !== code && SUBJECTS.get(name) === code ? name : code;
}

/** One item's cells, in {@link SHEET_COLUMNS} order. */
export function itemToCells(item: CatalogItem): (string | null)[] {
  const value: Record<SheetField, string | null> = {
    indexNumber: item.indexNumber,
    title: item.title,
    summary: item.summary,
    documentNumber: item.documentNumber,
    issuingAgency: item.issuingAgency,
    creationDate: item.creationDate,
    publicationDate: item.publicationDate,
    subjectCategory: subjectCell(item.subjectCategory),
    genre: nameOf(GENRES, item.genre),
    keywords: item.keywords.length > 0 ? item.keywords.join('，') : null,
    disclosureType: nameOf(DISCLOSURE_TYPES, item.disclosureType),
    nonDisclosureReason: item.nonDisclosureReason,
    validity: nameOf(VALIDITIES, item.validity),
    effectiveDate: item.effectiveDate,
    expiryDate: item.expiryDate,
    bodyHtml: item.bodyHtml === '' ? null : item.bodyHtml,
    channels: item.channels.map((c) => nameOf(PUBLICATION_CHANNELS, c)).join('、'),
  };
  return SHEET_COLUMNS.map((c) => value[c.field]);
}

const PAGE_SIZE = 2000;

/**
 * Exports an organization's catalog items (optionally its whole subtree's), in id order.
 * Permission: `catalog.export` on the organization.
 * @returns the file's bytes (CSV: UTF-8 with BOM; XLSX: one sheet 政府信息公开目录)
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`
 */
export async function exportCatalog(ctx: ServiceContext, actor: Actor, options: ExportOptions): Promise<Buffer> {
  authorize(actor, 'catalog.export');
  const organization = await findOrganizationById(ctx.store.db, options.organizationId);
  if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', `organization ${options.organizationId}`);
  authorize(actor, 'catalog.export', { organizationPath: organization.path });
  const filter: ExportFilter = {
    organizationId: organization.id,
    ...(options.includeSubtree ? { subtreePath: organization.path } : {}),
    ...(options.status ? { status: options.status } : {}),
  };
  const rows: (string | null)[][] = [];
  let afterId = 0;
  for (;;) {
    const page = await selectExportPage(ctx.store.db, filter, afterId, PAGE_SIZE);
    for (const item of page) rows.push(itemToCells(item));
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) break;
    afterId = last.id;
  }
  const headers = SHEET_COLUMNS.map((c) => c.labels[0] ?? c.field);
  if (options.format === 'csv') return writeCsv(headers, rows);
  return writeXlsx(
    '政府信息公开目录',
    headers,
    rows,
    SHEET_COLUMNS.map((c) => c.width),
  );
}
