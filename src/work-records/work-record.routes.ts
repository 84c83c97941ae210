/**
 * Routes of the OGI work records: staffing, funding, reading points, meetings, training, complaints (issue 6). Placeholder until the module registers its API, console and portal routes.
 */
import type { RouteModule } from '../http/context.ts';

/** Registers the module's routes. */
export const workRecordRoutes: RouteModule = () => Promise.resolve();
