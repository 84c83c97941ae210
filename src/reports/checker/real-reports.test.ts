/**
 * The checker on the figures of the real reports in test/fixtures/reports, transcribed by hand
 * (the checker's folder does no I/O): 吴忠 2017 (its narrative contradicts its table in five
 * places) and 平潭 2020 (table 三's outcome rows do not add up to （七）总计).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport } from './check-report.ts';
import { buildReport } from './test-report-builder.ts';
import type { ClaimInit } from './test-report-builder.ts';
import type { ShareSet } from '../model/structured-report.ts';

/** test/fixtures/expected/wuzhong-2017-stats.json (without the text row). */
const WUZHONG_STATS: Record<string, number> = {
  'proactive-total': 127736, 'proactive-normative': 45, 'normative-issued': 45, 'channel-gazette': 0, 'channel-website': 53919,
  'channel-weibo': 1641, 'channel-wechat': 16805, 'channel-other': 55371, responses: 273, 'press-conferences': 22,
  'press-conferences-leaders': 11, 'online-interviews': 0, 'online-interviews-leaders': 0, interpretations: 39,
  'weibo-wechat-responses': 40, 'other-responses': 172, 'requests-received': 35, 'received-in-person': 7, 'received-fax': 0,
  'received-online': 10, 'received-letter': 18, concluded: 35, 'concluded-on-time': 33, 'concluded-extended': 2, answered: 35,
  'answer-already-public': 10, 'answer-disclosed': 8, 'answer-partial': 0, 'answer-refused': 3, 'refused-state-secret': 0,
  'refused-trade-secret': 0, 'refused-privacy': 1, 'refused-security': 0, 'refused-not-government-information': 2,
  'refused-other-law': 0, 'answer-not-this-agency': 4, 'answer-nonexistent': 5, 'answer-clarification': 4,
  'answer-other-channel': 1, 'reconsideration-total': 8, 'reconsideration-upheld': 8, 'reconsideration-corrected': 0,
  'reconsideration-other': 0, 'litigation-total': 2, 'litigation-upheld': 2, 'litigation-corrected': 0, 'litigation-other': 0,
  complaints: 0, fees: 0, 'ogi-offices': 162, 'reading-points': 49, staff: 347, 'staff-full-time': 127, 'staff-part-time': 220,
  funding: 33, meetings: 45, 'training-sessions': 22, trainees: 895,
};

const WUZHONG_CLAIMS: ClaimInit[] = [
  { text: '新闻发布会 9 场次', subject: '吴忠市本级召开各级新闻发布会', value: 9, unit: '场次', mapping: 'press-conferences', position: { line: 40 } },
  { text: '通过政府网站、政府公报…主动公开政府信息 125981 条', subject: '主动公开政府信息', value: 125981, unit: '条', mapping: 'proactive-total', position: { line: 88 } },
  { text: '依托政府网站公开政府信息 53919 条', value: 53919, unit: '条', mapping: 'channel-website', position: { line: 97 } },
  { text: '微信信息 1641 多条', value: 1641, unit: '条', qualifier: 'at-least', upperBound: 1699, mapping: 'channel-wechat', position: { line: 97 } },
  { text: '微博信息 16805 多条', value: 16805, unit: '条', qualifier: 'at-least', upperBound: 16899, mapping: 'channel-weibo', position: { line: 97 } },
  { text: '设立政府信息公开公共查阅点 49 个', value: 49, unit: '个', mapping: 'reading-points', position: { line: 97 } },
  { text: '全部实行免费', value: 0, negation: true, position: { line: 97 } },
  { text: '受理政府信息公开申请 35 件', value: 35, mapping: 'requests-received', position: { line: 101 } },
  { text: '当面受理 7 件', value: 7, mapping: 'received-in-person', position: { line: 101 } },
  { text: '网络申请 10 件', value: 10, mapping: 'received-online', position: { line: 101 } },
  { text: '信函申请 18 件', value: 18, mapping: 'received-letter', position: { line: 101 } },
  { text: '依申请办结 35 件', value: 35, mapping: 'concluded', position: { line: 101 } },
  { text: '按时办结 33 件', value: 33, mapping: 'concluded-on-time', position: { line: 101 } },
  { text: '延期办结 2 件', value: 2, mapping: 'concluded-extended', position: { line: 101 } },
  { text: '受理因政府信息公开引起的复议诉讼 8 件', value: 8, mapping: 'review-total', position: { line: 105 } },
  { text: '无败诉案件', value: 0, negation: true, mapping: 'litigation-lost', position: { line: 105 } },
  { text: '未收到因政府信息公开方面的投诉、举报', value: 0, negation: true, mapping: 'complaints', position: { line: 105 } },
];

