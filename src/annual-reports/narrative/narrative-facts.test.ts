// The named facts of a computed report, on hand-written cells: the 淮安 2024 totals (2021 format,
// test/fixtures/synthetic/clean-2021.txt), the same in the 2019 format, and a small 2014 统计表.
import { emptyActivityFigures } from '../activity-figures.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCells, getFormat } from '../../reports/format/formats.ts';
import type { FormatId } from '../../reports/format/report-format.ts';
import { isGongkaiError } from '../../shared/errors.ts';
import { FACT_CATALOGUE, factDefinition, narrativeFacts, percentShare } from './narrative-facts.ts';

/** Every numeric cell of the format at 0, with `overrides`. */
function cellsOf(formatId: FormatId, overrides: Record<string, number>): Record<string, number> {
  const format = getFormat(formatId);
  const textRows = new Set(format.tables.flatMap((t) => t.rows.filter((r) => r.valueType === 'text').map((r) => `${t.id}/${r.id}`)));
  const cells: Record<string, number> = {};
  for (const c of formatCells(format)) if (!textRows.has(`${c.table}/${c.row}`)) cells[c.id] = 0;
  return { ...cells, ...overrides };
}

/** 淮安 2024 totals of tables 三 and 四 (the 2019 and 2021 formats share them). */
const HUAIAN_T3_T4: Record<string, number> = {
  't3/new/total': 3119,
  't3/carried-in/total': 34,
  't3/disclosed/total': 1362,
  't3/partial/total': 454,
  't3/withheld-state-secret/total': 2,
  't3/withheld-prohibited/total': 31,
  't3/withheld-security/total': 5,
  't3/withheld-third-party/total': 6,
  't3/withheld-internal/total': 8,
  't3/withheld-process/total': 12,
  't3/withheld-enforcement/total': 9,
  't3/withheld-inquiry/total': 105,
  't3/unable-not-held/total': 769,
  't3/unable-needs-creation/total': 11,
  't3/unable-unclear/total': 1,
  't3/not-processed-petition/total': 62,
  't3/not-processed-repeat/total': 25,
  't3/not-processed-confirmation/total': 1,
  't3/total/total': 3050,
  't3/carried-over/total': 103,
  't4/cases/reconsideration-upheld': 72,
  't4/cases/reconsideration-corrected': 64,
  't4/cases/reconsideration-other': 178,
  't4/cases/reconsideration-pending': 37,
  't4/cases/reconsideration-total': 351,
  't4/cases/direct-suit-upheld': 13,
  't4/cases/direct-suit-corrected': 4,
  't4/cases/direct-suit-other': 8,
  't4/cases/direct-suit-pending': 1,
  't4/cases/direct-suit-total': 26,
  't4/cases/suit-after-reconsideration-upheld': 12,
  't4/cases/suit-after-reconsideration-corrected': 1,
  't4/cases/suit-after-reconsideration-other': 1,
  't4/cases/suit-after-reconsideration-pending': 6,
  't4/cases/suit-after-reconsideration-total': 20,
};

const HUAIAN_2021 = cellsOf('2021', {
  ...HUAIAN_T3_T4,
  't3/other-no-clarification/total': 71,
  't3/other-unpaid-fee/total': 6,
  't3/other-other/total': 110,
  't2-1/regulations/issued': 1,
  't2-1/regulations/repealed': 0,
  't2-1/regulations/in-force': 11,
  't2-1/normative-documents/issued': 8,
  't2-1/normative-documents/repealed': 26,
  't2-1/normative-documents/in-force': 66,
  't2-5/licensing/decisions': 447228,
  't2-6/penalties/decisions': 3985758,
  't2-6/coercive-measures/decisions': 88283,
  't2-8/fees/amount': 96171.6,
});

