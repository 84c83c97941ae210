/**
 * Requests benchmark (issue 4, "Performance"): `npm run bench:requests`. Prints a table of figures
 * (progress on stderr). Not a test.
 * (a) Deadline computation per case with a warm calendar: `replayCase` (what every read of a stored
 *     case does) on a log with the receipt only, and on one with 补正 + third-party consultation +
 *     extension (goal ≤ 50 µs per case); for comparison `foldCase` (every event re-checked, as when a
 *     new event is appended) and the cost of building the explanation text.
 * (b) The staff queue of one organization with 10,000 open cases: `listQueue` p50/p95 over 200
 *     calls, and the console page `/console/requests?organizationId=…` (in-process `inject`, logged in
 *     as an editor of the region) over 200 calls (goal p95 ≤ 100 ms).
 * (c) Tables 三 and 四 (`requestStatistics`) for a region of 1,000 organizations and 100,000 cases
 *     (goal ≤ 1 s on SQLite), and for one county's subtree.
 * For (b)/(c) the bench-only loader of bench/request-cases.ts inserts cases straight into `request_case` with Kysely, in batches
 * in one transaction, into a temporary SQLite file (received 2024-07 … 2026-01); each row's projection columns (status, outcome,
 * deadlines, extension, fee) come from `foldCase` on a synthetic log, so they are what the service
 * would have written. The logs themselves are not stored (nothing measured reads them).
 * Options: --cases N (100000), --orgs N (1000), --heavy N (10000 open cases of one organization),
 * --runs N (200), --stats-runs N (20), --dir D.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor } from '../src/auth/actor.ts';
import { loadCalendar } from '../src/calendar/calendar.service.ts';
import type { WorkingDayCalendar } from '../src/calendar/working-days.ts';
import { openStore } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/http/app.ts';
import { createOrganization } from '../src/organizations/organization.service.ts';
import { foldCase, replayCase } from '../src/requests/case-clock.ts';
import type { LoggedEvent } from '../src/requests/request-event.ts';
import { requestStatistics } from '../src/requests/request-statistics.service.ts';
import { listQueue } from '../src/requests/request.service.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { loadConfig } from '../src/shared/config.ts';
import type { ServiceContext } from '../src/shared/service-context.ts';
import { createTestUser, loginCookie } from '../test/helpers/factories.ts';
import { option, timed } from './bench-options.ts';
import { logged, SyntheticCases } from './request-cases.ts';
import type { BenchOrg } from './request-cases.ts';

const CASES = option('cases', 100_000);
const ORGS = Math.max(option('orgs', 1000), 3);
const HEAVY = Math.min(option('heavy', 10_000), CASES);
const RUNS = option('runs', 200);
const STATS_RUNS = option('stats-runs', 20);
const dirIndex = process.argv.indexOf('--dir');
const DIR = dirIndex >= 0 ? (process.argv[dirIndex + 1] ?? '/tmp/gongkai-bench-requests') : `/tmp/gongkai-bench-requests-${process.pid}`;
const YEAR = 2025;
/** "Today" for the queue: mid-January of the year after, so cases of December are still open. */
const clock = new FixedClock('2026-01-15T02:00:00Z');
const rows: [string, string, string][] = [];
const log = (line: string): void => console.error(line);

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
/** The goal with whether the figure meets it. */
const goal = (text: string, met: boolean): string => `${text} ${met ? '(met)' : '(NOT met)'}`;

// ---- (a) foldCase ----

const SIMPLE_LOG = logged([{ kind: 'received', on: '2025-03-03', channel: 'online' }]);
const RICH_LOG = logged([
  { kind: 'received', on: '2025-03-03', channel: 'registered-post' },
  { kind: 'clarification-requested', on: '2025-03-05', items: '请明确所需信息的文号', dueOn: '2025-03-19' },
  { kind: 'clarification-received', on: '2025-03-12' },
  { kind: 'consultation-sent', on: '2025-03-14', party: 'third-party', partyName: '某公司' },
  { kind: 'consultation-answered', on: '2025-03-25', consultation: 4, opinion: 'consent' },
  { kind: 'extension-approved', on: '2025-04-01', workingDays: 20, reason: '工作量大', approvedBy: '负责人', noticeOn: '2025-04-01' },
]);

