/**
 * Stored annual reports in a given workflow state, for tests of what reads them (portal, exports)
 * without going through the submission workflow: the report is computed from the records now
 * (the template narrative), and from `submitted` on its computed report is frozen as the snapshot,
 * as the workflow does on submission.
 *
 * ```ts
 * const stored = await storeAnnualReport(ctx, { organizationId: region.litong.id, year: 2025, status: 'published', publicationDate: '2026-01-20' });
 * ```
 */
import { systemActor } from '../../src/auth/actor.ts';
import type { AnnualReport, ReportStatus } from '../../src/annual-reports/annual-report.ts';
import { insertAnnualReport } from '../../src/annual-reports/annual-report.repository.ts';
import { computeAnnualReport } from '../../src/annual-reports/report-compute.service.ts';
import { nowIso } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';

/** What {@link storeAnnualReport} stores. */
export interface StoredReportOptions {
  organizationId: number;
  year: number;
  status: ReportStatus;
  /** `YYYY-MM-DD`; default null. */
  publicationDate?: string | null;
  /** Whether the publication date is in the frozen snapshot too (default true). */
  dateInSnapshot?: boolean;
}

/**
 * Computes the organization's report and stores it in `status` (snapshot from `submitted` on).
 * @returns the stored report
 */
export async function storeAnnualReport(ctx: ServiceContext, options: StoredReportOptions): Promise<AnnualReport> {
  const actor = systemActor('test-seed');
  const computed = await computeAnnualReport(ctx, actor, { organizationId: options.organizationId, year: options.year });
  const frozen = options.status !== 'draft' && options.status !== 'returned';
  const publicationDate = options.publicationDate ?? null;
  const snapshot = frozen
    ? {
        ...computed.report,
        publicationDate: publicationDate !== null && options.dateInSnapshot !== false ? { date: publicationDate, source: 'option' as const, position: null } : null,
      }
    : null;
  const now = nowIso(ctx.clock);
  return insertAnnualReport(
    ctx.store.db,
    {
      organizationId: options.organizationId,
      year: options.year,
      formatId: computed.formatId,
      scope: computed.scope,
      members: computed.scope === 'rollup' ? computed.members.map((m) => m.id) : null,
      status: options.status,
      sections: computed.narrative.html,
      snapshot,
      findings: computed.findings,
      override: null,
      submittedAt: frozen ? now : null,
      submittedBy: null,
      reviewedAt: null,
      reviewedBy: null,
      reviewComment: null,
      publishedAt: options.status === 'published' ? now : null,
      publishedBy: null,
      publicationDate,
      synthetic: false,
    },
    null,
    now,
  );
}
