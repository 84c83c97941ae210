import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { createReview } from '../reviews/review.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { AnnualReport } from './annual-report.ts';
import { computeAnnualReport } from './report-compute.service.ts';
import { setEntries } from './report-entry.service.ts';
import {
  acceptReport,
  checkStoredReport,
  getOrCreateReport,
  getReportWorkspace,
  listReportsOf,
  listStepsOf,
  publishReport,
  reportFor,
  returnReport,
  saveReport,
  submitReport,
} from './report-workflow.service.ts';

/** Asserts the promise rejects with `code` and (when given) an issue on `field`. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) assert.ok(error.issues.some((i) => i.field === field), `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
    return true;
  });
}

/** Text replacing the template's 【请填写…】 markers: long enough for V09's 五 (at least about 30 characters). */
const FILL = '本机关依照条例规定认真做好政府信息公开工作，及时准确发布信息，持续改进工作方法，回应社会关切。';

/** The sections with every marker filled. */
function filled(sections: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(sections).map(([id, html]) => [id, html.replace(/【请填写[^】]*】/g, FILL)]));
}

/** A typed number contradicting table 三 (V07 error: the table says 0). */
const CONTRADICTION = '<p>本年度共收到政府信息公开申请5件。</p>';

/** Today is Tuesday 2026-01-20 (China time): 2025 reports are being written; departments are due 2026-01-31. */
const clock = new FixedClock('2026-01-20T02:00:00Z');

