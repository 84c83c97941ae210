import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendar } from '../calendar/working-days.ts';
import { formatAverageDays, formatReplyRate, messageStatistics, messageStatisticsByOrganization } from './message-statistics.ts';
import { fixtureRecords } from '../../test/helpers/message-fixtures.ts';

const calendar = builtInCalendar();
const A = 1;
const B = 2;
const C = 3;

/** The shared fixture (test/helpers/message-fixtures.ts), with the hand-counted values below. */
const FIXTURE = fixtureRecords({ A, B, C });

const period = { messages: FIXTURE, from: '2024-09-01', to: '2024-09-30', today: '2024-10-20' };

describe('message statistics on a hand-counted fixture', () => {
  it('counts one organization', () => {
    // A: received A1–A5 = 5; replied A1, A2, A3, A5 = 4; on time A1, A3, A5 = 3; overdue A4.
    assert.deepEqual(messageStatistics({ ...period, organizationIds: [A] }, calendar), {
      received: 5,
      replied: 4,
      repliedOnTime: 3,
      replyRate: 0.8,
      averageReplyDays: 10, // (3 + 18 + 0 + 19) / 4
      averageReplyWorkingDays: 6.5, // (3 + 13 + 0 + 10) / 4
      overdue: 1,
    });
    // B: received B1–B5 = 5; replied B1, B2, B5 = 3; on time B1, B5 = 2; overdue B3 (B4 is due tomorrow).
    assert.deepEqual(messageStatistics({ ...period, organizationIds: [B] }, calendar), {
      received: 5,
      replied: 3,
      repliedOnTime: 2,
      replyRate: 0.6,
      averageReplyDays: 13, // (8 + 25 + 6) / 3
      averageReplyWorkingDays: 22 / 3, // (6 + 12 + 4) / 3
      overdue: 1,
    });
  });

  it('sums several organizations and all of them', () => {
    assert.deepEqual(messageStatistics({ ...period, organizationIds: [A, B] }, calendar), {
      received: 10,
      replied: 7,
      repliedOnTime: 5,
      replyRate: 0.7,
      averageReplyDays: 79 / 7, // (40 + 39) / 7
      averageReplyWorkingDays: 48 / 7, // (26 + 22) / 7
      overdue: 2,
    });
    const all = messageStatistics(period, calendar);
    assert.deepEqual(all, { received: 11, replied: 8, repliedOnTime: 6, replyRate: 8 / 11, averageReplyDays: 81 / 8, averageReplyWorkingDays: 6.25, overdue: 2 });
    const byOrg = messageStatisticsByOrganization(period, calendar);
    assert.deepEqual([...byOrg.keys()], [A, B, C]);
    assert.equal(byOrg.get(C)?.averageReplyDays, 2);
  });

  it('has no rate or averages without messages, and none overdue before the due date passes', () => {
    assert.deepEqual(messageStatistics({ ...period, from: '2024-11-01', to: '2024-11-30' }, calendar), {
      received: 0,
      replied: 0,
      repliedOnTime: 0,
      replyRate: null,
      averageReplyDays: null,
      averageReplyWorkingDays: null,
      overdue: 0,
    });
    // On 2024-10-10 A4 is due today: not yet overdue. B3 and B4 are not due either.
    assert.equal(messageStatistics({ ...period, today: '2024-10-10' }, calendar).overdue, 0);
    assert.equal(messageStatistics({ ...period, today: '2024-10-11' }, calendar).overdue, 1);
  });

  it('formats rates and averages for people', () => {
    assert.equal(formatReplyRate(0.8), '80%');
    assert.equal(formatReplyRate(8 / 11), '72.7%');
    assert.equal(formatReplyRate(null), '—');
    assert.equal(formatAverageDays(22 / 3), '7.3');
    assert.equal(formatAverageDays(10), '10');
    assert.equal(formatAverageDays(null), '—');
  });
});
