/**
 * Every change of the organizations, users and sessions services writes exactly one audit event,
 * in the same transaction as the change: when the audit write fails, the change is not committed.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../auth/actor.ts';
import { login, logout } from '../auth/session.service.ts';
import { changeOwnPassword, createUser, resetPassword, updateUser } from '../auth/user.service.ts';
import type { Store } from '../db/dialect.ts';
import { createOrganization, updateOrganization } from '../organizations/organization.service.ts';
import { FixedClock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { countAuditEvents, selectAuditEvents } from './audit.repository.ts';

const SYSTEM = systemActor('test');

describeEachDialect('audit coverage', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
  });
  after(() => t.close(store));

  /** Runs `change` and asserts that it added exactly one event, with this action. */
  async function expectOneEvent(action: string, change: () => Promise<unknown>): Promise<void> {
    const before = await countAuditEvents(store.db);
    await change();
    assert.equal(await countAuditEvents(store.db), before + 1, action);
    const [latest] = await selectAuditEvents(store.db, { rootPaths: null, limit: 1 });
    assert.equal(latest?.action, action);
  }

  void it('each service change writes exactly one event', async () => {
    let orgId = 0;
    await expectOneEvent('organization.create', async () => {
      orgId = (await createOrganization(ctx, SYSTEM, { parentId: region.city.id, name: '吴忠市教育局', kind: 'department', level: 'city', organizationCode: '640300102' })).id;
    });
    await expectOneEvent('organization.update', () => updateOrganization(ctx, SYSTEM, orgId, { parentId: region.litong.id, name: '吴忠市教育局（移）' }));
    let userId = 0;
    await expectOneEvent('user.create', async () => {
      userId = (await createUser(ctx, SYSTEM, { username: 'audit.me', displayName: '审计对象', password: 'Audit-Me-2026', grants: [{ role: 'editor', organizationId: orgId }] })).id;
    });
    await expectOneEvent('user.update', () => updateUser(ctx, SYSTEM, userId, { displayName: '审计对象二', grants: [{ role: 'approver', organizationId: orgId }] }));
    let otp = '';
    await expectOneEvent('user.reset_password', async () => {
      otp = (await resetPassword(ctx, SYSTEM, userId)).password;
    });
    let session = await login(ctx, { username: 'audit.me', password: otp, clientKey: 'c' });
    const [loginEvent] = await selectAuditEvents(store.db, { rootPaths: null, limit: 1 });
    assert.equal(loginEvent?.action, 'auth.login');
    await expectOneEvent('user.change_password', () => changeOwnPassword(ctx, session.actor, { currentPassword: otp, newPassword: 'Audit-Me-2027' }, session.token));
    await expectOneEvent('auth.logout', () => logout(ctx, session.token));
    await expectOneEvent('auth.login', async () => {
      session = await login(ctx, { username: 'audit.me', password: 'Audit-Me-2027', clientKey: 'c' });
    });
    await expectOneEvent('auth.login_failed', () => login(ctx, { username: 'audit.me', password: 'nope', clientKey: 'c' }).catch(() => undefined));
    // No event anywhere holds a password hash.
    const events = await selectAuditEvents(store.db, { rootPaths: null, limit: 200 });
    assert.doesNotMatch(JSON.stringify(events), /\$argon2/);
  });

  void it('a change whose audit write fails is rolled back (same transaction)', async () => {
    // Make the audit insert fail by hiding its table for a moment (ALTER TABLE … RENAME works on both dialects).
    await sql`alter table audit_event rename to audit_event_hidden`.execute(store.db);
    try {
      await assert.rejects(createOrganization(ctx, SYSTEM, { parentId: region.city.id, name: '不应存在', kind: 'department', level: 'city', organizationCode: '640300199' }));
      await assert.rejects(updateOrganization(ctx, SYSTEM, region.yanchiDepartment.id, { parentId: region.litong.id }));
      await assert.rejects(createUser(ctx, SYSTEM, { username: 'ghost.user', displayName: '幽灵', password: 'Ghost-User-2026', grants: [{ role: 'editor', organizationId: region.city.id }] }));
    } finally {
      await sql`alter table audit_event_hidden rename to audit_event`.execute(store.db);
    }
    const org = await store.db.selectFrom('organization').select('id').where('organization_code', '=', '640300199').executeTakeFirst();
    assert.equal(org, undefined);
    const moved = await store.db.selectFrom('organization').select('path').where('id', '=', region.yanchiDepartment.id).executeTakeFirstOrThrow();
    assert.equal(moved.path, region.yanchiDepartment.path);
    const user = await store.db.selectFrom('app_user').select('id').where('username', '=', 'ghost.user').executeTakeFirst();
    assert.equal(user, undefined);
  });
});
