import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Store } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

describeEachDialect('migrations', (t) => {
  const opened: Store[] = [];
  after(async () => {
    for (const store of opened) await t.close(store);
  });

  void it('create every table, and running them again applies nothing', async () => {
    const store = await t.open();
    opened.push(store);
    assert.deepEqual(await migrateToLatest(store.db), []);
    const tables = ['organization', 'app_user', 'role_assignment', 'session', 'audit_event', 'catalog_item', 'index_number_sequence', 'attachment', 'interpretation_link', 'local_theme', 'catalog_search', 'calendar_day', 'calendar_year', 'setting'];
    for (const table of tables) {
      const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
      assert.equal(row.rows[0]?.n, 0, table);
    }
  });

  void it('keep dates as YYYY-MM-DD text and counts as numbers on both dialects', async () => {
    const store = await t.open();
    opened.push(store);
    const now = '2026-11-30T10:00:00.000Z';
    await store.db.insertInto('calendar_year').values({ year: 2026, source: 'test', updated_at: now }).execute();
    await store.db.insertInto('calendar_day').values({ date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'test' }).execute();
    const day = await store.db.selectFrom('calendar_day').select('date').executeTakeFirstOrThrow();
    assert.equal(day.date, '2026-10-01');
    const row = await store.db.selectFrom('calendar_year').select((eb) => [eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow();
    assert.equal(row.n, 1);
    assert.equal(typeof row.n, 'number');
  });
});
