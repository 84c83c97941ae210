/**
 * `gongkai deadline`: the reply deadline of a request under the regulation in force on its date of
 * receipt, with how it was reached (issue 4's calculator; the same computation as `/deadline` and
 * `GET /api/deadline`).
 *   gongkai deadline --received 2024-09-27 [--channel C] [--clarified D] [--extension N] [--excluded FROM..TO]… [--json]
 *
 * `--channel` prints the 2019 art. 31 rule of the channel: which date is the date of receipt, i.e.
 * which date to pass as `--received`.
 *
 * Calendar: the built-in calendar (2004–2026 from the chinese-days dataset, src/calendar/data)
 * unless `--data-dir` or `--database-url` is given; then the calendar of that store (built-in years
 * overlaid by the years administrators entered, as the server uses). Environment variables alone
 * (DATABASE_URL, GONGKAI_DATA_DIR) do not switch it, so the calculator never creates a store by surprise.
 */
import type { Command } from 'commander';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { builtInCalendar } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { receiptRule } from '../requests/receipt-date.ts';
import type { ReceiptRule } from '../requests/receipt-date.ts';
import { computeReplyDeadline } from '../requests/reply-deadline.ts';
import type { DeadlineInput, DeadlineResult } from '../requests/reply-deadline.ts';
import { CHANNELS, CHANNEL_NAMES_ZH } from '../requests/request-case.ts';
import type { Channel } from '../requests/request-case.ts';
import { GongkaiError } from '../shared/errors.ts';
import { runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

const KIND_TEXT: Record<DeadlineResult['notableDays'][number]['kind'], string> = {
  holiday: '法定节假日 statutory holiday (not counted)',
  workday: '调休上班日 make-up working day (counted)',
  excluded: '征求意见期间 consultation (not counted)',
};

/** What `--received` should be for each kind of receipt date (2019 art. 31). */
const RECEIVED_IS: Record<ReceiptRule['dateCounts'], string> = {
  submitted: 'the date it was handed in',
  signed: 'the date the agency signed for it',
  confirmed: 'the date the OGI office and the requester confirmed it',
  arrived: 'the date the mail system received it',
};

/**
 * The art. 31 line for a channel: which date to pass as `--received`, with the rule in Chinese.
 * @returns one line, without a newline
 */
export function describeReceiptRule(rule: ReceiptRule): string {
  return `date of receipt (${rule.channel}, ${CHANNEL_NAMES_ZH[rule.channel]}): pass as --received ${RECEIVED_IS[rule.dateCounts]}: ${rule.ruleZh} (${rule.source}${rule.unverified ? `; UNVERIFIED: ${rule.unverified}` : ''})`;
}

/**
 * The explanation printed for people: the regulation in force, the channel's receipt rule (when
 * given), the period with its article, the due date(s), the excluded intervals, one line per
 * notable day, the calendar used, and the counting convention.
 * @param options `rule`: the channel's art. 31 rule; `calendar`: which calendar was used (one line)
 * @returns text lines ending in a newline (English with the Chinese terms)
 */
export function describeDeadline(result: DeadlineResult, input: DeadlineInput, options: { rule?: ReceiptRule; calendar?: string } = {}): string {
  const r = result.ruleSet;
  const lines = [
    `regulation in force on ${input.receivedOn}: ${r.nameZh}`,
    ...(options.rule ? [describeReceiptRule(options.rule)] : []),
    `reply period: ${r.replyWorkingDays} working days (${r.replySource}), counted from the day after ${result.clockStartsAfter}${input.clarifiedOn ? ' (the clarified request; 2019 art. 30)' : ' (the date of receipt)'}`,
    `reply due: ${result.replyDue}`,
  ];
  if ((input.extensionWorkingDays ?? 0) > 0) lines.push(`extension: ${input.extensionWorkingDays} working days (${r.extensionSource}) → due ${result.finalDue}`);
  if ((input.excluded ?? []).length > 0) lines.push(`excluded: ${(input.excluded ?? []).map((i) => `${i.from}..${i.to}`).join(', ')} (${r.excludedTimeSource})`);
  for (const day of result.notableDays) lines.push(`  ${day.date}  ${KIND_TEXT[day.kind]}`);
  lines.push(`答复期限：${result.finalDue}`);
  if (options.calendar) lines.push(`calendar: ${options.calendar}`);
  lines.push('convention: the start day is not counted (UNVERIFIED as an official rule; RULES.md §1.2)');
  return `${lines.join('\n')}\n`;
}

function parseExcluded(value: string, previous: { from: string; to: string }[] = []): { from: string; to: string }[] {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!match?.[1] || !match[2]) throw new GongkaiError('USAGE', `--excluded takes FROM..TO (YYYY-MM-DD..YYYY-MM-DD), got ${value}`);
  return [...previous, { from: match[1], to: match[2] }];
}

