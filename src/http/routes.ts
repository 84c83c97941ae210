/**
 * Every route module, in registration order. A module registers its API routes (`/api/…`) and its
 * pages; permission checks happen in the services each route calls (src/auth/policy.ts).
 */
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
];
