/**
 * Published annual reports imported from their files (PDF, DOCX, HTML, plain text): read by the
 * report engine's reader, checked by its checker (with the organization's report of the year
 * before, when gongkai knows one, for the cross-year rules), the original kept in the file store
 * (content-addressed, as attachments are) and the structured report with its findings stored in
 * `imported_report`. They stand in for the years before gongkai (the real 吴忠市 2017 report) on the
 * portal's report list and as the previous year of a computed report (2019 art. 49–50).
 * Anyone may read imports (they are published documents); importing needs `reports.import`.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, grantedPaths } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { cleanFileName, existingFilePath, storeFile } from '../catalog/attachment.service.ts';
import { extensionOf } from '../catalog/attachment.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { checkReport } from '../reports/checker/check-report.ts';
import { MAX_INPUT_BYTES } from '../reports/reader/load-input.ts';
import { readReport } from '../reports/reader/read-report.ts';
import { countBySeverity } from '../reports/render/finding-index.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { findComparableReport } from './annual-report.repository.ts';
import type { ImportedReport } from './annual-report.repository.ts';
import { findIdenticalImport, findImportedReportById, insertImportedReport, listImportedReportSummaries, selectOrganizationsNamed } from './imported-report.repository.ts';
import type { ImportedReportFilters, ImportedReportSummary } from './imported-report.repository.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './report-compute.service.ts';

/** File extensions the reader reads (lower case, no dot). */
const IMPORT_EXTENSIONS: readonly string[] = ['pdf', 'docx', 'html', 'htm', 'txt'];

/** At most this many imports are listed on one page. */
const IMPORT_LIST_LIMIT = 2000;

/** What to import. */
export interface ImportReportInput {
  /** The file's content. */
  bytes: Uint8Array;
  /** The file's name as uploaded (its extension must be one of {@link IMPORT_EXTENSIONS}). */
  fileName: string;
  /** The organization whose report it is; default: matched by the name the reader found. */
  organizationId?: number;
  /** The report year; default: the year the reader found. Wins over it when both are known. */
  year?: number;
}

/** The result of {@link importReport}. */
export interface ImportOutcome {
  report: ImportedReport;
  /** False when the same file was already imported for the same organization and year (nothing was written). */
  created: boolean;
  /** The organization it was filed under, or null when unmatched. */
  organization: Organization | null;
}

/** Refuses a file the reader cannot take before reading it. */
function checkImportFile(input: ImportReportInput, maxUploadBytes: number): string {
  const fileName = cleanFileName(input.fileName);
  const limit = Math.min(maxUploadBytes, MAX_INPUT_BYTES);
  if (input.bytes.length > limit) {
    throw new GongkaiError('UPLOAD_TOO_LARGE', `${input.bytes.length} > ${limit} bytes`, {
      issues: [{ field: 'file', message: `the file is larger than ${limit} bytes`, messageZh: `文件不能超过 ${Math.floor(limit / 1024 / 1024)} MB` }],
    });
  }
  if (input.bytes.length === 0) throw validationFailed([{ field: 'file', message: 'the file is empty', messageZh: '文件为空' }]);
  const extension = extensionOf(fileName);
  if (!IMPORT_EXTENSIONS.includes(extension)) {
    const allowed = IMPORT_EXTENSIONS.join(', ');
    throw new GongkaiError('UPLOAD_TYPE', `.${extension}`, {
      issues: [{ field: 'file', message: `the extension ".${extension}" is not a report file (allowed: ${allowed})`, messageZh: `年度报告文件应为 PDF、DOCX、HTML 或 TXT（${allowed}），不接受 .${extension} 文件` }],
    });
  }
  if (input.year !== undefined && (!Number.isInteger(input.year) || input.year < MIN_REPORT_YEAR || input.year > MAX_REPORT_YEAR)) {
    throw validationFailed([{ field: 'year', message: `year must be an integer from ${MIN_REPORT_YEAR} to ${MAX_REPORT_YEAR}`, messageZh: `年度应为 ${MIN_REPORT_YEAR}–${MAX_REPORT_YEAR} 的整数` }]);
  }
  return fileName;
}

/**
 * The organization a report's printed name denotes: the one organization whose full name is
 * exactly that name, else the one whose short name is (published reports print 吴忠市 for
 * 吴忠市人民政府); null when none or several match.
 */
async function matchOrganization(ctx: ServiceContext, name: string | null): Promise<Organization | null> {
  const printed = (name ?? '').replace(/\s+/g, '');
  if (printed === '') return null;
  const matches = await selectOrganizationsNamed(ctx.store.db, printed);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}


/**
 * Imports a published annual report file: reads it, checks it, stores the file and the result.
 * Permission: `reports.import` on the organization; a report matched to no organization only by a
 * system administrator (it would belong to nobody's subtree).
 * @returns the import (the earlier one, `created` false, when the same file was imported before
 *   for the same organization and year)
 * @throws GongkaiError `UPLOAD_TOO_LARGE`, `UPLOAD_TYPE`, `VALIDATION_FAILED` (empty file, year),
 *   `ORGANIZATION_UNKNOWN`, `UNAUTHENTICATED`, `FORBIDDEN`, and the reader's `INPUT_EMPTY`,
 *   `INPUT_UNSUPPORTED`, `INPUT_CORRUPT`, `NOT_A_REPORT`; nothing is stored then
 */
