// `gongkai deadline`: the reply deadline with its explanation, as text and JSON, and its refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { FixedClock } from '../../src/shared/clock.ts';

async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(['node', 'gongkai', 'deadline', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTty: false, env: {}, clock: new FixedClock('2026-11-30T02:00:00Z') });
  return { status, stdout, stderr };
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
});
