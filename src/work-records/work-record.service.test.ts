import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { selectWorkRecordFiguresBySubtree } from './work-record-figures.repository.ts';
import { computeWorkRecordFigures } from './work-record-figures.ts';
import {
  createWorkRecord,
  deleteWorkRecord,
  getStaffing,
  getWorkRecord,
  listPublicReadingPoints,
  listWorkRecords,
  saveStaffing,
  updateWorkRecord,
  workRecordFiguresFor,
} from './work-record.service.ts';

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

async function counts(store: Store): Promise<{ audits: number; records: number }> {
  const db = store.db;
  const n = async (table: 'audit_event' | 'ogi_staffing' | 'reading_point' | 'ogi_meeting' | 'training_session' | 'ogi_complaint'): Promise<number> =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { audits: await n('audit_event'), records: (await n('ogi_staffing')) + (await n('reading_point')) + (await n('ogi_meeting')) + (await n('training_session')) + (await n('ogi_complaint')) };
}

describeEachDialect('work record service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const clock = new FixedClock('2026-11-30T02:00:00Z');
  const seed = systemActor('test');
  const actors = {} as Record<'editor' | 'auditor' | 'approver' | 'yanchiEditor', Actor>;

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    const user = async (role: Role, organizationId: number): Promise<Actor> => actorForUser((await createTestUser(store, clock, { role, organizationId })).user);
    actors.editor = await user('editor', region.litong.id);
    actors.auditor = await user('auditor', region.litong.id);
    actors.approver = await user('approver', region.litong.id);
    actors.yanchiEditor = await user('editor', region.yanchi.id);
  });
  after(() => t.close(store));

  void it('staffing: upsert per organization and year with one audit event each, optimistic check, funding exact', async () => {
    const before0 = await counts(store);
    const values = { ogiOffices: 1, staffFullTime: 3, staffPartTime: 12, funding: 123.4567, note: ' 含编外人员 ' };
    const created = await saveStaffing(ctx, actors.editor, region.litong.id, 2025, values, { expectedUpdatedAt: null });
    assert.deepEqual([created.ogiOffices, created.staffFullTime, created.staffPartTime, created.funding, created.note], [1, 3, 12, 123.4567, '含编外人员']);
    assert.deepEqual(await counts(store), { audits: before0.audits + 1, records: before0.records + 1 });
    const read = await getStaffing(ctx, actors.auditor, region.litong.id, 2025);
    assert.equal(read.staffing?.funding, 123.4567);
    assert.equal((await getStaffing(ctx, actors.auditor, region.litong.id, 2024)).staffing, null);

    // Someone saved meanwhile: creating again (null) and a stale timestamp are conflicts; nothing changes.
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2025, values, { expectedUpdatedAt: null }), 'CONFLICT');
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2025, values, { expectedUpdatedAt: '2000-01-01T00:00:00.000Z' }), 'CONFLICT');
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2024, values, { expectedUpdatedAt: created.updatedAt }), 'CONFLICT');
    clock.advance(1000);
    const updated = await saveStaffing(ctx, actors.editor, region.litong.id, 2025, { ...values, staffFullTime: 4, funding: 0.1 }, { expectedUpdatedAt: created.updatedAt });
    assert.deepEqual([updated.id, updated.staffFullTime, updated.funding], [created.id, 4, 0.1]);
    assert.notEqual(updated.updatedAt, created.updatedAt);
    assert.deepEqual(await counts(store), { audits: before0.audits + 2, records: before0.records + 1 });
    const audit = await store.db.selectFrom('audit_event').select(['action', 'entity_type', 'organization_id']).where('entity_type', '=', 'ogi_staffing').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['ogi_staffing.create', 'ogi_staffing.update']);

    // Bad input changes nothing.
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2025, { ...values, funding: 1.23456 }), 'VALIDATION_FAILED', 'funding');
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2025, { ...values, funding: Number.NaN }), 'VALIDATION_FAILED', 'funding');
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2025, { ...values, staffPartTime: -1 }), 'VALIDATION_FAILED', 'staffPartTime');
    await rejectsWith(saveStaffing(ctx, actors.editor, region.litong.id, 2027, values), 'VALIDATION_FAILED', 'year');
    await rejectsWith(saveStaffing(ctx, actors.editor, 999_999, 2025, values), 'ORGANIZATION_UNKNOWN');
    // Permissions: other subtree, read-only roles, the public.
    await rejectsWith(saveStaffing(ctx, actors.yanchiEditor, region.litong.id, 2025, values), 'FORBIDDEN');
    await rejectsWith(saveStaffing(ctx, actors.auditor, region.litong.id, 2025, values), 'FORBIDDEN');
    await rejectsWith(saveStaffing(ctx, actors.approver, region.litong.id, 2025, values), 'FORBIDDEN');
    await rejectsWith(getStaffing(ctx, PUBLIC_ACTOR, region.litong.id, 2025), 'UNAUTHENTICATED');
    await rejectsWith(getStaffing(ctx, actors.yanchiEditor, region.litong.id, 2025), 'FORBIDDEN');
    assert.deepEqual(await counts(store), { audits: before0.audits + 2, records: before0.records + 1 });
  });

  void it('list records: create, update with optimistic check, delete, each audited; bad input changes nothing', async () => {
    const before0 = await counts(store);
    const meeting = await createWorkRecord(ctx, actors.editor, 'meeting', region.litongDepartment.id, { heldOn: '2026-03-02', title: ' 政务公开工作会议 ', kind: 'working' });
    assert.deepEqual([meeting.title, meeting.kind, meeting.organizationId], ['政务公开工作会议', 'working', region.litongDepartment.id]);
    await rejectsWith(createWorkRecord(ctx, actors.editor, 'meeting', region.litong.id, { heldOn: '2026-12-01', title: '', kind: 'working' }), 'VALIDATION_FAILED', 'heldOn');
    await rejectsWith(createWorkRecord(ctx, actors.yanchiEditor, 'meeting', region.litong.id, { heldOn: '2026-03-02', title: '会议', kind: 'working' }), 'FORBIDDEN');
    await rejectsWith(createWorkRecord(ctx, actors.auditor, 'meeting', region.litong.id, { heldOn: '2026-03-02', title: '会议', kind: 'working' }), 'FORBIDDEN');
    assert.deepEqual(await counts(store), { audits: before0.audits + 1, records: before0.records + 1 });

    await rejectsWith(updateWorkRecord(ctx, actors.editor, 'meeting', meeting.id, { kind: 'special' }, '2000-01-01T00:00:00.000Z'), 'CONFLICT');
    await rejectsWith(updateWorkRecord(ctx, actors.editor, 'meeting', meeting.id, { heldOn: '2026-02-30' }), 'VALIDATION_FAILED', 'heldOn');
    clock.advance(1000);
    const changed = await updateWorkRecord(ctx, actors.editor, 'meeting', meeting.id, { kind: 'special' }, meeting.updatedAt);
    assert.deepEqual([changed.kind, changed.title, changed.heldOn], ['special', '政务公开工作会议', '2026-03-02']);
    assert.equal((await getWorkRecord(ctx, actors.auditor, 'meeting', meeting.id)).record.kind, 'special');
    await rejectsWith(getWorkRecord(ctx, actors.yanchiEditor, 'meeting', meeting.id), 'FORBIDDEN');
    await rejectsWith(getWorkRecord(ctx, actors.auditor, 'complaint', meeting.id + 10_000), 'NOT_FOUND');

    await rejectsWith(deleteWorkRecord(ctx, actors.editor, 'meeting', meeting.id, meeting.updatedAt), 'CONFLICT');
    await deleteWorkRecord(ctx, actors.editor, 'meeting', meeting.id, changed.updatedAt);
    await rejectsWith(getWorkRecord(ctx, actors.editor, 'meeting', meeting.id), 'NOT_FOUND');
    const actions = await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'ogi_meeting').where('entity_id', '=', String(meeting.id)).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['ogi_meeting.create', 'ogi_meeting.update', 'ogi_meeting.delete']);
    assert.deepEqual(await counts(store), { audits: before0.audits + 3, records: before0.records });

    const complaint = await createWorkRecord(ctx, actors.editor, 'complaint', region.litong.id, { receivedOn: '2026-05-06', channel: 'phone', summary: '未按期答复', outcome: '', closedOn: '' });
    assert.deepEqual([complaint.outcome, complaint.closedOn], [null, null]);
    await rejectsWith(updateWorkRecord(ctx, actors.editor, 'complaint', complaint.id, { closedOn: '2026-05-01' }), 'VALIDATION_FAILED', 'closedOn');
    const closed = await updateWorkRecord(ctx, actors.editor, 'complaint', complaint.id, { outcome: '已督促整改', closedOn: '2026-05-20' });
    assert.deepEqual([closed.outcome, closed.closedOn], ['已督促整改', '2026-05-20']);
    await deleteWorkRecord(ctx, actors.editor, 'complaint', complaint.id);
  });

  void it('figures of a year per organization and subtree equal the hand count and the pure computation', async () => {
    // A fresh subtree so earlier tests do not add to it.
    const root = await createOrganization(ctx, seed, { parentId: region.city.id, name: '红寺堡区人民政府', kind: 'government', level: 'county', organizationCode: '640303000', competentDepartmentId: region.city.id });
    const child = await createOrganization(ctx, seed, { parentId: root.id, name: '红寺堡区民政局', kind: 'department', level: 'county', organizationCode: '640303101', competentDepartmentId: root.id });
    await saveStaffing(ctx, seed, root.id, 2025, { ogiOffices: 1, staffFullTime: 2, staffPartTime: 5, funding: 0.1, note: null });
    await saveStaffing(ctx, seed, child.id, 2025, { ogiOffices: 0, staffFullTime: 1, staffPartTime: 3, funding: 0.2, note: null });
    await saveStaffing(ctx, seed, child.id, 2024, { ogiOffices: 9, staffFullTime: 9, staffPartTime: 9, funding: 9, note: null });
    const point = (openedOn: string, closedOn: string | null) => ({ name: `查阅点${openedOn}`, address: '红寺堡区', openingHours: null, openedOn, closedOn });
    const points = [point('2020-01-01', null), point('2025-12-31', null), point('2026-01-01', null), point('2019-01-01', '2025-12-31'), point('2019-01-01', '2026-01-01')];
    for (const p of points) await createWorkRecord(ctx, seed, 'reading-point', root.id, p);
    await createWorkRecord(ctx, seed, 'reading-point', child.id, point('2025-06-01', null));
    const meetings = [{ org: root.id, heldOn: '2025-01-01' }, { org: root.id, heldOn: '2025-12-31' }, { org: root.id, heldOn: '2024-12-31' }, { org: child.id, heldOn: '2025-07-01' }];
    for (const m of meetings) await createWorkRecord(ctx, seed, 'meeting', m.org, { heldOn: m.heldOn, title: '会议', kind: 'working' });
    const trainings = [{ org: root.id, heldOn: '2025-03-01', attendees: 40 }, { org: child.id, heldOn: '2025-11-11', attendees: 25 }, { org: child.id, heldOn: '2026-01-05', attendees: 100 }];
    for (const tr of trainings) await createWorkRecord(ctx, seed, 'training-session', tr.org, { heldOn: tr.heldOn, title: '培训班', attendees: tr.attendees });
    for (const receivedOn of ['2025-02-02', '2025-12-31', '2026-01-01']) await createWorkRecord(ctx, seed, 'complaint', child.id, { receivedOn, channel: 'letter', summary: '投诉', outcome: null, closedOn: null });

    await rejectsWith(workRecordFiguresFor(ctx, actors.auditor, root.id, 2025), 'FORBIDDEN');
    const rootOwn = await workRecordFiguresFor(ctx, seed, root.id, 2025);
    assert.deepEqual(rootOwn.figures, { ogiOffices: 1, staffFullTime: 2, staffPartTime: 5, staff: 7, funding: 0.1, readingPoints: 3, meetings: 2, trainingSessions: 1, trainees: 40, complaints: 0 });
    const rolled = await workRecordFiguresFor(ctx, seed, root.id, 2025, true);
    assert.deepEqual(rolled.figures, { ogiOffices: 1, staffFullTime: 3, staffPartTime: 8, staff: 11, funding: 0.3, readingPoints: 4, meetings: 3, trainingSessions: 2, trainees: 65, complaints: 2 });

    const byOrg = await selectWorkRecordFiguresBySubtree(store.db, root.path, 2025);
    assert.deepEqual([...byOrg.keys()].sort((a, b) => a - b), [root.id, child.id]);
    assert.deepEqual(byOrg.get(child.id), { ogiOffices: 0, staffFullTime: 1, staffPartTime: 3, staff: 4, funding: 0.2, readingPoints: 1, meetings: 1, trainingSessions: 1, trainees: 25, complaints: 2 });
    // The SQL aggregates agree with the pure computation over the same records.
    const childRecords = {
      staffing: [{ year: 2025, ogiOffices: 0, staffFullTime: 1, staffPartTime: 3, funding: 0.2 }, { year: 2024, ogiOffices: 9, staffFullTime: 9, staffPartTime: 9, funding: 9 }],
      readingPoints: [{ openedOn: '2025-06-01', closedOn: null }],
      meetings: [{ heldOn: '2025-07-01' }],
      trainingSessions: [{ heldOn: '2025-11-11', attendees: 25 }, { heldOn: '2026-01-05', attendees: 100 }],
      complaints: [{ receivedOn: '2025-02-02' }, { receivedOn: '2025-12-31' }, { receivedOn: '2026-01-01' }],
    };
    assert.deepEqual(byOrg.get(child.id), computeWorkRecordFigures(childRecords, 2025));
    assert.deepEqual((await selectWorkRecordFiguresBySubtree(store.db, child.path, 2024)).get(child.id)?.staff, 18);

    const listed = await listWorkRecords(ctx, seed, 'reading-point', root.id, 2025);
    // Open at some time in 2025: all but the one opened in 2026.
    assert.deepEqual(listed.records.map((r) => r.openedOn), ['2025-12-31', '2020-01-01', '2019-01-01', '2019-01-01']);
    assert.equal((await listWorkRecords(ctx, seed, 'complaint', child.id, 2026)).records.length, 1);
  });

  void it('the public sees the reading points open today (2026-11-30, China time)', async () => {
    const org = region.yanchiDepartment.id;
    await createWorkRecord(ctx, seed, 'reading-point', org, { name: '盐池县图书馆查阅点', address: '盐池县花马池镇', openingHours: '周二至周日 9:00–17:00', openedOn: '2026-11-30', closedOn: null });
    await createWorkRecord(ctx, seed, 'reading-point', org, { name: '已撤销的查阅点', address: '盐池县', openingHours: null, openedOn: '2020-01-01', closedOn: '2026-11-30' });
    const { date, points } = await listPublicReadingPoints(ctx, PUBLIC_ACTOR);
    assert.equal(date, '2026-11-30');
    const names = points.map((p) => p.point.name);
    assert.ok(names.includes('盐池县图书馆查阅点'));
    assert.ok(!names.includes('已撤销的查阅点'));
    assert.equal(points.find((p) => p.point.name === '盐池县图书馆查阅点')?.organizationName, '盐池县卫生健康局');
  });
});
