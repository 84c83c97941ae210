import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { formatDateZh, numeralZh, yuanInCapitalsZh } from './chinese-format.ts';
import { computeFee, feeNoticeText, feeStandardZh, piecesAlreadyThisMonth } from './fee-schedule.ts';
import type { FeeInput, FeeLine } from './fee-schedule.ts';

/** `from-to@price` per line, for compact comparisons. */
const shape = (lines: FeeLine[]): string[] => lines.map((l) => `${l.from}-${l.to}@${l.unitPriceYuan}=${l.subtotalYuan}`);

const perRequest = (alreadyThisMonth: number, pieces: number) => computeFee({ method: 'per-request', alreadyThisMonth, pieces });
const perPage = (pages: number) => computeFee({ method: 'per-page', pages });

// Tiers (109号 art. 4, RULES.md §2): 件 1–10 free; 11–30 at 100; then bands of 10 from 31:
// 31–40 at 200, 41–50 at 300, 51–60 at 400 (the band reading is UNVERIFIED).
void describe('computeFee per request (按件计收, superprogressive over the month)', () => {
  void it('charges nothing for 0 pieces and for the first 10 of a month', () => {
    const none = perRequest(0, 0);
    assert.equal(none.amountYuan, 0);
    assert.deepEqual(none.lines, []);
    const ten = perRequest(0, 10);
    assert.equal(ten.amountYuan, 0);
    assert.deepEqual(shape(ten.lines), ['1-10@0=0']);
  });

  void it('charges 100 元 for the 11th piece', () => {
    // 1–10 free; 11 at 100 = 100.
    const r = perRequest(0, 11);
    assert.equal(r.amountYuan, 100);
    assert.deepEqual(shape(r.lines), ['1-10@0=0', '11-11@100=100']);
  });

  void it('charges 2000 元 for 30 pieces', () => {
    // 11–30: 20 × 100 = 2000.
    assert.equal(perRequest(0, 30).amountYuan, 2000);
  });

  void it('prices the 31st piece at 200 元', () => {
    // 2000 + 1 × 200 = 2200.
    const r = perRequest(0, 31);
    assert.equal(r.amountYuan, 2200);
    assert.deepEqual(shape(r.lines), ['1-10@0=0', '11-30@100=2000', '31-31@200=200']);
  });

  void it('charges 4000 元 for 40 pieces and 4300 元 for 41', () => {
    // 40: 2000 + 10 × 200 = 4000. 41: 4000 + 1 × 300 = 4300.
    assert.equal(perRequest(0, 40).amountYuan, 4000);
    assert.equal(perRequest(0, 41).amountYuan, 4300);
  });

  void it('charges 9000 元 for 55 pieces', () => {
    // 2000 (11–30) + 2000 (31–40 at 200) + 3000 (41–50 at 300) + 2000 (51–55: 5 × 400) = 9000.
    const r = perRequest(0, 55);
    assert.equal(r.amountYuan, 9000);
    assert.deepEqual(shape(r.lines), ['1-10@0=0', '11-30@100=2000', '31-40@200=2000', '41-50@300=3000', '51-55@400=2000']);
  });

  void it('numbers the pieces on from those already applied for this month', () => {
    // 8 earlier, 5 now = pieces 9–13: 9, 10 free; 11–13 at 100 = 300.
    const a = perRequest(8, 5);
    assert.equal(a.amountYuan, 300);
    assert.deepEqual(shape(a.lines), ['9-10@0=0', '11-13@100=300']);
    // 28 earlier, 5 now = pieces 29–33: 29, 30 at 100 = 200; 31–33 at 200 = 600; total 800.
    const b = perRequest(28, 5);
    assert.equal(b.amountYuan, 800);
    assert.deepEqual(shape(b.lines), ['29-30@100=200', '31-33@200=600']);
    // 35 earlier, 20 now = pieces 36–55: 36–40 at 200 = 1000; 41–50 at 300 = 3000; 51–55 at 400 = 2000; total 6000.
    // Check: 55 at once costs 9000; the first 35 cost 2000 + 5 × 200 = 3000; 9000 − 3000 = 6000.
    assert.equal(perRequest(35, 20).amountYuan, 6000);
  });

  void it('counts the month from the dates of receipt, so a new month starts from 1 again', () => {
    const earlier = [
      { receivedOn: '2026-01-05', pieces: 12 },
      { receivedOn: '2026-01-31', pieces: 13 },
      { receivedOn: '2025-12-31', pieces: 40 },
    ];
    // 31 January: 12 + 13 = 25 before (December does not count); 10 now = 26–35:
    // 26–30 at 100 = 500; 31–35 at 200 = 1000; total 1500.
    const jan = piecesAlreadyThisMonth(earlier, '2026-01-31');
    assert.equal(jan, 25);
    assert.equal(perRequest(jan, 10).amountYuan, 1500);
    // 1 February: nothing this month yet; 10 pieces are free.
    const feb = piecesAlreadyThisMonth(earlier, '2026-02-01');
    assert.equal(feb, 0);
    assert.equal(perRequest(feb, 10).amountYuan, 0);
  });

  void it('marks the band reading as unverified only when a band was used', () => {
    assert.ok(!perRequest(0, 30).unverified.some((u) => u.includes('inference')));
    assert.ok(perRequest(0, 31).unverified.some((u) => u.includes('inference')));
  });
});

