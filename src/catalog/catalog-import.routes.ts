/**
 * Catalog import (CSV/XLSX, dry run) and export: console page (/console/import) and API (/api/items/import, /api/items/export).
 * STUB: filled in by its module's work (issue 3).
 */
import type { AppContext, GongkaiApp } from '../http/context.ts';

/** Registers the routes of this module. */
export function catalogImportRoutes(_app: GongkaiApp, _ctx: AppContext): Promise<void> {
  return Promise.resolve();
}
