/**
 * Issue 5 acceptance: every organization's annual report of a synthetic region of 22 organizations
 * (test/helpers/synthetic-region.ts: a full year 2025 of catalog items, requests through the
 * services and review records), and the roll-ups of the city and of a county, are computed from the
 * records with zero checker errors, and their tables equal totals counted here by plain SQL over the
 * rows (not by the code under test). Runs on SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../src/auth/actor.ts';
import type { Store } from '../../src/db/dialect.ts';
import { upsertEntry } from '../../src/annual-reports/report-figures.repository.ts';
import { computeAnnualReport, computeRegionReports } from '../../src/annual-reports/report-compute.service.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { testContext } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';
import { createSyntheticRegion, insertSyntheticCatalog, recordSyntheticYear } from '../helpers/synthetic-region.ts';
import type { SyntheticRegion } from '../helpers/synthetic-region.ts';

const FROM = '2025-01-01';
const TO = '2025-12-31';
const TYPES = ['natural', 'business', 'research', 'public-interest', 'legal-service', 'other'] as const;

/** Table 三 (2021), 二 (一) and 四 of a set of organizations, counted by plain SQL. */
async function sqlCounts(store: Store, ids: readonly number[]): Promise<Record<string, number>> {
  const db = store.db;
  const out: Record<string, number> = {};
  const add = (cell: string, n: number | string): void => {
    out[cell] = (out[cell] ?? 0) + Number(n);
  };
  const inIds = sql.join(ids.map((id) => sql`${id}`));
  const rows = async <T>(query: ReturnType<typeof sql<T>>): Promise<T[]> => (await query.execute(db)).rows;

  for (const r of await rows<{ requester_type: string; n: number }>(sql`select requester_type, count(*) as n from request_case where organization_id in (${inIds}) and received_on between ${FROM} and ${TO} group by requester_type`)) {
    add(`t3/new/${r.requester_type}`, r.n);
    add('t3/new/total', r.n);
  }
  for (const r of await rows<{ requester_type: string; n: number }>(sql`select requester_type, count(*) as n from request_case where organization_id in (${inIds}) and received_on < ${FROM} and (outcome_on is null or outcome_on >= ${FROM}) group by requester_type`)) {
    add(`t3/carried-in/${r.requester_type}`, r.n);
    add('t3/carried-in/total', r.n);
  }
  for (const r of await rows<{ outcome: string; requester_type: string; n: number }>(sql`select outcome, requester_type, count(*) as n from request_case where organization_id in (${inIds}) and outcome_on between ${FROM} and ${TO} group by outcome, requester_type`)) {
    for (const row of [r.outcome, 'total']) {
      add(`t3/${row}/${r.requester_type}`, r.n);
      add(`t3/${row}/total`, r.n);
    }
  }
  for (const r of await rows<{ requester_type: string; n: number }>(sql`select requester_type, count(*) as n from request_case where organization_id in (${inIds}) and received_on <= ${TO} and (outcome_on is null or outcome_on > ${TO}) group by requester_type`)) {
    add(`t3/carried-over/${r.requester_type}`, r.n);
    add('t3/carried-over/total', r.n);
  }
  const genreRow = sql`case genre when 'rule' then 'regulations' else 'normative-documents' end`;
  const docs = sql`from catalog_item where organization_id in (${inIds}) and genre in ('rule', 'normative_document')`;
  for (const r of await rows<{ row: string; n: number }>(sql`select ${genreRow} as row, count(distinct document_number) as n ${docs} and status in ('published', 'superseded') and creation_date between ${FROM} and ${TO} group by 1`)) add(`t2-1/${r.row}/issued`, r.n);
  for (const r of await rows<{ row: string; n: number }>(sql`select ${genreRow} as row, count(distinct document_number) as n ${docs} and status in ('published', 'superseded') and validity = 'repealed' and expiry_date between ${FROM} and ${TO} group by 1`)) add(`t2-1/${r.row}/repealed`, r.n);
  for (const r of await rows<{ row: string; n: number }>(
    sql`select ${genreRow} as row, count(distinct document_number) as n ${docs} and status = 'published' and creation_date <= ${TO} and publication_date <= ${TO} and not (validity in ('repealed', 'expired') and coalesce(expiry_date, '9999-12-31') <= ${TO}) group by 1`,
  ))
    {add(`t2-1/${r.row}/in-force`, r.n);}
  for (const r of await rows<{ path: string; outcome: string; n: number }>(
    sql`select path, case when decided_on is null or decided_on > ${TO} then 'pending' else outcome end as outcome, count(distinct coalesce(case_number, cast(id as text))) as n
        from review_case where organization_id in (${inIds}) and defendant_role = 'original-agency' and coalesce(suit_filed_on, filed_on) between ${FROM} and ${TO} group by 1, 2`,
  )) {
    add(`t4/cases/${r.path}-${r.outcome}`, r.n);
    add(`t4/cases/${r.path}-total`, r.n);
  }
  return out;
}

/** The computed cells that are non-zero or that SQL counted, for comparison (zeros elsewhere on both sides). */
function nonZero(cells: Readonly<Record<string, number>>, prefixes: readonly string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(cells).filter(([id, v]) => v !== 0 && prefixes.some((p) => id.startsWith(p))));
}

