import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { getFormat } from '../../reports/format/formats.ts';
import type { FormatId } from '../../reports/format/report-format.ts';
import { distinctValueReport, TOPICS_TEXT } from './export-test-report.ts';
import { reportToXlsx } from './report-xlsx.ts';

/** Rows of column headings and columns of labels per table, by the official layouts (RULES.md §3.3–3.5, §3.7). */
const HEADER_ROWS: Readonly<Record<string, number>> = { t3: 3, t4: 3, stats: 1 };
const LABEL_COLUMNS: Readonly<Record<string, number>> = { t3: 3, t4: 0, stats: 2 };

/** The values of the first `n` cells of a row, null for empty ones. */
const valuesOf = (row: ExcelJS.Row, n: number): unknown[] => Array.from({ length: n }, (_, i) => row.getCell(i + 1).value ?? null);

/** Excel column letters of 1-based column `n` (up to 26). */
const letter = (n: number): string => String.fromCharCode(64 + n);

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const SHEETS: Readonly<Record<FormatId, string[]>> = {
  '2021': ['说明', '表二（第二十条第（一）项）', '表二（第二十条第（五）项）', '表二（第二十条第（六）项）', '表二（第二十条第（八）项）', '表三', '表四'],
  '2019': ['说明', '表二（第二十条第（一）项）', '表二（第二十条第（五）项）', '表二（第二十条第（六）项）', '表二（第二十条第（八）项）', '表二（第二十条第（九）项）', '表三', '表四'],
  '2014': ['说明', '统计表'],
};

for (const id of ['2021', '2019', '2014'] as const) {
  void describe(`reportToXlsx, ${id} format`, () => {
    const report = distinctValueReport(id);
    const format = getFormat(id);
    let workbook: ExcelJS.Workbook;
    void before(async () => {
      workbook = await load(await reportToXlsx(report));
    });

    void it('has the sheet 说明 and one sheet per table, in format order', () => {
      assert.deepEqual(workbook.worksheets.map((s) => s.name), SHEETS[id]);
      const about = workbook.getWorksheet('说明');
      assert.ok(about);
      const year = report.year ?? 0;
      assert.deepEqual(valuesOf(about.getRow(1), 2), ['报告', `测试市${year}年政府信息公开工作年度报告`]);
      assert.deepEqual(valuesOf(about.getRow(2), 2), ['机构', '测试市人民政府']);
      assert.deepEqual(valuesOf(about.getRow(3), 2), ['年度', String(year)]);
      assert.deepEqual(valuesOf(about.getRow(4), 2), ['格式', `${format.name}（${format.citation}）`]);
      assert.deepEqual(valuesOf(about.getRow(5), 2), ['发布日期', `${year + 1}年1月20日`]);
    });

    void it('puts every value at its place in the official layout, as a number', () => {
      const byId = new Map(report.cells.map((c) => [c.id, c]));
      format.tables.forEach((table, t) => {
        const sheet = workbook.worksheets[t + 1];
        assert.ok(sheet);
        const headerRows = HEADER_ROWS[table.id] ?? 1;
        const labelColumns = LABEL_COLUMNS[table.id] ?? 1;
        let headingsSoFar = 0;
        table.rows.forEach((row, r) => {
          headingsSoFar += (table.headings ?? []).filter((h) => h.before === row.id).length;
          table.columns.forEach((column, c) => {
            const address = `${letter(labelColumns + c + 1)}${2 + headerRows + headingsSoFar + r}`;
            const cell = byId.get(`${table.id}/${row.id}/${column.id}`);
            const expected = cell?.status === 'text' ? cell.raw : cell?.value;
            assert.equal(sheet.getCell(address).value, expected, `${table.id}/${row.id}/${column.id} at ${address}`);
          });
        });
      });
    });

    void it('prints landscape on A4, fitted to the page width, header rows repeated', () => {
      for (const sheet of workbook.worksheets.slice(1)) {
        assert.equal(sheet.pageSetup.orientation, 'landscape');
        assert.equal(sheet.pageSetup.paperSize, 9);
        assert.equal(sheet.pageSetup.fitToPage, true);
        assert.equal(sheet.pageSetup.fitToWidth, 1);
        assert.equal(sheet.pageSetup.fitToHeight, 0);
      }
    });
  });
}

void describe('reportToXlsx layout', () => {
  void it('table 三 and 四 have the merged cells of RULES.md §3.4–3.5 and their labels', async () => {
    const workbook = await load(await reportToXlsx(distinctValueReport('2021')));
    const t3 = workbook.getWorksheet('表三');
    const t4 = workbook.getWorksheet('表四');
    assert.ok(t3 && t4);
    assert.deepEqual([...t3.model.merges].sort(), [
      'A1:J1', // caption
      'A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4', // corner, 申请人情况, 自然人, 法人或其他组织, 总计
      'A5:C5', 'A6:C6', // 一、二、
      'A7:A28', 'B7:C7', 'B8:C8', // 三、本年度办理结果 over 22 rows; （一）（二）
      'B9:B16', 'B17:B19', 'B20:B24', 'B25:B27', // （三）（四）（五）（六）
      'B28:C28', 'A29:C29', // （七）总计, 四、
    ].sort());
    assert.equal(t3.getCell('A1').value, '表三 收到和处理政府信息公开申请情况');
    assert.equal(t3.getCell('D2').value, '申请人情况');
    assert.equal(t3.getCell('E4').value, '商业企业');
    assert.equal(t3.getCell('A5').value, '一、本年新收政府信息公开申请数量');
    assert.equal(t3.getCell('A7').value, '三、本年度办理结果');
    assert.equal(t3.getCell('B9').value, '（三）不予公开');
    assert.equal(t3.getCell('C9').value, '1.属于国家秘密');
    assert.equal(t3.getCell('C27').value, '3.其他');
    assert.equal(t3.getCell('A29').value, '四、结转下年度继续办理');
    assert.deepEqual([...t4.model.merges].sort(), ['A1:O1', 'A2:E2', 'F2:O2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:J3', 'K3:O3'].sort());
    assert.equal(t4.getCell('F3').value, '未经复议直接起诉');
    assert.equal(t4.getCell('O4').value, '总计');
    assert.equal(typeof t4.getCell('A5').value, 'number');
  });

  void it('the 2014 统计表 has its group headings as rows, units, and the text cell as text', async () => {
    const workbook = await load(await reportToXlsx(distinctValueReport('2014')));
    const sheet = workbook.getWorksheet('统计表');
    assert.ok(sheet);
    assert.deepEqual(valuesOf(sheet.getRow(2), 3), ['统计指标', '单位', '统计数']);
    assert.deepEqual(valuesOf(sheet.getRow(3), 3), ['一、主动公开情况', '——', null]);
    assert.deepEqual(valuesOf(sheet.getRow(4), 3), ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 101]);
    const topics = sheet.getColumn(1).values.indexOf('（四）申请公开的主要内容');
    assert.ok(topics > 0);
    assert.deepEqual(valuesOf(sheet.getRow(topics), 3), ['（四）申请公开的主要内容', null, TOPICS_TEXT]);
  });

  void it('an unpublished report says so in 说明', async () => {
    const workbook = await load(await reportToXlsx(distinctValueReport('2021', false)));
    assert.equal(workbook.getWorksheet('说明')?.getCell('B5').value, '（未发布）');
  });
});
