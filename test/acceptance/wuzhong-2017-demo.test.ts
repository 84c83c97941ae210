/**
 * Issue 6 acceptance: the demo's synthetic 2017 reproduces the real 吴忠市 2017 statistics table.
 * After `loadDemoRegion`, 吴忠市人民政府's 2014-format roll-up computed from the records equals
 * cell by cell the figures written by hand from the published table
 * (test/fixtures/expected/wuzhong-2017-stats.json) and the cells the reader read from the real report
 * the demo imports; no figure is entered by hand (every number comes from a record); the computed
 * table passes every identity while the real report keeps its contradictions; and the 2017 report
 * was published through the workflow with that table. Runs on SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { systemActor } from '../../src/auth/actor.ts';
import { computeAnnualReport } from '../../src/annual-reports/report-compute.service.ts';
import type { Store } from '../../src/db/dialect.ts';
import { loadDemoRegion } from '../../src/demo/demo-region.ts';
import type { DemoSummary } from '../../src/demo/demo-region.ts';
import { buildApp } from '../../src/http/app.ts';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { testContext } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';

const EXPECTED = JSON.parse(readFileSync(new URL('../fixtures/expected/wuzhong-2017-stats.json', import.meta.url), 'utf8')) as Record<string, number | string>;
/** The numeric rows of the hand-written table (the text row and the source note aside). */
const ROWS = Object.entries(EXPECTED).filter((e): e is [string, number] => typeof e[1] === 'number');
const SYSTEM = systemActor('test');

describeEachDialect('the demo 2017 reproduces the real 吴忠市 2017 statistics table', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let summary: DemoSummary | null;
  let cityId: number;
  before(async () => {
    store = await t.open();
    ctx = testContext(store, new FixedClock('2026-12-01T02:00:00Z'));
    summary = await loadDemoRegion(ctx, systemActor('demo'));
    cityId = Number((await store.db.selectFrom('organization').select('id').where('organization_code', '=', '640300000').executeTakeFirstOrThrow()).id);
  });
  after(() => t.close(store));

  void it('loads 127,736 items, 35 requests and 10 reviews for 2017 and publishes the report', () => {
    assert.deepEqual(summary?.year2017, { loaded: true, items: 127_736, requests: 35, reviews: 10, reportPublished: true });
  });

  void it('computes every cell of the table from records, equal to the hand-written figures', async () => {
    const report = await computeAnnualReport(ctx, SYSTEM, { organizationId: cityId, year: 2017 });
    assert.equal(report.formatId, '2014');
    assert.equal(report.scope, 'rollup');
    const computed = Object.fromEntries(ROWS.map(([row]) => [row, report.cells.values[`stats/${row}/value`]]));
    assert.deepEqual(computed, Object.fromEntries(ROWS));
    // No hand-entered totals: every numeric cell has a record source.
    const entered = ROWS.filter(([row]) => ['entry', 'not-entered'].includes(report.cells.sources[`stats/${row}/value`] ?? 'entry'));
    assert.deepEqual(entered, []);
    assert.equal(Number((await store.db.selectFrom('report_entry').select((eb) => eb.fn.countAll().as('n')).where('year', '=', 2017).executeTakeFirstOrThrow()).n), 0);
  });

  void it('equals the cells the reader read from the imported real report, and passes every identity the real one fails', async () => {
    const report = await computeAnnualReport(ctx, SYSTEM, { organizationId: cityId, year: 2017 });
    const row = await store.db.selectFrom('imported_report').select(['structured', 'findings']).where('year', '=', 2017).executeTakeFirstOrThrow();
    const real = JSON.parse(row.structured) as StructuredReport;
    const realCells = real.cells.filter((c) => c.id.startsWith('stats/') && typeof c.value === 'number');
    assert.ok(realCells.length >= 55, `read ${realCells.length} cells`);
    const differing = realCells.filter((c) => report.cells.values[c.id] !== c.value).map((c) => `${c.id}: real ${String(c.value)}, computed ${String(report.cells.values[c.id])}`);
    assert.deepEqual(differing, []);
    // Every identity holds, every section is there, every number in the text agrees with the table.
    assert.deepEqual(checkReport(report.report).map((f) => `${f.rule} ${f.message.en}`), []);
    const realErrors = (JSON.parse(row.findings) as { severity: string }[]).filter((f) => f.severity === 'error');
    assert.ok(realErrors.length >= 1, 'the real report keeps its contradictions');
  });

  void it('publishes 吴忠市人民政府\'s 2017 report with the computed table', async () => {
    const stored = await store.db.selectFrom('annual_report').select(['status', 'format_id', 'scope', 'snapshot']).where('organization_id', '=', cityId).where('year', '=', 2017).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'published');
    assert.equal(stored.format_id, '2014');
    const snapshot = JSON.parse(stored.snapshot ?? '{}') as StructuredReport;
    const frozen: Record<string, unknown> = Object.fromEntries(snapshot.cells.filter((c) => c.id.startsWith('stats/')).map((c) => [c.id.split('/')[1] ?? c.id, c.value]));
    assert.deepEqual(Object.fromEntries(ROWS.map(([r]) => [r, frozen[r]])), Object.fromEntries(ROWS));
  });

  void it('shows the computed table next to the imported real report on the portal: every cell agrees, the computed report has no error', async () => {
    const app = await buildApp(ctx, { logger: false });
    try {
      const row = await store.db.selectFrom('imported_report').select('id').where('year', '=', 2017).executeTakeFirstOrThrow();
      const page = await app.inject({ method: 'GET', url: `/reports/imported/${row.id}` });
      assert.equal(page.statusCode, 200);
      const text = page.body.replace(/<[^>]+>/g, '');
      assert.match(text, /与依据记录计算的统计表对照/);
      assert.match(text, /(\d+) 项中 \1 项一致，0 项不一致/);
      assert.match(text, /依据记录计算的报告错误 0，警告 0/);
      assert.match(text, /导入的公开报告错误 [1-9]/);
      assert.match(page.body, new RegExp(`href="/reports/${cityId}/2017"`));
    } finally {
      await app.close();
    }
  });
});
