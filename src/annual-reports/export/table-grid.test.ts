import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFormat } from '../../reports/format/formats.ts';
import { cellsById } from '../../reports/render/finding-index.ts';
import { formatLayouts } from '../../reports/render/table-layout.ts';
import { distinctValueReport } from './export-test-report.ts';
import { blockTitle, cellAt, gridTable } from './table-grid.ts';
import type { GridCell, GridTable } from './table-grid.ts';

const report2021 = distinctValueReport('2021');
const cells2021 = cellsById(report2021);
const layoutOf = (formatId: '2014' | '2019' | '2021', tableId: string) => {
  const layout = formatLayouts(getFormat(formatId)).find((l) => l.table.id === tableId);
  assert.ok(layout, `${formatId} ${tableId}`);
  return layout;
};
/** `text@row,col rowspan×colspan` of every cell starting on grid row `r`. */
const rowOf = (grid: GridTable, r: number): string[] => (grid.rows[r] ?? []).map((c: GridCell) => `${c.text}@${c.row},${c.col} ${c.rowspan}×${c.colspan}`);

void describe('gridTable on table 三 (2021)', () => {
  const grid = gridTable(layoutOf('2021', 't3'), cells2021, null);

  void it('has 3 label and 7 value columns, 3 header rows and 25 data rows', () => {
    assert.equal(grid.columnCount, 10);
    assert.equal(grid.labelColumns, 3);
    assert.equal(grid.headerRows, 3);
    assert.equal(grid.rows.length, 28);
    assert.ok(grid.dense);
    assert.ok(Math.abs(grid.widths.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  });

  void it('places the merged header cells of RULES.md §3.4', () => {
    assert.deepEqual(rowOf(grid, 0), ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）@0,0 3×3', '申请人情况@0,3 1×7']);
    assert.deepEqual(rowOf(grid, 1), ['自然人@1,3 2×1', '法人或其他组织@1,4 1×5', '总计@1,9 2×1']);
    assert.deepEqual(rowOf(grid, 2), ['商业企业@2,4 1×1', '科研机构@2,5 1×1', '社会公益组织@2,6 1×1', '法律服务机构@2,7 1×1', '其他@2,8 1×1']);
  });

  void it('places row labels, the 22-row results group and its sub-groups', () => {
    assert.equal(rowOf(grid, 3)[0], '一、本年新收政府信息公开申请数量@3,0 1×3');
    assert.deepEqual(rowOf(grid, 5).slice(0, 2), ['三、本年度办理结果@5,0 22×1', '（一）予以公开@5,1 1×2']);
    assert.deepEqual(rowOf(grid, 7).slice(0, 2), ['（三）不予公开@7,1 8×1', '1.属于国家秘密@7,2 1×1']);
    assert.deepEqual(rowOf(grid, 8).slice(0, 1), ['2.其他法律行政法规禁止公开@8,2 1×1']);
    assert.deepEqual(rowOf(grid, 23).slice(0, 2), ['（六）其他处理@23,1 3×1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请@23,2 1×1']);
    assert.equal(rowOf(grid, 26)[0], '（七）总计@26,1 1×2');
    assert.equal(rowOf(grid, 27)[0], '四、结转下年度继续办理@27,0 1×3');
  });

  void it('puts each value in its column with its cell id and number', () => {
    const row = grid.rows[3] ?? [];
    const values = row.filter((c) => c.kind === 'value');
    assert.deepEqual(
      values.map((c) => [c.cellId, c.col]),
      ['natural', 'business', 'research', 'public-interest', 'legal-service', 'other', 'total'].map((col, i) => [`t3/new/${col}`, 3 + i]),
    );
    for (const c of values) {
      assert.equal(c.value, cells2021.get(c.cellId ?? '')?.value);
      assert.equal(c.text, String(c.value));
    }
  });

  void it('finds the merged cell covering a slot', () => {
    assert.equal(cellAt(grid, 2, 1)?.text.startsWith('（本列数据'), true);
    assert.equal(cellAt(grid, 2, 3)?.text, '自然人');
    assert.equal(cellAt(grid, 20, 0)?.text, '三、本年度办理结果');
    assert.equal(cellAt(grid, 14, 1)?.text, '（三）不予公开');
    assert.equal(cellAt(grid, 15, 1)?.text, '（四）无法提供');
    assert.equal(cellAt(grid, 15, 9)?.cellId, 't3/unable-not-held/total');
  });
});

void describe('gridTable on the other tables', () => {
  void it('table 四: 行政复议 (5) | 行政诉讼 (10), outcome headings under them, one row of 15 values', () => {
    const grid = gridTable(layoutOf('2021', 't4'), cells2021, null);
    assert.equal(grid.columnCount, 15);
    assert.deepEqual(rowOf(grid, 0), ['行政复议@0,0 1×5', '行政诉讼@0,5 1×10']);
    assert.deepEqual(rowOf(grid, 1), ['结果维持@1,0 2×1', '结果纠正@1,1 2×1', '其他结果@1,2 2×1', '尚未审结@1,3 2×1', '总计@1,4 2×1', '未经复议直接起诉@1,5 1×5', '复议后起诉@1,10 1×5']);
    assert.equal(rowOf(grid, 2)[0], '结果维持@2,5 1×1');
    assert.equal(rowOf(grid, 2)[9], '总计@2,14 1×1');
    const values = grid.rows[3] ?? [];
    assert.equal(values.length, 15);
    assert.equal(values[0]?.cellId, 't4/cases/reconsideration-upheld');
    assert.equal(values[14]?.cellId, 't4/cases/suit-after-reconsideration-total');
  });

  void it('a table 二 block gets its block title as a row over the whole table', () => {
    const layout = layoutOf('2021', 't2-1');
    assert.equal(blockTitle(layout), '第二十条第（一）项');
    assert.equal(blockTitle(layoutOf('2021', 't3')), null);
    const grid = gridTable(layout, cells2021, blockTitle(layout));
    assert.equal(grid.headerRows, 2);
    assert.deepEqual(rowOf(grid, 0), ['第二十条第（一）项@0,0 1×4']);
    assert.deepEqual(rowOf(grid, 1), ['信息内容@1,0 1×1', '本年制发件数@1,1 1×1', '本年废止件数@1,2 1×1', '现行有效件数@1,3 1×1']);
    assert.equal(rowOf(grid, 2)[0], '规章@2,0 1×1');
    assert.equal(grid.rows[3]?.[3]?.cellId, 't2-1/normative-documents/in-force');
  });

  void it('the 2014 统计表 prints its group headings as rows: heading | —— | empty', () => {
    const report = distinctValueReport('2014');
    const grid = gridTable(layoutOf('2014', 'stats'), cellsById(report), null);
    assert.equal(grid.columnCount, 3);
    assert.deepEqual(rowOf(grid, 0), ['统计指标@0,0 1×1', '单位@0,1 1×1', '统计数@0,2 1×1']);
    assert.deepEqual(rowOf(grid, 1), ['一、主动公开情况@1,0 1×1', '——@1,1 1×1', '@1,2 1×1']);
    assert.deepEqual(
      (grid.rows[2] ?? []).map((c) => [c.text, c.kind]),
      [
        ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', 'label'],
        ['条', 'unit'],
        ['101', 'value'],
      ],
    );
    // 59 rows + 7 headings + 1 header row
    assert.equal(grid.rows.length, 67);
    const topics = grid.rows.flat().find((c) => c.cellId === 'stats/request-topics/value');
    assert.equal(topics?.text, '主要涉及征地拆迁、规划建设和社会保障等方面');
    assert.equal(topics?.value, null);
  });

  void it('shows cells the report lacks as — and not-applicable cells as /', () => {
    const cells = new Map(cells2021);
    cells.delete('t2-5/licensing/decisions');
    const fee = cells.get('t2-8/fees/amount');
    assert.ok(fee);
    cells.set(fee.id, { ...fee, status: 'na', value: null, raw: '/' });
    const five = gridTable(layoutOf('2021', 't2-5'), cells, null);
    assert.equal(five.rows[1]?.[1]?.text, '—');
    const eight = gridTable(layoutOf('2021', 't2-8'), cells, null);
    assert.deepEqual([eight.rows[1]?.[1]?.text, eight.rows[1]?.[1]?.value], ['/', null]);
  });
});
