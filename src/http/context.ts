/**
 * What every route module receives: the store, the validated configuration and the clock.
 * Route modules are `(app, ctx) => Promise<void>` functions registered in `routes.ts`.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../shared/service-context.ts';

/** The dependencies of the HTTP edge: the same as the services'. */
export type AppContext = ServiceContext;

/** The fastify instance with zod schemas as its type provider. */
export type GongkaiApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A route module. */
export type RouteModule = (app: GongkaiApp, ctx: AppContext) => Promise<void>;
