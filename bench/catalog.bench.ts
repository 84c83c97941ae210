/**
 * Catalog benchmark (issue 3, "Performance"): `npm run bench:catalog -- --items 1000000`.
 * 1. Builds a synthetic region of N items (bench/catalog-corpus.ts) in a fresh SQLite store under
 *    /tmp through the real import path: validation, preparation, batch inserts and jieba
 *    segmentation into the search table, in one transaction (CSV parsing is left out).
 * 2. Times search (p50/p95 of top-20 ranked results, 50 runs) for a common word, a rare word and two
 *    terms through the search service, next to the raw FTS5 MATCH and a `LIKE '%…%'` scan.
 * 3. Starts the real server (`bin/gongkai.js serve`) on the store and loads item pages with autocannon
 *    (10 connections, 10 s, random published item ids).
 * 4. Prints a table with the database file size.
 * Options: --items N (1000000), --runs N (50), --like-runs N (5), --duration S (10), --dir D, --no-http.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { PUBLIC_ACTOR, systemActor } from '../src/auth/actor.ts';
import { openSegmentPool } from '../src/catalog/catalog-import-segment.ts';
import { checkImportRows, insertImportItems, withImportCache } from '../src/catalog/catalog-import.ts';
import type { RawImportRow } from '../src/catalog/catalog-import.ts';
import { openStore } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createOrganization } from '../src/organizations/organization.service.ts';
import { searchCatalog } from '../src/search/search.service.ts';
import { fts5MatchText } from '../src/search/search-sql.ts';
import { segmentQuery } from '../src/search/segmenter.ts';
import { FixedClock, nowIso, today } from '../src/shared/clock.ts';
import { loadConfig } from '../src/shared/config.ts';
import type { ServiceContext } from '../src/shared/service-context.ts';
import { option, percentile } from './bench-options.ts';
import { CatalogCorpus, RARE_WORD } from './catalog-corpus.ts';
import type { CorpusOrganization } from './catalog-corpus.ts';

const ITEMS = option('items', 1_000_000);
const RUNS = option('runs', 50);
const LIKE_RUNS = option('like-runs', 5);
const DURATION = option('duration', 10);
const dirIndex = process.argv.indexOf('--dir');
const DIR = dirIndex >= 0 ? (process.argv[dirIndex + 1] ?? '/tmp/gongkai-bench') : `/tmp/gongkai-bench-${ITEMS}`;
const HTTP = !process.argv.includes('--no-http');
const clock = new FixedClock('2026-11-30T02:00:00Z');
const rows: [string, string][] = [];
const log = (line: string): void => console.error(line);

/** Times `runs` calls after one untimed warm-up call, whose time is returned as `cold` (first query after the import). */
async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number; cold: number; result: unknown }> {
  const coldStart = performance.now();
  let result: unknown = await work();
  const cold = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), cold, result };
}

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** Creates 吴忠市 and its five counties; returns them for the corpus. */
async function organizations(ctx: ServiceContext): Promise<CorpusOrganization[]> {
  const actor = systemActor('bench');
  const city = await createOrganization(ctx, actor, { parentId: null, name: '吴忠市人民政府', shortName: '吴忠市', kind: 'government', level: 'city', divisionCode: '640300', organizationCode: '640300000' });
  const out: CorpusOrganization[] = [{ id: city.id, name: city.name, shortName: '吴忠市', organizationCode: city.organizationCode }];
  for (const [name, short, division] of [
    ['吴忠市利通区人民政府', '利通区', '640302'],
    ['吴忠市红寺堡区人民政府', '红寺堡区', '640303'],
    ['青铜峡市人民政府', '青铜峡市', '640381'],
    ['盐池县人民政府', '盐池县', '640323'],
    ['同心县人民政府', '同心县', '640324'],
  ] as const) {
    const org = await createOrganization(ctx, actor, { parentId: city.id, name, shortName: short, kind: 'government', level: 'county', divisionCode: division, organizationCode: `${division}000` });
    out.push({ id: org.id, name: org.name, shortName: short, organizationCode: org.organizationCode });
  }
  return out;
}

