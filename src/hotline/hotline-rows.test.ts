// The pure checks of a hotline import: header aliases, date forms, every rule of a row (with the
// expected issues written out by hand), and the created / updated / unchanged classification.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SheetCell } from '../catalog/spreadsheet.ts';
import { hotlineDateCell, hotlineRowValues, mapHotlineHeader } from './hotline-columns.ts';
import { checkHotlineRows, classifyHotlineOrder, hotlineOrganizationLookup, summarizeHotlineOutcomes } from './hotline-rows.ts';
import type { HotlineOrganizationRef } from './hotline-rows.ts';
import type { HotlineOrderValues } from './hotline-work-order.ts';

const ORGS: HotlineOrganizationRef[] = [
  { id: 1, name: '吴忠市人民政府', shortName: '吴忠市', organizationCode: '640300000' },
  { id: 2, name: '吴忠市财政局', shortName: null, organizationCode: '640300101' },
  { id: 3, name: '利通区人民政府', shortName: '利通区', organizationCode: '640302000' },
  { id: 4, name: '利通区教育局', shortName: '教育局', organizationCode: '640302101' },
  { id: 5, name: '盐池县教育局', shortName: '教育局', organizationCode: 'MA76-54321' },
];

function context(): Parameters<typeof checkHotlineRows>[1] {
  return { today: '2026-11-30', organizations: hotlineOrganizationLookup(ORGS), rootName: '吴忠市人民政府', seen: new Map() };
}

const HEADER = ['工单号', '来电时间', '责任单位', '工单类型', '问题描述', '回复时间', '回访结果'];

function rows(cells: SheetCell[][]): { row: number; raw: ReturnType<typeof hotlineRowValues> }[] {
  const mapping = mapHotlineHeader(HEADER);
  return cells.map((c, i) => ({ row: i + 1, raw: hotlineRowValues(c, mapping) }));
}

void describe('hotline columns', () => {
  void it('maps every alias, ignores unknown columns and names the missing required ones', () => {
    assert.deepEqual(mapHotlineHeader(HEADER), { fields: ['order_number', 'received_on', 'organization', 'category', 'summary', 'replied_on', 'satisfaction'], missing: [] });
    assert.deepEqual(mapHotlineHeader(['工单编号*', '受理时间（年月日）', '承办单位', '诉求类型', '诉求内容', '办结时间', '满意度', '来电人']).fields, [
      'order_number',
      'received_on',
      'organization',
      'category',
      'summary',
      'replied_on',
      'satisfaction',
      null,
    ]);
    assert.deepEqual(mapHotlineHeader(['登记日期', '答复日期', '工单编号', '工单号']), { fields: ['received_on', 'replied_on', 'order_number', null], missing: ['organization', 'category', 'summary'] });
  });

  void it('reads the accepted date forms', () => {
    assert.equal(hotlineDateCell('2026-03-05'), '2026-03-05');
    assert.equal(hotlineDateCell('2026/3/5'), '2026-03-05');
    assert.equal(hotlineDateCell('2026-03-05 14:30'), '2026-03-05');
    assert.equal(hotlineDateCell('2026/3/5 9:05:07'), '2026-03-05');
    assert.equal(hotlineDateCell(new Date(Date.UTC(2026, 2, 5))), '2026-03-05');
    // Excel serial days: 46000 is 2025-12-09; a time fraction keeps the day.
    assert.equal(hotlineDateCell(46000), '2025-12-09');
    assert.equal(hotlineDateCell(46001.75), '2025-12-10');
    assert.equal(hotlineDateCell('三月五日'), '三月五日');
    assert.equal(hotlineDateCell(null), undefined);
    assert.equal(hotlineDateCell('  '), undefined);
  });
});

