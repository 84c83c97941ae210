import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport } from '../reports/checker/check-report.ts';
import { formatCells, getFormat } from '../reports/format/formats.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { buildComputedReport, narrativeText } from './computed-report.ts';
import type { ComputedReportInput } from './computed-report.ts';

function zeros(): Record<string, number> {
  return Object.fromEntries(formatCells(getFormat('2021')).map((c) => [c.id, 0]));
}

function input(over: Partial<ComputedReportInput> = {}): ComputedReportInput {
  const cells = { ...zeros(), 't3/new/natural': 5, 't3/new/total': 5, 't3/disclosed/natural': 5, 't3/disclosed/total': 5, 't3/total/natural': 5, 't3/total/total': 5 };
  return {
    organization: { name: '吴忠市人民政府', kind: 'government' },
    year: 2025,
    formatId: '2021',
    cells,
    publicationDate: '2026-03-20',
    sections: [
      { id: 'preamble', text: '本报告根据《中华人民共和国政府信息公开条例》编制。' },
      { id: 'overview', text: '本年度新收政府信息公开申请5件。' },
    ],
    ...over,
  };
}

void describe('buildComputedReport', () => {
  void it('prints the title, the opening, then the six headings in order', () => {
    const lines = narrativeText(input()).split('\n').filter((l) => l !== '');
    assert.deepEqual(lines.slice(0, 4), ['吴忠市人民政府2025年政府信息公开工作年度报告', '本报告根据《中华人民共和国政府信息公开条例》编制。', '一、总体情况', '本年度新收政府信息公开申请5件。']);
    assert.deepEqual(
      lines.filter((l) => /^[一二三四五六]、/.test(l)),
      ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
  });

  void it('sets every cell, keeps the title out of the opening text and maps the narrative claim to its cell', () => {
    const report = buildComputedReport(input());
    assert.equal(report.cells.length, formatCells(getFormat('2021')).length);
    assert.equal(report.cells.find((c) => c.id === 't3/new/total')?.value, 5);
    assert.equal(report.title, '吴忠市人民政府2025年政府信息公开工作年度报告');
    assert.equal(report.sections.find((s) => s.id === 'preamble')?.text, '本报告根据《中华人民共和国政府信息公开条例》编制。');
    const claim = report.claims.find((c) => c.value === 5);
    assert.deepEqual(claim?.cells, ['t3/new/total']);
    assert.equal(report.publicationDate?.date, '2026-03-20');
  });

  void it('keeps the office\'s text as written (full-width punctuation), not the reader\'s normalised copy', () => {
    const report = buildComputedReport(input({ sections: [{ id: 'overview', text: '（一）主动公开情况。本年度新收政府信息公开申请5件，均已办结。\n\n  第二段。  ' }] }));
    assert.equal(report.sections.find((s) => s.id === 'overview')?.text, '（一）主动公开情况。本年度新收政府信息公开申请5件，均已办结。\n第二段。');
    assert.deepEqual(report.claims.find((c) => c.value === 5)?.cells, ['t3/new/total']);
  });

  void it('lets the checker catch text that contradicts the table (V07)', () => {
    const report = buildComputedReport(input({ sections: [{ id: 'overview', text: '本年度新收政府信息公开申请7件。' }] }));
    const v07 = checkReport(report).filter((f) => f.rule === 'V07');
    assert.equal(v07.length, 1);
    assert.equal(v07[0]?.found, 7);
    assert.equal(v07[0]?.expected, 5);
  });

  void it('keeps the office’s text under 三 and 四 (no table is printed there) in the sections and claims', () => {
    const report = buildComputedReport(input({ sections: [{ id: 'requests', text: '本年度新收政府信息公开申请5件。' }, { id: 'review', text: '本年度未发生行政复议。' }] }));
    assert.equal(report.sections.find((s) => s.id === 'requests')?.text, '本年度新收政府信息公开申请5件。');
    assert.equal(report.sections.find((s) => s.id === 'review')?.text, '本年度未发生行政复议。');
    assert.deepEqual(report.claims.find((c) => c.value === 5)?.section, 'requests');
  });

  void it('refuses a cell set that misses a cell of the format', () => {
    const cells = zeros();
    delete cells['t4/cases/direct-suit-total'];
    assert.throws(
      () => buildComputedReport(input({ cells })),
      (error: unknown) => isGongkaiError(error, 'VALIDATION_FAILED') && /t4\/cases\/direct-suit-total/.test(error.message),
    );
  });
});
