/**
 * Writing audit events. Every change to a record calls {@link recordAudit} with the same transaction
 * as the change, so a change without its audit event (or the reverse) cannot be committed.
 * The log is append-only: nothing in the code updates or deletes an audit event.
 */
import type { Actor } from '../auth/actor.ts';
import { actorLabel, actorUserId } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { nowIso } from '../shared/clock.ts';

/** One change to record. */
export interface AuditEntry {
  /** Dotted action name, e.g. `catalog.item.publish`, `user.create`, `organization.update`. */
  action: string;
  /** `organization` | `user` | `catalog_item` | `attachment` | `session` | `calendar` | … */
  entityType: string;
  entityId: string | number;
  /** The organization the change belongs to; null for installation-wide changes. */
  organizationId: number | null;
  /** The entity before the change (omit on creation). Secrets (password hashes) must be left out by the caller. */
  before?: unknown;
  /** The entity after the change (omit on deletion). */
  after?: unknown;
  /** The reason given, or other context. */
  note?: string;
}

/**
 * Appends an audit event.
 * @param db the transaction the change is written in
 * @returns the new event's id
 */
export async function recordAudit(db: Db, actor: Actor, clock: Clock, entry: AuditEntry): Promise<number> {
  const row = await db
    .insertInto('audit_event')
    .values({
      at: nowIso(clock),
      actor_user_id: actorUserId(actor),
      actor_label: actorLabel(actor),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      organization_id: entry.organizationId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      note: entry.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
