/**
 * The one query of the first start: is the store empty?
 */
import type { Db } from '../db/database.ts';

/** How many organizations and users the store holds together (0 = a fresh store). */
export async function countOrganizationsAndUsers(db: Db): Promise<number> {
  const orgs = await db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const users = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(orgs.n) + Number(users.n);
}
