/**
 * The staff console's catalog pages (/console, /console/items…): draft, edit, submit, approve, publish, withdraw.
 * STUB: filled in by its module's work (issue 3).
 */
import type { AppContext, GongkaiApp } from '../http/context.ts';

/** Registers the routes of this module. */
export function catalogConsoleRoutes(_app: GongkaiApp, _ctx: AppContext): Promise<void> {
  return Promise.resolve();
}
