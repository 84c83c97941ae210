// The portal's annual-report pages and downloads over HTTP: the list shows published and imported
// reports with their findings counted and never a draft, submitted or accepted one; a published
// report's page has its sections, its tables in the official layout and its downloads (DOCX and
// XLSX are ZIP packages, PDF starts %PDF, JSON validates against the report schema); an imported
// report's page marks the findings on its cells and passages; its original downloads unchanged.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { storeAnnualReport } from '../../test/helpers/annual-report-fixtures.ts';
import { seedRegion } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { sqliteStores } from '../../test/helpers/stores.ts';
import type { AnnualReport } from './annual-report.ts';
import type { ImportedReport } from './annual-report.repository.ts';
import { importReport } from './imported-report.service.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const WUZHONG = readFileSync(new URL('../../test/fixtures/reports/wuzhong-2017.txt', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../../schema/structured-report.v1.schema.json', import.meta.url), 'utf8')) as object;

void describe('annual report portal pages and downloads', () => {
  let store: Store;
  let app: GongkaiApp;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let dataDir: string;
  let published: AnnualReport;
  let imported: ImportedReport;

  before(async () => {
    store = await sqliteStores.open();
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-portal-reports-'));
    ctx = { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) };
    region = await seedRegion(store, clock);
    published = await storeAnnualReport(ctx, { organizationId: region.litong.id, year: 2025, status: 'published', publicationDate: '2026-01-20' });
    await storeAnnualReport(ctx, { organizationId: region.yanchi.id, year: 2025, status: 'draft' });
    await storeAnnualReport(ctx, { organizationId: region.city.id, year: 2025, status: 'submitted' });
    await storeAnnualReport(ctx, { organizationId: region.litongDepartment.id, year: 2025, status: 'accepted', publicationDate: '2026-01-25' });
    imported = (await importReport(ctx, systemActor('test'), { bytes: WUZHONG, fileName: 'wuzhong-2017.txt', organizationId: region.city.id })).report;
    app = await buildApp(ctx, { logger: false });
  });
  after(async () => {
    await app.close();
    await sqliteStores.close(store);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const errors = (r: { findings: { severity: string }[] | null }): number => (r.findings ?? []).filter((f) => f.severity === 'error').length;
  const warnings = (r: { findings: { severity: string }[] | null }): number => (r.findings ?? []).filter((f) => f.severity === 'warning').length;

  void it('lists published and imported reports by year, with their findings, and nothing else', async () => {
    const page = await get('/reports');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<a href="\/reports">年度报告<\/a>/);
    assert.match(page.body, /<h1>政府信息公开工作年度报告<\/h1>/);
    assert.match(page.body, /<h2 id="year-2025">2025年度<\/h2>/);
    assert.match(page.body, /<h2 id="year-2017">2017年度<\/h2>/);
    assert.ok(page.body.indexOf('year-2025') < page.body.indexOf('year-2017'), 'newest year first');
    const publishedRow = new RegExp(
      `<tr><td>利通区人民政府</td><td><a href="/reports/${region.litong.id}/2025">利通区人民政府2025年政府信息公开工作年度报告</a></td><td>本平台编制（汇总）</td><td>2026-01-20</td><td>错误 ${errors(published)}，警告 ${warnings(published)}`,
    );
    assert.match(page.body, publishedRow);
    const importedRow = new RegExp(
      `<tr><td>吴忠市人民政府</td><td><a href="/reports/imported/${imported.id}">吴忠市人民政府2017年政府信息公开工作年度报告</a></td><td>导入的已公开报告</td><td>2018-01-20</td><td>错误 ${errors(imported)}，警告 ${warnings(imported)}`,
    );
    assert.match(page.body, importedRow);
    assert.ok(errors(imported) >= 1);
    // Draft, submitted and accepted reports do not exist for the public.
    for (const org of [region.yanchi, region.city, region.litongDepartment]) assert.ok(!page.body.includes(`/reports/${org.id}/2025`), org.name);
    // The filters: only organizations and years that have a report to show.
    assert.match(page.body, new RegExp(`<option value="${region.litong.id}">利通区人民政府</option>`));
    assert.ok(!page.body.includes(`<option value="${region.yanchi.id}">`));
    assert.match(page.body, /<option value="2017">2017年<\/option>/);
  });

  void it('filters the list by year and organization', async () => {
    const y2017 = await get('/reports?year=2017&org=');
    assert.equal(y2017.statusCode, 200);
    assert.ok(y2017.body.includes(`/reports/imported/${imported.id}`));
    assert.ok(!y2017.body.includes(`/reports/${region.litong.id}/2025`));
    assert.match(y2017.body, /<option value="2017" selected>/);
    const litong = await get(`/reports?org=${region.litong.id}`);
    assert.ok(litong.body.includes(`/reports/${region.litong.id}/2025`));
    assert.ok(!litong.body.includes('/reports/imported/'));
    const none = await get('/reports?year=2009');
    assert.match(none.body, /没有符合条件的年度报告。/);
    assert.equal((await get('/reports?year=abc')).statusCode, 400);
  });

  void it('shows a published report: its sections, tables in the official layout and downloads', async () => {
    const page = await get(`/reports/${region.litong.id}/2025`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>利通区人民政府2025年政府信息公开工作年度报告<\/h1>/);
    assert.match(page.body, /<dt>发布日期<\/dt><dd>2026年1月20日<\/dd>/);
    assert.match(page.body, /<dt>统计范围<\/dt><dd>汇总（2 个机构）<\/dd>/);
    const headings = [...page.body.matchAll(/<h2 id="part-\d+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    // Each table after its section's text, captioned, with merged header cells and scopes.
    const at = (text: string): number => page.body.indexOf(text);
    assert.ok(at('三、收到和处理') < at('<caption>表三') && at('<caption>表三') < at('四、政府信息公开行政复议'));
    assert.match(page.body, /<th scope="colgroup" colspan="7">申请人情况<\/th>/);
    assert.match(page.body, /<th scope="rowgroup" rowspan="\d+">三、本年度办理结果<\/th>/);
    assert.match(page.body, /<td class="value" id="cell-t3\/new\/total">0<\/td>/);
    assert.match(page.body, /<div class="table-wrap" role="region" aria-label="表四[^"]*" tabindex="0"><table id="table-t4">/);
    assert.match(page.body, /<p class="signature">利通区人民政府<br>2026年1月20日<\/p>/);
    for (const kind of ['docx', 'pdf', 'xlsx', 'json']) assert.ok(page.body.includes(`href="/reports/${region.litong.id}/2025.${kind}"`), kind);
  });

  void it('answers 404 for reports that are not published, and for bad paths', async () => {
    for (const url of [
      `/reports/${region.yanchi.id}/2025`,
      `/reports/${region.city.id}/2025`,
      `/reports/${region.litongDepartment.id}/2025`,
      `/reports/${region.litong.id}/2024`,
      `/reports/${region.litong.id}/1999`,
      '/reports/abc/2025',
      `/reports/${region.litong.id}/20251`,
      `/reports/${region.yanchi.id}/2025.pdf`,
      `/reports/${region.city.id}/2025.docx`,
      `/reports/${region.litongDepartment.id}/2025.json`,
      `/reports/${region.litong.id}/2025.exe`,
      '/reports/imported/99999',
      '/reports/imported/99999/file',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
    }
  });

  void it('serves the published report\'s files from its frozen snapshot', async () => {
    const base = `/reports/${region.litong.id}/2025`;
    const docx = await get(`${base}.docx`);
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(String(docx.headers['content-disposition']), /^attachment; filename=".*\.docx"; filename\*=UTF-8''%E5%88%A9%E9%80%9A%E5%8C%BA/);
    assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const pdf = await get(`${base}.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 4).toString('latin1'), '%PDF');
    const xlsx = await get(`${base}.xlsx`);
    assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const json = await get(`${base}.json`);
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    const report = JSON.parse(json.body) as StructuredReport;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.deepEqual(report, published.snapshot);
    assert.equal(report.publicationDate?.date, '2026-01-20');
  });

  void it('shows an imported report with its findings on the cells and passages, and its original', async () => {
    const page = await get(`/reports/imported/${imported.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>吴忠市2017年政府信息公开工作年度报告<\/h1>/);
    assert.match(page.body, new RegExp(`<h2 id="findings-heading">核查发现（${imported.findings.length}）</h2>`));
    assert.match(page.body, new RegExp(`<dt>核查结果</dt><dd>错误 ${errors(imported)}，警告 ${warnings(imported)}`));
    // Every finding listed with its anchor; the first error is the 125981 items of the narrative.
    for (let i = 1; i <= errors(imported); i++) assert.ok(page.body.includes(`<li id="finding-E${i}" class="sev-error">`), `E${i}`);
    // The narrative passage the first error quotes is marked in the text and linked to it.
    assert.match(page.body, /<mark class="has-finding sev-error">[^<]*125981[^<]*<\/mark><a class="marker sev-error" href="#finding-E1"/);
    // The statistics cell it concerns is outlined and linked.
    assert.match(page.body, /<td class="value has-finding sev-error" id="cell-stats\/proactive-total\/value" title="[^"]*">\d+<a class="marker sev-error" href="#finding-E1"/);
    assert.match(page.body, /<caption>[^<]*统计表[^<]*<\/caption>/);
    // The stray catalog entry the reader left out is shown as such.
    assert.match(page.body, /读取时略去的内容（\d+ 处，非报告正文）/);
    assert.ok(page.body.includes(`<a href="/reports/imported/${imported.id}/file">wuzhong-2017.txt</a>`));

    const file = await get(`/reports/imported/${imported.id}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'text/plain');
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="wuzhong-2017.txt"/);
    assert.match(String(file.headers['content-security-policy']), /^sandbox/);
    assert.deepEqual(file.rawPayload, WUZHONG);
  });
});
