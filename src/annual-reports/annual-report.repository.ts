/**
 * Storage of annual reports, their workflow steps and imported published reports: the only code
 * that touches the `annual_report`, `annual_report_step` and `imported_report` tables. Maps rows to
 * domain objects (JSON columns parsed here).
 */
import type { Selectable } from 'kysely';
import type { AnnualReportTable, Db, ImportedReportTable } from '../db/database.ts';
import type { Finding } from '../reports/checker/finding.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import type { AnnualReport, AnnualReportStep, ReportScope, ReportStatus } from './annual-report.ts';

type ReportRow = Selectable<AnnualReportTable>;

/** Maps a row to the domain object. */
function rowToAnnualReport(row: ReportRow): AnnualReport {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    year: Number(row.year),
    formatId: row.format_id as FormatId,
    scope: row.scope as ReportScope,
    members: row.members === null ? null : (JSON.parse(row.members) as number[]),
    status: row.status as ReportStatus,
    sections: JSON.parse(row.sections) as Record<string, string>,
    snapshot: row.snapshot === null ? null : (JSON.parse(row.snapshot) as StructuredReport),
    findings: row.findings === null ? null : (JSON.parse(row.findings) as Finding[]),
    override: row.override_reason === null ? null : { reason: row.override_reason, by: row.override_by, at: row.override_at ?? '' },
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    reviewComment: row.review_comment,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    publicationDate: row.publication_date,
    version: Number(row.version),
    synthetic: Number(row.synthetic) === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The report of an organization and year, or undefined. */
export async function findAnnualReport(db: Db, organizationId: number, year: number): Promise<AnnualReport | undefined> {
  const row = await db.selectFrom('annual_report').selectAll().where('organization_id', '=', organizationId).where('year', '=', year).executeTakeFirst();
  return row ? rowToAnnualReport(row) : undefined;
}

/** The report with `id`, or undefined. */
export async function findAnnualReportById(db: Db, id: number): Promise<AnnualReport | undefined> {
  const row = await db.selectFrom('annual_report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToAnnualReport(row) : undefined;
}

/** The columns a report writes (everything but id, version and creation). */
export type AnnualReportValues = Omit<AnnualReport, 'id' | 'version' | 'createdBy' | 'createdAt' | 'updatedAt'>;

function toRow(v: AnnualReportValues): Omit<ReportRow, 'id' | 'version' | 'created_by' | 'created_at' | 'updated_at'> {
  return {
    organization_id: v.organizationId,
    year: v.year,
    format_id: v.formatId,
    scope: v.scope,
    members: v.members === null ? null : JSON.stringify(v.members),
    status: v.status,
    sections: JSON.stringify(v.sections),
    snapshot: v.snapshot === null ? null : JSON.stringify(v.snapshot),
    findings: v.findings === null ? null : JSON.stringify(v.findings),
    override_reason: v.override?.reason ?? null,
    override_by: v.override?.by ?? null,
    override_at: v.override?.at ?? null,
    submitted_at: v.submittedAt,
    submitted_by: v.submittedBy,
    reviewed_at: v.reviewedAt,
    reviewed_by: v.reviewedBy,
    review_comment: v.reviewComment,
    published_at: v.publishedAt,
    published_by: v.publishedBy,
    publication_date: v.publicationDate,
    synthetic: v.synthetic ? 1 : 0,
  };
}

/**
 * Inserts a report.
 * @returns the stored report (version 1)
 */
export async function insertAnnualReport(db: Db, values: AnnualReportValues, createdBy: number | null, now: string): Promise<AnnualReport> {
  const row = await db
    .insertInto('annual_report')
    .values({ ...toRow(values), version: 1, created_by: createdBy, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToAnnualReport(row);
}

/**
 * Updates a report if its version is still `expectedVersion` (optimistic lock), bumping it.
 * @returns the updated report, or undefined when someone else changed it first
 */
export async function updateAnnualReport(db: Db, id: number, expectedVersion: number, values: AnnualReportValues, now: string): Promise<AnnualReport | undefined> {
  const row = await db
    .updateTable('annual_report')
    .set({ ...toRow(values), version: expectedVersion + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? rowToAnnualReport(row) : undefined;
}

/** Appends a workflow step. */
export async function insertReportStep(db: Db, step: Omit<AnnualReportStep, 'id'>): Promise<void> {
  await db.insertInto('annual_report_step').values({ report_id: step.reportId, step: step.step, actor_id: step.actorId, at: step.at, comment: step.comment }).execute();
}

/** The steps of a report, oldest first. */
export async function listReportSteps(db: Db, reportId: number): Promise<AnnualReportStep[]> {
  const rows = await db.selectFrom('annual_report_step').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), reportId: Number(r.report_id), step: r.step, actorId: r.actor_id, at: r.at, comment: r.comment }));
}

/** An imported published report. */
export interface ImportedReport {
  id: number;
  organizationId: number | null;
  organizationName: string | null;
  year: number | null;
  formatId: FormatId;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  structured: StructuredReport;
  findings: Finding[];
  importedBy: number | null;
  importedAt: string;
}

/** Maps an imported-report row. */
export function rowToImportedReport(row: Selectable<ImportedReportTable>): ImportedReport {
  return {
    id: Number(row.id),
    organizationId: row.organization_id === null ? null : Number(row.organization_id),
    organizationName: row.organization_name,
    year: row.year === null ? null : Number(row.year),
    formatId: row.format_id as FormatId,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    structured: JSON.parse(row.structured) as StructuredReport,
    findings: JSON.parse(row.findings) as Finding[],
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

/** The structured report of the latest import for an organization and year, or undefined. */
async function findImportedReportFor(db: Db, organizationId: number, year: number): Promise<StructuredReport | undefined> {
  const row = await db
    .selectFrom('imported_report')
    .select('structured')
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? (JSON.parse(row.structured) as StructuredReport) : undefined;
}

/** The reports of a year of every organization under `rootPath`, by organization id. */
export async function selectSubtreeReports(db: Db, rootPath: string, year: number): Promise<Map<number, AnnualReport>> {
  const rows = await db
    .selectFrom('annual_report as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .selectAll('r')
    .where('o.path', 'like', `${rootPath}%`)
    .where('r.year', '=', year)
    .execute();
  return new Map(rows.map((row) => [Number(row.organization_id), rowToAnnualReport(row)]));
}

// Appended by the workflow helper (report-workflow.service.ts, the console's report pages).

/**
 * The display names of users, for the steps history and who entered a figure.
 * @returns user id → display name (unknown ids are absent)
 */
export async function selectUserDisplayNames(db: Db, userIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) out.set(Number(row.id), row.display_name);
  }
  return out;
}

/**
 * The organization's report of a year as it stands for comparison (cross-year rules, similarity):
 * the one submitted here (its frozen snapshot), else the latest imported published report.
 * @param known the stored report of that organization and year when the caller has already read it
 *   (undefined: read here), so it is not read twice
 * @returns the report and where it came from, or null when there is neither
 */
export async function findComparableReport(db: Db, organizationId: number, year: number, known?: AnnualReport | null): Promise<{ source: 'submitted' | 'imported'; report: StructuredReport } | null> {
  const stored = known === undefined ? await findAnnualReport(db, organizationId, year) : known;
  if (stored?.snapshot) return { source: 'submitted', report: stored.snapshot };
  const imported = await findImportedReportFor(db, organizationId, year);
  return imported ? { source: 'imported', report: imported } : null;
}
