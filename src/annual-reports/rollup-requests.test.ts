import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANNELS, REQUESTER_TYPES } from '../requests/request-case.ts';
import type { Channel, RequesterType } from '../requests/request-case.ts';
import { REQUEST_OUTCOMES } from '../requests/request-outcome.ts';
import { tallyRequestTables } from '../requests/request-statistics.ts';
import type { ClassifiedCases, RequestTableVariant } from '../requests/request-statistics.ts';
import { prng } from '../../test/helpers/prng.ts';
import { addPackedRequestTables, packRequestTables } from './rollup-requests.ts';

function group(over: Partial<ClassifiedCases>): ClassifiedCases {
  return { requesterType: 'natural', channel: 'online', outcome: 'disclosed', answerDetail: null, received: 'in', decided: 'in', conclusion: 'on-time', count: 1, feeYuan: 0, ...over };
}

/** The sum of each member's packed tables, as the roll-up of a region computes it. */
function rollup(members: readonly ClassifiedCases[][], variant: RequestTableVariant) {
  return addPackedRequestTables(
    members.map((groups) => packRequestTables(tallyRequestTables(groups, 2025, variant))),
    2025,
    variant,
  );
}

void describe('addPackedRequestTables', () => {
  // Member 1: 3 new natural-person requests disclosed, 1 business partial with a fee of 3,940 元,
  // 2 carried in and over. Member 2: 1 new request refused as a repeat (no 2014 answer row) with a
  // fee of 100 元, decided late, and 1 with an outcome table 三 does not have.
  const one = [group({ count: 3 }), group({ requesterType: 'business', channel: 'fax', outcome: 'partial', feeYuan: 3940 }), group({ received: 'before', decided: 'after', outcome: null, conclusion: null, count: 2 })];
  const two = [group({ outcome: 'not-processed-repeat', conclusion: 'late', feeYuan: 100 }), group({ outcome: 'no-such-outcome' })];

  void it('adds the members’ tables: the counts, fees and side counts of all their cases', () => {
    const sum = rollup([one, two], '2021');
    assert.equal(sum.table3['t3/new/total'], 6);
    assert.equal(sum.table3['t3/new/natural'], 5);
    assert.equal(sum.table3['t3/carried-in/total'], 2);
    assert.equal(sum.table3['t3/carried-over/total'], 2);
    assert.equal(sum.table3['t3/disclosed/natural'], 3);
    assert.equal(sum.table3['t3/not-processed-repeat/natural'], 1);
    assert.equal(sum.table3['t3/total/total'], 5);
    assert.equal(sum.rows2014['requests-received'], 6);
    assert.equal(sum.rows2014['received-fax'], 1);
    assert.equal(sum.rows2014.concluded, 5);
    assert.equal(sum.rows2014.answered, 4);
    assert.equal(sum.rows2014.fees, 0.404);
    assert.equal(sum.cells2014['stats/fees/value'], 0.404);
    assert.deepEqual(sum.fees, { yuan: 4040, wanYuan: 0.404, statementZh: '本年度共收取政府信息公开信息处理费4040元（0.404万元）。' });
    assert.equal(sum.concludedLate, 1);
    assert.deepEqual(sum.answersNotMapped, { 'not-processed-repeat': 1 });
    assert.deepEqual(sum.unknownOutcomes, { 'no-such-outcome': 1 });
    assert.equal(sum.cases, 8);
  });

  void it('equals the tally of all the members’ groups, keys in the same order, for random members and both variants', () => {
    const random = prng(2025_05);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const outcomes = [...REQUEST_OUTCOMES.map((o) => o.id), 'no-such-outcome', null];
    for (const variant of ['2021', '2019'] as const) {
      for (let round = 0; round < 20; round++) {
        const members: ClassifiedCases[][] = [];
        const size = 1 + Math.floor(random() * 12);
        for (let m = 0; m < size; m++) {
          const groups: ClassifiedCases[] = [];
          for (let g = Math.floor(random() * 15); g > 0; g--) {
            groups.push({
              // Now and then a requester type or channel no table has (bad data must add up the same).
              requesterType: (random() < 0.03 ? 'alien' : pick(REQUESTER_TYPES)) as RequesterType,
              channel: (random() < 0.03 ? 'pigeon' : pick(CHANNELS)) as Channel,
              outcome: pick(outcomes),
              // Details on any outcome, also ones the clock refuses: the sums must agree all the same.
              answerDetail: pick(['already-public', 'other-agency', null] as const),
              received: pick(['before', 'in', 'after'] as const),
              decided: pick(['before', 'in', 'after', 'undecided'] as const),
              conclusion: pick(['on-time', 'extended', 'late', null] as const),
              count: Math.floor(random() * 4),
              feeYuan: random() < 0.2 ? Math.floor(random() * 5000) : 0,
            });
          }
          members.push(groups);
        }
        const expected = tallyRequestTables(members.flat(), 2025, variant);
        // JSON keeps key order, which deepEqual does not compare.
        assert.equal(JSON.stringify(rollup(members, variant)), JSON.stringify(expected), `variant ${variant}, round ${round}`);
      }
    }
  });

  void it('gives the empty tally for no members and refuses tables packed for another variant', () => {
    assert.equal(JSON.stringify(addPackedRequestTables([], 2025, '2019')), JSON.stringify(tallyRequestTables([], 2025, '2019')));
    assert.throws(() => addPackedRequestTables([packRequestTables(tallyRequestTables(one, 2025, '2021'))], 2025, '2019'), /packed for 2021/);
  });
});
