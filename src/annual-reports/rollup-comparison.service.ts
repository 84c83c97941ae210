/**
 * The roll-up comparison of an organization's report for a year (rollup-comparison.ts): the
 * members resolved as the report resolves them, their figures for the year and the year before in
 * two rounds of `selectSubtreeFigures` (no query per member), and their report statuses. Reads only.
 */
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { ReportScope } from './annual-report.ts';
import type { ReportQuery } from './report-compute.service.ts';
import { emptyFigures, selectSubtreeFigures } from './report-figures.repository.ts';
import { resolveReportScope } from './report-compute.service.ts';
import { compareMembers } from './rollup-comparison.ts';
import type { MemberComparison } from './rollup-comparison.ts';
import { selectReportStatuses } from './report-status.repository.ts';

/** A comparison with the report it belongs to. */
export interface RollupComparisonReport extends MemberComparison {
  organization: { id: number; name: string };
  scope: ReportScope;
}

/**
 * Compares the members of an organization's report for a year (for an `own` report, the
 * organization alone) and flags outliers. Permission: `reports.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (year, members), `FORMAT_UNKNOWN`
 */
export async function compareRollupMembers(ctx: ServiceContext, actor: Actor, query: Pick<ReportQuery, 'organizationId' | 'year' | 'scope' | 'members' | 'presets'>): Promise<RollupComparisonReport> {
  const { organization, subtree, scope, members } = await resolveReportScope(ctx, actor, query);
  const db = ctx.store.db;
  // The 2014 variant of the query also counts each organization's published proactive items, a key figure here.
  const [current, previous, statuses] = await Promise.all([
    selectSubtreeFigures(db, organization.path, query.year, '2014'),
    selectSubtreeFigures(db, organization.path, query.year - 1, '2014'),
    selectReportStatuses(db, members, query.year),
  ]);
  const byId = new Map(subtree.map((o) => [o.id, o]));
  // Tree order (the organization first, each branch together), as the office reads its region.
  const ordered = [...members].sort((a, b) => {
    const pa = byId.get(a)?.path ?? '';
    const pb = byId.get(b)?.path ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : a - b;
  });
  const comparison = compareMembers(
    ordered.map((id) => {
      const o = byId.get(id);
      return {
        id,
        name: o?.name ?? String(id),
        kind: o?.kind ?? 'other',
        status: statuses.get(id)?.status ?? null,
        current: current.get(id) ?? emptyFigures(id),
        previous: previous.get(id) ?? emptyFigures(id),
      };
    }),
    query.year,
    organization.id,
  );
  return { ...comparison, organization: { id: organization.id, name: organization.name }, scope };
}
