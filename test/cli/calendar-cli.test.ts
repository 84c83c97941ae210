// `gongkai calendar years | show | set-year`, run in-process with main(argv, io): against a SQLite
// store in a temporary data directory, and against PostgreSQL (--database-url) when
// GONGKAI_TEST_POSTGRES_URL is set. The 2027 entered here is invented test data
// (test/helpers/calendar-fixtures.ts), not the real notice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FixedClock } from '../../src/shared/clock.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';
import { TEST_2027_SOURCE, TEST_YEAR_2027, TEST_YEAR_2027_CORRECTED } from '../helpers/calendar-fixtures.ts';
import { createPostgresTestDatabase, postgresAvailable } from '../helpers/stores.ts';

const clock = new FixedClock('2026-12-01T02:00:00Z');

function calendarCliSpec(name: string, storeArgs: () => Promise<{ args: string[]; drop: () => Promise<void> }>): void {
  void describe(name, () => {
    let dir: string;
    let env: Record<string, string>;
    let store: { args: string[]; drop: () => Promise<void> };
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-cli-'));
      env = { GONGKAI_DATA_DIR: join(dir, 'data') };
      store = await storeArgs();
    });
    after(async () => {
      await store.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    function run(...args: string[]): Promise<CliRun> {
      return runCli(['calendar', ...args, ...store.args], { env, clock });
    }

    function file(fileName: string, content: unknown): string {
      const path = join(dir, fileName);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    }

    void it('years lists the built-in years; show prints a year with weekdays; a year without data is refused', async () => {
      const years = await run('years');
      assert.equal(years.status, 0, years.stderr);
      const lines = years.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 23);
      assert.match(lines.at(-1) ?? '', /^2026 {2}33 holidays {2}6 make-up working days {2}built-in {2}source: 国办发明电〔2025〕7号（数据据 chinese-days 1\.5\.7 整理）$/);
      const show = await run('show', '2026');
      assert.equal(show.status, 0, show.stderr);
      assert.match(show.stdout, /^2026 working-day calendar \(工作日历\)\nsource: 国办发明电〔2025〕7号（数据据 chinese-days 1\.5\.7 整理）\norigin: built-in\nstatutory holidays \(法定节假日, not working days\): 33\n {2}2026-01-01 Thu {2}元旦\n/);
      assert.match(show.stdout, /make-up working days \(调休上班日, working days\): 6\n {2}2026-01-04 Sun {2}元旦\n {2}2026-02-14 Sat {2}春节\n/);
      const missing = await run('show', '2027');
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^error \[NOT_FOUND\]: Not found: calendar year 2027\n$/);
      const usage = await run('show', '27');
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /error \[USAGE\]/);
    });

    void it('set-year refuses a missing, malformed or invalid file with every issue, writing nothing', async () => {
      const missing = await run('set-year', '--file', join(dir, 'nope.json'));
      assert.deepEqual([missing.status, /error \[INPUT_UNREADABLE\]/.test(missing.stderr)], [2, true]);
      const notJson = await run('set-year', '--file', file('bad.json', '{ "year": 2027,'));
      assert.deepEqual([notJson.status, /error \[VALIDATION_FAILED\]: Invalid input: .*bad\.json is not JSON/.test(notJson.stderr)], [2, true]);
      const shape = await run('set-year', '--file', file('shape.json', { year: '2027', holidays: [] }));
      assert.equal(shape.status, 2);
      assert.match(shape.stderr, /\n {2}year: /);
      assert.match(shape.stderr, /\n {2}source: /);
      const invalid = await run('set-year', '--file', file('invalid.json', { ...TEST_YEAR_2027, source: ' ', workdays: { '2027-02-19': '春节' } }));
      assert.equal(invalid.status, 2);
      assert.equal(
        invalid.stderr,
        [
          'error [VALIDATION_FAILED]: Invalid input: source, workdays.2027-02-19',
          '  source: source (the State Council notice, e.g. 国办发明电〔2025〕7号) is required',
          '  workdays.2027-02-19: 2027-02-19 is a Friday: a make-up working day must be a Saturday or Sunday',
          '',
        ].join('\n'),
      );
      assert.equal((await run('show', '2027')).status, 2, 'nothing written');
    });

    void it('set-year enters 2027 (audited as system:cli), corrects it, and show --json round-trips', async () => {
      const set = await run('set-year', '--file', file('2027.json', TEST_YEAR_2027));
      assert.equal(set.status, 0, set.stderr);
      assert.equal(set.stdout, `calendar year 2027 set: 28 holidays, 5 make-up working days (source: ${TEST_2027_SOURCE})\n`);
      const years = await run('years');
      assert.equal(years.stdout.trimEnd().split('\n').at(-1), `2027  28 holidays  5 make-up working days  entered 2026-12-01T02:00:00.000Z by system:cli  source: ${TEST_2027_SOURCE}`);

      const corrected = await run('set-year', '--file', file('2027-corrected.json', TEST_YEAR_2027_CORRECTED));
      assert.equal(corrected.stdout, `calendar year 2027 set: 28 holidays, 4 make-up working days (source: ${TEST_2027_SOURCE}（更正）)\n`);
      const json = await run('show', '2027', '--json');
      assert.equal(json.status, 0, json.stderr);
      const shown = JSON.parse(json.stdout) as { year: number; source: string; origin: string; updatedBy: string; holidays: Record<string, string>; workdays: Record<string, string> };
      assert.deepEqual([shown.origin, shown.updatedBy, shown.holidays['2027-06-10'], shown.holidays['2027-06-09'], shown.workdays['2027-10-09']], ['entered', 'system:cli', '端午', undefined, undefined]);
      assert.deepEqual(shown.workdays, TEST_YEAR_2027_CORRECTED.workdays);
      // The printed JSON is a valid set-year file.
      const again = await run('set-year', '--file', file('2027-again.json', json.stdout));
      assert.equal(again.status, 0, again.stderr);

      const replaced = await run('set-year', '--file', file('2026.json', { year: 2026, source: '国办发明电〔2025〕7号（测试）', holidays: { '2026-01-01': '元旦' }, workdays: {} }));
      assert.match(replaced.stdout, /^calendar year 2026 set: 1 holidays, 0 make-up working days \(source: 国办发明电〔2025〕7号（测试）\); replaces the built-in data\n$/);
    });
  });
}

calendarCliSpec('gongkai calendar [sqlite]', () => Promise.resolve({ args: [], drop: () => Promise.resolve() }));
if (postgresAvailable) {
  calendarCliSpec('gongkai calendar [postgres]', async () => {
    const database = await createPostgresTestDatabase();
    return { args: ['--database-url', database.url], drop: database.drop };
  });
} else {
  void describe('gongkai calendar [postgres]', { skip: 'GONGKAI_TEST_POSTGRES_URL not set' }, () => undefined);
}
