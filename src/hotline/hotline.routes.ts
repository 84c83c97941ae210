/**
 * Routes of the 12345 hotline work orders: import and counts (issue 6). Placeholder until the module registers its API, console and portal routes.
 */
import type { RouteModule } from '../http/context.ts';

/** Registers the module's routes. */
export const hotlineRoutes: RouteModule = () => Promise.resolve();
