/**
 * The roll-up comparison's key figures and outlier rules (pure), on figures written out by hand.
 */
import { emptyActivityFigures } from './activity-figures.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClassifiedCases } from '../requests/request-statistics.ts';
import type { OrganizationFigures, ReviewFigure } from './report-figures.ts';
import { compareMembers, hasRecordsInYear, keyFiguresOf, median, medianWithout } from './rollup-comparison.ts';
import type { ComparedMemberInput } from './rollup-comparison.ts';

function group(over: Partial<ClassifiedCases>): ClassifiedCases {
  return { requesterType: 'natural', channel: 'online', outcome: 'disclosed', answerDetail: null, received: 'in', decided: 'in', conclusion: 'on-time', count: 1, feeYuan: 0, ...over };
}

function review(over: Partial<ReviewFigure>): ReviewFigure {
  return { id: 1, organizationId: 1, reviewingBody: '吴忠市人民政府', caseNumber: null, path: 'reconsideration', defendantRole: 'original-agency', filedOn: '2025-04-01', suitFiledOn: null, decidedOn: '2025-06-01', outcome: 'upheld', ...over };
}

function figures(organizationId: number, over: Partial<OrganizationFigures> = {}): OrganizationFigures {
  return { organizationId, documents: [], publishedItems: 0, requestGroups: [], reviews: [], entries: [], activity: emptyActivityFigures(), ...over };
}

/** `n` new requests decided (disclosed) in the year. */
function requests(organizationId: number, n: number, over: Partial<OrganizationFigures> = {}): OrganizationFigures {
  return figures(organizationId, { requestGroups: n > 0 ? [group({ count: n })] : [], ...over });
}

