import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendar } from '../calendar/working-days.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { isOverdue, isPhoneOrEmail, messageDueOn, messageInputIssues, newMessageTrackingCode, normalizeMessageTrackingCode, publicText, transitionMessage } from './message.ts';

const calendar = builtInCalendar();

describe('message deadline', () => {
  // 2024: 中秋节 09-15..09-17 off with 09-14 (Sat) worked; 国庆节 10-01..10-07 off with 09-29 (Sun) and 10-12 (Sat) worked.
  it('counts working days from the day after receipt, through make-up days and holidays', () => {
    // 09-03 … 09-06 1–4, 09-09 … 09-13 5–9, 09-14 (Sat, worked) 10.
    assert.equal(messageDueOn(calendar, '2024-09-02', 10), '2024-09-14');
    // 09-23 … 09-27 1–5, 09-29 (Sun, worked) 6, 09-30 7, 10-08 … 10-10 8–10.
    assert.equal(messageDueOn(calendar, '2024-09-20', 10), '2024-10-10');
    // 09-29 1, 09-30 2, 10-08 … 10-11 3–6, 10-12 (Sat) 7, 10-14 … 10-16 8–10.
    assert.equal(messageDueOn(calendar, '2024-09-27', 10), '2024-10-16');
    // 15 working days: … 10-16 10, 10-17 11, 10-18 12, 10-21 … 10-23 13–15.
    assert.equal(messageDueOn(calendar, '2024-09-27', 15), '2024-10-23');
    // Counting the receipt day (a working Friday) as day 1 ends one working day earlier.
    assert.equal(messageDueOn(calendar, '2024-09-27', 10, true), '2024-10-15');
  });

  it('refuses a reply period outside 1–60 working days and a bad date', () => {
    for (const days of [0, 61, 2.5]) {
      assert.throws(() => messageDueOn(calendar, '2024-09-02', days), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues[0]?.field === 'replyDays');
    }
    assert.throws(() => messageDueOn(calendar, '2024-02-30', 10), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });

  it('is overdue only when unanswered after the due date', () => {
    assert.equal(isOverdue({ status: 'received', dueOn: '2024-10-10' }, '2024-10-10'), false);
    assert.equal(isOverdue({ status: 'received', dueOn: '2024-10-10' }, '2024-10-11'), true);
    assert.equal(isOverdue({ status: 'assigned', dueOn: '2024-10-10' }, '2024-10-11'), true);
    assert.equal(isOverdue({ status: 'replied', dueOn: '2024-10-10' }, '2024-10-11'), false);
    assert.equal(isOverdue({ status: 'published', dueOn: '2024-10-10' }, '2024-12-31'), false);
  });
});

describe('message transitions', () => {
  it('allows assign and reply until answered, publish only after a reply', () => {
    assert.equal(transitionMessage({ status: 'received', publishConsent: false }, 'assign'), 'assigned');
    assert.equal(transitionMessage({ status: 'assigned', publishConsent: false }, 'assign'), 'assigned');
    assert.equal(transitionMessage({ status: 'received', publishConsent: false }, 'reply'), 'replied');
    assert.equal(transitionMessage({ status: 'assigned', publishConsent: false }, 'reply'), 'replied');
    assert.equal(transitionMessage({ status: 'replied', publishConsent: true }, 'publish'), 'published');
    const illegal = (e: unknown): boolean => isGongkaiError(e, 'ILLEGAL_TRANSITION');
    assert.throws(() => transitionMessage({ status: 'replied', publishConsent: true }, 'reply'), illegal);
    assert.throws(() => transitionMessage({ status: 'replied', publishConsent: true }, 'assign'), illegal);
    assert.throws(() => transitionMessage({ status: 'assigned', publishConsent: true }, 'publish'), illegal);
    assert.throws(() => transitionMessage({ status: 'published', publishConsent: true }, 'publish'), illegal);
  });

  it('refuses publication without the writer consent, whatever the state', () => {
    for (const status of ['received', 'replied'] as const) {
      assert.throws(() => transitionMessage({ status, publishConsent: false }, 'publish'), (e: unknown) => isGongkaiError(e, 'PUBLISH_CONSENT_MISSING'));
    }
  });
});

describe('message input', () => {
  const good = { subject: '关于小区路灯维修的建议', body: '金积镇某小区路灯已损坏两个月，请尽快维修。', writerName: '张三丰', writerContact: '13909531234' };

  it('accepts a complete message', () => {
    assert.deepEqual(messageInputIssues(good), []);
  });

  it('names every bad field, counting characters not bytes', () => {
    const issues = messageInputIssues({ subject: '路'.repeat(101), body: '', writerName: '  ', writerContact: '12345' });
    assert.deepEqual(issues.map((i) => i.field), ['subject', 'body', 'writerName', 'writerContact']);
    assert.deepEqual(messageInputIssues({ ...good, subject: '路'.repeat(100), body: '灯'.repeat(2000) }), []);
    assert.deepEqual(messageInputIssues({ ...good, body: '灯'.repeat(2001) }).map((i) => i.field), ['body']);
  });

  it('takes a mobile, a landline or an e-mail address as contact', () => {
    for (const ok of ['13909531234', '0953-2012345', '09532012345', 'zhang@example.cn']) assert.equal(isPhoneOrEmail(ok), true, ok);
    for (const bad of ['12345', 'zhang@', 'abc']) assert.equal(isPhoneOrEmail(bad), false, bad);
  });

  it('publishes the original text unless staff edited it', () => {
    const m = { subject: '张三丰反映路灯问题', body: '我是张三丰，电话13909531234。' };
    assert.deepEqual(publicText(m, {}), { publicSubject: m.subject, publicBody: m.body });
    assert.deepEqual(publicText(m, { publicSubject: '反映路灯问题', publicBody: '  ' }), { publicSubject: '反映路灯问题', publicBody: m.body });
    assert.throws(() => publicText(m, { publicBody: '字'.repeat(2001) }), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues[0]?.field === 'publicBody');
  });
});

describe('message tracking codes', () => {
  it('are XXXX-XXXX-XXXX and normalize as typed', () => {
    let n = 0;
    const code = newMessageTrackingCode(() => n++ % 32);
    assert.equal(code, 'ABCD-EFGH-JKLM');
    assert.match(newMessageTrackingCode(), /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    assert.equal(normalizeMessageTrackingCode(' abcd efgh jklm '), 'ABCD-EFGH-JKLM');
    assert.equal(normalizeMessageTrackingCode('ABCD-EFGH-JKL'), null);
    assert.equal(normalizeMessageTrackingCode('ABCD-EFGH-JKL1'), null);
  });
});
