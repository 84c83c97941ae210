import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atLeastUpperBound, precisionBounds, scanNegations, scanNumbers, yearOfPhrase, yearPhraseBefore } from './claim-scanner.ts';

/** [value, unit, qualifier, upperBound] of every claim in `t`. */
const values = (t: string): (string | number | undefined)[][] => scanNumbers(t).map((c) => [c.value, c.unit, c.qualifier, c.upperBound]);

describe('scanNumbers: values, units, qualifiers', () => {
  it('reads a plain count with its subject and predicate', () => {
    const [c] = scanNumbers('通过政府网站、政府公报、政务微信微博、新闻媒体等渠道和方式主动公开政府信息125981条。');
    assert.ok(c);
    assert.equal(c.subject, '通过政府网站、政府公报、政务微信微博、新闻媒体等渠道和方式主动公开政府信息');
    assert.deepEqual([c.value, c.unit, c.qualifier, c.predicate, c.negation], [125981, '条', 'exact', '', false]);
  });

  it('computes at-least upper bounds: N + max(10^trailingZeros(N), ceil(N×0.1))', () => {
    assert.deepEqual(values('发布政策解读105余篇'), [[105, '篇', 'at-least', 116]]);
    assert.deepEqual(values('微信信息1641多条'), [[1641, '条', 'at-least', 1806]]);
    assert.deepEqual(values('累计公开信息1000余条'), [[1000, '条', 'at-least', 2000]]);
    assert.deepEqual(values('主动公开5500余条'), [[5500, '条', 'at-least', 6050]]);
    assert.deepEqual(values('20多个重点领域'), [[20, '个', 'at-least', 30]]);
    assert.deepEqual(values('培训500人次以上'), [[500, '人次', 'at-least', 600]]);
    assert.deepEqual(values('超过300件'), [[300, '件', 'at-least', 400]]);
    assert.equal(atLeastUpperBound(2.5, '2.5'), 2.75);
  });

  it('multiplies out 万 and 亿, keeping 万元 and 亿元 as units', () => {
    assert.deepEqual(values('公开各类信息1万余条'), [[10000, '条', 'at-least', 20000]]);
    assert.deepEqual(values('关注量为19余万人'), [[190000, '人', 'at-least', 210000]]);
    assert.deepEqual(values('汇聚数据8232万条'), [[82320000, '条', 'approximately', 82325000]]);
    assert.deepEqual(values('资金2528.5万元,总投资33亿元'), [
      [2528.5, '万元', 'exact', undefined],
      [33, '亿元', 'exact', undefined],
    ]);
    assert.deepEqual(values('收费1.2万余元'), [[12000, '元', 'at-least', 13200]]);
  });

  it('reads approximately and less-than qualifiers', () => {
    assert.deepEqual(values('发布信息近100条,约50篇,200件左右,不到10次,不足5个'), [
      [100, '条', 'approximately', undefined],
      [50, '篇', 'approximately', undefined],
      [200, '件', 'approximately', undefined],
      [10, '次', 'less-than', undefined],
      [5, '个', 'less-than', undefined],
    ]);
    const [near] = scanNumbers('发布信息近100条');
    assert.equal(near?.subject, '发布信息');
  });

  it('reads percentages and thousands separators', () => {
    assert.deepEqual(values('回复率100%,占7.5%,共1,234件'), [
      [100, '%', 'exact', undefined],
      [7.5, '%', 'exact', undefined],
      [1234, '件', 'exact', undefined],
    ]);
  });
});

