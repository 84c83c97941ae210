/**
 * Which report reminders are due on a day, and their text (pure). Days counted by hand:
 * 2026-01-21 is 10 calendar days before the departments' deadline 2026-01-31.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportRemindersFor } from './report-reminder.ts';
import type { ReportReminderCandidate } from './report-reminder.ts';

const URL = 'https://gongkai.example.gov.cn';

function candidate(over: Partial<ReportReminderCandidate>): ReportReminderCandidate {
  return { organizationId: 2, organizationName: '吴忠市财政局', kind: 'department', officeEmail: 'ogi@czj.example.gov.cn', year: 2025, status: 'none', ...over };
}

void describe('reportRemindersFor', () => {
  void it('reminds an outstanding report from N calendar days before its deadline', () => {
    assert.deepEqual(reportRemindersFor([candidate({})], '2026-01-20', 10, URL), []);
    const [due] = reportRemindersFor([candidate({ status: 'draft' })], '2026-01-21', 10, URL);
    assert.equal(due?.kind, 'due-soon');
    assert.equal(due?.key, '2/2025/due-soon');
    assert.equal(due?.deadline, '2026-01-31');
    assert.equal(due?.recipient, 'ogi@czj.example.gov.cn');
    assert.equal(due?.subject, '【即将到期】吴忠市财政局2025年政府信息公开工作年度报告应于 2026-01-31 前报送');
    assert.ok(due?.text.includes('距期限还有 10 日'));
    assert.ok(due?.text.includes('2019年《条例》第四十九条第一款'));
    assert.ok(due?.text.includes('目前状态：草稿。'));
    assert.ok(due?.text.includes(`${URL}/console/reports/2/2025`));
    assert.equal(reportRemindersFor([candidate({})], '2026-01-31', 10, URL)[0]?.kind, 'due-soon', 'the last day is still on time');
  });

  void it('reminds an overdue report once past its deadline', () => {
    const [late] = reportRemindersFor([candidate({ status: 'returned' })], '2026-02-03', 10, URL);
    assert.equal(late?.kind, 'overdue');
    assert.equal(late?.key, '2/2025/overdue');
    assert.ok(late?.text.includes('现已逾期 3 日'));
  });

  void it('leaves out submitted reports, offices without an address, and governments not yet due', () => {
    const none = reportRemindersFor(
      [
        candidate({ status: 'submitted' }),
        candidate({ status: 'accepted' }),
        candidate({ status: 'published' }),
        candidate({ officeEmail: '' }),
        candidate({ organizationId: 1, organizationName: '吴忠市人民政府', kind: 'government' }),
      ],
      '2026-01-25',
      10,
      URL,
    );
    assert.deepEqual(none, []);
    // The government's deadline is 2026-03-31; the 2008 text (a 2017 report) gave everyone March 31.
    assert.equal(reportRemindersFor([candidate({ kind: 'government' })], '2026-03-21', 10, URL)[0]?.deadline, '2026-03-31');
    assert.equal(reportRemindersFor([candidate({ year: 2017 })], '2018-03-25', 10, URL)[0]?.deadline, '2018-03-31');
  });
});
