import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { insertItem } from '../../test/helpers/catalog-rows.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

type ErrorBody = { error: { code: string; issues?: { field: string }[] } };
type InterpretationBody = { id: number; form: string; policy: { id: number; title: string }; publishedOn: string; updatedAt: string; timeliness: { status: string; workingDaysAfterPolicy: number | null; deadline: string | null } };
type PressBody = { id: number; kind: string; principalLeaderAttended: boolean; items: { id: number }[]; updatedAt: string };
type ConcernBody = { id: number; topic: string; channel: string; updatedAt: string };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('engagement routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let policyId = 0;
  let editorAuth: { authorization: string };
  let auditorAuth: { authorization: string };
  let yanchiAuth: { authorization: string };
  let editor: { cookie: string; csrfToken: string };
  let auditor: { cookie: string; csrfToken: string };
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const e = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const a = await createTestUser(store, clock, { role: 'auditor', organizationId: region.litong.id });
    const y = await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id });
    editorAuth = { authorization: `Bearer ${await loginToken(store, e.user.username, e.password, clock)}` };
    auditorAuth = { authorization: `Bearer ${await loginToken(store, a.user.username, a.password, clock)}` };
    yanchiAuth = { authorization: `Bearer ${await loginToken(store, y.user.username, y.password, clock)}` };
    editor = await loginCookie(app, e.user.username, e.password);
    auditor = await loginCookie(app, a.user.username, a.password);
    policyId = await insertItem(store, { organization_id: region.litong.id, title: '利通区冬季供暖保障办法', index_number: '640302000/2026-00077', publication_date: '2026-11-19' });
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  void it('API: CRUD of interpretations, press events and concern responses, with 401/403/400/404/409', async () => {
    const body = { organizationId: region.litong.id, policyItemId: policyId, title: '图解供暖保障办法', form: 'graphic', publishedOn: '2026-11-24' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/interpretations', payload: body })).statusCode, 401);
    assert.equal((await app.inject({ method: 'POST', url: '/api/interpretations', headers: auditorAuth, payload: body })).statusCode, 403);
    assert.equal((await app.inject({ method: 'POST', url: '/api/interpretations', headers: yanchiAuth, payload: body })).statusCode, 403);
    const early = await app.inject({ method: 'POST', url: '/api/interpretations', headers: editorAuth, payload: { ...body, publishedOn: '2026-11-18' } });
    assert.equal(early.statusCode, 400);
    assert.deepEqual(early.json<ErrorBody>().error.issues?.map((i) => i.field), ['publishedOn']);
    const created = await app.inject({ method: 'POST', url: '/api/interpretations', headers: editorAuth, payload: body });
    assert.equal(created.statusCode, 201);
    const interpretation = created.json<InterpretationBody>();
    assert.deepEqual([interpretation.form, interpretation.policy.title, interpretation.timeliness.status, interpretation.timeliness.workingDaysAfterPolicy, interpretation.timeliness.deadline], ['graphic', '利通区冬季供暖保障办法', 'on_time', 3, '2026-11-24']);
    const stale = await app.inject({ method: 'PATCH', url: `/api/interpretations/${interpretation.id}`, headers: editorAuth, payload: { publishedOn: '2026-11-26', expectedUpdatedAt: 'old' } });
    assert.equal(stale.statusCode, 409);
    const patched = await app.inject({ method: 'PATCH', url: `/api/interpretations/${interpretation.id}`, headers: editorAuth, payload: { publishedOn: '2026-11-26', expectedUpdatedAt: interpretation.updatedAt } });
    assert.equal(patched.statusCode, 200);
    assert.deepEqual([patched.json<InterpretationBody>().timeliness.status, patched.json<InterpretationBody>().timeliness.workingDaysAfterPolicy], ['late', 5]);
    const list = await app.inject({ url: `/api/interpretations?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth });
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(list.json<{ interpretations: { id: number }[] }>().interpretations.map((i) => i.id), [interpretation.id]);
    assert.equal((await app.inject({ url: `/api/interpretations?organizationId=${region.litong.id}`, headers: yanchiAuth })).statusCode, 403);

    const concern = await app.inject({ method: 'POST', url: '/api/concern-responses', headers: editorAuth, payload: { organizationId: region.litong.id, topic: '供暖延期', channel: 'weibo_wechat', respondedOn: '2026-11-10' } });
    assert.equal(concern.statusCode, 201);
    const concernId = concern.json<ConcernBody>().id;
    const press = await app.inject({ method: 'POST', url: '/api/press-events', headers: editorAuth, payload: { organizationId: region.litong.id, kind: 'press_conference', heldOn: '2026-11-11', topic: '供暖新闻发布会', principalLeaderAttended: true, concernResponseId: concernId, itemIds: [policyId] } });
    assert.equal(press.statusCode, 201);
    const pressBody = press.json<PressBody>();
    assert.deepEqual([pressBody.principalLeaderAttended, pressBody.items.map((i) => i.id)], [true, [policyId]]);
    const linkedDelete = await app.inject({ method: 'DELETE', url: `/api/concern-responses/${concernId}`, headers: editorAuth });
    assert.deepEqual([linkedDelete.statusCode, linkedDelete.json<ErrorBody>().error.code], [409, 'CONFLICT']);

    const figures = await app.inject({ url: `/api/engagement/figures?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth });
    const rows = Object.fromEntries(figures.json<{ rows: { id: string; value: number }[] }>().rows.map((r) => [r.id, r.value]));
    // 1 concern response; the press conference answers it; the interpretation names none: 2.
    assert.deepEqual(rows, { responses: 2, pressConferences: 1, pressConferencesWithLeader: 1, onlineInterviews: 0, onlineInterviewsWithLeader: 0, interpretations: 1, weiboWechatResponses: 1, otherResponses: 0 });

    assert.equal((await app.inject({ method: 'DELETE', url: `/api/press-events/${pressBody.id}`, headers: auditorAuth })).statusCode, 403);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/press-events/${pressBody.id}`, headers: editorAuth })).statusCode, 204);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/concern-responses/${concernId}`, headers: editorAuth })).statusCode, 204);
    assert.equal((await app.inject({ url: `/api/press-events/${pressBody.id}`, headers: editorAuth })).statusCode, 404);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/interpretations/${interpretation.id}`, headers: editorAuth })).statusCode, 204);

    const openapi = await app.inject({ url: '/api/openapi.json' });
    const paths = Object.keys(openapi.json<{ paths: Record<string, unknown> }>().paths);
    for (const p of ['/api/press-events', '/api/press-events/{id}', '/api/interpretations', '/api/interpretations/{id}', '/api/concern-responses', '/api/concern-responses/{id}', '/api/engagement/figures']) assert.ok(paths.includes(p), p);
  });

  void it('console: add forms with CSRF and inline errors, edit with timeliness, delete; the portal shows the year', async () => {
    const post = (cookie: string, url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie, ...FORM }, payload: new URLSearchParams(fields).toString() });
    assert.equal((await app.inject({ url: '/console/engagement' })).statusCode, 303);
    const page = await app.inject({ url: `/console/engagement?organizationId=${region.litong.id}&year=2026`, headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /登记政策解读/);
    assert.match(page.body, /回应公众关注热点或重大舆情数/);
    const fields = { _csrf: editor.csrfToken, pi_organizationId: String(region.litong.id), pi_policyItem: '640302000/2026-00077', pi_title: '供暖办法问答', pi_interpretationForm: 'text', pi_publishedOn: '2026-11-20', pi_url: '', pi_interpretationItemId: '', pi_concernResponseId: '' };
    assert.equal((await post(editor.cookie, '/console/engagement/interpretations', { ...fields, _csrf: 'wrong' })).statusCode, 403);
    const auditorPost = await post(auditor.cookie, '/console/engagement/interpretations', { ...fields, _csrf: auditor.csrfToken });
    assert.equal(auditorPost.statusCode, 403);
    const bad = await post(editor.cookie, '/console/engagement/interpretations', { ...fields, pi_policyItem: 'no-such-index' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="pi_policyItem-error">[^<]*索引号 no-such-index/);
    const created = await post(editor.cookie, '/console/engagement/interpretations', fields);
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, `/console/engagement?organizationId=${region.litong.id}&year=2026&done=interpretation`);
    const listed = await app.inject({ url: String(created.headers.location), headers: { cookie: auditor.cookie } });
    assert.match(listed.body, /政策解读已登记/);
    assert.match(listed.body, /及时（政策发布后第 1 个工作日；时限 3 个工作日，截至 2026-11-24）/);
    assert.doesNotMatch(listed.body, /登记政策解读/, 'an auditor gets no add forms');
    const id = Number(/\/console\/engagement\/interpretations\/(\d+)/.exec(listed.body)?.[1]);
    const edit = await app.inject({ url: `/console/engagement/interpretations/${id}`, headers: { cookie: editor.cookie } });
    assert.match(edit.body, /value="640302000\/2026-00077"/);
    const expectedUpdatedAt = /name="expectedUpdatedAt" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
    const saved = await post(editor.cookie, `/console/engagement/interpretations/${id}`, { _csrf: editor.csrfToken, expectedUpdatedAt, policyItem: String(policyId), title: '供暖办法问答', interpretationForm: 'video', publishedOn: '2026-11-20', url: 'https://example.gov.cn/v.mp4', interpretationItemId: '', concernResponseId: '' });
    assert.equal(saved.statusCode, 303);

    const concern = await post(editor.cookie, '/console/engagement/concern-responses', { _csrf: editor.csrfToken, cr_organizationId: String(region.litong.id), cr_topic: '供暖费', cr_channel: 'media', cr_respondedOn: '2026-11-12', cr_summary: '', cr_url: '' });
    assert.equal(concern.statusCode, 303);
    const press = await post(editor.cookie, '/console/engagement/press-events', { _csrf: editor.csrfToken, pe_organizationId: String(region.litong.id), pe_kind: 'online_interview', pe_heldOn: '2026-11-13', pe_topic: '区长在线访谈', pe_principalLeaderAttended: '1', pe_speakers: '区长', pe_url: '', pe_itemIds: `${policyId}`, pe_concernResponseId: '' });
    assert.equal(press.statusCode, 303);

    const portal = await app.inject({ url: `/interaction?year=2026&org=${region.litong.id}` });
    assert.equal(portal.statusCode, 200);
    assert.match(portal.body, /区长在线访谈/);
    assert.match(portal.body, /主要负责同志参加/);
    assert.match(portal.body, /<a href="https:\/\/example.gov.cn\/v.mp4">供暖办法问答<\/a><\/td><td>视频/);
    assert.match(portal.body, /供暖费<\/td><td>广播电视报刊/);
    assert.equal((await app.inject({ url: '/interaction?year=abc' })).statusCode, 400);
    const item = await app.inject({ url: `/items/${policyId}` });
    assert.match(item.body, /相关解读[\s\S]*<a href="https:\/\/example.gov.cn\/v.mp4">供暖办法问答<\/a> <span class="tag">视频<\/span> <span class="date">2026-11-20<\/span>/);

    const deleted = await post(editor.cookie, `/console/engagement/interpretations/${id}/delete`, { _csrf: editor.csrfToken });
    assert.equal(deleted.statusCode, 303);
    assert.equal((await app.inject({ url: `/console/engagement/interpretations/${id}`, headers: { cookie: editor.cookie } })).statusCode, 404);
  });
});
