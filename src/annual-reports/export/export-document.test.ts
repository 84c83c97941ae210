import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { isGongkaiError } from '../../shared/errors.ts';
import { chineseDate, exportDocument } from './export-document.ts';
import type { ExportBlock } from './export-document.ts';
import { distinctValueReport } from './export-test-report.ts';

/** The blocks in short form: headings and titles by text, paragraphs as ¶, tables by id. */
const outline = (blocks: readonly ExportBlock[]): string[] =>
  blocks.map((b) => (b.kind === 'table' ? `table ${b.table.id}` : b.kind === 'paragraph' ? '¶' : `${b.kind} ${b.text}`));

void describe('exportDocument', () => {
  void it('2021: each section heading, its two paragraphs, then its tables (二: the four blocks, 三, 四)', () => {
    const doc = exportDocument(distinctValueReport('2021'));
    assert.equal(doc.title, '测试市2022年政府信息公开工作年度报告');
    assert.equal(doc.organization, '测试市人民政府');
    assert.equal(doc.dateText, '2023年1月20日');
    assert.deepEqual(outline(doc.blocks), [
      'heading 一、总体情况', '¶', '¶',
      'heading 二、主动公开政府信息情况', '¶', '¶', 'table t2-1', 'table t2-5', 'table t2-6', 'table t2-8',
      'heading 三、收到和处理政府信息公开申请情况', '¶', '¶', 'table t3',
      'heading 四、政府信息公开行政复议、行政诉讼情况', '¶', '¶', 'table t4',
      'heading 五、存在的主要问题及改进情况', '¶', '¶',
      'heading 六、其他需要报告的事项', '¶', '¶',
    ]);
    const first = doc.blocks[1];
    assert.equal(first?.kind === 'paragraph' ? first.text : '', '2022年，本机关围绕总体情况开展工作，严格落实《中华人民共和国政府信息公开条例》各项规定。');
    // block titles in the printed tables, none in the spreadsheet ones
    const t21 = doc.blocks.find((b) => b.kind === 'table' && b.table.id === 't2-1');
    assert.equal(t21?.kind === 'table' ? t21.table.rows[0]?.[0]?.text : '', '第二十条第（一）项');
    assert.deepEqual(doc.tables.map((t) => t.id), ['t2-1', 't2-5', 't2-6', 't2-8', 't3', 't4']);
    assert.equal(doc.tables[0]?.rows[0]?.[0]?.text, '信息内容');
  });

  void it('2014: the sections first, then the 统计表 under its title', () => {
    const doc = exportDocument(distinctValueReport('2014'));
    const blocks = outline(doc.blocks);
    assert.deepEqual(blocks.slice(0, 4), ['heading 一、概述', '¶', '¶', 'heading 二、主动公开政府信息情况']);
    assert.deepEqual(blocks.slice(-3), ['¶', 'table-title 政府信息公开情况统计表', 'table stats']);
    assert.equal(blocks.filter((b) => b.startsWith('heading')).length, 6);
  });

  void it('prints the tables of a section the report lacks under the format heading, and an unnumbered section takes no table', () => {
    const base = distinctValueReport('2021');
    const report: StructuredReport = {
      ...base,
      sections: [
        { id: 'preamble', number: '', title: '', position: null, text: '本报告根据《条例》编制。' },
        ...base.sections.filter((s) => s.id !== 'review' && s.id !== 'proactive'),
      ],
    };
    const blocks = outline(exportDocument(report).blocks);
    assert.deepEqual(blocks.slice(0, 4), ['¶', 'heading 一、总体情况', '¶', '¶']);
    assert.deepEqual(blocks.slice(-7), ['heading 二、主动公开政府信息情况', 'table t2-1', 'table t2-5', 'table t2-6', 'table t2-8', 'heading 四、政府信息公开行政复议、行政诉讼情况', 'table t4']);
    assert.equal(blocks.filter((b) => b.startsWith('table')).length, 6);
  });

  void it('an unpublished report has no date; a report without a title gets the usual one', () => {
    const doc = exportDocument({ ...distinctValueReport('2019', false), title: null });
    assert.equal(doc.dateText, null);
    assert.equal(doc.title, '测试市人民政府2020年政府信息公开工作年度报告');
  });

  void it('refuses an unknown format id', () => {
    const report = { ...distinctValueReport('2021'), format: { id: '2030', source: 'option' } } as unknown as StructuredReport;
    assert.throws(() => exportDocument(report), (e) => isGongkaiError(e, 'FORMAT_UNKNOWN'));
  });

  void it('writes dates as signed: 2025年1月20日', () => {
    assert.equal(chineseDate('2025-01-20'), '2025年1月20日');
    assert.equal(chineseDate('2024-12-31'), '2024年12月31日');
  });
});
