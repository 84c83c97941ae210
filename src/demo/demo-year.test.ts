// The demo region's synthetic year 2025 on both dialects: every organization has 规章 or 行政规范性文件
// and requests in 2025, the city's subtree has reconsiderations and suits, the summary's totals are the
// ones counted by hand from the plan's profiles (demo-year-items.ts, demo-year-requests.ts,
// demo-year-reviews.ts) and equal plain SQL counts over the stored rows, and every record has its
// audit events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import { builtInCalendar } from '../calendar/working-days.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { loadDemoRegion } from './demo-region.ts';
import { demoRandom } from './demo-prng.ts';
import { DEMO_YEAR_SEED, DEMO_YEAR_TAG, loadDemoYear } from './demo-year.ts';
import type { DemoYearSummary } from './demo-year.ts';
import { planDemoYearItems } from './demo-year-items.ts';
import { DEMO_YEAR_END, planDemoYearRequests } from './demo-year-requests.ts';
import { planDemoYearReviews } from './demo-year-reviews.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');
const demo = systemActor('demo');
const TAGGED = `%${DEMO_YEAR_TAG}%`;
const Y0 = '2025-01-01';
const Y1 = '2025-12-31';

/** Rows of `[key, n]` as an object (n may come back as a string from PostgreSQL). */
function counts(rows: readonly { k: string | null; n: number | string | bigint }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.k ?? 'null', Number(r.n)]));
}

