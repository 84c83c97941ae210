// The hotline's figures for a period against hand counts: received by receipt date, replied of
// those (a reply in the next year still counts), reply rate, average calendar days, categories and
// satisfaction; nulls where nothing is there to divide.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDaysBetween, hotlineRates, hotlineStatistics, yearPeriod } from './hotline-statistics.ts';
import type { HotlineStatisticsOrder } from './hotline-statistics.ts';

const ORDERS: HotlineStatisticsOrder[] = [
  { receivedOn: '2026-01-10', repliedOn: '2026-01-13', category: 'consultation', satisfaction: 'satisfied' }, // 3 days
  { receivedOn: '2026-02-01', repliedOn: '2026-02-11', category: 'complaint', satisfaction: 'dissatisfied' }, // 10 days
  { receivedOn: '2026-03-01', repliedOn: null, category: 'complaint', satisfaction: null },
  { receivedOn: '2026-12-31', repliedOn: '2027-01-02', category: 'suggestion', satisfaction: 'basically_satisfied' }, // 2 days, replied next year
  { receivedOn: '2025-12-31', repliedOn: '2026-01-05', category: 'report', satisfaction: 'satisfied' }, // received before the period
  { receivedOn: '2027-01-01', repliedOn: null, category: 'other', satisfaction: null }, // after it
  { receivedOn: '2026-06-30', repliedOn: '2026-06-30', category: 'consultation', satisfaction: 'satisfied' }, // same day: 0 days
];

void describe('hotlineStatistics', () => {
  void it('equals the hand counts of 2026', () => {
    const s = hotlineStatistics(ORDERS, '2026-01-01', '2026-12-31');
    assert.equal(s.received, 5);
    assert.equal(s.replied, 4);
    assert.equal(s.replyRate, 0.8);
    // (3 + 10 + 2 + 0) / 4
    assert.equal(s.averageReplyDays, 3.75);
    assert.deepEqual(s.byCategory, {
      consultation: { received: 2, replied: 2 },
      complaint: { received: 2, replied: 1 },
      suggestion: { received: 1, replied: 1 },
      request_for_help: { received: 0, replied: 0 },
      report: { received: 0, replied: 0 },
      other: { received: 0, replied: 0 },
    });
    assert.deepEqual([s.rated, s.satisfied, s.basicallySatisfied, s.dissatisfied, s.satisfiedShare], [4, 2, 1, 1, 0.5]);
  });

  void it('gives nulls for an empty period', () => {
    const s = hotlineStatistics(ORDERS, '2024-01-01', '2024-12-31');
    assert.deepEqual([s.received, s.replied, s.replyRate, s.averageReplyDays, s.rated, s.satisfiedShare], [0, 0, null, null, 0, null]);
  });

  void it('counts calendar days, leap days included', () => {
    assert.equal(calendarDaysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(calendarDaysBetween('2026-12-31', '2027-01-02'), 2);
    assert.deepEqual(yearPeriod(2026), { from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(hotlineRates({ received: 3, replied: 0, replyDaysTotal: 0 }), { replyRate: 0, averageReplyDays: null });
    assert.deepEqual(hotlineRates({ received: 658, replied: 658, replyDaysTotal: 1316 }), { replyRate: 1, averageReplyDays: 2 });
  });
});
