/**
 * Storage of users and role assignments (`app_user`, `role_assignment`). The password hash is read
 * only through {@link findCredentials}; every other function returns the domain user without it.
 */
import type { Selectable } from 'kysely';
import type { Db, UserTable } from '../db/database.ts';
import type { Role } from './actor.ts';
import type { GrantInput, User, UserGrant } from './user.ts';

type UserRow = Selectable<UserTable>;

/** What login needs about a user: the domain user plus the hash and the failure counter. */
export interface UserCredentials {
  user: User;
  passwordHash: string;
  failedLogins: number;
}

/** The grants of the given users, by user id, each with its organization's path and name. */
export async function selectGrants(db: Db, userIds: readonly number[]): Promise<Map<number, UserGrant[]>> {
  const out = new Map<number, UserGrant[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignment as r')
    .leftJoin('organization as o', 'o.id', 'r.organization_id')
    .select(['r.user_id', 'r.role', 'r.organization_id', 'o.path', 'o.name'])
    .where('r.user_id', 'in', [...userIds])
    .orderBy('r.id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.user_id) ?? [];
    list.push({ role: row.role as Role, organizationId: row.organization_id, organizationPath: row.path, organizationName: row.name });
    out.set(row.user_id, list);
  }
  return out;
}

function rowToUser(row: UserRow, grants: UserGrant[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    grants,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function withGrants(db: Db, rows: UserRow[]): Promise<User[]> {
  const grants = await selectGrants(db, rows.map((r) => r.id));
  return rows.map((row) => rowToUser(row, grants.get(row.id) ?? []));
}

/** The user with `id` (with grants), or undefined. */
export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withGrants(db, [row]))[0] : undefined;
}

/** The user with this (already normalized) user name, with the hash: for login and password change only. */
export async function findCredentials(db: Db, username: string): Promise<UserCredentials | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return undefined;
  const [user] = await withGrants(db, [row]);
  return user ? { user, passwordHash: row.password_hash, failedLogins: row.failed_logins } : undefined;
}

/** The hash of user `id`'s password, or undefined. */
export async function findPasswordHash(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

/** Whether a user name is taken. */
export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/**
 * Users ordered by user name. `rootPaths` null = all users; otherwise only users holding at least
 * one grant on an organization whose path starts with one of the roots.
 */
export async function selectUsers(db: Db, rootPaths: readonly string[] | null): Promise<User[]> {
  let query = db.selectFrom('app_user').selectAll().orderBy('username');
  if (rootPaths !== null) {
    if (rootPaths.length === 0) return [];
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('role_assignment as r')
        .innerJoin('organization as o', 'o.id', 'r.organization_id')
        .select('r.user_id')
        .where((w) => w.or(rootPaths.map((root) => w('o.path', 'like', `${root}%`)))),
    );
  }
  return withGrants(db, await query.execute());
}

/** Inserts a user (without grants). @returns the new id */
export async function insertUser(db: Db, values: { username: string; displayName: string; passwordHash: string; mustChangePassword: boolean }, now: string): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: values.username,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      active: 1,
      must_change_password: values.mustChangePassword ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a user's grants. */
export async function replaceGrants(db: Db, userId: number, grants: readonly GrantInput[]): Promise<void> {
  await db.deleteFrom('role_assignment').where('user_id', '=', userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('role_assignment')
    .values(grants.map((g) => ({ user_id: userId, role: g.role, organization_id: g.organizationId })))
    .execute();
}

/** Changes the display name and/or active flag. */
export async function updateUserProfile(db: Db, id: number, values: { displayName?: string; active?: boolean }, now: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(values.displayName !== undefined ? { display_name: values.displayName } : {}),
      ...(values.active !== undefined ? { active: values.active ? 1 : 0 } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a new password hash (clearing any lockout) and whether it must be changed at next login. */
export async function updatePasswordHash(db: Db, id: number, passwordHash: string, mustChangePassword: boolean, now: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChangePassword ? 1 : 0, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Records the login-failure counter and lock instant (null = not locked). */
export async function updateLoginFailures(db: Db, id: number, failedLogins: number, lockedUntil: string | null): Promise<void> {
  await db.updateTable('app_user').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', id).execute();
}

/**
 * Adds one to a user's consecutive login failures, atomically (concurrent attempts cannot lose a count).
 * @returns the new count
 */
export async function incrementLoginFailures(db: Db, id: number): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return row.failed_logins;
}
