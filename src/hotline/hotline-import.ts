/**
 * Import of 12345 hotline work orders from the hotline system's CSV or XLSX export (issue 6 item 2).
 * A batch operation that returns a result set rather than throwing for bad rows: every bad row is
 * reported with its row number, field and messages, and a file with any bad row writes nothing (the
 * office fixes the export and imports it again, never half of it). A dry run makes the same checks
 * and gives the same per-organization summary (created / updated / unchanged), writing nothing.
 *
 * A real import writes the `hotline_import` row, every new or changed order and ONE `hotline.import`
 * audit event (counts, the file's SHA-256, and the previous values of the orders it changed) in one
 * transaction: a crash leaves the store as it was. Orders are keyed by the hotline's work-order
 * number, so importing the same export twice changes nothing, and a later export updates replies and
 * follow-up verdicts.
 *
 * Permission: `hotline.import` on the importing organization; every row's organization must be it
 * or below it, and an order already stored for an organization outside it may not be changed.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, inSubtree } from '../auth/policy.ts';
import { readSpreadsheet } from '../catalog/spreadsheet.ts';
import { findOrganizationById, selectSubtree } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { HOTLINE_COLUMNS, hotlineRowValues, mapHotlineHeader } from './hotline-columns.ts';
import { checkHotlineRows, classifyHotlineOrder, foreignOrderIssue, hotlineOrganizationLookup, summarizeHotlineOutcomes } from './hotline-rows.ts';
import type { CheckedHotlineRow, HotlineIssue, HotlineOutcome } from './hotline-rows.ts';
import type { HotlineOrderValues } from './hotline-work-order.ts';
import { insertHotlineImport, insertWorkOrders, selectOrdersByNumbers, updateWorkOrder } from './hotline.repository.ts';
import type { StoredHotlineOrder } from './hotline.repository.ts';

/** Rows checked per chunk (progress is reported after each). */
const CHECK_CHUNK = 1000;

/** One organization's line of the summary. */
export interface HotlineImportOrganizationSummary {
  organizationId: number;
  organizationName: string;
  created: number;
  updated: number;
  unchanged: number;
}

/** The result set of an import or dry run. */
export interface HotlineImportResult {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  /** Rows without problems. */
  valid: number;
  /** Rows with at least one problem (a header problem makes every row invalid). */
  invalid: number;
  /** Every problem, in row order. */
  issues: HotlineIssue[];
  dryRun: boolean;
  /** SHA-256 of the file (hex), as recorded with the import. */
  sha256: string;
  /** The `hotline_import` row written; null on a dry run or when any row is bad. */
  importId: number | null;
  /** What the good rows do (or did): orders new to the store, changed, and already stored as given. */
  created: number;
  updated: number;
  unchanged: number;
  /** The same per organization, in the order organizations first appear in the file. */
  organizations: HotlineImportOrganizationSummary[];
}

/** What {@link importHotlineOrders} takes. */
export interface HotlineImportOptions {
  /** The importing organization: every row's organization must be it or below it. */
  organizationId: number;
  /** The file's name (format hint, messages and the import record). */
  fileName: string;
  data: Uint8Array;
  /** Only check; write nothing. */
  dryRun: boolean;
  /** Called as rows are checked ('check') and written ('write'), with the rows done and the total. */
  onProgress?: (done: number, total: number, phase: 'check' | 'write') => void;
}

/** A good row with what the import does with it. */
interface PlannedRow extends CheckedHotlineRow {
  outcome: HotlineOutcome;
  stored: StoredHotlineOrder | undefined;
}

/**
 * Imports a hotline export, or only checks it (`dryRun`).
 * @returns the result set; bad rows are reported in it, never thrown (the API answers a real import
 *   with bad rows with `IMPORT_INVALID`)
 * @throws GongkaiError `UNAUTHENTICATED` / `FORBIDDEN` (`hotline.import` on the organization),
 *   `ORGANIZATION_UNKNOWN`, `INPUT_UNSUPPORTED` / `INPUT_CORRUPT` (not a readable CSV/XLSX),
 *   `CONFLICT` (another import stored one of the file's order numbers meanwhile; nothing was written)
 */
