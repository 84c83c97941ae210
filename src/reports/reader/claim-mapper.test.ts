import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_2014 } from '../format/format-2014.ts';
import { FORMAT_2019 } from '../format/format-2019.ts';
import { FORMAT_2021 } from '../format/format-2021.ts';
import type { ReportFormat } from '../format/report-format.ts';
import type { Claim } from '../model/structured-report.ts';
import { docFromText, huaian, pingtan, wuzhong } from '../../../test/helpers/narrative-fixtures.ts';
import type { NarrativeFixture } from '../../../test/helpers/narrative-fixtures.ts';
import { extractClaims } from './claim-extractor.ts';
import { datedToOtherYear, findMapping, mapClaims } from './claim-mapper.ts';
import { detectSections } from './section-detector.ts';

/** A claim with defaults. */
function claim(fields: Partial<Claim>): Claim {
  return { id: 'c1', text: '', subject: '', predicate: '', context: '', value: 1, unit: '件', qualifier: 'exact', negation: false, section: null, position: null, ...fields };
}

/** The mapped claims of a fixture (report year `year`). */
function mapped(f: NarrativeFixture, format: ReportFormat, year: number): Claim[] {
  return mapClaims(extractClaims(f.dt, detectSections(f.dt, format, f.exclude), f.exclude).claims, format, year);
}

/** Mapping id of the claim(s) with this value/unit/subject end; every such claim must agree. */
function mappingOf(claims: readonly Claim[], value: number, unit: string, subjectEnd = ''): string | undefined {
  const found = claims.filter((c) => c.value === value && c.unit === unit && c.subject.endsWith(subjectEnd));
  assert.ok(found.length > 0, `claim ${value} ${unit} ${subjectEnd}`);
  const ids = new Set(found.map((c) => c.mapping));
  assert.equal(ids.size, 1, `claims ${value} ${unit} map alike`);
  return found[0]?.mapping;
}

describe('findMapping', () => {
  it('matches context|subject, the predicate, units and exclude', () => {
    assert.equal(findMapping(claim({ subject: '受理政府信息公开申请' }), FORMAT_2021)?.id, 'requests-new');
    assert.equal(findMapping(claim({ subject: '受理政府信息公开申请', unit: '条' }), FORMAT_2021), null);
    assert.equal(findMapping(claim({ subject: '受理上年结转申请' }), FORMAT_2021)?.id, 'requests-carried-in');
    assert.equal(findMapping(claim({ subject: '另有', predicate: '顺延到下年度答复' }), FORMAT_2021)?.id, 'requests-carried-over-after');
    assert.equal(findMapping(claim({ subject: '答复' }), FORMAT_2021)?.id, 'requests-concluded');
    assert.equal(findMapping(claim({ subject: '办结', context: '受理申请' }), FORMAT_2021), null);
    assert.equal(findMapping(claim({ subject: '逾期未缴纳费用' }), FORMAT_2021)?.id, 'other-unpaid-fee');
    assert.equal(findMapping(claim({ subject: '逾期未缴纳费用' }), FORMAT_2019), null);
  });

  it('lets negation claims through any unit check', () => {
    assert.equal(findMapping(claim({ subject: '投诉、举报', unit: '', value: 0, negation: true }), FORMAT_2014)?.id, 'complaints');
    assert.equal(findMapping(claim({ subject: '免费', unit: '', value: 0, negation: true }), FORMAT_2014)?.id, 'fees');
    assert.equal(findMapping(claim({ subject: '投诉、举报', unit: '', value: 0, negation: false }), FORMAT_2014), null);
  });

  it('tells the proactive total from channel figures', () => {
    assert.equal(findMapping(claim({ subject: '通过政府网站、政府公报等渠道和方式主动公开政府信息', unit: '条' }), FORMAT_2014)?.id, 'proactive-total');
    assert.equal(findMapping(claim({ subject: '政府网站主动公开政府信息', unit: '条' }), FORMAT_2014)?.id, 'channel-website');
  });
});

