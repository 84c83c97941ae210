/**
 * Who is acting: the public (anonymous), a logged-in staff user with role grants, or the system
 * (the CLI, the demo loader). Every service method takes an `Actor` and checks it first.
 */

/** Staff roles (issue 3). The public has no role: it is the `public` actor. */
export const ROLES = ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] as const;

/** A staff role. */
export type Role = (typeof ROLES)[number];

/** Chinese names of the roles, for the UI. */
export const ROLE_NAMES_ZH: Record<Role, string> = {
  system_admin: '系统管理员',
  org_admin: '机构管理员',
  editor: '信息编辑',
  approver: '审核人（政府信息公开工作机构负责人）',
  auditor: '审计员（只读）',
};

/** A role held over an organization's subtree (`organizationPath` is its materialized path `/1/5/`); null = everywhere. */
export interface RoleGrant {
  role: Role;
  organizationId: number | null;
  organizationPath: string | null;
}

/** The acting party. */
export type Actor =
  | { kind: 'public' }
  | {
      kind: 'user';
      userId: number;
      username: string;
      displayName: string;
      grants: readonly RoleGrant[];
      /** A one-time password must be changed before anything else is allowed. */
      mustChangePassword: boolean;
    }
  | { kind: 'system'; label: string };

/** The anonymous public. */
export const PUBLIC_ACTOR: Actor = { kind: 'public' };

/** The system actor (CLI commands, the demo loader): allowed everything, audited under `label`. */
export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}

/** The label written to the audit log for an actor. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'public':
      return 'public';
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.label}`;
  }
}

/** The user id of an actor, or null (public, system). */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}
