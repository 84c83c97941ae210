/**
 * The request service on both databases: registration by channel (2019 art. 31), events checked
 * against the log, the projection rebuilt in the same transaction, refusals that change nothing,
 * permissions (extension by the approver only, art. 33 ¶2), masking of personal data, public tracking
 * and the fee computed from the tiers. Expected dates are counted by hand from 国办发明电〔2023〕7号
 * (2024: 国庆 10-01..10-07 off; Sun 09-29 and Sat 10-12 worked).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { invalidateCalendar } from '../calendar/calendar.service.ts';
import { addRequestAttachment } from './request-attachment.service.ts';
import { getCase, listQueue, recordEvent, registerRequest, setCalendarYearAndRebuildCases, submitPublicRequest, trackRequest } from './request.service.ts';

const PERSON = {
  requesterType: 'natural',
  requesterName: '张三丰',
  requesterIdKind: 'resident-id',
  requesterIdNumber: '640302199001011234',
  phone: '13912345678',
  email: 'zhang@example.com',
  address: '宁夏回族自治区吴忠市利通区裕民街1号',
  informationRequested: '2023年利通区义务教育学校新建项目的立项批复文件',
  deliveryForm: 'paper',
  deliveryMethod: 'post',
};

async function expectRefusal(promise: Promise<unknown>, code: string, zh: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error), String(error));
    assert.equal(error.code, code);
    const text = error.issues[0]?.messageZh ?? error.messageZh;
    assert.match(text, zh);
    return true;
  });
}

describeEachDialect('request service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let editor: Actor;
  let approver: Actor;
  let auditor: Actor;
  const clock = new FixedClock('2024-11-25T02:00:00Z');

  async function actorFor(role: 'editor' | 'approver' | 'auditor', organizationId: number): Promise<Actor> {
    const { user } = await createTestUser(store, clock, { role, organizationId });
    return actorForUser(user);
  }

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    editor = await actorFor('editor', region.litong.id);
    approver = await actorFor('approver', region.litong.id);
    auditor = await actorFor('auditor', region.litong.id);
  });
  after(() => t.close(store));

  const counts = async (): Promise<{ cases: number; events: number; audit: number }> => {
    const n = async (table: 'request_case' | 'request_event' | 'audit_event'): Promise<number> =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { cases: await n('request_case'), events: await n('request_event'), audit: await n('audit_event') };
  };

  it('registers an in-person request: received the day submitted, due 20 working days later across 国庆', async () => {
    const view = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litongDepartment.id, channel: 'in-person', submittedOn: '2024-09-27' });
    assert.equal(view.receivedOn, '2024-09-27');
    assert.equal(view.status, 'processing');
    assert.equal(view.clock.ruleSet.id, 'regulations2019');
    // 09-29 Sun worked (1), 09-30 (2), 10-01..07 off, 10-08..11 (3–6), 10-12 Sat worked (7), 10-14..18 (8–12), 10-21..25 (13–17), 10-28..30 (18–20).
    assert.equal(view.clock.deadline?.replyDue, '2024-10-30');
    assert.match(view.trackingCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(view.requester.idNumber, '640302199001011234', 'the editor handling the case sees personal data');
    // Today (2024-11-25) is past 10-30 and the case is open: overdue.
    assert.equal(view.timeliness.overdue, true);
    const row = await store.db.selectFrom('request_case').select(['reply_due', 'final_due', 'status']).where('id', '=', view.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { reply_due: '2024-10-30', final_due: '2024-10-30', status: 'processing' });
  });

  it('keeps ID numbers and contact details encrypted at rest, and opens them for staff', async () => {
    const view = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-20' });
    const row = await store.db.selectFrom('request_case').select(['requester_id_number', 'phone', 'email', 'address', 'requester_name']).where('id', '=', view.id).executeTakeFirstOrThrow();
    for (const value of [row.requester_id_number, row.phone, row.email, row.address]) assert.match(value ?? '', /^pd1:[A-Za-z0-9_-]+$/);
    assert.ok(!JSON.stringify(row).includes('13912345678') && !JSON.stringify(row).includes('1990010112'), 'no plaintext in the row');
    assert.equal(row.requester_name, '张三丰', 'names stay readable for lists (masked there)');
    assert.equal(view.requester.phone, '13912345678');
    assert.equal(view.requester.address, PERSON.address);
  });

  it('takes the date signed for as the date of receipt of registered post, and requires it', async () => {
    const before = await counts();
    await expectRefusal(registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'registered-post', submittedOn: '2024-11-01' }), 'VALIDATION_FAILED', /签收日期/);
    assert.deepEqual(await counts(), before, 'nothing written');
    const view = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'registered-post', submittedOn: '2024-11-01', signedOn: '2024-11-04' });
    assert.equal(view.receivedOn, '2024-11-04');
  });

  it('refuses an organization outside the staff member’s subtree, and future dates', async () => {
    await assert.rejects(registerRequest(ctx, editor, { ...PERSON, organizationId: region.yanchi.id, channel: 'in-person', submittedOn: '2024-11-01' }), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    await expectRefusal(registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-26' }), 'VALIDATION_FAILED', /不能晚于今天/);
  });

  it('restarts the clock on clarification, refuses a second one, lets only the approver extend, and judges the answer “extended”', async () => {
    const { id } = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-09-27' });
    let view = await recordEvent(ctx, editor, id, { kind: 'clarification-requested', on: '2024-09-30', items: '请说明项目名称', dueOn: '2024-10-15' });
    assert.equal(view.status, 'awaiting-clarification');
    assert.equal(view.waitingOn, 'requester');
    assert.equal(view.clock.deadline, null, 'the clock stands while the clarification is awaited');

    const before = await counts();
    await expectRefusal(recordEvent(ctx, editor, id, { kind: 'clarification-requested', on: '2024-10-08', items: '再补充', dueOn: '2024-10-20' }), 'ILLEGAL_TRANSITION', /一次性告知/);
    assert.deepEqual(await counts(), before, 'a refused event writes nothing, not even audit');

    view = await recordEvent(ctx, editor, id, { kind: 'clarification-received', on: '2024-10-10' });
    // From 10-11: 10-11 (1), 10-12 Sat worked (2), 10-14..18 (3–7), 10-21..25 (8–12), 10-28..11-01 (13–17), 11-04..06 (18–20).
    assert.equal(view.clock.deadline?.replyDue, '2024-11-06');
    assert.equal(view.clock.deadline?.clockStartsAfter, '2024-10-10');

    await assert.rejects(
      recordEvent(ctx, editor, id, { kind: 'extension-approved', on: '2024-11-05', workingDays: 20, reason: '需调取档案', approvedBy: '王主任', noticeOn: '2024-11-05' }),
      (e: unknown) => isGongkaiError(e, 'FORBIDDEN'),
    );
    view = await recordEvent(ctx, approver, id, { kind: 'extension-approved', on: '2024-11-05', workingDays: 20, reason: '需调取档案', approvedBy: '王主任', noticeOn: '2024-11-05' });
    // 11-07..08 (1–2), 11-11..15 (3–7), 11-18..22 (8–12), 11-25..29 (13–17), 12-02..04 (18–20).
    assert.equal(view.clock.deadline?.finalDue, '2024-12-04');
    assert.equal(view.timeliness.overdue, false);
    assert.equal(view.timeliness.workingDaysLeft, 7, '11-26..29 (4) + 12-02..04 (3)');

    view = await recordEvent(ctx, editor, id, { kind: 'answered', on: '2024-11-20', outcome: 'disclosed' });
    assert.equal(view.status, 'answered');
    assert.equal(view.outcome, 'disclosed');
    assert.equal(view.clock.legalBasis, '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项');
    assert.equal(view.timeliness.answeredOnTime, 'extended');
    const row = await store.db.selectFrom('request_case').select(['status', 'outcome', 'outcome_on', 'extended', 'final_due']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'answered', outcome: 'disclosed', outcome_on: '2024-11-20', extended: 1, final_due: '2024-12-04' });
    const audit = await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'request_case').where('entity_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['request.register', 'request.clarification-requested', 'request.clarification-received', 'request.extension-approved', 'request.answered']);
  });

  it('masks personal data for the auditor and in the queue', async () => {
    const { id } = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-18' });
    const seen = await getCase(ctx, auditor, id);
    assert.equal(seen.requester.masked, true);
    assert.equal(seen.requester.idNumber, '640302********1234');
    assert.equal(seen.requester.phone, '139****5678');
    assert.equal(seen.requester.name, '张**');
    const queue = await listQueue(ctx, auditor, { organizationId: region.litong.id, filter: 'open' });
    assert.ok(queue.rows.length > 0);
    assert.ok(queue.rows.every((r) => !r.requesterName.includes('三丰')));
  });

  it('lists overdue and due-soon cases in the queue', async () => {
    const queue = await listQueue(ctx, editor, { organizationId: region.litongDepartment.id, filter: 'overdue' });
    assert.equal(queue.total, 1, 'the 2024-09-27 case at 利通区教育局 is overdue');
    assert.equal(queue.counts.overdue, 1);
    assert.deepEqual([queue.counts.all, queue.counts.open, queue.counts.answered, queue.counts.closed], [1, 1, 0, 0], 'every tab is counted');
    assert.equal(queue.rows[0]?.finalDue, '2024-10-30');
  });

  it('computes a per-page fee from the tiers when no amount is given, and refuses a fee within the free tier', async () => {
    const { id } = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-18' });
    await expectRefusal(recordEvent(ctx, editor, id, { kind: 'fee-notice-sent', on: '2024-11-19', method: 'per-page', quantity: 30 }), 'ILLEGAL_TRANSITION', /免费/);
    await expectRefusal(recordEvent(ctx, editor, id, { kind: 'fee-notice-sent', on: '2024-11-19', method: 'per-page', quantity: 35, amountYuan: 1000 }), 'VALIDATION_FAILED', /应收 50 元/);
    // 31–100 pages at 10 元: 35 pages → 5 × 10 = 50 元.
    const view = await recordEvent(ctx, editor, id, { kind: 'fee-notice-sent', on: '2024-11-19', method: 'per-page', quantity: 35 });
    assert.equal(view.clock.fee?.amountYuan, 50);
    assert.equal(view.status, 'awaiting-fee');
    // 20 working days after 11-19: 11-20..22 (3), 11-25..29 (8), 12-02..06 (13), 12-09..13 (18), 12-16..17 (20).
    assert.equal(view.clock.fee?.payBy, '2024-12-17');
  });

  it('keeps files with a case: checked by type, audited, listed on the case, refused outside the subtree', async () => {
    const { id } = await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-18' });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const stored = await addRequestAttachment(ctx, editor, id, { fileName: '../申请书.pdf', mediaType: 'application/pdf', data: pdf }, 'request');
    assert.equal(stored.fileName, '申请书.pdf', 'directories are stripped from the name');
    const before = await counts();
    await assert.rejects(addRequestAttachment(ctx, editor, id, { fileName: '申请书.pdf', mediaType: 'application/pdf', data: Buffer.from('MZ not a pdf') }, 'request'), (e: unknown) => isGongkaiError(e, 'UPLOAD_TYPE'));
    await assert.rejects(addRequestAttachment(ctx, editor, id, { fileName: 'a.pdf', mediaType: 'application/pdf', data: pdf }, 'selfie'), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
    await assert.rejects(addRequestAttachment(ctx, auditor, id, { fileName: 'a.pdf', mediaType: 'application/pdf', data: pdf }, 'request'), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    assert.deepEqual(await counts(), before, 'refused uploads write nothing');
    const view = await getCase(ctx, auditor, id);
    assert.deepEqual(view.attachments.map((a) => [a.kind, a.fileName, a.sizeBytes]), [['request', '申请书.pdf', pdf.length]]);
    const audit = await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'request_case').where('entity_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['request.register', 'request.attachment.add']);
  });

  it('shows the requester their case by tracking code without personal data, and hides unknown codes', async () => {
    const { trackingCode } = await registerRequest(ctx, systemActor('test'), { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-18' });
    const seen = await trackRequest(ctx, trackingCode.toLowerCase().replace(/-/g, ' '));
    assert.equal(seen.status, 'processing');
    assert.equal(seen.receivedOn, '2024-11-18');
    assert.ok(!JSON.stringify(seen).includes('13912345678'));
    assert.ok(!JSON.stringify(seen).includes('640302199001011234'));
    await assert.rejects(trackRequest(ctx, 'AAAA-BBBB-CCCC'), (e: unknown) => isGongkaiError(e, 'NOT_FOUND'));
    await assert.rejects(trackRequest(ctx, "' or 1=1 --"), (e: unknown) => isGongkaiError(e, 'NOT_FOUND'));
  });

  it('files a public request received today and returns the deadline stored with it', async () => {
    const filed = await submitPublicRequest(ctx, { ...PERSON, organizationId: region.litong.id, deliveryForm: 'electronic', deliveryMethod: 'online' });
    // Received Mon 2024-11-25 (online, confirmed at once); 20 working days from 11-26: 11-26..29 (4), 12-02..06 (9), 12-09..13 (14), 12-16..20 (19), 12-23 (20).
    assert.deepEqual([filed.receivedOn, filed.replyDue], ['2024-11-25', '2024-12-23']);
    const row = await store.db.selectFrom('request_case').select(['channel', 'received_on', 'reply_due']).where('tracking_code', '=', filed.trackingCode).executeTakeFirstOrThrow();
    assert.deepEqual(row, { channel: 'online', received_on: '2024-11-25', reply_due: '2024-12-23' });
  });

  it('projects the answer detail (2019 art. 36 (一), (五)), refuses it on another outcome, and keeps the agency for the reply', async () => {
    const stored = (id: number) => store.db.selectFrom('request_case').select(['outcome', 'answer_detail']).where('id', '=', id).executeTakeFirstOrThrow();
    const register = async () => (await registerRequest(ctx, editor, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2024-11-18' })).id;

    const publicId = await register();
    assert.deepEqual(await stored(publicId), { outcome: null, answer_detail: null });
    const before = await counts();
    await expectRefusal(recordEvent(ctx, editor, publicId, { kind: 'answered', on: '2024-11-20', outcome: 'partial', reasons: '部分涉及个人隐私', answerDetail: 'already-public' }), 'VALIDATION_FAILED', /只适用于办理结果“予以公开”/);
    await expectRefusal(recordEvent(ctx, editor, publicId, { kind: 'answered', on: '2024-11-20', outcome: 'disclosed', answerDetail: 'already-public' }), 'VALIDATION_FAILED', /获取该政府信息的方式和途径/);
    await expectRefusal(recordEvent(ctx, editor, publicId, { kind: 'answered', on: '2024-11-20', outcome: 'disclosed', answerDetail: 'somewhere-else' }), 'VALIDATION_FAILED', /答复情形格式不正确/);
    await expectRefusal(recordEvent(ctx, editor, publicId, { kind: 'answered', on: '2024-11-20', outcome: 'disclosed', responsibleAgency: '吴忠市财政局' }), 'VALIDATION_FAILED', /只有“属于其他机关公开”/);
    assert.deepEqual(await counts(), before, 'a refused detail writes nothing');
    let view = await recordEvent(ctx, editor, publicId, { kind: 'answered', on: '2024-11-20', outcome: 'disclosed', answerDetail: 'already-public', reasons: '该信息已于2024年3月在利通区人民政府门户网站政府信息公开专栏公开' });
    assert.equal(view.clock.answerDetail, 'already-public');
    assert.deepEqual(await stored(publicId), { outcome: 'disclosed', answer_detail: 'already-public' });

    const agencyId = await register();
    await expectRefusal(recordEvent(ctx, editor, agencyId, { kind: 'answered', on: '2024-11-20', outcome: 'unable-needs-creation', answerDetail: 'other-agency' }), 'VALIDATION_FAILED', /只适用于办理结果“无法提供：本机关不掌握相关政府信息”/);
    view = await recordEvent(ctx, editor, agencyId, { kind: 'answered', on: '2024-11-20', outcome: 'unable-not-held', answerDetail: 'other-agency', responsibleAgency: ' 吴忠市住房和城乡建设局 ' });
    assert.deepEqual([view.clock.answerDetail, view.clock.responsibleAgency], ['other-agency', '吴忠市住房和城乡建设局']);
    assert.deepEqual(await stored(agencyId), { outcome: 'unable-not-held', answer_detail: 'other-agency' });
    const audit = await store.db.selectFrom('audit_event').select('after_json').where('entity_type', '=', 'request_case').where('entity_id', '=', String(agencyId)).where('action', '=', 'request.answered').executeTakeFirstOrThrow();
    assert.match(String(audit.after_json), /"answerDetail":"other-agency"/);

    // Without a detail, as before: nothing stored.
    const plainId = await register();
    await recordEvent(ctx, editor, plainId, { kind: 'answered', on: '2024-11-20', outcome: 'unable-not-held', answerDetail: '' });
    assert.deepEqual(await stored(plainId), { outcome: 'unable-not-held', answer_detail: null });
  });
});

describeEachDialect('request service: a deadline running into a year the calendar lacks', (t) => {
  it('registers the request without a deadline, says why, and computes it once the year is entered', async () => {
    const store = await t.open();
    try {
      invalidateCalendar(store);
      const clock = new FixedClock('2026-12-15T02:00:00Z');
      const ctx = testContext(store, clock);
      const region = await seedRegion(store, clock);
      const seed = systemActor('test');
      const view = await registerRequest(ctx, seed, { ...PERSON, organizationId: region.litong.id, channel: 'in-person', submittedOn: '2026-12-10' });
      assert.equal(view.clock.deadline, null, 'no deadline is guessed on weekends alone');
      assert.match(view.clock.calendarGap?.messageZh ?? '', /工作日历缺少2027年/);
      assert.ok(view.clock.explanation.some((s) => s.textZh === view.clock.calendarGap?.messageZh), 'the explanation says why there is no deadline');
      const stored = () => store.db.selectFrom('request_case').select(['final_due']).where('id', '=', view.id).executeTakeFirstOrThrow();
      assert.deepEqual(await stored(), { final_due: null });
      // An event that needs the deadline is refused with the same reason.
      await assert.rejects(
        recordEvent(ctx, seed, view.id, { kind: 'extension-approved', on: '2026-12-15', workingDays: 10, reason: '需调取档案', approvedBy: '王主任', noticeOn: '2026-12-15' }),
        (e: unknown) => isGongkaiError(e, 'CALENDAR_YEAR_MISSING'),
      );
      // Test data for 2027 (not the real notice): only 元旦 on Friday 2027-01-01.
      await setCalendarYearAndRebuildCases(ctx, seed, { year: 2027, source: '测试数据（非真实通知）', holidays: { '2027-01-01': '元旦' }, workdays: {} });
      // From 2026-12-11: 12-11 (1), 12-14..18 (6), 12-21..25 (11), 12-28..31 (15), 2027-01-01 off, 01-04..08 (20).
      assert.deepEqual(await stored(), { final_due: '2027-01-08' }, 'the stored deadline was rebuilt in the same transaction');
      assert.equal((await getCase(ctx, seed, view.id)).clock.deadline?.finalDue, '2027-01-08');
    } finally {
      invalidateCalendar(store);
      await t.close(store);
    }
  });
});
