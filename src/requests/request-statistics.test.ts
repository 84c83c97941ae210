import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContext } from '../reports/checker/check-context.ts';
import { checkIdentities } from '../reports/checker/check-identities.ts';
import { buildReport } from '../reports/checker/test-report-builder.ts';
import { cellId } from '../reports/format/report-format.ts';
import { requestTable } from '../reports/format/request-tables.ts';
import { REQUEST_OUTCOMES } from './request-outcome.ts';
import { ANSWER_ROWS_2014, classifyCase, computeRequestTables, feeStatementZh, REQUEST_ROWS_2014, resultRowOf, tallyRequestTables, toWanYuan } from './request-statistics.ts';
import type { RequestStatisticsRow } from './request-statistics.ts';

/** A case of 2025 received on 03-03 and undecided, with overrides. */
function row(overrides: Partial<RequestStatisticsRow> = {}): RequestStatisticsRow {
  return { requesterType: 'natural', channel: 'online', receivedOn: '2025-03-03', outcome: null, answerDetail: null, outcomeOn: null, replyDue: '2025-03-31', finalDue: '2025-03-31', extended: false, feeYuan: 0, ...overrides };
}

const decided = (outcome: string, outcomeOn: string, overrides: Partial<RequestStatisticsRow> = {}): RequestStatisticsRow => row({ outcome, outcomeOn, ...overrides });

describe('classifyCase', () => {
  void it('places receipt and decision against the year, both ends of the year included', () => {
    assert.equal(classifyCase(row({ receivedOn: '2024-12-31' }), 2025).received, 'before');
    assert.equal(classifyCase(row({ receivedOn: '2025-01-01' }), 2025).received, 'in');
    assert.equal(classifyCase(row({ receivedOn: '2025-12-31' }), 2025).received, 'in');
    assert.equal(classifyCase(row({ receivedOn: '2026-01-01' }), 2025).received, 'after');
    assert.equal(classifyCase(row(), 2025).decided, 'undecided');
    assert.equal(classifyCase(decided('disclosed', '2024-12-31', { receivedOn: '2024-12-01' }), 2025).decided, 'before');
    assert.equal(classifyCase(decided('disclosed', '2025-01-01', { receivedOn: '2024-12-01' }), 2025).decided, 'in');
    assert.equal(classifyCase(decided('disclosed', '2026-01-01'), 2025).decided, 'after');
  });

  void it('on time by the reply deadline, extended by the final deadline with an extension, else late', () => {
    const due = { replyDue: '2025-03-31', finalDue: '2025-04-28' };
    assert.equal(classifyCase(decided('disclosed', '2025-03-31', due), 2025).conclusion, 'on-time');
    assert.equal(classifyCase(decided('disclosed', '2025-04-01', { ...due, extended: true }), 2025).conclusion, 'extended');
    assert.equal(classifyCase(decided('disclosed', '2025-04-28', { ...due, extended: true }), 2025).conclusion, 'extended');
    assert.equal(classifyCase(decided('disclosed', '2025-04-29', { ...due, extended: true }), 2025).conclusion, 'late');
    // A final deadline later than the reply deadline without an approved extension is not an extension.
    assert.equal(classifyCase(decided('disclosed', '2025-04-01', { ...due, extended: false }), 2025).conclusion, 'late');
    // A lapsed 补正 stops the clock: no deadline, on time.
    assert.equal(classifyCase(decided('other-no-clarification', '2025-05-01', { replyDue: null, finalDue: null }), 2025).conclusion, 'on-time');
    assert.equal(classifyCase(row(), 2025).conclusion, null);
  });
});