void describe('checkHotlineRows', () => {
  void it('accepts good rows in every form and reports every problem of the bad ones', () => {
    const checked = checkHotlineRows(
      rows([
        ['GD001', '2026/3/5', '吴忠市财政局', '咨询', '咨询社保缴费', '2026-03-06 10:00', '满意'],
        ['GD002', '2026-03-05 09:15:00', '利通区', '投诉', '噪音扰民', '', ''],
        ['GD001', '2026-03-07', '640302000', '建议', '建议增设公交站', null, null],
        ['', '2026-02-30', '盐池县人民政府', '表扬', '', '2026-03-01', '很满意'],
        ['GD005', '2026-12-01', '教育局', '求助', '求助', '2026-11-01', ''],
        ['GD006', '2026-05-10', '利通区教育局', '举报', '举报违建', '2026-05-09', '基本满意'],
        ['GD007', 46000, '吴忠市', '其他', '其他事项', 46001.75, 'dissatisfied'],
        ['GD008', '2026-06-01', '吴忠市财政局', '咨询', '咨询', '', '满意'],
        ['GD009', 'yesterday', '640300101', 'consultation', '咨询', '2026-13-01', 'satisfied'],
        ['GD010', new Date(Date.UTC(2026, 3, 1)), 'MA7654321', 'request_for_help', '求助', '2026-04-01', null],
      ]),
      context(),
    );
    assert.deepEqual(
      checked.issues.map((i) => [i.row, i.field, i.messageZh]),
      [
        [3, 'order_number', '工单编号 GD001 与第 1 行重复'],
        [4, 'order_number', '请填写工单编号'],
        [4, 'received_on', '受理时间“2026-02-30”应为有效日期，如 2026-03-05、2026/3/5 或 2026-03-05 14:30'],
        [4, 'organization', '承办单位“盐池县人民政府”不是吴忠市人民政府或其下级机构（请填写全称、简称或机构代码）'],
        [4, 'category', '诉求类型“表扬”应为咨询、投诉、建议、求助、举报、其他之一'],
        [4, 'summary', '请填写诉求内容'],
        [4, 'satisfaction', '满意度“很满意”应为满意、基本满意、不满意之一或留空'],
        [5, 'received_on', '受理时间 2026-12-01 晚于今天（2026-11-30）'],
        [5, 'organization', '承办单位“教育局”对应多个机构（利通区教育局、盐池县教育局），请填写全称或机构代码'],
        [6, 'replied_on', '办结时间 2026-05-09 早于受理时间 2026-05-10'],
        [8, 'satisfaction', '工单未办结（办结时间为空），不应有满意度'],
        [9, 'received_on', '受理时间“yesterday”应为有效日期，如 2026-03-05、2026/3/5 或 2026-03-05 14:30'],
        [9, 'replied_on', '办结时间“2026-13-01”应为有效日期，如 2026-03-05、2026/3/5 或 2026-03-05 14:30'],
      ],
    );
    assert.equal(checked.issues[0]?.message, 'order number GD001 is also in row 1');
    assert.equal(checked.issues[7]?.message, 'received_on 2026-12-01 is after today (2026-11-30)');
    assert.deepEqual(
      checked.orders.map((o) => [o.row, o.values]),
      [
        [1, { organizationId: 2, orderNumber: 'GD001', receivedOn: '2026-03-05', category: 'consultation', summary: '咨询社保缴费', repliedOn: '2026-03-06', satisfaction: 'satisfied' }],
        [2, { organizationId: 3, orderNumber: 'GD002', receivedOn: '2026-03-05', category: 'complaint', summary: '噪音扰民', repliedOn: null, satisfaction: null }],
        [7, { organizationId: 1, orderNumber: 'GD007', receivedOn: '2025-12-09', category: 'other', summary: '其他事项', repliedOn: '2025-12-10', satisfaction: 'dissatisfied' }],
        [10, { organizationId: 5, orderNumber: 'GD010', receivedOn: '2026-04-01', category: 'request_for_help', summary: '求助', repliedOn: '2026-04-01', satisfaction: null }],
      ],
    );
  });

  void it('finds duplicates across chunks through the shared `seen` map', () => {
    const ctx = context();
    const first = checkHotlineRows([{ row: 1, raw: { order_number: 'A1', received_on: '2026-01-02', organization: '利通区', category: '咨询', summary: '一' } }], ctx);
    const second = checkHotlineRows([{ row: 501, raw: { order_number: 'A1', received_on: '2026-01-03', organization: '利通区', category: '咨询', summary: '二' } }], ctx);
    assert.equal(first.issues.length, 0);
    assert.deepEqual(second.issues.map((i) => [i.row, i.field, i.message]), [[501, 'order_number', 'order number A1 is also in row 1']]);
  });

  void it('refuses over-long order numbers and summaries', () => {
    const checked = checkHotlineRows([{ row: 1, raw: { order_number: 'X'.repeat(65), received_on: '2026-01-02', organization: '利通区', category: '咨询', summary: '长'.repeat(4001) } }], context());
    assert.deepEqual(checked.issues.map((i) => i.field), ['order_number', 'summary']);
  });
});

void describe('classifyHotlineOrder and summarizeHotlineOutcomes', () => {
  const stored: HotlineOrderValues = { organizationId: 3, orderNumber: 'GD1', receivedOn: '2026-03-01', category: 'complaint', summary: '噪音', repliedOn: null, satisfaction: null };
  void it('classifies against the stored order', () => {
    assert.equal(classifyHotlineOrder(undefined, stored), 'created');
    assert.equal(classifyHotlineOrder(stored, { ...stored }), 'unchanged');
    assert.equal(classifyHotlineOrder(stored, { ...stored, repliedOn: '2026-03-04' }), 'updated');
    assert.equal(classifyHotlineOrder({ ...stored, repliedOn: '2026-03-04' }, { ...stored, repliedOn: '2026-03-04', satisfaction: 'satisfied' }), 'updated');
    assert.equal(classifyHotlineOrder(stored, { ...stored, organizationId: 4 }), 'updated');
  });
  void it('counts per organization in order of appearance', () => {
    assert.deepEqual(
      summarizeHotlineOutcomes([
        { organizationId: 4, outcome: 'created' },
        { organizationId: 3, outcome: 'unchanged' },
        { organizationId: 4, outcome: 'updated' },
        { organizationId: 4, outcome: 'created' },
      ]),
      [
        { organizationId: 4, created: 2, updated: 1, unchanged: 0 },
        { organizationId: 3, created: 0, updated: 0, unchanged: 1 },
      ],
    );
  });
});