type Fold = (calendar: WorkingDayCalendar, events: readonly LoggedEvent[]) => unknown;

function foldTiming(calendar: WorkingDayCalendar, events: readonly LoggedEvent[], n: number, fold: Fold = replayCase): number {
  for (let i = 0; i < 2000; i += 1) fold(calendar, events);
  const start = performance.now();
  for (let i = 0; i < n; i += 1) fold(calendar, events);
  return ((performance.now() - start) * 1000) / n;
}

/** The region: a city, 9 counties, and departments under them up to `ORGS` organizations. */
async function buildRegion(ctx: ServiceContext): Promise<{ root: BenchOrg; county: BenchOrg; heavy: BenchOrg; all: BenchOrg[] }> {
  const actor = systemActor('bench');
  const root = await createOrganization(ctx, actor, { parentId: null, name: '基准市人民政府', kind: 'government', level: 'city', divisionCode: '649900', organizationCode: '649900000' });
  const all: BenchOrg[] = [{ id: root.id, path: root.path }];
  const counties: BenchOrg[] = [];
  for (let c = 1; c <= 9 && all.length < ORGS; c += 1) {
    const org = await createOrganization(ctx, actor, { parentId: root.id, name: `基准${c}县人民政府`, kind: 'government', level: 'county', divisionCode: `6499${String(c).padStart(2, '0')}`, organizationCode: `6499${String(c).padStart(2, '0')}000`, competentDepartmentId: root.id });
    counties.push({ id: org.id, path: org.path });
    all.push({ id: org.id, path: org.path });
  }
  for (let d = 0; all.length < ORGS; d += 1) {
    const county = counties[d % counties.length] ?? counties[0];
    if (!county) throw new Error('no county');
    const org = await createOrganization(ctx, actor, { parentId: county.id, name: `基准部门${d + 1}`, kind: 'department', level: 'county', organizationCode: `65${String(d + 1).padStart(7, '0')}`, competentDepartmentId: county.id });
    all.push({ id: org.id, path: org.path });
  }
  const county = counties[0];
  const heavy = all[all.length - 1];
  if (!county || !heavy) throw new Error('region too small');
  return { root: { id: root.id, path: root.path }, county, heavy, all };
}