// Tiers (109号 art. 5): 页 1–30 free; 31–100 at 10; 101–200 at 20; from 201 at 40.
void describe('computeFee per page (按量计收, superprogressive over the application)', () => {
  const cases: [number, number, string][] = [
    [30, 0, '30 free'],
    [31, 10, '1 × 10'],
    [100, 700, '70 × 10'],
    [101, 720, '700 + 1 × 20'],
    [200, 2700, '700 + 100 × 20 = 700 + 2000'],
    [201, 2740, '2700 + 1 × 40'],
    [350, 8700, '2700 + 150 × 40 = 2700 + 6000'],
  ];
  for (const [pages, yuan, sum] of cases) {
    void it(`charges ${yuan} 元 for ${pages} pages (${sum})`, () => {
      assert.equal(perPage(pages).amountYuan, yuan);
    });
  }

  void it('lists every tier touched, free tier included', () => {
    assert.deepEqual(shape(perPage(350).lines), ['1-30@0=0', '31-100@10=700', '101-200@20=2000', '201-350@40=6000']);
    assert.deepEqual(perPage(0).lines, []);
  });

  void it('states basis and standard', () => {
    const r = perPage(31);
    assert.equal(r.basisZh, '《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条、第五条');
    assert.equal(
      r.standardZh,
      '按量计收：同一政府信息公开申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；101—200页（含200页）的部分，20元/页；201页以上的部分，40元/页。',
    );
    assert.equal(
      feeStandardZh('per-request'),
      '按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，100元/件；' +
        '31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件（31—40件200元/件，41—50件300元/件，依此类推）。',
    );
  });
});

void describe('computeFee validation', () => {
  const refused = (input: unknown, field: string) => {
    assert.throws(
      () => computeFee(input as FeeInput),
      (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues.some((i) => i.field === field),
    );
  };
  void it('refuses negative, fractional and non-numeric counts', () => {
    refused({ method: 'per-page', pages: -1 }, 'pages');
    refused({ method: 'per-page', pages: 2.5 }, 'pages');
    refused({ method: 'per-request', alreadyThisMonth: -3, pieces: 1 }, 'alreadyThisMonth');
    refused({ method: 'per-request', alreadyThisMonth: 0, pieces: '4' }, 'pieces');
    refused({ method: 'per-request', alreadyThisMonth: 0, pieces: 100_001 }, 'pieces');
  });
  void it('refuses both methods at once, and an unknown method', () => {
    refused({ method: 'per-request', alreadyThisMonth: 0, pieces: 1, pages: 40 }, 'pages');
    refused({ method: 'per-page', pages: 40, pieces: 1 }, 'pieces');
    refused({ method: 'both', pages: 40 }, 'method');
  });
});

void describe('feeNoticeText', () => {
  void it('states basis, standard, amount in figures and capitals, payment, deadline and consequence', () => {
    const text = feeNoticeText({ fee: perRequest(28, 5), paymentMethodZh: '凭本通知书所附非税收入缴款码，通过银行柜台或网上银行缴纳至国库', payBy: '2026-12-29' });
    assert.equal(text.length, 6);
    assert.match(text[0]!, /国办函〔2020〕109号/);
    assert.equal(text[1], '一、收费依据：《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条、第四条。');
    assert.match(text[2]!, /^二、收费标准：按件计收：/);
    assert.equal(
      text[3],
      '三、收费数额：本次申请按件计收，计为本自然月第29—33件（共5件），其中第29—30件，2件×100元/件=200元；第31—33件，3件×200元/件=600元。合计人民币800元（大写：捌佰元整）。',
    );
    assert.equal(text[4], '四、缴纳方式：凭本通知书所附非税收入缴款码，通过银行柜台或网上银行缴纳至国库。');
    assert.equal(text[5], '五、缴纳期限：请于2026年12月29日前（收到本通知次日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理您的该项政府信息公开申请。');
  });

  void it('describes a per-page fee with its free pages', () => {
    const text = feeNoticeText({ fee: perPage(101), paymentMethodZh: '现场缴纳', payBy: '2026-01-05' });
    assert.equal(text[3], '三、收费数额：本次申请按量计收，共101页，其中第1—30页不收费；第31—100页，70页×10元/页=700元；第101页，1页×20元/页=20元。合计人民币720元（大写：柒佰贰拾元整）。');
  });

  void it('refuses a notice for no fee, a bad date and a blank payment method', () => {
    assert.throws(
      () => feeNoticeText({ fee: perPage(30), paymentMethodZh: ' ', payBy: '2026-02-30' }),
      (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues.map((i) => i.field).join(',') === 'fee,paymentMethodZh,payBy',
    );
  });
});

void describe('Chinese formats', () => {
  void it('writes dates without leading zeros', () => {
    assert.equal(formatDateZh('2026-11-30'), '2026年11月30日');
    assert.equal(formatDateZh('2026-03-05'), '2026年3月5日');
    assert.throws(() => formatDateZh('2026-13-01'), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });
  void it('writes item numerals', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 35, 99].map(numeralZh), ['一', '九', '十', '十一', '二十', '三十五', '九十九']);
  });
  void it('writes amounts in capitals', () => {
    assert.equal(yuanInCapitalsZh(0), '零元整');
    assert.equal(yuanInCapitalsZh(10), '壹拾元整');
    assert.equal(yuanInCapitalsZh(720), '柒佰贰拾元整');
    assert.equal(yuanInCapitalsZh(1005), '壹仟零伍元整');
    assert.equal(yuanInCapitalsZh(8700), '捌仟柒佰元整');
    assert.equal(yuanInCapitalsZh(10010), '壹万零壹拾元整');
    assert.equal(yuanInCapitalsZh(100000), '壹拾万元整');
    assert.equal(yuanInCapitalsZh(100010000), '壹亿零壹万元整');
    assert.throws(() => yuanInCapitalsZh(-1), (e: unknown) => isGongkaiError(e, 'VALIDATION_FAILED'));
  });
});
