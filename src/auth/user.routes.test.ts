import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';

type ErrorBody = { error: { code: string; issues?: { field: string }[] } };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('user routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let adminAuth: { authorization: string };
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const admin = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.litong.id, username: 'litong-admin' });
    adminAuth = { authorization: `Bearer ${await loginToken(store, admin.user.username, admin.password, clock)}` };
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  void it('GET /api/users: 401 without a token, 403 for an editor, the subtree’s users for an org_admin', async () => {
    assert.equal((await app.inject({ url: '/api/users' })).json<ErrorBody>().error.code, 'UNAUTHENTICATED');
    const editor = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const editorToken = await loginToken(store, editor.user.username, editor.password, clock);
    const forbidden = await app.inject({ url: '/api/users', headers: { authorization: `Bearer ${editorToken}` } });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json<ErrorBody>().error.code, 'FORBIDDEN');
    await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id, username: 'yanchi-editor' });
    const list = await app.inject({ url: '/api/users', headers: adminAuth });
    assert.equal(list.statusCode, 200);
    const names = list.json<{ users: { username: string }[] }>().users.map((u) => u.username);
    assert.ok(names.includes('litong-admin') && names.includes(editor.user.username));
    assert.equal(names.includes('yanchi-editor'), false);
    assert.doesNotMatch(list.body, /argon2|passwordHash|password_hash/);
  });

  void it('POST /api/users: 201; 400 VALIDATION_FAILED / PASSWORD_WEAK; 403 granting system_admin; 409 USERNAME_TAKEN', async () => {
    const create = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/users', headers: adminAuth, payload });
    const ok = await create({ username: 'li.ming', displayName: '李明', password: 'Li-Ming-2026!', grants: [{ role: 'approver', organizationId: region.litong.id }] });
    assert.equal(ok.statusCode, 201);
    const created = ok.json<{ id: number; username: string; mustChangePassword: boolean; grants: { organizationName: string }[] }>();
    assert.deepEqual([created.username, created.mustChangePassword, created.grants[0]?.organizationName], ['li.ming', true, '利通区人民政府']);
    const badBody = await create({ username: 'x1', displayName: '无', password: 'Li-Ming-2026!', grants: [{ role: 'boss', organizationId: 1 }] });
    assert.equal(badBody.statusCode, 400);
    assert.equal(badBody.json<ErrorBody>().error.code, 'VALIDATION_FAILED');
    const weak = await create({ username: 'weak.one', displayName: '弱', password: 'weakweak', grants: [{ role: 'editor', organizationId: region.litong.id }] });
    assert.deepEqual([weak.statusCode, weak.json<ErrorBody>().error.code], [400, 'PASSWORD_WEAK']);
    const escalate = await create({ username: 'root.two', displayName: '越权', password: 'Li-Ming-2026!', grants: [{ role: 'system_admin', organizationId: null }] });
    assert.deepEqual([escalate.statusCode, escalate.json<ErrorBody>().error.code], [403, 'FORBIDDEN']);
    const taken = await create({ username: 'LI.MING', displayName: '重名', password: 'Li-Ming-2026!', grants: [{ role: 'editor', organizationId: region.litong.id }] });
    assert.deepEqual([taken.statusCode, taken.json<ErrorBody>().error.code], [409, 'USERNAME_TAKEN']);
  });

  void it('PATCH /api/users/:id and POST /api/users/:id/reset-password (the one-time password logs in, with a change pending)', async () => {
    const { user } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litongDepartment.id });
    const patch = await app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: adminAuth, payload: { displayName: '改名后', grants: [{ role: 'auditor', organizationId: region.litong.id }] } });
    assert.equal(patch.statusCode, 200);
    assert.deepEqual(patch.json<{ displayName: string; grants: { role: string }[] }>().grants.map((g) => g.role), ['auditor']);
    assert.equal((await app.inject({ method: 'PATCH', url: '/api/users/99999', headers: adminAuth, payload: { active: false } })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/api/users/abc', headers: adminAuth })).statusCode, 400);
    const reset = await app.inject({ method: 'POST', url: `/api/users/${user.id}/reset-password`, headers: adminAuth });
    assert.equal(reset.statusCode, 200);
    assert.equal(reset.headers['cache-control'], 'no-store');
    const { password } = reset.json<{ password: string }>();
    assert.equal(password.length, 16);
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password } });
    assert.equal(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, true);
    const blocked = await app.inject({ url: '/api/users', headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } });
    assert.deepEqual([blocked.statusCode, blocked.json<ErrorBody>().error.code], [403, 'PASSWORD_CHANGE_REQUIRED']);
  });

  void it('console: list, create form (role × organization) with Chinese errors, edit form and reset page', async () => {
    const admin = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.yanchi.id });
    const { cookie, csrfToken } = await loginCookie(app, admin.user.username, admin.password);
    const post = (url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: new URLSearchParams({ _csrf: csrfToken, ...fields }).toString() });

    const list = await app.inject({ url: '/console/users', headers: { cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<th scope="col">角色与机构<\/th>/);
    assert.match(list.body, /机构管理员（盐池县人民政府）/);

    const form = await app.inject({ url: '/console/users/new', headers: { cookie } });
    assert.match(form.body, /<label for="role_0">角色 1<\/label>/);
    assert.match(form.body, /<option value="\d+">\u3000\u3000盐池县卫生健康局<\/option>/);

    const invalid = await post('/console/users', { username: 'zhao', displayName: '赵', password: 'short', role_0: 'editor', org_0: String(region.yanchiDepartment.id) });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /role="alert"/);
    assert.match(invalid.body, /密码至少 10 个字符/);
    assert.match(invalid.body, /value="zhao"/);

    const outside = await post('/console/users', { username: 'zhao', displayName: '赵', password: 'Zhao-Pass-2026', role_0: 'editor', org_0: String(region.litong.id) });
    assert.equal(outside.statusCode, 403);
    assert.match(outside.body, /您无权为这些机构管理用户/);

    const created = await post('/console/users', { username: 'zhao', displayName: '赵', password: 'Zhao-Pass-2026', mustChangePassword: '1', role_0: 'editor', org_0: String(region.yanchiDepartment.id), role_1: 'approver', org_1: String(region.yanchi.id) });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    assert.match(location, /^\/console\/users\/\d+\?created=1$/);
    const edit = await app.inject({ url: location, headers: { cookie } });
    assert.match(edit.body, /用户已创建/);
    assert.match(edit.body, /<option value="approver" selected>/);

    const id = /\/console\/users\/(\d+)/.exec(location)?.[1] ?? '';
    const saved = await post(`/console/users/${id}`, { displayName: '赵六', active: '1', role_0: 'editor', org_0: String(region.yanchi.id) });
    assert.equal(saved.headers.location, `/console/users/${id}?saved=1`);
    const reset = await post(`/console/users/${id}/reset-password`, {});
    assert.equal(reset.statusCode, 200);
    assert.match(reset.body, /此密码只显示这一次/);
  });
});
