import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { safeNext } from './auth.routes.ts';
import { hashToken } from './session.service.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

void it('safeNext keeps same-site console paths only', () => {
  assert.equal(safeNext('/console/items?status=draft'), '/console/items?status=draft');
  assert.equal(safeNext('/console'), '/console');
  for (const bad of ['//evil.example/console', '/\\evil.example', 'https://evil.example/console', '/consolex', '/login', '/console/\\evil', undefined]) {
    assert.equal(safeNext(bad), '/console', String(bad));
  }
});

describeEachDialect('auth routes', (t) => {
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

  void it('POST /api/session: 201 with token and user; 400 bad body; 401 wrong password', async () => {
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const ok = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password } });
    assert.equal(ok.statusCode, 201);
    const body = ok.json<{ token: string; expiresAt: string; user: Record<string, unknown> }>();
    assert.equal(body.expiresAt, '2026-11-30T14:00:00.000Z');
    assert.deepEqual(body.user, {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      mustChangePassword: false,
      grants: [{ role: 'editor', organizationId: region.litong.id, organizationPath: region.litong.path, organizationName: '利通区人民政府' }],
    });
    const bad = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'VALIDATION_FAILED');
    const wrong = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: 'Wrong-Passw0rd' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'LOGIN_FAILED');
  });

  void it('GET /api/session/me: 401 for the public and for a cookie; the actor for a bearer; DELETE ends the session', async () => {
    const { user, password } = await createTestUser(store, clock, { role: 'auditor', organizationId: region.city.id });
    const token = await loginToken(store, user.username, password, clock);
    const anon = await app.inject({ url: '/api/session/me' });
    assert.equal(anon.statusCode, 401);
    assert.equal(anon.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
    const viaCookie = await app.inject({ url: '/api/session/me', cookies: { gk_session: token } });
    assert.equal(viaCookie.statusCode, 401);
    const me = await app.inject({ url: '/api/session/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), { kind: 'user', userId: user.id, username: user.username, displayName: user.displayName, mustChangePassword: false, grants: [{ role: 'auditor', organizationId: region.city.id, organizationPath: region.city.path }] });
    const del = await app.inject({ method: 'DELETE', url: '/api/session', headers: { authorization: `Bearer ${token}` } });
    assert.equal(del.statusCode, 204);
    assert.equal((await app.inject({ url: '/api/session/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/session' })).statusCode, 401);
  });

  void it('PUT /api/session/password changes the password (400 PASSWORD_WEAK for a weak one)', async () => {
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id });
    const token = await loginToken(store, user.username, password, clock);
    const auth = { authorization: `Bearer ${token}` };
    const weak = await app.inject({ method: 'PUT', url: '/api/session/password', headers: auth, payload: { currentPassword: password, newPassword: 'abc' } });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json<{ error: { code: string; issues: { field: string }[] } }>().error.issues[0]?.field, 'newPassword');
    const ok = await app.inject({ method: 'PUT', url: '/api/session/password', headers: auth, payload: { currentPassword: password, newPassword: 'Brand-New-Pass1' } });
    assert.equal(ok.statusCode, 204);
    assert.equal((await app.inject({ url: '/api/session/me', headers: auth })).statusCode, 200);
  });

  void it('POST /login without a CSRF token is refused with 403 CSRF_INVALID', async () => {
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const response = await app.inject({ method: 'POST', url: '/login', headers: FORM, payload: new URLSearchParams({ username: user.username, password }).toString() });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /CSRF_INVALID/);
    assert.equal(response.headers['set-cookie'], undefined);
  });

  void it('the login page flow: form, cookie session, next kept, console pages, logout', async () => {
    const page = await app.inject({ url: '/login?next=%2Fconsole%2Fusers' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="username">用户名/);
    assert.match(page.body, /<label for="password">密码/);
    assert.match(page.body, /name="next" value="\/console\/users"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const csrfCookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    const { user, password } = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.litong.id });
    const post = (fields: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: csrfCookie }, payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString() });

    const wrong = await post({ username: user.username, password: 'Wrong-Passw0rd', next: '/console/users' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /role="alert">用户名或密码错误/);

    const ok = await post({ username: user.username, password, next: '/console/users' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/console/users');
    const setCookie = String(ok.headers['set-cookie']);
    assert.match(setCookie, /^gk_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const sessionCookie = setCookie.split(';')[0] ?? '';
    const token = sessionCookie.split('=')[1] ?? '';

    const evil = await post({ username: user.username, password, next: '//evil.example/' });
    assert.equal(evil.headers.location, '/console');

    const users = await app.inject({ url: '/console/users', headers: { cookie: `${sessionCookie}; ${csrfCookie}` } });
    assert.equal(users.statusCode, 200);
    assert.match(users.body, /<h1>用户管理<\/h1>/);

    const out = await app.inject({ method: 'POST', url: '/logout', headers: { ...FORM, cookie: `${sessionCookie}; ${csrfCookie}` }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/');
    const left = await store.db.selectFrom('session').select('id').where('token_hash', '=', hashToken(token)).execute();
    assert.deepEqual(left, []);
    const after = await app.inject({ url: '/console/users', headers: { cookie: sessionCookie } });
    assert.equal(after.statusCode, 303);
  });

  void it('anonymous console visits redirect to /login?next=…; a pending password change redirects to /console/password', async () => {
    const anon = await app.inject({ url: '/console/audit?action=user.update' });
    assert.equal(anon.statusCode, 303);
    assert.equal(anon.headers.location, '/login?next=%2Fconsole%2Faudit%3Faction%3Duser.update');
    assert.equal((await app.inject({ url: '/console' })).headers.location, '/login?next=%2Fconsole');
    assert.equal((await app.inject({ url: '/consoles' })).statusCode, 404);

    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id, mustChangePassword: true });
    const jar = await loginCookie(app, user.username, password);
    const blocked = await app.inject({ url: '/console/users', headers: { cookie: jar.cookie } });
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/console/password');
    const form = await app.inject({ url: '/console/password', headers: { cookie: jar.cookie } });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /请先设置新密码/);

    const change = (fields: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/console/password', headers: { ...FORM, cookie: jar.cookie }, payload: new URLSearchParams({ _csrf: jar.csrfToken, ...fields }).toString() });
    const mismatch = await change({ currentPassword: password, newPassword: 'Brand-New-Pass1', confirmPassword: 'Brand-New-Pass2' });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /两次输入的新密码不一致/);
    const weak = await change({ currentPassword: password, newPassword: 'short', confirmPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /密码至少 10 个字符/);
    const done = await change({ currentPassword: password, newPassword: 'Brand-New-Pass1', confirmPassword: 'Brand-New-Pass1' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/console/password?done=1');
    const now = await app.inject({ url: '/console/users', headers: { cookie: jar.cookie } });
    assert.notEqual(now.statusCode, 303); // the same session now passes the gate (an editor gets 403 from the service)
    assert.equal(now.statusCode, 403);
  });

  void it('the session cookie is Secure when the public URL is https; logins are rate limited', async () => {
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const config = loadConfig({ GONGKAI_DATA_DIR: '/tmp/gongkai-test', GONGKAI_PUBLIC_URL: 'https://gk.example.cn' });
    const secureApp = await buildApp({ store, clock, config }, { logger: false });
    try {
      const page = await secureApp.inject({ url: '/login' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const response = await secureApp.inject({
        method: 'POST',
        url: '/login',
        headers: { ...FORM, cookie: String(page.headers['set-cookie']).split(';')[0] ?? '' },
        payload: new URLSearchParams({ _csrf: csrf, username: user.username, password }).toString(),
      });
      assert.equal(response.statusCode, 303);
      assert.match(String(response.headers['set-cookie']), /; Secure/);
      // The API login is rate limited per client: 10 a minute, then 429 RATE_LIMITED.
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await secureApp.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'x' } })).statusCode);
      assert.deepEqual(codes, [...Array<number>(10).fill(401), 429]);
      const limited = await secureApp.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'x' } });
      assert.equal(limited.json<{ error: { code: string } }>().error.code, 'RATE_LIMITED');
    } finally {
      await secureApp.close();
    }
  });
});
