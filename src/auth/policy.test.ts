import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import type { Actor, Role } from './actor.ts';
import { PUBLIC_ACTOR, systemActor } from './actor.ts';
import { authorize, can, grantedPaths } from './policy.ts';

/** A user holding `role` over the organization at `path` (`/1/3/` = 利通区 below 吴忠市 `/1/`). */
function userWith(role: Role, path: string | null, mustChangePassword = false): Actor {
  return {
    kind: 'user',
    userId: 7,
    username: 'u7',
    displayName: '用户七',
    grants: [{ role, organizationId: path === null ? null : Number(path.split('/').filter(Boolean).pop()), organizationPath: path }],
    mustChangePassword,
  };
}

const CITY = '/1/';
const LITONG = '/1/3/';
const LITONG_DEPT = '/1/3/4/';
const YANCHI = '/1/5/';

void describe('policy: role × subtree', () => {
  void it('an editor may draft in their own organization and below, not in a sibling or above', () => {
    const editor = userWith('editor', LITONG);
    assert.equal(can(editor, 'catalog.draft', { organizationPath: LITONG }), true);
    assert.equal(can(editor, 'catalog.draft', { organizationPath: LITONG_DEPT }), true);
    assert.equal(can(editor, 'catalog.draft', { organizationPath: YANCHI }), false);
    assert.equal(can(editor, 'catalog.draft', { organizationPath: CITY }), false);
  });

  void it('a path prefix that is not a subtree does not match (/1/3/ does not cover /1/30/)', () => {
    assert.equal(can(userWith('editor', LITONG), 'catalog.draft', { organizationPath: '/1/30/' }), false);
  });

  void it('roles only do their own actions: an editor cannot approve, an approver cannot draft, an auditor only reads', () => {
    assert.equal(can(userWith('editor', LITONG), 'catalog.approve', { organizationPath: LITONG }), false);
    assert.equal(can(userWith('approver', LITONG), 'catalog.approve', { organizationPath: LITONG }), true);
    assert.equal(can(userWith('approver', LITONG), 'catalog.draft', { organizationPath: LITONG }), false);
    const auditor = userWith('auditor', CITY);
    assert.equal(can(auditor, 'audit.read', { organizationPath: LITONG_DEPT }), true);
    assert.equal(can(auditor, 'user.read', { organizationPath: LITONG }), true);
    assert.equal(can(auditor, 'user.manage', { organizationPath: LITONG }), false);
    assert.equal(can(auditor, 'organization.update', { organizationPath: LITONG }), false);
  });

  void it('an org_admin manages users and organizations in their subtree only, and cannot act at the global target', () => {
    const admin = userWith('org_admin', LITONG);
    assert.equal(can(admin, 'user.manage', { organizationPath: LITONG_DEPT }), true);
    assert.equal(can(admin, 'user.manage', { organizationPath: YANCHI }), false);
    assert.equal(can(admin, 'organization.create', { organizationPath: LITONG }), true);
    assert.equal(can(admin, 'organization.create', { organizationPath: CITY }), false);
    assert.equal(can(admin, 'organization.create', { organizationPath: '/' }), false);
  });

  void it('system_admin may do admin actions everywhere, including the global target', () => {
    const sys = userWith('system_admin', null);
    for (const path of ['/', CITY, LITONG_DEPT, YANCHI]) {
      assert.equal(can(sys, 'organization.create', { organizationPath: path }), true);
      assert.equal(can(sys, 'user.manage', { organizationPath: path }), true);
      assert.equal(can(sys, 'audit.read', { organizationPath: path }), true);
    }
    assert.equal(grantedPaths(sys, 'audit.read'), null);
  });

  void it('the system actor may do everything; the public only public actions', () => {
    assert.equal(can(systemActor('cli'), 'settings.manage'), true);
    assert.equal(can(PUBLIC_ACTOR, 'organization.read'), true);
    assert.equal(can(PUBLIC_ACTOR, 'catalog.read_published'), true);
    assert.equal(can(PUBLIC_ACTOR, 'catalog.read_unpublished', { organizationPath: LITONG }), false);
    assert.throws(() => authorize(PUBLIC_ACTOR, 'user.read'), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
  });

  void it('a pending password change blocks every staff action (PASSWORD_CHANGE_REQUIRED) but not public reading', () => {
    const pending = userWith('system_admin', null, true);
    assert.equal(can(pending, 'user.read'), false);
    assert.equal(can(pending, 'organization.read'), true);
    assert.throws(() => authorize(pending, 'user.read'), (e) => isGongkaiError(e, 'PASSWORD_CHANGE_REQUIRED'));
    assert.deepEqual(grantedPaths(pending, 'audit.read'), []);
  });

  void it('authorize throws FORBIDDEN naming the action for a user without the right', () => {
    assert.throws(
      () => authorize(userWith('editor', LITONG), 'catalog.draft', { organizationPath: YANCHI }),
      (e) => isGongkaiError(e, 'FORBIDDEN') && e.message.includes('catalog.draft'),
    );
  });

  void it('grantedPaths lists the subtree roots of the suitable grants only', () => {
    const actor: Actor = {
      kind: 'user',
      userId: 1,
      username: 'multi',
      displayName: '多角色',
      mustChangePassword: false,
      grants: [
        { role: 'editor', organizationId: 3, organizationPath: LITONG },
        { role: 'auditor', organizationId: 5, organizationPath: YANCHI },
      ],
    };
    assert.deepEqual(grantedPaths(actor, 'audit.read'), [YANCHI]);
    assert.deepEqual(grantedPaths(actor, 'catalog.draft'), [LITONG]);
    assert.deepEqual(grantedPaths(actor, 'catalog.read_unpublished'), [LITONG, YANCHI]);
    assert.deepEqual(grantedPaths(actor, 'user.manage'), []);
  });
});
