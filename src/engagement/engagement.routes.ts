/**
 * Routes of the press conferences, online interviews, policy interpretations, responses to public concerns (issue 6). Placeholder until the module registers its API, console and portal routes.
 */
import type { RouteModule } from '../http/context.ts';

/** Registers the module's routes. */
export const engagementRoutes: RouteModule = () => Promise.resolve();
