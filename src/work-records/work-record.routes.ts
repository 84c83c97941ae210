/**
 * Routes of the OGI work records: staffing, funding, reading points, meetings, training,
 * complaints (issue 6 item 5). Registers the API (work-record-api.routes.ts), the console pages
 * (work-record-console.routes.ts) and the portal's list of reading points (`/reading-points`,
 * 2019 art. 25).
 */
import type { RouteModule } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { readingPointsPortalPage } from './reading-point-portal.views.ts';
import { workRecordApiRoutes } from './work-record-api.routes.ts';
import { workRecordConsoleRoutes } from './work-record-console.routes.ts';
import { listPublicReadingPoints } from './work-record.service.ts';

/** Registers the module's routes. */
export const workRecordRoutes: RouteModule = (app, ctx) => {
  workRecordApiRoutes(app, ctx);
  workRecordConsoleRoutes(app, ctx);

  app.get('/reading-points', { schema: { hide: true } }, async (request, reply) => {
    const body = readingPointsPortalPage(await listPublicReadingPoints(ctx, request.actor));
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(renderPage({ title: '政府信息公开查阅点', area: 'portal', actor: request.actor, body }));
  });

  return Promise.resolve();
};
