import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFees } from './check-fees.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';
import type { SectionInit } from './test-report-builder.ts';

const sections = (other: string): SectionInit[] => [{ id: 'overview', text: '概况。' }, { id: 'other', text: other }];

void describe('fees (V10)', () => {
  void it('2021: passes when （六）2 > 0 and section 六 reports the 信息处理费', () => {
    const report = buildReport('2021', { cells: { 't3/other-unpaid-fee/natural': 1, 't3/other-unpaid-fee/total': 1 }, sections: sections('全年收取政府信息公开信息处理费 3940 元。') });
    assert.deepEqual(checkFees(createContext(report)), []);
  });

  void it('2021: （六）2 > 0 while section 六 is silent on fees is an error', () => {
    const report = buildReport('2021', { cells: { 't3/other-unpaid-fee/natural': 2, 't3/other-unpaid-fee/total': 2 }, sections: sections('无其他需要报告的事项。') });
    const [f] = checkFees(createContext(report));
    assert.equal(f?.rule, 'V10');
    assert.equal(f?.severity, 'error');
    assert.deepEqual(f?.cells.map((c) => [c.id, c.value]), [['t3/other-unpaid-fee/total', 2]]);
    assert.match(f?.message.zh ?? '', /总计为 2 件/);
  });

  void it('2021: a claim of a 信息处理费 > 0 with no section 六 is an error', () => {
    const report = buildReport('2021', {
      sections: [{ id: 'overview', text: '概况。' }],
      claims: [{ text: '收取信息处理费 300 元', subject: '收取信息处理费', value: 300, unit: '元' }],
    });
    const [f] = checkFees(createContext(report));
    assert.equal(f?.severity, 'error');
    assert.deepEqual(f?.passages.map((p) => p.claim), ['c1']);
    assert.match(f?.message.zh ?? '', /缺失/);
  });

  void it('2021: section 六 saying nothing about fees is info', () => {
    const [f] = checkFees(createContext(buildReport('2021', { sections: sections('无其他需要报告的事项。') })));
    assert.equal(f?.severity, 'info');
  });

  void it('2014: fees > 0 while the text says 全部实行免费 is an error; 0 passes', () => {
    const claims = [{ text: '全部实行免费', value: 0, negation: true }];
    assert.deepEqual(checkFees(createContext(buildReport('2014', { claims }))), []);
    const [f] = checkFees(createContext(buildReport('2014', { claims, cells: { 'stats/fees/value': 0.12 } })));
    assert.equal(f?.severity, 'error');
    assert.equal(f?.found, 0.12);
    assert.equal(f?.expected, 0);
  });
});
