/**
 * Sessions: a random token given to the browser (cookie) or API client (bearer); only its SHA-256 is
 * stored. STUB: implemented with users and roles (issue 3, auth module).
 */
import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import type { Actor } from './actor.ts';

/**
 * The actor a session token stands for, or null when the token is unknown or expired.
 * Also slides `last_seen_at`.
 */
export function resolveSessionActor(_db: Db, _token: string, _clock: Clock): Promise<Actor | null> {
  return Promise.resolve(null);
}
