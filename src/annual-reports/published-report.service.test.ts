// What the portal reads of annual reports, on both dialects: only published reports are listed or
// found (a draft, submitted, returned or accepted one looks absent), each with the findings kept
// with it counted; the filters' organizations and years; a snapshot frozen before the publication
// date was set gets the stored date; staff exports take the snapshot once submitted.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { storeAnnualReport } from '../../test/helpers/annual-report-fixtures.ts';
import { seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { AnnualReport } from './annual-report.ts';
import { getPublishedReport, listPublishedReports } from './published-report.service.ts';
import { reportForExport } from './report-export.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');

describeEachDialect('published reports', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let litong2025: AnnualReport;
  let yanchi2024: AnnualReport;

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    litong2025 = await storeAnnualReport(ctx, { organizationId: region.litong.id, year: 2025, status: 'published', publicationDate: '2026-01-20' });
    // Frozen at submission before its date was set: the stored date fills the snapshot's.
    yanchi2024 = await storeAnnualReport(ctx, { organizationId: region.yanchi.id, year: 2024, status: 'published', publicationDate: '2025-03-28', dateInSnapshot: false });
    for (const [org, status] of [
      [region.city, 'draft'],
      [region.cityDepartment, 'submitted'],
      [region.litongDepartment, 'returned'],
      [region.yanchiDepartment, 'accepted'],
    ] as const) {
      await storeAnnualReport(ctx, { organizationId: org.id, year: 2025, status });
    }
  });
  after(() => t.close(store));

  void it('lists published reports only, newest year first, with their findings counted', async () => {
    const list = await listPublishedReports(ctx, PUBLIC_ACTOR);
    assert.deepEqual(
      list.computed.map((r) => [r.organizationName, r.year, r.publicationDate, r.scope]),
      [
        ['利通区人民政府', 2025, '2026-01-20', 'rollup'],
        ['盐池县人民政府', 2024, '2025-03-28', 'rollup'],
      ],
    );
    const findings = litong2025.findings ?? [];
    assert.deepEqual(list.computed[0]?.counts, {
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      info: findings.filter((f) => f.severity === 'info').length,
    });
    assert.deepEqual(list.imported, []);
    assert.deepEqual(list.options, {
      organizations: [
        { id: region.litong.id, name: '利通区人民政府' },
        { id: region.yanchi.id, name: '盐池县人民政府' },
      ].sort((a, b) => a.id - b.id),
      years: [2025, 2024],
    });
    assert.deepEqual((await listPublishedReports(ctx, PUBLIC_ACTOR, { year: 2024 })).computed.map((r) => r.organizationId), [region.yanchi.id]);
    assert.deepEqual((await listPublishedReports(ctx, PUBLIC_ACTOR, { organizationId: region.city.id })).computed, []);
  });

  void it('finds a published report with its snapshot; anything else is NOT_FOUND', async () => {
    const found = await getPublishedReport(ctx, PUBLIC_ACTOR, region.litong.id, 2025);
    assert.equal(found.organization.name, '利通区人民政府');
    assert.deepEqual(found.report, litong2025.snapshot);
    const dated = await getPublishedReport(ctx, PUBLIC_ACTOR, region.yanchi.id, 2024);
    assert.equal(yanchi2024.snapshot?.publicationDate, null);
    assert.deepEqual(dated.report.publicationDate, { date: '2025-03-28', source: 'option', position: null });
    for (const [org, year] of [
      [region.city.id, 2025],
      [region.cityDepartment.id, 2025],
      [region.litongDepartment.id, 2025],
      [region.yanchiDepartment.id, 2025],
      [region.litong.id, 2024],
    ] as const) {
      await assert.rejects(getPublishedReport(ctx, PUBLIC_ACTOR, org, year), (e: unknown) => isGongkaiError(e, 'NOT_FOUND'), `${org}/${year}`);
    }
  });

  void it('exports the snapshot once submitted, the computed report before', async () => {
    const staff = systemActor('test');
    assert.equal((await reportForExport(ctx, staff, region.cityDepartment.id, 2025)).source, 'snapshot');
    assert.equal((await reportForExport(ctx, staff, region.yanchiDepartment.id, 2025)).source, 'snapshot');
    assert.equal((await reportForExport(ctx, staff, region.city.id, 2025)).source, 'computed');
    const returned = await reportForExport(ctx, staff, region.litongDepartment.id, 2025);
    assert.deepEqual([returned.source, returned.status], ['computed', 'returned']);
    await assert.rejects(reportForExport(ctx, PUBLIC_ACTOR, region.city.id, 2025), (e: unknown) => isGongkaiError(e, 'UNAUTHENTICATED'));
  });
});