async function main(): Promise<void> {
  const benchStart = performance.now();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const store = openStore(join(DIR, 'requests.sqlite'));
  await migrateToLatest(store.db);
  const ctx: ServiceContext = { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: DIR, LOG_LEVEL: 'silent' }) };
  const calendar = await loadCalendar(ctx);

  log('(a) foldCase …');
  const simpleUs = foldTiming(calendar, SIMPLE_LOG, 50_000);
  const richUs = foldTiming(calendar, RICH_LOG, 50_000);
  const checkedUs = foldTiming(calendar, RICH_LOG, 20_000, foldCase);
  const explainedUs = foldTiming(calendar, RICH_LOG, 20_000, (c, e) => replayCase(c, e).explanation);
  rows.push(['(a) deadline of a stored log (replayCase), receipt only', `${simpleUs.toFixed(1)} µs/case`, goal('≤ 50 µs', simpleUs <= 50)]);
  rows.push(['(a) deadline of a stored log (replayCase), 补正 + consultation + extension', `${richUs.toFixed(1)} µs/case`, goal('≤ 50 µs', richUs <= 50)]);
  rows.push(['(a) same, every event re-checked (foldCase)', `${checkedUs.toFixed(1)} µs/case`, '']);
  rows.push(['(a) same, with the explanation text built', `${explainedUs.toFixed(1)} µs/case`, '']);

  log(`building ${ORGS} organizations …`);
  const region = await buildRegion(ctx);
  log(`loading ${CASES} cases (${HEAVY} open in one organization) …`);
  const load = await new SyntheticCases().load(store, calendar, { count: CASES, orgs: region.all, heavy: region.heavy, heavyCount: HEAVY, onProgress: log });
  rows.push([`load ${CASES} cases (foldCase + batched inserts)`, `${(load.ms / 1000).toFixed(1)} s (fold ${(load.foldMs / 1000).toFixed(1)} s)`, '']);

  log('(b) queue …');
  const actor = systemActor('bench');
  const queue = await timed(RUNS, () => listQueue(ctx, actor, { organizationId: region.heavy.id, filter: 'open' }));
  const first = await listQueue(ctx, actor, { organizationId: region.heavy.id, filter: 'open' });
  rows.push([`(b) listQueue, ${first.total} open cases, p50 / p95 (${RUNS} calls)`, `${ms(queue.p50)} / ${ms(queue.p95)}`, goal('p95 ≤ 100 ms', queue.p95 <= 100)]);
  const overdue = await timed(RUNS, () => listQueue(ctx, actor, { organizationId: region.heavy.id, filter: 'overdue' }));
  rows.push([`(b) listQueue, overdue tab, p50 / p95`, `${ms(overdue.p50)} / ${ms(overdue.p95)}`, goal('p95 ≤ 100 ms', overdue.p95 <= 100)]);

  const app = await buildApp(ctx, { logger: false });
  try {
    if (app.hasRoute({ method: 'GET', url: '/console/requests' })) {
      const { user, password } = await createTestUser(store, clock, { role: 'editor', organizationId: region.root.id, username: 'bench-editor' });
      const session = await loginCookie(app, user.username, password);
      const url = `/console/requests?organizationId=${region.heavy.id}`;
      const check = await app.inject({ url, headers: { cookie: session.cookie } });
      if (check.statusCode !== 200) throw new Error(`console page: ${check.statusCode} ${check.body.slice(0, 200)}`);
      const page = await timed(RUNS, () => app.inject({ url, headers: { cookie: session.cookie } }));
      rows.push([`(b) GET ${url.replace(/\d+$/, '…')}, p50 / p95 (${RUNS} calls, inject)`, `${ms(page.p50)} / ${ms(page.p95)}`, goal('p95 ≤ 100 ms', page.p95 <= 100)]);
    } else {
      rows.push(['(b) console page', 'skipped: /console/requests not registered', '']);
    }
  } finally {
    await app.close();
  }

  log('(c) statistics …');
  const regionStats = await timed(STATS_RUNS, () => requestStatistics(ctx, actor, { organizationId: region.root.id, year: YEAR, variant: '2021' }));
  const result = await requestStatistics(ctx, actor, { organizationId: region.root.id, year: YEAR, variant: '2021' });
  const total = (result.requests.table3['t3/new/total'] ?? 0) + (result.requests.table3['t3/carried-in/total'] ?? 0);
  rows.push([`(c) tables 三+四, ${ORGS} organizations / ${CASES} cases (${total} in ${YEAR}), p50 / p95 / max (${STATS_RUNS} runs)`, `${ms(regionStats.p50)} / ${ms(regionStats.p95)} / ${ms(regionStats.max)}`, goal('≤ 1 s', regionStats.max <= 1000)]);
  const countyStats = await timed(STATS_RUNS, () => requestStatistics(ctx, actor, { organizationId: region.county.id, year: YEAR, variant: '2021' }));
  rows.push([`(c) tables 三+四, one county's subtree, p50 / p95`, `${ms(countyStats.p50)} / ${ms(countyStats.p95)}`, goal('≤ 1 s', countyStats.p95 <= 1000)]);

  await store.close();
  rmSync(DIR, { recursive: true, force: true });
  rows.push(['whole bench', `${((performance.now() - benchStart) / 1000).toFixed(0)} s`, '≤ ~3 min']);

  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\nrequests benchmark (SQLite file, Node ${process.version})\n`);
  for (const [what, figure, goal] of rows) console.log(`${what.padEnd(width)}  ${figure.padEnd(width2)}  ${goal}`);
}

await main();
