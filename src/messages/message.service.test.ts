import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { MESSAGE_FIXTURE } from '../../test/helpers/message-fixtures.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { MessageInput } from './message.ts';
import { insertMessage, selectMessageFiguresBySubtree, updateMessageRow } from './message.repository.ts';
import {
  assignableUsers,
  assignMessage,
  getMessage,
  listMessages,
  messageStatisticsFor,
  publishMessage,
  replyToMessage,
  setMessageReplyDays,
  submitPublicMessage,
} from './message.service.ts';
import { getPublishedMessage, publishedMessages, trackMessage } from './message-portal.service.ts';

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

async function counts(store: Store): Promise<{ messages: number; audits: number }> {
  const m = await store.db.selectFrom('message').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const a = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return { messages: Number(m.n), audits: Number(a.n) };
}

const NAME = '马晓东';
const PHONE = '13909531234';

describeEachDialect('message service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  // Friday 2024-09-27, 10:00 China time.
  const clock = new FixedClock('2024-09-27T02:00:00Z');
  const actors = {} as Record<'editor' | 'orgAdmin' | 'auditor' | 'approver' | 'yanchiEditor' | 'yanchiAdmin', Actor>;
  const ids = {} as Record<'editor' | 'yanchiEditor', number>;

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    const user = async (role: Role, organizationId: number): Promise<Actor> => actorForUser((await createTestUser(store, clock, { role, organizationId })).user);
    actors.editor = await user('editor', region.litong.id);
    actors.orgAdmin = await user('org_admin', region.litong.id);
    actors.auditor = await user('auditor', region.litong.id);
    actors.approver = await user('approver', region.litong.id);
    actors.yanchiEditor = await user('editor', region.yanchi.id);
    actors.yanchiAdmin = await user('org_admin', region.yanchi.id);
    ids.editor = actors.editor.kind === 'user' ? actors.editor.userId : 0;
    ids.yanchiEditor = actors.yanchiEditor.kind === 'user' ? actors.yanchiEditor.userId : 0;
  });
  after(async () => {
    await t.close(store);
  });

  const input = (organizationId: number, overrides: Partial<MessageInput> = {}): MessageInput => ({
    organizationId,
    subject: '关于小区路灯维修的建议',
    body: `我是${NAME}，电话${PHONE}。金积镇某小区路灯已损坏两个月，请尽快维修。`,
    writerName: NAME,
    writerContact: PHONE,
    publishConsent: true,
    ...overrides,
  });

  void it('files a message with the default deadline, the contact sealed, and an audit event without personal data', async () => {
    const before = await counts(store);
    const filed = await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litongDepartment.id));
    // 10 working days after Friday 09-27: 09-29 (Sun, worked) 1, 09-30 2, 10-08 … 10-11 3–6, 10-12 (Sat) 7, 10-14 … 10-16 8–10.
    assert.deepEqual({ ...filed, trackingCode: '' }, { trackingCode: '', organizationName: '利通区教育局', receivedOn: '2024-09-27', dueOn: '2024-10-16' });
    assert.match(filed.trackingCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.deepEqual(await counts(store), { messages: before.messages + 1, audits: before.audits + 1 });
    const row = await store.db.selectFrom('message').selectAll().where('tracking_code', '=', filed.trackingCode).executeTakeFirstOrThrow();
    assert.equal(row.status, 'received');
    assert.match(row.writer_contact, /^pd1:/);
    assert.equal(row.writer_contact.includes(PHONE), false, 'the contact is stored in clear');
    const audit = await store.db.selectFrom('audit_event').selectAll().where('entity_type', '=', 'message').where('entity_id', '=', String(row.id)).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'message.submit');
    assert.equal((audit.after_json ?? '').includes(NAME) || (audit.after_json ?? '').includes(PHONE), false, 'personal data in the audit log');
  });

  void it('refuses bad input and unknown organizations, writing nothing', async () => {
    const before = await counts(store);
    await rejectsWith(submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id, { subject: '', writerContact: '12345' })), 'VALIDATION_FAILED', 'writerContact');
    await rejectsWith(submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id, { body: '字'.repeat(2001) })), 'VALIDATION_FAILED', 'body');
    await rejectsWith(submitPublicMessage(ctx, PUBLIC_ACTOR, input(999_999)), 'VALIDATION_FAILED', 'organizationId');
    assert.deepEqual(await counts(store), before);
  });

  void it('uses the organization reply period, set by its administrators only', async () => {
    await rejectsWith(setMessageReplyDays(ctx, actors.editor, region.litong.id, 15), 'FORBIDDEN');
    await rejectsWith(setMessageReplyDays(ctx, actors.yanchiAdmin, region.litong.id, 15), 'FORBIDDEN');
    await rejectsWith(setMessageReplyDays(ctx, actors.orgAdmin, region.litong.id, 61), 'VALIDATION_FAILED', 'replyDays');
    const before = await counts(store);
    const org = await setMessageReplyDays(ctx, actors.orgAdmin, region.litong.id, 15);
    assert.equal(org.messageReplyDays, 15);
    assert.equal((await counts(store)).audits, before.audits + 1);
    // 15 working days after 09-27: … 10-16 10, 10-17 11, 10-18 12, 10-21 … 10-23 13–15.
    assert.equal((await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id))).dueOn, '2024-10-23');
    // The department below keeps the default (periods are per organization, not inherited).
    assert.equal((await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litongDepartment.id))).dueOn, '2024-10-16');
    await setMessageReplyDays(ctx, actors.orgAdmin, region.litong.id, null);
    assert.equal((await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id))).dueOn, '2024-10-16');
  });

  void it('masks personal data for auditors, hides other subtrees, and refuses the public', async () => {
    const filed = await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id));
    const [mine] = (await listMessages(ctx, actors.editor, { organizationId: region.litong.id })).filter((v) => v.message.trackingCode === filed.trackingCode);
    assert.ok(mine, 'the message is in the queue');
    const id = mine.message.id;
    assert.deepEqual([mine.message.writerName, mine.message.writerContact, mine.masked], [NAME, PHONE, false]);
    const audited = await getMessage(ctx, actors.auditor, id);
    assert.deepEqual([audited.message.writerName, audited.message.writerContact, audited.masked], ['马**', '139****1234', true]);
    await rejectsWith(getMessage(ctx, actors.yanchiEditor, id), 'NOT_FOUND');
    await rejectsWith(getMessage(ctx, PUBLIC_ACTOR, id), 'UNAUTHENTICATED');
    await rejectsWith(listMessages(ctx, actors.yanchiEditor, { organizationId: region.litong.id }), 'FORBIDDEN');
    assert.equal((await listMessages(ctx, actors.yanchiEditor)).length, 0);
  });

  void it('assigns, replies and publishes, each change audited; refuses what the state or the role forbids', async () => {
    const filed = await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id));
    const noConsent = await submitPublicMessage(ctx, PUBLIC_ACTOR, input(region.litong.id, { publishConsent: false }));
    const idOf = async (code: string): Promise<number> => (await store.db.selectFrom('message').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    const id = await idOf(filed.trackingCode);
    const other = await idOf(noConsent.trackingCode);

    const users = await assignableUsers(ctx, actors.editor, id);
    assert.equal(users.some((u) => u.id === ids.editor), true, 'the editor is assignable');
    assert.equal(users.some((u) => u.id === ids.yanchiEditor), false, 'another subtree’s editor is not assignable');
    await rejectsWith(assignMessage(ctx, actors.editor, id, ids.yanchiEditor), 'VALIDATION_FAILED', 'userId');
    await rejectsWith(assignMessage(ctx, actors.auditor, id, ids.editor), 'FORBIDDEN');
    await rejectsWith(publishMessage(ctx, actors.approver, id), 'ILLEGAL_TRANSITION');

    const before = await counts(store);
    assert.equal((await assignMessage(ctx, actors.editor, id, ids.editor)).message.status, 'assigned');
    clock.advance(3 * 86_400_000); // Monday 2024-09-30
    const replied = await replyToMessage(ctx, actors.editor, id, '  您反映的路灯已于9月29日修复，感谢您的监督。 ');
    assert.deepEqual([replied.message.status, replied.message.repliedOn, replied.message.reply], ['replied', '2024-09-30', '您反映的路灯已于9月29日修复，感谢您的监督。']);
    await rejectsWith(replyToMessage(ctx, actors.editor, id, '再次回复'), 'ILLEGAL_TRANSITION');
    await rejectsWith(assignMessage(ctx, actors.editor, id, ids.editor), 'ILLEGAL_TRANSITION');
    await rejectsWith(publishMessage(ctx, actors.editor, id), 'FORBIDDEN');
    const published = await publishMessage(ctx, actors.approver, id, { publicBody: '金积镇某小区路灯已损坏两个月，请尽快维修。' });
    assert.deepEqual([published.message.status, published.message.publicSubject, published.message.publicBody], ['published', '关于小区路灯维修的建议', '金积镇某小区路灯已损坏两个月，请尽快维修。']);
    await rejectsWith(publishMessage(ctx, actors.approver, id), 'ILLEGAL_TRANSITION');
    assert.equal((await counts(store)).audits, before.audits + 3);
    const actions = await store.db.selectFrom('audit_event').select(['action', 'after_json']).where('entity_type', '=', 'message').where('entity_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['message.submit', 'message.assign', 'message.reply', 'message.publish']);
    const logged = actions.map((a) => a.after_json ?? '').join('\n');
    assert.equal(logged.includes(PHONE) || logged.includes(NAME), false, 'personal data in the audit log');

    await replyToMessage(ctx, actors.editor, other, '已转交相关部门办理。');
    await rejectsWith(publishMessage(ctx, actors.approver, other), 'PUBLISH_CONSENT_MISSING');

    // The writer tracks it; the portal shows it with the name masked and the edited text.
    const tracking = await trackMessage(ctx, PUBLIC_ACTOR, filed.trackingCode.toLowerCase().replace(/-/g, ' '));
    assert.deepEqual([tracking.status, tracking.repliedOn, tracking.publishedId], ['published', '2024-09-30', id]);
    await rejectsWith(trackMessage(ctx, PUBLIC_ACTOR, 'ABCD-EFGH-JKLM'), 'NOT_FOUND');
    const exchange = await getPublishedMessage(ctx, PUBLIC_ACTOR, id);
    assert.deepEqual([exchange.writerName, exchange.publicBody, exchange.reply], ['马**', '金积镇某小区路灯已损坏两个月，请尽快维修。', '您反映的路灯已于9月29日修复，感谢您的监督。']);
    await rejectsWith(getPublishedMessage(ctx, PUBLIC_ACTOR, other), 'NOT_FOUND');
    const portal = await publishedMessages(ctx, PUBLIC_ACTOR, { organizationId: region.litong.id });
    assert.deepEqual(portal.rows.map((r) => [r.id, r.writerName]), [[id, '马**']]);
    assert.equal(portal.year, 2024);
    const litong = portal.figures.find((f) => f.organizationId === region.litong.id);
    // 利通区 itself received 5 messages on 09-27 in this suite (2 in the reply-period test, 1 in the masking test, 2 here);
    // 2 were replied on 09-30: 3 calendar days, 2 working days (09-29 Sunday was worked, 09-30).
    assert.deepEqual(litong && { ...litong.statistics }, { received: 5, replied: 2, repliedOnTime: 2, replyRate: 0.4, averageReplyDays: 3, averageReplyWorkingDays: 2, overdue: 0 });
    clock.advance(-3 * 86_400_000);
  });

  void it('computes statistics and the annual-report figures from the stored fixture on both databases', async () => {
    const orgs = { A: region.yanchi.id, B: region.yanchiDepartment.id, C: region.cityDepartment.id };
    const at = '2024-10-20T02:00:00.000Z';
    for (const m of MESSAGE_FIXTURE) {
      const created = await insertMessage(store.db, {
        organizationId: orgs[m.org],
        trackingCode: `FIXT-${m.note.slice(0, 2)}00-0000`,
        subject: m.note,
        body: m.note,
        writerName: '测试',
        writerContact: '13900000000',
        publishConsent: false,
        receivedAt: `${m.receivedOn}T02:00:00.000Z`,
        receivedOn: m.receivedOn,
        dueOn: m.dueOn,
        synthetic: true,
        now: at,
      });
      if (m.repliedOn) await updateMessageRow(store.db, created.id, 'received', 'replied', { kind: 'reply', reply: '已办理', repliedOn: m.repliedOn, repliedBy: null, at });
    }
    const figures = await selectMessageFiguresBySubtree(store.db, region.yanchi.path, '2024-09-01', '2024-09-30');
    assert.deepEqual(
      [...figures.entries()].sort((a, b) => a[0] - b[0]),
      [
        [region.yanchi.id, { received: 5, replied: 4, repliedOnTime: 3, replyDaysTotal: 40 }],
        [region.yanchiDepartment.id, { received: 5, replied: 3, repliedOnTime: 2, replyDaysTotal: 39 }],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const city = await selectMessageFiguresBySubtree(store.db, region.city.path, '2024-09-01', '2024-09-30');
    assert.deepEqual(city.get(region.cityDepartment.id), { received: 1, replied: 1, repliedOnTime: 1, replyDaysTotal: 2 });

    clock.advance(Date.parse('2024-10-20T02:00:00Z') - clock.now().getTime());
    const seed = systemActor('test');
    const one = await messageStatisticsFor(ctx, seed, { organizationId: region.yanchi.id, from: '2024-09-01', to: '2024-09-30' });
    assert.deepEqual(one.statistics, { received: 5, replied: 4, repliedOnTime: 3, replyRate: 0.8, averageReplyDays: 10, averageReplyWorkingDays: 6.5, overdue: 1 });
    const tree = await messageStatisticsFor(ctx, actors.yanchiEditor, { organizationId: region.yanchi.id, from: '2024-09-01', to: '2024-09-30', subtree: true });
    assert.deepEqual(tree.statistics, { received: 10, replied: 7, repliedOnTime: 5, replyRate: 0.7, averageReplyDays: 79 / 7, averageReplyWorkingDays: 48 / 7, overdue: 2 });
    await rejectsWith(messageStatisticsFor(ctx, actors.editor, { organizationId: region.yanchi.id, from: '2024-09-01', to: '2024-09-30' }), 'FORBIDDEN');
    await rejectsWith(messageStatisticsFor(ctx, seed, { organizationId: region.yanchi.id, from: '2024-09-31', to: '2024-09-30' }), 'VALIDATION_FAILED', 'from');
    // The queue's overdue filter: A4 (due 10-10) and A7 (due 10-18) are unanswered and past due on 10-20.
    const overdue = await listMessages(ctx, actors.yanchiEditor, { organizationId: region.yanchi.id, overdue: true });
    assert.deepEqual(overdue.filter((v) => v.organization.id === region.yanchi.id).map((v) => v.message.dueOn), ['2024-10-10', '2024-10-18']);
    assert.equal(overdue.every((v) => v.overdue), true, 'every listed message is overdue');
  });
});
