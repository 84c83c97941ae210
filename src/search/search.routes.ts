/**
 * Search: API (/api/search) and the portal's search page (/search).
 * STUB: filled in by its module's work (issue 3).
 */
import type { AppContext, GongkaiApp } from '../http/context.ts';

/** Registers the routes of this module. */
export function searchRoutes(_app: GongkaiApp, _ctx: AppContext): Promise<void> {
  return Promise.resolve();
}
