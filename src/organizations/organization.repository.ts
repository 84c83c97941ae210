/**
 * Storage of organizations: the only file that knows the `organization` table. Functions take a
 * `Db` (handle or transaction); the caller owns the transaction.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Db, OrganizationTable } from '../db/database.ts';
import { emptyOgiOffice } from './organization.ts';
import type { OgiOffice, Organization, OrganizationKind, OrganizationLevel } from './organization.ts';

type OrganizationRow = Selectable<OrganizationTable>;

function parseOffice(json: string): OgiOffice {
  const office = emptyOgiOffice();
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === 'object') {
      for (const key of Object.keys(office) as (keyof OgiOffice)[]) {
        const value = (parsed as Record<string, unknown>)[key];
        if (typeof value === 'string') office[key] = value;
      }
    }
  } catch {
    // A damaged value shows as an empty office rather than failing the whole page.
  }
  return office;
}

/** Maps a row to the domain organization. */
export function rowToOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as OrganizationKind,
    level: row.level as OrganizationLevel,
    divisionCode: row.division_code,
    organizationCode: row.organization_code,
    competentDepartmentId: row.competent_department_id,
    ogiOffice: parseOffice(row.ogi_office),
    indexNumberTemplate: row.index_number_template,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored columns of an organization (everything but id and path, which the repository manages). */
export type OrganizationValues = Omit<Organization, 'id' | 'path' | 'createdAt' | 'updatedAt'>;

function toColumns(values: OrganizationValues): Omit<Insertable<OrganizationTable>, 'id' | 'path' | 'created_at' | 'updated_at'> {
  return {
    parent_id: values.parentId,
    name: values.name,
    short_name: values.shortName,
    kind: values.kind,
    level: values.level,
    division_code: values.divisionCode,
    organization_code: values.organizationCode,
    competent_department_id: values.competentDepartmentId,
    ogi_office: JSON.stringify(values.ogiOffice),
    index_number_template: values.indexNumberTemplate,
  };
}

/** The organization with `id`, or undefined. */
export async function findOrganizationById(db: Db, id: number): Promise<Organization | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToOrganization(row) : undefined;
}

/** The organization whose organization code is exactly `code`, or undefined. */
export async function findOrganizationRowByCode(db: Db, code: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('organization_code', '=', code).executeTakeFirst();
  return row ? rowToOrganization(row) : undefined;
}

/** Every organization, unordered (sort with `sortAsTree`). */
export async function selectAllOrganizations(db: Db): Promise<Organization[]> {
  const rows = await db.selectFrom('organization').selectAll().execute();
  return rows.map(rowToOrganization);
}

/** The organizations whose path starts with `rootPath` (the root included), unordered. */
export async function selectSubtree(db: Db, rootPath: string): Promise<Organization[]> {
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  const rows = await db.selectFrom('organization').selectAll().where('path', 'like', `${rootPath}%`).execute();
  return rows.map(rowToOrganization);
}

/**
 * Inserts an organization below `parentPath` ('' for a root) and sets its path to `parentPath/id/`.
 * @returns the stored organization
 */
export async function insertOrganization(db: Db, values: OrganizationValues, parentPath: string, now: string): Promise<Organization> {
  const { id } = await db
    .insertInto('organization')
    .values({ ...toColumns(values), path: '', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath || '/'}${id}/`;
  const row = await db.updateTable('organization').set({ path }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return rowToOrganization(row);
}

/** Overwrites an organization's stored fields (not its path). */
export async function updateOrganizationRow(db: Db, id: number, values: OrganizationValues, now: string): Promise<void> {
  await db.updateTable('organization').set({ ...toColumns(values), updated_at: now }).where('id', '=', id).execute();
}

/**
 * Moves a subtree: every path starting with `oldPath` gets `newPath` instead of that prefix.
 * Row by row, so the SQL stays the same on both dialects (subtrees are small: tens of rows).
 * @returns how many organizations were updated
 */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newPath: string, now: string): Promise<number> {
  const rows = await db.selectFrom('organization').select(['id', 'path']).where('path', 'like', `${oldPath}%`).execute();
  for (const row of rows) {
    await db
      .updateTable('organization')
      .set({ path: newPath + row.path.slice(oldPath.length), updated_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}

/** The paths of the given organizations, by id (ids not found are absent). */
export async function selectPathsByIds(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'path']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}
