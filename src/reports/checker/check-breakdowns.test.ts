import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBreakdowns, checkRates, claimInterval } from './check-breakdowns.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';
import type { BuildOptions } from './test-report-builder.ts';

const ctx = (options: BuildOptions) => createContext(buildReport('2014', options));

void describe('breakdowns (V07-parts)', () => {
  const claims = [
    { text: '受理政府信息公开申请 35 件', value: 35 },
    { text: '当面受理 7 件', subject: '当面受理', value: 7 },
    { text: '网络申请 10 件', subject: '网络申请', value: 10 },
    { text: '信函申请 18 件', subject: '信函申请', value: 18 },
  ];

  void it('passes parts that add up to the total', () => {
    assert.deepEqual(checkBreakdowns(ctx({ claims, breakdowns: [{ total: 'c1', parts: ['c2', 'c3', 'c4'], exhaustive: true }] })), []);
  });

  void it('exhaustive parts that do not add up: warning, expected total, found sum', () => {
    const changed = [...claims.slice(0, 3), { text: '其他 16 件', subject: '其他', value: 16 }];
    const [f] = checkBreakdowns(ctx({ claims: changed, breakdowns: [{ total: 'c1', parts: ['c2', 'c3', 'c4'], exhaustive: true }] }));
    assert.equal(f?.rule, 'V07-parts');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 35);
    assert.equal(f?.found, 33);
    assert.deepEqual(f?.passages.map((p) => p.claim), ['c1', 'c2', 'c3', 'c4']);
  });

  void it('non-exhaustive parts may fall short but not exceed the total', () => {
    const two = claims.slice(0, 3);
    assert.deepEqual(checkBreakdowns(ctx({ claims: two, breakdowns: [{ total: 'c1', parts: ['c2', 'c3'], exhaustive: false }] })), []);
    const over = [{ text: '公开各类信息 1 万余条', value: 10000, unit: '条', qualifier: 'at-least' as const, upperBound: 19999 }, { text: '微信信息 1641 条', value: 1641, unit: '条' }, { text: '微博信息 18805 条', value: 18805, unit: '条' }];
    const [f] = checkBreakdowns(ctx({ claims: over, breakdowns: [{ total: 'c1', parts: ['c2', 'c3'], exhaustive: false }] }));
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, '10000–19999');
    assert.equal(f?.found, 20446);
    assert.match(f?.message.zh ?? '', /超过总数/);
  });

  void it('takes a 万 figure as the range its printed precision allows', () => {
    const wan = { text: '主动公开政府信息 12.77 万条', value: 127700, unit: '条', qualifier: 'approximately' as const, lowerBound: 127650, upperBound: 127750 };
    const parts = [
      { text: '政府网站 127000 条', subject: '政府网站', value: 127000, unit: '条' },
      { text: '其他 736 条', subject: '其他', value: 736, unit: '条' },
    ];
    const built = buildReport('2014', { claims: [wan] });
    assert.deepEqual(claimInterval(built.claims[0]!), { lo: 127650, hi: 127750 });
    // 127000 + 736 = 127736 lies in 127650–127750.
    assert.deepEqual(checkBreakdowns(ctx({ claims: [wan, ...parts], breakdowns: [{ total: 'c1', parts: ['c2', 'c3'], exhaustive: true }] })), []);
    // 127000 + 800 = 127800 does not.
    const over = [wan, parts[0]!, { ...parts[1]!, value: 800 }];
    const [f] = checkBreakdowns(ctx({ claims: over, breakdowns: [{ total: 'c1', parts: ['c2', 'c3'], exhaustive: true }] }));
    assert.equal(f?.expected, '127650–127750');
    assert.equal(f?.found, 127800);
  });
});

void describe('rates (V07-rate)', () => {
  const line = { line: 50 };
  void it('passes 接受 658 项，回复 658 项，回复率 100%', () => {
    const claims = [
      { text: '接受电话投诉事项 658 项', subject: '市长热线共接受电话投诉事项', value: 658, unit: '项', position: line },
      { text: '回复 658 项', subject: '回复', value: 658, unit: '项', position: line },
      { text: '回复率 100%', subject: '回复率', value: 100, unit: '%', position: line },
    ];
    assert.deepEqual(checkRates(ctx({ claims })), []);
  });

  void it('warns on 接到 50 件，回复 45 件，回复率 100%: expected 90', () => {
    const claims = [
      { text: '累计接到群众反映问题 50 件', subject: '累计接到群众反映问题', value: 50, position: line },
      { text: '回复 45 件', subject: '回复', value: 45, position: line },
      { text: '回复率 100%', subject: '回复率', value: 100, unit: '%', position: line },
    ];
    const [f] = checkRates(ctx({ claims }));
    assert.equal(f?.rule, 'V07-rate');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 90);
    assert.equal(f?.found, 100);
  });

  void it('skips 按时答复率 100% after 受理 3119 件，答复 3050 件 (a rate of another quantity)', () => {
    const claims = [
      { text: '全市共受理政府信息公开申请 3119 件', subject: '全市共受理政府信息公开申请', value: 3119, position: line },
      { text: '答复 3050 件', subject: '答复', value: 3050, position: line },
      { text: '按时答复率 100%', subject: '按时答复率', value: 100, unit: '%', position: line },
    ];
    assert.deepEqual(checkRates(ctx({ claims })), []);
    // Nor the other way round: 答复率 after 按时答复 N.
    const other = [claims[0]!, { text: '按时答复 3050 件', subject: '按时答复', value: 3050, position: line }, { text: '答复率 100%', subject: '答复率', value: 100, unit: '%', position: line }];
    assert.deepEqual(checkRates(ctx({ claims: other })), []);
    // Its own numerator: 按时答复 3050 件 ⇒ 3050 / 3119 = 97.8%, not 100%.
    const own = [claims[0]!, { text: '按时答复 3050 件', subject: '按时答复', value: 3050, position: line }, claims[2]!];
    const [f] = checkRates(ctx({ claims: own }));
    assert.equal(f?.rule, 'V07-rate');
    assert.equal(f?.expected, 97.8);
  });

  void it('pairs a rate only with figures of its own sentence (looked up in the section text)', () => {
    const section = (text: string) => [{ id: 'overview', text }];
    const claims = [
      { text: '累计接到群众反映问题 50 件', subject: '累计接到群众反映问题', value: 50, section: 'overview', position: { line: 50 } },
      { text: '回复 45 件', subject: '回复', value: 45, section: 'overview', position: { line: 51 } },
      { text: '回复率 100%', subject: '回复率', value: 100, unit: '%', section: 'overview', position: { line: 51 } },
    ];
    // One sentence over two lines: checked.
    const [f] = checkRates(ctx({ claims, sections: section('书记信箱累计接到群众反映问题 50 件，\n回复 45 件，回复率 100%。') }));
    assert.equal(f?.expected, 90);
    // The denominator in the sentence before: skipped.
    assert.deepEqual(checkRates(ctx({ claims, sections: section('累计接到群众反映问题 50 件。回复 45 件，回复率 100%。') })), []);
  });

  void it('skips a rate whose word does not appear in the numerator (办结率 after 现场解决)', () => {
    const claims = [
      { text: '收到群众诉求 348 件', subject: '收到群众诉求', value: 348, position: line },
      { text: '现场解决 162 件', subject: '现场解决', value: 162, position: line },
      { text: '办结率 100%', subject: '办结率', value: 100, unit: '%', position: line },
    ];
    assert.deepEqual(checkRates(ctx({ claims })), []);
  });
});