describe('tallyRequestTables', () => {
  // Y = 2025. a: carried in, disclosed in 2025 (business, fax). b: new, partial, extended (natural,
  // in person, fee 3940 元). c: new, carried over (research, email). d: carried in and over (natural,
  // registered post). e: new, fee lapsed (natural, ordinary post). f: new, withdrawn late (other,
  // online). g: decided 2024 (ignored). h: received 2026 (ignored).
  const rows: RequestStatisticsRow[] = [
    decided('disclosed', '2025-01-10', { requesterType: 'business', channel: 'fax', receivedOn: '2024-12-20', replyDue: '2025-01-20', finalDue: '2025-01-20' }),
    decided('partial', '2025-04-10', { channel: 'in-person', receivedOn: '2025-03-03', replyDue: '2025-03-31', finalDue: '2025-04-28', extended: true, feeYuan: 3940 }),
    row({ requesterType: 'research', channel: 'email', receivedOn: '2025-12-29', replyDue: '2026-01-27', finalDue: '2026-01-27' }),
    row({ channel: 'registered-post', receivedOn: '2024-12-30', replyDue: null, finalDue: null }),
    decided('other-unpaid-fee', '2025-06-20', { channel: 'ordinary-post', receivedOn: '2025-05-05', replyDue: '2025-07-01', finalDue: '2025-07-01' }),
    decided('other-other', '2025-09-30', { requesterType: 'other', receivedOn: '2025-08-01', replyDue: '2025-08-29', finalDue: '2025-08-29' }),
    decided('disclosed', '2024-11-20', { receivedOn: '2024-11-01' }),
    decided('disclosed', '2026-01-20', { receivedOn: '2026-01-05' }),
  ];

  void it('counts table 三 (2021) by the definitions, hand-counted', () => {
    const t = computeRequestTables(rows, 2025, '2021');
    const v = (r: string, c: string): number | undefined => t.table3[cellId('t3', r, c)];
    assert.deepEqual([v('new', 'natural'), v('new', 'research'), v('new', 'other'), v('new', 'total')], [2, 1, 1, 4]);
    assert.deepEqual([v('carried-in', 'natural'), v('carried-in', 'business'), v('carried-in', 'total')], [1, 1, 2]);
    assert.deepEqual([v('disclosed', 'business'), v('partial', 'natural'), v('other-unpaid-fee', 'natural'), v('other-other', 'other')], [1, 1, 1, 1]);
    assert.deepEqual([v('total', 'natural'), v('total', 'business'), v('total', 'other'), v('total', 'total')], [2, 1, 1, 4]);
    assert.deepEqual([v('carried-over', 'natural'), v('carried-over', 'research'), v('carried-over', 'total')], [1, 1, 2]);
    assert.equal(t.cases, 6);
    // Every cell of the format is present, zeros included.
    const format = requestTable('2021');
    assert.equal(Object.keys(t.table3).length, format.rows.length * format.columns.length);
    assert.equal(Object.values(t.table3).reduce((a, b) => a + b, 0), 2 * (4 + 2 + 4 + 4 + 2));
  });

  void it('fills the 2014 rows: channels, on time / extended / late, answers, fees in 万元', () => {
    const t = computeRequestTables(rows, 2025, '2021');
    assert.deepEqual(
      REQUEST_ROWS_2014.filter((id) => t.rows2014[id] !== 0).map((id) => [id, t.rows2014[id]]),
      [
        ['requests-received', 4],
        ['received-in-person', 1],
        ['received-online', 2],
        ['received-letter', 1],
        ['concluded', 4],
        ['concluded-on-time', 2],
        ['concluded-extended', 1],
        ['answered', 2],
        ['answer-disclosed', 1],
        ['answer-partial', 1],
        ['fees', 0.394],
      ],
    );
    assert.equal(t.concludedLate, 1);
    assert.deepEqual(t.answersNotMapped, { 'other-unpaid-fee': 1, 'other-other': 1 });
    assert.deepEqual(t.fees, { yuan: 3940, wanYuan: 0.394, statementZh: '本年度共收取政府信息公开信息处理费3940元（0.394万元）。' });
    assert.equal(t.cells2014['stats/requests-received/value'], 4);
    assert.equal(t.cells2014['stats/fees/value'], 0.394);
  });

  void it('folds the three （六） rows into `other` for the 2019 format', () => {
    const t = computeRequestTables(rows, 2025, '2019');
    assert.equal(t.table3['t3/other/natural'], 1);
    assert.equal(t.table3['t3/other/other'], 1);
    assert.equal(t.table3['t3/other/total'], 2);
    assert.equal(t.table3['t3/other-unpaid-fee/total'], undefined);
    assert.equal(Object.keys(t.table3).length, requestTable('2019').rows.length * 7);
  });

  void it('counts a group of n cases as n single cases (the SQL path)', () => {
    const single = classifyCase(rows[1] as RequestStatisticsRow, 2025);
    const grouped = tallyRequestTables([{ ...single, count: 3, feeYuan: 3 * 3940 }], 2025, '2021');
    const thrice = computeRequestTables([rows[1], rows[1], rows[1]] as RequestStatisticsRow[], 2025, '2021');
    assert.deepEqual(grouped, thrice);
    assert.equal(grouped.table3['t3/partial/total'], 3);
  });

  void it('reports an outcome that is no table 三 row apart (and the identities then fail)', () => {
    const t = computeRequestTables([decided('withdrawn-typo', '2025-05-01')], 2025, '2021');
    assert.deepEqual(t.unknownOutcomes, { 'withdrawn-typo': 1 });
    assert.equal(t.table3['t3/total/total'], 0);
    assert.equal(t.table3['t3/new/total'], 1);
  });

  void it('counts answer details in 2014 rows 1 and 5, and leaves table 三 as it was', () => {
    // Y = 2025, all new, online, natural, answered on time: p, q disclosed (q already public); r, s, t
    // not held (s, t another agency's); u already public but decided in 2026 (not counted); v a
    // detail on an outcome the clock refuses it for (withheld-internal: no effect).
    const detailed: RequestStatisticsRow[] = [
      decided('disclosed', '2025-02-10'),
      decided('disclosed', '2025-02-11', { answerDetail: 'already-public' }),
      decided('unable-not-held', '2025-03-10'),
      decided('unable-not-held', '2025-03-11', { answerDetail: 'other-agency' }),
      decided('unable-not-held', '2025-03-12', { answerDetail: 'other-agency' }),
      decided('disclosed', '2026-01-05', { receivedOn: '2025-12-20', replyDue: '2026-01-19', finalDue: '2026-01-19', answerDetail: 'already-public' }),
      decided('withheld-internal', '2025-03-13', { answerDetail: 'already-public' }),
    ];
    const t = computeRequestTables(detailed, 2025, '2021');
    assert.deepEqual(
      REQUEST_ROWS_2014.filter((id) => id.startsWith('answer') || id.startsWith('refused')).filter((id) => t.rows2014[id] !== 0).map((id) => [id, t.rows2014[id]]),
      [
        ['answered', 6],
        ['answer-already-public', 1],
        ['answer-disclosed', 1],
        ['answer-refused', 1],
        ['refused-not-government-information', 1],
        ['answer-not-this-agency', 2],
        ['answer-nonexistent', 1],
      ],
    );
    assert.equal(t.cells2014['stats/answer-already-public/value'], 1);
    assert.equal(t.cells2014['stats/answer-not-this-agency/value'], 2);
    // Table 三 knows no detail: 予以公开 2, 本机关不掌握 3, whatever the details say.
    const plain = computeRequestTables(detailed.map((r) => ({ ...r, answerDetail: null })), 2025, '2021');
    assert.deepEqual(t.table3, plain.table3);
    assert.deepEqual([t.table3['t3/disclosed/total'], t.table3['t3/unable-not-held/total'], t.table3['t3/carried-over/total']], [2, 3, 1]);
    // Without details the same cases are 同意公开 2 and 申请信息不存在 3.
    assert.deepEqual([plain.rows2014['answer-already-public'], plain.rows2014['answer-disclosed'], plain.rows2014['answer-not-this-agency'], plain.rows2014['answer-nonexistent']], [0, 2, 0, 3]);
    // A group of cases with a detail counts as that many single cases.
    const group = { ...classifyCase(detailed[3] as RequestStatisticsRow, 2025), count: 4 };
    assert.equal(tallyRequestTables([group], 2025, '2021').rows2014['answer-not-this-agency'], 4);
  });

  void it('satisfies V01–V03 of the report checker by construction', () => {
    for (const variant of ['2019', '2021'] as const) {
      const t = computeRequestTables(rows, 2025, variant);
      const report = buildReport(variant, { year: 2025, cells: t.table3 });
      assert.deepEqual(checkIdentities(createContext(report)), []);
    }
  });
});

describe('mappings', () => {
  void it('every outcome has a table 三 row in both formats and a decided 2014 mapping', () => {
    for (const outcome of REQUEST_OUTCOMES) {
      assert.equal(resultRowOf(outcome.id, '2021'), outcome.id);
      assert.equal(resultRowOf(outcome.id, '2019'), outcome.group === 'other' ? 'other' : outcome.id);
      assert.ok(outcome.id in ANSWER_ROWS_2014, outcome.id);
    }
    assert.equal(Object.keys(ANSWER_ROWS_2014).length, REQUEST_OUTCOMES.length);
    assert.equal(resultRowOf('nonsense', '2021'), undefined);
  });

  void it('words the fee statement and converts 元 to 万元 without float noise', () => {
    assert.equal(feeStatementZh(0), '本年度未收取政府信息公开信息处理费。');
    assert.equal(toWanYuan(1400), 0.14);
    assert.equal(toWanYuan(3), 0.0003);
    assert.equal(toWanYuan(123456789), 12345.6789);
  });
});
