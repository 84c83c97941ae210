/**
 * `gongkai import` and `gongkai export` of the catalog (CSV/XLSX), acting as the system (`system:cli`).
 * Import exit status: 0 imported (or a clean dry run), 1 bad rows (nothing imported), 2 unreadable
 * file or bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { exportCatalog } from '../catalog/catalog-export.ts';
import { importCatalog } from '../catalog/catalog-import.ts';
import type { ImportResult } from '../catalog/catalog-import.ts';
import { ITEM_STATUSES } from '../catalog/catalog-item.ts';
import type { ItemStatus } from '../catalog/catalog-item.ts';
import type { SheetFormat } from '../catalog/spreadsheet.ts';
import { findOrganizationByCode } from '../organizations/organization.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { CLI_ACTOR, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

async function organizationByCode(ctx: ServiceContext, code: string): Promise<Organization> {
  const organization = await findOrganizationByCode(ctx, CLI_ACTOR, code);
  if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', `no organization has the code ${code}`);
  return organization;
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new GongkaiError('INPUT_UNREADABLE', `${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Prints an import's result: every bad row, then a one-line summary. */
export function printImportResult(env: CommandEnv, file: string, result: ImportResult): void {
  for (const issue of result.issues) env.stdout(`${issue.row === 0 ? 'header' : `row ${issue.row}`}, ${issue.field}: ${issue.message}\n`);
  if (result.issues.length > 0) {
    env.stdout(`${file}: ${result.total} rows, ${result.invalid} with errors (${result.issues.length} problems); nothing imported\n`);
  } else if (result.dryRun) {
    env.stdout(`${file}: ${result.total} rows, all valid (dry run: nothing imported)\n`);
  } else {
    env.stdout(`${file}: imported ${result.imported} items (ids ${result.firstId ?? '-'}–${result.lastId ?? '-'})\n`);
  }
}

/** Registers import and export. */
export function registerCatalogCommands(program: Command, env: CommandEnv): void {
  withStoreOptions(
    program
      .command('import')
      .description('import catalog items from CSV or XLSX into an organization; any bad row imports nothing (exit 1)')
      .argument('<file>', 'a .csv (UTF-8 or GB18030) or .xlsx file with a header row')
      .requiredOption('--org <code>', 'the owning organization, by its organization code')
      .option('--dry-run', 'only check the file'),
  ).action((file: string, flags: StoreFlags & { org: string; dryRun?: boolean }) =>
    runCommand(env, async () => {
      const data = readInput(file);
      return withStore(env, flags, async (ctx) => {
        const organization = await organizationByCode(ctx, flags.org);
        const bar = env.isTty ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr }) : null;
        let phase: string | null = null;
        const result = await importCatalog(ctx, CLI_ACTOR, {
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
        printImportResult(env, file, result);
        return result.issues.length > 0 ? 1 : 0;
      });
    }),
  );

  withStoreOptions(
    program
      .command('export')
      .description('export an organization\'s catalog items as CSV (UTF-8 with BOM) or XLSX, in the columns import reads')
      .requiredOption('--org <code>', 'the organization, by its organization code')
      .addOption(new Option('--format <format>', 'csv or xlsx (default: from the --out extension, else csv)').choices(['csv', 'xlsx']))
      .requiredOption('--out <file>', 'the file to write')
      .option('--subtree', 'include the organizations below it')
      .addOption(new Option('--status <status>', 'only items in this state (default: all)').choices(ITEM_STATUSES.map((s) => s.code))),
  ).action((flags: StoreFlags & { org: string; format?: SheetFormat; out: string; subtree?: boolean; status?: ItemStatus }) =>
    runCommand(env, () =>
      withStore(env, flags, async (ctx) => {
        const organization = await organizationByCode(ctx, flags.org);
        const format: SheetFormat = flags.format ?? (/\.xlsx$/i.test(flags.out) ? 'xlsx' : 'csv');
        const data = await exportCatalog(ctx, CLI_ACTOR, {
          organizationId: organization.id,
          includeSubtree: flags.subtree === true,
          format,
          ...(flags.status ? { status: flags.status } : {}),
        });
        writeFileSync(resolve(flags.out), data);
        env.stdout(`exported ${organization.name} to ${flags.out} (${format}, ${data.length} bytes)\n`);
        return 0;
      }),
    ),
  );
}
