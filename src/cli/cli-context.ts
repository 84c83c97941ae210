/**
 * What the records-system commands share: configuration from the environment with flags taking
 * precedence, opening the configured store (migrated), the system actor they act as, and printing
 * typed errors. Commands report through {@link CommandEnv.setStatus} rather than exiting, so tests
 * run them in-process with `main(argv, io)`.
 */
import type { Command } from 'commander';
import { systemActor } from '../auth/actor.ts';
import type { Actor } from '../auth/actor.ts';
import { openConfiguredStore } from '../server/start.ts';
import type { Clock } from '../shared/clock.ts';
import { loadConfig } from '../shared/config.ts';
import type { Config } from '../shared/config.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';

/** Output and environment of a command run. */
export interface CommandEnv {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  isTty: boolean;
  /** The environment variables configuration is read from. */
  env: Record<string, string | undefined>;
  clock: Clock;
  /** Sets the process exit status of this run. */
  setStatus: (status: number) => void;
}

/** Flags every store command accepts (they override DATABASE_URL and GONGKAI_DATA_DIR). */
export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

/** The actor of CLI commands: the system, audited as `system:cli`. */
export const CLI_ACTOR: Actor = systemActor('cli');

/** Adds `--data-dir` and `--database-url` to a command. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data directory of the SQLite store and attachments (GONGKAI_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'postgres:// URL of a PostgreSQL store (DATABASE_URL); default the SQLite file in the data directory');
}

/**
 * The configuration: environment, then flags.
 * @throws GongkaiError `CONFIG_INVALID`
 */
export function cliConfig(env: CommandEnv['env'], flags: StoreFlags & { port?: string; host?: string }): Readonly<Config> {
  return loadConfig(env, {
    ...(flags.dataDir !== undefined ? { GONGKAI_DATA_DIR: flags.dataDir } : {}),
    ...(flags.databaseUrl !== undefined ? { DATABASE_URL: flags.databaseUrl } : {}),
    ...(flags.port !== undefined ? { PORT: flags.port } : {}),
    ...(flags.host !== undefined ? { HOST: flags.host } : {}),
  });
}

/**
 * Opens the configured store (creating the data directory, migrating), runs `work`, closes the store.
 * @throws whatever `work` throws, after closing
 */
export async function withStore<T>(env: CommandEnv, flags: StoreFlags, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const config = cliConfig(env.env, flags);
  const store = await openConfiguredStore(config);
  try {
    return await work({ store, clock: env.clock, config });
  } finally {
    await store.close();
  }
}

/** Prints an error as `error [CODE]: message` (with each field issue on its own line); returns exit status 2. */
export function printError(env: CommandEnv, error: unknown): number {
  if (isGongkaiError(error)) {
    env.stderr(`error [${error.code}]: ${error.message}\n`);
    for (const issue of error.issues) env.stderr(`  ${issue.row !== undefined ? `row ${issue.row}, ` : ''}${issue.field}: ${issue.message}\n`);
  } else {
    env.stderr(`error [INTERNAL]: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return 2;
}

/** Runs a command body, turning a thrown error into its message and exit status 2. */
export async function runCommand(env: CommandEnv, body: () => Promise<number>): Promise<void> {
  try {
    env.setStatus(await body());
  } catch (error) {
    env.setStatus(printError(env, error));
  }
}
