// `gongkai hotline import FILE --org CODE [--dry-run]`, run in-process with main(argv, io) against a
// SQLite store in a temporary data directory seeded with the test region: bad rows are all printed
// with exit 1 and nothing written; a dry run prints the per-organization summary and writes
// nothing; an import writes; a second import of the same file is unchanged; an unknown organization
// or an unreadable file exits 2.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/db/dialect.ts';
import type { Store } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { countHotlineRows } from '../../src/hotline/hotline.repository.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';
import { seedRegion } from '../helpers/factories.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');

void describe('gongkai hotline import', () => {
  let dir: string;
  let env: Record<string, string>;
  let databaseFile: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-hotline-cli-'));
    mkdirSync(join(dir, 'data'));
    env = { GONGKAI_DATA_DIR: join(dir, 'data') };
    databaseFile = join(dir, 'data', 'gongkai.sqlite');
    const store = openStore(databaseFile);
    await migrateToLatest(store.db);
    await seedRegion(store, clock);
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(...args: string[]): Promise<CliRun> {
    return runCli(args, { env, clock });
  }

  async function counts(): Promise<{ orders: number; imports: number }> {
    const store: Store = openStore(databaseFile);
    try {
      return await countHotlineRows(store.db);
    } finally {
      await store.close();
    }
  }

  void it('prints every bad row and exits 1, writing nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '工单编号,受理时间,承办单位,诉求类型,诉求内容,办结时间,满意度\nC-1,2026-03-01,利通区人民政府,咨询,好的,2026-03-02,满意\nC-2,2026-03-05,盐池县人民政府,表扬,两处错误,,\nC-1,2026-12-01,利通区教育局,投诉,重复且超前,,\n',
    );
    const failed = await run('hotline', 'import', bad, '--org', '640302000');
    assert.equal(failed.status, 1, failed.stderr);
    assert.equal(
      failed.stdout,
      [
        'row 2, organization: organization “盐池县人民政府” is not 利通区人民政府 or an organization below it (give its full name, short name or organization code)',
        'row 2, category: category “表扬” is not one of 咨询, 投诉, 建议, 求助, 举报, 其他',
        'row 3, order_number: order number C-1 is also in row 1',
        'row 3, received_on: received_on 2026-12-01 is after today (2026-11-30)',
        `${bad}: 3 rows, 2 with errors (4 problems); nothing imported`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(await counts(), { orders: 0, imports: 0 });
  });

  void it('dry run prints the summary and writes nothing; the import writes; the same file again is unchanged', async () => {
    const file = join(dir, 'orders-utf8.csv');
    copyFileSync(new URL('../fixtures/hotline/orders-utf8.csv', import.meta.url), file);
    const dry = await run('hotline', 'import', file, '--org', '640302000', '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal(
      dry.stdout,
      ['  利通区人民政府: 1 created, 0 updated, 0 unchanged', '  利通区教育局: 2 created, 0 updated, 0 unchanged', `${file}: 3 rows, all valid (dry run: nothing imported; would be 3 created, 0 updated, 0 unchanged)`, ''].join('\n'),
    );
    assert.deepEqual(await counts(), { orders: 0, imports: 0 });

    const done = await run('hotline', 'import', file, '--org', '640302000');
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /: imported 3 rows \(import \d+\): 3 created, 0 updated, 0 unchanged\n$/);
    assert.deepEqual(await counts(), { orders: 3, imports: 1 });

    const again = await run('hotline', 'import', file, '--org', '640302000');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /: imported 3 rows \(import \d+\): 0 created, 0 updated, 3 unchanged\n$/);
    assert.deepEqual(await counts(), { orders: 3, imports: 2 });
  });

  void it('exits 2 for an unknown organization, an unreadable file and a missing --org', async () => {
    const file = join(dir, 'orders-utf8.csv');
    const unknown = await run('hotline', 'import', file, '--org', '999999999');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /error \[ORGANIZATION_UNKNOWN\]/);
    const missing = await run('hotline', 'import', join(dir, 'nope.csv'), '--org', '640302000');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /error \[INPUT_UNREADABLE\]/);
    const usage = await run('hotline', 'import', file);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /required option '--org <code>' not specified/);
  });
});
