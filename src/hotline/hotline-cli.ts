/**
 * `gongkai hotline import FILE --org CODE [--dry-run]`: imports (or checks) a 12345 hotline export,
 * acting as the system (`system:cli`). Exit status: 0 imported (or a clean dry run), 1 bad rows
 * (every one printed; nothing imported), 2 unreadable file, unknown organization, bad usage or
 * other failure.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { CLI_ACTOR, runCommand, withStore, withStoreOptions } from '../cli/cli-context.ts';
import type { CommandEnv, StoreFlags } from '../cli/cli-context.ts';
import { findOrganizationByCode } from '../organizations/organization.service.ts';
import { GongkaiError } from '../shared/errors.ts';
import { importHotlineOrders } from './hotline-import.ts';
import type { HotlineImportResult } from './hotline-import.ts';

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new GongkaiError('INPUT_UNREADABLE', `${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Prints a result: every bad row, the per-organization summary, then a one-line summary. */
export function printHotlineImportResult(env: CommandEnv, file: string, result: HotlineImportResult): void {
  for (const issue of result.issues) env.stdout(`${issue.row === 0 ? 'header' : `row ${issue.row}`}, ${issue.field}: ${issue.message}\n`);
  if (result.issues.length > 0) {
    env.stdout(`${file}: ${result.total} rows, ${result.invalid} with errors (${result.issues.length} problems); nothing imported\n`);
    return;
  }
  for (const o of result.organizations) env.stdout(`  ${o.organizationName}: ${o.created} created, ${o.updated} updated, ${o.unchanged} unchanged\n`);
  const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
  if (result.dryRun) env.stdout(`${file}: ${result.total} rows, all valid (dry run: nothing imported; would be ${counts})\n`);
  else env.stdout(`${file}: imported ${result.total} rows (import ${result.importId ?? '-'}): ${counts}\n`);
}

/** Registers `hotline import`. */
export function registerHotlineCommands(program: Command, env: CommandEnv): void {
  const hotline = program.command('hotline').description('12345 hotline work orders');
  withStoreOptions(
    hotline
      .command('import')
      .description('import work orders from the hotline system\'s CSV or XLSX export; any bad row imports nothing (exit 1)')
      .argument('<file>', 'a .csv (UTF-8 or GB18030) or .xlsx file with a header row (工单编号, 受理时间, 承办单位, 诉求类型, 诉求内容, …)')
      .requiredOption('--org <code>', 'the importing organization, by its organization code; every row\'s organization must be it or below it')
      .option('--dry-run', 'only check the file and show what an import would do'),
  ).action((file: string, flags: StoreFlags & { org: string; dryRun?: boolean }) =>
    runCommand(env, async () => {
      const data = readInput(file);
      return withStore(env, flags, async (ctx) => {
        const organization = await findOrganizationByCode(ctx, CLI_ACTOR, flags.org);
        if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', `no organization has the code ${flags.org}`);
        const bar = env.isTty ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr }) : null;
        let phase: string | null = null;
        const result = await importHotlineOrders(ctx, CLI_ACTOR, {
          organizationId: organization.id,
          fileName: basename(file),
          data,
          dryRun: flags.dryRun === true,
          onProgress: (done, total, now) => {
            if (!bar) return;
            if (phase !== now) {
              if (phase !== null) bar.stop();
              bar.start(total, 0, { phase: now === 'check' ? 'checking' : 'writing ' });
              phase = now;
            }
            bar.update(done);
          },
        });
        bar?.stop();
        printHotlineImportResult(env, file, result);
        return result.issues.length > 0 ? 1 : 0;
      });
    }),
  );
}
