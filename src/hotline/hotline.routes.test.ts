// The hotline over HTTP: the console (login required; upload with CSRF in the query; dry run by
// default with the per-organization summary and every bad row; a second POST imports the kept file;
// the overview with counts per organization and reply rate, filtered and paginated) and the API
// (bearer token; dry-run result sets, 400 IMPORT_INVALID, 403 outside the subtree, 401 anonymous;
// orders and statistics equal to hand counts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { sqliteStores } from '../../test/helpers/stores.ts';
import { countHotlineRows } from './hotline.repository.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const BOUNDARY = '----gongkaihotlineboundary';

/** A multipart/form-data body with text fields and one CSV file. */
function multipart(fields: Record<string, string>, file: { name: string; content: string } | null): { payload: Buffer; headers: Record<string, string> } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`));
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

const HEADER = '工单编号,受理时间,承办单位,诉求类型,诉求内容,办结时间,满意度';
const BAD = `${HEADER}\nR-1,2026-03-01,利通区人民政府,咨询,好的,2026-03-02,满意\nR-2,2026-03-05,利通区人民政府,表扬,类型错,,\nR-3,2026-03-05,盐池县人民政府,投诉,机构错,,\n`;
const GOOD = `${HEADER}\nR-1,2026-03-01,利通区人民政府,咨询,咨询公积金提取,2026-03-03,满意\nR-2,2026-03-05,利通区教育局,投诉,投诉学校食堂,2026-03-15,不满意\nR-3,2026-04-05,利通区教育局,建议,建议延长图书馆开放时间,,\n`;

void describe('hotline routes', () => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let dataDir: string;
  let editor: { username: string; password: string };
  before(async () => {
    store = await sqliteStores.open();
    region = await seedRegion(store, clock);
    const created = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    editor = { username: created.user.username, password: created.password };
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-hotline-'));
    app = await buildApp({ ...testContext(store, clock), config: loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) }, { logger: false });
  });
  after(async () => {
    await app.close();
    await sqliteStores.close(store);
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('sends anonymous visitors of the console pages to the login page', async () => {
    for (const url of ['/console/hotline', '/console/hotline/import']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/login?next=${encodeURIComponent(url)}`);
    }
  });

  void it('console: dry run by default lists every bad row; a clean dry run is imported by a second POST', async () => {
    const { cookie, csrfToken } = await loginCookie(app, editor.username, editor.password);
    const form = await app.inject({ method: 'GET', url: '/console/hotline/import', headers: { cookie } });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>导入 12345 热线工单<\/h1>/);
    assert.match(form.body, /<form method="post" action="\/console\/hotline\/import\?_csrf=[^"]+" enctype="multipart\/form-data">/);
    assert.match(form.body, /<label for="file">工单文件（CSV 或 XLSX）<\/label>/);
    assert.match(form.body, /<input id="dryRun" name="dryRun" type="checkbox" value="1" style="width:auto" checked/);
    assert.match(form.body, new RegExp(`<option value="${region.litongDepartment.id}"[^>]*>\u3000\u3000利通区教育局</option>`));
    assert.ok(!form.body.includes(`<option value="${region.yanchi.id}"`));

    const url = `/console/hotline/import?_csrf=${encodeURIComponent(csrfToken)}`;
    const noToken = multipart({ organizationId: String(region.litong.id), dryRun: '1' }, { name: 'bad.csv', content: BAD });
    assert.equal((await app.inject({ method: 'POST', url: '/console/hotline/import', headers: { cookie, ...noToken.headers }, payload: noToken.payload })).statusCode, 403);

    const bad = multipart({ organizationId: String(region.litong.id), dryRun: '1' }, { name: 'bad.csv', content: BAD });
    const checked = await app.inject({ method: 'POST', url, headers: { cookie, ...bad.headers }, payload: bad.payload });
    assert.equal(checked.statusCode, 200);
    assert.match(checked.body, /文件“bad.csv”共 3 行，其中 2 行有误（2 处问题）。未导入任何工单/);
    assert.match(checked.body, /<tr><td>第 2 行<\/td><td>诉求类型<\/td><td>诉求类型“表扬”应为咨询、投诉、建议、求助、举报、其他之一<\/td><\/tr>/);
    assert.match(checked.body, /<tr><td>第 3 行<\/td><td>承办单位<\/td><td>承办单位“盐池县人民政府”不是利通区人民政府或其下级机构/);
    assert.match(checked.body, /<tr><th scope="row">利通区人民政府<\/th><td>1<\/td><td>0<\/td><td>0<\/td><\/tr>/);
    assert.ok(!checked.body.includes('确认导入'));

    const good = multipart({ organizationId: String(region.litong.id), dryRun: '1' }, { name: 'good.csv', content: GOOD });
    const dry = await app.inject({ method: 'POST', url, headers: { cookie, ...good.headers }, payload: good.payload });
    assert.equal(dry.statusCode, 200);
    assert.match(dry.body, /校验通过：文件“good.csv”共 3 行，均无错误。/);
    assert.match(dry.body, /<tr><th scope="row">利通区教育局<\/th><td>2<\/td><td>0<\/td><td>0<\/td><\/tr>/);
    assert.deepEqual(await countHotlineRows(store.db), { orders: 0, imports: 0 });
    const sha = /name="sha256" value="([0-9a-f]{64})"/.exec(dry.body)?.[1];
    const confirmCsrf = /name="_csrf" value="([^"]+)"/.exec(dry.body)?.[1];
    assert.ok(sha && confirmCsrf);
    const confirmBody = new URLSearchParams({ _csrf: confirmCsrf, organizationId: String(region.litong.id), sha256: sha, fileName: 'good.csv' }).toString();
    const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const imported = await app.inject({ method: 'POST', url: '/console/hotline/import/confirm', headers, payload: confirmBody });
    assert.equal(imported.statusCode, 200);
    assert.match(imported.body, /已导入到 利通区人民政府：新增 3 件，更新 0 件，不变 0 件。/);
    assert.deepEqual(await countHotlineRows(store.db), { orders: 3, imports: 1 });
    const twice = await app.inject({ method: 'POST', url: '/console/hotline/import/confirm', headers, payload: confirmBody });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /待导入的文件已失效/);
    assert.deepEqual(await countHotlineRows(store.db), { orders: 3, imports: 1 });

    const empty = multipart({ organizationId: String(region.litong.id), dryRun: '1' }, null);
    const noFile = await app.inject({ method: 'POST', url, headers: { cookie, ...empty.headers }, payload: empty.payload });
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.body, /请选择要上传的 CSV 或 XLSX 文件。/);
    const elsewhere = multipart({ organizationId: String(region.yanchi.id), dryRun: '1' }, { name: 'good.csv', content: GOOD });
    const forbidden = await app.inject({ method: 'POST', url, headers: { cookie, ...elsewhere.headers }, payload: elsewhere.payload });
    assert.equal(forbidden.statusCode, 403);
    assert.match(forbidden.body, /您无权为所选机构导入热线工单。/);
  });

  void it('console overview: counts per organization with reply rate, filters and pages', async () => {
    const { cookie } = await loginCookie(app, editor.username, editor.password);
    const page = await app.inject({ method: 'GET', url: `/console/hotline?organizationId=${region.litong.id}&year=2026`, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<caption>利通区人民政府（含下级机构）2026年 12345 热线工单<\/caption>/);
    // 利通区人民政府: R-1 replied in 2 days; 利通区教育局: R-2 in 10 days, R-3 not replied.
    assert.match(page.body, /<tr><th scope="row">利通区人民政府<\/th><td>1<\/td><td>1<\/td><td>100.0%<\/td><td>2.0<\/td><\/tr>/);
    assert.match(page.body, /<tr><th scope="row">\u3000利通区教育局<\/th><td>2<\/td><td>1<\/td><td>50.0%<\/td><td>10.0<\/td><\/tr>/);
    assert.match(page.body, /<tfoot><tr><th scope="row">合计<\/th><td>3<\/td><td>2<\/td><td>66.7%<\/td><td>6.0<\/td><\/tr><\/tfoot>/);
    assert.match(page.body, /回访 2 件：满意 1 件、基本满意 0 件、不满意 1 件，满意率 50.0%/);
    assert.match(page.body, /<caption>共 3 件<\/caption>/);
    const unreplied = await app.inject({ method: 'GET', url: `/console/hotline?status=unreplied`, headers: { cookie } });
    assert.match(unreplied.body, /<caption>共 1 件<\/caption>/);
    assert.match(unreplied.body, /<tr><th scope="row">R-3<\/th><td>2026-04-05<\/td><td>利通区教育局<\/td><td>建议<\/td><td>建议延长图书馆开放时间<\/td><td>未办结<\/td><td><\/td><\/tr>/);
    const badYear = await app.inject({ method: 'GET', url: '/console/hotline?year=26', headers: { cookie } });
    assert.equal(badYear.statusCode, 400);
    assert.match(badYear.body, /年度应为四位年份/);
  });

  void it('API: dry run, IMPORT_INVALID, import, orders, statistics; 403 outside the subtree, 401 anonymous', async () => {
    const token = await loginToken(app, editor.username, editor.password);
    const auth = { authorization: `Bearer ${token}` };
    const bad = multipart({}, { name: 'bad.csv', content: BAD.replace(/R-/g, 'A-') });
    const dry = await app.inject({ method: 'POST', url: `/api/hotline/imports?organizationId=${region.litong.id}&dryRun=true`, headers: { ...auth, ...bad.headers }, payload: bad.payload });
    assert.equal(dry.statusCode, 200);
    const result = dry.json<{ total: number; invalid: number; created: number; importId: number | null; issues: { row: number; field: string }[] }>();
    assert.deepEqual([result.total, result.invalid, result.created, result.importId], [3, 2, 1, null]);
    assert.deepEqual(result.issues.map((i) => [i.row, i.field]), [[2, 'category'], [3, 'organization']]);

    const real = await app.inject({ method: 'POST', url: `/api/hotline/imports?organizationId=${region.litong.id}`, headers: { ...auth, ...bad.headers }, payload: bad.payload });
    assert.equal(real.statusCode, 400);
    const error = real.json<{ error: { code: string; issues: { row: number; field: string }[] } }>().error;
    assert.equal(error.code, 'IMPORT_INVALID');
    assert.deepEqual(error.issues.map((i) => [i.row, i.field]), [[2, 'category'], [3, 'organization']]);

    const good = multipart({}, { name: 'good.csv', content: GOOD.replace(/R-/g, 'A-') });
    const ok = await app.inject({ method: 'POST', url: `/api/hotline/imports?organizationId=${region.litong.id}`, headers: { ...auth, ...good.headers }, payload: good.payload });
    assert.equal(ok.statusCode, 200);
    const imported = ok.json<{ created: number; importId: number | null; organizations: { organizationName: string; created: number }[] }>();
    assert.equal(imported.created, 3);
    assert.ok(imported.importId !== null);
    assert.deepEqual(imported.organizations.map((o) => [o.organizationName, o.created]), [['利通区人民政府', 1], ['利通区教育局', 2]]);

    const forbidden = await app.inject({ method: 'POST', url: `/api/hotline/imports?organizationId=${region.yanchi.id}&dryRun=true`, headers: { ...auth, ...good.headers }, payload: good.payload });
    assert.equal(forbidden.statusCode, 403);
    const anonymous = await app.inject({ method: 'POST', url: `/api/hotline/imports?organizationId=${region.litong.id}&dryRun=true`, headers: good.headers, payload: good.payload });
    assert.equal(anonymous.statusCode, 401);

    const orders = await app.inject({ method: 'GET', url: `/api/hotline/orders?organizationId=${region.litongDepartment.id}&year=2026&pageSize=2`, headers: auth });
    assert.equal(orders.statusCode, 200);
    const list = orders.json<{ total: number; page: number; pageSize: number; orders: { orderNumber: string; organizationName: string; receivedOn: string; category: string; repliedOn: string | null; satisfaction: string | null }[] }>();
    assert.deepEqual([list.total, list.page, list.pageSize], [4, 1, 2]);
    assert.deepEqual(list.orders.map((o) => [o.orderNumber, o.receivedOn, o.category, o.repliedOn]), [
      ['A-3', '2026-04-05', 'suggestion', null],
      ['R-3', '2026-04-05', 'suggestion', null],
    ]);

    const stats = await app.inject({ method: 'GET', url: `/api/hotline/statistics?organizationId=${region.litong.id}&year=2026`, headers: auth });
    assert.equal(stats.statusCode, 200);
    const s = stats.json<{ received: number; replied: number; replyRate: number; averageReplyDays: number; satisfiedShare: number; byCategory: Record<string, { received: number; replied: number }>; byOrganization: { organizationName: string; received: number; replied: number; replyDaysTotal: number }[] }>();
    // Two copies of GOOD: 6 received, 4 replied (2 + 10 days each), 2 of 4 rated satisfied.
    assert.deepEqual([s.received, s.replied, s.replyRate, s.averageReplyDays, s.satisfiedShare], [6, 4, 4 / 6, 6, 0.5]);
    assert.deepEqual(s.byCategory['complaint'], { received: 2, replied: 2 });
    assert.deepEqual(s.byOrganization.map((o) => [o.organizationName, o.received, o.replied, o.replyDaysTotal]), [['利通区人民政府', 2, 2, 4], ['利通区教育局', 4, 2, 20]]);

    assert.equal((await app.inject({ method: 'GET', url: `/api/hotline/statistics?organizationId=${region.yanchi.id}&year=2026`, headers: auth })).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: `/api/hotline/orders?organizationId=${region.litong.id}` })).statusCode, 401);
    assert.equal((await app.inject({ method: 'GET', url: `/api/hotline/statistics?organizationId=${region.litong.id}&year=26`, headers: auth })).statusCode, 400);
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    assert.ok(spec.paths['/api/hotline/imports'] && spec.paths['/api/hotline/orders'] && spec.paths['/api/hotline/statistics']);
  });
});