describe('scanNumbers: figures given in 万/亿 are stated to their printed precision', () => {
  /** [value, qualifier, lowerBound, upperBound] of the only claim in `t`. */
  const bounds = (t: string): (string | number | undefined)[] => {
    const [c, more] = scanNumbers(t);
    assert.ok(c && !more, t);
    return [c.value, c.qualifier, c.lowerBound, c.upperBound];
  };

  it('allows half a unit of the last printed digit either side', () => {
    // 12.77万: last digit 0.01万 = 100, half = 50 ⇒ 127650–127750.
    assert.deepEqual(bounds('主动公开政府信息12.77万条'), [127700, 'approximately', 127650, 127750]);
    // 12.8万: 0.1万 = 1000, half = 500.
    assert.deepEqual(bounds('主动公开政府信息12.8万条'), [128000, 'approximately', 127500, 128500]);
    // 3万: 1万, half = 5000.
    assert.deepEqual(bounds('公开信息3万条'), [30000, 'approximately', 25000, 35000]);
    // 0.31万: 0.01万 = 100, half = 50 ⇒ 3050–3150, which holds 3119.
    assert.deepEqual(bounds('受理申请0.31万件'), [3100, 'approximately', 3050, 3150]);
    // 1.2亿: 0.1亿 = 1e7, half = 5e6.
    assert.deepEqual(bounds('访问量1.2亿次'), [120000000, 'approximately', 115000000, 125000000]);
    assert.deepEqual(precisionBounds('1,234.5', 1e4), { lowerBound: 12344500, upperBound: 12345500 });
  });

  it('keeps 万余 an at-least claim and widens 约/近/左右 to the larger of the precision and ±10%', () => {
    assert.deepEqual(bounds('公开各类信息1万余条'), [10000, 'at-least', undefined, 20000]);
    // 约12.8万: ±10% = 115200–140800 is wider than 127500–128500.
    assert.deepEqual(bounds('主动公开约12.8万条'), [128000, 'approximately', 115200, 140800]);
    // 近3万: 25000–35000 is wider than ±10% = 27000–33000.
    assert.deepEqual(bounds('公开信息近3万条'), [30000, 'approximately', 25000, 35000]);
    assert.deepEqual(bounds('公开信息3万条左右'), [30000, 'approximately', 25000, 35000]);
    assert.deepEqual(bounds('不到3万条'), [30000, 'less-than', undefined, undefined]);
  });

  it('leaves figures without a multiplier, and 万元 amounts, exact', () => {
    assert.deepEqual(bounds('主动公开127736条'), [127736, 'exact', undefined, undefined]);
    assert.deepEqual(bounds('资金2528.5万元'), [2528.5, 'exact', undefined, undefined]);
  });
});

describe('yearPhraseBefore: the year named in the sentence of a figure', () => {
  /** The phrase dating the claim with value `value` in `t`. */
  const phrase = (t: string, value: number): string | undefined => {
    const c = scanNumbers(t).find((x) => x.value === value);
    assert.ok(c, `${value} in ${t}`);
    return yearPhraseBefore(t, c.index);
  };

  it('finds the last year named before the figure in its sentence', () => {
    assert.equal(phrase('2023年全市共受理政府信息公开申请2856件。', 2856), '2023年');
    assert.equal(phrase('2024年，全市共受理政府信息公开申请3119件，答复3050件。', 3050), '2024年');
    assert.equal(phrase('2023年受理2856件；2024年受理3119件。', 3119), '2024年');
    assert.equal(phrase('去年全市共受理申请2856件。', 2856), '去年');
    assert.equal(phrase('二〇二三年，全市共受理申请2856件。', 2856), '二〇二三年');
    assert.equal(phrase('上一年度共受理申请2856件，本年度共受理申请3119件。', 3119), '本年度');
    assert.equal(phrase('统计期限为2017年1月1日至2017年12月31日，全市受理申请35件。', 35), '2017年');
  });

  it('stops at the sentence end and skips titles, carry-overs and comparisons', () => {
    assert.equal(phrase('2023年共受理2856件。全市共受理申请3119件。', 3119), undefined);
    assert.equal(phrase('印发《2023年政务公开工作要点》，受理申请3119件。', 3119), undefined);
    assert.equal(phrase('答复3050件(含上年度结转申请34件)。', 34), undefined);
    assert.equal(phrase('上年结转政府信息公开申请34件。', 34), undefined);
    assert.equal(phrase('另有结转至2025年办理的申请103件。', 103), undefined);
    assert.equal(phrase('与上年相比，全市受理申请3119件。', 3119), undefined);
    assert.equal(phrase('受理申请3119件，较上年增加263件，答复3050件。', 3050), undefined);
  });

  it('resolves phrases to years', () => {
    assert.equal(yearOfPhrase('2023年', 2024), 2023);
    assert.equal(yearOfPhrase('二〇二三年度', null), 2023);
    assert.equal(yearOfPhrase('上年', 2024), 2023);
    assert.equal(yearOfPhrase('上一年度', 2024), 2023);
    assert.equal(yearOfPhrase('去年', 2024), 2023);
    assert.equal(yearOfPhrase('本年度', 2024), 2024);
    assert.equal(yearOfPhrase('上年', null), null);
  });
});

