/**
 * Every route module, in registration order. A module registers its API routes (`/api/…`) and its
 * pages; permission checks happen in the services each route calls (src/auth/policy.ts).
 */
import { annualReportConsoleRoutes } from '../annual-reports/annual-report-console.routes.ts';
import { annualReportApiRoutes } from '../annual-reports/annual-report.routes.ts';
import { annualReportExportRoutes } from '../annual-reports/annual-report-export.routes.ts';
import { annualReportPortalRoutes } from '../annual-reports/annual-report-portal.routes.ts';
import { importedReportConsoleRoutes } from '../annual-reports/imported-report-console.routes.ts';
import { importedReportApiRoutes } from '../annual-reports/imported-report.routes.ts';
import { annualReportInsightRoutes } from '../annual-reports/annual-report-insight.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { userRoutes } from '../auth/user.routes.ts';
import { calendarRoutes } from '../calendar/calendar.routes.ts';
import { catalogConsoleRoutes } from '../catalog/catalog-console.routes.ts';
import { catalogImportRoutes } from '../catalog/catalog-import.routes.ts';
import { catalogPortalRoutes } from '../catalog/catalog-portal.routes.ts';
import { catalogApiRoutes } from '../catalog/catalog.routes.ts';
import { organizationRoutes } from '../organizations/organization.routes.ts';
import { requestStatisticsRoutes } from '../requests/request-statistics.routes.ts';
import { requestApiRoutes } from '../requests/request.routes.ts';
import { deadlineRoutes } from '../requests/deadline.routes.ts';
import { requestPortalRoutes } from '../requests/request-portal.routes.ts';
import { requestConsoleRoutes } from '../requests/request-console.routes.ts';
import { reviewRoutes } from '../reviews/review.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import { messageRoutes } from '../messages/message.routes.ts';
import { hotlineRoutes } from '../hotline/hotline.routes.ts';
import { engagementRoutes } from '../engagement/engagement.routes.ts';
import { proposalRoutes } from '../proposals/proposal.routes.ts';
import { workRecordRoutes } from '../work-records/work-record.routes.ts';
import type { RouteModule } from './context.ts';

/** The route modules of the app. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  authRoutes,
  userRoutes,
  organizationRoutes,
  auditRoutes,
  catalogApiRoutes,
  catalogImportRoutes,
  catalogConsoleRoutes,
  catalogPortalRoutes,
  searchRoutes,
  calendarRoutes,
  reviewRoutes,
  requestStatisticsRoutes,
  requestApiRoutes,
  deadlineRoutes,
  requestPortalRoutes,
  requestConsoleRoutes,
  annualReportInsightRoutes,
  annualReportApiRoutes,
  annualReportConsoleRoutes,
  annualReportPortalRoutes,
  annualReportExportRoutes,
  importedReportConsoleRoutes,
  importedReportApiRoutes,
  messageRoutes,
  hotlineRoutes,
  engagementRoutes,
  proposalRoutes,
  workRecordRoutes,
];
