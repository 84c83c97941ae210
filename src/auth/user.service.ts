/**
 * Users and role grants: creating and changing staff accounts, password resets and changes.
 * Rules (issue 3): an org_admin manages only users whose every grant lies in the org_admin's
 * subtree, and never grants `system_admin`; a user without grants counts as installation-wide, so
 * only a system_admin manages them. Password hashes are never returned or audited.
 */
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/database.ts';
import { selectPathsByIds } from '../organizations/organization.repository.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { Actor } from './actor.ts';
import { authorize, grantedPaths, inSubtree } from './policy.ts';
import { assertPasswordPolicy, generateOneTimePassword, hashPassword, verifyPassword } from './password.ts';
import { hashToken } from './session.service.ts';
import { deleteUserSessions } from './session.repository.ts';
import {
  findPasswordHash,
  findUserById,
  insertUser,
  replaceGrants,
  selectUsers,
  updatePasswordHash,
  updateUserProfile,
  usernameExists,
} from './user.repository.ts';
import { normalizeUsername, USERNAME_PATTERN, validateGrants } from './user.ts';
import type { GrantInput, User } from './user.ts';

/** The target standing for "installation-wide": only global grants (system_admin) cover it. */
const GLOBAL_TARGET = '/';

/** What a caller gives to create a user. */
export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  grants: GrantInput[];
  /** Force a password change at first login (default true: the creator knows the password). */
  mustChangePassword?: boolean;
}

/** A partial change of a user: omitted fields keep their value; `grants` replaces all grants. */
export interface UpdateUserInput {
  displayName?: string;
  active?: boolean;
  grants?: GrantInput[];
}

/** The subtree paths a set of grants touches: a global grant (or no grant at all) counts as the whole installation. */
function targetsOf(grants: readonly { organizationPath: string | null }[]): string[] {
  if (grants.length === 0) return [GLOBAL_TARGET];
  return grants.map((g) => g.organizationPath ?? GLOBAL_TARGET);
}

/** Throws unless the actor may manage every one of `paths`. */
function authorizeManage(actor: Actor, paths: readonly string[]): void {
  for (const organizationPath of paths) authorize(actor, 'user.manage', { organizationPath });
}

/**
 * Validates grants and looks up their organizations' paths.
 * @throws GongkaiError `VALIDATION_FAILED` (malformed grants), `ORGANIZATION_UNKNOWN`
 */
async function resolveGrants(db: Db, grants: readonly GrantInput[]): Promise<{ organizationPath: string | null }[]> {
  const issues = validateGrants(grants);
  if (issues.length > 0) throw validationFailed(issues);
  const paths = await selectPathsByIds(db, grants.flatMap((g) => (g.organizationId === null ? [] : [g.organizationId])));
  return grants.map((g, i) => {
    if (g.organizationId === null) return { organizationPath: null };
    const path = paths.get(g.organizationId);
    if (path === undefined) {
      throw new GongkaiError('ORGANIZATION_UNKNOWN', `organization ${g.organizationId}`, {
        issues: [{ field: `grants.${i}.organizationId`, message: `organization ${g.organizationId} does not exist`, messageZh: `机构 ${g.organizationId} 不存在` }],
      });
    }
    return { organizationPath: path };
  });
}

function firstOrganization(grants: readonly { organizationId: number | null }[]): number | null {
  return grants.find((g) => g.organizationId !== null)?.organizationId ?? null;
}

function checkDisplayName(displayName: string): void {
  if (displayName.trim() === '' || displayName.length > 100) {
    throw validationFailed([{ field: 'displayName', message: 'displayName must be 1–100 characters', messageZh: '姓名不能为空，且不超过 100 字' }]);
  }
}

async function loadUser(db: Db, id: number): Promise<User> {
  const user = await findUserById(db, id);
  if (!user) throw new GongkaiError('NOT_FOUND', `user ${id}`);
  return user;
}

/**
 * Creates a user with grants.
 * Permission: `user.manage` over every granted organization (a `system_admin` grant, or no grant,
 * needs a global grant).
 * @returns the user (without password)
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED`, `ORGANIZATION_UNKNOWN`,
 *   `USERNAME_TAKEN`, `PASSWORD_WEAK`
 */
export async function createUser(ctx: ServiceContext, actor: Actor, input: CreateUserInput): Promise<User> {
  authorize(actor, 'user.manage');
  const db = ctx.store.db;
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) {
    throw validationFailed([{ field: 'username', message: 'username must be 3–64 letters, digits, ".", "_" or "-"', messageZh: '用户名应为 3–64 位字母、数字、“.”、“_”或“-”' }]);
  }
  checkDisplayName(input.displayName);
  authorizeManage(actor, targetsOf(await resolveGrants(db, input.grants)));
  assertPasswordPolicy(input.password, username, 'password');
  if (await usernameExists(db, username)) throw new GongkaiError('USERNAME_TAKEN', username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, { username, displayName: input.displayName.trim(), passwordHash, mustChangePassword: input.mustChangePassword ?? true }, nowIso(ctx.clock));
    await replaceGrants(trx, id, input.grants);
    const user = await loadUser(trx, id);
    await recordAudit(trx, actor, ctx.clock, { action: 'user.create', entityType: 'user', entityId: id, organizationId: firstOrganization(user.grants), after: user });
    return user;
  });
}

