// The console page of imported reports over HTTP: login required, the form (CSRF token in the
// multipart form's query, organizations the user may import for), an upload sent back to the list
// with a notice and the findings counted, a repeated upload recognised, a bad file shown inline
// (nothing stored), and staff without `reports.import` refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { createTestUser, loginCookie, seedRegion } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { sqliteStores } from '../../test/helpers/stores.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const WUZHONG = readFileSync(new URL('../../test/fixtures/reports/wuzhong-2017.txt', import.meta.url));
const BOUNDARY = '----gongkaiReportImportBoundary';

/** A multipart/form-data body with text fields and one file. */
function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

void describe('imported report console page', () => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let dataDir: string;
  let editor: { username: string; password: string };
  let auditor: { username: string; password: string };

  before(async () => {
    store = await sqliteStores.open();
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-import-console-'));
    region = await seedRegion(store, clock);
    const e = await createTestUser(store, clock, { role: 'editor', organizationId: region.city.id });
    editor = { username: e.user.username, password: e.password };
    const a = await createTestUser(store, clock, { role: 'auditor', organizationId: region.city.id });
    auditor = { username: a.user.username, password: a.password };
    app = await buildApp({ store, clock, config: loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) }, { logger: false });
  });
  after(async () => {
    await app.close();
    await sqliteStores.close(store);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const imports = async (): Promise<number> => (await store.db.selectFrom('imported_report').select('id').execute()).length;

  void it('sends anonymous visitors to the login page', async () => {
    const response = await app.inject({ method: 'GET', url: '/console/reports/imports' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/login?next=${encodeURIComponent('/console/reports/imports')}`);
  });

  void it('imports an uploaded report and lists it with its findings', async () => {
    const { cookie, csrfToken } = await loginCookie(app, editor.username, editor.password);
    const page = await app.inject({ method: 'GET', url: '/console/reports/imports', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>导入已公开的年度报告<\/h1>/);
    assert.match(page.body, /<form method="post" action="\/console\/reports\/imports\?_csrf=[^"]+" enctype="multipart\/form-data">/);
    assert.match(page.body, /<label for="file">报告文件<\/label>/);
    assert.match(page.body, /<label for="organizationId">所属机构<\/label>/);
    assert.match(page.body, /<label for="year">报告年度<\/label>/);
    assert.match(page.body, new RegExp(`<option value="${region.city.id}">吴忠市人民政府</option>`));
    assert.match(page.body, /还没有导入的报告。/);

    const refused = multipart({ organizationId: String(region.city.id) }, { name: 'wuzhong-2017.txt', type: 'text/plain', data: WUZHONG });
    assert.equal((await app.inject({ method: 'POST', url: '/console/reports/imports', headers: { cookie, ...refused.headers }, payload: refused.payload })).statusCode, 403);

    const upload = multipart({ organizationId: String(region.city.id), year: '' }, { name: 'wuzhong-2017.txt', type: 'text/plain', data: WUZHONG });
    const posted = await app.inject({ method: 'POST', url: `/console/reports/imports?_csrf=${encodeURIComponent(csrfToken)}`, headers: { cookie, ...upload.headers }, payload: upload.payload });
    assert.equal(posted.statusCode, 303);
    const row = await store.db.selectFrom('imported_report').selectAll().executeTakeFirstOrThrow();
    assert.equal(posted.headers.location, `/console/reports/imports?imported=${row.id}`);
    const findings = JSON.parse(row.findings) as { severity: string }[];
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    assert.ok(errors >= 1);

    const done = await app.inject({ method: 'GET', url: posted.headers.location, headers: { cookie } });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, new RegExp(`role="status">已导入吴忠市人民政府2017年年度报告（wuzhong-2017.txt），核查结果：错误 ${errors}，警告 ${warnings}。</p>`));
    assert.match(done.body, new RegExp(`<td>2017</td><td>吴忠市人民政府</td><td><a href="/reports/imported/${row.id}">吴忠市人民政府2017年政府信息公开工作年度报告</a></td><td><a href="/reports/imported/${row.id}/file">wuzhong-2017.txt</a></td><td>错误 ${errors}，警告 ${warnings}</td><td>2026-11-30</td>`));

    // The same file again, matched by the name it prints: recognised, nothing written.
    const again = multipart({ organizationId: '', year: '2017' }, { name: 'copy.txt', type: 'text/plain', data: WUZHONG });
    const repeated = await app.inject({ method: 'POST', url: `/console/reports/imports?_csrf=${encodeURIComponent(csrfToken)}`, headers: { cookie, ...again.headers }, payload: again.payload });
    assert.equal(repeated.statusCode, 303);
    assert.equal(repeated.headers.location, `/console/reports/imports?imported=${row.id}&again=1`);
    const notice = await app.inject({ method: 'GET', url: repeated.headers.location, headers: { cookie } });
    assert.match(notice.body, /role="status">吴忠市人民政府2017年年度报告（wuzhong-2017.txt）此前已导入，未重复导入。<\/p>/);
    assert.equal(await imports(), 1);
  });

  void it('shows what is wrong with a bad upload above the form, storing nothing', async () => {
    const { cookie, csrfToken } = await loginCookie(app, editor.username, editor.password);
    const before = await imports();
    const cases: [Record<string, string>, { name: string; type: string; data: Buffer }, number, RegExp][] = [
      [{ organizationId: String(region.city.id) }, { name: 'report.exe', type: 'application/octet-stream', data: Buffer.from('MZ') }, 415, /不允许的文件类型：年度报告文件应为 PDF、DOCX、HTML 或 TXT/],
      [{ organizationId: String(region.city.id) }, { name: 'note.txt', type: 'text/plain', data: Buffer.from('今天天气很好。\n', 'utf8') }, 422, /输入不是政府信息公开工作年度报告。/],
      [{ organizationId: String(region.city.id), year: '17' }, { name: 'wuzhong.txt', type: 'text/plain', data: WUZHONG }, 400, /报告年度应为四位数字/],
    ];
    for (const [fields, file, status, message] of cases) {
      const body = multipart(fields, file);
      const response = await app.inject({ method: 'POST', url: `/console/reports/imports?_csrf=${encodeURIComponent(csrfToken)}`, headers: { cookie, ...body.headers }, payload: body.payload });
      assert.equal(response.statusCode, status, file.name);
      assert.match(response.body, /<div class="error" role="alert"><p>/);
      assert.match(response.body, message);
      assert.match(response.body, /<form method="post" action="\/console\/reports\/imports\?_csrf=/);
    }
    assert.equal(await imports(), before);
    // 利通区's editor may not import for the city (the option is not offered; a forged post is refused).
    const litong = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const session = await loginCookie(app, litong.user.username, litong.password);
    const forged = multipart({ organizationId: String(region.city.id) }, { name: 'wuzhong.txt', type: 'text/plain', data: WUZHONG });
    const refused = await app.inject({ method: 'POST', url: `/console/reports/imports?_csrf=${encodeURIComponent(session.csrfToken)}`, headers: { cookie: session.cookie, ...forged.headers }, payload: forged.payload });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /<div class="error" role="alert"><p>无权执行此操作。<\/p><\/div>/);
    assert.ok(!refused.body.includes(`<option value="${region.city.id}">`));
    assert.equal(await imports(), before);
  });

  void it('refuses staff who may not import', async () => {
    const { cookie } = await loginCookie(app, auditor.username, auditor.password);
    const response = await app.inject({ method: 'GET', url: '/console/reports/imports', headers: { cookie } });
    assert.equal(response.statusCode, 403);
  });
});
