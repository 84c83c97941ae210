/**
 * The one place that decides who may do what (issue 3): role × organization subtree.
 * Every route and service method calls {@link authorize} (or {@link can}) before anything else.
 * A grant on an organization covers that organization and everything below it in the tree.
 */
import { GongkaiError } from '../shared/errors.ts';
import type { Actor, Role } from './actor.ts';

/** Every action a route can perform. Public actions need no login. */
export const ACTIONS = {
  // Public reading (anonymous allowed).
  'organization.read': { public: true, roles: [] },
  'catalog.read_published': { public: true, roles: [] },
  'search.public': { public: true, roles: [] },
  /** The working-day calendar (holidays and make-up working days by year): public, deadlines are computed with it. */
  'calendar.read': { public: true, roles: [] },
  // Organizations.
  'organization.create': { public: false, roles: ['system_admin', 'org_admin'] },
  'organization.update': { public: false, roles: ['system_admin', 'org_admin'] },
  // Users and roles.
  'user.read': { public: false, roles: ['system_admin', 'org_admin', 'auditor'] },
  'user.manage': { public: false, roles: ['system_admin', 'org_admin'] },
  // The catalog.
  'catalog.read_unpublished': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  'catalog.draft': { public: false, roles: ['editor', 'org_admin'] },
  'catalog.submit': { public: false, roles: ['editor', 'org_admin'] },
  'catalog.approve': { public: false, roles: ['approver'] },
  'catalog.withdraw': { public: false, roles: ['approver'] },
  'catalog.import': { public: false, roles: ['editor', 'org_admin'] },
  'catalog.export': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  // Audit log.
  'audit.read': { public: false, roles: ['system_admin', 'org_admin', 'auditor'] },
  // Requests for disclosure (依申请公开, 2019 art. 27–45).
  'requests.submit_public': { public: true, roles: [] },
  'requests.track_public': { public: true, roles: [] },
  'deadline.calculate': { public: true, roles: [] },
  'requests.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  /** Unmasked identity and contact of requesters: the staff who handle cases, not auditors. */
  'requests.read_personal': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver'] },
  'requests.register': { public: false, roles: ['org_admin', 'editor'] },
  'requests.handle': { public: false, roles: ['org_admin', 'editor', 'approver'] },
  /** Extension of the reply period: only the OGI office head's approval counts (2019 art. 33 ¶2). */
  'requests.approve_extension': { public: false, roles: ['approver'] },
  // Reconsideration and litigation (table 四).
  'reviews.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  'reviews.manage': { public: false, roles: ['org_admin', 'editor'] },
  // Annual reports (2019 art. 49–50, issue 5).
  /** Published annual reports (computed and imported) on the portal. */
  'reports.read_published': { public: true, roles: [] },
  /** Drafts, computed figures, the records behind a cell, findings and the submission dashboard. */
  'reports.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  /** Edit the narrative and the hand-entered figures, check and submit the organization's report. */
  'reports.write': { public: false, roles: ['org_admin', 'editor'] },
  /** Submit despite checker errors, with a written reason kept with the report. */
  'reports.override': { public: false, roles: ['approver'] },
  /** Return or accept a submitted report: on the competent OGI department's organization (2019 art. 49). */
  'reports.review': { public: false, roles: ['approver', 'org_admin'] },
  /** Publish an accepted report on the portal. */
  'reports.publish': { public: false, roles: ['approver'] },
  /** Import a published report file (read and checked) into the organization's report list. */
  'reports.import': { public: false, roles: ['system_admin', 'org_admin', 'editor'] },
  // Engagement and work records (issue 6).
  /** Write a message to an organization's mailbox (市长信箱 / 留言) on the portal. */
  'messages.submit_public': { public: true, roles: [] },
  /** Published message exchanges and per-organization reply rates on the portal. */
  'messages.read_published': { public: true, roles: [] },
  /** The mailbox queue and messages (writer's name and contact masked). */
  'messages.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  /** Unmasked writer's name and contact: the staff who answer messages, not auditors. */
  'messages.read_personal': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver'] },
  /** Assign and reply to messages. */
  'messages.handle': { public: false, roles: ['org_admin', 'editor', 'approver'] },
  /** Publish a replied exchange whose writer agreed to publication. */
  'messages.publish': { public: false, roles: ['approver'] },
  /** Set the organization's reply period (working days). */
  'messages.configure': { public: false, roles: ['system_admin', 'org_admin'] },
  /** 12345 hotline work orders and their counts. */
  'hotline.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  /** Import hotline work orders (CSV/XLSX) for organizations of the subtree. */
  'hotline.import': { public: false, roles: ['system_admin', 'org_admin', 'editor'] },
  /** Press conferences, online interviews, interpretations and responses to public concerns, as published. */
  'engagement.read_published': { public: true, roles: [] },
  'engagement.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  'engagement.manage': { public: false, roles: ['org_admin', 'editor'] },
  /** NPC deputy suggestions and CPPCC member proposals whose handling results are published. */
  'proposals.read_published': { public: true, roles: [] },
  'proposals.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  'proposals.manage': { public: false, roles: ['org_admin', 'editor'] },
  /** Decide publication of a handling result, or withhold it with a reason. */
  'proposals.publish': { public: false, roles: ['approver'] },
  /** Public reading points (2019 art. 25) on the portal. */
  'work_records.read_published': { public: true, roles: [] },
  /** Staffing, funding, reading points, meetings, training and complaints of the OGI office. */
  'work_records.read': { public: false, roles: ['system_admin', 'org_admin', 'editor', 'approver', 'auditor'] },
  'work_records.manage': { public: false, roles: ['org_admin', 'editor'] },
  // Installation-wide settings (calendar years, local themes).
  'settings.manage': { public: false, roles: ['system_admin'] },
} as const satisfies Record<string, { public: boolean; roles: readonly Role[] }>;

