import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendar } from '../calendar/working-days.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { ruleSetFor } from './regulation-rule-sets.ts';
import { computeReplyDeadline } from './reply-deadline.ts';

const calendar = builtInCalendar();

// Every expected date below was counted by hand on the State Council holiday notices.
void describe('reply deadline', () => {
  void it('picks the regulation in force on the date of receipt', () => {
    assert.equal(ruleSetFor('2008-04-30'), null);
    assert.equal(ruleSetFor('2019-05-14')?.id, 'regulations2008');
    assert.equal(ruleSetFor('2019-05-15')?.id, 'regulations2019');
  });

  void it('counts 20 working days across National Day 2024, with the make-up Sunday and Saturday', () => {
    // 09-29 (Sun, working), 09-30, 10-08 … 10-11, 10-12 (Sat, working), 10-14 … 10-30.
    const result = computeReplyDeadline(calendar, { receivedOn: '2024-09-27' });
    assert.equal(result.replyDue, '2024-10-30');
    assert.equal(result.finalDue, '2024-10-30');
    assert.deepEqual(
      result.notableDays.map((d) => `${d.date} ${d.kind}`),
      ['2024-09-29 workday', '2024-10-01 holiday', '2024-10-02 holiday', '2024-10-03 holiday', '2024-10-04 holiday', '2024-10-07 holiday', '2024-10-12 workday'],
    );
  });

  void it('adds an approved extension of 20 working days after the first deadline', () => {
    // 10-31, 11-01, 11-04 … 11-08, 11-11 … 11-15, 11-18 … 11-22, 11-25, 11-26, 11-27.
    const result = computeReplyDeadline(calendar, { receivedOn: '2024-09-27', extensionWorkingDays: 20 });
    assert.equal(result.replyDue, '2024-10-30');
    assert.equal(result.finalDue, '2024-11-27');
  });

  void it('uses 15 working days for a request received the day before the 2019 text took effect', () => {
    // 2008 text: 05-15 … 05-17, 05-20 … 05-24, 05-27 … 05-31, 06-03, 06-04.
    assert.equal(computeReplyDeadline(calendar, { receivedOn: '2019-05-14' }).replyDue, '2019-06-04');
    // 2019 text: 05-16, 05-17, 05-20 … 05-24, 05-27 … 05-31, 06-03 … 06-06, (06-07 端午), 06-10 … 06-13.
    assert.equal(computeReplyDeadline(calendar, { receivedOn: '2019-05-15' }).replyDue, '2019-06-13');
  });

  void it('restarts the clock in full from the clarified request (2019 art. 30)', () => {
    // 03-11 … 03-14, 03-17 … 03-21, 03-24 … 03-28, 03-31, 04-01 … 04-03, (04-04 清明), 04-07, 04-08.
    const result = computeReplyDeadline(calendar, { receivedOn: '2025-03-03', clarifiedOn: '2025-03-10' });
    assert.equal(result.clockStartsAfter, '2025-03-10');
    assert.equal(result.replyDue, '2025-04-08');
  });

  void it('does not count working days spent on consultation (2019 art. 33 ¶3)', () => {
    // Without the interval: 2025-03-31. The week 03-10 … 03-14 excluded adds 5 working days: 04-01 … 04-03, 04-07, 04-08.
    assert.equal(computeReplyDeadline(calendar, { receivedOn: '2025-03-03' }).replyDue, '2025-03-31');
    const result = computeReplyDeadline(calendar, { receivedOn: '2025-03-03', excluded: [{ from: '2025-03-10', to: '2025-03-14' }] });
    assert.equal(result.replyDue, '2025-04-08');
    assert.equal(result.notableDays.filter((d) => d.kind === 'excluded').length, 5);
  });

  void it('refuses bad input and years without calendar data', () => {
    const refused = (input: Parameters<typeof computeReplyDeadline>[1], code: 'VALIDATION_FAILED' | 'CALENDAR_YEAR_MISSING'): void => {
      assert.throws(() => computeReplyDeadline(calendar, input), (e) => isGongkaiError(e, code));
    };
    refused({ receivedOn: '2025-02-30' }, 'VALIDATION_FAILED');
    refused({ receivedOn: '2008-04-30' }, 'VALIDATION_FAILED');
    refused({ receivedOn: '2025-03-03', extensionWorkingDays: 21 }, 'VALIDATION_FAILED');
    refused({ receivedOn: '2019-05-14', extensionWorkingDays: 16 }, 'VALIDATION_FAILED');
    refused({ receivedOn: '2025-03-03', clarifiedOn: '2025-03-01' }, 'VALIDATION_FAILED');
    refused({ receivedOn: '2025-03-03', excluded: [{ from: '2025-03-14', to: '2025-03-10' }] }, 'VALIDATION_FAILED');
    refused({ receivedOn: '2026-12-20' }, 'CALENDAR_YEAR_MISSING');
  });

  void it('counts the day of receipt as day 1 when configured (GONGKAI_COUNT_RECEIPT_DAY, UNVERIFIED convention)', () => {
    // 国办发明电〔2023〕7号: 10-01..07 off, Sun 09-29 and Sat 10-12 worked. Fri 09-27 (1), 09-29 (2), 09-30 (3),
    // 10-08..11 (4–7), 10-12 (8), 10-14..18 (9–13), 10-21..25 (14–18), 10-28 (19), 10-29 (20).
    assert.equal(computeReplyDeadline(calendar, { receivedOn: '2024-09-27', countStartDay: true }).replyDue, '2024-10-29');
    assert.equal(computeReplyDeadline(calendar, { receivedOn: '2024-09-27' }).replyDue, '2024-10-30');
    // Received on Saturday 09-28 (a day off): it cannot count, so the result is the usual one.
    assert.equal(computeReplyDeadline(calendar, { receivedOn: '2024-09-28', countStartDay: true }).replyDue, '2024-10-30');
  });
});
