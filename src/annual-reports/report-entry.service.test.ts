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
import { computeAnnualReport } from './report-compute.service.ts';
import { setEntries } from './report-entry.service.ts';
import { getOrCreateReport, saveReport, submitReport } from './report-workflow.service.ts';

/** Asserts the promise rejects with `code` and (when given) an issue on `field` whose message matches `message`. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isGongkaiError(error, code), `expected ${code}, got ${String(error)}`);
    if (field !== undefined) {
      const issue = error.issues.find((i) => i.field === field);
      assert.ok(issue, `expected an issue on ${field}: ${JSON.stringify(error.issues)}`);
      if (message) assert.match(issue.message, message);
    }
    return true;
  });
}

const clock = new FixedClock('2026-01-20T02:00:00Z');
const LICENSING = 't2-5/licensing/decisions';
const PENALTIES = 't2-6/penalties/decisions';
const FEES = 't2-8/fees/amount';

describeEachDialect('hand-entered report figures', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const seed = systemActor('test');
  const actors = {} as Record<'editor' | 'auditor' | 'approver' | 'yanchiEditor', Actor>;
  let editorId = 0;

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    const user = async (role: Role, organizationId: number): Promise<{ actor: Actor; id: number }> => {
      const { user: u } = await createTestUser(store, clock, { role, organizationId });
      return { actor: actorForUser(u), id: u.id };
    };
    const editor = await user('editor', region.litong.id);
    actors.editor = editor.actor;
    editorId = editor.id;
    actors.auditor = (await user('auditor', region.litong.id)).actor;
    actors.approver = (await user('approver', region.litong.id)).actor;
    actors.yanchiEditor = (await user('editor', region.yanchi.id)).actor;
  });
  after(async () => {
    await t.close(store);
  });

  const entryRows = async (): Promise<{ organization_id: number; year: number; cell: string; value: number; note: string | null }[]> =>
    (await store.db.selectFrom('report_entry').select(['organization_id', 'year', 'cell', 'value', 'note']).orderBy('organization_id').orderBy('year').orderBy('cell').execute()).map((r) => ({ ...r, organization_id: Number(r.organization_id), year: Number(r.year), value: Number(r.value) }));
  const auditCount = async (): Promise<number> =>
    Number((await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'annual_report.entries').executeTakeFirstOrThrow()).n);

  void it('stores counts and amounts with who and when, and one audit event', async () => {
    const entries = await setEntries(ctx, actors.editor, region.litongDepartment.id, 2025, [
      { cell: LICENSING, value: 126, note: '行政审批系统年度统计' },
      { cell: FEES, value: 1.2345 },
    ]);
    assert.deepEqual(
      entries.map((e) => [e.cell, e.value, e.note, e.source, e.enteredBy, e.enteredAt]),
      [
        [LICENSING, 126, '行政审批系统年度统计', 'manual', editorId, '2026-01-20T02:00:00.000Z'],
        [FEES, 1.2345, null, 'manual', editorId, '2026-01-20T02:00:00.000Z'],
      ],
    );
    assert.equal(await auditCount(), 1);
    const audit = await store.db.selectFrom('audit_event').selectAll().where('action', '=', 'annual_report.entries').executeTakeFirstOrThrow();
    assert.equal(audit.entity_type, 'report_entry');
    assert.equal(audit.entity_id, `${region.litongDepartment.id}/2025`);
    assert.deepEqual(JSON.parse(audit.before_json ?? 'null'), {});
    assert.deepEqual(JSON.parse(audit.after_json ?? 'null'), { [LICENSING]: { value: 126, note: '行政审批系统年度统计' }, [FEES]: { value: 1.2345, note: null } });
  });

  void it('feeds the computed report: the cells show the figures as entered by hand', async () => {
    const computed = await computeAnnualReport(ctx, actors.auditor, { organizationId: region.litongDepartment.id, year: 2025 });
    assert.equal(computed.cells.values[LICENSING], 126);
    assert.equal(computed.cells.sources[LICENSING], 'entry');
    assert.equal(computed.cells.values[FEES], 1.2345);
    assert.equal(computed.cells.sources[PENALTIES], 'not-entered');
    // The roll-up of 利通区 sums its department's figures.
    await setEntries(ctx, actors.editor, region.litong.id, 2025, [{ cell: LICENSING, value: 4 }]);
    const rollup = await computeAnnualReport(ctx, actors.auditor, { organizationId: region.litong.id, year: 2025 });
    assert.equal(rollup.cells.values[LICENSING], 130);
    assert.deepEqual(rollup.cells.entries[LICENSING]?.map((e) => e.organizationId).sort((a, b) => a - b), [region.litong.id, region.litongDepartment.id].sort((a, b) => a - b));
  });

  void it('replaces a figure and removes one with null', async () => {
    const entries = await setEntries(ctx, actors.editor, region.litongDepartment.id, 2025, [
      { cell: LICENSING, value: 127, note: '更正' },
      { cell: FEES, value: null },
    ]);
    assert.deepEqual(entries.map((e) => [e.cell, e.value, e.note]), [[LICENSING, 127, '更正']]);
    const audit = await store.db.selectFrom('audit_event').selectAll().where('action', '=', 'annual_report.entries').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.before_json ?? 'null'), { [LICENSING]: { value: 126, note: '行政审批系统年度统计' }, [FEES]: { value: 1.2345, note: null } });
    assert.deepEqual(JSON.parse(audit.after_json ?? 'null'), { [LICENSING]: { value: 127, note: '更正' } });
  });

  void it('refuses bad entries all or nothing, saying which', async () => {
    const rows = await entryRows();
    const audits = await auditCount();
    const refuse = (entries: Parameters<typeof setEntries>[4], field: string, message: RegExp) =>
      rejectsWith(setEntries(ctx, actors.editor, region.litongDepartment.id, 2025, entries), 'VALIDATION_FAILED', field, message);
    await refuse([{ cell: 't3/new/total', value: 3 }], 'entries.0', /computed from the records/);
    await refuse([{ cell: 't9/nothing/here', value: 3 }], 'entries.0', /has no cell/);
    await refuse([{ cell: PENALTIES, value: -1 }], 'entries.0', /must not be negative/);
    await refuse([{ cell: PENALTIES, value: 2.5 }], 'entries.0', /whole number/);
    await refuse([{ cell: FEES, value: 1.23456 }], 'entries.0', /at most 4 decimals/);
    await refuse([{ cell: FEES, value: Number.NaN }], 'entries.0', /must be a number/);
    await refuse([{ cell: PENALTIES, value: 1, note: '说'.repeat(501) }], 'entries.0', /at most 500/);
    await refuse([{ cell: PENALTIES, value: 8 }, { cell: LICENSING, value: 1 }, { cell: PENALTIES, value: 9 }], 'entries.2', /given twice/);
    // One bad entry among good ones: nothing is written.
    await refuse([{ cell: PENALTIES, value: 8 }, { cell: LICENSING, value: -3 }], 'entries.1', /must not be negative/);
    await refuse([], 'entries', /no entries/);
    await rejectsWith(setEntries(ctx, actors.editor, region.litongDepartment.id, 1999, [{ cell: LICENSING, value: 1 }]), 'VALIDATION_FAILED', 'year');
    await rejectsWith(setEntries(ctx, actors.editor, 999_999, 2025, [{ cell: LICENSING, value: 1 }]), 'ORGANIZATION_UNKNOWN');
    assert.deepEqual(await entryRows(), rows);
    assert.equal(await auditCount(), audits);
  });

  void it('accepts 万元 with 4 decimals without floating-point noise, and the 2019 format’s signed 本年增/减', async () => {
    const entries = await setEntries(ctx, actors.editor, region.litongDepartment.id, 2025, [{ cell: FEES, value: 0.0394 }]);
    assert.equal(entries.find((e) => e.cell === FEES)?.value, 0.0394);
    const y2020 = await setEntries(ctx, actors.editor, region.litongDepartment.id, 2020, [{ cell: 't2-5/licensing/change', value: -3 }, { cell: 't2-5/licensing/previous', value: 40 }]);
    assert.deepEqual(y2020.map((e) => [e.cell, e.value]), [['t2-5/licensing/change', -3], ['t2-5/licensing/previous', 40]]);
    await rejectsWith(setEntries(ctx, actors.editor, region.litongDepartment.id, 2020, [{ cell: 't2-5/licensing/previous', value: -1 }]), 'VALIDATION_FAILED', 'entries.0');
  });

  void it('refuses users without reports.write on the organization', async () => {
    const rows = await entryRows();
    await rejectsWith(setEntries(ctx, actors.auditor, region.litongDepartment.id, 2025, [{ cell: LICENSING, value: 1 }]), 'FORBIDDEN');
    await rejectsWith(setEntries(ctx, actors.approver, region.litongDepartment.id, 2025, [{ cell: LICENSING, value: 1 }]), 'FORBIDDEN');
    await rejectsWith(setEntries(ctx, actors.yanchiEditor, region.litongDepartment.id, 2025, [{ cell: LICENSING, value: 1 }]), 'FORBIDDEN');
    await rejectsWith(setEntries(ctx, PUBLIC_ACTOR, region.litongDepartment.id, 2025, [{ cell: LICENSING, value: 1 }]), 'UNAUTHENTICATED');
    assert.deepEqual(await entryRows(), rows);
  });

  void it('moves a stored report’s version on, and refuses once the report is submitted', async () => {
    let report = await getOrCreateReport(ctx, seed, region.yanchiDepartment.id, 2025);
    await setEntries(ctx, seed, region.yanchiDepartment.id, 2025, [{ cell: LICENSING, value: 9 }]);
    const bumped = await getOrCreateReport(ctx, seed, region.yanchiDepartment.id, 2025);
    assert.equal(bumped.version, report.version + 1);
    const sections = Object.fromEntries(Object.entries(bumped.sections).map(([id, html]) => [id, html.replace(/【请填写[^】]*】/g, '本机关依照条例规定认真做好政府信息公开工作，及时准确发布信息，持续改进工作方法。')]));
    report = await saveReport(ctx, seed, bumped.id, { version: bumped.version, sections });
    report = await submitReport(ctx, seed, report.id, { version: report.version });
    const rows = await entryRows();
    await rejectsWith(setEntries(ctx, seed, region.yanchiDepartment.id, 2025, [{ cell: LICENSING, value: 10 }]), 'REPORT_LOCKED');
    assert.deepEqual(await entryRows(), rows);
    assert.equal(report.snapshot?.cells.find((c) => c.id === LICENSING)?.value, 9);
  });
});
