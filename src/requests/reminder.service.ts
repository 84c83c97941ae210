/**
 * Sending deadline reminder e-mails (when SMTP is configured; in-app reminders are the console
 * queue's due-soon and overdue tabs). Run by `gongkai reminders send` (e.g. from cron) or by the
 * server once an hour. Each reminder is recorded in `reminder_sent` after it is sent, so it goes out once.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Db } from '../db/database.ts';
import { nowIso, today } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { remindersFor } from './reminder.ts';
import type { Reminder, ReminderCandidate } from './reminder.ts';

const OPEN = ['processing', 'awaiting-clarification', 'in-consultation', 'awaiting-fee'] as const;

async function selectCandidates(db: Db, until: string): Promise<ReminderCandidate[]> {
  const rows = await db
    .selectFrom('request_case')
    .innerJoin('organization', 'organization.id', 'request_case.organization_id')
    .select(['request_case.id', 'request_case.tracking_code', 'organization.name', 'organization.ogi_office', 'request_case.received_on', 'request_case.final_due'])
    .where('request_case.status', 'in', OPEN)
    .where('request_case.final_due', 'is not', null)
    .where('request_case.final_due', '<=', until)
    .execute();
  return rows.map((r) => {
    let email = '';
    try {
      const office = JSON.parse(r.ogi_office) as { email?: unknown };
      if (typeof office.email === 'string') email = office.email.trim();
    } catch {
      // A damaged office record has no address: no e-mail, the in-app reminder remains.
    }
    return { caseId: r.id, trackingCode: r.tracking_code, organizationName: r.name, officeEmail: email, receivedOn: r.received_on, finalDue: r.final_due ?? '' };
  });
}

async function alreadySent(db: Db, r: Reminder): Promise<boolean> {
  const row = await db.selectFrom('reminder_sent').select('id').where('case_id', '=', r.caseId).where('kind', '=', r.kind).where('due_on', '=', r.dueOn).where('recipient', '=', r.recipient).executeTakeFirst();
  return row !== undefined;
}

/** The transport for the configured SMTP URL, or null when none is configured. */
export function smtpTransport(ctx: ServiceContext): Transporter | null {
  return ctx.config.smtpUrl ? nodemailer.createTransport(ctx.config.smtpUrl) : null;
}

/**
 * Sends the reminders due today that were not sent before.
 * @param transport where to send (defaults to the configured SMTP server); null = nothing is sent
 * @returns how many were sent, skipped as already sent, and failed (a failure is retried next run)
 */
export async function sendDueReminders(ctx: ServiceContext, actor: Actor, transport: Transporter | null = smtpTransport(ctx)): Promise<{ sent: number; skipped: number; failed: number }> {
  authorize(actor, 'settings.manage');
  if (!transport) return { sent: 0, skipped: 0, failed: 0 };
  const calendar = await loadCalendar(ctx);
  const now = today(ctx.clock);
  const until = addWorkingDays(calendar, now, ctx.config.reminderWorkingDays);
  const reminders = remindersFor(await selectCandidates(ctx.store.db, until), now, until, ctx.config.publicUrl);
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const r of reminders) {
    if (await alreadySent(ctx.store.db, r)) {
      skipped += 1;
      continue;
    }
    try {
      await transport.sendMail({ from: ctx.config.mailFrom, to: r.recipient, subject: r.subject, text: r.text });
    } catch {
      failed += 1;
      continue;
    }
    await ctx.store.db.insertInto('reminder_sent').values({ case_id: r.caseId, kind: r.kind, due_on: r.dueOn, recipient: r.recipient, sent_at: nowIso(ctx.clock) }).execute();
    sent += 1;
  }
  return { sent, skipped, failed };
}
