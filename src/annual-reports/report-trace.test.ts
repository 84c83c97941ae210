/**
 * Which cells one record counts in, and which records a cell lists (pure). Every expected cell set
 * is written out by hand from the definitions in src/requests/request-statistics.ts and
 * src/reviews/review-table.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { casesInCell, checkCell, formatCellLabels, requestCaseCells, reviewRecordCells, reviewsInCell, traceTotal } from './report-trace.ts';
import type { TraceCaseRow } from './report-trace.ts';
import { reviewFigure } from '../../test/helpers/review-figure.ts';

function caseRow(over: Partial<TraceCaseRow>): TraceCaseRow {
  return {
    id: 1,
    trackingCode: 'T1',
    organizationId: 1,
    requesterName: '张三',
    requesterType: 'natural',
    channel: 'online',
    receivedOn: '2025-03-03',
    outcome: 'disclosed',
    answerDetail: null,
    outcomeOn: '2025-03-14',
    replyDue: '2025-03-31',
    finalDue: null,
    extended: false,
    feeYuan: 0,
    ...over,
  };
}


void describe('requestCaseCells', () => {
  void it('a case received and disclosed in the year counts in 一, its result row and （七）, each under its column and 总计', () => {
    assert.deepEqual(requestCaseCells(caseRow({}), 2025, '2021'), {
      't3/new/natural': 1,
      't3/new/total': 1,
      't3/disclosed/natural': 1,
      't3/disclosed/total': 1,
      't3/total/natural': 1,
      't3/total/total': 1,
    });
  });

  void it('2014: the channel row, 办结 on time, 答复 同意公开 and the fee in 万元', () => {
    assert.deepEqual(requestCaseCells(caseRow({ feeYuan: 300 }), 2025, '2014'), {
      'stats/requests-received/value': 1,
      'stats/received-online/value': 1,
      'stats/concluded/value': 1,
      'stats/concluded-on-time/value': 1,
      'stats/answered/value': 1,
      'stats/answer-disclosed/value': 1,
      'stats/fees/value': 0.03,
    });
  });

  void it('a case received last year and still open is carried in and carried over', () => {
    assert.deepEqual(requestCaseCells(caseRow({ requesterType: 'business', receivedOn: '2024-12-20', outcome: null, outcomeOn: null }), 2025, '2021'), {
      't3/carried-in/business': 1,
      't3/carried-in/total': 1,
      't3/carried-over/business': 1,
      't3/carried-over/total': 1,
    });
  });

  void it('a case decided the year before, or received the year after, counts nowhere', () => {
    assert.deepEqual(requestCaseCells(caseRow({ receivedOn: '2024-11-05', outcomeOn: '2024-11-20' }), 2025, '2021'), {});
    assert.deepEqual(requestCaseCells(caseRow({ receivedOn: '2026-01-05', outcomeOn: '2026-01-09' }), 2025, '2021'), {});
  });

  void it('2019: the three （六） outcomes fold into one row', () => {
    const cells = requestCaseCells(caseRow({ outcome: 'other-unpaid-fee' }), 2025, '2019');
    assert.equal(cells['t3/other/natural'], 1);
    assert.equal(cells['t3/other-unpaid-fee/natural'], undefined);
  });

  void it('casesInCell keeps the cases of the cell with their timeliness', () => {
    const rows = [
      caseRow({ id: 1 }),
      caseRow({ id: 2, requesterType: 'business' }),
      caseRow({ id: 3, outcomeOn: '2025-04-20', replyDue: '2025-03-31', finalDue: '2025-04-28', extended: true }),
      caseRow({ id: 4, outcomeOn: '2025-05-20', replyDue: '2025-03-31', finalDue: '2025-04-28', extended: true }),
    ];
    const listed = casesInCell(rows, 't3/disclosed/natural', 2025, '2021');
    assert.deepEqual(listed.map((c) => [c.row.id, c.timeliness, c.contribution]), [[1, 'on-time', 1], [3, 'extended', 1], [4, 'late', 1]]);
  });
});

void describe('reviewRecordCells and reviewsInCell', () => {
  void it('a reconsideration decided after the year end counts as 尚未审结 in its filing year', () => {
    const r = reviewFigure({ filedOn: '2025-11-20', decidedOn: '2026-01-15', outcome: 'upheld' });
    assert.deepEqual(reviewRecordCells(r, 2025, '2021'), { 't4/cases/reconsideration-pending': 1, 't4/cases/reconsideration-total': 1 });
    assert.deepEqual(reviewRecordCells(r, 2025, '2014'), { 'stats/reconsideration-total/value': 1, 'stats/reconsideration-other/value': 1 });
    assert.deepEqual(reviewRecordCells(r, 2026, '2021'), {});
  });

  void it('a co-defendant record counts nowhere', () => {
    assert.deepEqual(reviewRecordCells(reviewFigure({ path: 'direct-suit', defendantRole: 'co-defendant', suitFiledOn: '2025-04-01' }), 2025, '2021'), {});
  });

  void it('of one case recorded twice the smaller id is listed, whatever the order; a co-defendant never stands in', () => {
    const records = [
      reviewFigure({ id: 7, organizationId: 2, caseNumber: '吴行复〔2025〕7号' }),
      reviewFigure({ id: 3, organizationId: 1, caseNumber: '吴行复 〔2025〕7号' }),
      reviewFigure({ id: 1, organizationId: 3, path: 'direct-suit', reviewingBody: '利通区人民法院', caseNumber: '（2025）宁0302行初5号', defendantRole: 'co-defendant', suitFiledOn: '2025-05-01' }),
      reviewFigure({ id: 5, organizationId: 4, path: 'direct-suit', reviewingBody: '利通区人民法院', caseNumber: '（2025）宁0302行初5号', suitFiledOn: '2025-05-01' }),
    ];
    assert.deepEqual(reviewsInCell(records, 't4/cases/reconsideration-total', 2025, '2021').map((r) => r.record.id), [3]);
    assert.deepEqual(reviewsInCell(records, 't4/cases/direct-suit-total', 2025, '2021').map((r) => r.record.id), [5]);
    assert.deepEqual(reviewsInCell(records, 't4/cases/direct-suit-upheld', 2025, '2021').map((r) => [r.record.id, r.outcomeAtYearEnd]), [[5, 'upheld']]);
  });
});

void describe('traceTotal and checkCell', () => {
  void it('adds fee contributions without floating-point noise', () => {
    assert.equal(traceTotal([0.01, 0.02]), 0.03);
    assert.equal(traceTotal([0.1, 0.2, 1]), 1.3);
    assert.equal(traceTotal([]), 0);
  });

  void it('names a cell of the format and refuses one it does not have', () => {
    assert.equal(checkCell('2021', 't3/new/natural'), '表三“一、本年新收政府信息公开申请数量·自然人”');
    assert.throws(
      () => checkCell('2021', 't3/new/nobody'),
      (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues[0]?.field === 'cell',
    );
    assert.throws(() => checkCell('2019', 't2-1/regulations/issued'), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });

  void it('lists every cell of a format for the picker', () => {
    const cells = formatCellLabels('2021');
    assert.equal(cells[0]?.id, 't2-1/regulations/issued');
    assert.ok(cells.some((c) => c.id === 't4/cases/suit-after-reconsideration-total'));
  });
});
