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
  // Portal reads are random item pages across the whole file: memory-mapping it (reads without a
  // syscall and copy) and a 64 MiB page cache took random item pages from about 1,800 to 2,400+ req/s
  // on 100,000 items (bench/catalog.bench.ts).
  if (url !== ':memory:') {
    sqlite.pragma('mmap_size = 1073741824');
    sqlite.pragma('cache_size = -65536');
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: url, sqlite, close: () => db.destroy() };
}

/** Prepared statements kept per connection (by SQL text); the oldest is dropped beyond this. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The better-sqlite3 handle as Kysely's SQLite driver sees it, with prepared statements reused by
 * SQL text. Kysely prepares every query anew; preparing was a tenth of the CPU of an item page
 * (`node --cpu-prof`). A statement still busy (a stream being iterated) is never handed out twice:
 * a fresh one is prepared instead.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): BetterSqlite3.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-insert so the Map's order is least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      return statement;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
  };
}

/** The dialect of a Kysely handle (used by migrations, which receive only the handle). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema's handle
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}