describe('scanNumbers: not claims', () => {
  it('skips years, dates and times', () => {
    assert.deepEqual(values('统计期限为2017年1月1日至2017年12月31日。发布时间:2021-03-05 08:58'), []);
    assert.deepEqual(values('2017年1月1日至2017年12月31日'), []);
  });
  it('skips document numbers, 第N and numbers inside 《》', () => {
    assert.deepEqual(values('(国办发〔2017〕24号)(国令第711号)第3次会议《2017年收费目录清单》《条例》第5条'), []);
    assert.deepEqual(values('发布《2017年宁夏回族自治区行政事业性收费目录清单》等8个收费清单'), [[8, '个', 'exact', undefined]]);
  });
  it('skips phone numbers, postcodes, addresses, ids and URLs', () => {
    assert.deepEqual(values('邮编:750003;电话:0953-2039337;传真:0953-2039309;翔宇南道1号;主楼14层'), []);
    assert.deepEqual(values('索引号640300032/2018-04416;www.pingtan.gov.cn/202103/t20210305_80595.htm;投标费率(%)2.90'), []);
  });
  it('skips enumerators and number-like words', () => {
    assert.deepEqual(values('1.强化组织保障。(2)推进。3、工程的方案。“12345”服务热线。3个月内。提高5个百分点。'), []);
  });
  it('does not read a unit out of a following word', () => {
    assert.deepEqual(values('5人民政府,3名单,2期间,4项目,6家庭,1元旦'), []);
  });
});

describe('scanNumbers: subjects and predicates', () => {
  it('stops the subject at the previous claim and strips 、 and 其中', () => {
    const cs = scanNumbers('承办代表议案2件、建议72件,其中结果维持5件');
    assert.deepEqual(
      cs.map((c) => c.subject),
      ['承办代表议案', '建议', '结果维持'],
    );
  });
  it('takes the text after the unit to the clause end as the predicate', () => {
    const cs = scanNumbers('全年共举办3次培训班,邀请专家;另有103件顺延到下年度答复)');
    assert.deepEqual(
      cs.map((c) => [c.subject, c.predicate]),
      [
        ['全年共举办', '培训班'],
        ['另有', '顺延到下年度答复'],
      ],
    );
  });
  it('does not cut the subject at commas inside brackets, titles or quotes', () => {
    const [c] = scanNumbers('市、县(区,含开发区)两级设立查阅点49个');
    assert.equal(c?.subject, '市、县(区,含开发区)两级设立查阅点');
    const [open] = scanNumbers('答复3050件(含上年度结转申请34件');
    assert.equal(scanNumbers('答复3050件(含上年度结转申请34件')[1]?.subject, '含上年度结转申请');
    assert.equal(open?.subject, '答复');
  });
});

describe('scanNegations', () => {
  const neg = (t: string): string[] => scanNegations(t, scanNumbers(t)).map((c) => `${c.subject}:${c.value}:${c.unit}:${String(c.negation)}`);
  it('reads zeros stated in words', () => {
    assert.deepEqual(neg('未收到因政府信息公开方面的投诉、举报。'), ['投诉、举报:0::true']);
    assert.deepEqual(neg('全年受理复议诉讼8件,无败诉案件。'), ['败诉案件:0::true']);
    assert.deepEqual(neg('全市向公民提供政府信息,全部实行免费。'), ['免费:0::true']);
    assert.deepEqual(neg('未收取任何费用。'), ['收取费用:0::true']);
    assert.deepEqual(neg('本年度未被申请行政复议,未被提起行政诉讼。'), ['申请行政复议:0::true', '提起行政诉讼:0::true']);
    assert.deepEqual(neg('全年未收到政府信息公开申请。'), ['收到政府信息公开申请:0::true']);
  });
  it('ignores negations about other things and clauses with a number', () => {
    assert.deepEqual(neg('无其他需要报告的事项。普通高中免费行动。实现无纸化办理。未收到投诉3件。'), []);
  });
});
