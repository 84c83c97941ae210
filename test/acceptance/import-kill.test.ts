// kill -9 in the middle of a bulk import (issue 3, "Bad input"): the import writes every row in one
// transaction, so a process killed while writing leaves the store exactly as it was: the same
// catalog_item, catalog_search and audit_event counts, and (SQLite) an intact file. Runs on SQLite
// (a file store) and, when GONGKAI_TEST_POSTGRES_URL is set, on a fresh PostgreSQL database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../src/auth/actor.ts';
import { importCatalog } from '../../src/catalog/catalog-import.ts';
import { openStore } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createOrganization } from '../../src/organizations/organization.service.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { testContext } from '../helpers/factories.ts';
import { createPostgresTestDatabase, postgresAvailable } from '../helpers/stores.ts';

const ROWS = 20_000;
const ORG_CODE = '640300032';
const child = new URL('../helpers/import-child.ts', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

/** A CSV of `rows` published items with ~250-character bodies. */
function bigCsv(rows: number): string {
  const words = ['扶贫', '乡村振兴', '政府信息公开', '财政预算', '农业综合开发', '土地治理', '招标公告', '社会救助', '高标准农田', '政务服务'];
  const lines = ['索引号,标题,生成日期,发布日期,主题分类,体裁分类,正文'];
  for (let i = 1; i <= rows; i += 1) {
    const w = (k: number): string => words[(i * 7 + k * 3) % words.length] ?? '';
    const body = `关于${w(0)}和${w(1)}的工作情况。`.repeat(12);
    lines.push(`${ORG_CODE}/2026-${String(i).padStart(5, '0')},吴忠市${w(2)}${w(3)}工作通知第${i}号,2026-01-05,2026-01-06,art20-11,通知,${body}`);
  }
  return `${lines.join('\n')}\n`;
}

interface Counts {
  items: number;
  search: number;
  audit: number;
}

async function counts(url: string): Promise<Counts> {
  const store = openStore(url);
  try {
    const n = async (table: 'catalog_item' | 'catalog_search' | 'audit_event'): Promise<number> =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { items: await n('catalog_item'), search: await n('catalog_search'), audit: await n('audit_event') };
  } finally {
    await store.close();
  }
}

/** Creates the organization and imports a few items, so "as before" is not just "empty". */
async function prepare(url: string): Promise<void> {
  const store = openStore(url);
  try {
    await migrateToLatest(store.db);
    const ctx = testContext(store, new FixedClock('2026-11-30T02:00:00Z'));
    const actor = systemActor('test');
    const org = await createOrganization(ctx, actor, { parentId: null, name: '吴忠市政府服务中心', kind: 'department', level: 'city', organizationCode: ORG_CODE });
    const seed = Buffer.from(`索引号,标题,生成日期,发布日期,主题分类,体裁分类\n${ORG_CODE}/2025-00001,已有信息一,2025-01-05,2025-01-06,art20-09,公告公示\n${ORG_CODE}/2025-00002,已有信息二,2025-01-05,,art20-09,公告公示\n`);
    const result = await importCatalog(ctx, actor, { organizationId: org.id, fileName: 'seed.csv', data: seed, dryRun: false });
    assert.equal(result.imported, 2);
  } finally {
    await store.close();
  }
}

/** Runs the child import and SIGKILLs it once it reports ≥ 30 % of the rows written. */
function importAndKill(url: string, csvFile: string): Promise<{ signal: NodeJS.Signals | null; code: number | null; lastLine: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, url, csvFile, ORG_CODE], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let lastLine = '';
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        lastLine = line;
        const match = /^progress write (\d+)\/(\d+)$/.exec(line);
        if (match && Number(match[1]) >= 0.3 * Number(match[2]) && proc.exitCode === null) proc.kill('SIGKILL');
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => (signal === null && code !== 0 ? reject(new Error(`child failed (${code}): ${stderr}`)) : resolve({ signal, code, lastLine })));
  });
}

async function killTest(url: string, dir: string): Promise<void> {
  await prepare(url);
  const before = await counts(url);
  assert.deepEqual(before, { items: 2, search: 1, audit: 2 }, 'organization.create + one catalog.import event');
  const csvFile = join(dir, 'big.csv');
  writeFileSync(csvFile, bigCsv(ROWS));
  const run = await importAndKill(url, csvFile);
  assert.equal(run.signal, 'SIGKILL', `the child should be killed mid-import, it ended with ${run.code} after "${run.lastLine}"`);
  assert.match(run.lastLine, /^progress write \d+\/20000$/);
  assert.deepEqual(await counts(url), before);
}

void describe('kill -9 during a bulk import', () => {
  void it('leaves a SQLite file store exactly as before, and intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
    try {
      const file = join(dir, 'gongkai.sqlite');
      await killTest(file, dir);
      const store = openStore(file);
      try {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
        assert.deepEqual(check.rows, [{ integrity_check: 'ok' }]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  void it('leaves a PostgreSQL store exactly as before', { skip: postgresAvailable ? false : 'GONGKAI_TEST_POSTGRES_URL not set' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
    const database = await createPostgresTestDatabase();
    try {
      await killTest(database.url, dir);
    } finally {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
