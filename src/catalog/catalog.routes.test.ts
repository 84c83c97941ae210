import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { CatalogWorld } from '../../test/helpers/catalog-fixtures.ts';
import { catalogCounts, catalogWorld, draftInput, itemAuditActions } from '../../test/helpers/catalog-fixtures.ts';
import { TEST_PASSWORD, loginCookie, loginToken, testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** A multipart body with one file part named `file`. */
function multipart(fileName: string, type: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----gongkaitest7d1';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { body: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface ApiItem {
  id: number;
  status: string;
  indexNumber: string | null;
  updatedAt: string;
  title: string;
  timeliness: { status: string; deadline: string | null };
}

describeEachDialect('catalog HTTP', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let w: CatalogWorld;
  let dir: string;
  let editorToken: string;
  let approverToken: string;
  before(async () => {
    store = await t.open();
    dir = await mkdtemp(join(tmpdir(), 'gk-api-'));
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const base = testContext(store, clock);
    const ctx = { ...base, config: { ...base.config, attachmentsDir: dir, maxUploadBytes: 4096 } };
    w = await catalogWorld(store, clock, ctx);
    app = await buildApp(ctx, { logger: false });
    editorToken = await loginToken(store, w.editorUser.username, TEST_PASSWORD, clock);
    approverToken = await loginToken(store, w.approverUser.username, TEST_PASSWORD, clock);
  });
  after(async () => {
    await app.close();
    await t.close(store);
    await rm(dir, { recursive: true, force: true });
  });
  const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

  void it('drafts, submits, publishes, withdraws through the API, with the public seeing only what is published', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/items', headers: bearer(editorToken), payload: draftInput(w.office.id) });
    assert.equal(created.statusCode, 201, created.body);
    const item = created.json<ApiItem & { organization_id?: unknown; createdBy?: unknown }>();
    assert.equal(item.status, 'draft');
    assert.equal(item.organization_id, undefined);
    assert.equal(item.createdBy, undefined);
    assert.deepEqual(item.timeliness, { deadline: '2026-11-30', status: 'pending', workingDaysLate: 0 });

    assert.equal((await app.inject({ url: `/api/items/${item.id}` })).statusCode, 404);
    assert.equal((await app.inject({ url: `/api/items/${item.id}`, headers: bearer(editorToken) })).statusCode, 200);
    assert.equal((await app.inject({ url: '/api/items?status=draft' })).statusCode, 401);
    const staffList = (await app.inject({ url: '/api/items?status=draft', headers: bearer(editorToken) })).json<{ items: ApiItem[]; total: number }>();
    assert.ok(staffList.items.some((i) => i.id === item.id));

    const stale = await app.inject({ method: 'PATCH', url: `/api/items/${item.id}`, headers: bearer(editorToken), payload: { title: '新标题', expectedUpdatedAt: '2020-01-01T00:00:00.000Z' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'CONFLICT');
    const patched = await app.inject({ method: 'PATCH', url: `/api/items/${item.id}`, headers: bearer(editorToken), payload: { title: '新标题', documentNumber: null, expectedUpdatedAt: item.updatedAt } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json<ApiItem & { documentNumber: string | null }>().documentNumber, null);

    const attach = multipart('附件.pdf', 'application/pdf', PDF);
    const uploaded = await app.inject({ method: 'POST', url: `/api/items/${item.id}/attachments`, headers: { ...bearer(editorToken), 'content-type': attach.contentType }, payload: attach.body });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const attachmentId = uploaded.json<{ id: number }>().id;
    const fake = multipart('fake.pdf', 'application/pdf', Buffer.from('MZ not a pdf'));
    const refused = await app.inject({ method: 'POST', url: `/api/items/${item.id}/attachments`, headers: { ...bearer(editorToken), 'content-type': fake.contentType }, payload: fake.body });
    assert.equal(refused.statusCode, 415);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'UPLOAD_TYPE');
    const big = multipart('big.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(5000)]));
    const tooBig = await app.inject({ method: 'POST', url: `/api/items/${item.id}/attachments`, headers: { ...bearer(editorToken), 'content-type': big.contentType }, payload: big.body });
    assert.equal(tooBig.statusCode, 413);

    assert.equal((await app.inject({ method: 'POST', url: `/api/items/${item.id}/publish`, headers: bearer(approverToken) })).statusCode, 409);
    assert.equal((await app.inject({ method: 'POST', url: `/api/items/${item.id}/submit`, headers: bearer(editorToken) })).statusCode, 200);
    assert.equal((await app.inject({ method: 'POST', url: `/api/items/${item.id}/publish`, headers: bearer(editorToken) })).statusCode, 403);
    const published = await app.inject({ method: 'POST', url: `/api/items/${item.id}/publish`, headers: bearer(approverToken) });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json<ApiItem>().indexNumber, '640300032/2026-00001');
    assert.deepEqual(published.json<ApiItem>().timeliness, { deadline: '2026-11-30', status: 'on_time', workingDaysLate: 0 });
    assert.deepEqual(await itemAuditActions(store, item.id), ['catalog.item.create', 'catalog.item.update', 'catalog.attachment.add', 'catalog.item.submit', 'catalog.item.publish']);

    const publicDetail = await app.inject({ url: `/api/items/${item.id}` });
    assert.equal(publicDetail.statusCode, 200);
    assert.equal(publicDetail.json<{ organizationName: string }>().organizationName, '吴忠市人民政府办公室');
    const download = await app.inject({ url: `/api/items/${item.id}/attachments/${attachmentId}` });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['content-disposition'], `attachment; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent('附件.pdf')}`);
    assert.deepEqual(download.rawPayload, PDF);
    const timeliness = await app.inject({ url: `/api/items/${item.id}/timeliness` });
    assert.deepEqual(timeliness.json(), { deadline: '2026-11-30', status: 'on_time', workingDaysLate: 0 });
    const publicList = (await app.inject({ url: `/api/items?organizationId=${w.office.id}` })).json<{ items: ApiItem[] }>();
    assert.deepEqual(publicList.items.map((i) => i.id), [item.id]);

    assert.equal((await app.inject({ method: 'POST', url: `/api/items/${item.id}/withdraw`, headers: bearer(approverToken), payload: { reason: '' } })).statusCode, 400);
    const withdrawn = await app.inject({ method: 'POST', url: `/api/items/${item.id}/withdraw`, headers: bearer(approverToken), payload: { reason: '信息有误' } });
    assert.equal(withdrawn.json<ApiItem>().status, 'withdrawn');
    assert.equal((await app.inject({ url: `/api/items/${item.id}` })).statusCode, 404);
    assert.equal((await app.inject({ url: `/api/items/${item.id}/attachments/${attachmentId}` })).statusCode, 404);
  });

  void it('refuses bad input with VALIDATION_FAILED naming the field, writing nothing', async () => {
    const before = await catalogCounts(store);
    const bad = await app.inject({ method: 'POST', url: '/api/items', headers: bearer(editorToken), payload: draftInput(w.office.id, { summary: '长'.repeat(101), bodyHtml: '<script>x</script>' }) });
    assert.equal(bad.statusCode, 400);
    const error = bad.json<{ error: { code: string; issues: { field: string }[] } }>().error;
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(error.issues.map((i) => i.field), ['summary', 'bodyHtml']);
    const unknownOrg = await app.inject({ method: 'POST', url: '/api/items', headers: bearer(editorToken), payload: draftInput(987_654) });
    assert.equal(unknownOrg.json<{ error: { code: string; issues: { field: string }[] } }>().error.issues[0]?.field, 'organizationId');
    assert.equal((await app.inject({ method: 'POST', url: '/api/items', payload: draftInput(w.office.id) })).statusCode, 401);
    assert.deepEqual(await catalogCounts(store), before);
  });

  void it('documents the routes in /api/openapi.json', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    for (const path of ['/api/items', '/api/items/{id}', '/api/items/{id}/submit', '/api/items/{id}/publish', '/api/items/{id}/withdraw', '/api/items/{id}/supersede', '/api/items/{id}/interpretations', '/api/items/{id}/attachments', '/api/items/{id}/timeliness']) {
      assert.ok(spec.paths[path], path);
    }
  });

  void it('serves the console: login redirect, dashboard, draft form with errors, lifecycle buttons by role', async () => {
    const anonymous = await app.inject({ url: '/console/items?status=draft' });
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, `/login?next=${encodeURIComponent('/console/items?status=draft')}`);

    const editor = await loginCookie(app, w.editorUser.username, TEST_PASSWORD);
    const approver = await loginCookie(app, w.approverUser.username, TEST_PASSWORD);
    const dashboard = await app.inject({ url: '/console', headers: { cookie: editor.cookie } });
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /<h1>工作台<\/h1>/);

    const form = await app.inject({ url: '/console/items/new', headers: { cookie: editor.cookie } });
    assert.equal(form.statusCode, 200);
    for (const label of ['标题', '索引号', '内容概述', '文号', '发布机构', '生成日期', '主题分类', '体裁分类', '关键词', '公开属性', '不予公开理由', '有效性', '生效日期', '废止/失效日期', '正文']) {
      assert.match(form.body, new RegExp(`<label for="[a-zA-Z]+">${label}`), label);
    }
    const post = (cookie: string, url: string, fields: Record<string, string>) =>
      app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

    const before = await catalogCounts(store);
    const fields = { _csrf: editor.csrfToken, organizationId: String(w.office.id), title: '控制台草稿', issuingAgency: '吴忠市人民政府办公室', creationDate: '2026-11-20', subjectCategory: 'art20-05', genre: 'notice', summary: '概'.repeat(101), keywords: '甲，乙', disclosureType: 'proactive', validity: 'in_force', bodyHtml: '<p>正文</p>' };
    const invalid = await post(editor.cookie, '/console/items', fields);
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /role="alert"/);
    assert.match(invalid.body, /内容概述不能超过 100 个字符/);
    assert.match(invalid.body, /value="控制台草稿"/);
    assert.deepEqual(await catalogCounts(store), before);
    assert.equal((await post(editor.cookie, '/console/items', { ...fields, _csrf: 'wrong', summary: '' })).statusCode, 403);

    const created = await post(editor.cookie, '/console/items', { ...fields, summary: '简要概述' });
    assert.equal(created.statusCode, 303);
    const id = Number(/\/console\/items\/(\d+)\?done=created/.exec(String(created.headers.location))?.[1]);
    assert.ok(id > 0);

    const editorView = await app.inject({ url: `/console/items/${id}?done=created`, headers: { cookie: editor.cookie } });
    assert.match(editorView.body, /草稿已保存/);
    assert.match(editorView.body, />提交审核<\/button>/);
    assert.doesNotMatch(editorView.body, />审核并发布<\/button>/);
    assert.match(editorView.body, /\/console\/audit\?entityType=catalog_item&amp;entityId=/);

    const attach = multipart('说明.txt', 'text/plain', Buffer.from('说明文字\n'));
    const csrfInQuery = await app.inject({ method: 'POST', url: `/console/items/${id}/attachments?_csrf=${encodeURIComponent(editor.csrfToken)}`, headers: { cookie: editor.cookie, 'content-type': attach.contentType }, payload: attach.body });
    assert.equal(csrfInQuery.statusCode, 303, csrfInQuery.body);

    assert.equal((await post(approver.cookie, `/console/items/${id}/submit`, { _csrf: approver.csrfToken })).statusCode, 403);
    assert.equal((await post(editor.cookie, `/console/items/${id}/submit`, { _csrf: editor.csrfToken })).statusCode, 303);
    const approverView = await app.inject({ url: `/console/items/${id}`, headers: { cookie: approver.cookie } });
    assert.match(approverView.body, />审核并发布<\/button>/);
    assert.match(approverView.body, />退回<\/button>/);
    assert.doesNotMatch(approverView.body, />提交审核<\/button>/);
    const noComment = await post(approver.cookie, `/console/items/${id}/return`, { _csrf: approver.csrfToken, comment: '' });
    assert.equal(noComment.statusCode, 400);
    assert.match(noComment.body, /请填写退回意见/);
    assert.equal((await post(approver.cookie, `/console/items/${id}/publish`, { _csrf: approver.csrfToken })).statusCode, 303);
    const publishedView = await app.inject({ url: `/console/items/${id}`, headers: { cookie: approver.cookie } });
    assert.match(publishedView.body, /640300032\/2026-\d{5}/);
    assert.match(publishedView.body, />撤回<\/button>/);
    const again = await post(approver.cookie, `/console/items/${id}/publish`, { _csrf: approver.csrfToken });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /已发布状态的信息不能审核并发布/);
    const list = await app.inject({ url: '/console/items?status=published&q=控制台', headers: { cookie: editor.cookie } });
    assert.match(list.body, /控制台草稿/);
  });

  void it('edits 发布渠道 with checkboxes on the console form (none checked is refused) and through the API', async () => {
    const editor = await loginCookie(app, w.editorUser.username, TEST_PASSWORD);
    const form = await app.inject({ url: '/console/items/new', headers: { cookie: editor.cookie } });
    assert.match(form.body, /<fieldset aria-describedby="channels-hint"><legend>发布渠道<\/legend>/);
    assert.match(form.body, /<input type="hidden" name="channelsShown" value="1">/);
    assert.match(form.body, /<input id="channels" name="channels" type="checkbox" value="gazette"> <label for="channels" style="display:inline">政府公报<\/label>/);
    assert.match(form.body, /<input id="channels-website" name="channels" type="checkbox" value="website" checked> <label for="channels-website" style="display:inline">政府网站<\/label>/, 'the default is checked');
    for (const [code, name] of [['weibo', '政务微博'], ['wechat', '政务微信'], ['other', '其他方式']]) {
      assert.match(form.body, new RegExp(`<input id="channels-${code}" name="channels" type="checkbox" value="${code}"> <label for="channels-${code}" style="display:inline">${name}</label>`));
    }
    const post = (url: string, pairs: [string, string][]) =>
      app.inject({ method: 'POST', url, headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(pairs).toString() });
    const base: [string, string][] = [
      ['_csrf', editor.csrfToken], ['organizationId', String(w.office.id)], ['title', '渠道测试'], ['issuingAgency', '吴忠市人民政府办公室'], ['creationDate', '2026-11-20'],
      ['subjectCategory', 'art20-05'], ['genre', 'notice'], ['disclosureType', 'proactive'], ['validity', 'in_force'], ['channelsShown', '1'],
    ];
    const before = await catalogCounts(store);
    const none = await post('/console/items', base);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /<li><a href="#channels">发布渠道<\/a>：请至少选择一个发布渠道<\/li>/);
    assert.match(none.body, /<fieldset aria-describedby="channels-hint channels-error">/);
    assert.doesNotMatch(none.body, /name="channels" type="checkbox" value="[a-z]+" checked/, 'the form comes back as it was sent: nothing checked');
    assert.deepEqual(await catalogCounts(store), before);

    const created = await post('/console/items', [...base, ['channels', 'wechat'], ['channels', 'gazette']]);
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(/\/console\/items\/(\d+)\?done=created/.exec(String(created.headers.location))?.[1]);
    const view = await app.inject({ url: `/console/items/${id}`, headers: { cookie: editor.cookie } });
    assert.match(view.body, /<dt>发布渠道<\/dt><dd>政府公报、政务微信<\/dd>/);

    const edit = await app.inject({ url: `/console/items/${id}/edit`, headers: { cookie: editor.cookie } });
    assert.match(edit.body, /value="gazette" checked/);
    assert.match(edit.body, /value="wechat" checked/);
    assert.doesNotMatch(edit.body, /value="website" checked/);
    const expectedUpdatedAt = /name="expectedUpdatedAt" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
    const saved = await post(`/console/items/${id}/edit`, [...base, ['expectedUpdatedAt', expectedUpdatedAt], ['channels', 'weibo']]);
    assert.equal(saved.statusCode, 303, saved.body);

    const api = await app.inject({ url: `/api/items/${id}`, headers: bearer(editorToken) });
    const item = api.json<ApiItem & { channels: string[] }>();
    assert.deepEqual(item.channels, ['weibo']);
    const patched = await app.inject({ method: 'PATCH', url: `/api/items/${id}`, headers: bearer(editorToken), payload: { channels: ['other', 'website'], expectedUpdatedAt: item.updatedAt } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(patched.json<{ channels: string[] }>().channels, ['website', 'other']);
    const refused = await app.inject({ method: 'PATCH', url: `/api/items/${id}`, headers: bearer(editorToken), payload: { channels: ['website', 'fax'], expectedUpdatedAt: patched.json<ApiItem>().updatedAt } });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<{ error: { issues: { field: string }[] } }>().error.issues[0]?.field, 'channels');
    const created2 = await app.inject({ method: 'POST', url: '/api/items', headers: bearer(editorToken), payload: draftInput(w.office.id) });
    assert.deepEqual(created2.json<{ channels: string[] }>().channels, ['website']);
  });
});
