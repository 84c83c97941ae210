/**
 * `gongkai deadline`: the reply deadline of a request under the regulation in force on its date of
 * receipt, with how it was reached (issue 4's calculator; the case workflow comes later).
 *   gongkai deadline --received 2024-09-27 [--clarified D] [--extension N] [--excluded FROM..TO]… [--json]
 */
import type { Command } from 'commander';
import { builtInCalendar } from '../calendar/working-days.ts';
import { computeReplyDeadline } from '../requests/reply-deadline.ts';
import type { DeadlineInput, DeadlineResult } from '../requests/reply-deadline.ts';
import { GongkaiError } from '../shared/errors.ts';
import { runCommand } from './cli-context.ts';
import type { CommandEnv } from './cli-context.ts';

const KIND_TEXT: Record<DeadlineResult['notableDays'][number]['kind'], string> = {
  holiday: '法定节假日 statutory holiday (not counted)',
  workday: '调休上班日 make-up working day (counted)',
  excluded: '征求意见期间 consultation (not counted)',
};

/**
 * The explanation printed for people: the regulation in force, the period with its article, the due
 * date(s), the excluded intervals, one line per notable day, and the counting convention.
 * @returns text lines ending in a newline (English with the Chinese terms)
 */
export function describeDeadline(result: DeadlineResult, input: DeadlineInput): string {
  const r = result.ruleSet;
  const lines = [
    `regulation in force on ${input.receivedOn}: ${r.nameZh}`,
    `reply period: ${r.replyWorkingDays} working days (${r.replySource}), counted from the day after ${result.clockStartsAfter}${input.clarifiedOn ? ' (the clarified request; 2019 art. 30)' : ' (the date of receipt)'}`,
    `reply due: ${result.replyDue}`,
  ];
  if ((input.extensionWorkingDays ?? 0) > 0) lines.push(`extension: ${input.extensionWorkingDays} working days (${r.extensionSource}) → due ${result.finalDue}`);
  if ((input.excluded ?? []).length > 0) lines.push(`excluded: ${(input.excluded ?? []).map((i) => `${i.from}..${i.to}`).join(', ')} (${r.excludedTimeSource})`);
  for (const day of result.notableDays) lines.push(`  ${day.date}  ${KIND_TEXT[day.kind]}`);
  lines.push(`答复期限：${result.finalDue}`);
  lines.push('convention: the start day is not counted (UNVERIFIED as an official rule; RULES.md §1.2)');
  return `${lines.join('\n')}\n`;
}

function parseExcluded(value: string, previous: { from: string; to: string }[] = []): { from: string; to: string }[] {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!match?.[1] || !match[2]) throw new GongkaiError('USAGE', `--excluded takes FROM..TO (YYYY-MM-DD..YYYY-MM-DD), got ${value}`);
  return [...previous, { from: match[1], to: match[2] }];
}

/** Registers `deadline`. */
export function registerDeadlineCommand(program: Command, env: CommandEnv): void {
  program
    .command('deadline')
    .description('compute a request\'s reply deadline under the regulation in force, and show how it was reached')
    .requiredOption('--received <date>', 'date of receipt, YYYY-MM-DD (2019 art. 31)')
    .option('--clarified <date>', 'date the clarified request was received (the clock restarts; 2019 art. 30)')
    .option('--extension <days>', 'approved extension in working days (at most 20; 15 under the 2008 text)')
    .option('--excluded <from..to>', 'consultation interval not counted (repeatable)', parseExcluded)
    .option('--json', 'print JSON')
    .action((flags: { received: string; clarified?: string; extension?: string; excluded?: { from: string; to: string }[]; json?: boolean }) =>
      runCommand(env, () => {
        if (flags.extension !== undefined && !/^\d+$/.test(flags.extension)) throw new GongkaiError('USAGE', `--extension takes a number of working days, got ${flags.extension}`);
        const input: DeadlineInput = {
          receivedOn: flags.received,
          ...(flags.clarified !== undefined ? { clarifiedOn: flags.clarified } : {}),
          ...(flags.extension !== undefined ? { extensionWorkingDays: Number(flags.extension) } : {}),
          ...(flags.excluded !== undefined ? { excluded: flags.excluded } : {}),
        };
        const result = computeReplyDeadline(builtInCalendar(), input);
        env.stdout(flags.json ? `${JSON.stringify(result, null, 2)}\n` : describeDeadline(result, input));
        return Promise.resolve(0);
      }),
    );
}