describeEachDialect('demo year 2025', (t) => {
  let store: Store;
  let summary: DemoYearSummary;
  before(async () => {
    store = await t.open();
    const loaded = await loadDemoRegion(testContext(store, clock), demo, { synthetic2017: false });
    assert.ok(loaded);
    summary = loaded.year;
  });
  after(() => t.close(store));

  void it('holds the totals counted by hand from the profiles, with 一 + 二 = （七） + 四', () => {
    assert.equal(summary.loaded, true);
    // Items: 12 organizations' `other` + normative + earlier + repealed + expired (+ the city's 2 + 3 + 1 规章).
    assert.equal(summary.items.total, 461);
    assert.equal(summary.items.byYear['2025'], 402);
    assert.equal(summary.items.publishedInYear, 402);
    assert.equal(summary.items.rulesIssued, 2);
    assert.equal(summary.items.normativeIssued, 6 + 4 + 2 + 4 + 3 + 3 + 7 + 4 + 5 + 5 + 4 + 2);
    assert.equal(summary.items.repealed, 1 + 2 + 1 + 0 + 1 + 0 + 1 + 2 + 1 + 1 + 2 + 1 + 0);
    assert.equal(summary.items.expired, 7);
    // Requests: 216 received through the year, 12 late in December, 11 carried in from December 2024.
    assert.equal(summary.requests.total, 239);
    assert.deepEqual(summary.requests.receivedByYear, { '2024': 11, '2025': 228 });
    assert.equal(summary.requests.carriedIn, 11);
    assert.ok(summary.requests.carriedOver >= 12, 'the late-December cases are still open');
    assert.equal(228 + summary.requests.carriedIn, summary.requests.decided + summary.requests.carriedOver);
    assert.equal(Object.values(summary.requests.byOutcome).reduce((a, b) => a + b, 0), summary.requests.decided);
    assert.ok(Object.keys(summary.requests.byOutcome).length >= 15, 'most rows of table 三 are used');
    assert.ok(summary.requests.feesYuan > 0);
    // Reviews: the written list.
    assert.deepEqual(summary.reviews, { total: 16, filedByYear: { '2024': 1, '2025': 15 }, decided: 14, pending: 2 });
  });

  void it('gives every organization 2025 items (20–80, with 规章 or 行政规范性文件) and 2025 requests', async () => {
    const orgs = await store.db.selectFrom('organization').select(['id', 'kind', 'level', 'name']).execute();
    assert.equal(orgs.length, 12);
    const items = await store.db
      .selectFrom('catalog_item')
      .select(['organization_id', 'genre', (eb) => eb.fn.countAll<number>().as('n')])
      .where('body_text', 'like', TAGGED)
      .where('creation_date', '>=', Y0)
      .where('creation_date', '<=', Y1)
      .groupBy(['organization_id', 'genre'])
      .execute();
    const requests = await store.db
      .selectFrom('request_case')
      .select(['organization_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('received_on', '>=', Y0)
      .where('received_on', '<=', Y1)
      .groupBy('organization_id')
      .execute();
    for (const org of orgs) {
      const mine = items.filter((r) => r.organization_id === org.id);
      const total = mine.reduce((sum, r) => sum + Number(r.n), 0);
      assert.ok(total >= 20 && total <= 80, `${org.name}: ${total} items in 2025`);
      assert.ok(mine.some((r) => r.genre === 'normative_document' || r.genre === 'rule'), `${org.name}: no 规章 or 行政规范性文件 in 2025`);
      assert.ok(new Set(mine.map((r) => r.genre)).size >= 5, `${org.name}: several genres`);
      assert.ok(Number(requests.find((r) => r.organization_id === org.id)?.n ?? 0) > 0, `${org.name}: no requests received in 2025`);
    }
    // Only the city government (设区的市) makes 规章.
    const ruleMakers = await store.db.selectFrom('catalog_item').innerJoin('organization', 'organization.id', 'catalog_item.organization_id').select('organization.name').where('genre', '=', 'rule').distinct().execute();
    assert.deepEqual(ruleMakers.map((r) => r.name), ['吴忠市人民政府']);
  });

  void it('has reconsiderations and suits of 2025 in the city subtree, decided and pending, linked to their cases', async () => {
    const city = await store.db.selectFrom('organization').select('path').where('organization_code', '=', '640300000').executeTakeFirstOrThrow();
    const rows = await store.db
      .selectFrom('review_case')
      .innerJoin('organization', 'organization.id', 'review_case.organization_id')
      .select(['review_case.path', 'review_case.outcome', 'review_case.decided_on', 'review_case.request_case_id', 'review_case.defendant_role'])
      .where('organization.path', 'like', `${city.path}%`)
      .where('review_case.filed_on', '>=', Y0)
      .where('review_case.filed_on', '<=', Y1)
      .where('review_case.summary', 'like', TAGGED)
      .execute();
    assert.equal(rows.length, 15);
    assert.deepEqual([...new Set(rows.map((r) => r.path))].sort(), ['direct-suit', 'reconsideration', 'suit-after-reconsideration']);
    assert.equal(rows.filter((r) => r.outcome === 'pending' && r.decided_on === null).length, 2);
    assert.ok(rows.filter((r) => r.decided_on !== null && r.decided_on <= Y1).length >= 12);
    assert.equal(rows.filter((r) => r.defendant_role === 'co-defendant').length, 1);
    assert.ok(rows.filter((r) => r.request_case_id !== null).length >= 10);
  });

  void it('equals plain SQL counts over catalog_item, request_case and review_case', async () => {
    const db = store.db;
    const tagged = db.selectFrom('catalog_item').where('body_text', 'like', TAGGED).where('synthetic', '=', 1).where('status', '=', 'published');
    const byYear = await tagged.select([(eb) => eb.fn<string>('substr', ['creation_date', eb.val(1), eb.val(4)]).as('k'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('k').execute();
    assert.deepEqual(counts(byYear), summary.items.byYear);
    const published = await tagged.select((eb) => eb.fn.countAll<number>().as('n')).where('publication_date', '>=', Y0).where('publication_date', '<=', Y1).executeTakeFirstOrThrow();
    assert.equal(Number(published.n), summary.items.publishedInYear);
    const issued = await tagged.select(['genre as k', (eb) => eb.fn.countAll<number>().as('n')]).where('genre', 'in', ['rule', 'normative_document']).where('creation_date', '>=', Y0).where('creation_date', '<=', Y1).groupBy('genre').execute();
    assert.deepEqual(counts(issued), { rule: summary.items.rulesIssued, normative_document: summary.items.normativeIssued });
    const ended = await tagged.select(['validity as k', (eb) => eb.fn.countAll<number>().as('n')]).where('expiry_date', '>=', Y0).where('expiry_date', '<=', Y1).groupBy('validity').execute();
    assert.deepEqual(counts(ended), { repealed: summary.items.repealed, expired: summary.items.expired });

    const cases = db.selectFrom('request_case').where('information_requested', 'like', TAGGED).where('synthetic', '=', 1);
    const received = await cases.select([(eb) => eb.fn<string>('substr', ['received_on', eb.val(1), eb.val(4)]).as('k'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('k').execute();
    assert.deepEqual(counts(received), summary.requests.receivedByYear);
    const carriedIn = await cases.select((eb) => eb.fn.countAll<number>().as('n')).where('received_on', '<', Y0).where((eb) => eb.or([eb('outcome_on', 'is', null), eb('outcome_on', '>=', Y0)])).executeTakeFirstOrThrow();
    assert.equal(Number(carriedIn.n), summary.requests.carriedIn);
    const carriedOver = await cases.select((eb) => eb.fn.countAll<number>().as('n')).where('received_on', '<=', Y1).where((eb) => eb.or([eb('outcome_on', 'is', null), eb('outcome_on', '>', Y1)])).executeTakeFirstOrThrow();
    assert.equal(Number(carriedOver.n), summary.requests.carriedOver);
    const decided = await cases.select(['outcome as k', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('fee_yuan').as('fee')]).where('outcome_on', '>=', Y0).where('outcome_on', '<=', Y1).groupBy('outcome').execute();
    assert.deepEqual(counts(decided), summary.requests.byOutcome);
    assert.equal(decided.reduce((sum, r) => sum + Number(r.fee), 0), summary.requests.feesYuan);

    const reviews = db.selectFrom('review_case').where('summary', 'like', TAGGED).where('synthetic', '=', 1);
    const filed = await reviews.select([(eb) => eb.fn<string>('substr', ['filed_on', eb.val(1), eb.val(4)]).as('k'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('k').execute();
    assert.deepEqual(counts(filed), summary.reviews.filedByYear);
    const pending = await reviews.select((eb) => eb.fn.countAll<number>().as('n')).where('decided_on', 'is', null).executeTakeFirstOrThrow();
    assert.equal(Number(pending.n), summary.reviews.pending);
  });

  void it('audits every item, case, event and review of the year', async () => {
    const db = store.db;
    const itemIds = (await db.selectFrom('catalog_item').select('id').where('body_text', 'like', TAGGED).execute()).map((r) => r.id);
    const caseIds = (await db.selectFrom('request_case').select('id').where('information_requested', 'like', TAGGED).execute()).map((r) => r.id);
    const reviewIds = (await db.selectFrom('review_case').select('id').where('summary', 'like', TAGGED).execute()).map((r) => r.id);
    const audited = async (entityType: string, ids: number[], action: string): Promise<number> => {
      const row = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', entityType).where('entity_id', 'in', ids.map(String)).where('action', 'like', action).executeTakeFirstOrThrow();
      return Number(row.n);
    };
    assert.equal(await audited('catalog_item', itemIds, 'catalog.item.create'), summary.items.total);
    assert.equal(await audited('request_case', caseIds, 'request.register'), summary.requests.total);
    const events = await db.selectFrom('request_event').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', 'in', caseIds).where('seq', '>', 1).executeTakeFirstOrThrow();
    assert.ok(Number(events.n) > summary.requests.total, 'cases have events beyond their receipt');
    assert.equal((await audited('request_case', caseIds, 'request.%')) - summary.requests.total, Number(events.n));
    assert.equal(await audited('review_case', reviewIds, 'review.create'), summary.reviews.total);
    // The search table is keyed differently per dialect (src/search/): compare totals.
    const search = await db.selectFrom('catalog_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const published = await db.selectFrom('catalog_item').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
    assert.equal(Number(search.n), Number(published.n), 'every published item, those of the year included, is searchable');
  });
});

describeEachDialect('demo year before it is over', (t) => {
  void it('loads nothing while today is still in 2025', async () => {
    const store = await t.open();
    try {
      const ctx = testContext(store, new FixedClock('2025-12-31T02:00:00Z'));
      const summary = await loadDemoYear(ctx, demo, new Map());
      assert.equal(summary.loaded, false);
      assert.equal(summary.items.total + summary.requests.total + summary.reviews.total, 0);
      const items = await store.db.selectFrom('catalog_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(items.n), 0);
    } finally {
      await t.close(store);
    }
  });
});

void describe('demo year plan', () => {
  const plan = () => {
    const calendar = builtInCalendar();
    const cases = planDemoYearRequests(calendar, demoRandom(DEMO_YEAR_SEED + 1));
    return { items: planDemoYearItems(calendar, demoRandom(DEMO_YEAR_SEED)), cases, reviews: planDemoYearReviews(cases) };
  };

  void it('is the same on every run', () => {
    assert.deepEqual(plan(), plan());
  });

  void it('dates nothing after 2025-12-31, so it loads from New Year 2026 on', () => {
    const { items, cases, reviews } = plan();
    const dates = [
      ...items.flatMap((i) => [i.creationDate, i.publicationDate, ...(i.validity === 'in_force' ? [] : [i.expiryDate ?? ''])]),
      ...cases.flatMap((c) => [c.submittedOn, c.receivedOn, ...c.events.map((e) => e.on)]),
      ...reviews.flatMap((r) => [r.filedOn, r.decidedOn ?? '', r.suitFiledOn ?? '']),
    ];
    assert.ok(dates.every((d) => d <= DEMO_YEAR_END), dates.filter((d) => d > DEMO_YEAR_END).join(', '));
    assert.ok(cases.every((c) => c.events.every((e, i) => i === 0 || (c.events[i - 1]?.on ?? '') <= e.on)), 'events in date order');
  });
});
