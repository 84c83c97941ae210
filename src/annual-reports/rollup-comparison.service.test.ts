/**
 * The roll-up comparison of 吴忠市's 2025 report on the synthetic year (test/helpers/report-trace-world.ts,
 * synthetic-requests.ts): each member's own figures for 2025 and 2024, counted by hand from the
 * scripts, and the flags they raise. Runs on SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { reportTraceWorld, storeReportStatus } from '../../test/helpers/report-trace-world.ts';
import type { ReportTraceWorld } from '../../test/helpers/report-trace-world.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { compareRollupMembers } from './rollup-comparison.service.ts';

describeEachDialect('compareRollupMembers', (t) => {
  let store: Store;
  let w: ReportTraceWorld;

  before(async () => {
    store = await t.open();
    w = await reportTraceWorld(store);
    await storeReportStatus(store, w.region.cityDepartment.id, 2025, 'submitted', '2026-01-20T02:00:00.000Z');
    await storeReportStatus(store, w.region.litongDepartment.id, 2025, 'draft');
  });
  after(() => t.close(store));

  void it('puts every member\'s own figures of both years side by side (hand-counted)', async () => {
    const c = await compareRollupMembers(w.ctx, w.editor, { organizationId: w.region.city.id, year: 2025 });
    const r = w.region;
    assert.equal(c.scope, 'rollup');
    // Tree order: the city, its department, 利通区 and its bureau, 盐池县 and its bureau.
    assert.deepEqual(c.members.map((m) => m.id), [r.city.id, r.cityDepartment.id, r.litong.id, r.litongDepartment.id, r.yanchi.id, r.yanchiDepartment.id]);
    const column = (f: keyof (typeof c.members)[number]['figures'], year: 'figures' | 'previous' = 'figures'): number[] => c.members.map((m) => m[year][f]);
    // 2025 received: city C12 C18 C31 C39; 财政局 C13 C24; 利通区 19 (C08 C09 C11 C14 C16 C17 C19 C21–C23 C25 C27–C29 C32 C33 C35–C37);
    // 教育局 C10 C15 C20 C26 C30 C34 C38; 盐池县 C40; 卫健局 C41. 2024: C03; C07; C01 C05 C06; C02; C04; none.
    assert.deepEqual(column('requestsNew'), [4, 2, 19, 7, 1, 1]);
    assert.deepEqual(column('requestsNew', 'previous'), [1, 1, 3, 1, 1, 0]);
    // Decided in 2025: 利通区 C01 C05 + 18 received in 2025 (all but C37); 2024: C06 only.
    assert.equal(c.members[2]?.figures.requestsConcluded, 20);
    assert.equal(c.members[2]?.previous.requestsConcluded, 1);
    // Reconsiderations 2025: 利通区 R1 R6 RX1, 教育局 R2 RX2 (each its own record); 2024: 盐池县 R7.
    assert.deepEqual(column('reconsiderations'), [0, 0, 3, 2, 0, 0]);
    assert.deepEqual(column('reconsiderations', 'previous'), [0, 0, 0, 0, 1, 0]);
    // Suits 2025: 利通区 R3 (direct) and R5; the city's R4 is a co-defendant record.
    assert.deepEqual(column('suits'), [0, 0, 2, 0, 0, 0]);
    assert.deepEqual(column('normativeIssued'), [0, 0, 1, 1, 0, 0]);
    // In force at the end of 2025: D1, D2, D5 (D4 repealed 2025-09-30); at the end of 2024 also D4.
    assert.deepEqual(column('normativeInForce'), [0, 0, 1, 1, 1, 0]);
    assert.deepEqual(column('normativeInForce', 'previous'), [1, 0, 0, 0, 1, 0]);
    assert.deepEqual(column('licensingDecisions'), [0, 0, 120, 30, 0, 0]);
    // Published in 2025: D3; D1 N1; D2.
    assert.deepEqual(column('publishedItems'), [1, 0, 2, 1, 0, 0]);
    assert.equal(c.totals.current.requestsNew, 34);
    assert.equal(c.previousYearHasRecords, true);
  });

  void it('flags the tenfold jump and the reports not submitted', async () => {
    const c = await compareRollupMembers(w.ctx, w.editor, { organizationId: w.region.city.id, year: 2025 });
    const rules = (id: number): string[] => (c.members.find((m) => m.id === id)?.flags ?? []).map((f) => `${f.rule}${f.figure ? `:${f.figure}` : ''}`);
    // 利通区 concluded 20 cases after 1: ≥ 10× with at least 10 now.
    assert.ok(rules(w.region.litong.id).includes('jump:requestsConcluded'));
    assert.ok(!rules(w.region.litong.id).includes('jump:requestsNew'), '19 after 3 is less than tenfold');
    // The city itself is the reporting organization; 财政局 has submitted; the others have not.
    assert.ok(!rules(w.region.city.id).includes('not-submitted'));
    assert.ok(!rules(w.region.cityDepartment.id).includes('not-submitted'));
    for (const o of [w.region.litong, w.region.litongDepartment, w.region.yanchi, w.region.yanchiDepartment]) assert.ok(rules(o.id).includes('not-submitted'), o.name);
    assert.equal(c.members.find((m) => m.id === w.region.litongDepartment.id)?.flags.find((f) => f.rule === 'not-submitted')?.messageZh, '2025年度报告尚未报送（草稿）');
    assert.deepEqual(c.members.map((m) => m.silent), [false, false, false, false, false, false]);
  });

  void it('an own report compares the organization alone; members chosen by presets are respected', async () => {
    const own = await compareRollupMembers(w.ctx, w.editor, { organizationId: w.region.litongDepartment.id, year: 2025 });
    assert.equal(own.scope, 'own');
    assert.deepEqual(own.members.map((m) => m.id), [w.region.litongDepartment.id]);
    const governments = await compareRollupMembers(w.ctx, w.editor, { organizationId: w.region.city.id, year: 2025, scope: 'rollup', presets: ['self', 'governments'] });
    assert.deepEqual(governments.members.map((m) => m.id), [w.region.city.id, w.region.litong.id, w.region.litongDepartment.id, w.region.yanchi.id, w.region.yanchiDepartment.id]);
  });

  void it('a year without records: the member is silent, and there is nothing to compare with', async () => {
    // 财政局's last cases (C07, C13, C24) were decided in 2025; an open case (利通区教育局's C38) would still count as a record.
    const c = await compareRollupMembers(w.ctx, w.editor, { organizationId: w.region.cityDepartment.id, year: 2028 });
    assert.equal(c.previousYearHasRecords, false);
    assert.deepEqual(c.members.map((m) => [m.silent, m.flags.map((f) => f.rule)]), [[true, ['silent']]]);
    const litong = await compareRollupMembers(w.ctx, w.editor, { organizationId: w.region.litong.id, year: 2028 });
    assert.deepEqual(litong.members.map((m) => m.silent), [true, false]);
  });

  void it('is read by staff of the subtree only', async () => {
    await assert.rejects(compareRollupMembers(w.ctx, w.yanchiEditor, { organizationId: w.region.city.id, year: 2025 }), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    const mine = await compareRollupMembers(w.ctx, w.yanchiEditor, { organizationId: w.region.yanchi.id, year: 2025 });
    assert.equal(mine.members.length, 2);
  });
});
