import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { selectAuditEvents } from '../audit/audit.repository.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { hashToken, login, logout, resolveSessionActor } from './session.service.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

describeEachDialect('session service', (t) => {
  let store: Store;
  let region: SeededRegion;

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, new FixedClock('2026-11-30T02:00:00Z'));
  });
  after(() => t.close(store));

  void it('login returns a 43-character base64url token stored only as its SHA-256, and an actor with organization paths', async () => {
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litongDepartment.id });
    const result = await login(testContext(store, clock), { username: user.username.toUpperCase(), password, clientKey: '10.0.0.1' });
    assert.match(result.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(result.expiresAt, '2026-11-30T14:00:00.000Z');
    const rows = await store.db.selectFrom('session').select(['token_hash', 'user_id']).where('user_id', '=', user.id).execute();
    assert.deepEqual(rows, [{ token_hash: hashToken(result.token), user_id: user.id }]);
    const actor = await resolveSessionActor(store.db, result.token, clock);
    assert.deepEqual(actor, {
      kind: 'user',
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      mustChangePassword: false,
      grants: [{ role: 'editor', organizationId: region.litongDepartment.id, organizationPath: region.litongDepartment.path }],
    });
    const [event] = await selectAuditEvents(store.db, { rootPaths: null, action: 'auth.login', entityId: String(user.id), limit: 5 });
    assert.equal(event?.note, `client 10.0.0.1; session ${(await store.db.selectFrom('session').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow()).id}`);
  });

  void it('unknown user and wrong password both give LOGIN_FAILED and are audited', async () => {
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const ctx = testContext(store, clock);
    const { user } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    await assert.rejects(login(ctx, { username: 'nobody', password: 'whatever', clientKey: 'c' }), (e) => isGongkaiError(e, 'LOGIN_FAILED') && e.status === 401);
    await assert.rejects(login(ctx, { username: user.username, password: 'Wrong-Passw0rd', clientKey: 'c' }), (e) => isGongkaiError(e, 'LOGIN_FAILED'));
    const failed = await selectAuditEvents(store.db, { rootPaths: null, action: 'auth.login_failed', limit: 2 });
    assert.deepEqual(failed.map((e) => [e.entityId, e.actorLabel, e.organizationId]), [[String(user.id), 'public', region.litong.id], ['nobody', 'public', null]]);
  });

  void it('5 consecutive failures lock the account for 15 minutes; a success before that resets the counter', async () => {
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const ctx = testContext(store, clock);
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id });
    const attempt = (pw: string) => login(ctx, { username: user.username, password: pw, clientKey: 'c' });
    // Four failures, then a success: the counter starts again.
    for (let i = 0; i < 4; i++) await assert.rejects(attempt('Wrong-Passw0rd'), (e) => isGongkaiError(e, 'LOGIN_FAILED'));
    await attempt(password);
    for (let i = 0; i < 4; i++) await assert.rejects(attempt('Wrong-Passw0rd'), (e) => isGongkaiError(e, 'LOGIN_FAILED'));
    // The fifth consecutive failure locks: 02:00Z + 15 min = 10:15 China time.
    await assert.rejects(attempt('Wrong-Passw0rd'), (e) => isGongkaiError(e, 'ACCOUNT_LOCKED') && e.status === 423 && e.message.includes('2026-11-30 10:15 (UTC+8)'));
    const [lockout] = await selectAuditEvents(store.db, { rootPaths: null, action: 'auth.lockout', entityId: String(user.id), limit: 1 });
    assert.deepEqual(lockout?.after, { lockedUntil: '2026-11-30T02:15:00.000Z' });
    // Even the right password is refused while locked.
    clock.advance(14 * MINUTE + 59_000);
    await assert.rejects(attempt(password), (e) => isGongkaiError(e, 'ACCOUNT_LOCKED'));
    // After 15 minutes the right password works.
    clock.advance(1000);
    const result = await attempt(password);
    assert.equal(result.user.id, user.id);
    const row = await store.db.selectFrom('app_user').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { failed_logins: 0, locked_until: null });
  });

  void it('sessions slide (at most one write a minute) and expire 12 hours after the last use', async () => {
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const { user, password } = await createTestUser(store, clock, { role: 'auditor', organizationId: region.city.id });
    const { token } = await login(testContext(store, clock), { username: user.username, password, clientKey: 'c' });
    const expiry = async () => (await store.db.selectFrom('session').select('expires_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow()).expires_at;
    clock.advance(30 * 1000);
    assert.notEqual(await resolveSessionActor(store.db, token, clock), null);
    assert.equal(await expiry(), '2026-11-30T14:00:00.000Z'); // under a minute: not refreshed
    clock.advance(11 * HOUR);
    assert.notEqual(await resolveSessionActor(store.db, token, clock), null);
    assert.equal(await expiry(), '2026-12-01T01:00:30.000Z'); // refreshed: 13:00:30 + 12 h
    clock.advance(12 * HOUR);
    assert.equal(await resolveSessionActor(store.db, token, clock), null);
    assert.equal(await resolveSessionActor(store.db, 'not-a-token', clock), null);
    assert.equal(await resolveSessionActor(store.db, '', clock), null);
  });

  void it('logout deletes the session and is audited; an unknown token is ignored', async () => {
    const clock = new FixedClock('2026-11-30T02:00:00Z');
    const ctx = testContext(store, clock);
    const { user, password } = await createTestUser(store, clock, { role: 'approver', organizationId: region.litong.id });
    const { token } = await login(ctx, { username: user.username, password, clientKey: 'c' });
    await logout(ctx, token);
    assert.equal(await resolveSessionActor(store.db, token, clock), null);
    const [event] = await selectAuditEvents(store.db, { rootPaths: null, action: 'auth.logout', limit: 1 });
    assert.equal(event?.actorLabel, user.username);
    await logout(ctx, token);
    await logout(ctx, 'unknown');
  });
});
