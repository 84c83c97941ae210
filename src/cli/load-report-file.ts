/**
 * The CLI's file edge: reads a file from disk and turns it into a structured report, either by
 * reading a published report (text, HTML, DOCX, PDF) or by validating a structured-report JSON
 * document produced earlier by `gongkai read --json`.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FormatId } from '../reports/format/report-format.ts';
import { reportConsistencyIssues } from '../reports/model/report-consistency.ts';
import { structuredReportSchema } from '../reports/model/structured-report.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { MAX_INPUT_BYTES, sniffInput } from '../reports/reader/load-input.ts';
import { readReport } from '../reports/reader/read-report.ts';
import { GongkaiError } from '../shared/errors.ts';

/** Options shared by the commands that read reports. */
export interface LoadOptions {
  format?: FormatId;
  organizationKind?: 'government' | 'department' | 'other';
}

/**
 * Loads `path` as a structured report.
 * @throws GongkaiError `INPUT_UNREADABLE` (missing file, a directory), `INPUT_TOO_LARGE`,
 *   `REPORT_JSON_INVALID`, `USAGE` (`--format` other than a JSON report's own), and the reader's errors (`INPUT_EMPTY`, `INPUT_UNSUPPORTED`, `INPUT_CORRUPT`)
 */
export async function loadReportFile(path: string, options: LoadOptions = {}): Promise<StructuredReport> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new GongkaiError('INPUT_UNREADABLE', `${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof GongkaiError) throw error;
    throw new GongkaiError('INPUT_UNREADABLE', `${path} (${systemReason(error)})`, { cause: error });
  }
  // Checked before reading so a huge file costs nothing.
  if (size > MAX_INPUT_BYTES) throw new GongkaiError('INPUT_TOO_LARGE', `${path} is ${size} bytes; the limit is ${MAX_INPUT_BYTES}`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new GongkaiError('INPUT_UNREADABLE', `${path} (${systemReason(error)})`, { cause: error });
  }
  const fileName = basename(path);
  if (sniffInput(bytes, fileName) === 'json') {
    const report = parseStructuredReport(bytes, path);
    // A structured report was read once already; its format cannot be changed afterwards.
    if (options.format && options.format !== report.format.id) {
      throw new GongkaiError('USAGE', `--format ${options.format} does not apply to ${path}: it is a structured report in format ${report.format.id}; read the original with --format instead`);
    }
    return report;
  }
  const readOptions = {
    fileName,
    ...(options.format ? { format: options.format } : {}),
    ...(options.organizationKind ? { organizationKind: options.organizationKind } : {}),
  };
  return readReport(bytes, readOptions);
}

/** Why the system refused a file: `no such file`, `permission denied`, … from the error's code. */
function systemReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'name too long',
  };
  return reasons[code] ?? (code || 'unknown reason');
}

/**
 * Parses and validates a structured-report JSON document.
 * @throws GongkaiError `REPORT_JSON_INVALID` naming the first offending path, or the first
 *   inconsistencies (unknown or repeated cells, a status that contradicts the value)
 */
function parseStructuredReport(bytes: Uint8Array, label: string): StructuredReport {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new GongkaiError('REPORT_JSON_INVALID', `${label}: not JSON`, { cause: error });
  }
  const parsed = structuredReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
    throw new GongkaiError('REPORT_JSON_INVALID', `${label}: ${where}`);
  }
  const issues = reportConsistencyIssues(parsed.data);
  if (issues.length > 0) throw new GongkaiError('REPORT_JSON_INVALID', `${label}: ${issues.slice(0, 3).join('; ')}`);
  return parsed.data;
}
