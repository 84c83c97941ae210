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
type MessageBody = { id: number; status: string; writerName: string; writerContact: string; personalDataMasked: boolean; overdue: boolean; dueOn: string; reply: string | null; publicBody: string | null };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('message routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  const auth = {} as Record<'editor' | 'approver' | 'auditor' | 'orgAdmin', { authorization: string }>;
  let editorId = 0;
  const editorLogin = { username: '', password: '' };
  const orgAdminLogin = { username: '', password: '' };
  let orgAdmin: { cookie: string; csrfToken: string };
  let editor: { cookie: string; csrfToken: string };
  // Friday 2024-09-27, 10:00 China time.
  const clock = new FixedClock('2024-09-27T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    for (const [key, role] of [['editor', 'editor'], ['approver', 'approver'], ['auditor', 'auditor'], ['orgAdmin', 'org_admin']] as const) {
      const u = await createTestUser(store, clock, { role, organizationId: region.litong.id });
      auth[key] = { authorization: `Bearer ${await loginToken(store, u.user.username, u.password, clock)}` };
      if (key === 'editor') {
        editorId = u.user.id;
        Object.assign(editorLogin, { username: u.user.username, password: u.password });
        editor = await loginCookie(app, u.user.username, u.password);
      }
      if (key === 'orgAdmin') {
        Object.assign(orgAdminLogin, { username: u.user.username, password: u.password });
        orgAdmin = await loginCookie(app, u.user.username, u.password);
      }
    }
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const body = { organizationId: 0, subject: '关于路灯维修的建议', body: '金积镇某小区路灯已损坏两个月。', writerName: '张三丰', writerContact: 'zhang@example.cn', publishConsent: true };

  void it('API: public submit (201, 400 with the fields, honeypot), track, then assign, reply, publish and statistics', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/messages', payload: { ...body, organizationId: region.litong.id } });
    assert.equal(created.statusCode, 201, created.body);
    const submitted = created.json<{ trackingCode: string; dueOn: string; receivedOn: string }>();
    assert.deepEqual([submitted.receivedOn, submitted.dueOn], ['2024-09-27', '2024-10-16']);

    const bad = await app.inject({ method: 'POST', url: '/api/messages', payload: { ...body, organizationId: region.litong.id, subject: '', writerContact: 'nobody' } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json<ErrorBody>().error.issues?.map((i) => i.field), ['subject', 'writerContact']);
    const bot = await app.inject({ method: 'POST', url: '/api/messages', payload: { ...body, organizationId: region.litong.id, website: 'http://spam.example' } });
    assert.equal(bot.json<ErrorBody>().error.issues?.[0]?.field, 'website');

    const tracked = await app.inject({ url: `/api/messages/track/${submitted.trackingCode.toLowerCase()}` });
    assert.equal(tracked.statusCode, 200);
    assert.deepEqual(Object.keys(tracked.json<Record<string, unknown>>()).sort(), ['dueOn', 'organizationName', 'publishedId', 'receivedOn', 'repliedOn', 'reply', 'status', 'statusZh', 'trackingCode']);
    assert.equal((await app.inject({ url: '/api/messages/track/ABCD-EFGH-JKLM' })).statusCode, 404);

    const list = await app.inject({ url: `/api/messages?organizationId=${region.litong.id}`, headers: auth.auditor });
    const [first] = list.json<{ messages: MessageBody[] }>().messages;
    assert.ok(first, 'the queue lists the message');
    assert.deepEqual([first.writerName, first.writerContact, first.personalDataMasked], ['张**', 'z***@example.cn', true]);
    assert.equal((await app.inject({ url: '/api/messages' })).statusCode, 401);
    const id = first.id;

    const assign = await app.inject({ method: 'POST', url: `/api/messages/${id}/assign`, headers: auth.editor, payload: { userId: editorId } });
    assert.equal(assign.json<MessageBody>().status, 'assigned');
    const early = await app.inject({ method: 'POST', url: `/api/messages/${id}/publish`, headers: auth.approver, payload: {} });
    assert.deepEqual([early.statusCode, early.json<ErrorBody>().error.code], [409, 'ILLEGAL_TRANSITION']);
    const replied = await app.inject({ method: 'POST', url: `/api/messages/${id}/reply`, headers: auth.editor, payload: { reply: '路灯已修复。' } });
    assert.deepEqual([replied.json<MessageBody>().status, replied.json<MessageBody>().writerName], ['replied', '张三丰']);
    const published = await app.inject({ method: 'POST', url: `/api/messages/${id}/publish`, headers: auth.approver, payload: { publicBody: '某小区路灯已损坏两个月。' } });
    assert.deepEqual([published.statusCode, published.json<MessageBody>().publicBody], [200, '某小区路灯已损坏两个月。']);

    const stats = await app.inject({ url: `/api/messages/statistics?organizationId=${region.city.id}&from=2024-09-01&to=2024-09-30&subtree=true`, headers: auth.approver });
    assert.equal(stats.statusCode, 403, 'the city is outside the approver’s subtree');
    const own = await app.inject({ url: `/api/messages/statistics?organizationId=${region.litong.id}&from=2024-09-01&to=2024-09-30`, headers: auth.approver });
    assert.deepEqual(own.json<{ statistics: unknown }>().statistics, { received: 1, replied: 1, repliedOnTime: 1, replyRate: 1, averageReplyDays: 0, averageReplyWorkingDays: 0, overdue: 0 });
  });

  void it('API: consent missing is 409 PUBLISH_CONSENT_MISSING; settings change the next deadline', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/messages', payload: { ...body, organizationId: region.litongDepartment.id, publishConsent: false } });
    const code = created.json<{ trackingCode: string }>().trackingCode;
    const row = await store.db.selectFrom('message').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow();
    await app.inject({ method: 'POST', url: `/api/messages/${row.id}/reply`, headers: auth.editor, payload: { reply: '已办理。' } });
    const refused = await app.inject({ method: 'POST', url: `/api/messages/${row.id}/publish`, headers: auth.approver, payload: {} });
    assert.deepEqual([refused.statusCode, refused.json<ErrorBody>().error.code], [409, 'PUBLISH_CONSENT_MISSING']);

    assert.equal((await app.inject({ method: 'PUT', url: `/api/messages/settings/${region.litongDepartment.id}`, headers: auth.editor, payload: { replyDays: 5 } })).statusCode, 403);
    const set = await app.inject({ method: 'PUT', url: `/api/messages/settings/${region.litongDepartment.id}`, headers: auth.orgAdmin, payload: { replyDays: 5 } });
    assert.deepEqual(set.json(), { organizationId: region.litongDepartment.id, organizationName: '利通区教育局', replyDays: 5, effectiveReplyDays: 5 });
    // 5 working days after Friday 09-27: 09-29 (Sun, worked), 09-30, 10-08, 10-09, 10-10.
    const next = await app.inject({ method: 'POST', url: '/api/messages', payload: { ...body, organizationId: region.litongDepartment.id } });
    assert.equal(next.json<{ dueOn: string }>().dueOn, '2024-10-10');
  });

  void it('pages: the portal form needs its CSRF token and human check; the console queue and settings work with labelled forms', async () => {
    const form = await app.inject({ url: `/messages/new?organizationId=${region.litong.id}` });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<input id="publishConsent" name="publishConsent" type="checkbox" value="1" aria-describedby/);
    assert.match(form.body, /<label for="publishConsent"[^>]*>同意公开<\/label>/);
    assert.match(form.body, new RegExp(`<option value="${region.litong.id}" selected>`));
    const noToken = await app.inject({ method: 'POST', url: '/messages/new', headers: FORM, payload: new URLSearchParams({ organizationId: String(region.litong.id), subject: 'x' }).toString() });
    assert.equal(noToken.statusCode, 403);

    const queue = await app.inject({ url: '/console/messages', headers: { cookie: editor.cookie } });
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /id="message-queue"/);
    assert.doesNotMatch(queue.body, /id="settings-form"/, 'editors do not configure the reply period');
    // Three weeks on (a new session: the old one has expired), the message due 10-10 is overdue.
    clock.advance(Date.parse('2024-10-17T02:00:00Z') - clock.now().getTime());
    editor = await loginCookie(app, editorLogin.username, editorLogin.password);
    orgAdmin = await loginCookie(app, orgAdminLogin.username, orgAdminLogin.password);
    const late = await app.inject({ url: '/console/messages?overdue=1', headers: { cookie: editor.cookie } });
    assert.match(late.body, /<span class="late">2024-10-10（已逾期）<\/span>/);

    const admin = await app.inject({ url: '/console/messages', headers: { cookie: orgAdmin.cookie } });
    assert.match(admin.body, /id="settings-form"/);
    const post = (fields: Record<string, string>) => app.inject({ method: 'POST', url: '/console/messages/settings', headers: { cookie: orgAdmin.cookie, ...FORM }, payload: new URLSearchParams({ _csrf: orgAdmin.csrfToken, ...fields }).toString() });
    const wrong = await post({ organizationId: String(region.litong.id), replyDays: '99' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /办理期限应为 1–60 个工作日/);
    const saved = await post({ organizationId: String(region.litong.id), replyDays: '12' });
    assert.deepEqual([saved.statusCode, saved.headers.location], [303, '/console/messages?done=settings']);
    const row = await store.db.selectFrom('organization').select('message_reply_days').where('id', '=', region.litong.id).executeTakeFirstOrThrow();
    assert.equal(row.message_reply_days, 12);

    // An unpublished message is not on the portal; the list page renders.
    const hidden = await store.db.selectFrom('message').select('id').where('status', '!=', 'published').executeTakeFirstOrThrow();
    assert.equal((await app.inject({ url: `/messages/${hidden.id}` })).statusCode, 404);
    const portal = await app.inject({ url: '/messages' });
    assert.equal(portal.statusCode, 200);
    assert.match(portal.body, /id="reply-figures"/);
    assert.doesNotMatch(portal.body, /张三丰/);
  });
});
