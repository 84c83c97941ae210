import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasAtMostFourDecimals, normalizeWorkRecord, validateComplaint, validateMeeting, validateReadingPoint, validateStaffing, validateTrainingSession } from './work-record.ts';
import type { MeetingKind, StaffingValues } from './work-record.ts';

const TODAY = '2026-11-30';
const fields = (issues: readonly { field: string }[]): string[] => issues.map((i) => i.field);

void describe('work record checks', () => {
  const staffing: StaffingValues = { ogiOffices: 1, staffFullTime: 3, staffPartTime: 12, funding: 18.5, note: null };

  void it('staffing: counts ≥ 0 integers, funding ≥ 0 with at most 4 decimals, no future year', () => {
    assert.deepEqual(validateStaffing(staffing, 2026, TODAY), []);
    assert.deepEqual(validateStaffing({ ...staffing, funding: 0, ogiOffices: 0, staffFullTime: 0, staffPartTime: 0 }, 2000, TODAY), []);
    assert.deepEqual(fields(validateStaffing({ ...staffing, ogiOffices: -1, staffFullTime: 1.5, staffPartTime: Number.NaN }, 2026, TODAY)), ['ogiOffices', 'staffFullTime', 'staffPartTime']);
    assert.deepEqual(fields(validateStaffing({ ...staffing, funding: 1.23456 }, 2026, TODAY)), ['funding']);
    assert.deepEqual(fields(validateStaffing({ ...staffing, funding: -0.01 }, 2026, TODAY)), ['funding']);
    assert.deepEqual(fields(validateStaffing(staffing, 2027, TODAY)), ['year']);
    assert.deepEqual(fields(validateStaffing(staffing, 1999, TODAY)), ['year']);
    assert.deepEqual(fields(validateStaffing({ ...staffing, note: 'x'.repeat(2001) }, 2026, TODAY)), ['note']);
    assert.equal(hasAtMostFourDecimals(1234.5678), true);
    // The column is double precision on both databases: four decimals of large amounts are kept.
    assert.deepEqual(validateStaffing({ ...staffing, funding: 1234.5678 }, 2026, TODAY), []);
    assert.deepEqual(validateStaffing({ ...staffing, funding: 12345.5 }, 2026, TODAY), []);
    assert.equal(hasAtMostFourDecimals(0.1 + 0.2), false);
  });

  void it('reading points: name and address given, closedOn ≥ openedOn, no future dates', () => {
    const point = { name: '市政务服务中心查阅点', address: '吴忠市利通区裕民街 1 号', openingHours: null, openedOn: '2016-01-04', closedOn: null };
    assert.deepEqual(validateReadingPoint(point, TODAY), []);
    assert.deepEqual(validateReadingPoint({ ...point, closedOn: '2016-01-04' }, TODAY), []);
    assert.deepEqual(fields(validateReadingPoint({ ...point, closedOn: '2016-01-03' }, TODAY)), ['closedOn']);
    assert.deepEqual(fields(validateReadingPoint({ ...point, name: '', address: '', openedOn: '2026-12-01' }, TODAY)), ['name', 'address', 'openedOn']);
    assert.deepEqual(fields(validateReadingPoint({ ...point, openedOn: '2023-02-29', closedOn: '2026-12-01' }, TODAY)), ['openedOn', 'closedOn']);
  });

  void it('meetings, training sessions and complaints', () => {
    assert.deepEqual(validateMeeting({ heldOn: '2026-03-02', title: '全市政务公开工作会议', kind: 'working' }, TODAY), []);
    assert.deepEqual(fields(validateMeeting({ heldOn: '2026-12-01', title: '', kind: 'party' as MeetingKind }, TODAY)), ['heldOn', 'title', 'kind']);
    assert.deepEqual(validateTrainingSession({ heldOn: '2026-04-01', title: '条例培训班', attendees: 1 }, TODAY), []);
    assert.deepEqual(fields(validateTrainingSession({ heldOn: '2026-04-01', title: '条例培训班', attendees: 0 }, TODAY)), ['attendees']);
    const complaint = { receivedOn: '2026-05-06', channel: 'phone' as const, summary: '未按期答复', outcome: null, closedOn: null };
    assert.deepEqual(validateComplaint(complaint, TODAY), []);
    assert.deepEqual(fields(validateComplaint({ ...complaint, closedOn: '2026-05-05' }, TODAY)), ['closedOn']);
    assert.deepEqual(fields(validateComplaint({ ...complaint, channel: 'fax' as 'phone', summary: '' }, TODAY)), ['channel', 'summary']);
  });

  void it('normalizes texts: trimmed, blank optional fields null, only known fields kept', () => {
    const input = { name: ' 查阅点 ', address: ' 地址 ', openingHours: '  ', openedOn: ' 2016-01-04 ', closedOn: '', extra: 'x' };
    assert.deepEqual(normalizeWorkRecord('reading-point', input), { name: '查阅点', address: '地址', openingHours: null, openedOn: '2016-01-04', closedOn: null });
  });
});