void describe('narrativeFacts: 2021 format (淮安 2024)', () => {
  const facts = narrativeFacts(HUAIAN_2021, '2021', 2024, { feeYuan: 3940 });

  void it('gives table 三 in words: received, carried in, concluded by outcome group, carried over', () => {
    assert.equal(facts.year, 2024);
    assert.equal(facts['requests.new'], 3119);
    assert.equal(facts['requests.carriedIn'], 34);
    assert.equal(facts['requests.concluded'], 3050);
    assert.equal(facts['requests.carriedOver'], 103);
    assert.equal(facts['requests.disclosed'], 1362);
    assert.equal(facts['requests.partly'], 454);
    // 2 + 31 + 5 + 6 + 8 + 12 + 9 + 105
    assert.equal(facts['requests.withheld'], 178);
    // 769 + 11 + 1
    assert.equal(facts['requests.unable'], 781);
    // 62 + 25 + 0 + 0 + 1
    assert.equal(facts['requests.notProcessed'], 88);
    // 71 + 6 + 110
    assert.equal(facts['requests.otherHandling'], 187);
    assert.equal(facts['requests.unpaidFee'], 6);
  });

  void it('gives shares in percent with one decimal', () => {
    // 1362 / 3050 = 44.656 %; (1362 + 454) / 3050 = 59.541 %
    assert.equal(facts['requests.disclosedShare'], 44.7);
    assert.equal(facts['requests.disclosedOrPartlyShare'], 59.5);
  });

  void it('gives table 四 in words, suits adding both litigation paths', () => {
    assert.equal(facts['reviews.reconsiderations'], 351);
    assert.equal(facts['reviews.reconsiderationsUpheld'], 72);
    assert.equal(facts['reviews.reconsiderationsPending'], 37);
    // 26 + 20, 13 + 12, 4 + 1, 8 + 1, 1 + 6
    assert.equal(facts['reviews.suits'], 46);
    assert.equal(facts['reviews.suitsUpheld'], 25);
    assert.equal(facts['reviews.suitsCorrected'], 5);
    assert.equal(facts['reviews.suitsOther'], 9);
    assert.equal(facts['reviews.suitsPending'], 7);
    // 64 + 4 + 1
    assert.equal(facts['reviews.corrected'], 69);
  });

  void it('gives table 二 (一) with the 2021 columns and the decision counts', () => {
    assert.equal(facts['proactive.rulesIssued'], 1);
    assert.equal(facts['proactive.normativeIssued'], 8);
    assert.equal(facts['proactive.normativeRepealed'], 26);
    assert.equal(facts['proactive.rulesInForce'], 11);
    assert.equal(facts['proactive.normativeInForce'], 66);
    assert.equal(facts['proactive.licensing'], 447228);
    assert.equal(facts['proactive.coerciveMeasures'], 88283);
    assert.equal('proactive.rulesPublished' in facts, false, '2019 columns are not 2021 facts');
    assert.equal('proactive.total' in facts, false, '2014 rows are not 2021 facts');
  });

  void it('states the 信息处理费 in 元 and 万元 and as the sentence of section 六', () => {
    assert.equal(facts['fees.yuan'], 3940);
    assert.equal(facts['fees.wanYuan'], 0.394);
    assert.equal(facts['fees.statement'], '本年度共收取政府信息公开信息处理费3940元（0.394万元）。');
    const none = narrativeFacts(HUAIAN_2021, '2021', 2024, { feeYuan: 0 });
    assert.equal(none['fees.statement'], '本年度未收取政府信息公开信息处理费。');
    assert.equal(none['fees.wanYuan'], 0);
  });

  void it('leaves the fee facts out without a fee (the 2021 cells have none), rather than guessing 0', () => {
    const noFee = narrativeFacts(HUAIAN_2021, '2021', 2024);
    assert.equal('fees.statement' in noFee, false);
    assert.equal('fees.yuan' in noFee, false);
  });
});

void describe('narrativeFacts: 2019 format', () => {
  const cells = cellsOf('2019', {
    ...HUAIAN_T3_T4,
    't3/other/total': 187,
    't2-1/regulations/made': 2,
    't2-1/regulations/published': 1,
    't2-1/regulations/total-public': 11,
    't2-1/normative-documents/made': 9,
    't2-1/normative-documents/published': 8,
    't2-1/normative-documents/total-public': 66,
  });
  const facts = narrativeFacts(cells, '2019', 2020, { feeYuan: 0 });

  void it('takes （六）其他处理 from its single row', () => {
    assert.equal(facts['requests.otherHandling'], 187);
    assert.equal('requests.unpaidFee' in facts, false);
  });

  void it('maps 本年新制作 to issued and keeps 新公开 and 对外公开总数量', () => {
    assert.equal(facts['proactive.rulesIssued'], 2);
    assert.equal(facts['proactive.normativeIssued'], 9);
    assert.equal(facts['proactive.rulesPublished'], 1);
    assert.equal(facts['proactive.normativePublicTotal'], 66);
    assert.equal('proactive.rulesInForce' in facts, false);
  });

  void it('gives the same table 三/四 facts as 2021', () => {
    assert.equal(facts['requests.concluded'], 3050);
    assert.equal(facts['reviews.suits'], 46);
    assert.equal(facts['fees.statement'], '本年度未收取政府信息公开信息处理费。');
  });
});

