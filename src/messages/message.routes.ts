/**
 * Routes of the mailbox messages (留言): portal form, staff console, API (issue 6).
 */
import type { RouteModule } from '../http/context.ts';
import { messageApiRoutes } from './message-api.routes.ts';
import { messageConsoleRoutes } from './message-console.routes.ts';
import { messagePortalRoutes } from './message-portal.routes.ts';

/** Registers the module's routes: the API (/api/messages…), the portal pages (/messages…) and the console (/console/messages…). */
export const messageRoutes: RouteModule = async (app, ctx) => {
  await messageApiRoutes(app, ctx);
  await messagePortalRoutes(app, ctx);
  await messageConsoleRoutes(app, ctx);
};