describeEachDialect('annual reports of a synthetic region (issue 5 acceptance)', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SyntheticRegion;
  const actor = systemActor('acceptance');

  before(async () => {
    store = await t.open();
    const clock = new FixedClock('2024-11-20T02:00:00Z');
    ctx = testContext(store, clock);
    region = await createSyntheticRegion(ctx);
    await insertSyntheticCatalog(store, region);
    await recordSyntheticYear(ctx, clock, region);
    // Hand-entered decision counts and fees (万元) of two organizations.
    const by = { source: 'manual', note: null, enteredBy: null, enteredAt: '2026-01-10T02:00:00.000Z' };
    await upsertEntry(store.db, region.root.id, 2025, 't2-5/licensing/decisions', 1520, by);
    await upsertEntry(store.db, region.root.id, 2025, 't2-8/fees/amount', 12.5, by);
    await upsertEntry(store.db, region.office.id, 2025, 't2-5/licensing/decisions', 80, by);
    await upsertEntry(store.db, region.office.id, 2025, 't2-6/penalties/decisions', 7, by);
  });
  after(() => t.close(store));

  void it('the region has at least 20 organizations and a full year of records', async () => {
    assert.ok(region.organizations.length >= 20);
    const counted = await sql<{ items: number; cases: number; reviews: number }>`select
      (select count(*) from catalog_item) as items, (select count(*) from request_case) as cases, (select count(*) from review_case) as reviews`.execute(store.db);
    const row = counted.rows[0];
    assert.ok(row && Number(row.items) > 500 && Number(row.cases) > 100 && Number(row.reviews) >= 8, JSON.stringify(row));
  });

  void it('every organization\'s own report equals the SQL counts and has no checker error', async () => {
    for (const org of region.organizations) {
      const computed = await computeAnnualReport(ctx, actor, { organizationId: org.id, year: 2025, scope: 'own' });
      assert.deepEqual(nonZero(computed.cells.values, ['t2-1/', 't3/', 't4/']), await sqlCounts(store, [org.id]), org.name);
      assert.deepEqual(computed.findings.filter((f) => f.severity === 'error'), [], org.name);
    }
  });

  void it('the city\'s roll-up of all 22 organizations equals the SQL counts, counts the joint document and the shared review once, and sums the entries', async () => {
    const computed = await computeAnnualReport(ctx, actor, { organizationId: region.root.id, year: 2025, scope: 'rollup' });
    assert.equal(computed.members.length, 22);
    const ids = region.organizations.map((o) => o.id);
    assert.deepEqual(nonZero(computed.cells.values, ['t2-1/', 't3/', 't4/']), await sqlCounts(store, ids));
    assert.equal(computed.cells.values['t2-5/licensing/decisions'], 1600);
    assert.equal(computed.cells.values['t2-6/penalties/decisions'], 7);
    assert.equal(computed.cells.values['t2-8/fees/amount'], 12.5);
    assert.equal(computed.cells.sources['t2-6/coercive-measures/decisions'], 'not-entered');
    assert.equal(computed.cells.duplicateReviews, 1);
    assert.deepEqual(computed.findings.filter((f) => f.severity === 'error'), []);
    // The joint document is in both organizations' catalogs but counts once.
    const joint = await sql<{ n: number }>`select count(*) as n from catalog_item where document_number = ${'吴政联发〔2025〕1号'}`.execute(store.db);
    assert.equal(Number(joint.rows[0]?.n), 2);
    const own = (id: number): Promise<number> => computeAnnualReport(ctx, actor, { organizationId: id, year: 2025, scope: 'own' }).then((c) => c.cells.values['t2-1/normative-documents/issued'] ?? NaN);
    const sumOwn = (await Promise.all(ids.map(own))).reduce((a, b) => a + b, 0);
    assert.equal(computed.cells.values['t2-1/normative-documents/issued'], sumOwn - 1);
  });

  void it('a county\'s roll-up covers the county and its four departments', async () => {
    const county = region.organizations.find((o) => o.name === '利通区人民政府');
    assert.ok(county);
    const computed = await computeAnnualReport(ctx, actor, { organizationId: county.id, year: 2025 });
    assert.equal(computed.scope, 'rollup');
    const ids = region.organizations.filter((o) => o.path.startsWith(county.path)).map((o) => o.id);
    assert.equal(ids.length, 5);
    assert.deepEqual(computed.members.map((m) => m.id), [...ids].sort((a, b) => a - b));
    assert.deepEqual(nonZero(computed.cells.values, ['t2-1/', 't3/', 't4/']), await sqlCounts(store, ids));
    assert.deepEqual(computed.findings.filter((f) => f.severity === 'error'), []);
  });

  void it('the region computation gives the same reports as one-by-one computation', async () => {
    const all = await computeRegionReports(ctx, actor, region.root.id, 2025);
    assert.equal(all.length, 22 + 4); // every own report, and the roll-ups of the city and three counties
    for (const r of all) {
      const one = await computeAnnualReport(ctx, actor, { organizationId: r.organizationId, year: 2025, scope: r.scope });
      assert.deepEqual(Object.fromEntries(r.report.cells.map((c) => [c.id, c.value])), one.cells.values);
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), []);
    }
  });

  void it('each table 三 column of the roll-up adds up across requester types (V03 by hand)', async () => {
    const computed = await computeAnnualReport(ctx, actor, { organizationId: region.root.id, year: 2025, scope: 'rollup' });
    for (const row of ['new', 'carried-in', 'total', 'carried-over']) {
      const sum = TYPES.reduce((s, type) => s + (computed.cells.values[`t3/${row}/${type}`] ?? 0), 0);
      assert.equal(computed.cells.values[`t3/${row}/total`], sum, row);
    }
  });
});
