import { emptyActivityFigures } from './activity-figures.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport } from '../reports/checker/check-report.ts';
import type { ClassifiedCases } from '../requests/request-statistics.ts';
import { buildComputedReport } from './computed-report.ts';
import { computeCells, enteredCells, isEnteredCell } from './report-figures.ts';
import type { EnteredFigure, OrganizationFigures } from './report-figures.ts';
import { reviewFigure } from '../../test/helpers/review-figure.ts';

function group(over: Partial<ClassifiedCases>): ClassifiedCases {
  return { requesterType: 'natural', channel: 'online', outcome: 'disclosed', answerDetail: null, received: 'in', decided: 'in', conclusion: 'on-time', count: 1, feeYuan: 0, ...over };
}


function entry(organizationId: number, cell: string, value: number): EnteredFigure {
  return { organizationId, cell, value, source: 'manual', note: null, enteredBy: 1, enteredAt: '2026-01-10T02:00:00.000Z' };
}

function figures(organizationId: number, over: Partial<OrganizationFigures> = {}): OrganizationFigures {
  return { organizationId, documents: [], publishedItems: 0, requestGroups: [], reviews: [], entries: [], activity: emptyActivityFigures(), ...over };
}

void describe('which cells are entered by hand', () => {
  void it('2021: the decision counts and the fee amount of table 二, nothing else', () => {
    assert.deepEqual(enteredCells('2021'), ['t2-5/licensing/decisions', 't2-6/penalties/decisions', 't2-6/coercive-measures/decisions', 't2-8/fees/amount']);
  });
  void it('2014: every cell comes from a record (catalog, requests, reviews, engagement and work records)', () => {
    assert.equal(isEnteredCell('2014', 'stats/requests-received/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/litigation-corrected/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/proactive-total/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/fees/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/staff/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/channel-website/value'), false);
    assert.equal(isEnteredCell('2014', 'stats/funding/value'), false);
    // Only the text row （四）申请公开的主要内容 is left: the office writes it.
    assert.deepEqual(enteredCells('2014'), ['stats/request-topics/value']);
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

  void it('2014: the engagement and work-record rows sum the members\' figures', () => {
    const one = { ...emptyActivityFigures(), channels: { gazette: 1, website: 30, weibo: 4, wechat: 0, other: 2 }, pressConferences: 3, pressConferencesWithLeader: 1, interpretations: 5, concernResponses: 6, weiboWechatResponses: 2, otherResponses: 4, unlinkedEvents: 7, ogiOffices: 1, staffFullTime: 2, staffPartTime: 3, funding: 0.1, trainingSessions: 1, trainees: 20 };
    const two = { ...emptyActivityFigures(), channels: { gazette: 0, website: 10, weibo: 0, wechat: 5, other: 0 }, onlineInterviews: 2, onlineInterviewsWithLeader: 2, unlinkedEvents: 2, ogiOffices: 2, staffFullTime: 1, staffPartTime: 0, funding: 0.2, complaints: 1, readingPoints: 3, meetings: 4 };
    const c = computeCells([figures(1, { activity: one }), figures(2, { activity: two })], 2017, '2014');
    const row = (id: string): number | undefined => c.values[`stats/${id}/value`];
    assert.deepEqual(
      ['channel-gazette', 'channel-website', 'channel-weibo', 'channel-wechat', 'channel-other', 'responses', 'press-conferences', 'press-conferences-leaders', 'online-interviews', 'online-interviews-leaders', 'interpretations', 'weibo-wechat-responses', 'other-responses', 'complaints', 'ogi-offices', 'reading-points', 'staff', 'staff-full-time', 'staff-part-time', 'funding', 'meetings', 'training-sessions', 'trainees'].map(row),
      [1, 40, 4, 5, 2, 15, 3, 1, 2, 2, 5, 2, 4, 1, 3, 3, 6, 3, 3, 0.3, 4, 1, 20],
    );
    assert.equal(c.sources['stats/funding/value'], 'work-records');
    assert.equal(c.sources['stats/interpretations/value'], 'engagement');
  });
});
