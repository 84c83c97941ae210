/**
 * The records behind a cell, on a synthetic 2025 (test/helpers/report-trace-world.ts): hand-counted
 * lists for chosen cells of every kind, then, for every non-zero cell of the region's roll-up (three
 * formats) and of each organization's own report, the listed records add up to the cell of the
 * report `computeAnnualReport` computes. Runs on SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { reportTraceWorld } from '../../test/helpers/report-trace-world.ts';
import type { ReportTraceWorld } from '../../test/helpers/report-trace-world.ts';
import { computeAnnualReport } from './report-compute.service.ts';
import type { ReportScope } from './annual-report.ts';
import { traceCell } from './report-trace.service.ts';
import type { CellTrace } from './report-trace.ts';

const SYSTEM = systemActor('test');

/** The ids of what a trace lists, whatever their kind. */
function listedIds(t: CellTrace): number[] {
  return [...t.items.map((i) => i.id), ...t.cases.map((c) => c.id), ...t.reviews.map((r) => r.id), ...t.activities.map((a) => a.id)];
}

describeEachDialect('traceCell', (t) => {
  let store: Store;
  let w: ReportTraceWorld;
  const caseIds = (...scripts: string[]): number[] => scripts.map((s) => w.year.caseIds[s] ?? -1);
  const trace = (organizationId: number, cell: string, more: { formatId?: FormatId; scope?: ReportScope } = {}): Promise<CellTrace> =>
    traceCell(w.ctx, w.editor, { organizationId, year: 2025, cell, ...more });

  before(async () => {
    store = await t.open();
    w = await reportTraceWorld(store);
  });
  after(() => t.close(store));

  void it('lists the request cases of a table 三 cell (hand-counted from the scripts)', async () => {
    const partial = await trace(w.region.city.id, 't3/partial/business');
    assert.equal(partial.source, 'requests');
    assert.equal(partial.scope, 'rollup');
    assert.equal(partial.value, 2);
    assert.deepEqual(listedIds(partial), caseIds('C02', 'C31'));
    assert.deepEqual(partial.cases.map((c) => [c.organizationName, c.outcome, c.timeliness]), [['利通区教育局', 'partial', 'extended'], ['吴忠市人民政府', 'partial', 'on-time']]);
    assert.equal(partial.label, '表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）·商业企业”');

    const withdrawn = await trace(w.region.city.id, 't3/other-other/total');
    assert.deepEqual(listedIds(withdrawn), caseIds('C05', 'C29'));
    const newCases = await trace(w.region.city.id, 't3/new/total');
    assert.equal(newCases.value, 34);
    assert.equal(newCases.cases.length, 34);
    // 利通区人民政府's own report: of the six carried-in cases only C01 and C05 are its own.
    const own = await trace(w.region.litong.id, 't3/carried-in/total', { scope: 'own' });
    assert.deepEqual(own.members.map((m) => m.id), [w.region.litong.id]);
    assert.deepEqual(listedIds(own), caseIds('C01', 'C05'));
  });

  void it('lists the 2014 rows\' cases, and the fees row adds up the fees in 万元', async () => {
    const fees = await trace(w.region.city.id, 'stats/fees/value', { formatId: '2014' });
    assert.equal(fees.value, 0.14); // C30 1300 元 + C31 100 元
    assert.deepEqual(listedIds(fees), caseIds('C30', 'C31'));
    assert.deepEqual(fees.cases.map((c) => c.contribution), [0.13, 0.01]);
    assert.equal(fees.total, 0.14);
    const extended = await trace(w.region.city.id, 'stats/concluded-extended/value', { formatId: '2014' });
    assert.deepEqual(listedIds(extended), caseIds('C02', 'C33', 'C34'));
  });

  void it('lists the review records after the roll-up de-duplication', async () => {
    const r = w.year.reviewIds;
    const reconsiderations = await trace(w.region.city.id, 't4/cases/reconsideration-total');
    assert.equal(reconsiderations.source, 'reviews');
    assert.deepEqual(listedIds(reconsiderations), [r['R1'], r['R2'], r['R6'], w.extraReviews['RX1']]);
    const pending = await trace(w.region.city.id, 't4/cases/reconsideration-pending');
    assert.deepEqual(
      pending.reviews.map((x) => [x.id, x.outcome, x.outcomeAtYearEnd]),
      [[r['R2'], 'pending', 'pending'], [r['R6'], 'corrected', 'pending'], [w.extraReviews['RX1'], 'pending', 'pending']],
    );
    // R4 (the city as co-defendant) is not listed; R5 is.
    assert.deepEqual(listedIds(await trace(w.region.city.id, 't4/cases/suit-after-reconsideration-total')), [r['R5']]);
    // 利通区教育局 alone counts its own record of the joint case.
    assert.deepEqual(listedIds(await trace(w.region.litongDepartment.id, 't4/cases/reconsideration-total')), [r['R2'], w.extraReviews['RX2']]);
  });

  void it('lists the catalog items of table 二 (一), one per joint document', async () => {
    const i = w.items;
    assert.deepEqual(listedIds(await trace(w.region.city.id, 't2-1/normative-documents/issued')), [i['D1']]);
    assert.deepEqual(listedIds(await trace(w.region.city.id, 't2-1/normative-documents/in-force')), [i['D1'], i['D5']]);
    assert.deepEqual(listedIds(await trace(w.region.city.id, 't2-1/normative-documents/repealed')), [i['D4']]);
    const rules = await trace(w.region.city.id, 't2-1/regulations/issued');
    assert.deepEqual(rules.items.map((x) => [x.id, x.documentNumber, x.organizationName]), [[i['D3'], '吴忠市人民政府令第1号', '吴忠市人民政府']]);
    assert.deepEqual(listedIds(await trace(w.region.litongDepartment.id, 't2-1/normative-documents/issued')), [i['D2']]);
    // 2014 主动公开政府信息数: every proactive item published in 2025.
    const proactive = await trace(w.region.city.id, 'stats/proactive-total/value', { formatId: '2014' });
    assert.equal(proactive.value, 4);
    assert.deepEqual(listedIds(proactive).sort((a, b) => a - b), [i['D1'], i['D2'], i['D3'], i['N1']].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  void it('lists the hand-entered figures with who entered them', async () => {
    const licensing = await trace(w.region.city.id, 't2-5/licensing/decisions');
    assert.equal(licensing.source, 'entry');
    assert.equal(licensing.value, 150);
    assert.deepEqual(
      licensing.entries.map((e) => [e.organizationName, e.value, e.enteredByName, e.note]).sort((a, b) => Number(b[1]) - Number(a[1])),
      [['利通区人民政府', 120, w.editorName, '据行政审批局统计'], ['利通区教育局', 30, w.editorName, null]],
    );
    const fees = await trace(w.region.city.id, 't2-8/fees/amount');
    assert.equal(fees.value, 1.2501);
    assert.equal(fees.total, 1.2501);
    const none = await trace(w.region.city.id, 't2-6/penalties/decisions');
    assert.equal(none.source, 'not-entered');
    assert.deepEqual([none.value, none.total, none.entries.length], [0, 0, 0]);
  });

  void it('masks natural persons\' names for an auditor, not for an editor', async () => {
    const cell = 't3/disclosed/natural';
    const byEditor = await trace(w.region.city.id, cell);
    const byAuditor = await traceCell(w.ctx, w.auditor, { organizationId: w.region.city.id, year: 2025, cell });
    assert.equal(byEditor.masked, false);
    assert.equal(byAuditor.masked, true);
    assert.equal(byAuditor.cases.length, byEditor.cases.length);
    assert.ok(byAuditor.cases.length > 0, 'the cell lists cases to mask');
    for (const [i, c] of byAuditor.cases.entries()) {
      const full = byEditor.cases[i]?.requesterName ?? '';
      assert.equal(c.requesterName, `${Array.from(full)[0]}${'*'.repeat(Array.from(full).length - 1)}`);
    }
    const business = await traceCell(w.ctx, w.auditor, { organizationId: w.region.city.id, year: 2025, cell: 't3/partial/business' });
    assert.equal(business.cases.length, 2);
    assert.ok(business.cases.every((c) => !c.requesterName.includes('*')), 'organizations are not masked');
    const reviews = await traceCell(w.ctx, w.auditor, { organizationId: w.region.city.id, year: 2025, cell: 't4/cases/reconsideration-total' });
    assert.equal(reviews.reviews.length, 4);
    assert.ok(reviews.reviews.every((r) => r.applicantName.endsWith('*')));
  });

  void it('refuses a cell the format lacks, a member outside the subtree and an actor outside it', async () => {
    await assert.rejects(trace(w.region.city.id, 't9/none/none'), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues[0]?.field === 'cell');
    await assert.rejects(traceCell(w.ctx, w.editor, { organizationId: w.region.litong.id, year: 2025, cell: 't3/new/total', scope: 'rollup', members: [w.region.yanchi.id] }), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
    await assert.rejects(traceCell(w.ctx, w.yanchiEditor, { organizationId: w.region.litong.id, year: 2025, cell: 't3/new/total' }), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(trace(w.region.city.id, 't3/new/total', { formatId: '1999' as FormatId }), (e: unknown) => isGongkaiError(e, 'FORMAT_UNKNOWN'));
  });

  void it('2014 roll-up: the engagement and work-record rows equal the hand count of the world', async () => {
    const report = await computeAnnualReport(w.ctx, SYSTEM, { organizationId: w.region.city.id, scope: 'rollup', formatId: '2014', year: 2025 });
    const row = (id: string): number | undefined => report.cells.values[`stats/${id}/value`];
    const expected: Record<string, number> = {
      responses: 5, 'press-conferences': 2, 'press-conferences-leaders': 1, 'online-interviews': 1, 'online-interviews-leaders': 1,
      interpretations: 1, 'weibo-wechat-responses': 1, 'other-responses': 1, 'ogi-offices': 3, staff: 11, 'staff-full-time': 4,
      'staff-part-time': 7, funding: 1.75, 'reading-points': 1, meetings: 1, 'training-sessions': 2, trainees: 75, complaints: 1,
      'channel-website': 4, 'channel-weibo': 1, 'channel-wechat': 0, 'channel-gazette': 0, 'proactive-total': 4,
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((id) => [id, row(id)])), expected);
    assert.equal(report.cells.sources['stats/staff/value'], 'work-records');
    assert.equal(report.cells.sources['stats/responses/value'], 'engagement');
    assert.equal(report.cells.sources['stats/channel-weibo/value'], 'catalog');
    const responses = await traceCell(w.ctx, SYSTEM, { organizationId: w.region.city.id, scope: 'rollup', formatId: '2014', year: 2025, cell: 'stats/responses/value' });
    assert.deepEqual(responses.activities.map((a) => a.kind).sort(), ['concern_response', 'concern_response', 'policy_interpretation', 'press_event', 'press_event']);
  });

  void it('for every non-zero cell, the listed records add up to the computed report\'s cell', async () => {
    const r = w.region;
    const reports: { organizationId: number; scope: ReportScope; formatId: FormatId }[] = [
      { organizationId: r.city.id, scope: 'rollup', formatId: '2021' },
      { organizationId: r.city.id, scope: 'rollup', formatId: '2019' },
      { organizationId: r.city.id, scope: 'rollup', formatId: '2014' },
      { organizationId: r.litong.id, scope: 'rollup', formatId: '2021' },
      { organizationId: r.litong.id, scope: 'own', formatId: '2014' },
      ...[r.city, r.cityDepartment, r.litong, r.litongDepartment, r.yanchi, r.yanchiDepartment].map((o) => ({ organizationId: o.id, scope: 'own' as const, formatId: '2021' as const })),
    ];
    let checked = 0;
    for (const q of reports) {
      const report = await computeAnnualReport(w.ctx, SYSTEM, { ...q, year: 2025 });
      for (const [cell, value] of Object.entries(report.cells.values)) {
        if (value === 0) continue;
        const tr = await traceCell(w.ctx, SYSTEM, { ...q, year: 2025, cell });
        const where = `${q.organizationId}/${q.scope}/${q.formatId} ${cell}`;
        assert.equal(tr.value, value, where);
        assert.equal(tr.total, value, where);
        const amounts = tr.source === 'entry' || cell === 'stats/fees/value' || tr.activities.some((a) => a.contribution !== 1);
        if (!amounts) assert.equal(listedIds(tr).length, value, `${where}: one record per unit`);
        checked += 1;
      }
    }
    assert.ok(checked > 150, `checked ${checked} cells`);
  });
});
