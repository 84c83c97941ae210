/**
 * Finding the organization a report command names: by organization code, or for a government by its
 * GB/T 2260 division code (`640300` names 吴忠市人民政府, whose organization code is 640300000).
 */
import type { Db } from '../db/database.ts';
import { rowToOrganization } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';

/**
 * The organization whose organization code is `code`, else the government whose division code is
 * `code` (the shallowest when several match), else undefined.
 */
export async function findOrganizationByCodeOrDivision(db: Db, code: string): Promise<Organization | undefined> {
  const byCode = await db.selectFrom('organization').selectAll().where('organization_code', '=', code).executeTakeFirst();
  if (byCode) return rowToOrganization(byCode);
  const governments = await db.selectFrom('organization').selectAll().where('division_code', '=', code).where('kind', '=', 'government').execute();
  const shallowest = governments.map(rowToOrganization).sort((a, b) => a.path.length - b.path.length)[0];
  return shallowest;
}
