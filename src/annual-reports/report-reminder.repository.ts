/**
 * Which annual-report reminders were already sent. A sent reminder is recorded as an audit event
 * (`annual_report.reminder_sent`, entity `annual_report_reminder` with id
 * `<organizationId>/<year>/<kind>`, written by the service through `recordAudit`): the
 * `reminder_sent` table of request reminders is keyed by request case and cannot hold it, and the
 * audit log's entity index makes the lookup one indexed query. If a dedicated table is added later,
 * only this file changes.
 */
import type { Db } from '../db/database.ts';

/** The audit action of a sent report reminder. */
export const REPORT_REMINDER_ACTION = 'annual_report.reminder_sent';
/** The audit entity type of a sent report reminder. */
export const REPORT_REMINDER_ENTITY = 'annual_report_reminder';

/**
 * The keys among `keys` whose reminder was already sent.
 * @param keys `<organizationId>/<year>/<kind>` (report-reminder.ts `reportReminderKey`)
 */
export async function selectSentReportReminders(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const sent = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('audit_event')
      .select('entity_id')
      .where('entity_type', '=', REPORT_REMINDER_ENTITY)
      .where('entity_id', 'in', keys.slice(i, i + 500))
      .where('action', '=', REPORT_REMINDER_ACTION)
      .execute();
    for (const r of rows) sent.add(r.entity_id);
  }
  return sent;
}