export async function importHotlineOrders(ctx: ServiceContext, actor: Actor, options: HotlineImportOptions): Promise<HotlineImportResult> {
  authorize(actor, 'hotline.import');
  const root = await findOrganizationById(ctx.store.db, options.organizationId);
  if (!root) throw new GongkaiError('ORGANIZATION_UNKNOWN', `organization ${options.organizationId}`);
  authorize(actor, 'hotline.import', { organizationPath: root.path });

  const sha256 = createHash('sha256').update(options.data).digest('hex');
  const table = await readSpreadsheet(options.fileName, options.data);
  const total = table.rows.length;
  const empty = { dryRun: options.dryRun, sha256, importId: null, created: 0, updated: 0, unchanged: 0, organizations: [] };

  const mapping = mapHotlineHeader(table.headers);
  if (mapping.missing.length > 0 || total === 0) {
    const issues: HotlineIssue[] = mapping.missing.map((field) => {
      const labels = HOTLINE_COLUMNS.find((c) => c.field === field)?.labels.join('/') ?? field;
      return { row: 0, field, message: `the header has no ${field} column (${labels})`, messageZh: `表头缺少“${labels}”列` };
    });
    if (total === 0) issues.push({ row: 0, field: 'file', message: 'the file has no data rows below the header', messageZh: '文件在表头下没有数据行' });
    return { total, valid: 0, invalid: total, issues, ...empty };
  }

  const subtree = await selectSubtree(ctx.store.db, root.path);
  const names = new Map(subtree.map((o) => [o.id, o.name]));
  const context = { today: today(ctx.clock), organizations: hotlineOrganizationLookup(subtree), rootName: root.name, seen: new Map<string, number>() };
  const issues: HotlineIssue[] = [];
  const good: CheckedHotlineRow[] = [];
  for (let start = 0; start < total; start += CHECK_CHUNK) {
    const chunk = table.rows.slice(start, start + CHECK_CHUNK).map((r) => ({ row: r.row, raw: hotlineRowValues(r.cells, mapping) }));
    const checked = checkHotlineRows(chunk, context);
    issues.push(...checked.issues);
    good.push(...checked.orders);
    options.onProgress?.(Math.min(start + CHECK_CHUNK, total), total, 'check');
  }

  const stored = await selectOrdersByNumbers(ctx.store.db, good.map((g) => g.values.orderNumber));
  const planned: PlannedRow[] = [];
  for (const row of good) {
    const existing = stored.get(row.values.orderNumber);
    if (existing && !inSubtree(existing.organizationPath, root.path)) {
      issues.push(foreignOrderIssue(row.row, row.values.orderNumber, root.name));
      continue;
    }
    planned.push({ ...row, stored: existing, outcome: classifyHotlineOrder(existing?.values, row.values) });
  }
  issues.sort((a, b) => a.row - b.row);
  const invalid = new Set(issues.map((i) => i.row)).size;
  const summary = summarizeHotlineOutcomes(planned.map((p) => ({ organizationId: p.values.organizationId, outcome: p.outcome })));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const p of planned) counts[p.outcome] += 1;
  const result: HotlineImportResult = {
    total,
    valid: total - invalid,
    invalid,
    issues,
    ...empty,
    ...counts,
    organizations: summary.map((s) => ({ ...s, organizationName: names.get(s.organizationId) ?? String(s.organizationId) })),
  };
  if (options.dryRun || issues.length > 0) return result;

  const importId = await writeImport(ctx, actor, root, planned, { fileName: options.fileName, sha256, total }, result, options.onProgress);
  return { ...result, importId };
}

/** Writes the import record, the new and changed orders and one audit event, in one transaction. */
async function writeImport(
  ctx: ServiceContext,
  actor: Actor,
  root: Organization,
  planned: readonly PlannedRow[],
  file: { fileName: string; sha256: string; total: number },
  result: HotlineImportResult,
  onProgress?: HotlineImportOptions['onProgress'],
): Promise<number> {
  const now = nowIso(ctx.clock);
  const created = planned.filter((p) => p.outcome === 'created').map((p) => p.values);
  const updated = planned.filter((p) => p.outcome === 'updated');
  const writes = created.length + updated.length;
  try {
    return await ctx.store.db.transaction().execute(async (trx) => {
      const importId = await insertHotlineImport(trx, { fileName: file.fileName, sha256: file.sha256, rows: file.total, importedBy: actorUserId(actor), importedAt: now });
      await insertWorkOrders(trx, created, importId, now, (done) => onProgress?.(done, writes, 'write'));
      let done = created.length;
      const before: HotlineOrderValues[] = [];
      for (const p of updated) {
        if (!p.stored) continue;
        before.push(p.stored.values);
        await updateWorkOrder(trx, p.stored.id, p.values, importId, now);
        done += 1;
        if (done % 500 === 0 || done === writes) onProgress?.(done, writes, 'write');
      }
      await recordAudit(trx, actor, ctx.clock, {
        action: 'hotline.import',
        entityType: 'hotline_import',
        entityId: importId,
        organizationId: root.id,
        // The previous values of changed orders: the new ones are in the store, marked with this import.
        ...(before.length > 0 ? { before: { updated: before } } : {}),
        after: { fileName: file.fileName, sha256: file.sha256, rows: file.total, created: result.created, updated: result.updated, unchanged: result.unchanged, organizations: result.organizations },
        note: `import of ${file.fileName} (${file.total} rows)`,
      });
      return importId;
    });
  } catch (error) {
    if (error instanceof Error && /unique|duplicate key/i.test(error.message) && /order_number/i.test(error.message)) {
      throw new GongkaiError('CONFLICT', 'another import stored an order number of this file meanwhile; nothing was imported, import the file again', { cause: error });
    }
    throw error;
  }
}
