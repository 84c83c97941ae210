/**
 * Bulk import of catalog items from CSV or XLSX (issue 3 item 4). A batch operation that returns a
 * result set rather than throwing for bad rows: every bad row is reported with its row number, field
 * and message, and a file with any bad row imports nothing (so an office fixes the file and imports
 * it again, never half of it). Good files are written in ONE transaction: multi-row inserts of
 * {@link IMPORT_BATCH_SIZE} rows, each batch segmented and added to the search table in the same
 * transaction, so a crash (even `kill -9`) leaves the store exactly as before.
 *
 * Audit: ONE `catalog.import` event per import (file name, SHA-256, row count, id range), not one per
 * item: a million per-item events would double the store and tell an auditor nothing the import
 * event and the items' `imported` flag do not.
 *
 * Imported items keep their index numbers (validated leniently: real portals use many forms) and
 * are `published` when the row has a publication date (they were published elsewhere), otherwise
 * `draft`. They are marked `imported = 1`.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/audit.ts';
import { actorUserId } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import type { Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { searchRowOf } from '../search/search-index.ts';
import { writeSearchRows } from '../search/search-sql.ts';
import { nowIso, today } from '../shared/clock.ts';
import { ERROR_CODES, GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { mapHeader, rowToRawInput, SHEET_COLUMNS, subjectCategoryLookup } from './catalog-import-columns.ts';
import { insertCatalogItemRows, raiseIndexNumberSerial, selectExistingIndexNumbers, selectLocalThemeNames } from './catalog-import.repository.ts';
import type { CatalogItemInsert, InsertedItem } from './catalog-import.repository.ts';
import { catalogIssue, FIELD_LABELS_ZH, validateCatalogItemInput } from './catalog-item.schema.ts';
import type { CatalogItemInput } from './catalog-item.schema.ts';
import { DEFAULT_INDEX_NUMBER_TEMPLATE } from './index-number.ts';
import { sanitizeRichText } from './rich-text.ts';
import { readSpreadsheet } from './spreadsheet.ts';

/** Rows per multi-row INSERT (and per search-index batch). */
export const IMPORT_BATCH_SIZE = 500;

/** One problem of an import: `row` is the data row (1 = the first row below the header; 0 = the header itself). */
export interface ImportIssue {
  row: number;
  field: string;
  message: string;
  messageZh: string;
}

/** The result set of an import or dry run. */
export interface ImportResult {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  /** Rows without problems. */
  valid: number;
  /** Rows with at least one problem (a header problem makes every row invalid). */
  invalid: number;
  /** Every problem, in row order. */
  issues: ImportIssue[];
  /** Items written: 0 on a dry run or when any row is bad. */
  imported: number;
  /** Whether this was a dry run. */
  dryRun: boolean;
  /** The SHA-256 of the file (hex), as recorded in the audit event. */
  sha256: string;
  /** The smallest and largest id written (null when nothing was written). */
  firstId: number | null;
  lastId: number | null;
}

/** What {@link importCatalog} takes. */
export interface ImportOptions {
  /** The organization that will own the items. */
  organizationId: number;
  /** The uploaded file's name (format hint and audit). */
  fileName: string;
  data: Buffer;
  /** Only check; write nothing. */
  dryRun: boolean;
  /**
   * Called as rows are checked (`phase` 'check') and after each written batch ('write'),
   * with the rows done so far and the total.
   */
  onProgress?: (done: number, total: number, phase: 'check' | 'write') => void;
}

/** Whether a body looks like HTML (has a tag) rather than plain text. */
function looksLikeHtml(body: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?\/?>/.test(body);
}

/** Escapes text content the way the rich-text sanitizer writes it (quotes stay as they are), so bodies round-trip. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The stored HTML and plain text of an imported body: HTML bodies go through the rich-text
 * sanitizer; plain text becomes one paragraph per non-blank line (escaped), the way it reads.
 */
export function importedBody(body: string | undefined): { html: string; text: string } {
  if (body === undefined) return { html: '', text: '' };
  if (looksLikeHtml(body)) return sanitizeRichText(body);
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '');
  return { html: lines.map((line) => `<p>${escapeText(line)}</p>`).join(''), text: lines.join('\n') };
}

