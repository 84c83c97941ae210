/**
 * The same spec against every database: `describeEachDialect('catalog repository', (t) => …)` runs
 * its body once on SQLite (in memory) and once on PostgreSQL when `GONGKAI_TEST_POSTGRES_URL` is
 * set (CI sets it; see scripts/postgres-ci.sh). Each `t.open()` gives a fresh, migrated store in its
 * own database, so tests never share state; close it with `t.close(store)` (or `after`).
 */
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import { openStore } from '../../src/db/dialect.ts';
import type { Dialect, Store } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** Opens and disposes fresh stores of one dialect. */
export interface TestStores {
  dialect: Dialect;
  /** A fresh migrated store (SQLite: a new in-memory database; PostgreSQL: a new database). */
  open(): Promise<Store>;
  /** Closes the store and drops its database. */
  close(store: Store): Promise<void>;
}

const postgresAdminUrl = process.env['GONGKAI_TEST_POSTGRES_URL'];

/** The SQLite variant. `file` gives a temporary file instead of memory (for backup tests, child processes). */
export const sqliteStores: TestStores = {
  dialect: 'sqlite',
  async open() {
    const store = openStore(':memory:');
    await migrateToLatest(store.db);
    return store;
  },
  close: (store) => store.close(),
};

const createdDatabases = new Map<Store, string>();

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL variant (only when `GONGKAI_TEST_POSTGRES_URL` is set). */
export const postgresStores: TestStores = {
  dialect: 'postgres',
  async open() {
    if (!postgresAdminUrl) throw new Error('GONGKAI_TEST_POSTGRES_URL is not set');
    const name = `gk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    const store = openStore(url.toString());
    await migrateToLatest(store.db);
    createdDatabases.set(store, name);
    return store;
  },
  async close(store) {
    await store.close();
    const name = createdDatabases.get(store);
    if (name) {
      createdDatabases.delete(store);
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  },
};

/** The URL of a fresh PostgreSQL database for tests that need a URL (a child process, the server). */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresAdminUrl) throw new Error('GONGKAI_TEST_POSTGRES_URL is not set');
  const name = `gk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** Whether the PostgreSQL variant runs in this test run. */
export const postgresAvailable = Boolean(postgresAdminUrl);

/**
 * Runs `body` once per dialect inside `describe('<name> [sqlite]')` / `describe('<name> [postgres]')`.
 * Without `GONGKAI_TEST_POSTGRES_URL` the PostgreSQL block is reported as skipped, not silently absent.
 */
export function describeEachDialect(name: string, body: (stores: TestStores) => void): void {
  void describe(`${name} [sqlite]`, () => body(sqliteStores));
  if (postgresAvailable) void describe(`${name} [postgres]`, () => body(postgresStores));
  else void describe(`${name} [postgres]`, { skip: 'GONGKAI_TEST_POSTGRES_URL not set' }, () => undefined);
}