void describe('narrativeFacts: 2014 统计表', () => {
  const cells = cellsOf('2014', {
    'stats/proactive-total/value': 1200,
    'stats/proactive-normative/value': 15,
    'stats/normative-issued/value': 12,
    'stats/requests-received/value': 35,
    'stats/concluded/value': 35,
    'stats/answered/value': 35,
    'stats/answer-disclosed/value': 8,
    'stats/answer-partial/value': 2,
    'stats/answer-refused/value': 3,
    'stats/reconsideration-total/value': 8,
    'stats/reconsideration-corrected/value': 1,
    'stats/litigation-total/value': 2,
    'stats/litigation-corrected/value': 1,
    'stats/complaints/value': 3,
    'stats/fees/value': 0.0394,
  });
  const facts = narrativeFacts(cells, '2014', 2017);

  void it('reads the statistics rows', () => {
    assert.equal(facts['proactive.total'], 1200);
    assert.equal(facts['proactive.normativeDisclosed'], 15);
    assert.equal(facts['proactive.normativeIssued'], 12);
    assert.equal(facts['requests.new'], 35);
    assert.equal(facts['requests.answered'], 35);
    assert.equal(facts['requests.withheld'], 3);
    assert.equal(facts['reviews.suits'], 2);
    assert.equal(facts['reviews.corrected'], 2);
    assert.equal(facts.complaints, 3);
    assert.equal('requests.carriedIn' in facts, false, 'the 统计表 has no carry-over');
  });

  void it('takes shares of the answers (申请答复数)', () => {
    // 8 / 35 = 22.857 %; 10 / 35 = 28.571 %
    assert.equal(facts['requests.disclosedShare'], 22.9);
    assert.equal(facts['requests.disclosedOrPartlyShare'], 28.6);
  });

  void it('reads the fee from row 七 in 万元, with the pre-2020 sentence', () => {
    assert.equal(facts['fees.wanYuan'], 0.0394);
    assert.equal(facts['fees.yuan'], 394);
    assert.equal(facts['fees.statement'], '本年度依申请公开政府信息共收取费用0.0394万元。');
    const free = narrativeFacts({ ...cells, 'stats/fees/value': 0 }, '2014', 2017);
    assert.equal(free['fees.statement'], '本年度依申请公开政府信息未收取费用。');
  });
});

void describe('narrativeFacts: missing and empty values', () => {
  void it('leaves out a fact whose cell is missing or not a number', () => {
    const cells: Record<string, number> = { ...HUAIAN_2021 };
    delete cells['t3/withheld-inquiry/total'];
    cells['t3/new/total'] = Number.NaN;
    const facts = narrativeFacts(cells, '2021', 2024);
    assert.equal('requests.withheld' in facts, false);
    assert.equal('requests.new' in facts, false);
    assert.equal(facts['requests.disclosed'], 1362);
  });

  void it('gives a null share when nothing was concluded', () => {
    const facts = narrativeFacts(cellsOf('2021', {}), '2021', 2024);
    assert.equal(facts['requests.concluded'], 0);
    assert.equal(facts['requests.disclosedShare'], null);
  });

  void it('refuses a fractional year and a negative fee', () => {
    assert.throws(() => narrativeFacts(HUAIAN_2021, '2021', 2024.5), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
    assert.throws(() => narrativeFacts(HUAIAN_2021, '2021', 2024, { feeYuan: -1 }), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });
});

void describe('percentShare', () => {
  void it('rounds to one decimal, half up', () => {
    assert.equal(percentShare(1, 3), 33.3);
    assert.equal(percentShare(2, 3), 66.7);
    assert.equal(percentShare(1, 8), 12.5);
    assert.equal(percentShare(3, 3), 100);
    assert.equal(percentShare(0, 0), null);
  });
});

void describe('FACT_CATALOGUE', () => {
  void it('has unique keys, each with a Chinese label', () => {
    const keys = FACT_CATALOGUE.map((f) => f.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const f of FACT_CATALOGUE) assert.match(f.labelZh, /\p{Script=Han}/u, f.key);
  });

  void it('lists, for each format, exactly the facts narrativeFacts gives from a full set of cells and the activity figures', () => {
    for (const formatId of ['2014', '2019', '2021'] as const) {
      const given = Object.keys(narrativeFacts(cellsOf(formatId, {}), formatId, 2024, { feeYuan: 0, activity: emptyActivityFigures() })).sort();
      const listed = FACT_CATALOGUE.filter((f) => f.formats.includes(formatId))
        .map((f) => f.key)
        .sort();
      assert.deepEqual(given, listed, formatId);
    }
  });

  void it('reads the mailbox, hotline, press, proposal and staffing facts from the activity figures (hand values)', () => {
    const activity = { ...emptyActivityFigures(), messagesReceived: 8, messagesReplied: 6, messagesRepliedOnTime: 5, messageReplyDaysTotal: 20, hotlineReceived: 3, hotlineReplied: 3, pressConferences: 4, concernResponses: 5, unlinkedEvents: 2, staffFullTime: 2, staffPartTime: 3, funding: 1.25 };
    const facts = narrativeFacts(cellsOf('2021', {}), '2021', 2024, { feeYuan: 0, activity });
    assert.equal(facts['mailbox.replyRate'], 75);
    assert.equal(facts['mailbox.averageReplyDays'], 3.3);
    assert.equal(facts['hotline.replyRate'], 100);
    assert.equal(facts['engagement.responses'], 7);
    assert.equal(facts['work.staff'], 5);
    assert.equal(facts['work.funding'], 1.25);
    const none = narrativeFacts(cellsOf('2021', {}), '2021', 2024, { feeYuan: 0, activity: emptyActivityFigures() });
    assert.equal(none['mailbox.replyRate'], null);
    assert.equal(none['mailbox.averageReplyDays'], null);
    assert.equal(narrativeFacts(cellsOf('2021', {}), '2021', 2024, { feeYuan: 0 })['mailbox.received'], undefined);
  });

  void it('looks facts up by key', () => {
    assert.equal(factDefinition('requests.disclosedShare')?.unit, '%');
    assert.equal(factDefinition('fees.wanYuan')?.unit, '万元');
    assert.equal(factDefinition('requests.nope'), undefined);
  });
});