/** An action name of {@link ACTIONS}. */
export type Action = keyof typeof ACTIONS;

/** What an action is performed on: an organization, by its materialized path (`/1/5/`). Omit for global actions. */
export interface Target {
  organizationPath?: string;
}

/** True when `path` is `root` or below it (materialized paths end in `/`). */
export function inSubtree(path: string, root: string): boolean {
  return path.startsWith(root);
}

/**
 * Whether the actor may perform `action` on `target`.
 * - The system actor may do everything; the public only public actions.
 * - A user must not have a pending password change.
 * - `system_admin` grants are global; other grants cover their organization's subtree. An action
 *   with no target organization (e.g. listing users) is allowed when the user holds a suitable role
 *   anywhere; the service then narrows results to the user's subtrees ({@link grantedPaths}).
 */
export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  const rule = ACTIONS[action];
  if (actor.kind === 'system') return true;
  if (rule.public) return true;
  if (actor.kind === 'public') return false;
  if (actor.mustChangePassword) return false;
  const roles: readonly Role[] = rule.roles;
  return actor.grants.some((grant) => {
    if (!roles.includes(grant.role)) return false;
    if (grant.role === 'system_admin' || grant.organizationPath === null) return true;
    if (target.organizationPath === undefined) return true;
    return inSubtree(target.organizationPath, grant.organizationPath);
  });
}

/**
 * Throws unless {@link can}.
 * @throws GongkaiError `UNAUTHENTICATED` (public actor on a staff action), `PASSWORD_CHANGE_REQUIRED`, `FORBIDDEN`
 */
export function authorize(actor: Actor, action: Action, target: Target = {}): void {
  if (can(actor, action, target)) return;
  if (actor.kind === 'public') throw new GongkaiError('UNAUTHENTICATED');
  if (actor.kind === 'user' && actor.mustChangePassword) throw new GongkaiError('PASSWORD_CHANGE_REQUIRED');
  throw new GongkaiError('FORBIDDEN', action);
}

/**
 * The subtree roots where the actor may perform `action`: `null` means everywhere (system actor,
 * system administrator), `[]` nowhere. Services use it to narrow lists (`path LIKE root || '%'`).
 */
export function grantedPaths(actor: Actor, action: Action): string[] | null {
  if (actor.kind === 'system') return null;
  if (ACTIONS[action].public) return null;
  if (actor.kind === 'public' || actor.mustChangePassword) return [];
  const roles: readonly Role[] = ACTIONS[action].roles;
  const paths: string[] = [];
  for (const grant of actor.grants) {
    if (!roles.includes(grant.role)) continue;
    if (grant.role === 'system_admin' || grant.organizationPath === null) return null;
    paths.push(grant.organizationPath);
  }
  return paths;
}
