/**
 * Reading the audit log. Auditors, org_admins and system_admins see the events of organizations in
 * their subtrees (`audit.read`); installation-wide events (no organization) only with a global grant.
 * There is deliberately no function to change or delete an event.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize, grantedPaths, inSubtree } from '../auth/policy.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { AuditEvent } from './audit-event.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { findAuditEvent, selectAuditEvents } from './audit.repository.ts';

/** The largest page of events. */
export const AUDIT_PAGE_MAX = 200;

/** Filters of {@link listAuditEvents}. */
export interface AuditFilter {
  organizationId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Cursor: only events with a smaller id (pass the last id of the previous page). */
  before?: number;
  /** Page size, 1–200 (default 50). */
  limit?: number;
}

/**
 * Audit events the actor may read, newest first.
 * @returns at most `limit` events; the next page starts `before` the last one's id
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN` (also for an `organizationId` outside the actor's subtrees),
 *   `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (limit out of range)
 */
export async function listAuditEvents(ctx: ServiceContext, actor: Actor, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  authorize(actor, 'audit.read');
  const limit = filter.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw new GongkaiError('VALIDATION_FAILED', `limit must be 1–${AUDIT_PAGE_MAX}`, {
      issues: [{ field: 'limit', message: `limit must be an integer from 1 to ${AUDIT_PAGE_MAX}`, messageZh: `每页条数应为 1–${AUDIT_PAGE_MAX}` }],
    });
  }
  // Asking for one organization's log outside the actor's subtrees is refused, not answered with an empty list.
  if (filter.organizationId !== undefined) {
    const organization = await findOrganizationById(ctx.store.db, filter.organizationId);
    if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(filter.organizationId));
    authorize(actor, 'audit.read', { organizationPath: organization.path });
  }
  return selectAuditEvents(ctx.store.db, {
    rootPaths: grantedPaths(actor, 'audit.read'),
    limit,
    ...(filter.organizationId !== undefined ? { organizationId: filter.organizationId } : {}),
    ...(filter.entityType !== undefined ? { entityType: filter.entityType } : {}),
    ...(filter.entityId !== undefined ? { entityId: filter.entityId } : {}),
    ...(filter.action !== undefined ? { action: filter.action } : {}),
    ...(filter.before !== undefined ? { before: filter.before } : {}),
  });
}

/**
 * One audit event, if the actor may read it.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND` (absent or outside the actor's subtrees)
 */
export async function getAuditEvent(ctx: ServiceContext, actor: Actor, id: number): Promise<AuditEvent> {
  authorize(actor, 'audit.read');
  const found = await findAuditEvent(ctx.store.db, id);
  const roots = grantedPaths(actor, 'audit.read');
  const path = found?.organizationPath ?? null;
  const visible = found !== undefined && (roots === null || (path !== null && roots.some((root) => inSubtree(path, root))));
  if (!found || !visible) throw new GongkaiError('NOT_FOUND', `audit event ${id}`);
  return found.event;
}
