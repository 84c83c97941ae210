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
import { writeSearchRows } from '../search/search-sql.ts';
import type { SearchRow } from '../search/search-sql.ts';
import type { IndexableItem } from '../search/search-index.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { mapHeader, rowToRawInput, SHEET_COLUMNS, subjectCategoryLookup } from './catalog-import-columns.ts';
import type { HeaderMapping } from './catalog-import-columns.ts';
import { checkImportRows, duplicateIssue } from './catalog-import-rows.ts';
import type { ImportIssue } from './catalog-import-rows.ts';
import { inlineSegmentPool, openSegmentPool, PARALLEL_SEGMENT_THRESHOLD } from './catalog-import-segment.ts';
import type { SegmentPool } from './catalog-import-segment.ts';
import { insertCatalogItemRows, raiseIndexNumberSerial, selectExistingIndexNumbers, selectLocalThemeNames } from './catalog-import.repository.ts';
import type { CatalogItemInsert } from './catalog-import.repository.ts';
import { DEFAULT_INDEX_NUMBER_TEMPLATE } from './index-number.ts';
import { readSpreadsheet } from './spreadsheet.ts';
import type { SheetTable } from './spreadsheet.ts';

/** Rows per multi-row INSERT (and per search-index batch). */
export const IMPORT_BATCH_SIZE = 500;

// The pure row checks live in catalog-import-rows.ts; callers (the demo, the benchmark) import them from here.
export type { ImportIssue, RawImportRow } from './catalog-import-rows.ts';
export { checkImportRows, importedBody } from './catalog-import-rows.ts';

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

/** The searchable text of a prepared item (its id is filled in once inserted). */
function indexable(item: CatalogItemInsert): IndexableItem {
  return { id: 0, title: item.title, summary: item.summary ?? null, documentNumber: item.document_number ?? null, bodyText: item.body_text ?? '' };
}

/**
 * Writes prepared items in batches of {@link IMPORT_BATCH_SIZE} (call inside a transaction): a
 * multi-row insert per batch, then the published items' search rows, as a batch, in the same
 * transaction (drafts are not indexed: search shows only published items, and publishing indexes
 * an item). Segmentation runs ahead in `pool` (up to two batches per worker), so workers segment
 * while this thread inserts.
 * @param onProgress called with the number of items inserted so far after each batch
 * @returns the smallest and largest new id (null when `items` is empty)
 */
export async function insertImportItems(
  db: Db,
  dialect: Dialect,
  items: readonly CatalogItemInsert[],
  pool: SegmentPool,
  onProgress?: (done: number) => void,
): Promise<{ firstId: number | null; lastId: number | null }> {
  const batches: CatalogItemInsert[][] = [];
  for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE) batches.push(items.slice(start, start + IMPORT_BATCH_SIZE));
  const segmented: (Promise<SearchRow[]> | undefined)[] = [];
  const submit = (k: number): void => {
    const batch = batches[k];
    if (!batch || segmented[k]) return;
    const job = pool.segment(batch.filter((i) => i.status === 'published').map(indexable));
    // Awaited in order below; this only keeps an early failure from counting as unhandled.
    job.catch(() => undefined);
    segmented[k] = job;
  };
  let firstId: number | null = null;
  let lastId: number | null = null;
  let done = 0;
  for (const [k, batch] of batches.entries()) {
    for (let ahead = k; ahead <= k + 2 * pool.width; ahead += 1) submit(ahead);
    const ids = await insertCatalogItemRows(db, batch);
    if (ids.length !== batch.length) throw new Error(`inserted ${ids.length} of ${batch.length} rows`);
    firstId ??= ids[0] ?? null;
    lastId = ids.at(-1) ?? lastId;
    const rows = (await segmented[k]) ?? [];
    segmented[k] = undefined;
    let next = 0;
    batch.forEach((item, i) => {
      const row = item.status === 'published' ? rows[next++] : undefined;
      if (row) row.itemId = ids[i] ?? 0;
    });
    await writeSearchRows(db, dialect, rows);
    done += batch.length;
    onProgress?.(done);
  }
  return { firstId, lastId };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** SQLite page cache for a bulk import, in KiB: the catalog's indexes stay in memory as the table grows. */
export const IMPORT_CACHE_KIB = 256 * 1024;

/**
 * Runs `work` with a large SQLite page cache (then puts the old size back). Every insert touches
 * five B-trees (the table and its indexes) at scattered positions; with SQLite's default 2 MB cache
 * a large import rereads and spills index pages. No-op on PostgreSQL.
 */
export async function withImportCache<T>(store: ServiceContext['store'], work: () => Promise<T>): Promise<T> {
  const sqlite = store.sqlite;
  if (!sqlite) return work();
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    sqlite.pragma(`cache_size = ${previous}`);
  }
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

  // A large import's segmentation workers load their dictionaries while the rows are checked.
  const pool = !options.dryRun && total >= PARALLEL_SEGMENT_THRESHOLD ? openSegmentPool() : inlineSegmentPool();
  try {
    return await checkAndWrite(ctx, actor, organization, options, { table, mapping, sha256, pool, result });
  } finally {
    await pool.close();
  }
}

/** The check and write phases of {@link importCatalog}. */
async function checkAndWrite(
  ctx: ServiceContext,
  actor: Actor,
  organization: Organization,
  options: ImportOptions,
  state: { table: SheetTable; mapping: HeaderMapping; sha256: string; pool: SegmentPool; result: (issues: ImportIssue[], invalidRows: number) => ImportResult },
): Promise<ImportResult> {
  const { table, mapping, sha256, result } = state;
  const total = table.rows.length;
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

  const written = await writeImport(ctx, actor, organization, items.map((i) => i.item), { fileName: options.fileName, sha256 }, state.pool, options.onProgress);
  return { ...result([], 0), imported: written.count, firstId: written.firstId, lastId: written.lastId };
}

/** Writes all items in one transaction, with one audit event; maps a late unique violation to a typed error. */
async function writeImport(
  ctx: ServiceContext,
  actor: Actor,
  organization: Organization,
  items: readonly CatalogItemInsert[],
  file: { fileName: string; sha256: string },
  pool: SegmentPool,
  onProgress?: ImportOptions['onProgress'],
): Promise<{ count: number; firstId: number | null; lastId: number | null }> {
  const pattern = generatedNumberPattern(organization);
  try {
    return await withImportCache(ctx.store, () => ctx.store.db.transaction().execute(async (trx) => {
      const { firstId, lastId } = await insertImportItems(trx, ctx.store.dialect, items, pool, (done) => onProgress?.(done, items.length, 'write'));
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
    }));
  } catch (error) {
    if (error instanceof Error && /unique|duplicate key/i.test(error.message) && /index_number/i.test(error.message)) {
      throw new GongkaiError('INDEX_NUMBER_DUPLICATE', 'an index number of the file was taken while importing; nothing was imported', { cause: error });
    }
    throw error;
  }
}
