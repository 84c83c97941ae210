/**
 * What every route module receives: the store, the validated configuration and the clock.
 * Route modules are `(app, ctx) => Promise<void>` functions registered in `routes.ts`.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../db/dialect.ts';
import type { Clock } from '../shared/clock.ts';
import type { Config } from '../shared/config.ts';

/** The dependencies of the HTTP edge. */
export interface AppContext {
  store: Store;
  config: Readonly<Config>;
  clock: Clock;
}

/** The fastify instance with zod schemas as its type provider. */
export type GongkaiApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A route module. */
export type RouteModule = (app: GongkaiApp, ctx: AppContext) => Promise<void>;
