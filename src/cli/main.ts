/**
 * The `gongkai` command line: `read`, `check` and `render` of annual OGI reports, and the records
 * system's `serve`, `demo`, `migrate`, `backup`, `restore`, `import`, `export` and `reindex`
 * (configured from the environment: PORT, HOST, DATABASE_URL, GONGKAI_DATA_DIR, …; flags override).
 * Exit status (check): 0 no errors, 1 errors found, 2 an input could not be read or bad usage.
 * (import): 0 imported, 1 bad rows (nothing imported), 2 unreadable file, bad usage or other failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { checkReport, checkReports } from '../reports/checker/check-report.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { CheckResult } from '../reports/model/json-schemas.ts';
import { STRUCTURED_REPORT_SCHEMA_VERSION } from '../reports/model/structured-report.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { renderHtml } from '../reports/render/render-html.ts';
import { renderMarkdown } from '../reports/render/render-markdown.ts';
import { systemClock } from '../shared/clock.ts';
import type { Clock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { registerCalendarCommands } from './calendar-commands.ts';
import { registerCatalogCommands } from './catalog-commands.ts';
import { registerDeadlineCommand } from './deadline-command.ts';
import { registerHotlineCommands } from '../hotline/hotline-cli.ts';
import { registerRequestCommands } from './request-commands.ts';
import { registerReportCommands } from './report-commands.ts';
import type { CommandEnv } from './cli-context.ts';
import { loadReportFile } from './load-report-file.ts';
import type { LoadOptions } from './load-report-file.ts';
import { printFindings, printReport, summarize } from './print-report.ts';
import type { Language } from './print-report.ts';
import { registerServerCommands } from './server-commands.ts';
import { registerStoreCommands } from './store-commands.ts';

/** Where the CLI writes; injectable so tests capture output without spawning a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (a progress bar is drawn only then). */
  isTty: boolean;
  /** Environment variables for the records-system commands' configuration (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** The clock of the records-system commands (default the system clock; tests fix it). */
  clock?: Clock;
}

/**
 * Writes to a process stream until its reader goes away: a closed pipe (`gongkai check … | head`)
 * is not an error of ours, so later writes are dropped and the exit status stays the real one.
 */
function streamWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

const defaultIo: CliIo = {
  stdout: streamWriter(process.stdout),
  stderr: streamWriter(process.stderr),
  isTty: Boolean(process.stderr.isTTY),
};

/** The package version, printed by `gongkai --version`. */
export const VERSION = '0.1.0';

