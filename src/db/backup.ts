/**
 * Backup and restore of the embedded SQLite store (issue 3 item 1). Backup uses SQLite's online
 * backup API (through better-sqlite3), so it is consistent while the server keeps serving and
 * writing. Restore checks that the file is a gongkai store of a known migration, refuses to replace
 * a store that holds data unless forced, and replaces the file atomically (temporary copy, then
 * rename), removing the old store's `-wal`/`-shm` first so they can never be applied to the new file.
 * PostgreSQL stores are backed up with the database's own tools (pg_dump / pg_restore).
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { GongkaiError } from '../shared/errors.ts';
import type { Store } from './dialect.ts';
import { openStore } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

const PG_HINT = 'this store is PostgreSQL: back it up with pg_dump (e.g. `pg_dump -Fc -f gongkai.dump "$DATABASE_URL"`) and restore with pg_restore';

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a consistent copy of an open SQLite store to `outFile` (through a temporary file in the same
 * directory, renamed when complete, so `outFile` is never a half-written backup).
 * @throws GongkaiError `BACKUP_FAILED` (PostgreSQL store, or the copy failed)
 */
export async function backupStore(store: Store, outFile: string): Promise<BackupResult> {
  if (store.dialect !== 'sqlite' || !store.sqlite) throw new GongkaiError('BACKUP_FAILED', PG_HINT);
  const temp = `${outFile}.tmp-${process.pid}`;
  try {
    const meta = await store.sqlite.backup(temp);
    // The copy carries the source's WAL flag; make it a self-contained file in rollback mode.
    const copy = new BetterSqlite3(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(temp);
    renameSync(temp, outFile);
    return { file: outFile, bytes: statSync(outFile).size, pages: meta.totalPages };
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof GongkaiError) throw error;
    throw new GongkaiError('BACKUP_FAILED', `backup to ${outFile}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The migration names the current code knows, read from a scratch in-memory store. */
async function knownMigrations(): Promise<Set<string>> {
  const scratch = openStore(':memory:');
  try {
    return new Set(await migrateToLatest(scratch.db));
  } finally {
    await scratch.close();
  }
}

/**
 * Checks that `file` is a gongkai SQLite store: readable, intact (`pragma quick_check`), with at
 * least one applied migration and none this version does not know.
 * @returns the applied migration names
 * @throws GongkaiError `BACKUP_FAILED` naming what is wrong
 */
export async function checkBackupFile(file: string): Promise<string[]> {
  if (!existsSync(file)) throw new GongkaiError('BACKUP_FAILED', `${file} does not exist`);
  let names: string[];
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new GongkaiError('BACKUP_FAILED', `${file} is damaged (quick_check: ${String(check)})`);
    names = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  } catch (error) {
    if (error instanceof GongkaiError) throw error;
    throw new GongkaiError('BACKUP_FAILED', `${file} is not a gongkai SQLite store (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  } finally {
    db?.close();
  }
  if (names.length === 0) throw new GongkaiError('BACKUP_FAILED', `${file} has no applied migration`);
  const known = await knownMigrations();
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new GongkaiError('BACKUP_FAILED', `${file} has migrations this version does not know (${unknown.join(', ')}): restore it with a newer gongkai`);
  return names;
}

/** Whether the SQLite file at `path` exists and holds any organization, user or catalog item (or is not a store at all). */
function holdsData(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(path, { fileMustExist: true });
    const count = (table: string): number => {
      const exists = db?.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
      return exists ? ((db?.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n ?? 0) : 0;
    };
    const tables = (db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }).n;
    if (tables === 0) return false;
    return count('organization') + count('app_user') + count('catalog_item') > 0;
  } catch {
    // Not a readable SQLite file: treat it as data rather than overwrite something unknown.
    return true;
  } finally {
    db?.close();
  }
}

/**
 * Replaces the SQLite store at `targetPath` with the backup `file`. The server must be stopped
 * first (a running server would keep using the replaced file's handles).
 * @param options `force`: replace a store that holds data
 * @returns the applied migration names of the restored store
 * @throws GongkaiError `BACKUP_FAILED` (not a valid backup, target holds data without force, copy failed)
 */
export async function restoreStore(file: string, targetPath: string, options: { force: boolean }): Promise<string[]> {
  if (/^postgres(ql)?:\/\//.test(targetPath)) throw new GongkaiError('BACKUP_FAILED', PG_HINT);
  const names = await checkBackupFile(file);
  if (!options.force && holdsData(targetPath)) {
    throw new GongkaiError('BACKUP_FAILED', `${targetPath} already holds data; stop the server and pass --force to replace it`);
  }
  const temp = `${targetPath}.restore-${process.pid}`;
  try {
    if (!existsSync(dirname(targetPath))) throw new Error(`directory ${dirname(targetPath)} does not exist`);
    // Copy through SQLite (not byte-wise): a backup file with its own -wal is read whole.
    const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(temp);
    } finally {
      source.close();
    }
    const copy = new BetterSqlite3(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    rmSync(`${temp}-wal`, { force: true });
    rmSync(`${temp}-shm`, { force: true });
    fsyncFile(temp);
    // The old store's WAL must go before the new file takes its name: applied to another file, it corrupts it.
    rmSync(`${targetPath}-wal`, { force: true });
    rmSync(`${targetPath}-shm`, { force: true });
    renameSync(temp, targetPath);
    return names;
  } catch (error) {
    rmSync(temp, { force: true });
    throw new GongkaiError('BACKUP_FAILED', `restore to ${targetPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
