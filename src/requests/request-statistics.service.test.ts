import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { selectRequestStatisticsGroups } from './request-statistics.repository.ts';
import { requestStatistics } from './request-statistics.service.ts';
import { classifyCase, computeRequestTables } from './request-statistics.ts';
import type { RequestStatisticsRow } from './request-statistics.ts';

const SYSTEM = systemActor('test');

/**
 * Boundary cases for year 2025 (received / decided on Jan 1 and Dec 31, decided exactly on each
 * deadline, an extension flag without a later final deadline, no deadline), stored as projection rows.
 */
const EDGE_ROWS: readonly RequestStatisticsRow[] = [
  { requesterType: 'natural', channel: 'online', receivedOn: '2025-01-01', outcome: 'disclosed', answerDetail: null, outcomeOn: '2025-01-21', replyDue: '2025-01-21', finalDue: '2025-01-21', extended: false, feeYuan: 0 },
  { requesterType: 'natural', channel: 'email', receivedOn: '2024-12-31', outcome: 'partial', answerDetail: null, outcomeOn: '2025-01-01', replyDue: '2025-01-29', finalDue: '2025-01-29', extended: false, feeYuan: 150 },
  { requesterType: 'business', channel: 'fax', receivedOn: '2024-12-31', outcome: 'disclosed', answerDetail: null, outcomeOn: '2024-12-31', replyDue: '2025-01-29', finalDue: '2025-01-29', extended: false, feeYuan: 90 },
  { requesterType: 'research', channel: 'in-person', receivedOn: '2025-12-31', outcome: null, answerDetail: null, outcomeOn: null, replyDue: '2026-01-29', finalDue: '2026-01-29', extended: false, feeYuan: 0 },
  { requesterType: 'research', channel: 'registered-post', receivedOn: '2025-11-03', outcome: 'withheld-process', answerDetail: null, outcomeOn: '2025-12-31', replyDue: '2025-12-01', finalDue: '2025-12-31', extended: true, feeYuan: 0 },
  { requesterType: 'public-interest', channel: 'ordinary-post', receivedOn: '2025-11-03', outcome: 'unable-not-held', answerDetail: 'other-agency', outcomeOn: '2026-01-01', replyDue: '2025-12-01', finalDue: '2025-12-31', extended: true, feeYuan: 0 },
  { requesterType: 'legal-service', channel: 'online', receivedOn: '2025-06-02', outcome: 'disclosed', answerDetail: null, outcomeOn: '2025-07-15', replyDue: '2025-06-30', finalDue: '2025-07-28', extended: false, feeYuan: 0 },
  { requesterType: 'other', channel: 'online', receivedOn: '2025-06-02', outcome: 'other-no-clarification', answerDetail: null, outcomeOn: '2025-06-30', replyDue: null, finalDue: null, extended: false, feeYuan: 0 },
  { requesterType: 'other', channel: 'in-person', receivedOn: '2026-01-01', outcome: null, answerDetail: null, outcomeOn: null, replyDue: '2026-01-29', finalDue: '2026-01-29', extended: false, feeYuan: 0 },
  { requesterType: 'natural', channel: 'online', receivedOn: '2025-08-01', outcome: 'other-unpaid-fee', answerDetail: null, outcomeOn: '2025-10-20', replyDue: '2025-11-20', finalDue: '2025-11-20', extended: false, feeYuan: 0 },
  // As row 1 but already public: a group of its own (2014 row 1 instead of 2).
  { requesterType: 'natural', channel: 'online', receivedOn: '2025-02-03', outcome: 'disclosed', answerDetail: 'already-public', outcomeOn: '2025-02-14', replyDue: '2025-03-03', finalDue: '2025-03-03', extended: false, feeYuan: 0 },
  { requesterType: 'business', channel: 'online', receivedOn: '2025-04-01', outcome: 'unable-not-held', answerDetail: 'other-agency', outcomeOn: '2025-04-15', replyDue: '2025-04-29', finalDue: '2025-04-29', extended: false, feeYuan: 0 },
];

let serial = 0;

/** Stores a case with only the columns statistics read set meaningfully (no event log: a projection fixture). */
async function insertRow(store: Store, organizationId: number, r: RequestStatisticsRow): Promise<void> {
  serial += 1;
  await store.db
    .insertInto('request_case')
    .values({
      organization_id: organizationId,
      tracking_code: `TEST-STAT-${String(serial).padStart(4, '0')}`,
      requester_type: r.requesterType,
      requester_name: '统计测试',
      requester_id_kind: null,
      requester_id_number: null,
      requester_key: `key-${serial}`,
      contact_name: null,
      phone: null,
      email: null,
      address: null,
      postcode: null,
      channel: r.channel,
      submitted_on: r.receivedOn,
      received_on: r.receivedOn,
      information_requested: '统计测试',
      purpose: null,
      delivery_form: 'electronic',
      delivery_method: 'email',
      status: r.outcome ? 'closed' : 'processing',
      waiting_on: null,
      outcome: r.outcome,
      outcome_on: r.outcomeOn,
      legal_basis: null,
      answer_detail: r.answerDetail,
      clock_starts_after: r.receivedOn,
      reply_due: r.replyDue,
      final_due: r.finalDue,
      extended: r.extended ? 1 : 0,
      fee_yuan: r.feeYuan,
      closed_on: r.outcomeOn,
      synthetic: 0,
      created_by: null,
      created_at: '2026-02-01T00:00:00.000Z',
      updated_at: '2026-02-01T00:00:00.000Z',
    })
    .execute();
}