/** The flags of `deadline`. */
interface DeadlineFlags extends StoreFlags {
  received: string;
  channel?: string;
  clarified?: string;
  extension?: string;
  excluded?: { from: string; to: string }[];
  json?: boolean;
}

/** The calendar to count with, and a line saying which it is. */
async function chooseCalendar(env: CommandEnv, flags: DeadlineFlags): Promise<{ calendar: WorkingDayCalendar; description: string }> {
  if (flags.dataDir === undefined && flags.databaseUrl === undefined) {
    return { calendar: builtInCalendar(), description: 'built-in (chinese-days dataset, 2004–2026); pass --data-dir or --database-url to use a store\'s calendar with the years administrators entered' };
  }
  return withStore(env, flags, async (ctx) => ({ calendar: await loadCalendar(ctx), description: `the store's (${ctx.store.location}): built-in years overlaid by the years administrators entered` }));
}

/** Registers `deadline`. */
export function registerDeadlineCommand(program: Command, env: CommandEnv): void {
  const command = program
    .command('deadline')
    .description('compute a request\'s reply deadline under the regulation in force, and show how it was reached')
    .requiredOption('--received <date>', 'date of receipt, YYYY-MM-DD (2019 art. 31; see --channel)')
    .option('--channel <channel>', `how the request came (${CHANNELS.join(', ')}): prints which date is the date of receipt (2019 art. 31)`)
    .option('--clarified <date>', 'date the clarified request was received (the clock restarts; 2019 art. 30)')
    .option('--extension <days>', 'approved extension in working days (at most 20; 15 under the 2008 text)')
    .option('--excluded <from..to>', 'consultation interval not counted (repeatable)', parseExcluded)
    .option('--json', 'print JSON');
  withStoreOptions(command).action((flags: DeadlineFlags) =>
    runCommand(env, async () => {
      if (flags.extension !== undefined && !/^\d+$/.test(flags.extension)) throw new GongkaiError('USAGE', `--extension takes a number of working days, got ${flags.extension}`);
      if (flags.channel !== undefined && !(CHANNELS as readonly string[]).includes(flags.channel)) throw new GongkaiError('USAGE', `--channel takes one of ${CHANNELS.join(', ')}, got ${flags.channel}`);
      const input: DeadlineInput = {
        receivedOn: flags.received,
        ...(flags.clarified !== undefined ? { clarifiedOn: flags.clarified } : {}),
        ...(flags.extension !== undefined ? { extensionWorkingDays: Number(flags.extension) } : {}),
        ...(flags.excluded !== undefined ? { excluded: flags.excluded } : {}),
      };
      const { calendar, description } = await chooseCalendar(env, flags);
      const result = computeReplyDeadline(calendar, input);
      const rule = flags.channel !== undefined ? receiptRule(flags.channel as Channel, flags.received) : undefined;
      env.stdout(
        flags.json
          ? `${JSON.stringify({ ...result, receiptRule: rule ?? null, calendar: flags.dataDir === undefined && flags.databaseUrl === undefined ? 'built-in' : 'store' }, null, 2)}\n`
          : describeDeadline(result, input, { ...(rule ? { rule } : {}), calendar: description }),
      );
      return 0;
    }),
  );
}
