/**
 * What the portal shows of annual reports (2019 art. 49: each organization publishes its report on
 * its website): the published computed reports, exactly as frozen when submitted (their
 * `snapshot`), and the imported historical reports, each with the checker's findings. Drafts,
 * submitted, returned and accepted reports are never shown: to the public they do not exist.
 * Permission: `reports.read_published` (public); staff see exactly what the public sees.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import type { Finding } from '../reports/checker/finding.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { AnnualReport } from './annual-report.ts';
import { findAnnualReport } from './annual-report.repository.ts';
import type { ImportedReportSummary } from './imported-report.repository.ts';
import { listImportedReports } from './imported-report.service.ts';
import { listPublishedReportSummaries, selectReportFilterOptions } from './published-report.repository.ts';
import type { PublishedReportFilters, PublishedReportSummary, ReportFilterOption } from './published-report.repository.ts';

/** At most this many published reports are listed on one page. */
const PUBLISHED_LIST_LIMIT = 2000;

/**
 * A stored report's frozen snapshot with the stored publication date filled in when the snapshot
 * was frozen (at submission) before the date was set, so the exports' signature and metadata
 * carry it.
 */
export function frozenReport(stored: AnnualReport, snapshot: StructuredReport): StructuredReport {
  if (snapshot.publicationDate !== null || stored.publicationDate === null) return snapshot;
  return { ...snapshot, publicationDate: { date: stored.publicationDate, source: 'option', position: null } };
}

/** Filters of the report list: an organization's own reports, a year (the repository's filters). */
export type PublishedReportQuery = PublishedReportFilters;

/** The portal's report list. */
export interface PublishedReportList {
  /** Published computed reports, newest year first. */
  computed: PublishedReportSummary[];
  /** Imported reports, newest year first. */
  imported: ImportedReportSummary[];
  /** Organizations and years that have any report, for the filters. */
  options: ReportFilterOption;
}

/**
 * Every organization's published and imported reports, filtered by organization and year.
 * Permission: `reports.read_published`.
 */
export async function listPublishedReports(ctx: ServiceContext, actor: Actor, query: PublishedReportQuery = {}): Promise<PublishedReportList> {
  authorize(actor, 'reports.read_published');
  const [computed, imported, options] = await Promise.all([
    listPublishedReportSummaries(ctx.store.db, query, PUBLISHED_LIST_LIMIT),
    listImportedReports(ctx, actor, query),
    selectReportFilterOptions(ctx.store.db),
  ]);
  return { computed, imported, options };
}

/** A published report with what its page shows. */
export interface PublishedReport {
  stored: AnnualReport;
  organization: Organization;
  /**
   * The report as submitted, accepted and published (frozen), with the publication date of the
   * stored report when the snapshot was frozen before one was set.
   */
  report: StructuredReport;
  /** The findings of the check kept with it (empty when none were kept). */
  findings: Finding[];
}

/**
 * The published report of an organization and year.
 * Permission: `reports.read_published`.
 * @throws GongkaiError `NOT_FOUND` when there is none (or it is not published: a draft, submitted,
 *   returned or accepted report looks absent)
 */
export async function getPublishedReport(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<PublishedReport> {
  authorize(actor, 'reports.read_published');
  const stored = await findAnnualReport(ctx.store.db, organizationId, year);
  if (!stored || stored.status !== 'published' || !stored.snapshot) throw new GongkaiError('NOT_FOUND', `published report ${organizationId}/${year}`);
  const organization = await findOrganizationById(ctx.store.db, organizationId);
  if (!organization) throw new GongkaiError('NOT_FOUND', `organization ${organizationId}`);
  return { stored, organization, report: frozenReport(stored, stored.snapshot), findings: stored.findings ?? [] };
}

/**
 * The published report of an organization and year, or null when there is none (the portal shows
 * it next to an imported report of the same organization and year).
 * Permission: `reports.read_published`.
 */
export async function findPublishedReport(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<PublishedReport | null> {
  try {
    return await getPublishedReport(ctx, actor, organizationId, year);
  } catch (error) {
    if (isGongkaiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}