export async function importReport(ctx: ServiceContext, actor: Actor, input: ImportReportInput): Promise<ImportOutcome> {
  authorize(actor, 'reports.import');
  const fileName = checkImportFile(input, ctx.config.maxUploadBytes);
  let organization: Organization | null = null;
  if (input.organizationId !== undefined) {
    organization = (Number.isInteger(input.organizationId) ? await findOrganizationById(ctx.store.db, input.organizationId) : undefined) ?? null;
    if (!organization) {
      throw new GongkaiError('ORGANIZATION_UNKNOWN', `organizationId ${input.organizationId}`, {
        issues: [{ field: 'organizationId', message: `organization ${input.organizationId} does not exist`, messageZh: `机构 ${input.organizationId} 不存在` }],
      });
    }
    authorize(actor, 'reports.import', { organizationPath: organization.path });
  }

  const report = await readReport(input.bytes, { fileName, ...(organization ? { organizationKind: organization.kind } : {}) });
  if (input.year !== undefined && report.year !== input.year) {
    if (report.year !== null) {
      report.notes.push({ code: 'YEAR_FROM_IMPORT', message: `The report reads as the ${report.year} report; filed as ${input.year} as the importer said`, position: null });
    }
    report.year = input.year;
  }
  if (!organization) {
    organization = await matchOrganization(ctx, report.organization.name);
    if (organization) authorize(actor, 'reports.import', { organizationPath: organization.path });
    else if (grantedPaths(actor, 'reports.import') !== null) {
      throw new GongkaiError('FORBIDDEN', `no organization is named ${report.organization.name ?? '(none read)'}: choose the organization, or ask a system administrator`, {
        issues: [{ field: 'organizationId', message: 'choose the organization the report belongs to', messageZh: `未能按报告中的机构名称“${report.organization.name ?? ''}”找到机构，请选择报告所属机构` }],
      });
    }
  }

  const sha256 = report.source.sha256 ?? '';
  const year = report.year;
  const existing = await findIdenticalImport(ctx.store.db, sha256, organization?.id ?? null, year);
  if (existing) return { report: existing, created: false, organization };

  const previous = organization && year !== null ? (await findComparableReport(ctx.store.db, organization.id, year - 1))?.report : undefined;
  const findings = checkReport(report, previous ? { previous } : {});
  // Content-addressed: a failed transaction below leaves at most an unreferenced copy, never a wrong one.
  await storeFile(ctx.config.attachmentsDir, sha256, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    const imported = await insertImportedReport(trx, {
      organizationId: organization?.id ?? null,
      organizationName: report.organization.name,
      year,
      formatId: report.format.id,
      fileName,
      mediaType: report.source.mediaType,
      sizeBytes: input.bytes.length,
      sha256,
      structured: report,
      findings,
      importedBy: actorUserId(actor),
      importedAt: nowIso(ctx.clock),
    });
    const counts = countBySeverity(findings);
    await recordAudit(trx, actor, ctx.clock, {
      action: 'report.import',
      entityType: 'imported_report',
      entityId: imported.id,
      organizationId: imported.organizationId,
      after: { id: imported.id, fileName, sha256, sizeBytes: imported.sizeBytes, organizationName: imported.organizationName, year, formatId: imported.formatId, findings: counts },
    });
    return imported;
  });
  return { report: stored, created: true, organization };
}

/** Filters of {@link listImportedReports}: an organization, a year (the public list has no subtree filter). */
export type ImportedReportQuery = Omit<ImportedReportFilters, 'rootPaths'>;

/**
 * Imported reports as the portal lists them, newest year first, each with its findings counted.
 * Permission: `reports.read_published` (public).
 */
export async function listImportedReports(ctx: ServiceContext, actor: Actor, query: ImportedReportQuery = {}): Promise<ImportedReportSummary[]> {
  authorize(actor, 'reports.read_published');
  return listImportedReportSummaries(ctx.store.db, query, IMPORT_LIST_LIMIT);
}

/**
 * The imports a staff member may manage (console): those of organizations in the subtrees where
 * the actor may import; a system administrator also sees unmatched ones.
 * Permission: `reports.import`.
 */
export async function listImportsForStaff(ctx: ServiceContext, actor: Actor): Promise<ImportedReportSummary[]> {
  authorize(actor, 'reports.import');
  const roots = grantedPaths(actor, 'reports.import');
  return listImportedReportSummaries(ctx.store.db, roots === null ? {} : { rootPaths: roots }, IMPORT_LIST_LIMIT);
}

/**
 * One imported report with what the reader read and the checker found.
 * Permission: `reports.read_published` (public).
 * @throws GongkaiError `NOT_FOUND`
 */
export async function getImportedReport(ctx: ServiceContext, actor: Actor, id: number): Promise<{ report: ImportedReport; organization: Organization | null }> {
  authorize(actor, 'reports.read_published');
  const report = await findImportedReportById(ctx.store.db, id);
  if (!report) throw new GongkaiError('NOT_FOUND', `imported report ${id}`);
  const organization = report.organizationId === null ? null : ((await findOrganizationById(ctx.store.db, report.organizationId)) ?? null);
  return { report, organization };
}

/**
 * The original file of an imported report, for download.
 * Permission: `reports.read_published` (public).
 * @throws GongkaiError `NOT_FOUND` (no such import, or its file is missing on disk)
 */
export async function getImportedReportFile(ctx: ServiceContext, actor: Actor, id: number): Promise<{ report: ImportedReport; filePath: string }> {
  authorize(actor, 'reports.read_published');
  const report = await findImportedReportById(ctx.store.db, id);
  if (!report) throw new GongkaiError('NOT_FOUND', `imported report ${id}`);
  return { report, filePath: await existingFilePath(ctx.config.attachmentsDir, report.sha256) };
}