describe('mapClaims', () => {
  it('maps the wuzhong claims onto the 2014 statistics table', () => {
    const claims = mapped(wuzhong(), FORMAT_2014, 2017);
    const expected: [number, string, string, string][] = [
      [125981, '条', '主动公开政府信息', 'proactive-total'],
      [53919, '条', '', 'channel-website'],
      [1641, '条', '', 'channel-wechat'],
      [16805, '条', '', 'channel-weibo'],
      [35, '件', '受理政府信息公开申请', 'requests-received'],
      [7, '件', '', 'received-in-person'],
      [10, '件', '网络申请', 'received-online'],
      [18, '件', '', 'received-letter'],
      [35, '件', '依申请办结', 'concluded'],
      [33, '件', '', 'concluded-on-time'],
      [2, '件', '延期办结', 'concluded-extended'],
      [8, '件', '', 'review-total'],
      [3, '次', '', 'training-sessions'],
      [105, '篇', '', 'interpretations'],
      [105, '件', '', 'interpretations'],
      [9, '场次', '', 'press-conferences'],
      [162, '个', '', 'ogi-offices'],
      [347, '人', '', 'staff'],
      [49, '个', '', 'reading-points'],
    ];
    for (const [value, unit, end, id] of expected) assert.equal(mappingOf(claims, value, unit, end), id, `${value} ${unit}`);
    const negations = claims.filter((c) => c.negation).map((c) => [c.subject, c.mapping, c.cells]);
    assert.deepEqual(negations, [
      ['免费', 'fees', ['stats/fees/value']],
      ['败诉案件', 'litigation-lost', ['stats/litigation-corrected/value']],
      ['投诉、举报', 'complaints', ['stats/complaints/value']],
    ]);
    assert.deepEqual(claims.find((c) => c.value === 8 && c.unit === '件')?.cells, ['stats/reconsideration-total/value', 'stats/litigation-total/value']);
    assert.equal(mappingOf(claims, 10000, '条'), undefined);
    assert.equal(mappingOf(claims, 2528.5, '万元'), undefined);
  });

  it('maps the huaian claims onto tables 三 and 四 (2021)', async () => {
    const claims = mapped(await huaian(), FORMAT_2021, 2024);
    const expected: [number, string, string | undefined][] = [
      [3119, '件', 'requests-new'],
      [3050, '件', 'requests-concluded'],
      [34, '件', 'requests-carried-in'],
      [103, '件', 'requests-carried-over-after'],
      [351, '件', 'reconsideration-total'],
      [72, '件', 'reconsideration-upheld'],
      [64, '件', 'reconsideration-corrected'],
      [178, '件', 'reconsideration-other'],
      [37, '件', 'reconsideration-pending'],
      [46, '件', 'litigation-total'],
      [25, '件', 'litigation-upheld'],
      [5, '件', 'litigation-corrected'],
      [9, '件', 'litigation-other'],
      [7, '件', 'litigation-pending'],
      [3940, '元', undefined],
      [5500, '条', undefined],
      [12, '场', undefined],
      [95, '个', undefined],
      [1, '件', undefined],
      [11, '件', undefined],
    ];
    for (const [value, unit, id] of expected) assert.equal(mappingOf(claims, value, unit), id, `${value} ${unit}`);
    assert.deepEqual(claims.find((c) => c.value === 46)?.cells, ['t4/cases/direct-suit-total', 't4/cases/suit-after-reconsideration-total']);
    assert.deepEqual(claims.find((c) => c.value === 3050)?.cells, ['t3/total/total']);
  });

  it('maps the pingtan 21 requests (2019) and nothing else onto tables 三 and 四', () => {
    const claims = mapped(pingtan(), FORMAT_2019, 2020);
    assert.deepEqual(
      claims.filter((c) => c.mapping).map((c) => [c.value, c.mapping, c.cells]),
      [[21, 'requests-new', ['t3/new/total']]],
    );
  });

  it('leaves claims about another year unmapped, but maps the carried-in requests (2024 report)', () => {
    const dt = docFromText(
      [
        '统计期限自2024年1月1日至2024年12月31日。',
        '2023年全市共受理政府信息公开申请2856件。',
        '2024年，全市共受理政府信息公开申请3119件，答复3050件(含上年度结转申请34件)，另有103件顺延到下年度答复。',
        '去年受理政府信息公开申请2856件。上年结转政府信息公开申请34件。',
      ].join('\n'),
    );
    const claims = mapClaims(extractClaims(dt, [], []).claims, FORMAT_2021, 2024);
    assert.deepEqual(
      claims.map((c) => [c.value, c.yearPhrase, c.mapping]),
      [
        [2856, '2023年', undefined],
        [3119, '2024年', 'requests-new'],
        [3050, '2024年', 'requests-concluded'],
        [34, '2024年', 'requests-carried-in'],
        [103, '2024年', 'requests-carried-over-after'],
        [2856, '去年', undefined],
        [34, undefined, 'requests-carried-in'],
      ],
    );
    // The same text read as a 2023 report maps the 2023 sentence and not the 2024 one.
    const as2023 = mapClaims(extractClaims(dt, [], []).claims, FORMAT_2021, 2023);
    assert.equal(as2023[0]?.mapping, 'requests-new');
    assert.equal(as2023[1]?.mapping, undefined);
  });

  it('tells which year phrases date a claim to another year', () => {
    assert.equal(datedToOtherYear(claim({ yearPhrase: '2023年' }), 2024), true);
    assert.equal(datedToOtherYear(claim({ yearPhrase: '2024年度' }), 2024), false);
    assert.equal(datedToOtherYear(claim({ yearPhrase: '上一年度' }), 2024), true);
    assert.equal(datedToOtherYear(claim({ yearPhrase: '本年度' }), 2024), false);
    assert.equal(datedToOtherYear(claim({}), 2024), false);
    // Unknown report year: an absolute year cannot be compared, 去年 is still another year.
    assert.equal(datedToOtherYear(claim({ yearPhrase: '2023年' }), null), false);
    assert.equal(datedToOtherYear(claim({ yearPhrase: '去年' }), null), true);
  });

  it('does not modify its input and drops stale mappings', () => {
    const input = [claim({ subject: '无关', cells: ['x'], mapping: 'stale' })];
    const out = mapClaims(input, FORMAT_2021, 2024);
    assert.equal(out[0]?.mapping, undefined);
    assert.equal(out[0]?.cells, undefined);
    assert.equal(input[0]?.mapping, 'stale');
  });
});
