/**
 * The audit log, read-only: API (/api/audit) and console page (/console/audit).
 * STUB: filled in by its module's work (issue 3).
 */
import type { AppContext, GongkaiApp } from '../http/context.ts';

/** Registers the routes of this module. */
export function auditRoutes(_app: GongkaiApp, _ctx: AppContext): Promise<void> {
  return Promise.resolve();
}
