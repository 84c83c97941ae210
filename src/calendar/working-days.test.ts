import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { addWorkingDays, builtInCalendar, fromEpochDay, isWorkingDay, nextDay, toEpochDay, workingDaysBetween } from './working-days.ts';

const calendar = builtInCalendar();

void describe('working-day calendar', () => {
  void it('knows make-up working weekends and weekday holidays (2025 notice)', () => {
    assert.equal(isWorkingDay(calendar, '2025-09-28'), true); // Sunday, 调休上班
    assert.equal(isWorkingDay(calendar, '2025-10-11'), true); // Saturday, 调休上班
    assert.equal(isWorkingDay(calendar, '2025-10-08'), false); // Wednesday, 国庆中秋
    assert.equal(isWorkingDay(calendar, '2025-10-13'), true); // ordinary Monday
    assert.equal(isWorkingDay(calendar, '2025-10-12'), false); // ordinary Sunday
  });

  // Hand counts (STACK.md §3): 2024: 09-29 (Sun, working), 09-30, 10-08 … 10-11, 10-12 (Sat, working), 10-14 … 10-30.
  void it('adds 20 working days across National Day 2024 and 2025, start day not counted', () => {
    assert.equal(addWorkingDays(calendar, '2024-09-27', 20), '2024-10-30');
    assert.equal(addWorkingDays(calendar, '2025-09-28', 20), '2025-10-31');
  });

  void it('counts working days in (from, to]', () => {
    assert.equal(workingDaysBetween(calendar, '2024-09-27', '2024-10-30'), 20);
    assert.equal(workingDaysBetween(calendar, '2024-10-30', '2024-09-27'), -20);
    assert.equal(workingDaysBetween(calendar, '2026-11-30', '2026-11-30'), 0);
    // Mon 2026-11-30 → Fri 2026-12-04: Tue..Fri = 4.
    assert.equal(workingDaysBetween(calendar, '2026-11-30', '2026-12-04'), 4);
  });

  void it('refuses a year without data instead of counting weekends only', () => {
    assert.throws(() => isWorkingDay(calendar, '2027-01-01'), (e) => isGongkaiError(e, 'CALENDAR_YEAR_MISSING'));
    assert.throws(() => addWorkingDays(calendar, '2026-12-20', 20), (e) => isGongkaiError(e, 'CALENDAR_YEAR_MISSING'));
  });

  void it('rejects impossible dates', () => {
    assert.throws(() => isWorkingDay(calendar, '2026-02-30'), (e) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });

  void it('keeps years below 100 as they are (Date.UTC alone would move them to the 1900s)', () => {
    assert.equal(nextDay('0099-12-31'), '0100-01-01');
    assert.equal(fromEpochDay(toEpochDay('0050-03-01')), '0050-03-01');
  });
});