const share = (id: string, origin: 'narrative' | 'table', subject: string, line: number, items: [string, number][]): ShareSet => ({
  id,
  origin,
  subject,
  position: { line },
  items: items.map(([label, value]) => ({ label, value, position: { line } })),
});

const WUZHONG_SHARES: ShareSet[] = [
  share('s1', 'narrative', '信息类别', 91, [['机构职能类信息', 7], ['政策、规范性文件类信息', 10], ['规划计划类信息', 5], ['行政许可、行政处罚类信息', 22], ['重大建设项目、为民办实事类信息', 3], ['民政扶贫救灾社会保障就业类信息', 5], ['国土资源城乡建设环保能源类信息', 10], ['科教文卫类信息', 8], ['安全生产应急管理类信息', 5], ['其它类信息', 25]]),
  share('s2', 'narrative', '申请内容', 101, [['征地拆迁', 25], ['棚户区改造', 35], ['民生实事', 15], ['重大项目', 10], ['其他', 15]]),
  share('s3', 'table', '申请公开的主要内容', 230, [['征地拆迁', 25], ['棚户区改造', 35], ['重大项目建设', 10], ['民生实事', 15], ['其他', 25]]),
];

void describe('吴忠 2017 (2014 format)', () => {
  const report = buildReport('2014', {
    year: 2017,
    organization: { name: '吴忠市人民政府', kind: 'government' },
    publicationDate: '2018-01-20',
    cells: Object.fromEntries(Object.entries(WUZHONG_STATS).map(([row, v]) => [`stats/${row}/value`, v])),
    claims: WUZHONG_CLAIMS,
    shareSets: WUZHONG_SHARES,
  });
  const findings = checkReport(report);

  void it('finds the five contradictions as errors, and nothing wrong in the table itself', () => {
    const errors = findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.expected, f.found]);
    assert.deepEqual(errors, [
      ['V07', 127736, 125981],
      ['V07-swap', '16805 / 1641', '1641 / 16805'],
      ['V07', 10, 8],
      ['V07-shares', 100, 110],
      ['V07-shares', 25, 15],
    ]);
    assert.equal(findings.filter((f) => f.rule.startsWith('V15')).length, 0);
  });

  void it('the 市本级 press conferences (9 vs 22) are only a warning (the mapping’s severity)', () => {
    assert.deepEqual(
      findings.filter((f) => f.severity === 'warning').map((f) => [f.rule, f.expected, f.found]),
      [['V07', 22, 9]],
    );
  });
});

/** test/fixtures/expected/pingtan-2020-table3.json. */
const PINGTAN_T3: Record<string, number[]> = {
  new: [20, 0, 0, 0, 0, 1, 21],
  disclosed: [6, 0, 0, 0, 0, 1, 7],
  partial: [6, 0, 0, 0, 0, 0, 6],
  'unable-not-held': [4, 0, 0, 0, 0, 0, 4],
  'unable-unclear': [3, 0, 0, 0, 0, 0, 3],
  'not-processed-repeat': [3, 0, 0, 0, 0, 0, 3],
  other: [4, 0, 0, 0, 0, 0, 4],
  total: [20, 0, 0, 0, 0, 1, 21],
};
const COLUMNS = ['natural', 'business', 'research', 'public-interest', 'legal-service', 'other', 'total'];

void describe('平潭 2020 (2019 format)', () => {
  const cells = Object.fromEntries(Object.entries(PINGTAN_T3).flatMap(([row, values]) => values.map((v, i) => [`t3/${row}/${COLUMNS[i] ?? ''}`, v])));
  const report = buildReport('2019', { year: 2020, publicationDate: '2021-03-05', cells });

  void it('V02: the outcome rows add up to 26/27, not （七）总计 20/21', () => {
    const v02 = checkReport(report).filter((f) => f.rule === 'V02');
    assert.deepEqual(
      v02.map((f) => [f.severity, f.cells[0]?.id, f.expected, f.found]),
      [
        ['error', 't3/total/natural', 20, 26],
        ['error', 't3/total/total', 21, 27],
      ],
    );
  });
});