describeEachDialect('request statistics service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  let region: SeededRegion;
  const clock = new FixedClock('2026-02-01T02:00:00Z');

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    for (const r of EDGE_ROWS) await insertRow(store, region.litongDepartment.id, r);
    // Outside 利通区's subtree: counted for the city only.
    await insertRow(store, region.yanchi.id, { requesterType: 'natural', channel: 'online', receivedOn: '2025-05-06', outcome: 'disclosed', answerDetail: null, outcomeOn: '2025-05-20', replyDue: '2025-06-03', finalDue: '2025-06-03', extended: false, feeYuan: 0 });
  });
  after(() => t.close(store));

  void it('the SQL groups classify every boundary case as classifyCase does', async () => {
    const groups = await selectRequestStatisticsGroups(store.db, region.litong.path, 2025);
    const key = (g: { requesterType: string; channel: string; outcome: string | null; answerDetail: string | null; received: string; decided: string; conclusion: string | null }): string =>
      [g.requesterType, g.channel, g.outcome, g.answerDetail, g.received, g.decided, g.conclusion].join('|');
    const fromSql = groups.map((g) => `${key(g)}|${g.count}|${g.feeYuan}`).sort();
    const expected = EDGE_ROWS.map((r) => classifyCase(r, 2025))
      .filter((c) => c.received !== 'after' && c.decided !== 'before')
      .map((c) => `${key(c)}|${c.count}|${c.feeYuan}`)
      .sort();
    assert.deepEqual(fromSql, expected);
    assert.equal(groups.length, 10);
  });

  void it('the service equals the pure computation on the subtree, and counts a wider subtree', async () => {
    const litong = await requestStatistics(ctx, SYSTEM, { organizationId: region.litong.id, year: 2025, variant: '2021' });
    assert.deepEqual(litong.requests, computeRequestTables(EDGE_ROWS, 2025, '2021'));
    // Hand count of the edge rows: new = rows 1, 4, 5, 6, 7, 8, 10, 11, 12; carried in = row 2; decided in 2025 = rows 1, 2, 5, 7, 8, 10, 11, 12.
    assert.deepEqual([litong.requests.table3['t3/new/total'], litong.requests.table3['t3/carried-in/total'], litong.requests.table3['t3/total/total'], litong.requests.table3['t3/carried-over/total']], [9, 1, 8, 2]);
    assert.deepEqual([litong.requests.rows2014['concluded-on-time'], litong.requests.rows2014['concluded-extended'], litong.requests.concludedLate], [6, 1, 1]);
    // 2014 answers: 同意公开 = rows 1, 7; 属于已主动公开范围 = row 11; 不属于本行政机关公开 = row 12 (row 6 is decided in 2026).
    const r = litong.requests.rows2014;
    assert.deepEqual([r['answer-already-public'], r['answer-disclosed'], r['answer-not-this-agency'], r['answer-nonexistent']], [1, 2, 1, 0]);
    // Table 三 keeps both in their rows: 予以公开 = rows 1, 7, 11; 本机关不掌握 = row 12.
    assert.deepEqual([litong.requests.table3['t3/disclosed/total'], litong.requests.table3['t3/unable-not-held/total']], [3, 1]);
    assert.equal(litong.requests.fees.yuan, 150);
    const city = await requestStatistics(ctx, SYSTEM, { organizationId: region.city.id, year: 2025 });
    assert.equal(city.variant, '2021');
    assert.equal(city.requests.table3['t3/new/total'], 10);
    assert.equal(city.requests.table3['t3/disclosed/natural'], 3);
  });

  void it('defaults to the 2019 format before 2021 and returns every cell by report id', async () => {
    const s = await requestStatistics(ctx, SYSTEM, { organizationId: region.litong.id, year: 2020 });
    assert.equal(s.variant, '2019');
    assert.equal(s.cells['t3/other/total'], 0);
    assert.equal(s.cells['t4/cases/reconsideration-total'], 0);
    assert.equal(s.cells['stats/fees/value'], 0);
    assert.equal(s.cells['stats/litigation-total/value'], 0);
  });

  void it('checks permissions on the subtree and refuses bad input', async () => {
    const editor = actorForUser((await createTestUser(store, clock, { role: 'editor', organizationId: region.litong.id })).user);
    assert.equal((await requestStatistics(ctx, editor, { organizationId: region.litongDepartment.id, year: 2025 })).requests.table3['t3/new/total'], 9);
    await assert.rejects(requestStatistics(ctx, editor, { organizationId: region.city.id, year: 2025 }), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(requestStatistics(ctx, PUBLIC_ACTOR, { organizationId: region.litong.id, year: 2025 }), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
    await assert.rejects(requestStatistics(ctx, SYSTEM, { organizationId: 999_999, year: 2025 }), (e) => isGongkaiError(e, 'ORGANIZATION_UNKNOWN'));
    await assert.rejects(requestStatistics(ctx, SYSTEM, { organizationId: region.litong.id, year: 1999 }), (e) => isGongkaiError(e, 'VALIDATION_FAILED'));
    await assert.rejects(requestStatistics(ctx, SYSTEM, { organizationId: region.litong.id, year: 2025.5 }), (e) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });
});
