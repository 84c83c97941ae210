/**
 * `gongkai report build`: computes (and checks) an organization's annual report from the records,
 * without the server running, and writes it as JSON, HTML, Markdown, DOCX, PDF or XLSX; `gongkai
 * report import` (report-import-command.ts) imports published report files. Exit status of build:
 * 0 no checker error, 1 the report has checker errors (it is still written), 2 failure.
 */
import { writeFile } from 'node:fs/promises';
import { Option } from 'commander';
import type { Command } from 'commander';
import { reportToDocx } from '../annual-reports/export/report-docx.ts';
import { reportToPdf } from '../annual-reports/export/report-pdf.ts';
import { reportToXlsx } from '../annual-reports/export/report-xlsx.ts';
import { computeAnnualReport } from '../annual-reports/report-compute.service.ts';
import type { ComputedAnnualReport } from '../annual-reports/report-compute.service.ts';
import { findOrganizationByCodeOrDivision } from '../annual-reports/report-organization.repository.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import { renderHtml } from '../reports/render/render-html.ts';
import { renderMarkdown } from '../reports/render/render-markdown.ts';
import { countBySeverity } from '../reports/render/finding-index.ts';
import { GongkaiError } from '../shared/errors.ts';
import { CLI_ACTOR, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';
import { registerReportImportCommand } from './report-import-command.ts';

/** Output kinds of `report build`. */
const BUILD_OUTPUTS = ['json', 'html', 'md', 'docx', 'pdf', 'xlsx'] as const;
type BuildOutput = (typeof BUILD_OUTPUTS)[number];

interface BuildFlags extends StoreFlags {
  org: string;
  year: string;
  format?: FormatId;
  scope?: 'own' | 'rollup';
  to: BuildOutput;
  out?: string;
}

/**
 * The bytes of a computed report in an output kind.
 * @returns text kinds as UTF-8 strings, binary kinds as buffers
 */
async function renderComputedReport(computed: ComputedAnnualReport, to: BuildOutput): Promise<string | Buffer> {
  const { report, findings } = computed;
  switch (to) {
    case 'json':
      return `${JSON.stringify({ report, findings }, null, 2)}\n`;
    case 'html':
      return renderHtml(report, findings);
    case 'md':
      return renderMarkdown(report, findings);
    case 'docx':
      return reportToDocx(report);
    case 'pdf':
      return reportToPdf(report);
    case 'xlsx':
      return reportToXlsx(report);
  }
}

/** Registers the `report` command group: `build` here, `import` from report-import-command.ts. */
export function registerReportCommands(program: Command, env: CommandEnv): void {
  const report = program.command('report').description('annual reports computed from the records (build) and published report files (import)');
  withStoreOptions(
    report
      .command('build')
      .description('compute and check an organization\'s annual report from the records and write it')
      .requiredOption('--org <code>', 'organization code (e.g. 640300000), or a government\'s six-digit division code (640300)')
      .requiredOption('--year <yyyy>', 'the report year')
      .addOption(new Option('--format <id>', 'report format (default: the format of the year)').choices(['2014', '2019', '2021']))
      .addOption(new Option('--scope <scope>', 'own records or a roll-up of the subtree (default: roll-up for a government with a subtree)').choices(['own', 'rollup']))
      .addOption(new Option('--to <kind>', 'output kind').choices([...BUILD_OUTPUTS]).default('json'))
      .option('--out <file>', 'write to this file (default: stdout for json/html/md, <code>-<year>.<kind> in the current directory for docx/pdf/xlsx)'),
  ).action((flags: BuildFlags) =>
    runCommand(env, () =>
      withStore(env, flags, async (ctx) => {
        const year = Number(flags.year);
        if (!/^\d{4}$/.test(flags.year)) throw new GongkaiError('USAGE', `--year must be a four-digit year, got ${flags.year}`);
        const org = await findOrganizationByCodeOrDivision(ctx.store.db, flags.org);
        if (!org) throw new GongkaiError('ORGANIZATION_UNKNOWN', `no organization has the code or division code ${flags.org}`);
        const computed = await computeAnnualReport(ctx, CLI_ACTOR, {
          organizationId: org.id,
          year,
          ...(flags.format ? { formatId: flags.format } : {}),
          ...(flags.scope ? { scope: flags.scope } : {}),
        });
        const output = await renderComputedReport(computed, flags.to);
        const binary = typeof output !== 'string';
        const target = flags.out ?? (binary ? `${org.organizationCode}-${year}.${flags.to}` : undefined);
        if (target === undefined) env.stdout(output as string);
        else await writeFile(target, output);
        const counts = countBySeverity(computed.findings);
        env.stderr(
          `${computed.organization.name} ${year} (${computed.formatId} format, ${computed.scope === 'rollup' ? `roll-up of ${computed.members.length} organizations` : 'own records'}): ` +
            `${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes${target ? `; wrote ${target}` : ''}\n`,
        );
        for (const f of computed.findings.filter((x) => x.severity === 'error')) env.stderr(`  ${f.rule}: ${f.message.en}\n`);
        return counts.error > 0 ? 1 : 0;
      }),
    ),
  );
  registerReportImportCommand(report, env);
}
