/**
 * `gongkai report import FILE... [--org CODE] [--year YYYY]`: imports published annual report
 * files (PDF, DOCX, HTML, TXT) into the store, each read and checked by the report engine, acting
 * as the system (`system:cli`). Several files are imported one by one, each on its own line with
 * its place in the run (`[2/5]`); a file that cannot be imported is reported and the others go on.
 * Exit status: 0 every file imported (or already there), 2 when any failed.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { importReport } from '../annual-reports/imported-report.service.ts';
import type { ImportOutcome } from '../annual-reports/imported-report.service.ts';
import { findOrganizationByCodeOrDivision } from '../annual-reports/report-organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { countBySeverity } from '../reports/render/finding-index.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import { CLI_ACTOR, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

interface ImportFlags extends StoreFlags {
  org?: string;
  year?: string;
}

/** Reads a file or throws `INPUT_UNREADABLE`. */
async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new GongkaiError('INPUT_UNREADABLE', `${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** One line of the run: `吴忠市人民政府 2017 (2014 format): imported as #3; 5 errors, 4 warnings, 0 notes`. */
function outcomeLine(outcome: ImportOutcome): string {
  const r = outcome.report;
  const counts = countBySeverity(r.findings);
  const who = outcome.organization?.name ?? `${r.organizationName ?? '(no organization read)'} (unmatched)`;
  const what = outcome.created ? `imported as #${r.id}` : `already imported as #${r.id}; nothing written`;
  return `${who} ${r.year ?? '(year unknown)'} (${r.formatId} format): ${what}; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`;
}

/** Registers `report import` on the `report` command group. */
export function registerReportImportCommand(report: Command, env: CommandEnv): void {
  withStoreOptions(
    report
      .command('import')
      .description('import published annual report files (PDF, DOCX, HTML, TXT): read, check and keep them with their findings')
      .argument('<files...>', 'report files')
      .option('--org <code>', 'the organization the reports belong to: organization code, or a government\'s division code (default: matched by the name each report prints)')
      .option('--year <yyyy>', 'the report year (default: the year each report states)'),
  ).action((files: string[], flags: ImportFlags) =>
    runCommand(env, async () => {
      if (flags.year !== undefined && !/^\d{4}$/.test(flags.year)) throw new GongkaiError('USAGE', `--year must be a four-digit year, got ${flags.year}`);
      const year = flags.year === undefined ? undefined : Number(flags.year);
      return withStore(env, flags, async (ctx) => {
        let organization: Organization | undefined;
        if (flags.org !== undefined) {
          organization = await findOrganizationByCodeOrDivision(ctx.store.db, flags.org);
          if (!organization) throw new GongkaiError('ORGANIZATION_UNKNOWN', `no organization has the code or division code ${flags.org}`);
        }
        let failed = 0;
        for (const [i, file] of files.entries()) {
          const prefix = files.length > 1 ? `[${i + 1}/${files.length}] ` : '';
          try {
            const bytes = await readInputFile(file);
            const outcome = await importReport(ctx, CLI_ACTOR, {
              bytes,
              fileName: basename(file),
              ...(organization ? { organizationId: organization.id } : {}),
              ...(year !== undefined ? { year } : {}),
            });
            env.stdout(`${prefix}${file}: ${outcomeLine(outcome)}\n`);
          } catch (error) {
            if (!isGongkaiError(error)) throw error;
            failed++;
            env.stderr(`${prefix}${file}: error [${error.code}]: ${error.message}\n`);
            for (const issue of error.issues) env.stderr(`  ${issue.field}: ${issue.message}\n`);
          }
        }
        if (files.length > 1) env.stdout(`${files.length - failed} of ${files.length} files imported\n`);
        return failed > 0 ? 2 : 0;
      });
    }),
  );
}
