/**
 * Runs the migrations in `migrations/` (kept in code, so a compiled build needs no file lookup).
 * Takes any Kysely handle (migrations are untyped by design: they run before the schema exists).
 * A failed migration throws `MIGRATION_FAILED` and leaves the store at the last good one.
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { GongkaiError } from '../shared/errors.ts';
import * as m0001 from './migrations/0001-records.ts';
import * as m0002 from './migrations/0002-requests.ts';
import * as m0003 from './migrations/0003-reports.ts';
import * as m0004 from './migrations/0004-engagement.ts';

/** Every migration, by name; names sort in the order they apply. Never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-records': m0001,
  '0002-requests': m0002,
  '0003-reports': m0003,
  '0004-engagement': m0004,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/**
 * Brings the schema to the newest migration.
 * @returns the names of the migrations applied now (empty when already current)
 * @throws GongkaiError `MIGRATION_FAILED`
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator is schema-agnostic
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new GongkaiError('MIGRATION_FAILED', `${failed}: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
