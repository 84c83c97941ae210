import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import mammoth from 'mammoth';
import type { FormatId } from '../../reports/format/report-format.ts';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { readReport } from '../../reports/reader/read-report.ts';
import { cellDifferences, distinctValueReport, formatSectionTitles } from './export-test-report.ts';
import { reportToDocx } from './report-docx.ts';

const FORMATS: readonly { id: FormatId; cells: number; year: number }[] = [
  { id: '2021', cells: 200, year: 2022 },
  { id: '2019', cells: 198, year: 2020 },
  { id: '2014', cells: 59, year: 2017 },
];

for (const { id, cells, year } of FORMATS) {
  void describe(`reportToDocx, ${id} format`, () => {
    const report = distinctValueReport(id);
    let bytes: Buffer;
    let back: StructuredReport;
    void before(async () => {
      bytes = await reportToDocx(report);
      back = await readReport(bytes, { fileName: 'r.docx' });
    });

    void it('reads back with our reader: every cell by id and value, the sections, title and date', () => {
      assert.equal(report.cells.length, cells);
      assert.deepEqual(cellDifferences(report, back), []);
      assert.deepEqual(formatSectionTitles(back), formatSectionTitles(report));
      assert.equal(formatSectionTitles(back).length, 6);
      assert.deepEqual(back.format, { id, source: 'tables' });
      assert.equal(back.title, `测试市${year}年政府信息公开工作年度报告`);
      assert.equal(back.year, year);
      assert.deepEqual(back.publicationDate && { date: back.publicationDate.date, source: back.publicationDate.source }, { date: `${year + 1}-01-20`, source: 'signature' });
      assert.deepEqual(back.notes, []);
    });

    void it('mammoth reads the text: title, every paragraph, the signature', async () => {
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      assert.ok(text.startsWith(`测试市${year}年政府信息公开工作年度报告\n`));
      for (const section of report.sections) {
        for (const paragraph of section.text.split('\n')) assert.ok(text.includes(paragraph), paragraph);
      }
      assert.match(text, new RegExp(`测试市人民政府\\n+${year + 1}年1月20日\\n*$`));
    });
  });
}

void describe('reportToDocx layout', () => {
  void it('writes the official merged cells of tables 三 and 四 (mammoth HTML keeps them) and headings as Heading 1', async () => {
    const bytes = await reportToDocx(distinctValueReport('2021'));
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes });
    assert.deepEqual(messages, []);
    const spans = html.match(/<t[dh] (?:colspan|rowspan)="[^>]*>/g) ?? [];
    assert.deepEqual(spans, [
      // table 二 blocks: the block title over 4, 2, 2, 2 columns
      '<th colspan="4">', '<th colspan="2">', '<th colspan="2">', '<th colspan="2">',
      // table 三: corner 3×3, 申请人情况 7, 自然人 ↓2, 法人或其他组织 5, 总计 ↓2
      '<th colspan="3" rowspan="3">', '<th colspan="7">', '<th rowspan="2">', '<th colspan="5">', '<th rowspan="2">',
      // 一、二 over 3 label columns; 三、本年度办理结果 ↓22; （一）（二） over 2; groups （三）↓8 （四）↓3 （五）↓5 （六）↓3; （七） over 2; 四、 over 3
      '<td colspan="3">', '<td colspan="3">', '<td rowspan="22">', '<td colspan="2">', '<td colspan="2">',
      '<td rowspan="8">', '<td rowspan="3">', '<td rowspan="5">', '<td rowspan="3">', '<td colspan="2">', '<td colspan="3">',
      // table 四: 行政复议 5 | 行政诉讼 10; five outcomes ↓2; 未经复议直接起诉 5 | 复议后起诉 5
      '<th colspan="5">', '<th colspan="10">', '<th rowspan="2">', '<th rowspan="2">', '<th rowspan="2">', '<th rowspan="2">', '<th rowspan="2">',
      '<th colspan="5">', '<th colspan="5">',
    ]);
    assert.equal((html.match(/<h1>/g) ?? []).length, 6);
    assert.ok(html.includes('<h1>三、收到和处理政府信息公开申请情况</h1>'));
  });

  void it('an unpublished report has no date line and no creation date: the reader finds no publication date', async () => {
    const report = distinctValueReport('2021', false);
    const bytes = await reportToDocx(report);
    const back = await readReport(bytes, { fileName: 'r.docx' });
    assert.equal(back.publicationDate, null);
    assert.deepEqual(cellDifferences(report, back), []);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    assert.match(text, /测试市人民政府\n*$/);
  });

  void it('breaks nothing on a long organization name and title', async () => {
    const base = distinctValueReport('2019');
    const report = { ...base, title: '宁夏回族自治区吴忠市人民政府办公室2020年政府信息公开工作年度报告', organization: { ...base.organization, name: '宁夏回族自治区吴忠市人民政府办公室' } };
    const back = await readReport(await reportToDocx(report), { fileName: 'r.docx' });
    assert.equal(back.title, report.title);
    assert.equal(back.organization.name, '宁夏回族自治区吴忠市人民政府办公室');
    assert.deepEqual(cellDifferences(report, back), []);
  });
});
