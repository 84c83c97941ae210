/**
 * What a service method needs besides the actor and its input: the store, the clock and the
 * configuration. The HTTP edge's `AppContext` and the CLI both provide one. Services take it as
 * their first argument: `publishItem(ctx, actor, itemId)`.
 */
import type { Store } from '../db/dialect.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';

/** The dependencies of services. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  config: Readonly<Config>;
}
