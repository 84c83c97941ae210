import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { EXPECTED_2024_CITY, EXPECTED_2025_CITY, EXPECTED_2025_LITONG, insertRequestCase, REVIEW_FIXTURE, reviewCounts } from '../../test/helpers/review-fixtures.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import { attachmentPath } from '../catalog/attachment.service.ts';
import type { Store } from '../db/dialect.ts';
import { checkIdentities } from '../reports/checker/check-identities.ts';
import { createContext } from '../reports/checker/check-context.ts';
import { buildReport } from '../reports/checker/test-report-builder.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { ReviewCaseInput } from './review-case.ts';
import { REVIEW_TABLE_COLUMN_IDS, reviewTableCells } from './review-table.ts';
import { addReviewDocument, createReview, getReviewDetail, getReviewDocument, listReviews, reviewTableFor, updateReview } from './review.service.ts';

/** Asserts the promise rejects with `code` and (when given) an issue on `field`. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect('review service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let dir: string;
  const clock = new FixedClock('2026-11-30T02:00:00Z');
  const actors = {} as Record<'editor' | 'orgAdmin' | 'auditor' | 'approver' | 'sysAdmin' | 'yanchiEditor', Actor>;

  before(async () => {
    store = await t.open();
    dir = await mkdtemp(join(tmpdir(), 'gk-reviews-'));
    const base = testContext(store, clock);
    ctx = { ...base, config: { ...base.config, attachmentsDir: dir, maxUploadBytes: 1024 } };
    region = await seedRegion(store, clock);
    const user = async (role: Role, organizationId: number | null): Promise<Actor> => actorForUser((await createTestUser(store, clock, { role, organizationId })).user);
    actors.editor = await user('editor', region.litong.id);
    actors.orgAdmin = await user('org_admin', region.litong.id);
    actors.auditor = await user('auditor', region.litong.id);
    actors.approver = await user('approver', region.litong.id);
    actors.sysAdmin = await user('system_admin', null);
    actors.yanchiEditor = await user('editor', region.yanchi.id);
  });
  after(async () => {
    await t.close(store);
    await rm(dir, { recursive: true, force: true });
  });

  const input = (organizationId: number, overrides: Partial<ReviewCaseInput> = {}): ReviewCaseInput => ({
    organizationId,
    path: 'reconsideration',
    applicantName: '王某',
    reviewingBody: '吴忠市人民政府',
    filedOn: '2026-09-01',
    outcome: 'pending',
    ...overrides,
  });
  const inOrder = (values: Readonly<Record<string, number>>): number[] => REVIEW_TABLE_COLUMN_IDS.map((id) => values[id] ?? -1);

  void it('stores the hand-counted fixture (one audit event each) and computes table 四 per subtree and year', async () => {
    const seed = systemActor('test');
    for (const record of REVIEW_FIXTURE) {
      const before = await reviewCounts(store);
      const created = await createReview(ctx, seed, { ...record.input, organizationId: region[record.org].id });
      const afterCounts = await reviewCounts(store);
      assert.deepEqual([afterCounts.reviews, afterCounts.audits], [before.reviews + 1, before.audits + 1], record.label);
      const event = await store.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual([event.action, event.entity_type, event.entity_id, event.organization_id], ['review.create', 'review_case', String(created.id), region[record.org].id]);
    }
    const litongDept = await reviewTableFor(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.deepEqual(inOrder(litongDept.table.values), EXPECTED_2025_LITONG);
    assert.deepEqual([litongDept.table.counted, litongDept.table.excludedCoDefendant], [10, 0]);
    const litong = await reviewTableFor(ctx, actors.auditor, region.litong.id, 2025);
    assert.deepEqual(inOrder(litong.table.values), EXPECTED_2025_LITONG);
    assert.deepEqual([litong.table.counted, litong.table.excludedCoDefendant], [10, 1]);
    const city2025 = await reviewTableFor(ctx, actors.sysAdmin, region.city.id, 2025);
    assert.deepEqual(inOrder(city2025.table.values), EXPECTED_2025_CITY);
    assert.deepEqual([city2025.table.counted, city2025.table.excludedCoDefendant], [11, 1]);
    const city2024 = await reviewTableFor(ctx, actors.sysAdmin, region.city.id, 2024);
    assert.deepEqual(inOrder(city2024.table.values), EXPECTED_2024_CITY);
    assert.deepEqual(litongDept.rows2014, {
      'reconsideration-total': 5,
      'reconsideration-upheld': 1,
      'reconsideration-corrected': 1,
      'reconsideration-other': 3,
      'litigation-total': 5,
      'litigation-upheld': 2,
      'litigation-corrected': 1,
      'litigation-other': 2,
    });
    for (const report of [litongDept, litong, city2025, city2024]) {
      assert.deepEqual(checkIdentities(createContext(buildReport('2021', { cells: reviewTableCells(report.table) }))), []);
    }
    // The table of 盐池县 is not the 利通区 editor's to see.
    await rejectsWith(reviewTableFor(ctx, actors.editor, region.yanchi.id, 2025), 'FORBIDDEN');
    await rejectsWith(reviewTableFor(ctx, PUBLIC_ACTOR, region.litong.id, 2025), 'UNAUTHENTICATED');
    await rejectsWith(reviewTableFor(ctx, actors.editor, region.litong.id, 1999), 'VALIDATION_FAILED', 'year');
    await rejectsWith(reviewTableFor(ctx, actors.sysAdmin, 999_999, 2025), 'ORGANIZATION_UNKNOWN', 'organizationId');
  });

  void it('refuses bad input and every actor without reviews.manage on the organization, writing nothing', async () => {
    const before = await reviewCounts(store);
    const org = region.litongDepartment.id;
    await rejectsWith(createReview(ctx, actors.editor, input(org, { applicantName: '' })), 'VALIDATION_FAILED', 'applicantName');
    await rejectsWith(createReview(ctx, actors.editor, input(org, { filedOn: '2026-02-30' })), 'VALIDATION_FAILED', 'filedOn');
    await rejectsWith(createReview(ctx, actors.editor, input(org, { decidedOn: '2026-08-01', outcome: 'upheld' })), 'VALIDATION_FAILED', 'decidedOn');
    await rejectsWith(createReview(ctx, actors.editor, input(org, { path: 'suit-after-reconsideration', suitFiledOn: '2026-10-01' })), 'VALIDATION_FAILED', 'reconsiderationDecidedOn');
    await rejectsWith(createReview(ctx, actors.editor, input(999_999)), 'ORGANIZATION_UNKNOWN', 'organizationId');
    await rejectsWith(createReview(ctx, actors.yanchiEditor, input(org)), 'FORBIDDEN');
    await rejectsWith(createReview(ctx, actors.auditor, input(org)), 'FORBIDDEN');
    await rejectsWith(createReview(ctx, actors.approver, input(org)), 'FORBIDDEN');
    await rejectsWith(createReview(ctx, actors.sysAdmin, input(org)), 'FORBIDDEN');
    await rejectsWith(createReview(ctx, PUBLIC_ACTOR, input(org)), 'UNAUTHENTICATED');
    assert.deepEqual(await reviewCounts(store), before);
    const created = await createReview(ctx, actors.orgAdmin, input(org));
    assert.equal(created.defendantRole, 'original-agency');
  });

  void it('links a request case of the subtree; refuses an unknown one or one outside the subtree', async () => {
    const own = await insertRequestCase(store, region.litongDepartment.id);
    const other = await insertRequestCase(store, region.yanchiDepartment.id);
    const before = await reviewCounts(store);
    await rejectsWith(createReview(ctx, actors.editor, input(region.litongDepartment.id, { requestCaseId: 999_999 })), 'VALIDATION_FAILED', 'requestCaseId');
    await rejectsWith(createReview(ctx, actors.editor, input(region.litongDepartment.id, { requestCaseId: other })), 'VALIDATION_FAILED', 'requestCaseId');
    // 利通区人民政府 is above 利通区教育局: its request is not in the department's subtree.
    await rejectsWith(createReview(ctx, actors.editor, input(region.litongDepartment.id, { requestCaseId: await insertRequestCase(store, region.litong.id) })), 'VALIDATION_FAILED', 'requestCaseId');
    assert.deepEqual(await reviewCounts(store), before);
    const linked = await createReview(ctx, actors.editor, input(region.litongDepartment.id, { requestCaseId: own }));
    assert.equal(linked.requestCaseId, own);
    // The government above the department may link the department's request (e.g. as reconsideration body).
    const above = await createReview(ctx, actors.editor, input(region.litong.id, { requestCaseId: own }));
    assert.equal(above.requestCaseId, own);
  });

  void it('records the outcome with an audit event holding before and after; refuses stale, invalid and outside changes, writing nothing', async () => {
    const created = await createReview(ctx, actors.editor, input(region.litongDepartment.id, { caseNumber: '吴府复〔2026〕1号' }));
    const before = await reviewCounts(store);
    await rejectsWith(updateReview(ctx, actors.editor, created.id, { decidedOn: '2026-08-31', outcome: 'corrected' }), 'VALIDATION_FAILED', 'decidedOn');
    await rejectsWith(updateReview(ctx, actors.editor, created.id, { decidedOn: '2026-10-20' }), 'VALIDATION_FAILED', 'outcome');
    await rejectsWith(updateReview(ctx, actors.editor, created.id, { outcome: 'corrected' }, '2000-01-01T00:00:00.000Z'), 'CONFLICT');
    await rejectsWith(updateReview(ctx, actors.yanchiEditor, created.id, { outcome: 'pending' }), 'FORBIDDEN');
    await rejectsWith(updateReview(ctx, actors.auditor, created.id, { outcome: 'pending' }), 'FORBIDDEN');
    await rejectsWith(updateReview(ctx, PUBLIC_ACTOR, created.id, { outcome: 'pending' }), 'UNAUTHENTICATED');
    await rejectsWith(updateReview(ctx, actors.editor, 999_999, { outcome: 'pending' }), 'NOT_FOUND');
    assert.deepEqual(await reviewCounts(store), before);

    clock.advance(60_000);
    const updated = await updateReview(ctx, actors.editor, created.id, { decidedOn: '2026-10-20', outcome: 'corrected', caseNumber: null }, created.updatedAt);
    assert.deepEqual([updated.decidedOn, updated.outcome, updated.caseNumber, updated.applicantName], ['2026-10-20', 'corrected', null, '王某']);
    assert.notEqual(updated.updatedAt, created.updatedAt);
    const event = await store.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(event.action, 'review.update');
    assert.equal(event.entity_id, String(created.id));
    assert.equal((JSON.parse(event.before_json ?? '{}') as { outcome: string }).outcome, 'pending');
    assert.equal((JSON.parse(event.after_json ?? '{}') as { outcome: string }).outcome, 'corrected');
    const afterCounts = await reviewCounts(store);
    assert.deepEqual([afterCounts.reviews, afterCounts.audits], [before.reviews, before.audits + 1]);
  });

  void it('lists by subtree and year; reads are refused outside the subtree', async () => {
    const litong2025 = await listReviews(ctx, actors.auditor, { organizationId: region.litong.id, year: 2025 });
    // R1–R11 are counted in 2025 in 利通区's subtree; newest counted date first.
    assert.equal(litong2025.length, 11);
    assert.deepEqual(litong2025.slice(0, 2).map((r) => r.review.filedOn), ['2025-12-01', '2025-11-20']);
    assert.ok(litong2025.every((r) => r.organization.path.startsWith(region.litong.path)));
    const mine = await listReviews(ctx, actors.yanchiEditor, { year: 2025 });
    assert.deepEqual(mine.map((r) => r.organization.name), ['盐池县卫生健康局']);
    const everything = await listReviews(ctx, actors.sysAdmin);
    assert.equal(everything.length, (await reviewCounts(store)).reviews);
    await rejectsWith(listReviews(ctx, actors.editor, { organizationId: region.yanchi.id }), 'FORBIDDEN');
    await rejectsWith(listReviews(ctx, PUBLIC_ACTOR), 'UNAUTHENTICATED');
    const [first] = litong2025;
    assert.ok(first);
    const detail = await getReviewDetail(ctx, actors.auditor, first.review.id);
    assert.equal(detail.organization.id, first.organization.id);
    await rejectsWith(getReviewDetail(ctx, actors.yanchiEditor, first.review.id), 'FORBIDDEN');
    await rejectsWith(getReviewDetail(ctx, actors.editor, 999_999), 'NOT_FOUND');
  });

  void it('stores documents content-addressed with an audit event; refuses wrong types and outsiders, writing nothing', async () => {
    const review = await createReview(ctx, actors.editor, input(region.litongDepartment.id));
    const before = await reviewCounts(store);
    await rejectsWith(addReviewDocument(ctx, actors.editor, review.id, { fileName: 'run.exe', mediaType: 'application/octet-stream', data: Buffer.from('MZ') }, 'decision'), 'UPLOAD_TYPE', 'file');
    await rejectsWith(addReviewDocument(ctx, actors.editor, review.id, { fileName: '决定书.pdf', mediaType: 'application/pdf', data: Buffer.from('MZ\x90\x00') }, 'decision'), 'UPLOAD_TYPE', 'file');
    await rejectsWith(addReviewDocument(ctx, actors.editor, review.id, { fileName: '大.pdf', mediaType: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(2048)]) }, 'decision'), 'UPLOAD_TOO_LARGE');
    await rejectsWith(addReviewDocument(ctx, actors.editor, review.id, { fileName: '决定书.pdf', mediaType: 'application/pdf', data: PDF }, 'verdict' as 'decision'), 'VALIDATION_FAILED', 'kind');
    await rejectsWith(addReviewDocument(ctx, actors.yanchiEditor, review.id, { fileName: '决定书.pdf', mediaType: 'application/pdf', data: PDF }, 'decision'), 'FORBIDDEN');
    await rejectsWith(addReviewDocument(ctx, actors.auditor, review.id, { fileName: '决定书.pdf', mediaType: 'application/pdf', data: PDF }, 'decision'), 'FORBIDDEN');
    await rejectsWith(addReviewDocument(ctx, actors.editor, 999_999, { fileName: '决定书.pdf', mediaType: 'application/pdf', data: PDF }, 'decision'), 'NOT_FOUND');
    assert.deepEqual(await reviewCounts(store), before);

    const document = await addReviewDocument(ctx, actors.editor, review.id, { fileName: '../复议决定书.pdf', mediaType: 'application/pdf', data: PDF }, 'decision');
    assert.deepEqual([document.fileName, document.kind, document.mediaType, document.sizeBytes, document.reviewCaseId], ['复议决定书.pdf', 'decision', 'application/pdf', PDF.length, review.id]);
    const path = attachmentPath(dir, document.sha256);
    assert.deepEqual(await readFile(path), PDF);
    const afterCounts = await reviewCounts(store);
    assert.deepEqual([afterCounts.documents, afterCounts.audits], [before.documents + 1, before.audits + 1]);
    const event = await store.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([event.action, event.entity_type, event.entity_id], ['review.document.add', 'review_case', String(review.id)]);

    assert.deepEqual((await getReviewDetail(ctx, actors.auditor, review.id)).documents.map((d) => d.id), [document.id]);
    assert.equal((await getReviewDocument(ctx, actors.auditor, review.id, document.id)).filePath, path);
    await rejectsWith(getReviewDocument(ctx, actors.yanchiEditor, review.id, document.id), 'FORBIDDEN');
    const otherReview = await createReview(ctx, actors.editor, input(region.litongDepartment.id));
    await rejectsWith(getReviewDocument(ctx, actors.editor, otherReview.id, document.id), 'NOT_FOUND');
  });
});