/**
 * Changes a user's display name, active flag and/or grants. Deactivating ends the user's sessions.
 * Permission: `user.manage` over every organization of the user's current and new grants.
 * @throws GongkaiError `NOT_FOUND`, `UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED`, `ORGANIZATION_UNKNOWN`
 */
export async function updateUser(ctx: ServiceContext, actor: Actor, id: number, input: UpdateUserInput): Promise<User> {
  authorize(actor, 'user.manage');
  if (input.displayName !== undefined) checkDisplayName(input.displayName);
  return ctx.store.db.transaction().execute(async (trx) => {
    const before = await loadUser(trx, id);
    authorizeManage(actor, targetsOf(before.grants));
    if (input.grants !== undefined) authorizeManage(actor, targetsOf(await resolveGrants(trx, input.grants)));
    const profile = { ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}), ...(input.active !== undefined ? { active: input.active } : {}) };
    await updateUserProfile(trx, id, profile, nowIso(ctx.clock));
    if (input.grants !== undefined) await replaceGrants(trx, id, input.grants);
    if (input.active === false) await deleteUserSessions(trx, id, null);
    const after = await loadUser(trx, id);
    await recordAudit(trx, actor, ctx.clock, { action: 'user.update', entityType: 'user', entityId: id, organizationId: firstOrganization(after.grants) ?? firstOrganization(before.grants), before, after });
    return after;
  });
}

/**
 * Replaces a user's password with a random one-time password that must be changed at next login;
 * clears any lockout and ends the user's sessions.
 * Permission: `user.manage` over every organization of the user's grants.
 * @returns the one-time password (shown once to the administrator, never stored in clear)
 * @throws GongkaiError `NOT_FOUND`, `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function resetPassword(ctx: ServiceContext, actor: Actor, id: number): Promise<{ password: string }> {
  authorize(actor, 'user.manage');
  const user = await loadUser(ctx.store.db, id);
  authorizeManage(actor, targetsOf(user.grants));
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  await ctx.store.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, id, passwordHash, true, nowIso(ctx.clock));
    const ended = await deleteUserSessions(trx, id, null);
    await recordAudit(trx, actor, ctx.clock, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      organizationId: firstOrganization(user.grants),
      before: { mustChangePassword: user.mustChangePassword, lockedUntil: user.lockedUntil },
      after: { mustChangePassword: true, lockedUntil: null },
      note: `${ended} session(s) ended`,
    });
  });
  return { password };
}

/**
 * The logged-in user changes their own password (allowed while a change is pending, which it
 * clears). Ends the user's other sessions; the one of `keepToken` (the current one) stays.
 * @throws GongkaiError `UNAUTHENTICATED` (not a user), `VALIDATION_FAILED` (wrong current password),
 *   `PASSWORD_WEAK` (policy, or unchanged)
 */
export async function changeOwnPassword(ctx: ServiceContext, actor: Actor, input: { currentPassword: string; newPassword: string }, keepToken: string | null = null): Promise<void> {
  // Not `authorize`: a pending password change must not block the change itself.
  if (actor.kind !== 'user') throw new GongkaiError('UNAUTHENTICATED');
  const db = ctx.store.db;
  const storedHash = await findPasswordHash(db, actor.userId);
  if (storedHash === undefined) throw new GongkaiError('UNAUTHENTICATED');
  if (!(await verifyPassword(storedHash, input.currentPassword))) {
    throw validationFailed([{ field: 'currentPassword', message: 'the current password is wrong', messageZh: '当前密码不正确' }]);
  }
  assertPasswordPolicy(input.newPassword, actor.username, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new GongkaiError('PASSWORD_WEAK', 'must differ from the current password', {
      issues: [{ field: 'newPassword', message: 'must differ from the current password', messageZh: '新密码不能与当前密码相同' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.userId, passwordHash, false, nowIso(ctx.clock));
    const ended = await deleteUserSessions(trx, actor.userId, keepToken === null ? null : hashToken(keepToken));
    await recordAudit(trx, actor, ctx.clock, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: actor.userId,
      organizationId: firstOrganization(actor.grants),
      note: `${ended} other session(s) ended`,
    });
  });
}

/**
 * Users the actor may see, by user name: all for a global grant, otherwise those with a grant in
 * one of the actor's `user.read` subtrees.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function listUsers(ctx: ServiceContext, actor: Actor): Promise<User[]> {
  authorize(actor, 'user.read');
  return selectUsers(ctx.store.db, grantedPaths(actor, 'user.read'));
}

/**
 * One user, if the actor may see them (as {@link listUsers}).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND` (absent or outside the actor's subtrees)
 */
export async function getUser(ctx: ServiceContext, actor: Actor, id: number): Promise<User> {
  authorize(actor, 'user.read');
  const user = await loadUser(ctx.store.db, id);
  const roots = grantedPaths(actor, 'user.read');
  const visible = roots === null || user.grants.some((g) => g.organizationPath !== null && roots.some((root) => inSubtree(g.organizationPath ?? '', root)));
  if (!visible) throw new GongkaiError('NOT_FOUND', `user ${id}`);
  return user;
}

/** Whether the actor may manage this user (for showing edit controls; the service methods check again). */
export function canManageUser(actor: Actor, user: User): boolean {
  try {
    authorizeManage(actor, targetsOf(user.grants));
    return true;
  } catch {
    return false;
  }
}
