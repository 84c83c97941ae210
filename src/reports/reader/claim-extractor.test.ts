import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_2014 } from '../format/format-2014.ts';
import { FORMAT_2019 } from '../format/format-2019.ts';
import { FORMAT_2021 } from '../format/format-2021.ts';
import type { Claim } from '../model/structured-report.ts';
import { docFromText, huaian, pingtan, wuzhong } from '../../../test/helpers/narrative-fixtures.ts';
import { extractClaims, extractShareSet } from './claim-extractor.ts';
import { detectSections } from './section-detector.ts';

/** The one claim with this value and unit (fails when there is not exactly one). */
function one(claims: readonly Claim[], value: number, unit: string): Claim {
  const found = claims.filter((c) => c.value === value && c.unit === unit);
  assert.equal(found.length, 1, `one claim ${value} ${unit}, found ${found.length}`);
  return found[0] as Claim;
}

describe('extractClaims on wuzhong (2014 format)', () => {
  const { dt, exclude } = wuzhong();
  const sections = detectSections(dt, FORMAT_2014, exclude);
  const { claims, shareSets, breakdowns } = extractClaims(dt, sections, exclude);

  it('numbers the claims in reading order with positions', () => {
    claims.forEach((c, i) => assert.equal(c.id, `c${i + 1}`));
    const lines = claims.map((c) => c.position?.line ?? 0);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  it('reads the proactive-disclosure figures', () => {
    const total = one(claims, 125981, '条');
    assert.ok(total.subject.endsWith('主动公开政府信息'));
    assert.equal(total.subject, '通过政府网站、政府公报、政务微信微博、新闻媒体等渠道和方式主动公开政府信息');
    assert.equal(total.section, 'proactive');
    assert.deepEqual(total.position, { line: 174, column: 90 });
    assert.equal(one(claims, 53919, '条').subject, '全市各级各部门依托政府网站公开政府信息');
    const wechat = one(claims, 1641, '条');
    assert.deepEqual([wechat.subject, wechat.qualifier, wechat.upperBound, wechat.context], ['微信信息', 'at-least', 1806, '通过微信、微博和客户端公开各类信息']);
    const weibo = one(claims, 16805, '条');
    assert.deepEqual([weibo.subject, weibo.qualifier], ['微博信息', 'at-least']);
    const both = one(claims, 10000, '条');
    assert.deepEqual([both.qualifier, both.upperBound], ['at-least', 20000]);
    assert.deepEqual(breakdowns.find((b) => b.total === both.id), { total: both.id, parts: [wechat.id, weibo.id], exhaustive: false });
  });

  it('reads the request figures with the 33 + 2 parts of 35', () => {
    const received = claims.filter((c) => c.value === 35 && c.unit === '件');
    assert.deepEqual(
      received.map((c) => [c.subject, c.section]),
      [
        ['全市各级行政机关受理政府信息公开申请', 'requests'],
        ['依申请办结', 'requests'],
      ],
    );
    assert.deepEqual(
      [7, 10, 18].map((v) => one(claims, v, '件').subject),
      ['当面受理', '网络申请', '信函申请'],
    );
    const inRequests = claims.filter((c) => c.section === 'requests');
    assert.deepEqual(
      [33, 2].map((v) => [one(inRequests, v, '件').subject, one(inRequests, v, '件').context]),
      [
        ['按时办结', '依申请办结'],
        ['延期办结', '依申请办结'],
      ],
    );
  });

  it('reads the other mapped figures', () => {
    assert.equal(one(claims, 8, '件').subject, '全年受理因政府信息公开引起的复议诉讼');
    const training = one(claims, 3, '次');
    assert.deepEqual([training.subject, training.predicate], ['全年共举办', '培训班']);
    const interpretations = one(claims, 105, '篇');
    assert.deepEqual([interpretations.qualifier, interpretations.upperBound], ['at-least', 116]);
    assert.equal(one(claims, 9, '场次').subject, '吴忠市本级召开各级新闻发布会');
    assert.equal(one(claims, 162, '个').subject, '全市承担政务公开日常工作的专门机构有');
    assert.equal(one(claims, 347, '人').subject, '工作人员');
    assert.equal(one(claims, 49, '个').subject, '市、县(区)两级设立政府信息公开公共查阅点');
    assert.ok(claims.some((c) => c.subject === '回复率' && c.value === 100 && c.unit === '%'));
    const fans = one(claims, 190000, '人');
    assert.deepEqual([fans.qualifier, fans.upperBound], ['at-least', 210000]);
  });

  it('reads the zeros stated in words', () => {
    const negations = claims.filter((c) => c.negation);
    assert.deepEqual(
      negations.map((c) => [c.subject, c.value, c.unit, c.section]),
      [
        ['免费', 0, '', 'proactive'],
        ['败诉案件', 0, '', 'review'],
        ['投诉、举报', 0, '', 'review'],
      ],
    );
  });

  it('reads nothing from the foreign block, the statistics table, dates or document numbers', () => {
    assert.ok(!claims.some((c) => c.value === 2.9 || c.text.includes('投标费率') || c.text.includes('设计周期')));
    assert.ok(!claims.some((c) => (c.position?.line ?? 0) >= 93 && (c.position?.line ?? 0) <= 105));
    assert.ok(!claims.some((c) => (c.position?.line ?? 0) >= 230));
    assert.ok(!claims.some((c) => c.value === 127736 || c.value === 2017 || c.value === 2018 || c.value === 24 || c.value === 80));
  });

  it('finds the two share sets of the narrative', () => {
    assert.deepEqual(
      shareSets.map((s) => [s.subject, s.items.length, s.items.reduce((a, i) => a + i.value, 0)]),
      [
        ['信息类别', 10, 100],
        ['申请内容', 5, 100],
      ],
    );
    assert.deepEqual(shareSets[0]?.items.slice(0, 3).map((i) => i.label), ['机构职能类信息', '政策、规范性文件类信息', '规划计划类信息']);
    assert.deepEqual(
      shareSets[1]?.items.map((i) => [i.label, i.value]),
      [
        ['征地拆迁', 25],
        ['棚户区改造', 35],
        ['民生实事', 15],
        ['重大项目', 10],
        ['其他', 15],
      ],
    );
  });
});

describe('extractClaims on pingtan (2019 format, flattened)', () => {
  const { dt, exclude } = pingtan();
  const { claims, breakdowns } = extractClaims(dt, detectSections(dt, FORMAT_2019, exclude), exclude);

  it('finds the 2602 breakdown with 11 parts ending in 其他, summing to 2603', () => {
    const total = one(claims, 2602, '条');
    const b = breakdowns.find((x) => x.total === total.id);
    assert.ok(b);
    assert.equal(b.parts.length, 11);
    assert.equal(b.exhaustive, true);
    const parts = b.parts.map((id) => claims.find((c) => c.id === id) as Claim);
    assert.equal(parts.reduce((a, c) => a + c.value, 0), 2603);
    assert.equal(parts[10]?.subject, '其他应主动公开政府信息');
    assert.ok(parts.every((c) => c.context === '全年我区政府信息公开单位共公布政府信息'));
  });

  it('reads the 21 requests and nothing from the tables', () => {
    const requests = one(claims, 21, '件');
    assert.ok(requests.subject.endsWith('共受理政府信息公开申请'));
    assert.equal(requests.section, 'overview');
    assert.ok(!claims.some((c) => c.unit === '元'));
  });
});

describe('extractClaims on huaian (2021 format, PDF)', () => {
  it('reads the request and review figures with their contexts', async () => {
    const { dt, exclude } = await huaian();
    const { claims, breakdowns } = extractClaims(dt, detectSections(dt, FORMAT_2021, exclude), exclude);
    assert.equal(one(claims, 3119, '件').subject, '全市共受理政府信息公开申请');
    assert.equal(one(claims, 3050, '件').subject, '答复');
    assert.deepEqual([one(claims, 34, '件').subject, one(claims, 34, '件').context], ['含上年度结转申请', '答复']);
    const later = one(claims, 103, '件');
    assert.deepEqual([later.subject, later.predicate, later.context], ['另有', '顺延到下年度答复', '']);
    const review = one(claims, 351, '件');
    assert.equal(review.subject, '政府信息公开行政复议');
    assert.deepEqual(
      [72, 64, 178, 37].map((v) => [one(claims, v, '件').subject, one(claims, v, '件').context]),
      [
        ['结果维持', '政府信息公开行政复议'],
        ['结果纠正', '政府信息公开行政复议'],
        ['其他结果', '政府信息公开行政复议'],
        ['尚未审结', '政府信息公开行政复议'],
      ],
    );
    const suits = one(claims, 46, '件');
    const suitParts = breakdowns.find((b) => b.total === suits.id)?.parts.map((id) => claims.find((c) => c.id === id)?.value);
    assert.deepEqual(suitParts, [25, 5, 9, 7]);
    const fee = one(claims, 3940, '元');
    assert.deepEqual([fee.subject, fee.section], ['全年收取政府信息公开信息处理费', 'other']);
    assert.equal(one(claims, 5500, '条').qualifier, 'at-least');
    assert.equal(one(claims, 12, '场').section, 'overview');
    assert.ok(!claims.some((c) => c.value === 711 || c.value === 223001));
  });
});

describe('extractClaims details', () => {
  it('puts claims before the first heading in the preamble', () => {
    const dt = docFromText('本报告汇总5个县的情况。\n一、总体情况\n受理申请3件。');
    const { claims } = extractClaims(dt, detectSections(dt, FORMAT_2021, []), []);
    assert.deepEqual(
      claims.map((c) => [c.value, c.section]),
      [
        [5, 'preamble'],
        [3, 'overview'],
      ],
    );
  });

  it('starts a breakdown at 其中 right after a sentence end', () => {
    const dt = docFromText('共受理申请35件。其中,当面申请7件,网络申请28件。');
    const { claims, breakdowns } = extractClaims(dt, [], []);
    assert.deepEqual(breakdowns, [{ total: 'c1', parts: ['c2', 'c3'], exhaustive: false }]);
    assert.equal(claims[1]?.context, '共受理申请');
  });

  it('carries the bounds of a 万 figure and the year phrase of its sentence', () => {
    const dt = docFromText('2024年，主动公开政府信息12.77万条，公开各类信息1万余条。');
    const { claims } = extractClaims(dt, [], []);
    assert.deepEqual(
      claims.map((c) => [c.value, c.qualifier, c.lowerBound, c.upperBound, c.yearPhrase]),
      [
        [127700, 'approximately', 127650, 127750, '2024年'],
        [10000, 'at-least', undefined, 20000, '2024年'],
      ],
    );
    assert.equal('yearPhrase' in (extractClaims(docFromText('受理申请3件。'), [], []).claims[0] ?? {}), false);
  });
});

describe('extractShareSet', () => {
  it('reads the 2014 table text cell 申请公开的主要内容', () => {
    const cell =
      '主要侧重征地拆迁、棚户区改造、重大项目建设、民生实事等几个方面,其中征地拆迁占比 25% 、棚户区改造占比 35% 、-- 重大项目建设占比 10% ,民生实事占比 15% ,其他占比 25%\t---\t';
    const set = extractShareSet(cell, 'table', { line: 293 });
    assert.ok(set);
    assert.equal(set.origin, 'table');
    assert.equal(set.subject, '申请内容');
    assert.deepEqual(
      set.items.map((i) => [i.label, i.value]),
      [
        ['征地拆迁', 25],
        ['棚户区改造', 35],
        ['重大项目建设', 10],
        ['民生实事', 15],
        ['其他', 25],
      ],
    );
    assert.deepEqual(set.items[0]?.position, { line: 293 });
  });

  it('needs three items', () => {
    assert.equal(extractShareSet('甲占50%,乙占50%', 'narrative', null), null);
    assert.equal(extractShareSet('从来源看,甲占50%,乙占30%,丙占20%', 'narrative', null)?.subject, '来源');
  });
});
