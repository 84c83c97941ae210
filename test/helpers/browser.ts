/**
 * Browser tests in Debian's Chromium through playwright-core (no downloaded browsers). Without
 * /usr/bin/chromium the tests are skipped with a reason, unless GONGKAI_REQUIRE_BROWSER=1 (CI), in
 * which case they fail. `startTestServer` serves a fresh store of the given dialect on a free port.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../../src/db/dialect.ts';
import { buildApp } from '../../src/http/app.ts';
import type { GongkaiApp } from '../../src/http/context.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { loadConfig } from '../../src/shared/config.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { parseAnswerNumber } from '../../src/requests/human-check.ts';
import type { TestStores } from './stores.ts';

/** Where Debian puts Chromium. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A reason to skip browser tests, or undefined when they can run. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (process.env['GONGKAI_REQUIRE_BROWSER'] === '1') throw new Error(`GONGKAI_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing`);
  return `${CHROMIUM_PATH} not installed (apt-get install chromium)`;
}

/** Launches headless Chromium with a throwaway profile and no network beyond localhost. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A running server on a fresh store. */
export interface TestServer {
  baseUrl: string;
  app: GongkaiApp;
  store: Store;
  ctx: ServiceContext;
  close(): Promise<void>;
}

/** Starts the real app on 127.0.0.1 and a free port, with a fresh store from `stores` and attachments in a temp dir. */
export async function startTestServer(stores: TestStores, clock: Clock): Promise<TestServer> {
  const store = await stores.open();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
  const config = loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const ctx: ServiceContext = { store, clock, config };
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    store,
    ctx,
    async close() {
      await app.close();
      await stores.close(store);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Logs in through the console's login form as a person does: visiting `/console` anonymously must
 * send the page to `/login?next=…`; fills 用户名 and 密码, clicks 登录 and waits for `/console`.
 * @throws AssertionError when the console is not behind the login; a playwright TimeoutError when
 *   the login does not land on `/console` (wrong password, pending password change)
 */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  assert.match(page.url(), /\/login\?next=/, 'an anonymous visitor to the console is sent to the login page');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}/console`);
}

/** Logs out with the layout's 退出 button and waits for the portal home page. */
export async function logOut(page: Page, baseUrl: string): Promise<void> {
  await page.getByRole('button', { name: /^退出/ }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/**
 * The answer to a human-check question like `七加5等于几？` (src/requests/human-check.ts), worked
 * out as a person would, for the public forms' browser tests.
 * @throws Error when the question is not of that form
 */
export function solveHumanCheck(question: string): string {
  const match = /^(.+?)([加减])(.+?)等于几？$/.exec(question.trim());
  const a = parseAnswerNumber(match?.[1] ?? '');
  const b = parseAnswerNumber(match?.[3] ?? '');
  if (!match || a === null || b === null) throw new Error(`cannot read the question ${question}`);
  return String(match[2] === '加' ? a + b : a - b);
}