/**
 * The columns of one validated item as it will be stored.
 * @param createdBy the importing user's id (null for the system)
 * @param synthetic 1 for demo data
 */
export function prepareImportItem(value: CatalogItemInput, organizationId: number, now: string, createdBy: number | null, synthetic = false): CatalogItemInsert {
  const body = importedBody(value.bodyHtml);
  const published = value.publicationDate !== undefined;
  return {
    organization_id: organizationId,
    index_number: value.indexNumber ?? null,
    title: value.title,
    summary: value.summary ?? null,
    document_number: value.documentNumber ?? null,
    issuing_agency: value.issuingAgency,
    creation_date: value.creationDate,
    publication_date: value.publicationDate ?? null,
    subject_category: value.subjectCategory,
    genre: value.genre,
    keywords: JSON.stringify(value.keywords),
    disclosure_type: value.disclosureType,
    // As the catalog service stores it: a reason only means something for items not proactively disclosed.
    non_disclosure_reason: value.disclosureType === 'proactive' ? null : (value.nonDisclosureReason ?? null),
    validity: value.validity,
    effective_date: value.effectiveDate ?? null,
    expiry_date: value.expiryDate ?? null,
    body_html: body.html,
    body_text: body.text,
    status: published ? 'published' : 'draft',
    superseded_by_id: null,
    imported: 1,
    synthetic: synthetic ? 1 : 0,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    submitted_at: null,
    approved_by: null,
    approved_at: null,
    withdrawn_at: null,
    withdrawal_reason: null,
  };
}

/** A raw row to check: its row number and field values (as `rowToRawInput` gives them). */
export interface RawImportRow {
  row: number;
  raw: Record<string, string>;
}

/**
 * Validates rows and prepares the valid ones (no I/O): the item rules of `validateCatalogItemInput`,
 * an index number for every row that has a publication date (a published item has one), and no index
 * number twice in the file. A blank 发布机构 defaults to the organization's name.
 * @param seen index numbers of earlier rows of the same file, with their row (updated here), for checks across chunks
 * @returns the issues and the prepared items of the good rows (with their row numbers)
 */
export function checkImportRows(
  rows: readonly RawImportRow[],
  organization: Pick<Organization, 'id' | 'name'>,
  context: { today: string; now: string; createdBy: number | null; synthetic?: boolean; seen: Map<string, number> },
): { issues: ImportIssue[]; items: { row: number; item: CatalogItemInsert }[] } {
  const issues: ImportIssue[] = [];
  const items: { row: number; item: CatalogItemInsert }[] = [];
  for (const { row, raw } of rows) {
    const input = { ...raw, organizationId: organization.id, issuingAgency: raw['issuingAgency'] ?? organization.name };
    const checked = validateCatalogItemInput(input, context.today);
    const rowIssues = checked.ok ? [] : checked.issues.map((i) => ({ row, field: i.field, message: i.message, messageZh: i.messageZh }));
    const indexNumber = checked.ok ? checked.value.indexNumber : raw['indexNumber']?.trim();
    if (indexNumber === undefined && raw['publicationDate'] !== undefined && !rowIssues.some((i) => i.field === 'indexNumber')) {
      const issue = catalogIssue('indexNumber', 'required');
      rowIssues.unshift({ row, field: 'indexNumber', message: `${issue.message} (a published item has one)`, messageZh: `${issue.messageZh}（已发布的信息应有索引号）` });
    }
    if (indexNumber !== undefined && indexNumber !== '') {
      const earlier = context.seen.get(indexNumber);
      if (earlier !== undefined) rowIssues.unshift(duplicateIssue(row, indexNumber, earlier));
      else context.seen.set(indexNumber, row);
    }
    if (rowIssues.length > 0 || !checked.ok) issues.push(...rowIssues);
    else items.push({ row, item: prepareImportItem(checked.value, organization.id, context.now, context.createdBy, context.synthetic) });
  }
  return { issues, items };
}

