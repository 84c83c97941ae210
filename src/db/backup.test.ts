// SQLite backup and restore: a backup taken while the store is open restores to exactly the backed-up
// state (later items gone, earlier ones back with the same ids); restore refuses non-gongkai files,
// unknown migrations and (without --force) a store holding data, and removes a stale -wal/-shm.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { systemActor } from '../auth/actor.ts';
import { importCatalog } from '../catalog/catalog-import.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { postgresAvailable, postgresStores } from '../../test/helpers/stores.ts';
import { backupStore, checkBackupFile, restoreStore } from './backup.ts';
import { openStore } from './dialect.ts';
import type { Store } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const system = systemActor('test');

function csv(first: number, count: number): Buffer {
  const lines = ['索引号,标题,生成日期,发布日期,主题分类,体裁分类'];
  for (let i = first; i < first + count; i += 1) lines.push(`640300000/2026-${String(i).padStart(5, '0')},信息${i},2026-01-05,2026-01-06,art20-01,通知`);
  return Buffer.from(lines.join('\n'));
}

async function items(store: Store): Promise<{ id: number; index_number: string | null }[]> {
  return store.db.selectFrom('catalog_item').select(['id', 'index_number']).orderBy('id').execute();
}

void describe('SQLite backup and restore', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  void it('restores the backed-up state: later items are gone, earlier ones keep their ids', async () => {
    const file = join(dir, 'gongkai.sqlite');
    const backup = join(dir, 'backup.sqlite');
    let store = openStore(file);
    await migrateToLatest(store.db);
    const ctx = testContext(store, clock);
    const org = await createOrganization(ctx, system, { parentId: null, name: '吴忠市人民政府', kind: 'government', level: 'city', organizationCode: '640300000' });
    assert.equal((await importCatalog(ctx, system, { organizationId: org.id, fileName: 'a.csv', data: csv(1, 3), dryRun: false })).imported, 3);
    const backedUp = await items(store);
    const result = await backupStore(store, backup);
    assert.equal(result.file, backup);
    assert.ok(result.bytes > 0);
    assert.ok(!existsSync(`${backup}-wal`), 'the backup is one self-contained file');
    assert.equal((await importCatalog(ctx, system, { organizationId: org.id, fileName: 'b.csv', data: csv(4, 2), dryRun: false })).imported, 2);
    assert.equal((await items(store)).length, 5);
    await store.close();

    await assert.rejects(restoreStore(backup, file, { force: false }), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /already holds data/.test(e.message));
    writeFileSync(`${file}-shm`, 'stale');
    assert.deepEqual(await restoreStore(backup, file, { force: true }), ['0001-records', '0002-requests', '0003-reports', '0004-engagement']);
    assert.ok(!existsSync(`${file}-shm`) && !existsSync(`${file}-wal`));

    store = openStore(file);
    try {
      assert.deepEqual(await items(store), backedUp);
      assert.deepEqual(backedUp.map((i) => i.index_number), ['640300000/2026-00001', '640300000/2026-00002', '640300000/2026-00003']);
      const search = await store.db.selectFrom('catalog_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(search.n), 3);
      const audit = await store.db.selectFrom('audit_event').select('action').orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['organization.create', 'catalog.import']);
    } finally {
      await store.close();
    }
  });

  void it('restores into a new location without --force', async () => {
    const source = openStore(join(dir, 'source.sqlite'));
    await migrateToLatest(source.db);
    const backup = join(dir, 'fresh-backup.sqlite');
    await backupStore(source, backup);
    await source.close();
    const target = join(dir, 'new', 'gongkai.sqlite');
    await assert.rejects(restoreStore(backup, target, { force: false }), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /does not exist/.test(e.message));
    const sibling = join(dir, 'restored.sqlite');
    await restoreStore(backup, sibling, { force: false });
    const store = openStore(sibling);
    assert.deepEqual(await items(store), []);
    await store.close();
  });

  void it('refuses files that are not gongkai stores of a known migration', async () => {
    const text = join(dir, 'not-a-db.sqlite');
    writeFileSync(text, 'hello, this is not SQLite');
    await assert.rejects(checkBackupFile(text), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /not a gongkai SQLite store/.test(e.message));
    await assert.rejects(checkBackupFile(join(dir, 'missing.sqlite')), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /does not exist/.test(e.message));
    const other = join(dir, 'other.sqlite');
    const db = new BetterSqlite3(other);
    db.exec('create table t (x integer)');
    db.close();
    await assert.rejects(checkBackupFile(other), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /no such table: kysely_migration/.test(e.message));
    const future = join(dir, 'future.sqlite');
    const store = openStore(future);
    await migrateToLatest(store.db);
    await store.close();
    const raw = new BetterSqlite3(future);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')").run();
    raw.close();
    await assert.rejects(checkBackupFile(future), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /9999-from-the-future/.test(e.message));
  });

  void it('refuses to back up a PostgreSQL store, pointing to pg_dump', { skip: postgresAvailable ? false : 'GONGKAI_TEST_POSTGRES_URL not set' }, async () => {
    const store = await postgresStores.open();
    try {
      await assert.rejects(backupStore(store, join(dir, 'pg.sqlite')), (e) => isGongkaiError(e, 'BACKUP_FAILED') && /pg_dump/.test(e.message));
    } finally {
      await postgresStores.close(store);
    }
  });
});
