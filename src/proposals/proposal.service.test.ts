import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
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
import type { ProposalInput } from './proposal.ts';
import { selectProposalFiguresBySubtree } from './proposal.repository.ts';
import {
  createProposal,
  getProposal,
  getPublishedProposal,
  listProposals,
  listPublishedProposals,
  proposalStatisticsFor,
  publishProposal,
  replyToProposal,
  updateProposal,
  withholdProposal,
} from './proposal.service.ts';

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

async function counts(store: Store): Promise<{ proposals: number; audits: number }> {
  const p = await store.db.selectFrom('deputy_proposal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const a = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { proposals: Number(p.n), audits: Number(a.n) };
}

describeEachDialect('proposal service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const clock = new FixedClock('2026-11-30T02:00:00Z');
  const actors = {} as Record<'editor' | 'approver' | 'auditor' | 'sysAdmin' | 'yanchiEditor' | 'yanchiApprover', Actor>;

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    const user = async (role: Role, organizationId: number | null): Promise<Actor> => actorForUser((await createTestUser(store, clock, { role, organizationId })).user);
    actors.editor = await user('editor', region.litong.id);
    actors.approver = await user('approver', region.litong.id);
    actors.auditor = await user('auditor', region.litong.id);
    actors.sysAdmin = await user('system_admin', null);
    actors.yanchiEditor = await user('editor', region.yanchi.id);
    actors.yanchiApprover = await user('approver', region.yanchi.id);
  });
  after(() => t.close(store));

  const input = (organizationId: number, overrides: Partial<ProposalInput> = {}): ProposalInput => ({
    organizationId,
    kind: 'npc_suggestion',
    session: '区十届人大五次会议',
    number: '第1号',
    title: '关于改善学校周边交通的建议',
    proposer: '王五',
    receivedOn: '2026-03-15',
    ...overrides,
  });

  void it('registers with the default due date and one audit event; refuses duplicates, bad input and outsiders, writing nothing', async () => {
    const before = await counts(store);
    const created = await createProposal(ctx, actors.editor, input(region.litongDepartment.id));
    assert.deepEqual([created.dueOn, created.role, created.disclosure, created.repliedOn], ['2026-06-15', 'lead', 'pending', null]);
    assert.deepEqual(await counts(store), { proposals: before.proposals + 1, audits: before.audits + 1 });
    const event = await store.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([event.action, event.entity_type, event.entity_id, event.organization_id], ['proposal.create', 'deputy_proposal', String(created.id), region.litongDepartment.id]);

    const configured = { ...ctx, config: { ...ctx.config, proposalReplyMonths: 2 } };
    assert.equal((await createProposal(configured, actors.editor, input(region.litongDepartment.id, { number: '第2号', receivedOn: '2026-10-31' }))).dueOn, '2026-12-31');

    const mid = await counts(store);
    await rejectsWith(createProposal(ctx, actors.editor, input(region.litongDepartment.id)), 'VALIDATION_FAILED', 'number');
    // The same number in another kind or another organization is a different record.
    const other = await createProposal(ctx, actors.editor, input(region.litongDepartment.id, { kind: 'cppcc_proposal', session: '区政协九届五次会议' }));
    await rejectsWith(createProposal(ctx, actors.editor, input(region.litongDepartment.id, { title: '' })), 'VALIDATION_FAILED', 'title');
    await rejectsWith(createProposal(ctx, actors.editor, input(region.litongDepartment.id, { number: '第9号', receivedOn: '2026-12-01' })), 'VALIDATION_FAILED', 'receivedOn');
    await rejectsWith(createProposal(ctx, actors.editor, input(region.litongDepartment.id, { number: '第9号', dueOn: '2026-03-01' })), 'VALIDATION_FAILED', 'dueOn');
    await rejectsWith(createProposal(ctx, actors.editor, input(region.yanchi.id)), 'FORBIDDEN');
    await rejectsWith(createProposal(ctx, actors.approver, input(region.litong.id, { number: '第9号' })), 'FORBIDDEN');
    await rejectsWith(createProposal(ctx, actors.auditor, input(region.litong.id, { number: '第9号' })), 'FORBIDDEN');
    await rejectsWith(createProposal(ctx, PUBLIC_ACTOR, input(region.litong.id, { number: '第9号' })), 'UNAUTHENTICATED');
    await rejectsWith(createProposal(ctx, actors.sysAdmin, input(region.litong.id, { number: '第9号' })), 'FORBIDDEN');
    await rejectsWith(createProposal(ctx, actors.editor, input(999_999)), 'ORGANIZATION_UNKNOWN', 'organizationId');
    assert.deepEqual(await counts(store), { proposals: mid.proposals + 1, audits: mid.audits + 1 });
    assert.equal(other.kind, 'cppcc_proposal');

    // Correcting to a taken number is refused on `number` too.
    const second = await createProposal(ctx, actors.editor, input(region.litongDepartment.id, { number: '第3号' }));
    await rejectsWith(updateProposal(ctx, actors.editor, second.id, { number: '第1号' }), 'VALIDATION_FAILED', 'number');
    const corrected = await updateProposal(ctx, actors.editor, second.id, { receivedOn: '2026-04-01', dueOn: '' }, second.updatedAt);
    assert.deepEqual([corrected.receivedOn, corrected.dueOn], ['2026-04-01', '2026-07-01']);
    await rejectsWith(updateProposal(ctx, actors.editor, second.id, { title: '新标题' }, '2000-01-01T00:00:00.000Z'), 'CONFLICT');
  });

  void it('replies, then publishes or withholds (approvers only), each audited; decided records are fixed', async () => {
    const org = region.litong.id;
    const p = await createProposal(ctx, actors.editor, input(org, { number: '第10号' }));
    await rejectsWith(publishProposal(ctx, actors.approver, p.id), 'ILLEGAL_TRANSITION');
    await rejectsWith(replyToProposal(ctx, actors.editor, p.id, { repliedOn: '2026-03-14', replySummary: '已答复', adoption: 'planned' }), 'VALIDATION_FAILED', 'repliedOn');
    await rejectsWith(replyToProposal(ctx, actors.auditor, p.id, { repliedOn: '2026-05-20', replySummary: '已答复', adoption: 'planned' }), 'FORBIDDEN');
    await rejectsWith(replyToProposal(ctx, actors.yanchiEditor, p.id, { repliedOn: '2026-05-20', replySummary: '已答复', adoption: 'planned' }), 'FORBIDDEN');
    const before = await counts(store);
    const replied = await replyToProposal(ctx, actors.editor, p.id, { repliedOn: '2026-05-20', replySummary: '已将学校周边道路改造列入2027年计划。', adoption: 'planned' });
    assert.deepEqual([replied.repliedOn, replied.adoption], ['2026-05-20', 'planned']);
    await rejectsWith(updateProposal(ctx, actors.editor, p.id, { receivedOn: '2026-05-21' }), 'VALIDATION_FAILED', 'receivedOn');
    await rejectsWith(publishProposal(ctx, actors.editor, p.id), 'FORBIDDEN');
    await rejectsWith(publishProposal(ctx, actors.yanchiApprover, p.id), 'FORBIDDEN');
    await rejectsWith(publishProposal(ctx, actors.sysAdmin, p.id), 'FORBIDDEN');
    await rejectsWith(publishProposal(ctx, actors.approver, p.id, '2026-05-19'), 'VALIDATION_FAILED', 'publishedOn');
    const published = await publishProposal(ctx, actors.approver, p.id);
    assert.deepEqual([published.disclosure, published.publishedOn], ['published', '2026-11-30']);
    assert.deepEqual(await counts(store), { proposals: before.proposals, audits: before.audits + 2 });
    const actions = await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'deputy_proposal').where('entity_id', '=', String(p.id)).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['proposal.create', 'proposal.reply', 'proposal.publish']);
    await rejectsWith(withholdProposal(ctx, actors.approver, p.id, '涉及国家秘密'), 'ILLEGAL_TRANSITION');
    await rejectsWith(replyToProposal(ctx, actors.editor, p.id, { repliedOn: '2026-05-21', replySummary: '改', adoption: 'explained' }), 'ILLEGAL_TRANSITION');
    await rejectsWith(updateProposal(ctx, actors.editor, p.id, { title: '改' }), 'ILLEGAL_TRANSITION');

    const secret = await createProposal(ctx, actors.editor, input(org, { number: '第11号', kind: 'cppcc_proposal', session: '区政协九届五次会议' }));
    await replyToProposal(ctx, actors.editor, secret.id, { repliedOn: '2026-04-01', replySummary: '涉密答复', adoption: 'solved_or_adopted' });
    await rejectsWith(withholdProposal(ctx, actors.approver, secret.id, '涉密'), 'VALIDATION_FAILED', 'withheldReason');
    const withheld = await withholdProposal(ctx, actors.approver, secret.id, '涉及国家秘密');
    assert.deepEqual([withheld.disclosure, withheld.withheldReason, withheld.publishedOn], ['withheld', '涉及国家秘密', null]);

    // The portal: the published one, never the withheld one (only its count).
    const portal = await listPublishedProposals(ctx, PUBLIC_ACTOR, { organizationId: region.litong.id });
    assert.deepEqual(portal.published.map((r) => r.proposal.id), [p.id]);
    assert.deepEqual(portal.withheld, [{ year: 2026, kind: 'cppcc_proposal', count: 1 }]);
    assert.equal((await getPublishedProposal(ctx, PUBLIC_ACTOR, p.id)).proposal.title, '关于改善学校周边交通的建议');
    await rejectsWith(getPublishedProposal(ctx, PUBLIC_ACTOR, secret.id), 'NOT_FOUND');
    assert.deepEqual((await listPublishedProposals(ctx, PUBLIC_ACTOR, { organizationId: region.yanchi.id })).published, []);
    assert.deepEqual((await listPublishedProposals(ctx, PUBLIC_ACTOR, { year: 2025 })).withheld, []);
  });

  void it('lists by subtree, year, kind and status, and computes the statistics and per-organization figures', async () => {
    const yanchi = region.yanchiDepartment.id;
    const seed = systemActor('test');
    // 盐池县卫生健康局, 2026 (today 2026-11-30):
    // A npc lead, replied 05-01 (on time), published; B npc joint, unreplied, due 09-01 → overdue;
    // C cppcc lead, replied 2026-07-01 after due 06-10, pending; D cppcc lead, received 2025 (other year).
    const a = await createProposal(ctx, seed, input(yanchi, { number: 'A', receivedOn: '2026-02-01' }));
    await replyToProposal(ctx, seed, a.id, { repliedOn: '2026-05-01', replySummary: '已采纳', adoption: 'solved_or_adopted' });
    await publishProposal(ctx, seed, a.id, '2026-05-10');
    const b = await createProposal(ctx, seed, input(yanchi, { number: 'B', role: 'joint', receivedOn: '2026-06-01' }));
    const c = await createProposal(ctx, seed, input(yanchi, { number: 'C', kind: 'cppcc_proposal', receivedOn: '2026-03-10' }));
    await replyToProposal(ctx, seed, c.id, { repliedOn: '2026-07-01', replySummary: '正在办理', adoption: 'being_solved' });
    await createProposal(ctx, seed, input(yanchi, { number: 'D', kind: 'cppcc_proposal', receivedOn: '2025-12-20' }));
    const e = await createProposal(ctx, seed, input(region.yanchi.id, { number: 'E', receivedOn: '2026-11-01' }));

    const ids = async (query: Parameters<typeof listProposals>[2]): Promise<number[]> => (await listProposals(ctx, actors.yanchiEditor, query)).map((r) => r.proposal.id);
    assert.deepEqual(await ids({ organizationId: region.yanchi.id, year: 2026 }), [e.id, b.id, c.id, a.id]);
    assert.deepEqual(await ids({ year: 2026, status: 'overdue' }), [b.id]);
    assert.deepEqual(await ids({ year: 2026, status: 'unreplied' }), [e.id]);
    assert.deepEqual(await ids({ year: 2026, status: 'replied' }), [c.id]);
    assert.deepEqual(await ids({ year: 2026, status: 'published' }), [a.id]);
    assert.deepEqual(await ids({ year: 2026, kind: 'cppcc_proposal' }), [c.id]);
    assert.equal((await getProposal(ctx, actors.yanchiEditor, b.id)).organization.name, '盐池县卫生健康局');
    await rejectsWith(getProposal(ctx, actors.editor, b.id), 'FORBIDDEN');
    await rejectsWith(listProposals(ctx, actors.editor, { organizationId: region.yanchi.id }), 'FORBIDDEN');
    // The 利通区 editor's list never shows 盐池县's records.
    assert.ok((await listProposals(ctx, actors.editor, {})).every((r) => r.organization.path.startsWith(region.litong.path)));

    const report = await proposalStatisticsFor(ctx, actors.yanchiEditor, region.yanchi.id, 2026);
    assert.deepEqual(report.statistics.byKind.npc_suggestion, { received: 3, lead: 2, replied: 1, repliedOnTime: 1, replyRate: 1 / 3, published: 1, withheld: 0, pendingDisclosure: 2, overdue: 1 });
    assert.deepEqual(report.statistics.byKind.cppcc_proposal, { received: 1, lead: 1, replied: 1, repliedOnTime: 0, replyRate: 1, published: 0, withheld: 0, pendingDisclosure: 1, overdue: 0 });
    assert.equal(report.statistics.total.received, 4);
    assert.equal(report.statistics.total.replyRate, 0.5);
    assert.deepEqual(
      report.organizations.map((o) => [o.organization.name, o.figures]),
      [
        ['盐池县人民政府', { npcReceived: 1, npcReplied: 0, cppccReceived: 0, cppccReplied: 0, published: 0, withheld: 0 }],
        ['盐池县卫生健康局', { npcReceived: 2, npcReplied: 1, cppccReceived: 1, cppccReplied: 1, published: 1, withheld: 0 }],
      ],
    );
    const figures = await selectProposalFiguresBySubtree(store.db, region.yanchiDepartment.path, '2025-01-01', '2025-12-31');
    assert.deepEqual([...figures.entries()], [[yanchi, { npcReceived: 0, npcReplied: 0, cppccReceived: 1, cppccReplied: 0, published: 0, withheld: 0 }]]);
    await rejectsWith(proposalStatisticsFor(ctx, actors.editor, region.yanchi.id, 2026), 'FORBIDDEN');
    await rejectsWith(proposalStatisticsFor(ctx, actors.yanchiEditor, region.yanchi.id, 1999), 'VALIDATION_FAILED', 'year');
    await rejectsWith(proposalStatisticsFor(ctx, PUBLIC_ACTOR, region.yanchi.id, 2026), 'UNAUTHENTICATED');
  });
});
