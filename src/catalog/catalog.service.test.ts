import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { CatalogWorld } from '../../test/helpers/catalog-fixtures.ts';
import { catalogCounts, catalogWorld, draftInput, freshOrganization, isIndexed, itemAuditActions } from '../../test/helpers/catalog-fixtures.ts';
import { createTestUser } from '../../test/helpers/factories.ts';
import { actorForUser } from '../auth/session.service.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ErrorCode } from '../shared/errors.ts';
import { catalogDashboard, getItem, getItemDetail, listCatalogItems } from './catalog-query.service.ts';
import { lastIndexSerial, nextIndexSerial } from './catalog-item.repository.ts';
import { approveAndPublish, createDraft, linkInterpretation, returnItem, submitItem, supersedeItem, updateDraft, withdrawItem, writeNewItem } from './catalog.service.ts';
import { validateCatalogItemInput } from './catalog-item.schema.ts';
import { getPublicItem } from './catalog-public.service.ts';

/** Asserts the promise rejects with `code` and (when given) an issue on `field`. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

describeEachDialect('catalog service', (t) => {
  // One store and world per dialect (opening stores and hashing passwords is what costs time);
  // each test that needs its own index-number sequence or lists makes a fresh organization.
  let shared: { store: Store; clock: FixedClock; w: CatalogWorld } | undefined;
  before(async () => {
    const store = await t.open();
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    shared = { store, clock, w: await catalogWorld(store, clock) };
  });
  after(async () => {
    if (shared) await t.close(shared.store);
  });
  function setup(): Promise<{ store: Store; clock: FixedClock; w: CatalogWorld }> {
    assert.ok(shared);
    return Promise.resolve(shared);
  }

  void it('refuses bad input naming the field and writes nothing', async () => {
    const { store, w } = await setup();
    const first = await createDraft(w.ctx, w.editor, draftInput(w.office.id, { indexNumber: '640300032/2026-00077' }));
    const before = await catalogCounts(store);
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { indexNumber: '640300032/2026-00077' })), 'INDEX_NUMBER_DUPLICATE', 'indexNumber');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { creationDate: '2026-12-01' })), 'VALIDATION_FAILED', 'creationDate');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { publicationDate: '2026-11-01' })), 'VALIDATION_FAILED', 'publicationDate');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { summary: '概'.repeat(101) })), 'VALIDATION_FAILED', 'summary');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { disclosureType: 'exempt' })), 'VALIDATION_FAILED', 'nonDisclosureReason');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { bodyHtml: '<p>x</p><script>alert(1)</script>' })), 'VALIDATION_FAILED', 'bodyHtml');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(999_999)), 'ORGANIZATION_UNKNOWN', 'organizationId');
    await rejectsWith(createDraft(w.ctx, w.yanchiEditor, draftInput(w.office.id)), 'FORBIDDEN');
    await rejectsWith(createDraft(w.ctx, PUBLIC_ACTOR, draftInput(w.office.id)), 'UNAUTHENTICATED');
    await rejectsWith(createDraft(w.ctx, w.approver, draftInput(w.office.id)), 'FORBIDDEN');
    assert.deepEqual(await catalogCounts(store), before);
    assert.equal(first.status, 'draft');
  });

  void it('creates a draft with a sanitized body, no index number and one audit event', async () => {
    const { w, store } = await setup();
    const item = await createDraft(w.ctx, w.editor, draftInput(w.office.id, { bodyHtml: '<p style="x">正文<a href="https://www.gov.cn">链接</a></p>', keywords: '公开，通知' }));
    assert.equal(item.indexNumber, null);
    assert.equal(item.publicationDate, null);
    assert.equal(item.bodyHtml, '<p>正文<a href="https://www.gov.cn" rel="noopener noreferrer">链接</a></p>');
    assert.equal(item.bodyText, '正文链接');
    assert.deepEqual(item.keywords, ['公开', '通知']);
    assert.equal(item.createdBy, w.editorUser.id);
    assert.deepEqual(await itemAuditActions(store, item.id), ['catalog.item.create']);
  });

  void it('publishes through submit → approve, numbering 640300032/2026-00001 then -00002, with one audit event per step', async () => {
    const { w, store, clock } = await setup();
    const a = await createDraft(w.ctx, w.editor, draftInput(w.office.id));
    await rejectsWith(approveAndPublish(w.ctx, w.approver, a.id), 'ILLEGAL_TRANSITION', 'status');
    await rejectsWith(submitItem(w.ctx, w.approver, a.id), 'FORBIDDEN');
    const submitted = await submitItem(w.ctx, w.editor, a.id);
    assert.equal(submitted.status, 'submitted');
    await rejectsWith(approveAndPublish(w.ctx, w.editor, a.id), 'FORBIDDEN');
    clock.advance(60_000);
    const published = await approveAndPublish(w.ctx, w.approver, a.id);
    assert.equal(published.status, 'published');
    assert.equal(published.indexNumber, '640300032/2026-00001');
    assert.equal(published.publicationDate, '2026-11-30');
    assert.equal(published.approvedBy, w.approverUser.id);
    assert.equal(published.approvedAt, clock.now().toISOString());
    assert.deepEqual(await itemAuditActions(store, a.id), ['catalog.item.create', 'catalog.item.submit', 'catalog.item.publish']);

    const b = await createDraft(w.ctx, w.editor, draftInput(w.office.id, { title: '第二件' }));
    await submitItem(w.ctx, w.editor, b.id);
    assert.equal((await approveAndPublish(w.ctx, w.approver, b.id)).indexNumber, '640300032/2026-00002');
    // A published item cannot be edited, and its index number never changes.
    await rejectsWith(updateDraft(w.ctx, w.editor, a.id, { indexNumber: '640300032/2026-00009' }, published.updatedAt), 'INDEX_NUMBER_IMMUTABLE', 'indexNumber');
    await rejectsWith(updateDraft(w.ctx, w.editor, a.id, { title: '改' }, published.updatedAt), 'ILLEGAL_TRANSITION');
    await rejectsWith(approveAndPublish(w.ctx, w.approver, a.id), 'ILLEGAL_TRANSITION');
  });

  void it('never reuses a serial: withdrawn items keep theirs, imported numbers are skipped, the sequence never goes back', async () => {
    const { w } = await setup();
    const org = await freshOrganization(w, { code: '640300034' });
    const publish = async (title: string): Promise<string | null> => {
      const d = await createDraft(w.ctx, w.editor, draftInput(org.id, { title }));
      await submitItem(w.ctx, w.editor, d.id);
      return (await approveAndPublish(w.ctx, w.approver, d.id)).indexNumber;
    };
    assert.equal(await publish('一'), '640300034/2026-00001');
    const first = (await listCatalogItems(w.ctx, w.editor, { status: 'published', organizationId: org.id })).items[0];
    assert.ok(first);
    await withdrawItem(w.ctx, w.approver, first.id, '内容有误');
    // An item imported with the next number in the sequence: generation skips it.
    const imported = validateCatalogItemInput(draftInput(org.id, { title: '导入', indexNumber: '640300034/2026-00002', publicationDate: '2026-11-20' }), '2026-11-30');
    assert.ok(imported.ok);
    await w.ctx.store.db.transaction().execute((trx) => writeNewItem(w.ctx, trx, systemActor('import'), imported.value, { published: true, imported: true }));
    assert.equal(await publish('三'), '640300034/2026-00003');
    assert.equal(await lastIndexSerial(w.ctx.store.db, org.id, 2026), 3);
    // A failed (rolled back) transaction leaves the sequence where it was, and it never hands out a serial twice.
    await assert.rejects(
      w.ctx.store.db.transaction().execute(async (trx) => {
        assert.equal(await nextIndexSerial(trx, org.id, 2026), 4);
        throw new Error('roll back');
      }),
    );
    const serials = await Promise.all([1, 2, 3, 4].map(() => w.ctx.store.db.transaction().execute((trx) => nextIndexSerial(trx, org.id, 2026))));
    assert.deepEqual([...serials].sort((x, y) => x - y), [4, 5, 6, 7]);
  });

  void it('fills an organization template with {mm}', async () => {
    const { w } = await setup();
    const d = await createDraft(w.ctx, w.editor, draftInput(w.monthly.id));
    await submitItem(w.ctx, w.editor, d.id);
    assert.equal((await approveAndPublish(w.ctx, w.approver, d.id)).indexNumber, '640300033/202611-0001');
  });

  void it('keeps a hand-given index number at publication', async () => {
    const { w } = await setup();
    const org = await freshOrganization(w);
    const d = await createDraft(w.ctx, w.editor, draftInput(org.id, { indexNumber: '640300032/2026-00500' }));
    await submitItem(w.ctx, w.editor, d.id);
    assert.equal((await approveAndPublish(w.ctx, w.approver, d.id)).indexNumber, '640300032/2026-00500');
    assert.equal(await lastIndexSerial(w.ctx.store.db, org.id, 2026), 0);
  });

  void it('updates drafts with optimistic concurrency and returns submitted items with a comment', async () => {
    const { w, store } = await setup();
    const d = await createDraft(w.ctx, w.editor, draftInput(w.office.id));
    const edited = await updateDraft(w.ctx, w.editor, d.id, { title: '修改后的标题', summary: '' }, d.updatedAt);
    assert.equal(edited.title, '修改后的标题');
    assert.equal(edited.summary, null);
    assert.equal(edited.documentNumber, '吴政办发〔2026〕19号');
    // The fixed clock has not moved: updatedAt still advances, so the stale copy is refused.
    assert.ok(edited.updatedAt > d.updatedAt);
    await rejectsWith(updateDraft(w.ctx, w.editor, d.id, { title: '旧副本' }, d.updatedAt), 'CONFLICT');
    await rejectsWith(updateDraft(w.ctx, w.editor, d.id, { summary: '长'.repeat(101) }, edited.updatedAt), 'VALIDATION_FAILED', 'summary');
    await rejectsWith(updateDraft(w.ctx, w.yanchiEditor, d.id, { title: 'x' }, edited.updatedAt), 'FORBIDDEN');
    await submitItem(w.ctx, w.editor, d.id);
    await rejectsWith(returnItem(w.ctx, w.approver, d.id, '  '), 'VALIDATION_FAILED', 'comment');
    const returned = await returnItem(w.ctx, w.approver, d.id, '请补充文号');
    assert.equal(returned.status, 'draft');
    assert.deepEqual(await itemAuditActions(store, d.id), ['catalog.item.create', 'catalog.item.update', 'catalog.item.submit', 'catalog.item.return']);
    const note = await store.db.selectFrom('audit_event').select('note').where('action', '=', 'catalog.item.return').executeTakeFirstOrThrow();
    assert.equal(note.note, '请补充文号');
  });

  void it('stores 发布渠道 as JSON, edits it on drafts, keeps it when a patch leaves it out, and shows it publicly', async () => {
    const { w, store } = await setup();
    const storedChannels = async (id: number): Promise<unknown> => JSON.parse((await store.db.selectFrom('catalog_item').select('channels').where('id', '=', id).executeTakeFirstOrThrow()).channels);
    const plain = await createDraft(w.ctx, w.editor, draftInput(w.office.id));
    assert.deepEqual(plain.channels, ['website']);
    assert.deepEqual(await storedChannels(plain.id), ['website']);
    const d = await createDraft(w.ctx, w.editor, draftInput(w.office.id, { channels: ['wechat', 'website'] }));
    assert.deepEqual(d.channels, ['website', 'wechat']);
    assert.deepEqual(await storedChannels(d.id), ['website', 'wechat']);
    assert.deepEqual((await getItem(w.ctx, w.editor, d.id)).item.channels, ['website', 'wechat']);
    const edited = await updateDraft(w.ctx, w.editor, d.id, { channels: 'gazette weibo' }, d.updatedAt);
    assert.deepEqual(edited.channels, ['gazette', 'weibo']);
    const retitled = await updateDraft(w.ctx, w.editor, d.id, { title: '只改标题' }, edited.updatedAt);
    assert.deepEqual(retitled.channels, ['gazette', 'weibo']);
    const before = await catalogCounts(store);
    await rejectsWith(updateDraft(w.ctx, w.editor, d.id, { channels: [] }, retitled.updatedAt), 'VALIDATION_FAILED', 'channels');
    await rejectsWith(createDraft(w.ctx, w.editor, draftInput(w.office.id, { channels: ['website', 'fax'] })), 'VALIDATION_FAILED', 'channels');
    assert.deepEqual(await catalogCounts(store), before);
    assert.deepEqual(await storedChannels(d.id), ['gazette', 'weibo']);
    const audit = await store.db.selectFrom('audit_event').select('after_json').where('entity_type', '=', 'catalog_item').where('entity_id', '=', String(d.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((JSON.parse(audit.after_json ?? '{}') as { channels?: unknown }).channels, ['gazette', 'weibo']);
    await submitItem(w.ctx, w.editor, d.id);
    await approveAndPublish(w.ctx, w.approver, d.id);
    assert.deepEqual((await getPublicItem(w.ctx, PUBLIC_ACTOR, d.id)).item.channels, ['gazette', 'weibo']);
    // Text this code never writes reads as known codes once each, or as the column's default.
    await store.db.updateTable('catalog_item').set({ channels: '["weibo","fax","weibo"]' }).where('id', '=', plain.id).execute();
    assert.deepEqual((await getItem(w.ctx, w.editor, plain.id)).item.channels, ['weibo']);
    await store.db.updateTable('catalog_item').set({ channels: 'not json' }).where('id', '=', plain.id).execute();
    assert.deepEqual((await getItem(w.ctx, w.editor, plain.id)).item.channels, ['website']);
  });

  void it('withdraws with a reason and supersedes by a published item of the same organization', async () => {
    const { w, store, clock } = await setup();
    const publish = async (org: number, title: string): Promise<number> => {
      const d = await createDraft(w.ctx, w.editor, draftInput(org, { title }));
      await submitItem(w.ctx, w.editor, d.id);
      return (await approveAndPublish(w.ctx, w.approver, d.id)).id;
    };
    const org = await freshOrganization(w);
    const otherOrg = await freshOrganization(w);
    const a = await publish(org.id, '旧文件');
    const b = await publish(org.id, '新文件');
    const other = await publish(otherOrg.id, '别的机构');
    const draft = await createDraft(w.ctx, w.editor, draftInput(org.id));
    // Only published items are in the search table.
    assert.deepEqual([await isIndexed(store, a), await isIndexed(store, b), await isIndexed(store, draft.id)], [true, true, false]);
    await rejectsWith(withdrawItem(w.ctx, w.approver, a, ''), 'VALIDATION_FAILED', 'reason');
    await rejectsWith(withdrawItem(w.ctx, w.editor, a, '错误'), 'FORBIDDEN');
    await rejectsWith(withdrawItem(w.ctx, w.approver, draft.id, '错误'), 'ILLEGAL_TRANSITION');
    await rejectsWith(supersedeItem(w.ctx, w.approver, a, other), 'VALIDATION_FAILED', 'byItemId');
    await rejectsWith(supersedeItem(w.ctx, w.approver, a, draft.id), 'VALIDATION_FAILED', 'byItemId');
    await rejectsWith(supersedeItem(w.ctx, w.approver, a, a), 'VALIDATION_FAILED', 'byItemId');
    const superseded = await supersedeItem(w.ctx, w.approver, a, b);
    assert.equal(superseded.status, 'superseded');
    assert.equal(superseded.supersededById, b);
    const withdrawn = await withdrawItem(w.ctx, w.approver, b, '政策调整');
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.withdrawalReason, '政策调整');
    assert.equal(withdrawn.withdrawnAt, clock.now().toISOString());
    await rejectsWith(withdrawItem(w.ctx, w.approver, b, '再次'), 'ILLEGAL_TRANSITION');
    assert.deepEqual([await isIndexed(store, a), await isIndexed(store, b), await isIndexed(store, other)], [false, false, true]);
    assert.deepEqual((await itemAuditActions(store, a)).slice(-1), ['catalog.item.supersede']);
    assert.deepEqual((await itemAuditActions(store, b)).slice(-1), ['catalog.item.withdraw']);
    // Gone from the public, still there for staff.
    await rejectsWith(getItem(w.ctx, PUBLIC_ACTOR, b), 'NOT_FOUND');
    assert.equal((await getItem(w.ctx, w.editor, b)).item.status, 'withdrawn');
    for (const organizationId of [org.id, otherOrg.id]) {
      const publicList = await listCatalogItems(w.ctx, PUBLIC_ACTOR, { organizationId });
      assert.deepEqual(publicList.items.map((i) => i.id), organizationId === org.id ? [] : [other]);
    }
  });

  void it('links policy interpretations (genre interpretation only)', async () => {
    const { w, store } = await setup();
    const policy = await createDraft(w.ctx, w.editor, draftInput(w.office.id, { genre: 'normative_document' }));
    const interp = await createDraft(w.ctx, w.editor, draftInput(w.office.id, { genre: 'interpretation', title: '《通知》政策解读' }));
    const notInterp = await createDraft(w.ctx, w.editor, draftInput(w.office.id));
    const before = await catalogCounts(store);
    await rejectsWith(linkInterpretation(w.ctx, w.editor, policy.id, notInterp.id), 'VALIDATION_FAILED', 'interpretationItemId');
    await rejectsWith(linkInterpretation(w.ctx, w.editor, interp.id, interp.id), 'VALIDATION_FAILED', 'interpretationItemId');
    await rejectsWith(linkInterpretation(w.ctx, w.yanchiEditor, policy.id, interp.id), 'FORBIDDEN');
    assert.deepEqual(await catalogCounts(store), before);
    assert.equal(await linkInterpretation(w.ctx, w.editor, policy.id, interp.id), true);
    assert.equal(await linkInterpretation(w.ctx, w.editor, policy.id, interp.id), false);
    const detail = await getItemDetail(w.ctx, w.editor, policy.id);
    assert.deepEqual(detail.interpretations.map((i) => i.id), [interp.id]);
    assert.deepEqual((await getItemDetail(w.ctx, w.editor, interp.id)).interprets.map((i) => i.id), [policy.id]);
    assert.equal((await catalogCounts(store)).audits, before.audits + 1);
  });

  void it('lists by subtree and filters, and builds the dashboard', async () => {
    const { w, store, clock } = await setup();
    const org = await freshOrganization(w);
    const editor = actorForUser((await createTestUser(store, clock, { role: 'editor', organizationId: org.id })).user);
    const approver = actorForUser((await createTestUser(store, clock, { role: 'approver', organizationId: org.id })).user);
    const old = await createDraft(w.ctx, editor, draftInput(org.id, { creationDate: '2026-09-01', title: '超期草稿' }));
    await createDraft(w.ctx, w.editor, draftInput(w.region.yanchiDepartment.id, { title: '盐池县草稿' }));
    // Not proactively disclosed: the 20-working-day rule does not apply, so no timeliness warning.
    await createDraft(w.ctx, editor, draftInput(org.id, { creationDate: '2026-09-01', title: '不予公开草稿', disclosureType: 'exempt', nonDisclosureReason: '涉及国家秘密' }));
    const s = await createDraft(w.ctx, editor, draftInput(org.id, { title: '待审核' }));
    await submitItem(w.ctx, editor, s.id);
    const yanchiView = await listCatalogItems(w.ctx, w.yanchiEditor, { status: 'all', q: '盐池县草稿' });
    assert.deepEqual(yanchiView.items.map((i) => i.title), ['盐池县草稿']);
    assert.equal((await listCatalogItems(w.ctx, editor, { status: 'all', q: '盐池县草稿' })).total, 0);
    const orgView = await listCatalogItems(w.ctx, editor, { status: 'draft', q: '超期' });
    assert.deepEqual(orgView.items.map((i) => i.id), [old.id]);
    assert.equal(orgView.items[0]?.timeliness.status, 'overdue');
    assert.equal((await listCatalogItems(w.ctx, editor, { status: 'all', q: '100%_' })).total, 0);
    assert.equal((await listCatalogItems(w.ctx, editor, { status: 'all', year: 2026, organizationId: org.id })).total, 3);
    assert.equal((await listCatalogItems(w.ctx, editor, { status: 'all', year: 2025, organizationId: org.id })).total, 0);
    await rejectsWith(listCatalogItems(w.ctx, PUBLIC_ACTOR, { status: 'draft' }), 'UNAUTHENTICATED');
    const dashboard = await catalogDashboard(w.ctx, approver);
    assert.equal(dashboard.counts.draft, 2);
    assert.equal(dashboard.counts.submitted, 1);
    assert.equal(dashboard.counts.published, 0);
    assert.deepEqual(dashboard.awaitingApproval.map((i) => i.id), [s.id]);
    assert.deepEqual(dashboard.overdueOrLate.map((i) => i.id), [old.id]);
    // From 2026-09-01 (Tue): 9-02…9-04 3, 9-07…9-11 8, 9-14…9-18 13, 9-20 (Sun, make-up) 14, 9-21…9-24 18
    // (9-25 Mid-Autumn), 9-28 19, 9-29 20.
    assert.equal(dashboard.overdueOrLate[0]?.timeliness.deadline, '2026-09-29');
  });
});
