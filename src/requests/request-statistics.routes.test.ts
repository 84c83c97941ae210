import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { createTestUser, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { createReview } from '../reviews/review.service.ts';
import { systemActor } from '../auth/actor.ts';

describeEachDialect('GET /api/requests/statistics', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let token: string;
  const clock = new FixedClock('2026-02-01T02:00:00Z');

  before(async () => {
    store = await t.open();
    const ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    await createReview(ctx, systemActor('test'), { organizationId: region.litong.id, path: 'direct-suit', applicantName: '王某', reviewingBody: '利通区人民法院', filedOn: '2025-04-01', decidedOn: '2025-10-01', outcome: 'corrected' });
    app = await buildApp(ctx, { logger: false });
    const { user, password } = await createTestUser(store, clock, { role: 'auditor', organizationId: region.litong.id });
    token = await loginToken(app, user.username, password);
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const get = (url: string, auth = true) => app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${token}` } : {} });

  void it('returns table 三 by row, table 四, the 2014 rows with labels, the fee statement and every cell by report id', async () => {
    const res = await get(`/api/requests/statistics?organizationId=${region.litong.id}&year=2025&format=2019`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{
      format: string;
      organizationName: string;
      table3: { row: string; label: string; values: Record<string, number> }[];
      table4: { id: string; label: string; value: number }[];
      rows2014: { id: string; label: string; value: number }[];
      fees: { yuan: number; statementZh: string };
      reviewsExcludedCoDefendant: number;
      cells: Record<string, number>;
    }>();
    assert.equal(body.format, '2019');
    assert.equal(body.organizationName, '利通区人民政府');
    assert.deepEqual(body.table3.map((r) => r.row).slice(-4), ['not-processed-confirmation', 'other', 'total', 'carried-over']);
    assert.deepEqual(Object.keys(body.table3[0]?.values ?? {}), ['natural', 'business', 'research', 'public-interest', 'legal-service', 'other', 'total']);
    assert.equal(body.table4.length, 15);
    assert.deepEqual(body.table4.find((c) => c.id === 't4/cases/direct-suit-corrected'), { id: 't4/cases/direct-suit-corrected', label: '行政诉讼·未经复议直接起诉·结果纠正', value: 1 });
    assert.deepEqual(body.rows2014.find((r) => r.id === 'stats/litigation-corrected/value'), { id: 'stats/litigation-corrected/value', label: '（二）被依法纠错数', value: 1 });
    assert.deepEqual(body.rows2014.find((r) => r.id === 'stats/requests-received/value'), { id: 'stats/requests-received/value', label: '（一）收到申请数', value: 0 });
    assert.deepEqual(body.fees, { yuan: 0, wanYuan: 0, statementZh: '本年度未收取政府信息公开信息处理费。' });
    assert.equal(body.cells['t4/cases/direct-suit-total'], 1);
    assert.equal(body.cells['t3/other/total'], 0);
  });

  void it('refuses a bad query, another subtree and the public', async () => {
    assert.equal((await get(`/api/requests/statistics?organizationId=${region.litong.id}&year=2025&format=2014`)).statusCode, 400);
    assert.equal((await get(`/api/requests/statistics?organizationId=${region.litong.id}`)).statusCode, 400);
    assert.equal((await get(`/api/requests/statistics?organizationId=${region.yanchi.id}&year=2025`)).statusCode, 403);
    assert.equal((await get(`/api/requests/statistics?organizationId=${region.litong.id}&year=2025`, false)).statusCode, 401);
  });
});
