import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendar } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { publicationDeadline, timeliness } from './timeliness.ts';

const calendar = builtInCalendar();

void describe('timeliness (2019 art. 26: 20 working days)', () => {
  void it('counts across the 2024 National Day holiday and its make-up Saturday (hand-computed)', () => {
    // From 2024-09-27 (Fri): 9-29 (Sun, make-up) 1, 9-30 2, 10-1…10-7 off, 10-8…10-11 6, 10-12 (Sat, make-up) 7,
    // 10-14…10-18 12, 10-21…10-25 17, 10-28 18, 10-29 19, 10-30 20.
    assert.equal(publicationDeadline(calendar, '2024-09-27'), '2024-10-30');
  });

  void it('counts across the 2025 National Day holiday (creation on the make-up Sunday 2025-09-28)', () => {
    // 9-29 1, 9-30 2, 10-1…10-8 off, 10-9 3, 10-10 4, 10-11 (Sat, make-up) 5, 10-13…10-17 10, 10-20…10-24 15, 10-27…10-31 20.
    assert.equal(publicationDeadline(calendar, '2025-09-28'), '2025-10-31');
  });

  void it('classifies published items as on time or late by working days', () => {
    assert.deepEqual(timeliness(calendar, { creationDate: '2024-09-27', publicationDate: '2024-10-30' }, '2026-11-30'), { deadline: '2024-10-30', status: 'on_time', workingDaysLate: 0 });
    // 10-31 and 11-01 are the two working days after the deadline.
    assert.deepEqual(timeliness(calendar, { creationDate: '2024-09-27', publicationDate: '2024-11-01' }, '2026-11-30'), { deadline: '2024-10-30', status: 'late', workingDaysLate: 2 });
    // Published on Saturday 2024-11-02: still 2 working days late.
    assert.equal(timeliness(calendar, { creationDate: '2024-09-27', publicationDate: '2024-11-02' }, '2026-11-30').workingDaysLate, 2);
  });

  void it('classifies unpublished items as pending or overdue by today', () => {
    assert.deepEqual(timeliness(calendar, { creationDate: '2024-09-27', publicationDate: null }, '2024-10-30'), { deadline: '2024-10-30', status: 'pending', workingDaysLate: 0 });
    // Monday 2024-11-04: 10-31, 11-01, 11-04 → 3 working days overdue.
    assert.deepEqual(timeliness(calendar, { creationDate: '2024-09-27', publicationDate: null }, '2024-11-04'), { deadline: '2024-10-30', status: 'overdue', workingDaysLate: 3 });
  });

  void it('says unknown (and why) when the calendar lacks the year', () => {
    const only2024: WorkingDayCalendar = { years: new Map([...calendar.years].filter(([year]) => year === 2024)) };
    const result = timeliness(only2024, { creationDate: '2024-12-20', publicationDate: null }, '2025-02-01');
    assert.equal(result.status, 'unknown');
    assert.equal(result.deadline, null);
    assert.match(result.note ?? '', /2025/);
  });
});
