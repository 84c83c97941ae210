import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { insertItem } from '../../test/helpers/catalog-rows.ts';
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
import { countEngagement, engagementFigures, sumEngagementCounts } from './engagement-statistics.ts';
import { getPublicEngagement, listPublicInterpretationsOfItem } from './engagement-public.service.ts';
import { selectEngagementFiguresBySubtree } from './engagement.repository.ts';
import {
  createConcernResponse,
  createInterpretation,
  createPressEvent,
  deleteConcernResponse,
  deletePressEvent,
  engagementFiguresFor,
  getInterpretation,
  getPressEvent,
  listConcernResponsesFor,
  listInterpretationsFor,
  listPressEventsFor,
  updateInterpretation,
  updatePressEvent,
} from './engagement.service.ts';

/** Asserts the promise rejects with `code` and (when given) an issue on `field`. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

describeEachDialect('engagement service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const clock = new FixedClock('2026-11-30T02:00:00Z');
  const seed = systemActor('test-seed');
  const actors = {} as Record<'editor' | 'auditor' | 'approver' | 'yanchiEditor', Actor>;
  const items = { policy: 0, draft: 0, interpretationItem: 0, other: 0, yanchiPolicy: 0 };

  const count = async (table: 'press_event' | 'press_event_item' | 'policy_interpretation' | 'concern_response' | 'audit_event'): Promise<number> =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const auditActions = async (entityType: string, entityId: number): Promise<string[]> =>
    (await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', entityType).where('entity_id', '=', String(entityId)).orderBy('id').execute()).map((r) => r.action);

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    const user = async (role: Role, organizationId: number): Promise<Actor> => actorForUser((await createTestUser(store, clock, { role, organizationId })).user);
    actors.editor = await user('editor', region.litong.id);
    actors.auditor = await user('auditor', region.litong.id);
    actors.approver = await user('approver', region.litong.id);
    actors.yanchiEditor = await user('editor', region.yanchi.id);
    items.policy = await insertItem(store, { organization_id: region.litong.id, title: '利通区优化营商环境若干措施', index_number: '640302000/2026-00042', publication_date: '2026-11-19', genre: 'notice' });
    items.draft = await insertItem(store, { organization_id: region.litong.id, title: '草稿中的政策', status: 'draft' });
    items.interpretationItem = await insertItem(store, { organization_id: region.litong.id, title: '一图读懂营商环境若干措施', genre: 'interpretation', publication_date: '2026-11-20' });
    items.other = await insertItem(store, { organization_id: region.litong.id, title: '新闻发布会通稿' });
    items.yanchiPolicy = await insertItem(store, { organization_id: region.yanchi.id, title: '盐池县政策', publication_date: '2025-03-03' });
  });
  after(async () => {
    await t.close(store);
  });

  void it('records the three kinds with their links, audits each change, and shows the timeliness', async () => {
    const concern = await createConcernResponse(ctx, actors.editor, { organizationId: region.litong.id, topic: ' 冬季供暖 ', channel: 'weibo_wechat', respondedOn: '2026-11-02', summary: '', url: 'https://weibo.example.cn/1' });
    assert.deepEqual([concern.topic, concern.summary, concern.channel], ['冬季供暖', null, 'weibo_wechat']);
    const event = await createPressEvent(ctx, actors.editor, {
      organizationId: region.litong.id,
      kind: 'press_conference',
      heldOn: '2026-11-20',
      topic: '营商环境新闻发布会',
      principalLeaderAttended: true,
      concernResponseId: concern.id,
      itemIds: [items.other, items.policy],
    });
    const loaded = await getPressEvent(ctx, actors.auditor, event.id);
    assert.deepEqual(loaded.items.map((i) => i.id), [items.policy, items.other].sort((a, b) => a - b));
    assert.equal(loaded.event.principalLeaderAttended, true);
    // The policy by its 索引号; published 3 working days after Thursday 11-19 (Tue 11-24): timely.
    const interpretation = await createInterpretation(ctx, actors.editor, {
      organizationId: region.litong.id,
      policyIndexNumber: '640302000/2026-00042',
      title: '图解：营商环境若干措施',
      form: 'graphic',
      publishedOn: '2026-11-24',
      interpretationItemId: items.interpretationItem,
    });
    assert.equal(interpretation.policyItemId, items.policy);
    const view = await getInterpretation(ctx, actors.auditor, interpretation.id);
    assert.deepEqual(view.timeliness, { status: 'on_time', deadline: '2026-11-24', workingDaysAfterPolicy: 3, allowedWorkingDays: 3 });
    assert.equal(view.policy.title, '利通区优化营商环境若干措施');
    const later = await updateInterpretation(ctx, actors.editor, interpretation.id, { publishedOn: '2026-11-25' }, interpretation.updatedAt);
    assert.equal(later.publishedOn, '2026-11-25');
    assert.deepEqual((await getInterpretation(ctx, actors.editor, interpretation.id)).timeliness, { status: 'late', deadline: '2026-11-24', workingDaysAfterPolicy: 4, allowedWorkingDays: 3 });

    assert.deepEqual(await auditActions('concern_response', concern.id), ['engagement.concern_response.create']);
    assert.deepEqual(await auditActions('press_event', event.id), ['engagement.press_event.create']);
    assert.deepEqual(await auditActions('policy_interpretation', interpretation.id), ['engagement.interpretation.create', 'engagement.interpretation.update']);

    // The item page's records: the url is absent, so the link is the published interpretation item's page.
    const onItem = await listPublicInterpretationsOfItem(ctx, PUBLIC_ACTOR, items.policy);
    assert.deepEqual(onItem, [{ id: interpretation.id, title: '图解：营商环境若干措施', form: 'graphic', publishedOn: '2026-11-25', interpretationItemId: items.interpretationItem, href: `/items/${items.interpretationItem}` }]);
    const portal = await getPublicEngagement(ctx, PUBLIC_ACTOR, { year: 2026, organizationId: region.city.id });
    assert.deepEqual([portal.pressEvents.length, portal.interpretations.length, portal.concernResponses.length], [1, 1, 1]);
  });

  void it('refuses bad input and writes nothing', async () => {
    const before = await Promise.all([count('press_event'), count('policy_interpretation'), count('concern_response'), count('audit_event')]);
    const base = { organizationId: region.litong.id, title: '解读', form: 'text' as const, publishedOn: '2026-11-25' };
    await rejectsWith(createInterpretation(ctx, actors.editor, { ...base, policyItemId: items.draft }), 'VALIDATION_FAILED', 'policyItemId');
    await rejectsWith(createInterpretation(ctx, actors.editor, { ...base, policyIndexNumber: 'no/such' }), 'VALIDATION_FAILED', 'policyIndexNumber');
    await rejectsWith(createInterpretation(ctx, actors.editor, base), 'VALIDATION_FAILED', 'policyItemId');
    await rejectsWith(createInterpretation(ctx, actors.editor, { ...base, policyItemId: items.policy, publishedOn: '2026-11-18' }), 'VALIDATION_FAILED', 'publishedOn');
    await rejectsWith(createInterpretation(ctx, actors.editor, { ...base, policyItemId: items.policy, interpretationItemId: items.other }), 'VALIDATION_FAILED', 'interpretationItemId');
    await rejectsWith(createPressEvent(ctx, actors.editor, { organizationId: region.litong.id, kind: 'online_interview', heldOn: '2026-12-01', topic: '未来' }), 'VALIDATION_FAILED', 'heldOn');
    await rejectsWith(createPressEvent(ctx, actors.editor, { organizationId: region.litong.id, kind: 'online_interview', heldOn: '2026-11-01', topic: '访谈', itemIds: [999_999] }), 'VALIDATION_FAILED', 'itemIds');
    await rejectsWith(createConcernResponse(ctx, actors.editor, { organizationId: region.litong.id, topic: '热点', channel: 'website', respondedOn: '2026-11-01', url: 'javascript:alert(1)' }), 'VALIDATION_FAILED', 'url');
    await rejectsWith(createConcernResponse(ctx, actors.editor, { organizationId: 999_999, topic: '热点', channel: 'website', respondedOn: '2026-11-01' }), 'ORGANIZATION_UNKNOWN');
    // A concern response of another organization cannot be named.
    const yanchiConcern = await createConcernResponse(ctx, seed, { organizationId: region.yanchi.id, topic: '盐池热点', channel: 'media', respondedOn: '2026-10-01' });
    await rejectsWith(createPressEvent(ctx, actors.editor, { organizationId: region.litong.id, kind: 'press_conference', heldOn: '2026-11-01', topic: '发布会', concernResponseId: yanchiConcern.id }), 'VALIDATION_FAILED', 'concernResponseId');
    const after = await Promise.all([count('press_event'), count('policy_interpretation'), count('concern_response'), count('audit_event')]);
    assert.deepEqual(after, [before[0], before[1], (before[2] ?? 0) + 1, (before[3] ?? 0) + 1], 'only the seeded 盐池 concern response and its audit event were written');
  });

  void it('checks permissions and narrows lists to the caller’s subtrees', async () => {
    const input = { organizationId: region.litong.id, topic: '权限测试', channel: 'other' as const, respondedOn: '2026-11-03' };
    await rejectsWith(createConcernResponse(ctx, PUBLIC_ACTOR, input), 'UNAUTHENTICATED');
    await rejectsWith(createConcernResponse(ctx, actors.auditor, input), 'FORBIDDEN');
    await rejectsWith(createConcernResponse(ctx, actors.approver, input), 'FORBIDDEN');
    await rejectsWith(createConcernResponse(ctx, actors.yanchiEditor, input), 'FORBIDDEN');
    await rejectsWith(listPressEventsFor(ctx, actors.yanchiEditor, { organizationId: region.litong.id }), 'FORBIDDEN');
    const yanchiList = await listConcernResponsesFor(ctx, actors.yanchiEditor, { year: 2026 });
    assert.ok(yanchiList.length > 0 && yanchiList.every((r) => r.organization.path.startsWith(region.yanchi.path)));
    const litongList = await listConcernResponsesFor(ctx, actors.auditor, {});
    assert.ok(litongList.every((r) => r.organization.path.startsWith(region.litong.path)));
    await rejectsWith(listInterpretationsFor(ctx, actors.auditor, { year: 1999 }), 'VALIDATION_FAILED', 'year');
  });

  void it('updates with a concurrency check, refuses deleting a linked concern response, deletes', async () => {
    const concern = await createConcernResponse(ctx, actors.editor, { organizationId: region.litong.id, topic: '停水', channel: 'website', respondedOn: '2026-11-05' });
    const event = await createPressEvent(ctx, actors.editor, { organizationId: region.litong.id, kind: 'online_interview', heldOn: '2026-11-06', topic: '停水访谈', concernResponseId: concern.id, itemIds: [items.other] });
    await rejectsWith(updatePressEvent(ctx, actors.editor, event.id, { topic: '改' }, '2020-01-01T00:00:00.000Z'), 'CONFLICT');
    await rejectsWith(updatePressEvent(ctx, actors.yanchiEditor, event.id, { topic: '改' }), 'FORBIDDEN');
    const updated = await updatePressEvent(ctx, actors.editor, event.id, { itemIds: [], principalLeaderAttended: true }, event.updatedAt);
    assert.deepEqual([updated.itemIds, updated.principalLeaderAttended, updated.topic], [[], true, '停水访谈']);
    await rejectsWith(deleteConcernResponse(ctx, actors.editor, concern.id), 'CONFLICT');
    await deletePressEvent(ctx, actors.editor, event.id);
    await deleteConcernResponse(ctx, actors.editor, concern.id);
    await rejectsWith(getPressEvent(ctx, actors.editor, event.id), 'NOT_FOUND');
    assert.deepEqual(await auditActions('press_event', event.id), ['engagement.press_event.create', 'engagement.press_event.update', 'engagement.press_event.delete']);
    assert.deepEqual(await auditActions('concern_response', concern.id), ['engagement.concern_response.create', 'engagement.concern_response.delete']);
  });

  void it('aggregates section 二 per organization in SQL, equal to the pure count and to hand values (2025)', async () => {
    const org = { litong: region.litong.id, dept: region.litongDepartment.id, yanchi: region.yanchi.id };
    const concernA = await createConcernResponse(ctx, seed, { organizationId: org.litong, topic: 'A', channel: 'weibo_wechat', respondedOn: '2025-02-02' });
    await createConcernResponse(ctx, seed, { organizationId: org.litong, topic: 'B', channel: 'press', respondedOn: '2025-09-09' });
    await createConcernResponse(ctx, seed, { organizationId: org.dept, topic: 'C', channel: 'weibo_wechat', respondedOn: '2025-12-31' });
    await createConcernResponse(ctx, seed, { organizationId: org.yanchi, topic: 'D', channel: 'other', respondedOn: '2025-01-01' });
    await createConcernResponse(ctx, seed, { organizationId: org.litong, topic: 'E', channel: 'website', respondedOn: '2024-12-31' });
    const press = (organizationId: number, kind: 'press_conference' | 'online_interview', heldOn: string, leader: boolean, concernResponseId: number | null): Promise<unknown> =>
      createPressEvent(ctx, seed, { organizationId, kind, heldOn, topic: '发布', principalLeaderAttended: leader, concernResponseId });
    await press(org.litong, 'press_conference', '2025-03-01', true, null);
    await press(org.litong, 'press_conference', '2025-05-10', false, concernA.id);
    await press(org.litong, 'online_interview', '2025-06-01', true, null);
    await press(org.dept, 'online_interview', '2025-07-01', false, null);
    await press(org.yanchi, 'press_conference', '2025-08-01', true, null);
    await press(org.litong, 'press_conference', '2024-06-01', true, null);
    await createInterpretation(ctx, seed, { organizationId: org.litong, policyItemId: items.yanchiPolicy, title: '解读一', form: 'text', publishedOn: '2025-04-04' });
    await createInterpretation(ctx, seed, { organizationId: org.litong, policyItemId: items.yanchiPolicy, title: '解读二', form: 'video', publishedOn: '2025-04-05', concernResponseId: concernA.id });
    await createInterpretation(ctx, seed, { organizationId: org.yanchi, policyItemId: items.yanchiPolicy, title: '解读三', form: 'interview', publishedOn: '2025-03-03' });

    const map = await selectEngagementFiguresBySubtree(store.db, region.city.path, '2025-01-01', '2025-12-31');
    assert.deepEqual(map.get(org.litong), { pressConferences: 2, pressConferencesWithLeader: 1, onlineInterviews: 1, onlineInterviewsWithLeader: 1, interpretations: 2, concernResponses: 2, weiboWechatResponses: 1, otherResponses: 1, unlinkedEvents: 3 });
    assert.deepEqual(map.get(org.dept), { pressConferences: 0, pressConferencesWithLeader: 0, onlineInterviews: 1, onlineInterviewsWithLeader: 0, interpretations: 0, concernResponses: 1, weiboWechatResponses: 1, otherResponses: 0, unlinkedEvents: 1 });
    assert.deepEqual(map.get(org.yanchi), { pressConferences: 1, pressConferencesWithLeader: 1, onlineInterviews: 0, onlineInterviewsWithLeader: 0, interpretations: 1, concernResponses: 1, weiboWechatResponses: 0, otherResponses: 1, unlinkedEvents: 2 });
    assert.equal(map.size, 3);
    const litongOnly = await selectEngagementFiguresBySubtree(store.db, region.litong.path, '2025-01-01', '2025-12-31');
    assert.deepEqual([...litongOnly.keys()].sort((a, b) => a - b), [org.litong, org.dept].sort((a, b) => a - b));

    // The pure count over the same rows gives the same total.
    const db = store.db;
    const rows = {
      pressEvents: (await db.selectFrom('press_event').selectAll().execute()).map((r) => ({ kind: r.kind as 'press_conference', heldOn: r.held_on, principalLeaderAttended: r.principal_leader_attended === 1, concernResponseId: r.concern_response_id })),
      interpretations: (await db.selectFrom('policy_interpretation').selectAll().execute()).map((r) => ({ publishedOn: r.published_on, concernResponseId: r.concern_response_id })),
      concernResponses: (await db.selectFrom('concern_response').selectAll().execute()).map((r) => ({ channel: r.channel as 'other', respondedOn: r.responded_on })),
    };
    assert.deepEqual(countEngagement(rows, '2025-01-01', '2025-12-31'), sumEngagementCounts(map.values()));

    const report = await engagementFiguresFor(ctx, actors.auditor, org.litong, 2025);
    assert.deepEqual(report.figures, { responses: 7, pressConferences: 2, pressConferencesWithLeader: 1, onlineInterviews: 2, onlineInterviewsWithLeader: 1, interpretations: 2, weiboWechatResponses: 2, otherResponses: 1 });
    assert.equal(engagementFigures(sumEngagementCounts(map.values())).responses, 10);
    await rejectsWith(engagementFiguresFor(ctx, actors.yanchiEditor, org.litong, 2025), 'FORBIDDEN');
  });
});
