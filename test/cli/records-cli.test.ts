// The records-system commands of the gongkai CLI, run in-process with main(argv, io) against a
// SQLite store in a temporary data directory: migrate, demo (idempotent), import (bad rows → exit 1
// with every row printed; good file → imported), export, backup/restore, reindex; and `serve` (what
// `npm start` runs) as a real process: it seeds an empty store, prints the one-time admin password,
// serves, and stops cleanly on SIGTERM (src/server/start.test.ts covers the second start).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FixedClock } from '../../src/shared/clock.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const root = new URL('../..', import.meta.url).pathname;

void describe('gongkai records commands', () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    env = { GONGKAI_DATA_DIR: join(dir, 'data') };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(...args: string[]): Promise<CliRun> {
    return runCli(args, { env, clock });
  }

  void it('migrate applies the schema once', async () => {
    const first = await run('migrate');
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, 'applied: 0001-records, 0002-requests, 0003-reports, 0004-engagement\n');
    const second = await run('migrate');
    assert.match(second.stdout, /^already at the latest migration \(.*gongkai\.sqlite\)\n$/);
  });

  void it('demo loads the region once', async () => {
    const first = await run('demo');
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, 'demo region loaded: 12 organizations, 59 items, 12 requests, 12 users; synthetic year 2025: 461 items, 239 requests, 16 reviews, 12 annual reports (9 published); synthetic 2017: 127736 items, 35 requests, 10 reviews, 2014-format report published\n');
    const second = await run('demo');
    assert.equal(second.stdout, 'demo region already present (吴忠市人民政府 640300000); nothing loaded\n');
  });

  void it('import prints every bad row and exits 1; a good file is imported', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '标题,生成日期,主题分类,体裁分类\n好的,2026-01-05,art20-01,通知\n日期错,2026-13-01,art20-01,通知\n,2026-01-05,art20-99,通知\n');
    const failed = await run('import', bad, '--org', '640300101');
    assert.equal(failed.status, 1);
    assert.equal(
      failed.stdout,
      [
        'row 2, creationDate: creationDate must be a real date in the form YYYY-MM-DD',
        'row 3, title: title is required',
        'row 3, subjectCategory: subjectCategory is not a known subject category code',
        `${bad}: 3 rows, 2 with errors (3 problems); nothing imported`,
        '',
      ].join('\n'),
    );
    const good = join(dir, 'good.csv');
    writeFileSync(good, '索引号,标题,生成日期,发布日期,主题分类,体裁分类\n640300101/2026-00901,导入一,2026-01-05,2026-01-06,art20-07,通知\n,导入二,2026-01-05,,art20-07,通知\n');
    const dry = await run('import', good, '--org', '640300101', '--dry-run');
    assert.equal(dry.status, 0);
    assert.equal(dry.stdout, `${good}: 2 rows, all valid (dry run: nothing imported)\n`);
    const done = await run('import', good, '--org', '640300101');
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /: imported 2 items \(ids \d+–\d+\)\n$/);
    const unknown = await run('import', good, '--org', '999999999');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /error \[ORGANIZATION_UNKNOWN\]/);
    const missing = await run('import', join(dir, 'nope.csv'), '--org', '640300101');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /error \[INPUT_UNREADABLE\]/);
  });

  void it('export writes the organization\'s items (CSV with BOM; XLSX by extension)', async () => {
    const out = join(dir, 'service-center.csv');
    const result = await run('export', '--org', '640300032', '--out', out);
    assert.equal(result.status, 0, result.stderr);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.startsWith('\ufeff索引号,标题,'));
    assert.ok(text.includes('640300032/2018-04416,盐池县2018年农业综合开发土地治理（小流域综合治理）勘测设计中标公示,'));
    const xlsx = join(dir, 'city.xlsx');
    const second = await run('export', '--org', '640300000', '--subtree', '--status', 'published', '--out', xlsx);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /\(xlsx, \d+ bytes\)/);
    assert.deepEqual([...readFileSync(xlsx).subarray(0, 2)], [0x50, 0x4b]);
  });

  void it('reindex rebuilds the search table from the published items', async () => {
    const result = await run('reindex');
    assert.equal(result.status, 0, result.stderr);
    // 56 published demo items, 461 of the demo year 2025 (src/demo/demo-year.test.ts), 127,736 of
    // the synthetic 2017 (demo-2017.ts) and one imported above.
    assert.equal(result.stdout, 'search index rebuilt: 128254 published items\n');
  });

  void it('backup, then restore (refused without --force on a store with data)', async () => {
    const backup = join(dir, 'backup.sqlite');
    const made = await run('backup', '--out', backup);
    assert.equal(made.status, 0, made.stderr);
    assert.ok(existsSync(backup));
    assert.match(made.stdout, /keep .*personal-data\.key with it/, 'the backup reminds to keep the personal-data key');
    const refused = await run('restore', backup);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /error \[BACKUP_FAILED\].*--force/);
    const restored = await run('restore', backup, '--force');
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /migrations: 0001-records, 0002-requests/);
    const pg = await run('backup', '--out', backup, '--database-url', 'postgres://nobody@127.0.0.1:1/none');
    assert.equal(pg.status, 2);
  });

  void it('serve (npm start) seeds an empty store, prints the admin password, serves and stops on SIGTERM', async () => {
    const dataDir = join(dir, 'serve-data');
    const start = (): Promise<{ lines: string[]; code: number | null; health: number }> =>
      new Promise((resolve, reject) => {
        const proc = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--port', '0', '--data-dir', dataDir], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let health = 0;
        proc.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const url = /gongkai 已启动: (http:\/\/\S+)/.exec(out)?.[1];
          if (url && out.includes('按 Ctrl+C 停止') && health === 0) {
            health = -1;
            fetch(`${url}/healthz`)
              .then((r) => {
                health = r.status;
                proc.kill('SIGTERM');
              })
              .catch(reject);
          }
        });
        proc.on('error', reject);
        proc.on('exit', (code) => resolve({ lines: out.split('\n'), code, health }));
      });
    const first = await start();
    assert.equal(first.code, 0);
    assert.equal(first.health, 200);
    assert.ok(first.lines.includes('管理员账号: admin'));
    assert.ok(first.lines.some((l) => /^一次性密码: \S{16}$/.test(l)));
    assert.ok(first.lines.some((l) => l.startsWith('收到 SIGTERM')));
  });
});