void describe('keyFiguresOf', () => {
  void it('counts one organization\'s own figures with the 2021 definitions', () => {
    const f = figures(1, {
      requestGroups: [group({ count: 3 }), group({ outcome: 'partial', count: 2 }), group({ received: 'before', decided: 'after', outcome: null, conclusion: null, count: 4 })],
      reviews: [
        review({ id: 1, outcome: 'corrected' }),
        review({ id: 2, path: 'direct-suit', suitFiledOn: '2025-05-01', decidedOn: null, outcome: 'pending' }),
        review({ id: 3, path: 'suit-after-reconsideration', suitFiledOn: '2025-07-01', decidedOn: '2025-10-01', outcome: 'corrected' }),
      ],
      documents: [
        { itemId: 10, organizationId: 1, genre: 'normative_document', documentNumber: 'A〔2025〕1号', creationDate: '2025-02-01', publicationDate: '2025-02-03', validity: 'in_force', expiryDate: null, status: 'published' },
        { itemId: 11, organizationId: 1, genre: 'normative_document', documentNumber: 'A〔2020〕1号', creationDate: '2020-02-01', publicationDate: '2020-02-03', validity: 'in_force', expiryDate: null, status: 'published' },
      ],
      entries: [{ organizationId: 1, cell: 't2-5/licensing/decisions', value: 88, source: 'manual', note: null, enteredBy: null, enteredAt: '2026-01-05T00:00:00Z' }],
      publishedItems: 17,
    });
    assert.deepEqual(keyFiguresOf(f, 2025), {
      requestsNew: 5,
      requestsConcluded: 5,
      requestsCarriedOver: 4,
      requestsDisclosed: 3,
      reconsiderations: 1,
      suits: 2,
      corrected: 2,
      normativeIssued: 1,
      normativeInForce: 2,
      licensingDecisions: 88,
      penaltyDecisions: 0,
      coerciveDecisions: 0,
      publishedItems: 17,
    });
  });

  void it('an organization with only an old document in force has no record in the year', () => {
    const old = figures(1, { documents: [{ itemId: 11, organizationId: 1, genre: 'normative_document', documentNumber: null, creationDate: '2020-02-01', publicationDate: '2020-02-03', validity: 'in_force', expiryDate: null, status: 'published' }] });
    assert.equal(hasRecordsInYear(old, 2025), false);
    assert.equal(hasRecordsInYear(figures(1, { publishedItems: 1 }), 2025), true);
    assert.equal(hasRecordsInYear(requests(1, 1), 2025), true);
  });

  void it('median, and the median of the peers (one occurrence of the member\'s own value out)', () => {
    assert.equal(median([1, 3, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(median([]), 0);
    const sorted = [0, 1, 2, 2, 9, 50];
    for (const v of sorted) {
      const peers = [...sorted];
      peers.splice(peers.indexOf(v), 1);
      assert.equal(medianWithout(sorted, v), median(peers), `without ${v}`);
    }
    assert.equal(medianWithout([7], 7), 0);
  });
});

void describe('compareMembers', () => {
  const member = (id: number, kind: ComparedMemberInput['kind'], status: ComparedMemberInput['status'], current: OrganizationFigures, previous: OrganizationFigures): ComparedMemberInput => ({ id, name: `机关${id}`, kind, status, current, previous });
  const members = [
    // The reporting government: no report yet, never flagged as not submitted.
    member(1, 'government', null, requests(1, 5), requests(1, 4)),
    // 12 requests after 1 the year before: a jump.
    member(2, 'department', 'submitted', requests(2, 12, { publishedItems: 2 }), requests(2, 1)),
    // None after 10: a drop; a draft report.
    member(3, 'department', 'draft', requests(3, 0, { publishedItems: 4 }), requests(3, 10)),
    // 50 items against its peers' 2, 4 and 0 (median 2): ≥ 10 × median; returned.
    member(4, 'department', 'returned', requests(4, 1, { publishedItems: 50 }), requests(4, 1, { publishedItems: 40 })),
    // Nothing at all: silent, and no report.
    member(5, 'department', null, figures(5), figures(5)),
  ];

  void it('flags jumps, drops, peers, silent members and reports not submitted', () => {
    const c = compareMembers(members, 2025, 1);
    const flags = Object.fromEntries(c.members.map((m) => [m.id, m.flags.map((f) => `${f.rule}${f.figure ? `:${f.figure}` : ''}`)]));
    assert.deepEqual(flags, {
      1: [],
      2: ['jump:requestsNew', 'jump:requestsConcluded', 'jump:requestsDisclosed'],
      3: ['drop:requestsNew', 'drop:requestsConcluded', 'drop:requestsDisclosed', 'not-submitted'],
      4: ['peer:publishedItems', 'not-submitted'],
      5: ['silent', 'not-submitted'],
    });
    assert.equal(c.flagged, 4);
    assert.equal(c.previousYearHasRecords, true);
    assert.equal(c.totals.current.requestsNew, 18);
    assert.equal(c.totals.previous.requestsNew, 16);
    assert.equal(c.members[1]?.flags[0]?.messageZh, '本年新收申请由上年 1 增至 12（约 12 倍）');
    assert.equal(c.members[3]?.flags[0]?.messageZh, '主动公开信息 50，为同类部门中位数 2 的 25 倍');
    assert.equal(c.members[2]?.flags[3]?.messageZh, '2025年度报告尚未报送（草稿）');
  });

  void it('does not compare with a previous year that has no records in gongkai', () => {
    const c = compareMembers([member(1, 'government', null, requests(1, 5), figures(1)), member(2, 'department', 'submitted', requests(2, 12), figures(2))], 2025, 1);
    assert.equal(c.previousYearHasRecords, false);
    assert.deepEqual(c.members.map((m) => m.flags.length), [0, 0]);
  });

  void it('a hand-entered figure is compared with last year only when it was entered then', () => {
    const entry = (organizationId: number, value: number): OrganizationFigures['entries'][number] => ({ organizationId, cell: 't2-5/licensing/decisions', value, source: 'manual', note: null, enteredBy: null, enteredAt: '2026-01-05T00:00:00Z' });
    const c = compareMembers(
      [
        member(2, 'department', 'submitted', requests(2, 1, { entries: [entry(2, 120)] }), requests(2, 1)),
        member(3, 'department', 'submitted', requests(3, 1, { entries: [entry(3, 120)] }), requests(3, 1, { entries: [entry(3, 5)] })),
      ],
      2025,
      null,
    );
    assert.deepEqual(c.members.map((m) => m.flags.map((f) => `${f.rule}:${f.figure ?? ''}`)), [[], ['jump:licensingDecisions']]);
  });

  void it('a figure under 10 is no peer outlier, whatever the median', () => {
    const c = compareMembers(
      [member(2, 'department', 'submitted', requests(2, 9), requests(2, 9)), member(3, 'department', 'submitted', requests(3, 0, { publishedItems: 1 }), requests(3, 0, { publishedItems: 1 })), member(4, 'department', 'submitted', requests(4, 1), requests(4, 1))],
      2025,
      null,
    );
    // Peers of 2: 0 and 1, median 0.5: 9 is 18 × the median but under 10.
    assert.deepEqual(c.members.map((m) => m.flags.length), [0, 0, 0]);
  });

  void it('a peer median of 0 flags nothing; 9 × the median is not an outlier', () => {
    const c = compareMembers(
      [member(2, 'department', 'submitted', requests(2, 9), requests(2, 9)), member(3, 'department', 'submitted', requests(3, 1), requests(3, 1)), member(4, 'department', 'submitted', requests(4, 3), requests(4, 3))],
      2025,
      null,
    );
    // Peers of 2: 1 and 3, median 2: 9 < 20. Peers of 4: 9 and 1, median 5.
    assert.deepEqual(c.members.map((m) => m.flags.length), [0, 0, 0]);
    const zero = compareMembers([member(2, 'department', 'submitted', requests(2, 30), requests(2, 30)), member(3, 'department', 'submitted', figures(3, { publishedItems: 1 }), figures(3, { publishedItems: 1 }))], 2025, null);
    assert.deepEqual(zero.members[0]?.flags, []);
  });
});
