/**
 * Routes of the mailbox messages (留言): portal form, staff console, API (issue 6). Placeholder until the module registers its API, console and portal routes.
 */
import type { RouteModule } from '../http/context.ts';

/** Registers the module's routes. */
export const messageRoutes: RouteModule = () => Promise.resolve();
