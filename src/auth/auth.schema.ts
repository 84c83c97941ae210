/**
 * API schemas of sessions and users (zod; they also generate /api/openapi.json). Field names are the
 * domain's camelCase; password hashes have no field anywhere.
 */
import { z } from 'zod';
import { ROLES } from './actor.ts';
import type { Actor } from './actor.ts';
import type { User } from './user.ts';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';

/** The common error body of every API error. */
export const apiErrorSchema = z.object({
  error: z.object({
    /** Stable machine code, e.g. `LOGIN_FAILED`. */
    code: z.string(),
    /** English message. */
    message: z.string(),
    /** Field-level problems, when any. */
    issues: z.array(z.object({ field: z.string(), row: z.number().optional(), message: z.string() })).optional(),
  }),
});

/** A role grant as shown. */
export const grantSchema = z.object({
  role: z.enum(ROLES),
  /** Null only for `system_admin`. */
  organizationId: z.number().int().nullable(),
  /** The organization's materialized path `/1/5/`. */
  organizationPath: z.string().nullable(),
  organizationName: z.string().nullable(),
});

/** A role grant as asked for. */
export const grantInputSchema = z.object({
  role: z.enum(ROLES),
  /** The organization (subtree root); null for `system_admin`. */
  organizationId: z.number().int().positive().max(MAX_RECORD_ID).nullable(),
});

/** A user as shown. */
export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** ISO instant until which login is refused; null when not locked. */
  lockedUntil: z.string().nullable(),
  grants: z.array(grantSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Maps a domain user to its API shape (an explicit copy: nothing else leaks). */
export function userToApi(user: User): z.infer<typeof userSchema> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil,
    grants: user.grants.map((g) => ({ role: g.role, organizationId: g.organizationId, organizationPath: g.organizationPath, organizationName: g.organizationName })),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** POST /api/session body. */
export const loginBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** POST /api/session answer. */
export const loginResponseSchema = z.object({
  /** The bearer token: send `Authorization: Bearer <token>`. Shown once. */
  token: z.string(),
  /** ISO instant; each use (at most once a minute) moves it 12 hours ahead. */
  expiresAt: z.string(),
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean(), grants: z.array(grantSchema) }),
});

/** GET /api/session/me answer: the current actor. */
export const meResponseSchema = z.object({
  kind: z.enum(['user', 'system']),
  userId: z.number().int().nullable(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  grants: z.array(z.object({ role: z.enum(ROLES), organizationId: z.number().int().nullable(), organizationPath: z.string().nullable() })),
});

/** The API shape of a non-public actor. */
export function actorToApi(actor: Exclude<Actor, { kind: 'public' }>): z.infer<typeof meResponseSchema> {
  if (actor.kind === 'system') return { kind: 'system', userId: null, username: `system:${actor.label}`, displayName: actor.label, mustChangePassword: false, grants: [] };
  return {
    kind: 'user',
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    mustChangePassword: actor.mustChangePassword,
    grants: actor.grants.map((g) => ({ role: g.role, organizationId: g.organizationId, organizationPath: g.organizationPath })),
  };
}

/** PUT /api/session/password body. */
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

/** POST /api/users body. */
export const createUserBodySchema = z.object({
  /** 3–64 letters, digits, `.`, `_`, `-`; stored lower-case. */
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(100),
  /** The initial password (policy: ≥ 10 characters, 3 of 4 character classes, not the user name). */
  password: z.string().min(1).max(1024),
  grants: z.array(grantInputSchema).max(20),
  /** Force a change at first login (default true). */
  mustChangePassword: z.boolean().optional(),
});

/** PATCH /api/users/:id body. */
export const updateUserBodySchema = z.object({
  displayName: z.string().min(1).max(100).optional(),
  active: z.boolean().optional(),
  /** Replaces every grant. */
  grants: z.array(grantInputSchema).max(20).optional(),
});

/** `:id` path parameter. */
export const idParamsSchema = z.object({ id: recordIdSchema });
