// Import and export over HTTP: the console pages (login required, CSRF in the multipart form's query,
// result page listing every bad row or "已导入 N 条") and the API (bearer token; 200 result set,
// 400 IMPORT_INVALID with the issues, downloads with the right type and file name).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { sqliteStores } from '../../test/helpers/stores.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const BOUNDARY = '----gongkaitestboundary';

/** A multipart/form-data body with text fields and one file. */
function multipart(fields: Record<string, string>, file: { name: string; content: string } | null): { payload: Buffer; headers: Record<string, string> } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`));
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

const BAD = '标题,生成日期,主题分类,体裁分类\n好的,2026-01-05,art20-01,通知\n日期错,2026-02-30,art20-01,通知\n,2026-01-05,art20-01,通知\n';
const GOOD = '标题,生成日期,主题分类,体裁分类\n草稿一,2026-01-05,art20-01,通知\n草稿二,2026-01-06,art20-01,通知\n';

void describe('catalog import and export routes', () => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let editor: { username: string; password: string };
  before(async () => {
    store = await sqliteStores.open();
    region = await seedRegion(store, clock);
    const created = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    editor = { username: created.user.username, password: created.password };
    app = await buildApp(testContext(store, clock), { logger: false });
  });
  after(async () => {
    await app.close();
    await sqliteStores.close(store);
  });

  void it('sends anonymous visitors of the console pages to the login page', async () => {
    for (const url of ['/console/import', `/console/export?org=${region.litong.id}&format=csv`]) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/login?next=${encodeURIComponent(url)}`);
    }
  });

  void it('shows the form, checks a file (every bad row listed) and imports a good one', async () => {
    const { cookie, csrfToken } = await loginCookie(app, editor.username, editor.password);
    const page = await app.inject({ method: 'GET', url: '/console/import', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>批量导入与导出<\/h1>/);
    assert.match(page.body, /<form method="post" action="\/console\/import\?_csrf=[^"]+" enctype="multipart\/form-data">/);
    assert.match(page.body, /<label for="dryRun" style="display:inline">仅校验（试运行）<\/label>/);
    // The editor of 利通区 may import into 利通区 and its department only.
    assert.match(page.body, new RegExp(`<option value="${region.litong.id}"[^>]*>[^<]*利通区人民政府</option>`));
    assert.ok(!page.body.includes(`<option value="${region.yanchi.id}"`));

    const noToken = multipart({ organizationId: String(region.litong.id), dryRun: '1' }, { name: 'bad.csv', content: BAD });
    const refused = await app.inject({ method: 'POST', url: '/console/import', headers: { cookie, ...noToken.headers }, payload: noToken.payload });
    assert.equal(refused.statusCode, 403);

    const dry = multipart({ organizationId: String(region.litong.id), dryRun: '1' }, { name: 'bad.csv', content: BAD });
    const checked = await app.inject({ method: 'POST', url: `/console/import?_csrf=${encodeURIComponent(csrfToken)}`, headers: { cookie, ...dry.headers }, payload: dry.payload });
    assert.equal(checked.statusCode, 200);
    assert.match(checked.body, /role="alert"><p>文件“bad.csv”共 3 行，其中 2 行有误（2 处问题）。/);
    assert.match(checked.body, /<tr><td>第 2 行<\/td><td>生成日期<\/td><td>生成日期应为 YYYY-MM-DD 格式的有效日期<\/td><\/tr>/);
    assert.match(checked.body, /<tr><td>第 3 行<\/td><td>标题<\/td><td>请填写标题<\/td><\/tr>/);

    const real = multipart({ organizationId: String(region.litong.id) }, { name: 'good.csv', content: GOOD });
    const imported = await app.inject({ method: 'POST', url: `/console/import?_csrf=${encodeURIComponent(csrfToken)}`, headers: { cookie, ...real.headers }, payload: real.payload });
    assert.equal(imported.statusCode, 200);
    assert.match(imported.body, /已导入 2 条（导入到 利通区人民政府）/);

    const empty = multipart({ organizationId: String(region.litong.id) }, null);
    const noFile = await app.inject({ method: 'POST', url: `/console/import?_csrf=${encodeURIComponent(csrfToken)}`, headers: { cookie, ...empty.headers }, payload: empty.payload });
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.body, /请选择要上传的 CSV 或 XLSX 文件。/);

    const download = await app.inject({ method: 'GET', url: `/console/export?org=${region.litong.id}&format=csv&status=`, headers: { cookie } });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(download.headers['content-disposition'], 'attachment; filename="catalog-640302000-2026-11-30.csv"');
    assert.ok(download.body.includes('草稿一'));
  });

  void it('API: bearer import with result sets and IMPORT_INVALID; export download; 401 without a token', async () => {
    const token = await loginToken(app, editor.username, editor.password);
    const auth = { authorization: `Bearer ${token}` };
    const bad = multipart({}, { name: 'bad.csv', content: BAD });
    const dry = await app.inject({ method: 'POST', url: `/api/items/import?organizationId=${region.litongDepartment.id}&dryRun=true`, headers: { ...auth, ...bad.headers }, payload: bad.payload });
    assert.equal(dry.statusCode, 200);
    const result = dry.json<{ total: number; invalid: number; issues: { row: number; field: string }[]; imported: number }>();
    assert.equal(result.total, 3);
    assert.equal(result.invalid, 2);
    assert.deepEqual(result.issues.map((i) => [i.row, i.field]), [[2, 'creationDate'], [3, 'title']]);

    const real = await app.inject({ method: 'POST', url: `/api/items/import?organizationId=${region.litongDepartment.id}`, headers: { ...auth, ...bad.headers }, payload: bad.payload });
    assert.equal(real.statusCode, 400);
    const error = real.json<{ error: { code: string; issues: { row: number; field: string }[] } }>().error;
    assert.equal(error.code, 'IMPORT_INVALID');
    assert.deepEqual(error.issues.map((i) => [i.row, i.field]), [[2, 'creationDate'], [3, 'title']]);

    const good = multipart({}, { name: 'good.csv', content: GOOD });
    const ok = await app.inject({ method: 'POST', url: `/api/items/import?organizationId=${region.litongDepartment.id}`, headers: { ...auth, ...good.headers }, payload: good.payload });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json<{ imported: number }>().imported, 2);

    const forbidden = await app.inject({ method: 'POST', url: `/api/items/import?organizationId=${region.yanchi.id}`, headers: { ...auth, ...good.headers }, payload: good.payload });
    assert.equal(forbidden.statusCode, 403);
    const anonymous = await app.inject({ method: 'POST', url: `/api/items/import?organizationId=${region.litong.id}`, headers: good.headers, payload: good.payload });
    assert.equal(anonymous.statusCode, 401);

    const exported = await app.inject({ method: 'GET', url: `/api/items/export?organizationId=${region.litong.id}&format=xlsx&includeSubtree=true`, headers: auth });
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.deepEqual([...exported.rawPayload.subarray(0, 2)], [0x50, 0x4b]);
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    assert.ok(spec.paths['/api/items/import'] && spec.paths['/api/items/export']);
  });
});
