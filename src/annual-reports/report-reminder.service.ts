/**
 * Sending annual-report deadline reminders by e-mail (report-reminder.ts) to the OGI office address
 * of each organization whose report is not yet submitted: run by `gongkai reminders send` and by the
 * server's hourly reminder job, next to the request reminders (src/requests/reminder.service.ts),
 * through the same SMTP transport. Each reminder is recorded (an audit event) after it is sent, so
 * it goes out once per organization, year and kind; a failed send is retried on the next run.
 */
import type { Transporter } from 'nodemailer';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { selectAllOrganizations } from '../organizations/organization.repository.ts';
import { smtpTransport } from '../requests/reminder.service.ts';
import { today } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { REPORT_REMINDER_ACTION, REPORT_REMINDER_ENTITY, selectSentReportReminders } from './report-reminder.repository.ts';
import { reportRemindersFor } from './report-reminder.ts';
import type { ReportReminder, ReportReminderCandidate } from './report-reminder.ts';
import { selectReportStatuses } from './report-status.repository.ts';

/**
 * Every reminder of today, sent or not: reports of last year (due this year, or overdue) and of this
 * year (due early next year, reached only with a window over a month), for every organization.
 */
async function todaysReminders(ctx: ServiceContext): Promise<ReportReminder[]> {
  const db = ctx.store.db;
  const date = today(ctx.clock);
  const thisYear = Number(date.slice(0, 4));
  const organizations = (await selectAllOrganizations(db)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const ids = organizations.map((o) => o.id);
  const candidates: ReportReminderCandidate[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const reports = await selectReportStatuses(db, ids, year);
    for (const o of organizations) {
      candidates.push({ organizationId: o.id, organizationName: o.name, kind: o.kind, officeEmail: o.ogiOffice.email.trim(), year, status: reports.get(o.id)?.status ?? 'none' });
    }
  }
  return reportRemindersFor(candidates, date, ctx.config.reportReminderDays, ctx.config.publicUrl);
}

/** Today's reminders not sent before, and how many of today's were (skipped). */
async function unsentReminders(ctx: ServiceContext): Promise<{ due: ReportReminder[]; skipped: number }> {
  const reminders = await todaysReminders(ctx);
  const sent = await selectSentReportReminders(ctx.store.db, reminders.map((r) => r.key));
  return { due: reminders.filter((r) => !sent.has(r.key)), skipped: sent.size };
}

/**
 * The reminders due today that were not sent before. Permission: `settings.manage` (the system job).
 */
export async function dueReportReminders(ctx: ServiceContext, actor: Actor): Promise<ReportReminder[]> {
  authorize(actor, 'settings.manage');
  return (await unsentReminders(ctx)).due;
}

/**
 * Sends the report reminders due today that were not sent before, recording each (an audit event)
 * once sent. Permission: `settings.manage` (the system job).
 * @param transport where to send (defaults to the configured SMTP server); null = nothing is sent
 * @returns how many were sent, skipped as already sent, and failed (a failure is retried next run)
 */
export async function sendReportReminders(ctx: ServiceContext, actor: Actor, transport: Transporter | null = smtpTransport(ctx)): Promise<{ sent: number; skipped: number; failed: number }> {
  authorize(actor, 'settings.manage');
  if (!transport) return { sent: 0, skipped: 0, failed: 0 };
  const db = ctx.store.db;
  const { due, skipped } = await unsentReminders(ctx);
  let sent = 0;
  let failed = 0;
  for (const r of due) {
    try {
      await transport.sendMail({ from: ctx.config.mailFrom, to: r.recipient, subject: r.subject, text: r.text });
    } catch {
      failed += 1;
      continue;
    }
    await recordAudit(db, actor, ctx.clock, {
      action: REPORT_REMINDER_ACTION,
      entityType: REPORT_REMINDER_ENTITY,
      entityId: r.key,
      organizationId: r.organizationId,
      after: { year: r.year, kind: r.kind, deadline: r.deadline, recipient: r.recipient },
      note: r.subject,
    });
    sent += 1;
  }
  return { sent, skipped, failed };
}
