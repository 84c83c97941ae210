/**
 * Sessions: a random token given to the browser (cookie) or API client (bearer); only its SHA-256 is
 * stored. Sessions slide: each use (at most once a minute) pushes the expiry 12 hours ahead.
 * Login failures are counted per account; 5 in a row lock it for 15 minutes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { PUBLIC_ACTOR } from './actor.ts';
import type { Actor, RoleGrant } from './actor.ts';
import { verifyDummyPassword, verifyPassword } from './password.ts';
import { deleteSession, findSessionByHash, insertSession, touchSession } from './session.repository.ts';
import { findCredentials, incrementLoginFailures, selectGrants, updateLoginFailures } from './user.repository.ts';
import { normalizeUsername } from './user.ts';
import type { User, UserGrant } from './user.ts';

/** How long a session lives after its last use: 12 hours. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;
/** Sessions are refreshed at most this often (one write per minute per session, not per request). */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** Consecutive failed logins that lock an account. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked: 15 minutes. */
export const LOCKOUT_MS = 15 * 60 * 1000;

/** The SHA-256 (hex) of a session token: what the `session` table stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The actor's grants from a user's stored grants. */
function toRoleGrants(grants: readonly UserGrant[]): RoleGrant[] {
  return grants.map((g) => ({ role: g.role, organizationId: g.organizationId, organizationPath: g.organizationPath }));
}

/** The actor a user acts as once logged in. */
export function actorForUser(user: Pick<User, 'id' | 'username' | 'displayName' | 'grants' | 'mustChangePassword'>): Actor {
  return { kind: 'user', userId: user.id, username: user.username, displayName: user.displayName, grants: toRoleGrants(user.grants), mustChangePassword: user.mustChangePassword };
}

/** The organization a user's auth events are filed under (their first organization), for auditors' subtree view. */
function auditOrganization(user: User): number | null {
  return user.grants.find((g) => g.organizationId !== null)?.organizationId ?? null;
}

/** `2026-11-30 10:15 (UTC+8)`: an instant as an office clock shows it. */
function chinaTimeLabel(instantMs: number): string {
  return `${new Date(instantMs + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}

/** What a successful login returns. */
export interface LoginResult {
  /** The session token (32 random bytes, base64url): the cookie value or bearer token. Shown once, never stored. */
  token: string;
  /** ISO instant the session expires unless used before. */
  expiresAt: string;
  actor: Actor;
  /** The user who logged in. */
  user: User;
}

/**
 * Logs a user in. Unknown user names and wrong passwords both fail with `LOGIN_FAILED` after a
 * password verification (against a dummy hash for unknown users), so timing does not tell them
 * apart. Every attempt is audited (`auth.login`, `auth.login_failed`, `auth.lockout`).
 * @param input `clientKey`: the client's address, written to the audit note
 * @throws GongkaiError `LOGIN_FAILED`; `ACCOUNT_LOCKED` (the unlock time in the detail) while locked
 *   and on the failure that locks
 */
export async function login(ctx: ServiceContext, input: { username: string; password: string; clientKey: string }): Promise<LoginResult> {
  const db = ctx.store.db;
  const now = ctx.clock.now().getTime();
  const username = normalizeUsername(input.username);
  const note = `client ${input.clientKey}`;
  const creds = username === '' ? undefined : await findCredentials(db, username);
  if (!creds) {
    await verifyDummyPassword(input.password);
    await recordAudit(db, PUBLIC_ACTOR, ctx.clock, { action: 'auth.login_failed', entityType: 'user', entityId: username.slice(0, 64), organizationId: null, note: `${note}; unknown user` });
    throw new GongkaiError('LOGIN_FAILED');
  }
  const { user } = creds;
  const organizationId = auditOrganization(user);
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now) {
    await recordAudit(db, PUBLIC_ACTOR, ctx.clock, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, organizationId, note: `${note}; account locked` });
    throw new GongkaiError('ACCOUNT_LOCKED', chinaTimeLabel(Date.parse(user.lockedUntil)));
  }
  const passwordOk = await verifyPassword(creds.passwordHash, input.password);
  if (!passwordOk || !user.active) {
    const lockedUntil = await db.transaction().execute(async (trx) => {
      await recordAudit(trx, PUBLIC_ACTOR, ctx.clock, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, organizationId, note: `${note}; ${user.active ? 'wrong password' : 'inactive account'}` });
      if (!user.active) return null;
      const failures = await incrementLoginFailures(trx, user.id);
      if (failures < MAX_FAILED_LOGINS) return null;
      const until = new Date(now + LOCKOUT_MS).toISOString();
      // The counter restarts, so after the lock expires the user has the full number of attempts again.
      await updateLoginFailures(trx, user.id, 0, until);
      await recordAudit(trx, PUBLIC_ACTOR, ctx.clock, { action: 'auth.lockout', entityType: 'user', entityId: user.id, organizationId, after: { lockedUntil: until }, note: `${note}; ${failures} consecutive failures` });
      return until;
    });
    if (lockedUntil !== null) throw new GongkaiError('ACCOUNT_LOCKED', chinaTimeLabel(Date.parse(lockedUntil)));
    throw new GongkaiError('LOGIN_FAILED');
  }
  const token = randomBytes(32).toString('base64url');
  const nowIsoText = new Date(now).toISOString();
  const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
  const actor = actorForUser(user);
  await db.transaction().execute(async (trx) => {
    await updateLoginFailures(trx, user.id, 0, null);
    const sessionId = await insertSession(trx, { tokenHash: hashToken(token), userId: user.id, now: nowIsoText, expiresAt });
    await recordAudit(trx, actor, ctx.clock, { action: 'auth.login', entityType: 'user', entityId: user.id, organizationId, note: `${note}; session ${sessionId}` });
  });
  return { token, expiresAt, actor, user: { ...user, lockedUntil: null } };
}

/**
 * Ends the session of `token` (audited as `auth.logout`). An unknown or expired token is ignored.
 */
export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  const record = await findSessionByHash(ctx.store.db, hashToken(token));
  if (!record) return;
  const grants = (await selectGrants(ctx.store.db, [record.userId])).get(record.userId) ?? [];
  const actor = actorForUser({ id: record.userId, username: record.username, displayName: record.displayName, grants, mustChangePassword: record.mustChangePassword });
  await ctx.store.db.transaction().execute(async (trx) => {
    await deleteSession(trx, record.id);
    await recordAudit(trx, actor, ctx.clock, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: record.userId,
      organizationId: grants.find((g) => g.organizationId !== null)?.organizationId ?? null,
      note: `session ${record.id}`,
    });
  });
}

/**
 * The actor a session token stands for, or null when the token is unknown, expired, or its user
 * inactive. Slides the session (new expiry 12 hours from now) when it was last seen over a minute ago;
 * deletes it when expired. Grants carry each organization's current path.
 */
export async function resolveSessionActor(db: Db, token: string, clock: Clock): Promise<Actor | null> {
  if (token === '' || token.length > 256) return null;
  const record = await findSessionByHash(db, hashToken(token));
  if (!record) return null;
  const now = clock.now().getTime();
  if (Date.parse(record.expiresAt) <= now) {
    await deleteSession(db, record.id);
    return null;
  }
  if (!record.userActive) return null;
  if (now - Date.parse(record.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, record.id, new Date(now).toISOString(), new Date(now + SESSION_TTL_MS).toISOString());
  }
  const grants = (await selectGrants(db, [record.userId])).get(record.userId) ?? [];
  return actorForUser({ id: record.userId, username: record.username, displayName: record.displayName, grants, mustChangePassword: record.mustChangePassword });
}
