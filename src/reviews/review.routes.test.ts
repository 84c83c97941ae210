import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { reviewCounts } from '../../test/helpers/review-fixtures.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

type ErrorBody = { error: { code: string; issues?: { field: string }[] } };
type ReviewBody = { id: number; organizationName: string; outcome: string; decidedOn: string | null; updatedAt: string; documents?: { id: number; kind: string }[] };
type TableBody = { organizationName: string; year: number; columns: { id: string; label: string; value: number }[]; rows2014: { id: string; value: number }[]; counted: number; excludedCoDefendant: number };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(fields: Record<string, string>, fileName: string, type: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----gongkaiReviewBoundary';
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { body: Buffer.concat([...parts, head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDialect('review routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let dir: string;
  let editorAuth: { authorization: string };
  let auditorAuth: { authorization: string };
  let editor: { cookie: string; csrfToken: string };
  let auditor: { cookie: string; csrfToken: string };
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    dir = await mkdtemp(join(tmpdir(), 'gk-review-routes-'));
    region = await seedRegion(store, clock);
    const base = testContext(store, clock);
    app = await buildApp({ ...base, config: { ...base.config, attachmentsDir: dir } }, { logger: false });
    const e = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const a = await createTestUser(store, clock, { role: 'auditor', organizationId: region.litong.id });
    editorAuth = { authorization: `Bearer ${await loginToken(store, e.user.username, e.password, clock)}` };
    auditorAuth = { authorization: `Bearer ${await loginToken(store, a.user.username, a.password, clock)}` };
    editor = await loginCookie(app, e.user.username, e.password);
    auditor = await loginCookie(app, a.user.username, a.password);
  });
  after(async () => {
    await app.close();
    await t.close(store);
    await rm(dir, { recursive: true, force: true });
  });

  void it('API: create (201, 400 with the field, 403 outside, 401 anonymous), read, patch (409 when stale), list and table', async () => {
    const body = { organizationId: region.litongDepartment.id, path: 'direct-suit', applicantName: '赵某', reviewingBody: '吴忠市利通区人民法院', filedOn: '2026-03-02', outcome: 'pending' };
    const anon = await app.inject({ method: 'POST', url: '/api/reviews', payload: body });
    assert.deepEqual([anon.statusCode, anon.json<ErrorBody>().error.code], [401, 'UNAUTHENTICATED']);
    const outside = await app.inject({ method: 'POST', url: '/api/reviews', headers: editorAuth, payload: { ...body, organizationId: region.yanchi.id } });
    assert.deepEqual([outside.statusCode, outside.json<ErrorBody>().error.code], [403, 'FORBIDDEN']);
    const invalid = await app.inject({ method: 'POST', url: '/api/reviews', headers: editorAuth, payload: { ...body, decidedOn: '2026-03-01', outcome: 'upheld' } });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json<ErrorBody>().error.issues?.map((i) => i.field), ['decidedOn']);
    const auditorCreate = await app.inject({ method: 'POST', url: '/api/reviews', headers: auditorAuth, payload: body });
    assert.equal(auditorCreate.statusCode, 403);

    const created = await app.inject({ method: 'POST', url: '/api/reviews', headers: editorAuth, payload: body });
    assert.equal(created.statusCode, 201);
    const review = created.json<ReviewBody>();
    assert.deepEqual([review.organizationName, review.outcome, review.decidedOn], ['利通区教育局', 'pending', null]);
    assert.equal('createdBy' in review, false);

    const stale = await app.inject({ method: 'PATCH', url: `/api/reviews/${review.id}`, headers: editorAuth, payload: { decidedOn: '2026-06-01', outcome: 'corrected', expectedUpdatedAt: '2000-01-01T00:00:00.000Z' } });
    assert.deepEqual([stale.statusCode, stale.json<ErrorBody>().error.code], [409, 'CONFLICT']);
    const patched = await app.inject({ method: 'PATCH', url: `/api/reviews/${review.id}`, headers: editorAuth, payload: { decidedOn: '2026-06-01', outcome: 'corrected', expectedUpdatedAt: review.updatedAt } });
    assert.equal(patched.statusCode, 200);
    assert.deepEqual([patched.json<ReviewBody>().outcome, patched.json<ReviewBody>().decidedOn], ['corrected', '2026-06-01']);

    const one = await app.inject({ url: `/api/reviews/${review.id}`, headers: auditorAuth });
    assert.deepEqual([one.statusCode, one.json<ReviewBody>().documents], [200, []]);
    assert.equal((await app.inject({ url: `/api/reviews/${review.id}` })).statusCode, 401);

    const list = await app.inject({ url: `/api/reviews?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth });
    assert.deepEqual(list.json<{ reviews: ReviewBody[] }>().reviews.map((r) => r.id), [review.id]);
    assert.equal((await app.inject({ url: `/api/reviews?organizationId=${region.yanchi.id}`, headers: auditorAuth })).statusCode, 403);

    const table = await app.inject({ url: `/api/reviews/table?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth });
    assert.equal(table.statusCode, 200);
    const t4 = table.json<TableBody>();
    assert.deepEqual([t4.organizationName, t4.year, t4.counted, t4.excludedCoDefendant, t4.columns.length], ['利通区人民政府', 2026, 1, 0, 15]);
    assert.deepEqual(t4.columns.filter((c) => c.value > 0).map((c) => [c.id, c.label, c.value]), [
      ['direct-suit-corrected', '行政诉讼·未经复议直接起诉·结果纠正', 1],
      ['direct-suit-total', '行政诉讼·未经复议直接起诉·总计', 1],
    ]);
    assert.deepEqual(t4.rows2014.filter((r) => r.value > 0).map((r) => r.id), ['litigation-total', 'litigation-corrected']);
    assert.equal((await app.inject({ url: `/api/reviews/table?organizationId=${region.litong.id}`, headers: auditorAuth })).statusCode, 400);
  });

  void it('console: list with year filter and table 四, new form, create, outcome form and document upload, all with CSRF', async () => {
    const form = await app.inject({ url: '/console/reviews/new', headers: { cookie: editor.cookie } });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<label for="applicantName">申请人（原告）/);
    assert.match(form.body, /name="_csrf"/);
    assert.equal((await app.inject({ url: '/console/reviews/new' })).statusCode, 303);

    const post = (cookie: string, url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie, ...FORM }, payload: new URLSearchParams(fields).toString() });
    const fields = {
      _csrf: editor.csrfToken,
      organizationId: String(region.litongDepartment.id),
      path: 'reconsideration',
      defendantRole: 'original-agency',
      applicantName: '钱某',
      reviewingBody: '利通区人民政府',
      requestCaseId: '',
      caseNumber: '',
      filedOn: '2026-10-09',
      reconsiderationDecidedOn: '',
      reconsiderationOutcome: '',
      suitFiledOn: '',
      decidedOn: '',
      outcome: 'upheld',
      summary: '',
    };
    const before = await reviewCounts(store);
    const invalid = await post(editor.cookie, '/console/reviews', fields);
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /role="alert"/);
    assert.match(invalid.body, /请填写审结日期/);
    assert.equal((await post(editor.cookie, '/console/reviews', { ...fields, _csrf: 'wrong', outcome: 'pending' })).statusCode, 403);
    assert.equal((await post(auditor.cookie, '/console/reviews', { ...fields, _csrf: auditor.csrfToken, outcome: 'pending' })).statusCode, 403);
    assert.deepEqual(await reviewCounts(store), before);

    const created = await post(editor.cookie, '/console/reviews', { ...fields, outcome: 'pending' });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    assert.match(location, /^\/console\/reviews\/\d+\?done=created$/);
    const id = Number(/\/(\d+)\?/.exec(location)?.[1]);

    const detail = await app.inject({ url: location, headers: { cookie: editor.cookie } });
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /案件已登记/);
    assert.match(detail.body, /登记结果或更正日期/);
    const expectedUpdatedAt = /name="expectedUpdatedAt" value="([^"]+)"/.exec(detail.body)?.[1] ?? '';
    const auditorView = await app.inject({ url: `/console/reviews/${id}`, headers: { cookie: auditor.cookie } });
    assert.equal(auditorView.statusCode, 200);
    assert.doesNotMatch(auditorView.body, /登记结果或更正日期/);

    const outcome = { _csrf: editor.csrfToken, expectedUpdatedAt, caseNumber: '利府复〔2026〕3号', filedOn: '2026-10-09', reconsiderationDecidedOn: '', reconsiderationOutcome: '', suitFiledOn: '', decidedOn: '2026-11-20', outcome: 'corrected', summary: '责令重新答复' };
    const badOutcome = await post(editor.cookie, `/console/reviews/${id}`, { ...outcome, decidedOn: '2026-10-01' });
    assert.equal(badOutcome.statusCode, 400);
    assert.match(badOutcome.body, /审结日期不能早于申请复议或起诉日期/);
    assert.equal((await post(editor.cookie, `/console/reviews/${id}`, outcome)).statusCode, 303);

    const upload = multipart({ kind: 'decision' }, '复议决定书.pdf', 'application/pdf', PDF);
    const noCsrf = await app.inject({ method: 'POST', url: `/console/reviews/${id}/documents`, headers: { cookie: editor.cookie, 'content-type': upload.contentType }, payload: upload.body });
    assert.equal(noCsrf.statusCode, 403);
    const uploaded = await app.inject({ method: 'POST', url: `/console/reviews/${id}/documents?_csrf=${encodeURIComponent(editor.csrfToken)}`, headers: { cookie: editor.cookie, 'content-type': upload.contentType }, payload: upload.body });
    assert.equal(uploaded.statusCode, 303);
    const bad = multipart({ kind: 'decision' }, 'run.exe', 'application/octet-stream', Buffer.from('MZ'));
    const refused = await app.inject({ method: 'POST', url: `/console/reviews/${id}/documents?_csrf=${encodeURIComponent(editor.csrfToken)}`, headers: { cookie: editor.cookie, 'content-type': bad.contentType }, payload: bad.body });
    assert.equal(refused.statusCode, 415);
    assert.match(refused.body, /不允许上传 \.exe/);

    const page = await app.inject({ url: `/console/reviews/${id}`, headers: { cookie: auditor.cookie } });
    assert.match(page.body, /结果纠正/);
    assert.match(page.body, /复议决定书、判决书或裁定书：<a href="\/console\/reviews\/\d+\/documents\/(\d+)">复议决定书\.pdf<\/a>/);
    const documentId = /\/documents\/(\d+)"/.exec(page.body)?.[1] ?? '';
    const download = await app.inject({ url: `/console/reviews/${id}/documents/${documentId}`, headers: { cookie: auditor.cookie } });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.rawPayload, PDF);

    const list = await app.inject({ url: `/console/reviews?organizationId=${region.litong.id}&year=2026`, headers: { cookie: auditor.cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /钱\*/, 'the auditor sees the applicant masked, as on cases');
    assert.doesNotMatch(list.body, /钱某/);
    assert.match(list.body, /利通区人民政府（含下级机关）2026年政府信息公开行政复议、行政诉讼情况（表四）/);
    assert.match(list.body, /<th scope="colgroup" colspan="10">行政诉讼<\/th>/);
    const badYear = await app.inject({ url: '/console/reviews?year=26', headers: { cookie: auditor.cookie } });
    assert.equal(badYear.statusCode, 400);
    assert.match(badYear.body, /年度应为四位年份/);
  });
});
