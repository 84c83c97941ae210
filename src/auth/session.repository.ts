/**
 * Storage of login sessions (`session`). Only the SHA-256 of a token is ever stored or looked up.
 */
import type { Db } from '../db/database.ts';

/** A stored session joined with what the actor needs about its user. */
export interface SessionRecord {
  id: number;
  userId: number;
  expiresAt: string;
  lastSeenAt: string;
  username: string;
  displayName: string;
  userActive: boolean;
  mustChangePassword: boolean;
}

/** Stores a new session. @returns its id */
export async function insertSession(db: Db, values: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<number> {
  const row = await db
    .insertInto('session')
    .values({ token_hash: values.tokenHash, user_id: values.userId, created_at: values.now, expires_at: values.expiresAt, last_seen_at: values.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The session with this token hash, with its user, or undefined. */
export async function findSessionByHash(db: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.expires_at', 's.last_seen_at', 'u.username', 'u.display_name', 'u.active', 'u.must_change_password'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    username: row.username,
    displayName: row.display_name,
    userActive: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
  };
}

/** Slides a session: new last-seen and expiry instants. */
export async function touchSession(db: Db, id: number, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Deletes one session. */
export async function deleteSession(db: Db, id: number): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Deletes every session of a user except the one with `keepTokenHash` (null = all). @returns how many */
export async function deleteUserSessions(db: Db, userId: number, keepTokenHash: string | null): Promise<number> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepTokenHash !== null) query = query.where('token_hash', '<>', keepTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
