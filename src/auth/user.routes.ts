/**
 * Users and role assignments: API (/api/users) and console pages (/console/users).
 * STUB: filled in by its module's work (issue 3).
 */
import type { AppContext, GongkaiApp } from '../http/context.ts';

/** Registers the routes of this module. */
export function userRoutes(_app: GongkaiApp, _ctx: AppContext): Promise<void> {
  return Promise.resolve();
}
