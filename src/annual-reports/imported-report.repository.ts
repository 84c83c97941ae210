/**
 * Storage of imported published reports beyond what annual-report.repository.ts reads for the
 * cross-year rules: inserting an import, finding one by id or by its identical earlier import, the
 * light list the portal and console show (no structured report parsed, only the findings'
 * severities counted) and the organizations a report's printed name matches.
 */
import type { Db } from '../db/database.ts';
import type { Finding, Severity } from '../reports/checker/finding.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { countBySeverity } from '../reports/render/finding-index.ts';
import { rowToOrganization } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { rowToImportedReport } from './annual-report.repository.ts';
import type { ImportedReport } from './annual-report.repository.ts';

/** The values of a new import. */
export type ImportedReportValues = Omit<ImportedReport, 'id'>;

/**
 * Inserts an import (the caller owns the transaction and writes the audit event in it).
 * @returns the stored import
 */
export async function insertImportedReport(db: Db, values: ImportedReportValues): Promise<ImportedReport> {
  const row = await db
    .insertInto('imported_report')
    .values({
      organization_id: values.organizationId,
      organization_name: values.organizationName,
      year: values.year,
      format_id: values.formatId,
      file_name: values.fileName,
      media_type: values.mediaType,
      size_bytes: values.sizeBytes,
      sha256: values.sha256,
      structured: JSON.stringify(values.structured satisfies StructuredReport),
      findings: JSON.stringify(values.findings satisfies Finding[]),
      // Kept in its own column so lists read it without parsing the report.
      publication_date: values.structured.publicationDate?.date ?? null,
      imported_by: values.importedBy,
      imported_at: values.importedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToImportedReport(row);
}

/** The import with `id`, or undefined. */
export async function findImportedReportById(db: Db, id: number): Promise<ImportedReport | undefined> {
  const row = await db.selectFrom('imported_report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToImportedReport(row) : undefined;
}

/**
 * The earliest import of the same bytes for the same organization and year (nulls match nulls),
 * or undefined: importing a file twice is answered with the first import.
 */
export async function findIdenticalImport(db: Db, sha256: string, organizationId: number | null, year: number | null): Promise<ImportedReport | undefined> {
  let query = db.selectFrom('imported_report').selectAll().where('sha256', '=', sha256);
  query = organizationId === null ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', organizationId);
  query = year === null ? query.where('year', 'is', null) : query.where('year', '=', year);
  const row = await query.orderBy('id').executeTakeFirst();
  return row ? rowToImportedReport(row) : undefined;
}

/** An import as lists show it. */
export interface ImportedReportSummary {
  id: number;
  /** The matched organization, or null (shown as unmatched with the name the reader found). */
  organizationId: number | null;
  /** The matched organization's current name, or null when unmatched. */
  organizationName: string | null;
  /** The organization's name as the report prints it (吴忠市), or null when the reader found none. */
  readOrganizationName: string | null;
  year: number | null;
  formatId: FormatId;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** The publication date the reader found (`YYYY-MM-DD`), or null. */
  publicationDate: string | null;
  /** The checker's findings counted by severity. */
  counts: Record<Severity, number>;
  importedBy: number | null;
  /** ISO instant. */
  importedAt: string;
}

/** Filters of {@link listImportedReportSummaries}. */
export interface ImportedReportFilters {
  organizationId?: number;
  year?: number;
  /** Only organizations whose path starts with one of these (staff lists); absent = all. */
  rootPaths?: readonly string[];
}

/**
 * Imports, newest year first (unknown years last), then by organization (unmatched last) and
 * newest import.
 * @param limit at most this many rows
 */
export async function listImportedReportSummaries(db: Db, filters: ImportedReportFilters, limit: number): Promise<ImportedReportSummary[]> {
  let query = db
    .selectFrom('imported_report as ir')
    .leftJoin('organization as o', 'o.id', 'ir.organization_id')
    .select([
      'ir.id',
      'ir.organization_id',
      'o.name as matched_name',
      'ir.organization_name',
      'ir.year',
      'ir.format_id',
      'ir.file_name',
      'ir.media_type',
      'ir.size_bytes',
      'ir.findings',
      'ir.publication_date',
      'ir.imported_by',
      'ir.imported_at',
    ]);
  if (filters.organizationId !== undefined) query = query.where('ir.organization_id', '=', filters.organizationId);
  if (filters.year !== undefined) query = query.where('ir.year', '=', filters.year);
  if (filters.rootPaths !== undefined) {
    const roots = filters.rootPaths;
    if (roots.length === 0) return [];
    query = query.where((eb) => eb.or(roots.map((root) => eb('o.path', 'like', `${root}%`))));
  }
  // NULLS LAST spelled out: SQLite and PostgreSQL disagree on where nulls sort by default.
  const rows = await query
    .orderBy('ir.year', (ob) => ob.desc().nullsLast())
    .orderBy('o.path', (ob) => ob.asc().nullsLast())
    .orderBy('ir.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    organizationId: r.organization_id === null ? null : Number(r.organization_id),
    organizationName: r.matched_name ?? null,
    readOrganizationName: r.organization_name,
    year: r.year === null ? null : Number(r.year),
    formatId: r.format_id as FormatId,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    publicationDate: r.publication_date,
    counts: countBySeverity(JSON.parse(r.findings) as Finding[]),
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  }));
}

/**
 * The organizations named `name` exactly, by full name (吴忠市人民政府) or, failing any, by short
 * name (吴忠市), as published reports print either.
 * @returns the matches of the first kind that has any (possibly several: the caller decides)
 */
export async function selectOrganizationsNamed(db: Db, name: string): Promise<Organization[]> {
  const byName = await db.selectFrom('organization').selectAll().where('name', '=', name).execute();
  if (byName.length > 0) return byName.map(rowToOrganization);
  const byShortName = await db.selectFrom('organization').selectAll().where('short_name', '=', name).execute();
  return byShortName.map(rowToOrganization);
}
