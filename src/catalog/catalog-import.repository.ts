/**
 * Storage of the bulk importer: multi-row inserts of catalog items, the duplicate index-number check
 * against the store, the local themes (for subject categories given by name), and moving the
 * index-number sequence past imported numbers. Functions take a `Db`; the caller owns the transaction.
 */
import type { Insertable } from 'kysely';
import type { CatalogItemTable, Db } from '../db/database.ts';

/** The columns of one item to insert (the id is generated). */
export type CatalogItemInsert = Insertable<CatalogItemTable>;

/**
 * Inserts items with one multi-row statement. Callers keep batches at ≤ 500 rows (30 columns each:
 * 15,000 parameters, well under SQLite's 32,766 and PostgreSQL's 65,535).
 * @returns the new ids in the order of `rows`: both engines assign the ids of one multi-row INSERT
 *   in VALUES order (SQLite: max rowid + 1 per row; PostgreSQL: one nextval per row as the VALUES
 *   list is scanned), so the ascending ids are the rows' ids in order, whatever order RETURNING uses
 */
export async function insertCatalogItemRows(db: Db, rows: readonly CatalogItemInsert[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('catalog_item')
    .values([...rows])
    .returning('id')
    .execute();
  return inserted.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Which of the given index numbers are already used by an item of the store (any organization,
 * any status: an index number is never reused). Queried in chunks of 500.
 */
export async function selectExistingIndexNumbers(db: Db, indexNumbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < indexNumbers.length; i += 500) {
    const chunk = indexNumbers.slice(i, i + 500);
    const rows = await db.selectFrom('catalog_item').select('index_number').where('index_number', 'in', chunk).execute();
    for (const row of rows) if (row.index_number !== null) found.add(row.index_number);
  }
  return found;
}

/** The configured local themes: code and name. */
export async function selectLocalThemeNames(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('local_theme').select(['code', 'name']).execute();
}

/**
 * Raises the organization's index-number serial for `year` to at least `serial`, so numbers generated
 * later never collide with imported ones. Never lowers it (serials never go back).
 */
export async function raiseIndexNumberSerial(db: Db, organizationId: number, year: number, serial: number): Promise<void> {
  const current = await db
    .selectFrom('index_number_sequence')
    .select('last_serial')
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!current) {
    await db.insertInto('index_number_sequence').values({ organization_id: organizationId, year, last_serial: serial }).execute();
  } else if (current.last_serial < serial) {
    await db
      .updateTable('index_number_sequence')
      .set({ last_serial: serial })
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .execute();
  }
}
