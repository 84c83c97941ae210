import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

type ErrorBody = { error: { code: string; issues?: { field: string }[] } };
type StaffingBody = { id: number; ogiOffices: number; staffFullTime: number; staffPartTime: number; funding: number; note: string | null; updatedAt: string };
type RecordBody = { id: number; organizationId: number; organizationName: string; updatedAt: string } & Record<string, unknown>;
type FiguresBody = { organizationName: string; subtree: boolean; figures: Record<string, number>; rows2014: { rowId: string; label: string; section: string | null; value: number }[] };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function auditCount(store: Store): Promise<number> {
  return Number((await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDialect('work record routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let editorAuth: { authorization: string };
  let auditorAuth: { authorization: string };
  let editor: { cookie: string; csrfToken: string };
  let auditor: { cookie: string; csrfToken: string };
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
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
  });

  void it('API: staffing get/put (401, 403, 400, 409) and figures of the organization and its subtree', async () => {
    const url = `/api/work-records/staffing?organizationId=${region.litong.id}&year=2025`;
    const empty = await app.inject({ url, headers: auditorAuth });
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(empty.json<{ organizationName: string; staffing: null }>(), { organizationId: region.litong.id, organizationName: '利通区人民政府', year: 2025, staffing: null });
    const body = { ogiOffices: 1, staffFullTime: 4, staffPartTime: 20, funding: 15.25, expectedUpdatedAt: null };
    assert.equal((await app.inject({ method: 'PUT', url, payload: body })).statusCode, 401);
    assert.equal((await app.inject({ method: 'PUT', url, headers: auditorAuth, payload: body })).statusCode, 403);
    assert.equal((await app.inject({ method: 'PUT', url: `/api/work-records/staffing?organizationId=${region.yanchi.id}&year=2025`, headers: editorAuth, payload: body })).statusCode, 403);
    const bad = await app.inject({ method: 'PUT', url, headers: editorAuth, payload: { ...body, funding: 1.00001 } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json<ErrorBody>().error.issues?.map((i) => i.field), ['funding']);
    const saved = await app.inject({ method: 'PUT', url, headers: editorAuth, payload: body });
    assert.equal(saved.statusCode, 200);
    const staffing = saved.json<StaffingBody>();
    assert.deepEqual([staffing.staffFullTime, staffing.funding, staffing.note], [4, 15.25, null]);
    const again = await app.inject({ method: 'PUT', url, headers: editorAuth, payload: body });
    assert.deepEqual([again.statusCode, again.json<ErrorBody>().error.code], [409, 'CONFLICT']);
    clock.advance(1000);
    const changed = await app.inject({ method: 'PUT', url, headers: editorAuth, payload: { ...body, staffPartTime: 21, note: '含乡镇兼职人员', expectedUpdatedAt: staffing.updatedAt } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json<StaffingBody>().note, '含乡镇兼职人员');

    await app.inject({ method: 'PUT', url: `/api/work-records/staffing?organizationId=${region.litongDepartment.id}&year=2025`, headers: editorAuth, payload: { ogiOffices: 0, staffFullTime: 1, staffPartTime: 2, funding: 0.75 } });
    const own = await app.inject({ url: `/api/work-records/figures?organizationId=${region.litong.id}&year=2025`, headers: auditorAuth });
    assert.equal(own.statusCode, 200);
    const ownBody = own.json<FiguresBody>();
    assert.deepEqual([ownBody.subtree, ownBody.figures['staff'], ownBody.figures['funding']], [false, 25, 15.25]);
    const rolled = (await app.inject({ url: `/api/work-records/figures?organizationId=${region.litong.id}&year=2025&subtree=true`, headers: auditorAuth })).json<FiguresBody>();
    assert.deepEqual([rolled.subtree, rolled.figures['staff'], rolled.figures['staffFullTime'], rolled.figures['funding'], rolled.figures['ogiOffices']], [true, 28, 5, 16, 1]);
    assert.deepEqual(rolled.rows2014.find((r) => r.rowId === 'staff'), { rowId: 'staff', label: '（三）从事政府信息公开工作人员数', section: null, unit: '人', value: 28 });
    assert.equal(rolled.rows2014.find((r) => r.rowId === 'ogi-offices')?.section, '八、机构建设和保障经费情况');
    assert.equal((await app.inject({ url: `/api/work-records/figures?organizationId=${region.yanchi.id}&year=2025`, headers: auditorAuth })).statusCode, 403);
    assert.equal((await app.inject({ url: `/api/work-records/figures?organizationId=${region.litong.id}`, headers: auditorAuth })).statusCode, 400);
  });

  void it('API: CRUD of reading points, meetings, training sessions and complaints', async () => {
    const audits = await auditCount(store);
    const point = { organizationId: region.litong.id, name: '利通区政务服务中心查阅点', address: '利通区开元大道 1 号', openingHours: '工作日 9:00–17:00', openedOn: '2019-05-01' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/reading-points', payload: point })).statusCode, 401);
    assert.equal((await app.inject({ method: 'POST', url: '/api/reading-points', headers: auditorAuth, payload: point })).statusCode, 403);
    const created = await app.inject({ method: 'POST', url: '/api/reading-points', headers: editorAuth, payload: point });
    assert.equal(created.statusCode, 201);
    const p = created.json<RecordBody>();
    assert.deepEqual([p['name'], p['closedOn'], p.organizationName], ['利通区政务服务中心查阅点', null, '利通区人民政府']);
    assert.equal((await app.inject({ url: `/api/reading-points/${p.id}`, headers: auditorAuth })).statusCode, 200);
    const list = await app.inject({ url: `/api/reading-points?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth });
    assert.deepEqual(list.json<{ records: RecordBody[] }>().records.map((r) => r.id), [p.id]);
    const stale = await app.inject({ method: 'PATCH', url: `/api/reading-points/${p.id}`, headers: editorAuth, payload: { closedOn: '2026-06-30', expectedUpdatedAt: '2000-01-01T00:00:00.000Z' } });
    assert.deepEqual([stale.statusCode, stale.json<ErrorBody>().error.code], [409, 'CONFLICT']);
    const badClose = await app.inject({ method: 'PATCH', url: `/api/reading-points/${p.id}`, headers: editorAuth, payload: { closedOn: '2019-04-30' } });
    assert.deepEqual(badClose.json<ErrorBody>().error.issues?.map((i) => i.field), ['closedOn']);
    clock.advance(1000);
    const closed = await app.inject({ method: 'PATCH', url: `/api/reading-points/${p.id}`, headers: editorAuth, payload: { closedOn: '2026-06-30', expectedUpdatedAt: p.updatedAt } });
    assert.equal(closed.statusCode, 200);
    assert.deepEqual([closed.json<RecordBody>()['closedOn'], closed.json<RecordBody>()['name']], ['2026-06-30', '利通区政务服务中心查阅点']);

    const meeting = await app.inject({ method: 'POST', url: '/api/ogi-meetings', headers: editorAuth, payload: { organizationId: region.litong.id, heldOn: '2026-12-01', title: '工作会议', kind: 'working' } });
    assert.equal(meeting.statusCode, 400);
    assert.deepEqual(meeting.json<ErrorBody>().error.issues?.map((i) => i.field), ['heldOn']);
    const badKind = await app.inject({ method: 'POST', url: '/api/ogi-meetings', headers: editorAuth, payload: { organizationId: region.litong.id, heldOn: '2026-03-01', title: '会议', kind: 'party' } });
    assert.equal(badKind.statusCode, 400);
    const training = await app.inject({ method: 'POST', url: '/api/training-sessions', headers: editorAuth, payload: { organizationId: region.litong.id, heldOn: '2026-04-01', title: '条例培训班', attendees: 60 } });
    assert.equal(training.statusCode, 201);
    const complaint = await app.inject({ method: 'POST', url: '/api/ogi-complaints', headers: editorAuth, payload: { organizationId: region.litong.id, receivedOn: '2026-05-06', channel: 'online', summary: '网站目录未更新' } });
    assert.equal(complaint.statusCode, 201);
    const c = complaint.json<RecordBody>();
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/ogi-complaints/${c.id}?expectedUpdatedAt=2000-01-01T00:00:00.000Z`, headers: editorAuth })).statusCode, 409);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/ogi-complaints/${c.id}`, headers: auditorAuth })).statusCode, 403);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/ogi-complaints/${c.id}`, headers: editorAuth })).statusCode, 204);
    assert.equal((await app.inject({ url: `/api/ogi-complaints/${c.id}`, headers: editorAuth })).statusCode, 404);
    // create point, update point, create training, create complaint, delete complaint.
    assert.equal(await auditCount(store), audits + 5);

    const figures = (await app.inject({ url: `/api/work-records/figures?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth })).json<FiguresBody>().figures;
    assert.deepEqual([figures['readingPoints'], figures['trainingSessions'], figures['trainees'], figures['complaints']], [0, 1, 60, 0]);
  });

  void it('console: the page with figures, staffing form and lists; add, edit and delete with CSRF; read-only for auditors', async () => {
    const post = (cookie: string, url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie, ...FORM }, payload: new URLSearchParams(fields).toString() });
    const pageUrl = `/console/work-records?organizationId=${region.litongDepartment.id}&year=2026`;
    assert.equal((await app.inject({ url: pageUrl })).statusCode, 303);
    const page = await app.inject({ url: pageUrl, headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /六、举报投诉数量/);
    assert.match(page.body, /八、机构建设和保障经费情况/);
    assert.match(page.body, /不包括政府公报及政府网站工作人员/);
    assert.match(page.body, /<label for="ogi-meetings-title">会议名称/);
    assert.match(page.body, /<label for="training-sessions-title">培训班名称/);

    const staffing = { _csrf: editor.csrfToken, organizationId: String(region.litongDepartment.id), year: '2026', expectedUpdatedAt: '', ogiOffices: '1', staffFullTime: '2', staffPartTime: '3', funding: '4.5', note: '' };
    const badStaffing = await post(editor.cookie, '/console/work-records/staffing', { ...staffing, staffFullTime: '-2' });
    assert.equal(badStaffing.statusCode, 400);
    assert.match(badStaffing.body, /专职人员数应为不小于 0 的整数/);
    const saved = await post(editor.cookie, '/console/work-records/staffing', staffing);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/console/work-records?organizationId=${region.litongDepartment.id}&year=2026&done=staffing#staffing-section`);
    assert.equal((await post(editor.cookie, '/console/work-records/staffing', staffing)).statusCode, 409, 'a second “new” save conflicts');

    const meeting = { _csrf: editor.csrfToken, organizationId: String(region.litongDepartment.id), year: '2026', 'ogi-meetings-heldOn': '2026-09-09', 'ogi-meetings-title': '教育系统政务公开专题会', 'ogi-meetings-kind': 'special' };
    const invalid = await post(editor.cookie, '/console/work-records/ogi-meetings', { ...meeting, 'ogi-meetings-title': '' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /role="alert"/);
    assert.match(invalid.body, /<a href="#ogi-meetings-title">会议：会议名称<\/a>：请填写会议名称/);
    assert.equal((await post(editor.cookie, '/console/work-records/ogi-meetings', { ...meeting, _csrf: 'wrong' })).statusCode, 403);
    assert.equal((await post(auditor.cookie, '/console/work-records/ogi-meetings', { ...meeting, _csrf: auditor.csrfToken })).statusCode, 403);
    assert.equal((await post(editor.cookie, '/console/work-records/unknown', meeting)).statusCode, 404);
    const created = await post(editor.cookie, '/console/work-records/ogi-meetings', meeting);
    assert.equal(created.statusCode, 303);

    const after = await app.inject({ url: pageUrl, headers: { cookie: editor.cookie } });
    assert.match(after.body, /教育系统政务公开专题会/);
    const id = /\/console\/work-records\/ogi-meetings\/(\d+)\/edit/.exec(after.body)?.[1] ?? '';
    assert.match(after.body, /<th scope="row">（一）召开政府信息与政务公开工作会议或专题会议数<\/th><td>1<\/td>/);
    assert.match(after.body, /<th scope="row">（三）从事政府信息公开工作人员数<\/th><td>5<\/td>/);

    const edit = await app.inject({ url: `/console/work-records/ogi-meetings/${id}/edit?year=2026`, headers: { cookie: editor.cookie } });
    assert.equal(edit.statusCode, 200);
    const expectedUpdatedAt = /name="expectedUpdatedAt" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
    clock.advance(1000);
    const changed = await post(editor.cookie, `/console/work-records/ogi-meetings/${id}`, { _csrf: editor.csrfToken, expectedUpdatedAt, year: '2026', 'ogi-meetings-heldOn': '2026-09-10', 'ogi-meetings-title': '教育系统政务公开专题会', 'ogi-meetings-kind': 'special' });
    assert.equal(changed.statusCode, 303);
    const stale = await post(editor.cookie, `/console/work-records/ogi-meetings/${id}`, { _csrf: editor.csrfToken, expectedUpdatedAt, year: '2026', 'ogi-meetings-heldOn': '2026-09-11', 'ogi-meetings-title': '会', 'ogi-meetings-kind': 'special' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /已被他人修改/);

    const readOnly = await app.inject({ url: pageUrl, headers: { cookie: auditor.cookie } });
    assert.equal(readOnly.statusCode, 200);
    assert.match(readOnly.body, /教育系统政务公开专题会/);
    assert.doesNotMatch(readOnly.body, /登记会议/);
    assert.doesNotMatch(readOnly.body, /action="\/console\/work-records\/staffing"/);

    const current = await app.inject({ url: pageUrl, headers: { cookie: editor.cookie } });
    const token = new RegExp(`/ogi-meetings/${id}/delete"[^>]*>.*?name="expectedUpdatedAt" value="([^"]+)"`).exec(current.body)?.[1] ?? '';
    const deleted = await post(editor.cookie, `/console/work-records/ogi-meetings/${id}/delete`, { _csrf: editor.csrfToken, expectedUpdatedAt: token, year: '2026' });
    assert.equal(deleted.statusCode, 303);
    assert.doesNotMatch((await app.inject({ url: pageUrl, headers: { cookie: editor.cookie } })).body, /教育系统政务公开专题会/);

    const badYear = await app.inject({ url: `/console/work-records?organizationId=${region.litong.id}&year=26`, headers: { cookie: auditor.cookie } });
    assert.equal(badYear.statusCode, 400);
    assert.match(badYear.body, /年度应为四位年份/);
  });

  void it('portal: /reading-points lists the points open today with their organization, for everyone', async () => {
    const point = { organizationId: region.litongDepartment.id, name: '利通区图书馆查阅点', address: '利通区文化街 2 号', openingHours: '周二至周日 9:00–17:00', openedOn: '2026-01-01' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/reading-points', headers: editorAuth, payload: point })).statusCode, 201);
    const page = await app.inject({ url: '/reading-points' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<th scope="row">利通区图书馆查阅点<\/th><td>利通区文化街 2 号<\/td><td>周二至周日 9:00–17:00<\/td><td>利通区教育局<\/td>/);
    assert.doesNotMatch(page.body, /利通区政务服务中心查阅点/, 'closed on 2026-06-30');
    assert.match(page.body, /第二十五条/);
  });
});
