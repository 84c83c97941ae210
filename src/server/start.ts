/**
 * Server start-up (`gongkai serve`, `npm start`): open the configured store (creating the data
 * directory for SQLite), bring the schema to the latest migration, seed an empty store (the demo
 * region and a one-time `admin` account, see first-start.ts), build the app and listen. Shutdown on
 * SIGINT/SIGTERM is graceful: stop accepting, finish in-flight requests, close the store.
 * Works on a fresh clone after `npm ci` with no other setup (SQLite under ./data by default).
 */
import { systemActor } from '../auth/actor.ts';
import { sendDueReminders } from '../requests/reminder.service.ts';
import { sendReportReminders } from '../annual-reports/report-reminder.service.ts';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { openStore } from '../db/dialect.ts';
import type { Store } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Clock } from '../shared/clock.ts';
import type { Config } from '../shared/config.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { seedEmptyStore } from './first-start.ts';

/** A running server. */
export interface RunningServer {
  /** The URL it listens on (the real port when 0 was asked for). */
  url: string;
  app: GongkaiApp;
  ctx: ServiceContext;
  /** The admin's one-time password when this start seeded an empty store; null otherwise. */
  adminPassword: string | null;
  /** Stops accepting connections, waits for in-flight requests, closes the store. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  /** False silences the request log (tests). */
  logger?: boolean;
  /** Where start-up lines go (the URL, the admin's one-time password); console.log by default. */
  print?: (line: string) => void;
  /** Seed an empty store with the demo region and the admin account (default true). */
  seed?: boolean;
}

/**
 * Opens the configured store, creating the SQLite data directory (and the attachments directory) when needed.
 * @returns the store, migrated to the latest schema
 * @throws GongkaiError `MIGRATION_FAILED`
 */
export async function openConfiguredStore(config: Readonly<Config>): Promise<Store> {
  mkdirSync(config.attachmentsDir, { recursive: true });
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * Starts the server.
 * @param config the validated configuration (port 0 = any free port)
 * @param clock the clock (the real one in production)
 * @returns the running server; the caller decides when to close it (see {@link closeOnSignals})
 * @throws GongkaiError `MIGRATION_FAILED`; the listen error (e.g. EADDRINUSE) as thrown by Node
 */
export async function startServer(config: Readonly<Config>, clock: Clock, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => console.log(line));
  const store = await openConfiguredStore(config);
  const ctx: ServiceContext = { store, clock, config };
  let app: GongkaiApp | null = null;
  try {
    const seeded = options.seed === false ? null : await seedEmptyStore(ctx);
    app = await buildApp(ctx, options.logger === false ? { logger: false } : {});
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address() as AddressInfo | null;
    const port = address?.port ?? config.port;
    // With port 0 the configured public URL names no real port; print the one the OS chose.
    const url = config.port === 0 ? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}` : config.publicUrl;
    print(`gongkai 已启动: ${url}  (store: ${store.location})`);
    if (seeded) {
      print(`已载入演示数据: ${seeded.summary}`);
      print('管理员账号: admin');
      print(`一次性密码: ${seeded.adminPassword}`);
      print('（此密码只显示这一次，首次登录后须修改。）');
    }
    // Reminder e-mails once an hour when SMTP is configured (in-app reminders need no timer).
    const reminderTimer = config.smtpUrl
      ? setInterval(() => {
          sendDueReminders(ctx, systemActor('reminders')).catch((error: unknown) => app?.log.error({ err: error }, 'reminder e-mails failed'));
          sendReportReminders(ctx, systemActor('reminders')).catch((error: unknown) => app?.log.error({ err: error }, 'report reminder e-mails failed'));
        }, 3_600_000)
      : null;
    reminderTimer?.unref();
    let closing: Promise<void> | null = null;
    const running: RunningServer = {
      url,
      app,
      ctx,
      adminPassword: seeded?.adminPassword ?? null,
      close() {
        closing ??= (async () => {
          if (reminderTimer) clearInterval(reminderTimer);
          try {
            await running.app.close();
          } finally {
            await store.close();
          }
        })();
        return closing;
      },
    };
    return running;
  } catch (error) {
    if (app) await app.close().catch(() => undefined);
    await store.close();
    throw error;
  }
}

/**
 * Resolves when the server has been closed by SIGINT or SIGTERM (graceful: in-flight requests
 * finish; after `graceMs` the process is left to exit anyway). The handlers are removed afterwards.
 */
export function closeOnSignals(server: RunningServer, print: (line: string) => void = (line) => console.log(line), graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      print(`收到 ${signal}，正在停止…`);
      const timer = setTimeout(() => {
        print('停止超时，强制退出');
        resolve();
      }, graceMs);
      timer.unref();
      server
        .close()
        .catch((error: unknown) => print(`停止时出错: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
