/**
 * Routes of press conferences, online interviews, policy interpretations and responses to public
 * concerns (issue 6 item 3): the API (engagement-api.routes.ts), the console pages
 * (engagement-console.routes.ts) and the portal's 回应解读 page (engagement-portal.routes.ts).
 */
import type { RouteModule } from '../http/context.ts';
import { engagementApiRoutes } from './engagement-api.routes.ts';
import { engagementConsoleRoutes } from './engagement-console.routes.ts';
import { engagementPortalRoutes } from './engagement-portal.routes.ts';

/** Registers the module's routes. */
export const engagementRoutes: RouteModule = async (app, ctx) => {
  await engagementApiRoutes(app, ctx);
  await engagementConsoleRoutes(app, ctx);
  await engagementPortalRoutes(app, ctx);
};