describeEachDialect('annual report workflow service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const seed = systemActor('test');
  const actors = {} as Record<'editor' | 'orgAdmin' | 'auditor' | 'approver' | 'yanchiEditor' | 'yanchiApprover' | 'cityApprover', Actor>;
  const ids = {} as Record<keyof typeof actors, number>;

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    const user = async (key: keyof typeof actors, role: Role, organizationId: number): Promise<void> => {
      const { user: u } = await createTestUser(store, clock, { role, organizationId });
      actors[key] = actorForUser(u);
      ids[key] = u.id;
    };
    await user('editor', 'editor', region.litong.id);
    await user('orgAdmin', 'org_admin', region.litong.id);
    await user('auditor', 'auditor', region.litong.id);
    await user('approver', 'approver', region.litong.id);
    await user('yanchiEditor', 'editor', region.yanchi.id);
    await user('yanchiApprover', 'approver', region.yanchi.id);
    await user('cityApprover', 'approver', region.city.id);
  });
  after(async () => {
    await t.close(store);
  });

  const count = async (table: 'annual_report' | 'annual_report_step' | 'audit_event' | 'report_entry'): Promise<number> =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async (): Promise<number[]> => Promise.all([count('annual_report'), count('annual_report_step'), count('audit_event'), count('report_entry')]);
  const auditActions = async (reportId: number): Promise<string[]> =>
    (await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'annual_report').where('entity_id', '=', String(reportId)).orderBy('id').execute()).map((r) => r.action);
  const stepNames = async (reportId: number): Promise<string[]> =>
    (await store.db.selectFrom('annual_report_step').select('step').where('report_id', '=', reportId).orderBy('id').execute()).map((r) => r.step);

  /** A department's 2025-format report of `year`, with the markers filled (ready to submit). */
  const readyReport = async (orgId: number, year: number): Promise<AnnualReport> => {
    const report = await getOrCreateReport(ctx, seed, orgId, year);
    return saveReport(ctx, seed, report.id, { version: report.version, sections: filled(report.sections) });
  };

  void it('creates a draft with the template narrative, its step and audit event, once', async () => {
    const before = await counts();
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.equal(report.status, 'draft');
    assert.equal(report.version, 1);
    assert.equal(report.formatId, '2021');
    assert.equal(report.scope, 'own');
    assert.equal(report.members, null);
    assert.equal(report.createdBy, ids.editor);
    assert.deepEqual(Object.keys(report.sections), ['preamble', 'overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    assert.match(report.sections['overview'] ?? '', /\{\{fact:proactive\.rulesIssued\}\}/);
    assert.equal(report.sections['requests'], '', 'sections 二 to 四 are their tables');
    assert.match(report.sections['problems'] ?? '', /【请填写/);
    assert.deepEqual(await stepNames(report.id), ['created']);
    assert.deepEqual(await auditActions(report.id), ['annual_report.create']);
    const again = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.equal(again.id, report.id);
    const afterCounts = await counts();
    assert.deepEqual(afterCounts, [before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]]);
  });

  void it('starts a government’s report as a roll-up of its whole subtree', async () => {
    const report = await getOrCreateReport(ctx, actors.orgAdmin, region.litong.id, 2025);
    assert.equal(report.scope, 'rollup');
    assert.deepEqual(report.members, [region.litong.id, region.litongDepartment.id].sort((a, b) => a - b));
    assert.match(Object.values(report.sections).join(''), /工作考核、社会评议和责任追究/);
  });

  void it('lets readers see a report but only writers start one; nothing is written on a refusal', async () => {
    const before = await counts();
    await rejectsWith(getOrCreateReport(ctx, actors.auditor, region.litongDepartment.id, 2024), 'FORBIDDEN');
    await rejectsWith(getOrCreateReport(ctx, actors.yanchiEditor, region.litongDepartment.id, 2024), 'FORBIDDEN');
    await rejectsWith(getOrCreateReport(ctx, PUBLIC_ACTOR, region.litongDepartment.id, 2024), 'UNAUTHENTICATED');
    await rejectsWith(getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2007), 'VALIDATION_FAILED', 'year');
    await rejectsWith(getOrCreateReport(ctx, actors.editor, 999_999, 2025), 'ORGANIZATION_UNKNOWN');
    await rejectsWith(reportFor(ctx, actors.editor, region.litongDepartment.id, 2024, 3), 'NOT_FOUND');
    assert.deepEqual(await counts(), before);
    assert.equal((await getOrCreateReport(ctx, actors.auditor, region.litongDepartment.id, 2025)).status, 'draft');
  });

  void it('saves the narrative sanitized, placeholders kept, with its step and audit event', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const saved = await saveReport(ctx, actors.editor, report.id, {
      version: report.version,
      sections: { other: '<p onclick="x()">无其他需要报告的事项。{{fact:requests.new}}</p><script>alert(1)</script>' },
    });
    assert.equal(saved.version, report.version + 1);
    assert.equal(saved.sections['other'], '<p>无其他需要报告的事项。{{fact:requests.new}}</p>');
    assert.equal(saved.sections['overview'], report.sections['overview']);
    assert.deepEqual(await stepNames(report.id), ['created', 'saved']);
    assert.deepEqual(await auditActions(report.id), ['annual_report.create', 'annual_report.save']);
    const audit = await store.db.selectFrom('audit_event').selectAll().where('action', '=', 'annual_report.save').where('entity_id', '=', String(report.id)).executeTakeFirstOrThrow();
    assert.equal(audit.actor_user_id, ids.editor);
    assert.match(audit.after_json ?? '', /无其他需要报告的事项/);
  });

  void it('refuses a stale version, an unknown section, a member outside the subtree, and other organizations; nothing written', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const gov = await getOrCreateReport(ctx, actors.editor, region.litong.id, 2025);
    const before = await counts();
    await rejectsWith(saveReport(ctx, actors.editor, report.id, { version: report.version - 1, sections: { other: '<p>x</p>' } }), 'CONFLICT');
    await rejectsWith(saveReport(ctx, actors.editor, report.id, { version: report.version, sections: { appendix: '<p>x</p>' } }), 'VALIDATION_FAILED', 'sections.appendix');
    await rejectsWith(saveReport(ctx, actors.editor, gov.id, { version: gov.version, scope: 'rollup', members: [region.litong.id, region.yanchi.id] }), 'VALIDATION_FAILED', 'members');
    await rejectsWith(saveReport(ctx, actors.editor, report.id, { version: report.version, formatId: '2030' as never }), 'FORMAT_UNKNOWN');
    await rejectsWith(saveReport(ctx, actors.yanchiEditor, report.id, { version: report.version, sections: { other: '<p>x</p>' } }), 'FORBIDDEN');
    await rejectsWith(saveReport(ctx, actors.approver, report.id, { version: report.version, sections: { other: '<p>x</p>' } }), 'FORBIDDEN');
    await rejectsWith(saveReport(ctx, actors.editor, 999_999, { version: 1 }), 'NOT_FOUND');
    assert.deepEqual(await counts(), before);
  });

  void it('changes a roll-up’s members by presets and back to the organization’s own records', async () => {
    const gov = await getOrCreateReport(ctx, actors.orgAdmin, region.litong.id, 2025);
    const self = await saveReport(ctx, actors.orgAdmin, gov.id, { version: gov.version, scope: 'rollup', presets: ['self'] });
    assert.deepEqual(self.members, [region.litong.id]);
    const own = await saveReport(ctx, actors.orgAdmin, gov.id, { version: self.version, scope: 'own' });
    assert.equal(own.scope, 'own');
    assert.equal(own.members, null);
    const back = await saveReport(ctx, actors.orgAdmin, gov.id, { version: own.version, scope: 'rollup', members: [region.litongDepartment.id, region.litong.id] });
    assert.deepEqual(back.members, [region.litong.id, region.litongDepartment.id].sort((a, b) => a - b));
  });

  void it('checks the stored report and keeps the findings, with a step', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const checked = await checkStoredReport(ctx, actors.editor, report.id);
    assert.equal(checked.report.version, report.version + 1);
    assert.deepEqual(checked.report.findings, checked.findings);
    assert.ok(checked.unfilled.length > 0, 'the template’s markers are listed');
    assert.deepEqual(checked.unbound, []);
    const steps = await listStepsOf(ctx, actors.auditor, region.litongDepartment.id, 2025);
    const last = steps.at(-1);
    assert.equal(last?.step, 'checked');
    assert.match(last?.actorName ?? '', /^测试用户\d+$/);
    assert.match(last?.comment ?? '', /^错误 0，警告 \d+，提示 \d+$/);
    await rejectsWith(checkStoredReport(ctx, actors.auditor, report.id), 'FORBIDDEN');
  });

  void it('refuses to submit while markers are unfilled or placeholders unbound; nothing written', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const before = await counts();
    await rejectsWith(submitReport(ctx, actors.editor, report.id, { version: report.version }), 'VALIDATION_FAILED', 'sections');
    const fixed = await saveReport(ctx, actors.editor, report.id, { version: report.version, sections: { ...filled(report.sections), other: '<p>无其他需要报告的事项。{{fact:no.such}}</p>' } });
    const afterSave = await counts();
    await assert.rejects(submitReport(ctx, actors.editor, report.id, { version: fixed.version }), (error: unknown) => {
      assert.ok(isGongkaiError(error, 'VALIDATION_FAILED'));
      assert.deepEqual(error.issues.map((i) => i.messageZh), ['报告正文中的占位符无法对应到任何单元格或数据项：{{fact:no.such}}']);
      return true;
    });
    assert.deepEqual(await counts(), afterSave);
    assert.deepEqual(afterSave, [before[0], before[1]! + 1, before[2]! + 1, before[3]]);
    assert.equal((await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025)).status, 'draft');
  });

  void it('refuses checker errors with REPORT_CHECK_FAILED listing the findings; nothing written', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const bad = await saveReport(ctx, actors.editor, report.id, { version: report.version, sections: { ...filled(await templateOf(report)), overview: CONTRADICTION } });
    const before = await counts();
    await assert.rejects(submitReport(ctx, actors.editor, bad.id, { version: bad.version }), (error: unknown) => {
      assert.ok(isGongkaiError(error, 'REPORT_CHECK_FAILED'));
      assert.equal(error.issues.length, 1);
      assert.equal(error.issues[0]?.field, 't3/new/total');
      assert.match(error.issues[0]?.messageZh ?? '', /^V07：叙述与表格不一致/);
      return true;
    });
    assert.deepEqual(await counts(), before);
  });

  void it('lets only an approver override checker errors, with a reason of at least 10 characters kept with the report', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const before = await counts();
    await rejectsWith(submitReport(ctx, actors.editor, report.id, { version: report.version, overrideReason: '表格数字已逐项核实确无误' }), 'FORBIDDEN');
    await rejectsWith(submitReport(ctx, actors.yanchiApprover, report.id, { version: report.version, overrideReason: '表格数字已逐项核实确无误' }), 'FORBIDDEN');
    await rejectsWith(submitReport(ctx, actors.approver, report.id, { version: report.version, overrideReason: '表格数字经核实无误' }), 'VALIDATION_FAILED', 'overrideReason');
    await rejectsWith(submitReport(ctx, actors.approver, report.id, { version: report.version - 1, overrideReason: '表格数字已逐项核实确无误' }), 'CONFLICT');
    assert.deepEqual(await counts(), before);

    const submitted = await submitReport(ctx, actors.approver, report.id, { version: report.version, overrideReason: '  表格数字已逐项核实确无误  ' });
    assert.equal(submitted.status, 'submitted');
    assert.deepEqual(submitted.override, { reason: '表格数字已逐项核实确无误', by: ids.approver, at: '2026-01-20T02:00:00.000Z' });
    assert.equal(submitted.submittedBy, ids.approver);
    assert.equal(submitted.submittedAt, '2026-01-20T02:00:00.000Z');
    assert.ok(submitted.snapshot);
    assert.equal(submitted.snapshot.cells.find((c) => c.id === 't3/new/total')?.value, 0);
    assert.ok((submitted.findings ?? []).some((f) => f.severity === 'error' && f.rule === 'V07'));
    assert.deepEqual((await stepNames(report.id)).slice(-2), ['submitted', 'override']);
    const steps = await listStepsOf(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.equal(steps.at(-1)?.comment, '表格数字已逐项核实确无误');
    assert.equal(steps.at(-1)?.actorId, ids.approver);
    assert.equal((await auditActions(report.id)).at(-1), 'annual_report.submit');
  });

  void it('locks a submitted report: no save, check, entries or second submission', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.equal(report.status, 'submitted');
    const before = await counts();
    await rejectsWith(saveReport(ctx, actors.editor, report.id, { version: report.version, sections: { other: '<p>x</p>' } }), 'REPORT_LOCKED');
    await rejectsWith(checkStoredReport(ctx, actors.editor, report.id), 'REPORT_LOCKED');
    await rejectsWith(submitReport(ctx, actors.editor, report.id, { version: report.version }), 'REPORT_LOCKED');
    await rejectsWith(setEntries(ctx, actors.editor, region.litongDepartment.id, 2025, [{ cell: 't2-5/licensing/decisions', value: 3 }]), 'REPORT_LOCKED');
    assert.deepEqual(await counts(), before);
  });

  void it('keeps the snapshot frozen while the records change', async () => {
    await createReview(ctx, seed, { organizationId: region.litongDepartment.id, path: 'reconsideration', applicantName: '张某', reviewingBody: '利通区人民政府', filedOn: '2025-06-01', outcome: 'pending' });
    const computed = await computeAnnualReport(ctx, actors.editor, { organizationId: region.litongDepartment.id, year: 2025 });
    assert.equal(computed.cells.values['t4/cases/reconsideration-pending'], 1);
    assert.equal(computed.stored?.snapshot?.cells.find((c) => c.id === 't4/cases/reconsideration-pending')?.value, 0);
  });

  void it('lets only the competent department return a report, with a comment; the snapshot is dropped', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const before = await counts();
    // 利通区教育局's competent department is 利通区人民政府: its approver and org_admin review it.
    await rejectsWith(returnReport(ctx, actors.editor, report.id, { version: report.version, comment: '请修改' }), 'FORBIDDEN');
    await rejectsWith(returnReport(ctx, actors.yanchiApprover, report.id, { version: report.version, comment: '请修改' }), 'FORBIDDEN');
    await rejectsWith(returnReport(ctx, actors.approver, report.id, { version: report.version, comment: '   ' }), 'VALIDATION_FAILED', 'comment');
    await rejectsWith(acceptReport(ctx, actors.auditor, report.id, { version: report.version }), 'FORBIDDEN');
    assert.deepEqual(await counts(), before);
    const returned = await returnReport(ctx, actors.approver, report.id, { version: report.version, comment: '表三新收申请数与正文不一致，请核实后重新报送。' });
    assert.equal(returned.status, 'returned');
    assert.equal(returned.snapshot, null);
    assert.equal(returned.override, null);
    assert.equal(returned.reviewComment, '表三新收申请数与正文不一致，请核实后重新报送。');
    assert.equal(returned.reviewedBy, ids.approver);
    const steps = await listStepsOf(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.deepEqual([steps.at(-1)?.step, steps.at(-1)?.comment], ['returned', '表三新收申请数与正文不一致，请核实后重新报送。']);
    await rejectsWith(returnReport(ctx, actors.approver, report.id, { version: returned.version, comment: '再次退回' }), 'ILLEGAL_TRANSITION');
  });

  void it('lets the office fix a returned report, resubmit it, and the competent department accept it', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const fixed = await saveReport(ctx, actors.editor, report.id, { version: report.version, sections: filled(await templateOf(report)) });
    await rejectsWith(acceptReport(ctx, actors.orgAdmin, fixed.id, { version: fixed.version }), 'ILLEGAL_TRANSITION');
    const submitted = await submitReport(ctx, actors.editor, fixed.id, { version: fixed.version });
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.override, null);
    assert.equal(submitted.snapshot?.cells.find((c) => c.id === 't4/cases/reconsideration-pending')?.value, 1, 'resubmission computes again');
    assert.deepEqual((submitted.findings ?? []).filter((f) => f.severity === 'error'), []);
    await rejectsWith(publishReport(ctx, actors.approver, submitted.id, { version: submitted.version }), 'ILLEGAL_TRANSITION');
    const accepted = await acceptReport(ctx, actors.orgAdmin, submitted.id, { version: submitted.version, comment: '同意' });
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.reviewComment, '同意');
  });

  void it('publishes an accepted report: dated, deadline re-checked, final', async () => {
    const report = await getOrCreateReport(ctx, actors.editor, region.litongDepartment.id, 2025);
    const before = await counts();
    await rejectsWith(publishReport(ctx, actors.editor, report.id, { version: report.version }), 'FORBIDDEN');
    await rejectsWith(publishReport(ctx, actors.orgAdmin, report.id, { version: report.version }), 'FORBIDDEN');
    await rejectsWith(publishReport(ctx, actors.approver, report.id, { version: report.version, publicationDate: '2026-01-21' }), 'VALIDATION_FAILED', 'publicationDate');
    await rejectsWith(publishReport(ctx, actors.approver, report.id, { version: report.version, publicationDate: '2025-12-31' }), 'VALIDATION_FAILED', 'publicationDate');
    await rejectsWith(publishReport(ctx, actors.approver, report.id, { version: report.version, publicationDate: '2026-02-30' }), 'VALIDATION_FAILED', 'publicationDate');
    assert.deepEqual(await counts(), before);
    assert.ok((report.findings ?? []).some((f) => f.rule === 'V11' && f.severity === 'info'), 'undated before publication');
    const published = await publishReport(ctx, actors.approver, report.id, { version: report.version });
    assert.equal(published.status, 'published');
    assert.equal(published.publicationDate, '2026-01-20');
    assert.equal(published.publishedBy, ids.approver);
    assert.deepEqual(published.snapshot?.publicationDate, { date: '2026-01-20', source: 'option', position: null });
    assert.deepEqual((published.findings ?? []).filter((f) => f.rule === 'V11'), [], 'published on time (deadline 2026-01-31)');
    await rejectsWith(saveReport(ctx, actors.editor, report.id, { version: published.version, sections: { other: '<p>x</p>' } }), 'REPORT_LOCKED');
    await rejectsWith(publishReport(ctx, actors.approver, report.id, { version: published.version }), 'ILLEGAL_TRANSITION');
    await rejectsWith(returnReport(ctx, actors.approver, report.id, { version: published.version, comment: '撤回' }), 'ILLEGAL_TRANSITION');
    assert.deepEqual(await stepNames(report.id), ['created', 'saved', 'checked', 'saved', 'saved', 'submitted', 'override', 'returned', 'saved', 'submitted', 'accepted', 'published']);
    assert.deepEqual(await auditActions(report.id), [
      'annual_report.create',
      'annual_report.save',
      'annual_report.check',
      'annual_report.save',
      'annual_report.save',
      'annual_report.submit',
      'annual_report.return',
      'annual_report.save',
      'annual_report.submit',
      'annual_report.accept',
      'annual_report.publish',
    ]);
  });

  void it('dates a late publication and keeps its V11 error', async () => {
    const late = new FixedClock('2026-02-10T02:00:00Z');
    const lateCtx = testContext(store, late);
    let report = await readyReport(region.yanchiDepartment.id, 2025);
    report = await submitReport(lateCtx, seed, report.id, { version: report.version });
    report = await acceptReport(lateCtx, seed, report.id, { version: report.version });
    report = await publishReport(lateCtx, seed, report.id, { version: report.version, publicationDate: '2026-02-05' });
    const v11 = (report.findings ?? []).filter((f) => f.rule === 'V11');
    assert.deepEqual(v11.map((f) => [f.severity, f.expected, f.found]), [['error', '2026-01-31', '2026-02-05']]);
  });

  void it('detects a concurrent change between reading and writing (optimistic lock)', async () => {
    const report = await readyReport(region.cityDepartment.id, 2025);
    const first = await saveReport(ctx, seed, report.id, { version: report.version, sections: { other: '<p>无其他需要报告的事项。</p>' } });
    await rejectsWith(submitReport(ctx, seed, report.id, { version: report.version }), 'CONFLICT');
    // Entering a figure moves the version on, so a submission read before it cannot freeze stale figures.
    await setEntries(ctx, seed, region.cityDepartment.id, 2025, [{ cell: 't2-5/licensing/decisions', value: 4 }]);
    await rejectsWith(submitReport(ctx, seed, report.id, { version: first.version }), 'CONFLICT');
    const fresh = await getOrCreateReport(ctx, seed, region.cityDepartment.id, 2025);
    assert.equal(fresh.version, first.version + 1);
    const submitted = await submitReport(ctx, seed, report.id, { version: fresh.version });
    assert.equal(submitted.snapshot?.cells.find((c) => c.id === 't2-5/licensing/decisions')?.value, 4);
  });

  void it('lists the actor’s organizations with state, deadline and overdue flags', async () => {
    const rows = await listReportsOf(ctx, actors.editor, 2025);
    assert.deepEqual(
      rows.map((r) => [r.organization.name, r.status, r.deadline?.date, r.overdue]),
      [
        ['利通区人民政府', 'draft', '2026-03-31', false],
        ['利通区教育局', 'published', '2026-01-31', false],
      ],
    );
    const later = await listReportsOf(testContext(store, new FixedClock('2026-02-01T02:00:00Z')), actors.cityApprover, 2025);
    assert.deepEqual(
      later.map((r) => [r.organization.name, r.status, r.overdue]),
      [
        ['吴忠市人民政府', null, false],
        ['利通区人民政府', 'draft', false],
        ['利通区教育局', 'published', false],
        ['盐池县人民政府', null, false],
        ['盐池县卫生健康局', 'published', false],
        ['吴忠市财政局', 'submitted', false],
      ],
    );
    const dept2026 = await listReportsOf(testContext(store, new FixedClock('2027-02-01T02:00:00Z')), actors.cityApprover, 2026);
    assert.deepEqual(dept2026.filter((r) => r.overdue).map((r) => r.organization.name), ['利通区教育局', '盐池县卫生健康局', '吴忠市财政局']);
    await rejectsWith(listReportsOf(ctx, PUBLIC_ACTOR, 2025), 'UNAUTHENTICATED');
  });

  void it('gives the console what the actor may do and who did what', async () => {
    const w = await getReportWorkspace(ctx, actors.approver, region.litongDepartment.id, 2025);
    assert.deepEqual(w.may, { write: false, override: true, review: true, publish: true });
    assert.equal(w.competent.id, region.litong.id);
    assert.match(w.userNames.get(ids.approver) ?? '', /^测试用户\d+$/);
    assert.deepEqual(w.steps, await listStepsOf(ctx, actors.approver, region.litongDepartment.id, 2025));
    assert.equal(w.steps.at(-1)?.step, 'published');
    assert.equal(w.steps.at(-1)?.actorName, w.userNames.get(ids.approver));
    assert.deepEqual(w.deadline, { date: '2026-01-31', article: '2019年《条例》第四十九条第一款', assumed: false });
    const editorView = await getReportWorkspace(ctx, actors.editor, region.litongDepartment.id, 2025);
    assert.deepEqual(editorView.may, { write: true, override: false, review: false, publish: false });
    const cityView = await getReportWorkspace(ctx, actors.cityApprover, region.litong.id, 2025);
    assert.equal(cityView.competent.id, region.city.id);
    assert.deepEqual(cityView.subtree.map((o) => o.id), [region.litong.id, region.litongDepartment.id]);
  });

  /** The template of a report's organization (the stored sections before any edit). */
  async function templateOf(report: AnnualReport): Promise<Record<string, string>> {
    const fresh = await computeAnnualReport(ctx, seed, { organizationId: report.organizationId, year: report.year, sections: {} });
    return fresh.narrative.html;
  }
});
