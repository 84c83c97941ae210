/**
 * `gongkai reminders send`: sends the deadline reminder e-mails due today, for requests and for
 * annual reports not yet submitted (src/annual-reports/report-reminder.service.ts); for cron, the
 * server also sends them hourly when `GONGKAI_SMTP_URL` is set. Exit status: 0 sent (or nothing to send), 1 when
 * some failed (they are retried next run), 2 when SMTP is not configured.
 */
import type { Command } from 'commander';
import { sendReportReminders } from '../annual-reports/report-reminder.service.ts';
import { sendDueReminders, smtpTransport } from '../requests/reminder.service.ts';
import { GongkaiError } from '../shared/errors.ts';
import { CLI_ACTOR, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

/** Registers `reminders send`. */
export function registerRequestCommands(program: Command, env: CommandEnv): void {
  const reminders = program.command('reminders').description('deadline reminders of requests for disclosure');
  withStoreOptions(reminders.command('send').description('e-mail each OGI office its requests due soon or overdue (once per case and deadline) and its annual report not yet submitted near or past its deadline (once per year and kind)')).action((flags: StoreFlags) =>
    runCommand(env, () =>
      withStore(env, flags, async (ctx) => {
        const transport = smtpTransport(ctx);
        if (!transport) throw new GongkaiError('CONFIG_INVALID', 'GONGKAI_SMTP_URL is not set: reminders are in-app only');
        const result = await sendDueReminders(ctx, CLI_ACTOR, transport);
        env.stdout(`reminders: ${result.sent} sent, ${result.skipped} already sent, ${result.failed} failed\n`);
        const reports = await sendReportReminders(ctx, CLI_ACTOR, transport);
        env.stdout(`report reminders: ${reports.sent} sent, ${reports.skipped} already sent, ${reports.failed} failed\n`);
        return result.failed > 0 || reports.failed > 0 ? 1 : 0;
      }),
    ),
  );
}