/** Exit statuses. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

interface ReadFlags {
  format?: FormatId;
  orgKind?: 'government' | 'department' | 'other';
  json?: boolean;
}

function loadOptions(flags: ReadFlags): LoadOptions {
  return { ...(flags.format ? { format: flags.format } : {}), ...(flags.orgKind ? { organizationKind: flags.orgKind } : {}) };
}

/** Prints a typed error as `error [CODE]: message` and returns exit status 2. */
function reportError(io: CliIo, error: unknown, file?: string): number {
  if (isGongkaiError(error)) {
    io.stderr(`error [${error.code}]${file ? ` ${file}` : ''}: ${error.message}\n`);
    return EXIT.unreadable;
  }
  // An unexpected failure is still a could-not-read outcome for the user, never a stack trace on stdout.
  io.stderr(`error [INTERNAL]${file ? ` ${file}` : ''}: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.unreadable;
}

/**
 * Runs the CLI.
 * @param argv process-style arguments (`['node', 'gongkai', 'check', 'a.txt']`)
 * @param io where output goes (the process's stdout/stderr by default; tests capture it)
 * @returns the exit status
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let status: number = EXIT.ok;
  const formatOption = new Option('--format <id>', 'report format: 2014 (统计表), 2019 (60号) or 2021 (30号); detected when omitted').choices(['2014', '2019', '2021']);
  const kindOption = new Option('--org-kind <kind>', 'organization kind, decides the art. 49 deadline; guessed from the name when omitted').choices([
    'government',
    'department',
    'other',
  ]);

  const program = new Command()
    .name('gongkai')
    .description('Open government information (政府信息公开): check annual reports; run the records system')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  program
    .command('read')
    .description('read a published report (text, HTML, DOCX, PDF) into a structured report')
    .argument('<file>', 'the report file')
    .addOption(formatOption)
    .addOption(kindOption)
    .option('--json', 'print the structured report as JSON (schema/structured-report.v1.schema.json)')
    .action(async (file: string, flags: ReadFlags) => {
      try {
        const report = await loadReportFile(file, loadOptions(flags));
        io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${printReport(report)}\n`);
      } catch (error) {
        status = reportError(io, error, file);
      }
    });

  program
    .command('check')
    .description('check reports against the format identities, their own narrative, and the statute; exit 0 clean, 1 errors, 2 unreadable')
    .argument('<files...>', 'report files, or structured-report JSON from `read --json`')
    .addOption(formatOption)
    .addOption(kindOption)
    .option('--json', 'print the findings as JSON (schema/check-result.v1.schema.json)')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['zh', 'en', 'both']).default('both'))
    .action(async (files: string[], flags: ReadFlags & { lang: Language }) => {
      status = await runCheck(files, flags, io);
    });

  program
    .command('render')
    .description('print the tables in the official layout with the findings marked')
    .argument('<file>', 'the report file, or structured-report JSON')
    .addOption(new Option('--to <kind>', 'output: md or html').choices(['md', 'html']).default('md'))
    .addOption(formatOption)
    .addOption(kindOption)
    .action(async (file: string, flags: ReadFlags & { to: 'md' | 'html' }) => {
      try {
        const report = await loadReportFile(file, loadOptions(flags));
        const findings = checkReport(report);
        io.stdout(flags.to === 'html' ? renderHtml(report, findings) : renderMarkdown(report, findings));
      } catch (error) {
        status = reportError(io, error, file);
      }
    });

  const commandEnv: CommandEnv = {
    stdout: io.stdout,
    stderr: io.stderr,
    isTty: io.isTty,
    env: io.env ?? process.env,
    clock: io.clock ?? systemClock,
    setStatus: (s) => {
      status = s;
    },
  };
  registerServerCommands(program, commandEnv);
  registerStoreCommands(program, commandEnv);
  registerCatalogCommands(program, commandEnv);
  registerCalendarCommands(program, commandEnv);
  registerDeadlineCommand(program, commandEnv);
  registerRequestCommands(program, commandEnv);
  registerReportCommands(program, commandEnv);
  registerHotlineCommands(program, commandEnv);

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes get 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.unreadable;
    }
    return reportError(io, error);
  }
  return status;
}

/** `gongkai check`: reads every file (with a progress bar on a terminal), checks, prints, returns the exit status. */
async function runCheck(given: string[], flags: ReadFlags & { lang: Language }, io: CliIo): Promise<number> {
  // A path given twice is checked once: findings are keyed by path, and doubling them helps nobody.
  const files = [...new Set(given)];
  const bar = io.isTty && files.length > 1 && !flags.json ? new SingleBar({ format: 'checking [{bar}] {value}/{total} {file}', stream: process.stderr }) : null;
  bar?.start(files.length, 0, { file: '' });
  const read: { file: string; report: StructuredReport }[] = [];
  const results: CheckResult['files'] = [];
  let unreadable = false;
  for (const file of files) {
    bar?.increment(0, { file });
    try {
      read.push({ file, report: await loadReportFile(file, loadOptions(flags)) });
    } catch (error) {
      unreadable = true;
      const code = isGongkaiError(error) ? error.code : 'INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      results.push({ file, readable: false, error: { code, message }, summary: { errors: 0, warnings: 0, infos: 0 }, findings: [] });
      if (!flags.json) reportError(io, error, file);
    }
    bar?.increment(1, { file });
  }
  bar?.stop();

  // checkReports files every finding, cross-year ones under the later year's report.
  const all = checkReports(read);
  for (const { file, report } of read) {
    const findings = all.filter((f) => f.file === file);
    const s = summarize(findings);
    results.push({ file, readable: true, error: null, summary: s, findings });
    if (!flags.json) {
      io.stdout(
        `${file}: ${report.organization.name ?? '?'} ${report.year ?? '?'} · format ${report.format.id} · ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info\n`,
      );
      if (findings.length > 0) io.stdout(`${printFindings(findings, flags.lang)}\n`);
    }
  }
  results.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
  if (flags.json) {
    const result: CheckResult = { schemaVersion: STRUCTURED_REPORT_SCHEMA_VERSION, files: results, crossYear: [] };
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  }
  if (unreadable) return EXIT.unreadable;
  return all.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
