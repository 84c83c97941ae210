/**
 * Statistics of requests for an organization and everything below it, for one year (issue 4 item 8):
 * table 三 of the 2021 or 2019 format and the 2014 request rows from the cases (one aggregate query,
 * src/requests/request-statistics.repository.ts), table 四 and the 2014 rows 四/五 from the
 * reconsideration and litigation records (src/reviews/review-table.ts, with its co-defendant
 * de-duplication), ready to drop into a structured report (`cells`) and check with the report checker.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { computeReviewTable, reviewRows2014, reviewRows2014Cells, reviewTableCells } from '../reviews/review-table.ts';
import type { ReviewRow2014Id, ReviewTable } from '../reviews/review-table.ts';
import { selectReviewTableRecords } from '../reviews/review.repository.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { tallyRequestTables } from './request-statistics.ts';
import type { RequestTables, RequestTableVariant } from './request-statistics.ts';
import { selectRequestStatisticsGroups } from './request-statistics.repository.ts';

/** Report years the statistics may be asked for (as the reviews module allows). */
const MIN_YEAR = 2000;
const MAX_YEAR = 9999;

/** What to compute. */
export interface RequestStatisticsQuery {
  /** The subtree's root. */
  organizationId: number;
  /** The report year (statistics period 1月1日–12月31日). */
  year: number;
  /** Table 三's variant; default `2021` from 2021 on, `2019` before (RULES.md §3.1). */
  variant?: RequestTableVariant;
}

/** The statistics of a subtree and year. */
export interface RequestStatistics {
  organization: { id: number; name: string; path: string };
  year: number;
  variant: RequestTableVariant;
  /** Table 三, the 2014 request rows, fees and what the 2014 rows leave out. */
  requests: RequestTables;
  /** Table 四 from the review records (co-defendant records not counted). */
  reviews: ReviewTable;
  /** Rows 四/五 of the 2014 table from the same records. */
  reviewRows2014: Record<ReviewRow2014Id, number>;
  /**
   * Every computed cell by report-model id: `t3/<row>/<column>`, `t4/cases/<column>` and the 2014
   * rows `stats/<row>/value` (requests, fees in 万元, reconsideration and litigation).
   */
  cells: Record<string, number>;
}

function badYear(year: number): GongkaiError {
  return new GongkaiError('VALIDATION_FAILED', `year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`, {
    issues: [{ field: 'year', message: `year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`, messageZh: '年度应为四位年份' }],
  });
}

/**
 * Tables 三 and 四 and the 2014 rows of an organization's subtree for a year, by the definitions of
 * src/requests/request-statistics.ts (our reading where the formats are silent) and
 * src/reviews/review-table.ts. Two aggregate queries; no case is loaded.
 * Permission: `requests.read` and `reviews.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year, variant)
 */
export async function requestStatistics(ctx: ServiceContext, actor: Actor, query: RequestStatisticsQuery): Promise<RequestStatistics> {
  authorize(actor, 'requests.read');
  const { organizationId, year } = query;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw badYear(year);
  const variant = query.variant ?? (year >= 2021 ? '2021' : '2019');
  if (variant !== '2019' && variant !== '2021') {
    throw new GongkaiError('VALIDATION_FAILED', 'variant must be 2019 or 2021', { issues: [{ field: 'format', message: 'format must be 2019 or 2021', messageZh: '表格格式应为 2019 或 2021' }] });
  }
  const org = Number.isInteger(organizationId) ? await findOrganizationById(ctx.store.db, organizationId) : undefined;
  if (!org) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `organizationId ${organizationId}`, {
      issues: [{ field: 'organizationId', message: `organization ${organizationId} does not exist`, messageZh: `机构 ${organizationId} 不存在` }],
    });
  }
  authorize(actor, 'requests.read', { organizationPath: org.path });
  authorize(actor, 'reviews.read', { organizationPath: org.path });
  const [groups, records] = await Promise.all([selectRequestStatisticsGroups(ctx.store.db, org.path, year), selectReviewTableRecords(ctx.store.db, org.path, year)]);
  const requests = tallyRequestTables(groups, year, variant);
  const reviews = computeReviewTable(records, year);
  const rows2014 = reviewRows2014(reviews);
  return {
    organization: { id: org.id, name: org.name, path: org.path },
    year,
    variant,
    requests,
    reviews,
    reviewRows2014: rows2014,
    cells: { ...requests.table3, ...reviewTableCells(reviews), ...requests.cells2014, ...reviewRows2014Cells(rows2014) },
  };
}
