import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkValues } from './check-values.ts';
import { createContext } from './check-context.ts';
import { buildReport, withAllCellsMissing } from './test-report-builder.ts';
import type { BuildOptions } from './test-report-builder.ts';
import type { FormatId } from '../format/report-format.ts';

const run = (formatId: FormatId, options: BuildOptions = {}) => checkValues(createContext(buildReport(formatId, options)));

void describe('value types (V08) and missing tables (V09-table)', () => {
  void it('passes counts, a negative 2019 本年增/减, and a decimal 2021 amount', () => {
    assert.deepEqual(run('2019', { cells: { 't2-8/fees/previous': 35, 't2-8/fees/change': -15, 't2-9/central-procurement/amount': 3802895.9 } }), []);
    assert.deepEqual(run('2021', { cells: { 't2-8/fees/amount': 24252.311082 } }), []);
  });

  void it('a negative count is an error', () => {
    const [f, ...rest] = run('2021', { cells: { 't3/new/natural': -2 } });
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.equal(f.rule, 'V08');
    assert.equal(f.severity, 'error');
    assert.equal(f.found, -2);
    assert.deepEqual(f.cells.map((c) => c.id), ['t3/new/natural']);
    assert.match(f.message.zh, /表三“一、本年新收政府信息公开申请数量·自然人”（第\d+行）的值 -2 为负数/);
  });

  void it('a decimal count is an error; a decimal in a signed count too', () => {
    const findings = run('2019', { cells: { 't4/cases/direct-suit-upheld': 1.5, 't2-6/penalties/change': 2.5 } });
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.found, f.cells[0]?.id]), [
      ['V08', 'error', 2.5, 't2-6/penalties/change'],
      ['V08', 'error', 1.5, 't4/cases/direct-suit-upheld'],
    ]);
  });

  void it('a negative amount is an error', () => {
    const [f] = run('2021', { cells: { 't2-8/fees/amount': -3 } });
    assert.equal(f?.severity, 'error');
    assert.equal(f?.found, -3);
  });

  void it('blank cells give one warning per row (0 should be written)', () => {
    const findings = run('2021', { cells: { 't3/carried-in/research': { status: 'blank' }, 't3/carried-in/public-interest': { status: 'blank' } } });
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f?.rule, 'V08');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 0);
    assert.deepEqual(f?.cells.map((c) => c.id), ['t3/carried-in/research', 't3/carried-in/public-interest']);
    assert.match(f?.message.zh ?? '', /“二、上年结转政府信息公开申请数量”行有2个单元格为空：科研机构（第\d+行）、社会公益组织/);
  });

  void it('na marks in a count cell give a warning with the mark', () => {
    const [f] = run('2014', { cells: { 'stats/channel-gazette/value': { status: 'na', raw: '/' } } });
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.found, '/');
    assert.match(f?.message.zh ?? '', /不适用标记（\/）/);
  });

  void it('ambiguous cells give a warning listing the candidates', () => {
    const findings = run('2021', {
      cells: {
        't3/total/natural': { status: 'ambiguous', candidates: [20, 2] },
        't3/total/business': { status: 'ambiguous', candidates: [0, 0] },
      },
      ambiguities: [{ table: 't3', row: 'total', raw: '200 0 00 0 121', position: { line: 40 }, columns: ['natural', 'business'], candidates: [[20, 0], [2, 0]], truncated: false }],
    });
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f?.severity, 'warning');
    assert.match(f?.message.zh ?? '', /“200 0 00 0 121”无法唯一拆分（2种拆分均满足勾稽关系）/);
    assert.match(f?.message.zh ?? '', /自然人: 20 \/ 2/);
    assert.deepEqual(f?.cells.map((c) => c.value), [null, null]);
  });

  void it('a table with every cell missing is a V09-table error (warning for the 2014 统计表)', () => {
    const t4Missing = Object.fromEntries(
      ['reconsideration', 'direct-suit', 'suit-after-reconsideration'].flatMap((g) =>
        ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => [`t4/cases/${g}-${o}`, { status: 'missing' as const }]),
      ),
    );
    const [f, ...rest] = run('2021', { cells: t4Missing });
    assert.equal(rest.length, 0);
    assert.equal(f?.rule, 'V09-table');
    assert.equal(f?.severity, 'error');
    assert.match(f?.message.zh ?? '', /未找到表四“政府信息公开行政复议、行政诉讼情况”/);
    const stats = checkValues(createContext(withAllCellsMissing(buildReport('2014'))));
    assert.deepEqual(stats.map((x) => [x.rule, x.severity]), [['V09-table', 'warning']]);
  });

  void it('rows missing from a present table give one warning listing them', () => {
    const [f] = run('2021', { cells: { 't2-6/penalties/decisions': { status: 'missing' } } });
    assert.equal(f?.rule, 'V09-table');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 2);
    assert.equal(f?.found, 1);
    assert.match(f?.message.zh ?? '', /缺少1行：行政处罚/);
  });
});
