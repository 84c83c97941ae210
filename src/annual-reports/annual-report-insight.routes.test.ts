/**
 * The routes of the views over annual reports: the API (bearer token) and the console pages
 * (session cookie) of the records behind a cell, the roll-up comparison and the submission
 * dashboard, on the synthetic 2025 of test/helpers/report-trace-world.ts. Runs on SQLite and, when
 * configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { createTestUser, loginCookie, loginToken } from '../../test/helpers/factories.ts';
import { reportTraceWorld } from '../../test/helpers/report-trace-world.ts';
import type { ReportTraceWorld } from '../../test/helpers/report-trace-world.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

describeEachDialect('annual report insight routes', (t) => {
  let store: Store;
  let w: ReportTraceWorld;
  let app: GongkaiApp;
  let token = '';
  let cookie = '';

  before(async () => {
    store = await t.open();
    w = await reportTraceWorld(store);
    app = await buildApp(w.ctx, { logger: false });
    const { user, password } = await createTestUser(store, w.clock, { role: 'editor', organizationId: w.region.city.id });
    token = await loginToken(app, user.username, password);
    cookie = (await loginCookie(app, user.username, password)).cookie;
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const api = (url: string, auth = true) => app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${token}` } : {} });
  const page = (url: string, auth = true) => app.inject({ method: 'GET', url, headers: auth ? { cookie } : {} });

  void it('GET /api/reports/{orgId}/{year}/trace lists the records behind a cell', async () => {
    const city = w.region.city.id;
    const res = await api(`/api/reports/${city}/2025/trace?cell=${encodeURIComponent('t3/partial/business')}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ value: number; total: number; format: string; source: string; cases: { id: number; trackingCode: string }[] }>();
    assert.deepEqual([body.value, body.total, body.format, body.source], [2, 2, '2021', 'requests']);
    assert.deepEqual(body.cases.map((c) => c.id), [w.year.caseIds['C02'], w.year.caseIds['C31']]);
    // The members of a roll-up chosen in the query: 利通区 19 + 利通区教育局 7 new cases.
    const chosen = await api(`/api/reports/${city}/2025/trace?cell=t3/new/total&scope=rollup&members=${w.region.litong.id},${w.region.litongDepartment.id}`);
    assert.equal(chosen.json<{ value: number }>().value, 26);
    const fees = await api(`/api/reports/${city}/2025/trace?cell=stats/fees/value&format=2014`);
    assert.equal(fees.json<{ total: number }>().total, 0.14);
  });

  void it('the trace API refuses a bad cell, bad members and the public', async () => {
    const city = w.region.city.id;
    const bad = await api(`/api/reports/${city}/2025/trace?cell=t3/none/none`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'VALIDATION_FAILED');
    assert.equal((await api(`/api/reports/${city}/2025/trace?cell=t3/new/total&members=abc`)).statusCode, 400);
    assert.equal((await api(`/api/reports/${city}/2025/trace?cell=t3/new/total&presets=everything`)).statusCode, 400);
    assert.equal((await api(`/api/reports/${city}/2025/trace`)).statusCode, 400, 'cell is required');
    assert.equal((await api(`/api/reports/${city}/2025/trace?cell=t3/new/total`, false)).statusCode, 401);
  });

  void it('GET /api/reports/{orgId}/{year}/members compares the members', async () => {
    const res = await api(`/api/reports/${w.region.city.id}/2025/members`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ members: { id: number; figures: { requestsNew: number } }[]; thresholds: { jumpFactor: number }; figures: { id: string }[] }>();
    assert.deepEqual(body.members.map((m) => m.figures.requestsNew), [4, 2, 19, 7, 1, 1]);
    assert.equal(body.thresholds.jumpFactor, 10);
    assert.equal(body.figures[0]?.id, 'requestsNew');
  });

  void it('GET /api/reports/dashboard lists the organizations overseen', async () => {
    const res = await api(`/api/reports/dashboard?year=2025&organizationId=${w.region.city.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ rows: { name: string; status: string; daysLeft: number | null }[]; counts: Record<string, number>; today: string }>();
    // Today is 2026-01-31: the departments' last day (0 days left), 59 days before the governments'.
    assert.equal(body.today, '2026-01-31');
    assert.equal(body.rows.length, 6);
    assert.deepEqual(body.rows.map((r) => r.daysLeft), [0, 0, 0, 59, 59, 59]);
    assert.equal(body.counts['none'], 6);
    assert.equal((await api('/api/reports/dashboard?year=2025')).json<{ organization: { id: number } }>().organization.id, w.region.city.id);
  });

  void it('the trace page shows the records with links and the check of the total', async () => {
    const res = await page(`/console/reports/${w.region.city.id}/2025/trace?cell=${encodeURIComponent('t3/partial/business')}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.ok(res.body.includes(`href="/console/requests/${w.year.caseIds['C02']}"`));
    assert.ok(res.body.includes(`href="/console/requests/${w.year.caseIds['C31']}"`));
    assert.ok(res.body.includes('与表中数值一致'));
    assert.ok(res.body.includes('<label for="cell">单元格</label>'));
    const items = await page(`/console/reports/${w.region.city.id}/2025/trace?cell=${encodeURIComponent('t2-1/normative-documents/in-force')}`);
    assert.ok(items.body.includes(`href="/console/items/${w.items['D1']}"`));
    const reviews = await page(`/console/reports/${w.region.city.id}/2025/trace?cell=${encodeURIComponent('t4/cases/reconsideration-total')}`);
    assert.ok(reviews.body.includes(`href="/console/reviews/${w.extraReviews['RX1']}"`));
    const entries = await page(`/console/reports/${w.region.city.id}/2025/trace?cell=${encodeURIComponent('t2-5/licensing/decisions')}`);
    assert.ok(entries.body.includes('据行政审批局统计'));
  });

  void it('the trace page without a cell offers the picker; with a bad one says why (400)', async () => {
    const picker = await page(`/console/reports/${w.region.city.id}/2025/trace`);
    assert.equal(picker.statusCode, 200);
    assert.ok(picker.body.includes('value="t3/new/total"'));
    const bad = await page(`/console/reports/${w.region.city.id}/2025/trace?cell=t3/none/none&scope=rollup`);
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('没有单元格'));
    assert.ok(bad.body.includes('<input type="hidden" name="scope" value="rollup">'));
    const anonymous = await page(`/console/reports/${w.region.city.id}/2025/trace?cell=t3/new/total`, false);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login\?next=/);
  });

  void it('the members and dashboard pages', async () => {
    const members = await page(`/console/reports/${w.region.city.id}/2025/members`);
    assert.equal(members.statusCode, 200);
    assert.ok(members.body.includes('汇总单位数据对比'));
    assert.ok(members.body.includes('利通区教育局'));
    assert.ok(members.body.includes('本年办结申请由上年 1 增至 20'));
    const dashboard = await page('/console/reports/dashboard?year=2025');
    assert.equal(dashboard.statusCode, 200);
    assert.ok(dashboard.body.includes('2025年度报告报送情况'));
    assert.ok(dashboard.body.includes('今日到期'));
  });
});
