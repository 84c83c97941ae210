/**
 * The public portal's catalog pages: home (/), browse (/catalog), item page (/items/:id), feeds and sitemap.
 * STUB: filled in by its module's work (issue 3).
 */
import type { AppContext, GongkaiApp } from '../http/context.ts';

/** Registers the routes of this module. */
export function catalogPortalRoutes(_app: GongkaiApp, _ctx: AppContext): Promise<void> {
  return Promise.resolve();
}
