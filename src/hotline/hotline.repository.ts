/**
 * Storage of 12345 hotline work orders (`hotline_work_order`) and their imports (`hotline_import`):
 * the only file of src/hotline/ that knows the tables. Functions take a `Db` (handle or
 * transaction); the caller owns the transaction. A subtree is read with one `organization.path
 * LIKE root || '%'` join (paths hold only digits and slashes, so they need no LIKE escaping).
 */
import type { Insertable, Selectable } from 'kysely';
import type { Db, HotlineWorkOrderTable } from '../db/database.ts';
import { addToHotlineFigures } from './hotline-statistics.ts';
import type { HotlineFigures, HotlineStatisticsOrder } from './hotline-statistics.ts';
import type { HotlineCategory, HotlineOrderValues, HotlineSatisfaction, HotlineWorkOrder } from './hotline-work-order.ts';

/** Rows per multi-row INSERT (12 columns: 6,000 parameters, under both engines' limits). */
export const HOTLINE_INSERT_BATCH = 500;

type WorkOrderRow = Selectable<HotlineWorkOrderTable>;

/** Maps a row to the domain record (the enum columns are written only through validated values). */
function rowToWorkOrder(row: WorkOrderRow): HotlineWorkOrder {
  return {
    id: row.id,
    organizationId: row.organization_id,
    orderNumber: row.order_number,
    receivedOn: row.received_on,
    category: row.category as HotlineCategory,
    summary: row.summary,
    repliedOn: row.replied_on,
    satisfaction: row.satisfaction as HotlineSatisfaction | null,
    importId: row.import_id,
    synthetic: row.synthetic === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A stored order found by number: its id, values and its organization's path. */
export interface StoredHotlineOrder {
  id: number;
  values: HotlineOrderValues;
  organizationPath: string;
}

/** The stored orders with the given numbers (any organization), by number. Queried in chunks of 500. */
export async function selectOrdersByNumbers(db: Db, orderNumbers: readonly string[]): Promise<Map<string, StoredHotlineOrder>> {
  const found = new Map<string, StoredHotlineOrder>();
  for (let i = 0; i < orderNumbers.length; i += 500) {
    const chunk = orderNumbers.slice(i, i + 500);
    const rows = await db
      .selectFrom('hotline_work_order as w')
      .innerJoin('organization as o', 'o.id', 'w.organization_id')
      .selectAll('w')
      .select('o.path as organization_path')
      .where('w.order_number', 'in', chunk)
      .execute();
    for (const row of rows) {
      const order = rowToWorkOrder(row);
      found.set(order.orderNumber, {
        id: order.id,
        organizationPath: row.organization_path,
        values: { organizationId: order.organizationId, orderNumber: order.orderNumber, receivedOn: order.receivedOn, category: order.category, summary: order.summary, repliedOn: order.repliedOn, satisfaction: order.satisfaction },
      });
    }
  }
  return found;
}

/**
 * Records an import (file name, SHA-256 hex, data rows, importing user, instant).
 * @returns the import's id
 */
export async function insertHotlineImport(db: Db, values: { fileName: string; sha256: string; rows: number; importedBy: number | null; importedAt: string }): Promise<number> {
  const row = await db
    .insertInto('hotline_import')
    .values({ file_name: values.fileName, sha256: values.sha256, rows: values.rows, imported_by: values.importedBy, imported_at: values.importedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function orderColumns(values: HotlineOrderValues): Omit<Insertable<HotlineWorkOrderTable>, 'import_id' | 'created_at' | 'updated_at'> {
  return {
    organization_id: values.organizationId,
    order_number: values.orderNumber,
    received_on: values.receivedOn,
    category: values.category,
    summary: values.summary,
    replied_on: values.repliedOn,
    satisfaction: values.satisfaction,
  };
}

/**
 * Inserts new orders written by an import, {@link HOTLINE_INSERT_BATCH} per statement.
 * @param now the ISO instant stored as created and updated time
 * @param onBatch called with the number inserted so far after each batch
 */
export async function insertWorkOrders(db: Db, orders: readonly HotlineOrderValues[], importId: number | null, now: string, onBatch?: (done: number) => void): Promise<void> {
  for (let start = 0; start < orders.length; start += HOTLINE_INSERT_BATCH) {
    const batch = orders.slice(start, start + HOTLINE_INSERT_BATCH).map((v) => ({ ...orderColumns(v), import_id: importId, created_at: now, updated_at: now }));
    await db.insertInto('hotline_work_order').values(batch).execute();
    onBatch?.(start + batch.length);
  }
}

/** Overwrites a stored order's values with an import's (its number and creation time stay). */
export async function updateWorkOrder(db: Db, id: number, values: HotlineOrderValues, importId: number | null, now: string): Promise<void> {
  await db
    .updateTable('hotline_work_order')
    .set({ ...orderColumns(values), import_id: importId, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Which orders a list shows: a subtree (or several; null = all), optionally a period, category and reply status. */
export interface HotlineOrderFilter {
  rootPaths: readonly string[] | null;
  /** `received_on` from (inclusive), `YYYY-MM-DD`. */
  from?: string;
  /** `received_on` to (inclusive), `YYYY-MM-DD`. */
  to?: string;
  category?: HotlineCategory;
  /** `replied`: with a reply date; `unreplied`: without. */
  status?: 'replied' | 'unreplied';
  /** An exact work-order number. */
  orderNumber?: string;
}

/** An order with the name of its organization. */
export interface HotlineOrderWithOrganization {
  order: HotlineWorkOrder;
  organizationName: string;
}

function filtered(db: Db, filter: HotlineOrderFilter) {
  let query = db.selectFrom('hotline_work_order as w').innerJoin('organization as o', 'o.id', 'w.organization_id');
  const roots = filter.rootPaths;
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('o.path', 'like', `${root}%`))));
  if (filter.from !== undefined) query = query.where('w.received_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('w.received_on', '<=', filter.to);
  if (filter.category !== undefined) query = query.where('w.category', '=', filter.category);
  if (filter.status === 'replied') query = query.where('w.replied_on', 'is not', null);
  if (filter.status === 'unreplied') query = query.where('w.replied_on', 'is', null);
  if (filter.orderNumber !== undefined) query = query.where('w.order_number', '=', filter.orderNumber);
  return query;
}

/**
 * A page of orders, newest receipt first (then by id), with the number of all matching orders.
 * @param limit rows per page; `offset` rows skipped
 */
export async function selectWorkOrders(db: Db, filter: HotlineOrderFilter, limit: number, offset: number): Promise<{ orders: HotlineOrderWithOrganization[]; total: number }> {
  if (filter.rootPaths !== null && filter.rootPaths.length === 0) return { orders: [], total: 0 };
  const rows = await filtered(db, filter).selectAll('w').select('o.name as organization_name').orderBy('w.received_on', 'desc').orderBy('w.id', 'desc').limit(limit).offset(offset).execute();
  const count = await filtered(db, filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return { orders: rows.map((row) => ({ order: rowToWorkOrder(row), organizationName: row.organization_name })), total: Number(count.n) };
}

/** The fields the statistics read of every order of a subtree received from `from` to `to` (inclusive). */
export async function selectStatisticsOrders(db: Db, rootPath: string, from: string, to: string): Promise<HotlineStatisticsOrder[]> {
  const rows = await filtered(db, { rootPaths: [rootPath], from, to }).select(['w.received_on', 'w.replied_on', 'w.category', 'w.satisfaction']).execute();
  return rows.map((r) => ({ receivedOn: r.received_on, repliedOn: r.replied_on, category: r.category as HotlineCategory, satisfaction: r.satisfaction as HotlineSatisfaction | null }));
}

/**
 * Received and replied counts and total reply days per organization of a subtree, for the orders
 * received from `from` to `to` (inclusive): what the annual report sums (issue 6). Organizations
 * without orders in the period are absent. Days are summed here rather than in SQL because the two
 * engines subtract dates differently; only two date columns per order are read.
 * @param rootPath the subtree root's materialized path (`/1/5/`)
 */
export async function selectHotlineFiguresBySubtree(db: Db, rootPath: string, from: string, to: string): Promise<Map<number, HotlineFigures>> {
  const rows = await filtered(db, { rootPaths: [rootPath], from, to }).select(['w.organization_id', 'w.received_on', 'w.replied_on']).execute();
  const figures = new Map<number, HotlineFigures>();
  for (const row of rows) {
    const entry = figures.get(row.organization_id) ?? { received: 0, replied: 0, replyDaysTotal: 0 };
    addToHotlineFigures(entry, { receivedOn: row.received_on, repliedOn: row.replied_on });
    figures.set(row.organization_id, entry);
  }
  return figures;
}

/** Counts of orders and imports: for tests of the all-or-nothing guarantee. */
export async function countHotlineRows(db: Db): Promise<{ orders: number; imports: number }> {
  const orders = await db.selectFrom('hotline_work_order').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const imports = await db.selectFrom('hotline_import').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return { orders: Number(orders.n), imports: Number(imports.n) };
}
