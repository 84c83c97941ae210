/**
 * Which report staff export for an organization and year: once submitted, the frozen snapshot
 * (what was submitted, checked, accepted or published cannot change when a record is corrected
 * afterwards), with the findings kept with it; before that, the draft computed from the records
 * now (report-compute.service.ts), with its findings.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import type { Finding } from '../reports/checker/finding.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { ReportStatus } from './annual-report.ts';
import { findAnnualReport } from './annual-report.repository.ts';
import { frozenReport } from './published-report.service.ts';
import { computeAnnualReport } from './report-compute.service.ts';

/** A report to export and where it came from. */
export interface ReportForExport {
  organization: Organization;
  year: number;
  report: StructuredReport;
  findings: Finding[];
  /** `snapshot`: frozen at submission; `computed`: computed from the records now. */
  source: 'snapshot' | 'computed';
  /** The stored report's workflow state, or null when none is stored (a report never saved). */
  status: ReportStatus | null;
}

/**
 * The report of an organization and year as staff export it.
 * Permission: `reports.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND` (no such organization),
 *   `VALIDATION_FAILED` (year) and what computing throws
 */
export async function reportForExport(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ReportForExport> {
  authorize(actor, 'reports.read');
  const organization = await findOrganizationById(ctx.store.db, organizationId);
  if (!organization) throw new GongkaiError('NOT_FOUND', `organization ${organizationId}`);
  authorize(actor, 'reports.read', { organizationPath: organization.path });
  const stored = await findAnnualReport(ctx.store.db, organizationId, year);
  if (stored?.snapshot) {
    return { organization, year, report: frozenReport(stored, stored.snapshot), findings: stored.findings ?? [], source: 'snapshot', status: stored.status };
  }
  const computed = await computeAnnualReport(ctx, actor, { organizationId, year });
  return { organization, year, report: computed.report, findings: computed.findings, source: 'computed', status: stored?.status ?? null };
}
