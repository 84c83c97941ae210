// `gongkai report import`, run in-process against a SQLite store in a temporary data directory
// seeded with the test region: a report imported for an organization named by division code, the
// same file again recognised, several files with their place in the run and a bad one reported
// (exit 2) while the others go on, a report matched to no organization kept unmatched, and bad
// options refused.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import { readReport } from '../../src/reports/reader/read-report.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';
import { seedRegion } from '../helpers/factories.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const FIXTURE = new URL('../fixtures/reports/wuzhong-2017.txt', import.meta.url);

void describe('gongkai report import', () => {
  let dir: string;
  let env: Record<string, string>;
  let counts: { error: number; warning: number; info: number };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-report-import-'));
    env = { GONGKAI_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
    mkdirSync(join(dir, 'data'));
    const store = openStore(join(dir, 'data', 'gongkai.sqlite'));
    await migrateToLatest(store.db);
    await seedRegion(store, clock);
    await store.close();
    copyFileSync(FIXTURE, join(dir, 'wuzhong-2017.txt'));
    const findings = checkReport(await readReport(readFileSync(FIXTURE), { fileName: 'wuzhong-2017.txt', organizationKind: 'government' }));
    counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(...args: string[]): Promise<CliRun> {
    return runCli(['report', 'import', ...args], { env, clock });
  }

  void it('imports a report for the organization named by division code, once', async () => {
    const file = join(dir, 'wuzhong-2017.txt');
    const first = await run(file, '--org', '640300');
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, `${file}: 吴忠市人民政府 2017 (2014 format): imported as #1; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes\n`);
    assert.ok(counts.error >= 1);
    const again = await run(file, '--org', '640300000');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, `${file}: 吴忠市人民政府 2017 (2014 format): already imported as #1; nothing written; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes\n`);
  });

  void it('imports several files, reporting a bad one and going on (exit 2)', async () => {
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, readFileSync(FIXTURE, 'utf8').replaceAll('吴忠市', '某某市'));
    const bad = join(dir, 'bad.exe');
    writeFileSync(bad, 'MZ');
    const missing = join(dir, 'missing.txt');
    const result = await run(bad, elsewhere, missing);
    assert.equal(result.status, 2);
    assert.match(result.stdout, new RegExp(`^\\[2/3\\] ${elsewhere}: 某某市 \\(unmatched\\) 2017 \\(2014 format\\): imported as #2; \\d+ errors, \\d+ warnings, \\d+ notes\n1 of 3 files imported\n$`));
    assert.match(result.stderr, new RegExp(`^\\[1/3\\] ${bad}: error \\[UPLOAD_TYPE\\]: File type not allowed: \\.exe\n  file: the extension ".exe" is not a report file`));
    assert.match(result.stderr, new RegExp(`\\[3/3\\] ${missing}: error \\[INPUT_UNREADABLE\\]`));
  });

  void it('refuses an unknown organization and a bad year', async () => {
    const file = join(dir, 'wuzhong-2017.txt');
    const unknown = await run(file, '--org', '999999');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^error \[ORGANIZATION_UNKNOWN\]: Unknown organization: no organization has the code or division code 999999\n$/);
    const year = await run(file, '--year', '17');
    assert.equal(year.status, 2);
    assert.match(year.stderr, /^error \[USAGE\]: Invalid arguments: --year must be a four-digit year, got 17\n$/);
  });
});
