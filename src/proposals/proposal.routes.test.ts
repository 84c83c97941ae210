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
type ProposalBody = { id: number; organizationName: string; dueOn: string; status: string; disclosure: string; publishedOn: string | null; withheldReason: string | null; updatedAt: string };
type CountsBody = { received: number; replied: number; replyRate: number | null; published: number; withheld: number; overdue: number };
type StatisticsBody = { organizationName: string; year: number; today: string; npcSuggestion: CountsBody; cppccProposal: CountsBody; total: CountsBody; organizations: { organizationName: string; npcReceived: number }[] };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('proposal routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let editorAuth: { authorization: string };
  let approverAuth: { authorization: string };
  let auditorAuth: { authorization: string };
  let editor: { cookie: string; csrfToken: string };
  let approver: { cookie: string; csrfToken: string };
  let auditor: { cookie: string; csrfToken: string };
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const e = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const p = await createTestUser(store, clock, { role: 'approver', organizationId: region.litong.id });
    const a = await createTestUser(store, clock, { role: 'auditor', organizationId: region.litong.id });
    editorAuth = { authorization: `Bearer ${await loginToken(store, e.user.username, e.password, clock)}` };
    approverAuth = { authorization: `Bearer ${await loginToken(store, p.user.username, p.password, clock)}` };
    auditorAuth = { authorization: `Bearer ${await loginToken(store, a.user.username, a.password, clock)}` };
    editor = await loginCookie(app, e.user.username, e.password);
    approver = await loginCookie(app, p.user.username, p.password);
    auditor = await loginCookie(app, a.user.username, a.password);
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  void it('API: create, read, patch, reply, publish, withhold, list and statistics with their errors', async () => {
    const body = { organizationId: region.litongDepartment.id, kind: 'npc_suggestion', session: '区十届人大五次会议', number: '第7号', title: '关于增加学位供给的建议', proposer: '刘某', receivedOn: '2026-08-31' };
    const anon = await app.inject({ method: 'POST', url: '/api/proposals', payload: body });
    assert.deepEqual([anon.statusCode, anon.json<ErrorBody>().error.code], [401, 'UNAUTHENTICATED']);
    assert.equal((await app.inject({ method: 'POST', url: '/api/proposals', headers: editorAuth, payload: { ...body, organizationId: region.yanchi.id } })).statusCode, 403);
    assert.equal((await app.inject({ method: 'POST', url: '/api/proposals', headers: auditorAuth, payload: body })).statusCode, 403);

    const created = await app.inject({ method: 'POST', url: '/api/proposals', headers: editorAuth, payload: body });
    assert.equal(created.statusCode, 201);
    const p = created.json<ProposalBody>();
    assert.deepEqual([p.organizationName, p.dueOn, p.status, p.disclosure], ['利通区教育局', '2026-11-30', 'unreplied', 'pending']);
    assert.equal('createdBy' in p, false);
    const dup = await app.inject({ method: 'POST', url: '/api/proposals', headers: editorAuth, payload: body });
    assert.equal(dup.statusCode, 400);
    assert.deepEqual(dup.json<ErrorBody>().error.issues?.map((i) => i.field), ['number']);

    const early = await app.inject({ method: 'POST', url: `/api/proposals/${p.id}/publish`, headers: approverAuth });
    assert.deepEqual([early.statusCode, early.json<ErrorBody>().error.code], [409, 'ILLEGAL_TRANSITION']);
    const stale = await app.inject({ method: 'PATCH', url: `/api/proposals/${p.id}`, headers: editorAuth, payload: { title: '关于增加公办学位供给的建议', expectedUpdatedAt: '2000-01-01T00:00:00.000Z' } });
    assert.deepEqual([stale.statusCode, stale.json<ErrorBody>().error.code], [409, 'CONFLICT']);
    const patched = await app.inject({ method: 'PATCH', url: `/api/proposals/${p.id}`, headers: editorAuth, payload: { title: '关于增加公办学位供给的建议', expectedUpdatedAt: p.updatedAt } });
    assert.equal(patched.statusCode, 200);

    const badReply = await app.inject({ method: 'POST', url: `/api/proposals/${p.id}/reply`, headers: editorAuth, payload: { repliedOn: '2026-12-01', replySummary: '已答复', adoption: 'planned' } });
    assert.deepEqual([badReply.statusCode, badReply.json<ErrorBody>().error.issues?.map((i) => i.field)], [400, ['repliedOn']]);
    const replied = await app.inject({ method: 'POST', url: `/api/proposals/${p.id}/reply`, headers: editorAuth, payload: { repliedOn: '2026-11-02', replySummary: '新建学校一所，2027年秋季投入使用。', adoption: 'being_solved' } });
    assert.deepEqual([replied.statusCode, replied.json<ProposalBody>().status], [200, 'replied']);
    assert.equal((await app.inject({ method: 'POST', url: `/api/proposals/${p.id}/publish`, headers: editorAuth })).statusCode, 403);
    const published = await app.inject({ method: 'POST', url: `/api/proposals/${p.id}/publish`, headers: approverAuth, payload: { publishedOn: '2026-11-03' } });
    assert.deepEqual([published.statusCode, published.json<ProposalBody>().disclosure, published.json<ProposalBody>().publishedOn], [200, 'published', '2026-11-03']);
    const again = await app.inject({ method: 'POST', url: `/api/proposals/${p.id}/withhold`, headers: approverAuth, payload: { reason: '涉及国家秘密' } });
    assert.equal(again.statusCode, 409);

    const q = await app.inject({ method: 'POST', url: '/api/proposals', headers: editorAuth, payload: { ...body, kind: 'cppcc_proposal', session: '区政协九届五次会议', number: '第3号', receivedOn: '2026-05-01', dueOn: '2026-07-31' } });
    const qId = q.json<ProposalBody>().id;
    assert.equal(q.json<ProposalBody>().status, 'overdue');
    await app.inject({ method: 'POST', url: `/api/proposals/${qId}/reply`, headers: editorAuth, payload: { repliedOn: '2026-08-10', replySummary: '涉密', adoption: 'explained' } });
    const shortReason = await app.inject({ method: 'POST', url: `/api/proposals/${qId}/withhold`, headers: approverAuth, payload: { reason: '涉密' } });
    assert.deepEqual([shortReason.statusCode, shortReason.json<ErrorBody>().error.issues?.map((i) => i.field)], [400, ['withheldReason']]);
    const withheld = await app.inject({ method: 'POST', url: `/api/proposals/${qId}/withhold`, headers: approverAuth, payload: { reason: '涉及国家秘密' } });
    assert.deepEqual([withheld.statusCode, withheld.json<ProposalBody>().withheldReason], [200, '涉及国家秘密']);

    const one = await app.inject({ url: `/api/proposals/${p.id}`, headers: auditorAuth });
    assert.equal(one.statusCode, 200);
    assert.equal((await app.inject({ url: `/api/proposals/${p.id}` })).statusCode, 401);
    const list = await app.inject({ url: `/api/proposals?organizationId=${region.litong.id}&year=2026&kind=npc_suggestion`, headers: auditorAuth });
    assert.deepEqual(list.json<{ proposals: ProposalBody[] }>().proposals.map((r) => r.id), [p.id]);
    assert.equal((await app.inject({ url: `/api/proposals?organizationId=${region.yanchi.id}`, headers: auditorAuth })).statusCode, 403);
    assert.equal((await app.inject({ url: '/api/proposals?status=lost', headers: auditorAuth })).statusCode, 400);

    const stats = await app.inject({ url: `/api/proposals/statistics?organizationId=${region.litong.id}&year=2026`, headers: auditorAuth });
    assert.equal(stats.statusCode, 200);
    const s = stats.json<StatisticsBody>();
    assert.deepEqual([s.organizationName, s.year, s.today], ['利通区人民政府', 2026, '2026-11-30']);
    assert.deepEqual([s.npcSuggestion.received, s.npcSuggestion.replied, s.npcSuggestion.replyRate, s.npcSuggestion.published], [1, 1, 1, 1]);
    assert.deepEqual([s.cppccProposal.received, s.cppccProposal.withheld, s.cppccProposal.overdue], [1, 1, 0]);
    assert.deepEqual([s.total.received, s.total.replyRate], [2, 1]);
    assert.deepEqual(s.organizations.map((o) => [o.organizationName, o.npcReceived]), [['利通区教育局', 1]]);
    assert.equal((await app.inject({ url: `/api/proposals/statistics?organizationId=${region.litong.id}`, headers: auditorAuth })).statusCode, 400);
    assert.equal((await app.inject({ url: `/api/proposals/statistics?organizationId=${region.yanchi.id}&year=2026`, headers: auditorAuth })).statusCode, 403);
  });

  void it('console: list with filters, overdue in red and statistics; register, reply, publish and withhold forms with CSRF', async () => {
    const page = await app.inject({ url: '/console/proposals', headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="session">届次会议/);
    assert.match(page.body, /name="_csrf"/);
    assert.equal((await app.inject({ url: '/console/proposals' })).statusCode, 303);
    const auditorPage = await app.inject({ url: '/console/proposals', headers: { cookie: auditor.cookie } });
    assert.doesNotMatch(auditorPage.body, /登记交办的建议提案/);

    const post = (cookie: string, url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie, ...FORM }, payload: new URLSearchParams(fields).toString() });
    const fields = { _csrf: editor.csrfToken, organizationId: String(region.litong.id), kind: 'npc_suggestion', session: '区十届人大五次会议', number: '第88号', title: '关于治理背街小巷的建议', proposer: '陈某', role: 'lead', receivedOn: '2026-07-01', dueOn: '' };
    const invalid = await post(editor.cookie, '/console/proposals', { ...fields, title: '' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /role="alert"/);
    assert.match(invalid.body, /标题不能为空/);
    assert.equal((await post(editor.cookie, '/console/proposals', { ...fields, _csrf: 'wrong' })).statusCode, 403);
    assert.equal((await post(auditor.cookie, '/console/proposals', { ...fields, _csrf: auditor.csrfToken })).statusCode, 403);

    const created = await post(editor.cookie, '/console/proposals', fields);
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    assert.match(location, /^\/console\/proposals\/\d+\?done=created$/);
    const id = Number(/\/(\d+)\?/.exec(location)?.[1]);
    const dup = await post(editor.cookie, '/console/proposals', fields);
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /本机关已登记过区十届人大五次会议第88号/);

    // Due 2026-10-01, not replied on 2026-11-30: overdue, in red.
    const list = await app.inject({ url: `/console/proposals?org=${region.litong.id}&year=2026&status=overdue`, headers: { cookie: auditor.cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<tr class="late"><td>区十届人大五次会议 第88号<\/td>/);
    assert.match(list.body, /利通区人民政府（含下级机关）2026年建议提案办理情况/);
    const badYear = await app.inject({ url: '/console/proposals?year=26', headers: { cookie: auditor.cookie } });
    assert.equal(badYear.statusCode, 400);

    const detail = await app.inject({ url: location, headers: { cookie: editor.cookie } });
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /已登记/);
    assert.match(detail.body, /逾期未答复/);
    assert.match(detail.body, /登记答复/);
    assert.doesNotMatch(detail.body, /公开办理结果/);
    const stamp = /name="expectedUpdatedAt" value="([^"]+)"/.exec(detail.body)?.[1] ?? '';

    const reply = { _csrf: editor.csrfToken, expectedUpdatedAt: stamp, repliedOn: '2026-06-30', adoption: 'solved_or_adopted', replySummary: '已完成12条背街小巷改造。' };
    const badReply = await post(editor.cookie, `/console/proposals/${id}/reply`, reply);
    assert.equal(badReply.statusCode, 400);
    assert.match(badReply.body, /答复日期不能早于交办日期/);
    assert.equal((await post(editor.cookie, `/console/proposals/${id}/reply`, { ...reply, repliedOn: '2026-09-20' })).statusCode, 303);

    const approverView = await app.inject({ url: `/console/proposals/${id}`, headers: { cookie: approver.cookie } });
    assert.match(approverView.body, /公开办理结果/);
    const noReason = await post(approver.cookie, `/console/proposals/${id}/withhold`, { _csrf: approver.csrfToken, withheldReason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /请写明不予公开的理由/);
    assert.equal((await post(editor.cookie, `/console/proposals/${id}/publish`, { _csrf: editor.csrfToken, publishedOn: '2026-11-30' })).statusCode, 403);
    const publishedRedirect = await post(approver.cookie, `/console/proposals/${id}/publish`, { _csrf: approver.csrfToken, publishedOn: '2026-11-30' });
    assert.deepEqual([publishedRedirect.statusCode, publishedRedirect.headers.location], [303, `/console/proposals/${id}?done=published`]);
    const after = await app.inject({ url: `/console/proposals/${id}?done=published`, headers: { cookie: editor.cookie } });
    assert.match(after.body, /办理结果已公开/);
    assert.doesNotMatch(after.body, /登记答复|更正答复/);
    const late = await post(editor.cookie, `/console/proposals/${id}/reply`, { ...reply, repliedOn: '2026-09-21' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /当前状态不允许此操作/);
  });

  void it('portal: published results by year and kind with filters; withheld only as counts; other records 404', async () => {
    const seed = { authorization: editorAuth.authorization };
    const make = async (number: string, kind: string, receivedOn: string, title: string): Promise<number> => {
      const r = await app.inject({ method: 'POST', url: '/api/proposals', headers: seed, payload: { organizationId: region.litong.id, kind, session: kind === 'npc_suggestion' ? '区十届人大四次会议' : '区政协九届四次会议', number, title, proposer: '赵某、钱某', receivedOn } });
      const id = r.json<ProposalBody>().id;
      await app.inject({ method: 'POST', url: `/api/proposals/${id}/reply`, headers: seed, payload: { repliedOn: receivedOn, replySummary: `${title}的答复<已办结>`, adoption: 'solved_or_adopted' } });
      return id;
    };
    const open = await make('P1', 'npc_suggestion', '2025-03-01', '关于公交线路优化的建议');
    await app.inject({ method: 'POST', url: `/api/proposals/${open}/publish`, headers: approverAuth });
    const hidden = await make('P2', 'cppcc_proposal', '2025-03-02', '关于某保密事项的提案');
    await app.inject({ method: 'POST', url: `/api/proposals/${hidden}/withhold`, headers: approverAuth, payload: { reason: '涉及国家秘密' } });
    const pending = await make('P3', 'npc_suggestion', '2025-03-03', '关于尚未决定公开的建议');

    const portal = await app.inject({ url: '/proposals?year=2025' });
    assert.equal(portal.statusCode, 200);
    assert.match(portal.body, /<h2 id="y2025">2025年<\/h2>/);
    assert.match(portal.body, /2025年人大代表建议办理结果（1 件）/);
    assert.match(portal.body, /关于公交线路优化的建议/);
    assert.match(portal.body, /赵某、钱某/);
    assert.match(portal.body, /解决或采纳/);
    assert.match(portal.body, /的答复&lt;已办结&gt;/);
    assert.match(portal.body, /政协委员提案 1 件的办理结果依法不予公开/);
    assert.doesNotMatch(portal.body, /关于某保密事项的提案|涉及国家秘密<|关于尚未决定公开的建议/);
    const filtered = await app.inject({ url: `/proposals?org=${region.yanchi.id}&year=2025` });
    assert.match(filtered.body, /没有符合条件的办理结果/);
    assert.equal((await app.inject({ url: '/proposals?year=abc' })).statusCode, 400);

    const one = await app.inject({ url: `/proposals/${open}` });
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /<h1>关于公交线路优化的建议<\/h1>/);
    assert.match(one.body, /利通区人民政府（主办）/);
    assert.equal((await app.inject({ url: `/proposals/${hidden}` })).statusCode, 404);
    assert.equal((await app.inject({ url: `/proposals/${pending}` })).statusCode, 404);
    assert.equal((await app.inject({ url: '/proposals/abc' })).statusCode, 404);
  });
});