function duplicateIssue(row: number, indexNumber: string, earlierRow: number | null): ImportIssue {
  const entry = ERROR_CODES.INDEX_NUMBER_DUPLICATE;
  return earlierRow === null
    ? { row, field: 'indexNumber', message: `${entry.en}: ${indexNumber} is already used by an item of the catalog`, messageZh: `${entry.zh}：${indexNumber} 已被目录中的其他信息使用` }
    : { row, field: 'indexNumber', message: `${entry.en}: ${indexNumber} is also in row ${earlierRow}`, messageZh: `${FIELD_LABELS_ZH.indexNumber} ${indexNumber} 与第 ${earlierRow} 行重复` };
}

/**
 * Adds the published ones of the inserted items to the search table, in the same transaction and
 * as one batch, through the search module's own segmentation (`searchRowOf`) and writer. Drafts are
 * left out: search shows only published items, and publishing indexes an item.
 */
async function indexInsertedItems(db: Db, dialect: Dialect, items: readonly InsertedItem[]): Promise<void> {
  await writeSearchRows(db, dialect, items.filter((i) => i.status === 'published').map(searchRowOf));
}

/**
 * Writes one batch of prepared items and their search entries (call inside a transaction).
 * @returns the new ids
 */
export async function insertImportBatch(db: Db, dialect: Dialect, items: readonly CatalogItemInsert[]): Promise<number[]> {
  const inserted = await insertCatalogItemRows(db, items);
  await indexInsertedItems(db, dialect, inserted);
  return inserted.map((i) => i.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regular expression matching index numbers generated from the organization's template, capturing year and serial. */
function generatedNumberPattern(organization: Organization): RegExp {
  const template = organization.indexNumberTemplate ?? DEFAULT_INDEX_NUMBER_TEMPLATE;
  let year = false;
  let serial = false;
  const source = template
    .split(/(\{(?:orgcode|yyyy|mm|n+)\})/)
    .map((part) => {
      if (part === '{orgcode}') return escapeRegExp(organization.organizationCode.replace(/-/g, ''));
      if (part === '{yyyy}') {
        if (year) return '\\d{4}';
        year = true;
        return '(?<year>\\d{4})';
      }
      if (part === '{mm}') return '\\d{2}';
      if (/^\{n+\}$/.test(part)) {
        if (serial) return '\\d+';
        serial = true;
        return '(?<serial>\\d+)';
      }
      return escapeRegExp(part);
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Imports a CSV or XLSX file of catalog items into an organization, or only checks it (`dryRun`).
 * Permission: `catalog.import` on the organization (2019 art. 19–20: the organization publishes its own catalog).
 * @returns the result set; bad rows are reported in it, never thrown
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `INPUT_UNSUPPORTED` /
 *   `INPUT_CORRUPT` (not a readable CSV/XLSX), `INDEX_NUMBER_DUPLICATE` (another writer took a number
 *   during the import; nothing was imported)
 */
export async function importCatalog(ctx: ServiceContext, actor: Actor, options: ImportOptions): Promise<ImportResult> {
  authorize(actor, 'catalog.import');
  const organization = await findOrganizationById(ctx.store.db, options.organizationId);
  if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', `organization ${options.organizationId}`);
  authorize(actor, 'catalog.import', { organizationPath: organization.path });

  const sha256 = createHash('sha256').update(options.data).digest('hex');
  const table = await readSpreadsheet(options.fileName, options.data);
  const total = table.rows.length;
  const result = (issues: ImportIssue[], invalidRows: number): ImportResult => ({
    total,
    valid: total - invalidRows,
    invalid: invalidRows,
    issues,
    imported: 0,
    dryRun: options.dryRun,
    sha256,
    firstId: null,
    lastId: null,
  });

  const mapping = mapHeader(table.headers);
  if (mapping.missing.length > 0 || total === 0) {
    const issues: ImportIssue[] = mapping.missing.map((field) => {
      const labels = SHEET_COLUMNS.find((c) => c.field === field)?.labels.join('/') ?? field;
      return { row: 0, field, message: `the header has no ${field} column (${labels})`, messageZh: `表头缺少“${labels}”列` };
    });
    if (total === 0) issues.push({ row: 0, field: 'file', message: 'the file has no data rows below the header', messageZh: '文件在表头下没有数据行' });
    return result(issues, total);
  }

  const subjects = subjectCategoryLookup(await selectLocalThemeNames(ctx.store.db));
  const context = { today: today(ctx.clock), now: nowIso(ctx.clock), createdBy: actorUserId(actor), seen: new Map<string, number>() };
  const issues: ImportIssue[] = [];
  const items: { row: number; item: CatalogItemInsert }[] = [];
  for (let start = 0; start < total; start += IMPORT_BATCH_SIZE) {
    const chunk = table.rows.slice(start, start + IMPORT_BATCH_SIZE).map((r) => ({ row: r.row, raw: rowToRawInput(r.cells, mapping, subjects) }));
    const checked = checkImportRows(chunk, organization, context);
    issues.push(...checked.issues);
    items.push(...checked.items);
    options.onProgress?.(Math.min(start + IMPORT_BATCH_SIZE, total), total, 'check');
  }
  // Index numbers already in the store (any organization: they are unique across the catalog).
  const taken = await selectExistingIndexNumbers(ctx.store.db, [...context.seen.keys()]);
  if (taken.size > 0) {
    for (const [number, row] of context.seen) if (taken.has(number)) issues.push(duplicateIssue(row, number, null));
  }
  issues.sort((a, b) => a.row - b.row);
  const invalidRows = new Set(issues.map((i) => i.row)).size;
  if (options.dryRun || issues.length > 0) return result(issues, invalidRows);

  const written = await writeImport(ctx, actor, organization, items.map((i) => i.item), { fileName: options.fileName, sha256 }, options.onProgress);
  return { ...result([], 0), imported: written.count, firstId: written.firstId, lastId: written.lastId };
}

/** Writes all items in one transaction, with one audit event; maps a late unique violation to a typed error. */
async function writeImport(
  ctx: ServiceContext,
  actor: Actor,
  organization: Organization,
  items: readonly CatalogItemInsert[],
  file: { fileName: string; sha256: string },
  onProgress?: ImportOptions['onProgress'],
): Promise<{ count: number; firstId: number | null; lastId: number | null }> {
  const pattern = generatedNumberPattern(organization);
  try {
    return await ctx.store.db.transaction().execute(async (trx) => {
      let firstId: number | null = null;
      let lastId: number | null = null;
      for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE) {
        const ids = await insertImportBatch(trx, ctx.store.dialect, items.slice(start, start + IMPORT_BATCH_SIZE));
        for (const id of ids) {
          if (firstId === null || id < firstId) firstId = id;
          if (lastId === null || id > lastId) lastId = id;
        }
        onProgress?.(Math.min(start + IMPORT_BATCH_SIZE, items.length), items.length, 'write');
      }
      const maxSerial = new Map<number, number>();
      for (const item of items) {
        const match = item.index_number ? pattern.exec(item.index_number) : null;
        const year = Number(match?.groups?.['year']);
        const serial = Number(match?.groups?.['serial']);
        if (match && Number.isFinite(year) && Number.isFinite(serial)) maxSerial.set(year, Math.max(maxSerial.get(year) ?? 0, serial));
      }
      for (const [year, serial] of maxSerial) await raiseIndexNumberSerial(trx, organization.id, year, serial);
      const published = items.filter((i) => i.status === 'published').length;
      await recordAudit(trx, actor, ctx.clock, {
        action: 'catalog.import',
        entityType: 'catalog_item',
        entityId: firstId === null ? '-' : `${firstId}-${lastId}`,
        organizationId: organization.id,
        after: { fileName: file.fileName, sha256: file.sha256, rows: items.length, published, drafts: items.length - published, firstId, lastId },
        note: `import of ${file.fileName} (${items.length} rows)`,
      });
      return { count: items.length, firstId, lastId };
    });
  } catch (error) {
    if (error instanceof Error && /unique|duplicate key/i.test(error.message) && /index_number/i.test(error.message)) {
      throw new GongkaiError('INDEX_NUMBER_DUPLICATE', 'an index number of the file was taken while importing; nothing was imported', { cause: error });
    }
    throw error;
  }
}