/** Generates and imports the items in one transaction; returns the import's own time (generation excluded). */
async function importCorpus(ctx: ServiceContext, orgs: readonly CorpusOrganization[]): Promise<number> {
  const corpus = new CatalogCorpus();
  const pool = openSegmentPool();
  const chunk = 20_000;
  let importMs = 0;
  let done = 0;
  const context = { today: today(clock), now: nowIso(clock), createdBy: null, seen: new Map<string, number>() };
  const run = (): Promise<void> =>
    ctx.store.db.transaction().execute(async (trx) => {
      for (let start = 0; start < ITEMS; start += chunk) {
        const count = Math.min(chunk, ITEMS - start);
        const org = orgs[(start / chunk) % orgs.length];
        if (!org) throw new Error('no organization');
        const raw: RawImportRow[] = [];
        for (let i = 0; i < count; i += 1) raw.push({ row: start + i + 1, raw: corpus.next(org) });
        const t0 = performance.now();
        const checked = checkImportRows(raw, org, context);
        if (checked.issues.length > 0) throw new Error(`generated rows failed validation: ${JSON.stringify(checked.issues.slice(0, 3))}`);
        await insertImportItems(trx, ctx.store.dialect, checked.items.map((i) => i.item), pool);
        importMs += performance.now() - t0;
        done += count;
        log(`  imported ${done}/${ITEMS} (${Math.round(done / (importMs / 1000))} items/s)`);
      }
    });
  try {
    await (process.env['BENCH_DEFAULT_CACHE'] ? run() : withImportCache(ctx.store, run));
  } finally {
    await pool.close();
  }
  return importMs;
}

/** Search timings through the service, the raw FTS5 query and a LIKE scan. */
async function searchTimings(ctx: ServiceContext): Promise<void> {
  const queries: [string, string][] = [
    ['common word', '扶贫'],
    ['rare word', RARE_WORD],
    ['two terms', '乡村振兴 补助资金'],
  ];
  for (const [label, q] of queries) {
    const service = await timed(RUNS, () => searchCatalog(ctx, PUBLIC_ACTOR, { q, sort: 'relevance', page: 1, pageSize: 20 }));
    const total = (service.result as { total: number }).total;
    rows.push([`search "${q}" (${label}, ${total} hits), service top 20`, `p50 ${ms(service.p50)} · p95 ${ms(service.p95)} · cold first run ${ms(service.cold)}`]);
    const match = fts5MatchText(segmentQuery(q));
    const fts = await timed(RUNS, () => sql`select rowid from catalog_search where catalog_search match ${match} order by bm25(catalog_search, 10, 5, 10, 1) limit 20`.execute(ctx.store.db));
    rows.push([`  raw FTS5 MATCH top 20 by bm25`, `p50 ${ms(fts.p50)} · p95 ${ms(fts.p95)}`]);
    const terms = q.split(/\s+/);
    // What a search without an index must do to rank or count: read every published item.
    const like = await timed(LIKE_RUNS, () => {
      let query = ctx.store.db.selectFrom('catalog_item').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published');
      for (const term of terms) query = query.where((eb) => eb.or([eb('title', 'like', `%${term}%`), eb('body_text', 'like', `%${term}%`)]));
      return query.execute();
    });
    rows.push([`  LIKE '%…%' full scan, counting matches (${LIKE_RUNS} runs)`, `p50 ${ms(like.p50)} · p95 ${ms(like.p95)}`]);
  }
}

/** Starts `bin/gongkai.js serve` on the store; resolves with its URL and a stop function. */
function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const root = new URL('..', import.meta.url).pathname;
    const proc = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--port', '0', '--data-dir', DIR], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /gongkai 已启动: (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        resolve({
          url,
          stop: () =>
            new Promise((done) => {
              proc.on('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function pageLoad(ids: readonly number[]): Promise<void> {
  const server = await startServer();
  try {
    const pick = (): string => `/items/${ids[Math.floor(Math.random() * ids.length)] ?? 1}`;
    const result = await autocannon({
      url: server.url,
      connections: 10,
      duration: DURATION,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pick() }) }],
    });
    rows.push([`item page GET /items/:id (autocannon, 10 connections, ${DURATION} s)`, `${Math.round(result.requests.average)} req/s · p99 ${result.latency.p99} ms · non-2xx ${result.non2xx}`]);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, 'gongkai.sqlite');
  const store = openStore(file);
  await migrateToLatest(store.db);
  const ctx: ServiceContext = { store, clock, config: loadConfig({ GONGKAI_DATA_DIR: DIR, LOG_LEVEL: 'silent' }) };
  log(`building ${ITEMS} items in ${file} …`);
  const orgs = await organizations(ctx);
  const importMs = await importCorpus(ctx, orgs);
  rows.push([`bulk import of ${ITEMS} items (validation + batch insert + segmentation, one transaction)`, `${Math.round(ITEMS / (importMs / 1000))} items/s (${(importMs / 1000).toFixed(1)} s)`]);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
  await sql`pragma optimize`.execute(store.db);
  log('timing searches …');
  await searchTimings(ctx);
  const sample = await store.db.selectFrom('catalog_item').select('id').where('status', '=', 'published').orderBy(sql`random()`).limit(10_000).execute();
  await store.close();
  rows.push(['database file size', `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB (${ITEMS} items)`]);
  if (HTTP && DURATION > 0) {
    log('loading item pages …');
    await pageLoad(sample.map((r) => r.id));
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\ngongkai catalog benchmark (${ITEMS} items, SQLite, node ${process.version})`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

await main();
