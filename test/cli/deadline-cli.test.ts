// `gongkai deadline`: the reply deadline with its explanation, as text and JSON, and its refusals.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FixedClock } from '../../src/shared/clock.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';
import { TEST_YEAR_2027 } from '../helpers/calendar-fixtures.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');

function gongkai(args: string[]): Promise<CliRun> {
  return runCli(args, { env: {}, clock });
}

function run(...args: string[]): Promise<CliRun> {
  return gongkai(['deadline', ...args]);
}

void describe('gongkai deadline', () => {
  void it('prints the due date under the 2019 text with the holidays and make-up days that mattered', async () => {
    const { status, stdout } = await run('--received', '2024-09-27', '--extension', '20');
    assert.equal(status, 0);
    assert.match(stdout, /reply due: 2024-10-30/);
    assert.match(stdout, /→ due 2024-11-27/);
    assert.match(stdout, /2024-09-29 {2}调休上班日/);
    assert.match(stdout, /2024-10-07 {2}法定节假日/);
    assert.match(stdout, /答复期限：2024-11-27/);
  });

  void it('prints JSON with the rule set, the excluded days and the due date', async () => {
    const { status, stdout } = await run('--received', '2025-03-03', '--excluded', '2025-03-10..2025-03-14', '--json');
    assert.equal(status, 0);
    const result = JSON.parse(stdout) as { ruleSet: { id: string }; finalDue: string; notableDays: { kind: string }[] };
    assert.equal(result.ruleSet.id, 'regulations2019');
    assert.equal(result.finalDue, '2025-04-08');
    assert.equal(result.notableDays.filter((d) => d.kind === 'excluded').length, 5);
  });

  void it('uses the 2008 text before 2019-05-15 and refuses what it cannot compute', async () => {
    assert.match((await run('--received', '2019-05-14')).stdout, /reply due: 2019-06-04/);
    const missingYear = await run('--received', '2026-12-20');
    assert.equal(missingYear.status, 2);
    assert.match(missingYear.stderr, /CALENDAR_YEAR_MISSING/);
    const tooLong = await run('--received', '2025-03-03', '--extension', '21');
    assert.equal(tooLong.status, 2);
    assert.match(tooLong.stderr, /VALIDATION_FAILED/);
    const badInterval = await run('--received', '2025-03-03', '--excluded', 'soon');
    assert.equal(badInterval.status, 2);
    assert.match(badInterval.stderr, /USAGE/);
  });

  void it('--channel prints which date to pass as --received (2019 art. 31), in text and JSON', async () => {
    const post = await run('--received', '2024-09-27', '--channel', 'registered-post');
    assert.equal(post.status, 0, post.stderr);
    assert.match(post.stdout, /date of receipt \(registered-post, 挂号信函（需签收）\): pass as --received the date the agency signed for it: 以邮寄方式提交的，以行政机关签收之日为收到申请之日 \(2019 art\. 31 \(二\)\)/);
    assert.match(post.stdout, /reply due: 2024-10-30/);
    assert.match(post.stdout, /calendar: built-in/);
    const email = await run('--received', '2019-05-14', '--channel', 'email', '--json');
    assert.equal(email.status, 0, email.stderr);
    const result = JSON.parse(email.stdout) as { receiptRule: { dateCounts: string; source: string }; calendar: string; replyDue: string };
    // Before 2019-05-15 an email's date of receipt is the day the mail system received it (国办公开办函〔2015〕207号).
    assert.deepEqual([result.receiptRule.dateCounts, result.receiptRule.source, result.calendar, result.replyDue], ['arrived', '国办公开办函〔2015〕207号', 'built-in', '2019-06-04']);
    const online = JSON.parse((await run('--received', '2025-03-03', '--channel', 'online', '--json')).stdout) as { receiptRule: { dateCounts: string } };
    assert.equal(online.receiptRule.dateCounts, 'confirmed');
    const noChannel = JSON.parse((await run('--received', '2025-03-03', '--json')).stdout) as { receiptRule: unknown };
    assert.equal(noChannel.receiptRule, null);
    const bad = await run('--received', '2025-03-03', '--channel', 'pigeon');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /USAGE.*in-person, registered-post, ordinary-post, fax, online, email/);
  });

  void it('uses a store\'s calendar with --data-dir: a year an administrator entered counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-deadline-'));
    try {
      const dataDir = join(dir, 'data');
      // Without 2027 in the store, a count from 2026-12-20 runs into a year without data.
      const before = await run('--received', '2026-12-20', '--data-dir', dataDir);
      assert.equal(before.status, 2);
      assert.match(before.stderr, /CALENDAR_YEAR_MISSING/);
      const file = join(dir, '2027.json');
      writeFileSync(file, JSON.stringify(TEST_YEAR_2027));
      const set = await gongkai(['calendar', 'set-year', '--file', file, '--data-dir', dataDir]);
      assert.equal(set.status, 0, set.stderr);
      // Hand count (2027 is the invented TEST year: 01-01..01-03 元旦): 12-21..12-25 (1–5), 12-28..12-31 (6–9),
      // 01-04..01-08 (10–14), 01-11..01-15 (15–19), 01-18 (20).
      const after = await run('--received', '2026-12-20', '--data-dir', dataDir);
      assert.equal(after.status, 0, after.stderr);
      assert.match(after.stdout, /reply due: 2027-01-18/);
      assert.match(after.stdout, /2027-01-01 {2}法定节假日/);
      assert.match(after.stdout, /calendar: the store's/);
      // The built-in calendar still refuses it.
      assert.match((await run('--received', '2026-12-20')).stderr, /CALENDAR_YEAR_MISSING/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
