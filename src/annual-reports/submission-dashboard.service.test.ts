/**
 * The submission dashboard over the seeded region (test/helpers/factories.ts) and a vertically
 * managed body outside the tree that names 吴忠市人民政府 as its competent OGI department; today is
 * 2026-02-10 (the departments' deadline passed 10 days ago, the governments' is 49 days away).
 * Runs on SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { storeReportStatus } from '../../test/helpers/report-trace-world.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { dashboardOrganizations, submissionDashboard } from './submission-dashboard.service.ts';

const SYSTEM = systemActor('test');

describeEachDialect('submissionDashboard', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let taxOffice = 0;
  let litongEditor: Actor;
  let yanchiEditor: Actor;

  before(async () => {
    store = await t.open();
    const clock = new FixedClock('2026-02-10T02:00:00Z');
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    taxOffice = (await createOrganization(ctx, SYSTEM, { parentId: null, name: '国家税务总局吴忠市税务局', kind: 'department', level: 'city', organizationCode: '640300900', competentDepartmentId: region.city.id })).id;
    await storeReportStatus(store, region.cityDepartment.id, 2025, 'submitted', '2026-01-30T02:00:00.000Z');
    await storeReportStatus(store, region.litongDepartment.id, 2025, 'draft');
    await storeReportStatus(store, region.yanchi.id, 2025, 'accepted', '2026-02-05T02:00:00.000Z');
    await storeReportStatus(store, region.litong.id, 2024, 'published', '2025-03-01T02:00:00.000Z');
    litongEditor = actorForUser((await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id })).user);
    yanchiEditor = actorForUser((await createTestUser(store, clock, { role: 'auditor', organizationId: region.yanchi.id })).user);
  });
  after(() => t.close(store));

  void it('lists the subtree and the bodies naming the department, overdue first', async () => {
    const d = await submissionDashboard(ctx, SYSTEM, { organizationId: region.city.id, year: 2025 });
    assert.equal(d.today, '2026-02-10');
    assert.deepEqual(
      d.rows.map((r) => [r.name, r.status, r.daysLeft, r.overdue]),
      [
        // Departments due 2026-01-31, not submitted: 10 days overdue (ties in tree order; the tax office is a root of its own).
        ['利通区教育局', 'draft', -10, true],
        ['盐池县卫生健康局', 'none', -10, true],
        ['国家税务总局吴忠市税务局', 'none', -10, true],
        // Governments due 2026-03-31.
        ['吴忠市人民政府', 'none', 49, false],
        ['利通区人民政府', 'none', 49, false],
        ['吴忠市财政局', 'submitted', null, false],
        ['盐池县人民政府', 'accepted', null, false],
      ],
    );
    assert.deepEqual(d.counts, { none: 4, draft: 1, submitted: 1, returned: 0, accepted: 1, published: 0 });
    assert.equal(d.overdue, 3);
    assert.equal(d.rows.find((r) => r.organizationId === taxOffice)?.deadline, '2026-01-31');
  });

  void it('defaults to last year and the caller\'s own organization', async () => {
    const d = await submissionDashboard(ctx, litongEditor, {});
    assert.equal(d.year, 2025);
    assert.equal(d.organization.id, region.litong.id);
    assert.deepEqual(d.rows.map((r) => r.name), ['利通区教育局', '利通区人民政府']);
    const root = await submissionDashboard(ctx, SYSTEM, { year: 2024 });
    assert.equal(root.organization.id, region.city.id);
    assert.equal(root.rows.find((r) => r.organizationId === region.litong.id)?.status, 'published');
  });

  void it('is read by staff of the department only', async () => {
    await assert.rejects(submissionDashboard(ctx, yanchiEditor, { organizationId: region.city.id }), (e: unknown) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(submissionDashboard(ctx, SYSTEM, { organizationId: 999_999 }), (e: unknown) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
    await assert.rejects(submissionDashboard(ctx, SYSTEM, { year: 2007 }), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
    assert.deepEqual((await dashboardOrganizations(ctx, yanchiEditor)).map((o) => o.name), ['盐池县人民政府']);
    assert.deepEqual((await dashboardOrganizations(ctx, litongEditor)).map((o) => o.name), ['利通区人民政府']);
    assert.deepEqual((await dashboardOrganizations(ctx, SYSTEM)).map((o) => o.name).sort(), ['利通区人民政府', '吴忠市人民政府', '国家税务总局吴忠市税务局', '盐池县人民政府'].sort());
  });
});
