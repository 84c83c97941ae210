/**
 * Reading the audit log (`audit_event`). Writing is {@link recordAudit} in `audit.ts`; nothing
 * updates or deletes an event.
 */
import type { Selectable } from 'kysely';
import type { AuditEventTable, Db } from '../db/database.ts';
import type { AuditEvent } from './audit-event.ts';

type AuditRow = Selectable<AuditEventTable> & { organization_name: string | null };

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function rowToEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
    note: row.note,
  };
}

/** Filters of {@link selectAuditEvents}; absent ones do not filter. */
export interface AuditQuery {
  /** Only events of organizations whose path starts with one of these; null = no restriction (global events included). */
  rootPaths: readonly string[] | null;
  organizationId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Only events with a smaller id (the cursor of the next page). */
  before?: number;
  limit: number;
}

/** Audit events, newest first. */
export async function selectAuditEvents(db: Db, query: AuditQuery): Promise<AuditEvent[]> {
  if (query.rootPaths !== null && query.rootPaths.length === 0) return [];
  let q = db
    .selectFrom('audit_event as e')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select('o.name as organization_name');
  const roots = query.rootPaths;
  if (roots !== null) q = q.where((w) => w.or(roots.map((root) => w('o.path', 'like', `${root}%`))));
  if (query.organizationId !== undefined) q = q.where('e.organization_id', '=', query.organizationId);
  if (query.entityType !== undefined) q = q.where('e.entity_type', '=', query.entityType);
  if (query.entityId !== undefined) q = q.where('e.entity_id', '=', query.entityId);
  if (query.action !== undefined) q = q.where('e.action', '=', query.action);
  if (query.before !== undefined) q = q.where('e.id', '<', query.before);
  const rows = await q.orderBy('e.id', 'desc').limit(query.limit).execute();
  return rows.map(rowToEvent);
}

/** One event with its organization's path (for the permission check), or undefined. */
export async function findAuditEvent(db: Db, id: number): Promise<{ event: AuditEvent; organizationPath: string | null } | undefined> {
  const row = await db
    .selectFrom('audit_event as e')
    .leftJoin('organization as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row ? { event: rowToEvent(row), organizationPath: row.organization_path } : undefined;
}

/** How many audit events exist (tests use it to check that a change wrote exactly one). */
export async function countAuditEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
