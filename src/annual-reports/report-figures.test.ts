import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport } from '../reports/checker/check-report.ts';
import type { ClassifiedCases } from '../requests/request-statistics.ts';
import { buildComputedReport } from './computed-report.ts';
import { computeCells, enteredCells, isEnteredCell } from './report-figures.ts';
import type { EnteredFigure, OrganizationFigures } from './report-figures.ts';
import { reviewFigure } from '../../test/helpers/review-figure.ts';

function group(over: Partial<ClassifiedCases>): ClassifiedCases {
  return { requesterType: 'natural', channel: 'online', outcome: 'disclosed', received: 'in', decided: 'in', conclusion: 'on-time', count: 1, feeYuan: 0, ...over };
}


function entry(organizationId: number, cell: string, value: number): EnteredFigure {
  return { organizationId, cell, value, source: 'manual', note: null, enteredBy: 1, enteredAt: '2026-01-10T02:00:00.000Z' };
}

function figures(organizationId: number, over: Partial<OrganizationFigures> = {}): OrganizationFigures {
  return { organizationId, documents: [], publishedItems: 0, requestGroups: [], reviews: [], entries: [], ...over };
}

void describe('which cells are entered by hand', () => {
  void it('2021: the decision counts and the fee amount of table 二, nothing else', () => {
    assert.deepEqual(enteredCells('2021'), ['t2-5/licensing/decisions', 't2-6/penalties/decisions', 't2-6/coercive-measures/decisions', 't2-8/fees/amount']);
  });
  void it('2014: records feed requests, reviews, fees and the catalog rows; channels and staff are entered', () => {
    assert.equal(isEnteredCell('2014', 'stats/requests-received/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/litigation-corrected/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/proactive-total/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/fees/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/staff/value'), true);
    assert.equal(isEnteredCell('2014', 'stats/channel-website/value'), true);
  });
});

void describe('computeCells', () => {
  const a = figures(1, {
    requestGroups: [group({ count: 3 }), group({ requesterType: 'business', outcome: 'partial', count: 1, feeYuan: 100 }), group({ received: 'before', decided: 'after', conclusion: null, outcome: null, count: 2 })],
    reviews: [reviewFigure({ id: 1, caseNumber: '吴行复〔2025〕7号' }), reviewFigure({ id: 2, path: 'direct-suit', reviewingBody: '利通区人民法院', filedOn: '2025-05-01', suitFiledOn: '2025-05-01', decidedOn: null, outcome: 'pending' })],
    entries: [entry(1, 't2-5/licensing/decisions', 120), entry(1, 't2-8/fees/amount', 1.25)],
  });
  const b = figures(2, {
    // The same reconsideration recorded by a second respondent, and a co-defendant record: neither counts again.
    reviews: [reviewFigure({ id: 3, organizationId: 2, caseNumber: '吴行复 〔2025〕7号' }), reviewFigure({ id: 4, organizationId: 2, path: 'direct-suit', reviewingBody: '利通区人民法院', defendantRole: 'co-defendant', filedOn: '2025-05-01', suitFiledOn: '2025-05-01', decidedOn: null, outcome: 'pending' })],
    entries: [entry(2, 't2-5/licensing/decisions', 30), entry(2, 't2-8/fees/amount', 0.0001)],
  });

  void it('computes one organization\'s own tables', () => {
    const c = computeCells([a], 2025, '2021');
    assert.equal(c.values['t3/new/total'], 4);
    assert.equal(c.values['t3/new/natural'], 3);
    assert.equal(c.values['t3/carried-in/total'], 2);
    assert.equal(c.values['t3/disclosed/natural'], 3);
    assert.equal(c.values['t3/partial/business'], 1);
    assert.equal(c.values['t3/total/total'], 4);
    assert.equal(c.values['t3/carried-over/total'], 2);
    assert.equal(c.values['t4/cases/reconsideration-upheld'], 1);
    assert.equal(c.values['t4/cases/direct-suit-pending'], 1);
    assert.equal(c.values['t2-5/licensing/decisions'], 120);
    assert.equal(c.sources['t2-5/licensing/decisions'], 'entry');
    assert.equal(c.sources['t2-6/penalties/decisions'], 'not-entered');
    assert.equal(c.values['t2-6/penalties/decisions'], 0);
    assert.equal(c.requests.fees.yuan, 100);
  });

  void it('rolls up with the de-duplication rules and sums entries to four decimals', () => {
    const c = computeCells([a, b], 2025, '2021');
    assert.equal(c.values['t4/cases/reconsideration-total'], 1);
    assert.equal(c.values['t4/cases/direct-suit-total'], 1);
    assert.equal(c.duplicateReviews, 1);
    assert.equal(c.values['t2-5/licensing/decisions'], 150);
    assert.equal(c.values['t2-8/fees/amount'], 1.2501);
    assert.equal(c.entries['t2-5/licensing/decisions']?.length, 2);
  });

  void it('gives a report the checker passes on every identity', () => {
    const c = computeCells([a, b], 2025, '2021');
    const report = buildComputedReport({ organization: { name: '吴忠市人民政府', kind: 'government' }, year: 2025, formatId: '2021', cells: c.values, sections: [], publicationDate: '2026-03-20' });
    const identity = checkReport(report).filter((f) => /^V0[1-4]$/.test(f.rule));
    assert.deepEqual(identity, []);
  });

  void it('2014: the published-item count and the request rows', () => {
    const c = computeCells([figures(1, { publishedItems: 40, requestGroups: [group({ channel: 'in-person', count: 2 })] }), figures(2, { publishedItems: 5 })], 2017, '2014');
    assert.equal(c.values['stats/proactive-total/value'], 45);
    assert.equal(c.values['stats/requests-received/value'], 2);
    assert.equal(c.values['stats/received-in-person/value'], 2);
    assert.equal(c.sources['stats/proactive-total/value'], 'catalog');
  });
});
