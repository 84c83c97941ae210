/**
 * Opens the store: SQLite (the embedded default, one file) or PostgreSQL (when a `postgres://` URL
 * is given). Everything dialect-specific lives here and in the two places that need it (identity
 * columns in the migration, full-text search in `src/search/`), behind the {@link Dialect} flag.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

/** Which SQL engine a handle talks to. */
export type Dialect = 'sqlite' | 'postgres';

/** An open store. */
export interface Store {
  /** The Kysely handle: pass it (or a transaction from it) to repositories. */
  db: Kysely<Database>;
  dialect: Dialect;
  /** For SQLite, the file path (`:memory:` for an in-memory store); for PostgreSQL, the URL without password. */
  location: string;
  /** The raw better-sqlite3 handle (SQLite only): used by backup and the bulk importer's pragmas. */
  sqlite?: BetterSqlite3.Database;
  /** Closes the connection pool or file. */
  close(): Promise<void>;
}

let pgParsersSet = false;

/**
 * PostgreSQL returns `date` as a JS Date at UTC midnight and `bigint` (count(*)) as a string.
 * We keep dates as `YYYY-MM-DD` text and counts as numbers on both dialects.
 */
function setPgTypeParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(1082, (value: string) => value);
  pg.types.setTypeParser(20, (value: string) => Number(value));
  pg.types.setTypeParser(1700, (value: string) => Number(value));
  pgParsersSet = true;
}

/**
 * Opens a store.
 * @param url `postgres://…` / `postgresql://…` for PostgreSQL; otherwise a SQLite file path or `:memory:`
 * @returns the open store (not yet migrated: call `migrateToLatest`)
 */
export function openStore(url: string): Store {
  if (/^postgres(ql)?:\/\//.test(url)) {
    setPgTypeParsers();
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      location: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      close: () => db.destroy(),
    };
  }
  const sqlite = new BetterSqlite3(url);
  // WAL lets the portal read while an import writes; foreign keys are off by default in SQLite.
  if (url !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: url, sqlite, close: () => db.destroy() };
}

/** The dialect of a Kysely handle (used by migrations, which receive only the handle). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema's handle
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}
