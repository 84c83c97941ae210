import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

type EventBody = { id: number; action: string; organizationId: number | null; after: unknown };

describeEachDialect('audit routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  void it('GET /api/audit: 401 anonymous, 403 editor, the subtree’s events for an auditor with a next-page cursor', async () => {
    assert.equal((await app.inject({ url: '/api/audit' })).statusCode, 401);
    const editor = await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id });
    const editorToken = await loginToken(store, editor.user.username, editor.password, clock);
    assert.equal((await app.inject({ url: '/api/audit', headers: { authorization: `Bearer ${editorToken}` } })).statusCode, 403);
    const auditor = await createTestUser(store, clock, { role: 'auditor', organizationId: region.yanchi.id });
    const auth = { authorization: `Bearer ${await loginToken(store, auditor.user.username, auditor.password, clock)}` };
    const page = await app.inject({ url: '/api/audit?limit=2', headers: auth });
    assert.equal(page.statusCode, 200);
    const body = page.json<{ events: EventBody[]; nextBefore: number | null }>();
    assert.equal(body.events.length, 2);
    assert.equal(body.nextBefore, body.events[1]?.id);
    const all = (await app.inject({ url: '/api/audit?limit=200', headers: auth })).json<{ events: EventBody[]; nextBefore: number | null }>();
    assert.equal(all.nextBefore, null);
    assert.ok(all.events.length >= 2, 'the unpaged list holds at least the two events paged above');
    assert.ok(all.events.every((e) => e.organizationId === region.yanchi.id || e.organizationId === region.yanchiDepartment.id));
    const filtered = (await app.inject({ url: `/api/audit?entityType=organization&entityId=${region.yanchi.id}`, headers: auth })).json<{ events: EventBody[] }>();
    assert.deepEqual(filtered.events.map((e) => e.action), ['organization.create']);
    const tooMany = await app.inject({ url: '/api/audit?limit=500', headers: auth });
    assert.equal(tooMany.statusCode, 400);
  });

  void it('console: the table with its headings and a details page with before/after', async () => {
    const sys = await createTestUser(store, clock, { role: 'system_admin' });
    const { cookie } = await loginCookie(app, sys.user.username, sys.password);
    const page = await app.inject({ url: '/console/audit?entityType=organization', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    for (const heading of ['时间', '操作人', '操作', '对象', '机构', '说明']) assert.match(page.body, new RegExp(`<th scope="col">${heading}</th>`));
    assert.match(page.body, /<td>新建机构<\/td><td>organization \d+<\/td><td>吴忠市人民政府<\/td>/);
    const id = /href="\/console\/audit\/(\d+)"/.exec(page.body)?.[1];
    const detail = await app.inject({ url: `/console/audit/${id}`, headers: { cookie } });
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /<h2>变更后<\/h2>\n<pre>\{\n {2}&quot;id&quot;/);
    assert.equal((await app.inject({ url: '/console/audit/999999', headers: { cookie } })).statusCode, 404);
  });

  void it('no route changes or deletes an audit event', () => {
    const routes = app.printRoutes({ commonPrefix: false });
    const auditLines = routes.split('\n').filter((line) => line.includes('audit'));
    assert.ok(auditLines.length > 0);
    for (const line of auditLines) assert.doesNotMatch(line, /POST|PUT|PATCH|DELETE/);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', '/api/audit/:id', '/console/audit', '/console/audit/:id']) assert.equal(app.hasRoute({ method, url }), false, `${method} ${url}`);
    }
    assert.equal(app.hasRoute({ method: 'GET', url: '/console/audit/:id' }), true);
  });
});
