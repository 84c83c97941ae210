/**
 * Staff users and their role grants as the domain sees them. The password hash is not part of the
 * domain user: only the auth repositories and the session service ever see it.
 */
import type { ErrorIssue } from '../shared/errors.ts';
import { ROLES } from './actor.ts';
import type { Role } from './actor.ts';

/** A role over an organization's subtree, as stored and shown (with the organization's name). */
export interface UserGrant {
  role: Role;
  /** Null only for `system_admin`. */
  organizationId: number | null;
  /** The organization's path `/1/5/`; null with `organizationId`. */
  organizationPath: string | null;
  /** The organization's name, for display; null with `organizationId`. */
  organizationName: string | null;
}

/** A staff user. */
export interface User {
  id: number;
  /** Lower-case login name. */
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  /** Instant until which login is refused after repeated failures; null when not locked. */
  lockedUntil: string | null;
  grants: UserGrant[];
  createdAt: string;
  updatedAt: string;
}

/** A grant as a caller asks for it. */
export interface GrantInput {
  role: Role;
  organizationId: number | null;
}

/** User names: 3–64 lower-case letters, digits, `.`, `_`, `-` (entered names are lower-cased first). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The canonical form of an entered user name: trimmed and lower-cased. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Checks a set of grants: known roles; `system_admin` without an organization and every other
 * role with one; no duplicates.
 * @returns field issues (`grants.N.role`, `grants.N.organizationId`); empty when well-formed
 */
export function validateGrants(grants: readonly GrantInput[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  grants.forEach((grant, i) => {
    if (!(ROLES as readonly string[]).includes(grant.role)) {
      issues.push({ field: `grants.${i}.role`, message: `unknown role ${grant.role}`, messageZh: `未知角色 ${grant.role}` });
      return;
    }
    if (grant.role === 'system_admin' && grant.organizationId !== null) {
      issues.push({ field: `grants.${i}.organizationId`, message: 'system_admin is granted without an organization', messageZh: '系统管理员不属于具体机构' });
    }
    if (grant.role !== 'system_admin' && grant.organizationId === null) {
      issues.push({ field: `grants.${i}.organizationId`, message: `${grant.role} needs an organization`, messageZh: '该角色须指定机构' });
    }
    const key = `${grant.role}@${grant.organizationId ?? ''}`;
    if (seen.has(key)) issues.push({ field: `grants.${i}`, message: 'duplicate grant', messageZh: '角色重复' });
    seen.add(key);
  });
  return issues;
}
