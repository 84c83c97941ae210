/**
 * Routes of the NPC deputy suggestions and CPPCC member proposals (issue 6). Placeholder until the module registers its API, console and portal routes.
 */
import type { RouteModule } from '../http/context.ts';

/** Registers the module's routes. */
export const proposalRoutes: RouteModule = () => Promise.resolve();
