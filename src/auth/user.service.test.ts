import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { countAuditEvents, selectAuditEvents } from '../audit/audit.repository.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Actor } from './actor.ts';
import { systemActor } from './actor.ts';
import { actorForUser, login, resolveSessionActor } from './session.service.ts';
import { changeOwnPassword, createUser, getUser, listUsers, resetPassword, updateUser } from './user.service.ts';

const SYSTEM = systemActor('test');
const GOOD = 'Good-Passw0rd';

describeEachDialect('user service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let litongAdmin: Actor;
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    litongAdmin = actorForUser((await createTestUser(store, clock, { role: 'org_admin', organizationId: region.litong.id, username: 'litong-admin' })).user);
  });
  after(() => t.close(store));

  void it('creates a user (lower-cased name, grants with paths) with exactly one audit event and no hash anywhere', async () => {
    const before = await countAuditEvents(store.db);
    const user = await createUser(ctx, litongAdmin, { username: ' Wang.Li ', displayName: '王丽', password: GOOD, grants: [{ role: 'editor', organizationId: region.litongDepartment.id }] });
    assert.equal(user.username, 'wang.li');
    assert.equal(user.mustChangePassword, true);
    assert.deepEqual(user.grants, [{ role: 'editor', organizationId: region.litongDepartment.id, organizationPath: region.litongDepartment.path, organizationName: '利通区教育局' }]);
    assert.equal(await countAuditEvents(store.db), before + 1);
    const [event] = await selectAuditEvents(store.db, { rootPaths: null, limit: 1 });
    assert.equal(event?.action, 'user.create');
    assert.equal(event?.organizationId, region.litongDepartment.id);
    assert.doesNotMatch(JSON.stringify(event), /argon2|password_?hash/i);
    assert.equal('passwordHash' in user, false);
  });

  void it('a failed createUser writes nothing (no user, no audit event)', async () => {
    const before = await countAuditEvents(store.db);
    const attempts: [() => Promise<unknown>, string][] = [
      [() => createUser(ctx, litongAdmin, { username: 'weak', displayName: '弱', password: 'short', grants: [{ role: 'editor', organizationId: region.litong.id }] }), 'PASSWORD_WEAK'],
      [() => createUser(ctx, litongAdmin, { username: 'wang.li', displayName: '重名', password: GOOD, grants: [{ role: 'editor', organizationId: region.litong.id }] }), 'USERNAME_TAKEN'],
      [() => createUser(ctx, litongAdmin, { username: 'x', displayName: '短名', password: GOOD, grants: [] }), 'VALIDATION_FAILED'],
      [() => createUser(ctx, litongAdmin, { username: 'noorg', displayName: '无机构', password: GOOD, grants: [{ role: 'editor', organizationId: null }] }), 'VALIDATION_FAILED'],
      [() => createUser(ctx, litongAdmin, { username: 'ghost', displayName: '幽灵', password: GOOD, grants: [{ role: 'editor', organizationId: 9999 }] }), 'ORGANIZATION_UNKNOWN'],
    ];
    for (const [attempt, code] of attempts) await assert.rejects(attempt, (e) => isGongkaiError(e) && e.code === code);
    assert.equal(await countAuditEvents(store.db), before);
    assert.equal((await listUsers(ctx, SYSTEM)).some((u) => ['weak', 'x', 'noorg', 'ghost'].includes(u.username)), false);
  });

  void it('an org_admin cannot grant system_admin, grant outside the subtree, or manage users outside it', async () => {
    const grantCases = [[{ role: 'system_admin' as const, organizationId: null }], [{ role: 'editor' as const, organizationId: region.yanchi.id }], [{ role: 'editor' as const, organizationId: region.city.id }], []];
    for (const grants of grantCases) {
      await assert.rejects(createUser(ctx, litongAdmin, { username: 'escalate', displayName: '越权', password: GOOD, grants }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    }
    const { user: yanchiEditor } = await createTestUser(store, clock, { role: 'editor', organizationId: region.yanchi.id });
    await assert.rejects(updateUser(ctx, litongAdmin, yanchiEditor.id, { displayName: '改' }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(resetPassword(ctx, litongAdmin, yanchiEditor.id), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(getUser(ctx, litongAdmin, yanchiEditor.id), (e) => isGongkaiError(e, 'NOT_FOUND'));
    // A user with one grant inside and one outside is not the org_admin's to manage.
    const mixed = await createUser(ctx, SYSTEM, { username: 'mixed', displayName: '跨区', password: GOOD, grants: [{ role: 'editor', organizationId: region.litong.id }, { role: 'editor', organizationId: region.yanchi.id }] });
    await assert.rejects(updateUser(ctx, litongAdmin, mixed.id, { active: false }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    // Moving a user of the subtree out of it is refused too.
    const own = await createUser(ctx, litongAdmin, { username: 'own.editor', displayName: '本区', password: GOOD, grants: [{ role: 'editor', organizationId: region.litong.id }] });
    await assert.rejects(updateUser(ctx, litongAdmin, own.id, { grants: [{ role: 'editor', organizationId: region.yanchi.id }] }), (e) => isGongkaiError(e, 'FORBIDDEN'));
  });

  void it('listUsers is narrowed to the actor’s subtrees; an editor may not list', async () => {
    const mine = (await listUsers(ctx, litongAdmin)).map((u) => u.username);
    assert.ok(mine.includes('litong-admin') && mine.includes('wang.li') && mine.includes('mixed'));
    assert.equal(mine.some((u) => u.startsWith('editor-')), false); // the 盐池县 editor
    const all = await listUsers(ctx, SYSTEM);
    assert.ok(all.length > mine.length);
    const editor = actorForUser((await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id })).user);
    await assert.rejects(listUsers(ctx, editor), (e) => isGongkaiError(e, 'FORBIDDEN'));
  });

  void it('updateUser changes name, grants and active flag in one audited change; deactivation ends sessions', async () => {
    const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litongDepartment.id });
    const session = await login(ctx, { username: user.username, password, clientKey: 'test' });
    const before = await countAuditEvents(store.db);
    const updated = await updateUser(ctx, litongAdmin, user.id, { displayName: '新名字', active: false, grants: [{ role: 'approver', organizationId: region.litong.id }] });
    assert.equal(updated.displayName, '新名字');
    assert.equal(updated.active, false);
    assert.deepEqual(updated.grants.map((g) => [g.role, g.organizationId]), [['approver', region.litong.id]]);
    assert.equal(await countAuditEvents(store.db), before + 1);
    assert.equal(await resolveSessionActor(store.db, session.token, clock), null);
    await assert.rejects(login(ctx, { username: user.username, password, clientKey: 'test' }), (e) => isGongkaiError(e, 'LOGIN_FAILED'));
  });

  void it('resetPassword returns a one-time password that must be changed; changeOwnPassword clears it and ends other sessions', async () => {
    const { user } = await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id });
    const before = await countAuditEvents(store.db);
    const { password: otp } = await resetPassword(ctx, litongAdmin, user.id);
    assert.equal(await countAuditEvents(store.db), before + 1);
    const first = await login(ctx, { username: user.username, password: otp, clientKey: 'a' });
    const second = await login(ctx, { username: user.username, password: otp, clientKey: 'b' });
    assert.equal(first.actor.kind === 'user' && first.actor.mustChangePassword, true);
    await assert.rejects(changeOwnPassword(ctx, first.actor, { currentPassword: 'wrong', newPassword: GOOD }, first.token), (e) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues[0]?.field === 'currentPassword');
    await assert.rejects(changeOwnPassword(ctx, first.actor, { currentPassword: otp, newPassword: 'weakweakweak' }, first.token), (e) => isGongkaiError(e, 'PASSWORD_WEAK'));
    await changeOwnPassword(ctx, first.actor, { currentPassword: otp, newPassword: GOOD }, first.token);
    const kept = await resolveSessionActor(store.db, first.token, clock);
    assert.equal(kept?.kind === 'user' && kept.mustChangePassword, false);
    assert.equal(await resolveSessionActor(store.db, second.token, clock), null);
    await assert.rejects(changeOwnPassword(ctx, { kind: 'public' }, { currentPassword: GOOD, newPassword: 'Other-Passw0rd' }), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
  });
});
