/**
 * The published annual reports the portal lists (2019 art. 49: published by the deadline, on the
 * government website): the light rows of `annual_report` in status `published`, with the
 * organization's name and the findings of the check kept with the report counted, without
 * parsing the frozen snapshots. Reads only.
 */
import type { Db } from '../db/database.ts';
import type { Finding, Severity } from '../reports/checker/finding.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import { countBySeverity } from '../reports/render/finding-index.ts';
import type { ReportScope } from './annual-report.ts';

/** A published report as lists show it. */
export interface PublishedReportSummary {
  id: number;
  organizationId: number;
  organizationName: string;
  year: number;
  formatId: FormatId;
  scope: ReportScope;
  /** `YYYY-MM-DD` China time, or null when none was set. */
  publicationDate: string | null;
  /** The findings of the check kept with the report, counted by severity. */
  counts: Record<Severity, number>;
}

/** Filters of {@link listPublishedReportSummaries}. */
export interface PublishedReportFilters {
  organizationId?: number;
  year?: number;
}

/**
 * Published reports, newest year first, then by organization.
 * @param limit at most this many rows
 */
export async function listPublishedReportSummaries(db: Db, filters: PublishedReportFilters, limit: number): Promise<PublishedReportSummary[]> {
  let query = db
    .selectFrom('annual_report as ar')
    .innerJoin('organization as o', 'o.id', 'ar.organization_id')
    .select(['ar.id', 'ar.organization_id', 'o.name', 'ar.year', 'ar.format_id', 'ar.scope', 'ar.publication_date', 'ar.findings'])
    .where('ar.status', '=', 'published');
  if (filters.organizationId !== undefined) query = query.where('ar.organization_id', '=', filters.organizationId);
  if (filters.year !== undefined) query = query.where('ar.year', '=', filters.year);
  const rows = await query.orderBy('ar.year', 'desc').orderBy('o.path').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    organizationId: Number(r.organization_id),
    organizationName: r.name,
    year: Number(r.year),
    formatId: r.format_id as FormatId,
    scope: r.scope as ReportScope,
    publicationDate: r.publication_date,
    counts: countBySeverity(r.findings === null ? [] : (JSON.parse(r.findings) as Finding[])),
  }));
}

/** A year or organization that has a report to show, for the list's filters. */
export interface ReportFilterOption {
  organizations: { id: number; name: string }[];
  /** Descending. */
  years: number[];
}

/**
 * The organizations and years that have a published or imported report (imports without a
 * matched organization or a year contribute nothing to that filter).
 */
export async function selectReportFilterOptions(db: Db): Promise<ReportFilterOption> {
  const [published, imported] = await Promise.all([
    db
      .selectFrom('annual_report as ar')
      .innerJoin('organization as o', 'o.id', 'ar.organization_id')
      .select(['o.id', 'o.name', 'o.path', 'ar.year'])
      .where('ar.status', '=', 'published')
      .distinct()
      .execute(),
    db
      .selectFrom('imported_report as ir')
      .leftJoin('organization as o', 'o.id', 'ir.organization_id')
      .select(['o.id', 'o.name', 'o.path', 'ir.year'])
      .distinct()
      .execute(),
  ]);
  const organizations = new Map<number, { id: number; name: string; path: string }>();
  const years = new Set<number>();
  for (const r of [...published, ...imported]) {
    if (r.id !== null && r.name !== null && r.path !== null) organizations.set(Number(r.id), { id: Number(r.id), name: r.name, path: r.path });
    if (r.year !== null) years.add(Number(r.year));
  }
  return {
    organizations: [...organizations.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(({ id, name }) => ({ id, name })),
    years: [...years].sort((a, b) => b - a),
  };
}
