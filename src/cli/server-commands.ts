/**
 * `gongkai serve` (what `npm start` runs), `gongkai demo` and `gongkai migrate`.
 */
import { mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../auth/actor.ts';
import { openStore } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemoRegion } from '../demo/demo-region.ts';
import { closeOnSignals, startServer } from '../server/start.ts';
import { cliConfig, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

/** Registers serve, demo and migrate. */
export function registerServerCommands(program: Command, env: CommandEnv): void {
  withStoreOptions(
    program
      .command('serve')
      .description('run the web server (portal, console, API); an empty store gets the demo region and a one-time admin password')
      .option('--port <n>', 'TCP port (PORT, default 3000; 0 = any free port)')
      .option('--host <h>', 'interface to listen on (HOST, default 127.0.0.1)'),
  ).action((flags: StoreFlags & { port?: string; host?: string }) =>
    runCommand(env, async () => {
      const config = cliConfig(env.env, flags);
      const print = (line: string): void => env.stdout(`${line}\n`);
      const server = await startServer(config, env.clock, { print });
      print('按 Ctrl+C 停止。');
      await closeOnSignals(server, print);
      return 0;
    }),
  );

  withStoreOptions(program.command('demo').description('load the demo region (吴忠市 and its counties, synthetic items) into the store without serving; skipped when present')).action(
    (flags: StoreFlags) =>
      runCommand(env, () =>
        withStore(env, flags, async (ctx) => {
          const summary = await loadDemoRegion(ctx, systemActor('demo'));
          env.stdout(summary ? `demo region loaded: ${summary.organizations} organizations, ${summary.items} items, ${summary.requests} requests, ${summary.users} users${summary.year.loaded ? `; synthetic year ${summary.year.year}: ${summary.year.items.total} items, ${summary.year.requests.total} requests, ${summary.year.reviews.total} reviews, ${summary.annualReports.reports} annual reports (${summary.annualReports.published} published)` : ''}${summary.year2017.loaded ? `; synthetic 2017: ${summary.year2017.items} items, ${summary.year2017.requests} requests, ${summary.year2017.reviews} reviews, 2014-format report published` : ''}\n` : 'demo region already present (吴忠市人民政府 640300000); nothing loaded\n');
          return 0;
        }),
      ),
  );

  withStoreOptions(program.command('migrate').description('bring the store schema to the latest migration')).action((flags: StoreFlags) =>
    runCommand(env, async () => {
      const config = cliConfig(env.env, flags);
      mkdirSync(config.dataDir, { recursive: true });
      const store = openStore(config.databaseUrl);
      try {
        const applied = await migrateToLatest(store.db);
        env.stdout(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : `already at the latest migration (${store.location})\n`);
      } finally {
        await store.close();
      }
      return 0;
    }),
  );
}
