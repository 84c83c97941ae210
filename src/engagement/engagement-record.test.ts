import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendar } from '../calendar/working-days.ts';
import {
  applyInterpretationPatch,
  applyPressEventPatch,
  EMPTY_INTERPRETATION,
  EMPTY_PRESS_EVENT,
  validateConcernResponse,
  validateInterpretation,
  validatePressEvent,
} from './engagement-record.ts';
import { interpretationTimeliness } from './interpretation-timeliness.ts';

const TODAY = '2026-11-30';
const fields = (issues: { field: string }[]): string[] => issues.map((i) => i.field);

void describe('engagement records: validation', () => {
  void it('accepts a press event and refuses future dates, bad links, unknown kinds and repeated items', () => {
    const good = applyPressEventPatch(EMPTY_PRESS_EVENT, { kind: 'online_interview', heldOn: ' 2026-11-30 ', topic: ' 优化营商环境 ', speakers: '  ', url: 'https://www.example.gov.cn/ft/1.html', itemIds: [3, 4] });
    assert.equal(good.topic, '优化营商环境');
    assert.equal(good.speakers, null);
    assert.deepEqual(validatePressEvent(good, TODAY), []);
    assert.deepEqual(fields(validatePressEvent({ ...good, heldOn: '2026-12-01' }, TODAY)), ['heldOn']);
    assert.deepEqual(fields(validatePressEvent({ ...good, heldOn: '2026-02-30' }, TODAY)), ['heldOn']);
    assert.deepEqual(fields(validatePressEvent({ ...good, url: 'javascript:alert(1)' }, TODAY)), ['url']);
    assert.deepEqual(fields(validatePressEvent({ ...good, url: '/relative' }, TODAY)), ['url']);
    assert.deepEqual(fields(validatePressEvent({ ...good, kind: 'party' as 'press_conference', topic: '' }, TODAY)), ['kind', 'topic']);
    assert.deepEqual(fields(validatePressEvent({ ...good, itemIds: [3, 3] }, TODAY)), ['itemIds']);
    assert.deepEqual(fields(validatePressEvent({ ...good, itemIds: [Number.NaN] }, TODAY)), ['itemIds']);
  });

  void it('refuses an interpretation before the policy, of itself, or of an unknown form', () => {
    const v = applyInterpretationPatch(EMPTY_INTERPRETATION, { title: '图解：营商环境条例', form: 'graphic', publishedOn: '2026-11-19' }, 12);
    assert.equal(v.policyItemId, 12);
    assert.deepEqual(validateInterpretation(v, TODAY, '2026-11-19'), [], 'the same day as the policy is allowed');
    assert.deepEqual(fields(validateInterpretation(v, TODAY, '2026-11-20')), ['publishedOn']);
    assert.deepEqual(fields(validateInterpretation({ ...v, interpretationItemId: 12 }, TODAY, null)), ['interpretationItemId']);
    assert.deepEqual(fields(validateInterpretation({ ...v, form: 'poem' as 'text', title: '' }, TODAY, null)), ['form', 'title']);
    assert.deepEqual(fields(validateInterpretation({ ...v, publishedOn: '2027-01-01' }, TODAY, '2026-11-19')), ['publishedOn']);
  });

  void it('checks a concern response', () => {
    const v = { topic: '供暖', channel: 'weibo_wechat' as const, respondedOn: '2026-11-02', summary: null, url: null };
    assert.deepEqual(validateConcernResponse(v, TODAY), []);
    assert.deepEqual(fields(validateConcernResponse({ ...v, channel: 'fax' as 'other', respondedOn: '', summary: 'x'.repeat(2001) }, TODAY)), ['channel', 'respondedOn', 'summary']);
  });
});

void describe('interpretation timeliness', () => {
  const calendar = builtInCalendar();
  void it('counts working days after the policy (Thursday 2026-11-19, N = 3: deadline Tuesday 11-24)', () => {
    assert.deepEqual(interpretationTimeliness(calendar, '2026-11-19', '2026-11-19', 3), { status: 'on_time', deadline: '2026-11-24', workingDaysAfterPolicy: 0, allowedWorkingDays: 3 });
    assert.deepEqual(interpretationTimeliness(calendar, '2026-11-19', '2026-11-21', 3), { status: 'on_time', deadline: '2026-11-24', workingDaysAfterPolicy: 1, allowedWorkingDays: 3 });
    assert.deepEqual(interpretationTimeliness(calendar, '2026-11-19', '2026-11-24', 3), { status: 'on_time', deadline: '2026-11-24', workingDaysAfterPolicy: 3, allowedWorkingDays: 3 });
    assert.deepEqual(interpretationTimeliness(calendar, '2026-11-19', '2026-11-25', 3), { status: 'late', deadline: '2026-11-24', workingDaysAfterPolicy: 4, allowedWorkingDays: 3 });
    // 与文件同步 (N = 0): only the same day is timely.
    assert.equal(interpretationTimeliness(calendar, '2026-11-19', '2026-11-20', 0).status, 'late');
  });

  void it('skips the National Day holiday and counts the make-up Saturday (2026-09-30 → 10-10)', () => {
    assert.deepEqual(interpretationTimeliness(calendar, '2026-09-30', '2026-10-10', 3), { status: 'on_time', deadline: '2026-10-10', workingDaysAfterPolicy: 3, allowedWorkingDays: 3 });
    assert.deepEqual(interpretationTimeliness(calendar, '2026-09-30', '2026-10-12', 3), { status: 'late', deadline: '2026-10-10', workingDaysAfterPolicy: 4, allowedWorkingDays: 3 });
  });

  void it('is unknown, not an error, when the calendar lacks the year', () => {
    assert.deepEqual(interpretationTimeliness(calendar, '2031-03-02', '2031-03-03', 3), { status: 'unknown', deadline: null, workingDaysAfterPolicy: null, allowedWorkingDays: 3 });
  });
});
