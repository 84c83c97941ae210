// The demo region's imported 2017 report on both dialects: loading the demo imports the real
// 吴忠市 2017 report as 吴忠市人民政府's, with the checker's findings (the report contradicts itself:
// 125981 items in the text against 127736 in the table), listed on the portal; the file it was
// read from is the reader's fixture, byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import { listPublishedReports } from '../annual-reports/published-report.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { WUZHONG_2017_REPORT } from './demo-reports.ts';
import { loadDemoRegion } from './demo-region.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');

void it('ships the real report unchanged (the reader\'s fixture)', () => {
  assert.deepEqual(readFileSync(WUZHONG_2017_REPORT), readFileSync(new URL('../../test/fixtures/reports/wuzhong-2017.txt', import.meta.url)));
});

describeEachDialect('demo imported report', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    await loadDemoRegion(ctx, systemActor('demo'), { synthetic2017: false });
  });
  after(() => t.close(store));

  void it('imports 吴忠市人民政府\'s 2017 report with its findings, shown on the portal', async () => {
    const city = await store.db.selectFrom('organization').selectAll().where('organization_code', '=', '640300000').executeTakeFirstOrThrow();
    const rows = await store.db.selectFrom('imported_report').selectAll().execute();
    assert.equal(rows.length, 1);
    const row = rows[0];
    assert.equal(Number(row?.organization_id), city.id);
    assert.equal(Number(row?.year), 2017);
    assert.equal(row?.format_id, '2014');
    assert.equal(row?.file_name, 'wuzhong-2017.txt');
    const findings = JSON.parse(row?.findings ?? '[]') as { rule: string; severity: string; found: unknown; expected: unknown }[];
    assert.ok(findings.filter((f) => f.severity === 'error').length >= 1);
    assert.ok(findings.some((f) => f.rule === 'V07' && f.severity === 'error' && f.found === 125981 && f.expected === 127736));
    const list = await listPublishedReports(ctx, PUBLIC_ACTOR, { year: 2017 });
    assert.deepEqual(
      list.imported.map((r) => [r.organizationName, r.year, r.counts.error >= 1]),
      [['吴忠市人民政府', 2017, true]],
    );
    const audit = await store.db.selectFrom('audit_event').select(['actor_label', 'entity_id']).where('action', '=', 'report.import').execute();
    assert.deepEqual(audit, [{ actor_label: 'system:demo', entity_id: String(row?.id) }]);
  });
});
