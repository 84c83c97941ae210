/**
 * The secret that signs the public form's human-check tokens, kept in the `setting` table so that
 * every process of an installation (and the same process after a restart) accepts the tokens the
 * others issued. The caller may pass a transaction; a single statement needs none.
 */
import type { Db } from '../db/database.ts';

/** The `setting` key of the human-check secret. */
export const HUMAN_CHECK_SECRET_KEY = 'requests.human_check_secret';

/**
 * The value of a setting, creating it with `initial` when absent. Two processes racing to create it
 * both end up with the one that was inserted first (insert … on conflict do nothing, then read).
 * @param initial the value to store when the key is absent (stored as JSON text, like every setting)
 * @returns the stored value
 */
export async function readOrCreateSetting(db: Db, key: string, initial: string): Promise<string> {
  await db.insertInto('setting').values({ key, value: JSON.stringify(initial) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  const value: unknown = JSON.parse(row.value);
  if (typeof value !== 'string') throw new Error(`setting ${key} is not a string`);
  return value;
}
