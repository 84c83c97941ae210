/**
 * `gongkai backup`, `gongkai restore` (SQLite only) and `gongkai reindex`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { backupStore, restoreStore } from '../db/backup.ts';
import { rebuildSearchIndex } from '../search/search-index.ts';
import { GongkaiError } from '../shared/errors.ts';
import { cliConfig, runCommand, withStore, withStoreOptions } from './cli-context.ts';
import type { CommandEnv, StoreFlags } from './cli-context.ts';

/** Registers backup, restore and reindex. */
export function registerStoreCommands(program: Command, env: CommandEnv): void {
  withStoreOptions(
    program
      .command('backup')
      .description('write a consistent copy of the SQLite store (online: the server may keep running); PostgreSQL: use pg_dump')
      .requiredOption('--out <file>', 'the backup file to write'),
  ).action((flags: StoreFlags & { out: string }) =>
    runCommand(env, () =>
      withStore(env, flags, async (ctx) => {
        const result = await backupStore(ctx.store, resolve(flags.out));
        env.stdout(`backup written: ${result.file} (${result.bytes} bytes)\n`);
        if (!ctx.config.personalDataKey) env.stdout(`keep ${resolve(ctx.config.dataDir, 'personal-data.key')} with it: requesters' ID numbers and contact details are encrypted with that key\n`);
        return 0;
      }),
    ),
  );

  withStoreOptions(
    program
      .command('restore')
      .description('replace the SQLite store with a backup (stop the server first); refuses a store holding data without --force')
      .argument('<file>', 'a backup written by `gongkai backup`')
      .option('--force', 'replace a store that holds data'),
  ).action((file: string, flags: StoreFlags & { force?: boolean }) =>
    runCommand(env, async () => {
      const config = cliConfig(env.env, flags);
      if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
        throw new GongkaiError('BACKUP_FAILED', 'this store is PostgreSQL: restore it with pg_restore (e.g. `pg_restore --clean -d "$DATABASE_URL" gongkai.dump`)');
      }
      mkdirSync(dirname(config.databaseUrl), { recursive: true });
      const migrations = await restoreStore(resolve(file), config.databaseUrl, { force: flags.force === true });
      env.stdout(`restored ${file} to ${config.databaseUrl} (migrations: ${migrations.join(', ')})\n`);
      return 0;
    }),
  );

  withStoreOptions(program.command('reindex').description('rebuild the search table from the published items (after a dictionary change)')).action((flags: StoreFlags) =>
    runCommand(env, () =>
      withStore(env, flags, async (ctx) => {
        const bar = env.isTty ? new SingleBar({ format: 'reindexing [{bar}] {value}/{total}', stream: process.stderr }) : null;
        let started = false;
        const count = await rebuildSearchIndex(ctx.store.db, ctx.store.dialect, ({ done, total }) => {
          if (bar && !started) {
            bar.start(total, 0);
            started = true;
          }
          bar?.update(done);
        });
        bar?.stop();
        env.stdout(`search index rebuilt: ${count} published items\n`);
        return 0;
      }),
    ),
  );
}
