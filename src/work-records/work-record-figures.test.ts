import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeWorkRecordFigures, readingPointOpenAtYearEnd, readingPointOpenOn, roundFunding, sumWorkRecordFigures, workRecordRows2014 } from './work-record-figures.ts';
import type { WorkRecordFigureInput, WorkRecordFigures } from './work-record-figures.ts';

/** Records of several years; the 2017 figures are counted by hand in the test below. */
const RECORDS: WorkRecordFigureInput = {
  staffing: [
    { year: 2017, ogiOffices: 1, staffFullTime: 3, staffPartTime: 5, funding: 12.3456 },
    { year: 2017, ogiOffices: 2, staffFullTime: 1, staffPartTime: 0, funding: 0.1 },
    { year: 2017, ogiOffices: 0, staffFullTime: 0, staffPartTime: 2, funding: 0.2 },
    { year: 2016, ogiOffices: 9, staffFullTime: 9, staffPartTime: 9, funding: 99 },
  ],
  readingPoints: [
    { openedOn: '2015-03-01', closedOn: null }, // open all year: counts
    { openedOn: '2017-12-31', closedOn: null }, // opened on Dec 31: counts
    { openedOn: '2018-01-01', closedOn: null }, // not yet open
    { openedOn: '2010-01-01', closedOn: '2017-12-31' }, // closed on Dec 31: not open at year end
    { openedOn: '2010-01-01', closedOn: '2018-01-01' }, // closed the day after: counts
    { openedOn: '2016-01-01', closedOn: '2017-06-30' }, // closed during the year
  ],
  meetings: [{ heldOn: '2017-01-01' }, { heldOn: '2017-12-31' }, { heldOn: '2016-12-31' }, { heldOn: '2018-01-01' }],
  trainingSessions: [
    { heldOn: '2017-03-01', attendees: 40 },
    { heldOn: '2017-11-11', attendees: 25 },
    { heldOn: '2016-05-05', attendees: 100 },
  ],
  complaints: [{ receivedOn: '2017-02-02' }, { receivedOn: '2018-01-01' }, { receivedOn: '2017-12-31' }],
};

void describe('work record figures', () => {
  void it('counts a year by hand: staffing summed, points open at Dec 31, events dated in the year', () => {
    const expected: WorkRecordFigures = {
      ogiOffices: 3,
      staffFullTime: 4,
      staffPartTime: 7,
      staff: 11,
      funding: 12.6456,
      readingPoints: 3,
      meetings: 2,
      trainingSessions: 2,
      trainees: 65,
      complaints: 2,
    };
    assert.deepEqual(computeWorkRecordFigures(RECORDS, 2017), expected);
    assert.deepEqual(computeWorkRecordFigures(RECORDS, 2016), {
      ogiOffices: 9,
      staffFullTime: 9,
      staffPartTime: 9,
      staff: 18,
      funding: 99,
      // 2015-03-01, 2010 → 2017-12-31, 2010 → 2018-01-01, 2016-01-01 → 2017-06-30.
      readingPoints: 4,
      meetings: 1,
      trainingSessions: 1,
      trainees: 100,
      complaints: 0,
    });
    assert.deepEqual(computeWorkRecordFigures(RECORDS, 2019).funding, 0);
  });

  void it('adds funding in whole yuan: 0.1 + 0.2 万元 is 0.3, not 0.30000000000000004', () => {
    const only = (funding: number): WorkRecordFigures => computeWorkRecordFigures({ staffing: [{ year: 2020, ogiOffices: 0, staffFullTime: 0, staffPartTime: 0, funding }], readingPoints: [], meetings: [], trainingSessions: [], complaints: [] }, 2020);
    const sum = sumWorkRecordFigures([only(0.1), only(0.2), only(1234.5678)]);
    assert.equal(sum.funding, 1234.8678);
    assert.equal(sumWorkRecordFigures([only(0.1), only(0.2)]).funding, 0.3);
    assert.deepEqual(sumWorkRecordFigures([]), computeWorkRecordFigures({ staffing: [], readingPoints: [], meetings: [], trainingSessions: [], complaints: [] }, 2020));
    const a = computeWorkRecordFigures(RECORDS, 2017);
    const b = computeWorkRecordFigures(RECORDS, 2016);
    assert.deepEqual(sumWorkRecordFigures([a, b]), { ogiOffices: 12, staffFullTime: 13, staffPartTime: 16, staff: 29, funding: 111.6456, readingPoints: 7, meetings: 3, trainingSessions: 3, trainees: 165, complaints: 2 });
  });

  void it('rounds single-precision noise to whole yuan', () => {
    // What PostgreSQL's `real` gives back for 12.3456 once widened to a double.
    assert.equal(roundFunding(Math.fround(12.3456)), 12.3456);
    assert.equal(roundFunding(0.30000000000000004), 0.3);
  });

  void it('decides open reading points by day', () => {
    const point = { openedOn: '2017-05-01', closedOn: '2017-05-03' };
    assert.deepEqual(['2017-04-30', '2017-05-01', '2017-05-02', '2017-05-03'].map((d) => readingPointOpenOn(point, d)), [false, true, true, false]);
    assert.equal(readingPointOpenAtYearEnd({ openedOn: '2017-12-31', closedOn: null }, 2017), true);
    assert.equal(readingPointOpenAtYearEnd({ openedOn: '2017-01-01', closedOn: '2017-12-31' }, 2017), false);
  });

  void it('prints the rows with the 2014 labels, units and section headings', () => {
    const rows = workRecordRows2014(computeWorkRecordFigures(RECORDS, 2017));
    assert.deepEqual(
      rows.map((r) => [r.rowId, r.value, r.unit]),
      [
        ['complaints', 2, '件'],
        ['ogi-offices', 3, '个'],
        ['reading-points', 3, '个'],
        ['staff', 11, '人'],
        ['staff-full-time', 4, '人'],
        ['staff-part-time', 7, '人'],
        ['funding', 12.6456, '万元'],
        ['meetings', 2, '次'],
        ['training-sessions', 2, '次'],
        ['trainees', 65, '人次'],
      ],
    );
    assert.equal(rows[0]?.label, '六、举报投诉数量');
    assert.equal(rows[0]?.section, null);
    assert.equal(rows[1]?.section, '八、机构建设和保障经费情况');
    assert.equal(rows[4]?.label, '1.专职人员数（不包括政府公报及政府网站工作人员数）');
    assert.equal(rows[7]?.section, '九、政府信息公开会议和培训情况');
  });
});
