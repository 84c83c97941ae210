/**
 * The official printed layout of each table of a format, as a grid the renderers draw: header
 * rows with their merged cells (RULES.md §3.4 table 三, §3.5 table 四, §3.3 table 二, §3.7 the
 * 2014 统计表), and per data row the label cells that start on it (group headings span rows).
 * HTML draws it with rowspan/colspan; Markdown, which cannot merge cells, flattens it.
 */
import type { ReportFormat, RowFormat, TableFormat } from '../format/report-format.ts';
import { tableName } from '../checker/format-index.ts';

/** One cell of a header or of the label columns; `header` cells are `<th>`. */
export interface LayoutCell {
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
  /** `col`/`colgroup` for column headers, `row`/`rowgroup` for row labels, null for plain cells (units). */
  readonly scope: 'col' | 'colgroup' | 'row' | 'rowgroup' | null;
}

/** A data row: its format row and the label cells that start on it, left to right. */
export interface LayoutRow {
  readonly row: RowFormat;
  readonly labels: readonly LayoutCell[];
  /** Printed group headings drawn as rows of their own just before this row (2014 统计表). */
  readonly headings?: readonly string[];
}

/** The layout of one table. */
export interface TableLayout {
  readonly table: TableFormat;
  /** `表三 收到和处理政府信息公开申请情况`. */
  readonly caption: string;
  /** How many columns before the values hold labels (or units). */
  readonly labelColumns: number;
  /** Header rows, top to bottom, including the corner cell(s). */
  readonly header: readonly (readonly LayoutCell[])[];
  readonly rows: readonly LayoutRow[];
}

const cell = (text: string, scope: LayoutCell['scope'], colspan = 1, rowspan = 1): LayoutCell => ({ text, colspan, rowspan, scope });

/** Printed group headings of table 三 (RULES.md §3.4). */
const T3_GROUPS: Readonly<Record<string, string>> = {
  results: '三、本年度办理结果',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  'not-processed': '（五）不予处理',
  other: '（六）其他处理',
};

/** Table 三: 3 label columns, a 3 × 3 corner, 申请人情况 over 自然人 / 法人或其他组织 (5) / 总计. */
function requestLayout(table: TableFormat, caption: string): TableLayout {
  const byId = new Map(table.columns.map((c) => [c.id, c.label]));
  const orgs = table.columns.filter((c) => c.id !== 'natural' && c.id !== 'total');
  const header = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'col', 3, 3), cell('申请人情况', 'colgroup', table.columns.length)],
    [cell(byId.get('natural') ?? '自然人', 'col', 1, 2), cell('法人或其他组织', 'colgroup', orgs.length), cell(byId.get('total') ?? '总计', 'col', 1, 2)],
    orgs.map((c) => cell(c.label, 'col')),
  ];
  const results = table.rows.filter((r) => r.group !== undefined);
  const rows: LayoutRow[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const labels: LayoutCell[] = [];
    if (row.group === undefined) {
      labels.push(cell(row.label, 'row', 3));
    } else {
      if (!seen.has('results')) {
        seen.add('results');
        labels.push(cell(T3_GROUPS.results ?? '', 'rowgroup', 1, results.length));
      }
      if (row.group === 'results') {
        labels.push(cell(row.label, 'row', 2));
      } else {
        if (!seen.has(row.group)) {
          seen.add(row.group);
          const size = table.rows.filter((r) => r.group === row.group).length;
          labels.push(cell(T3_GROUPS[row.group] ?? row.group, 'rowgroup', 1, size));
        }
        labels.push(cell(row.label, 'row'));
      }
    }
    rows.push({ row, labels });
  }
  return { table, caption, labelColumns: 3, header, rows };
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 5, 复议后起诉 5); one unlabelled data row. */
function reviewLayout(table: TableFormat, caption: string): TableLayout {
  const outcomes = (group: string) => table.columns.filter((c) => c.id.startsWith(`${group}-`)).map((c) => c.label.split('·').at(-1) ?? c.label);
  const reconsideration = outcomes('reconsideration');
  const direct = outcomes('direct-suit');
  const after = outcomes('suit-after-reconsideration');
  const header = [
    [cell('行政复议', 'colgroup', reconsideration.length), cell('行政诉讼', 'colgroup', direct.length + after.length)],
    [...reconsideration.map((t) => cell(t, 'col', 1, 2)), cell('未经复议直接起诉', 'colgroup', direct.length), cell('复议后起诉', 'colgroup', after.length)],
    [...direct, ...after].map((t) => cell(t, 'col')),
  ];
  return { table, caption, labelColumns: 0, header, rows: table.rows.map((row) => ({ row, labels: [] })) };
}

/** Table 二 blocks: 信息内容 | the block's columns. */
function blockLayout(table: TableFormat, caption: string): TableLayout {
  const header = [[cell('信息内容', 'col'), ...table.columns.map((c) => cell(c.label, 'col'))]];
  return { table, caption, labelColumns: 1, header, rows: table.rows.map((row) => ({ row, labels: [cell(row.label, 'row')] })) };
}

/** The 2014 统计表: 统计指标 | 单位 | 统计数. */
function statsLayout(table: TableFormat, caption: string): TableLayout {
  const header = [[cell('统计指标', 'col'), cell('单位', 'col'), ...table.columns.map((c) => cell(c.label, 'col'))]];
  const rows = table.rows.map((row) => ({
    row,
    labels: [cell(row.label, 'row'), cell(row.valueType === 'text' ? '' : (row.unit ?? ''), null)],
    headings: (table.headings ?? []).filter((h) => h.before === row.id).map((h) => h.label),
  }));
  return { table, caption, labelColumns: 2, header, rows };
}

/** The layout of `table`. */
function tableLayout(table: TableFormat): TableLayout {
  const name = tableName(table);
  const caption = `${name.zh} ${table.title.split('·')[0] ?? table.title}`;
  if (table.id === 't3') return requestLayout(table, caption);
  if (table.id === 't4') return reviewLayout(table, caption);
  if (table.sectionNumber === '') return statsLayout(table, caption);
  return blockLayout(table, caption);
}

const CACHE = new WeakMap<ReportFormat, readonly TableLayout[]>();

/** The layouts of every table of `format`, in format order (cached per format). */
export function formatLayouts(format: ReportFormat): readonly TableLayout[] {
  const cached = CACHE.get(format);
  if (cached) return cached;
  const layouts = format.tables.map(tableLayout);
  CACHE.set(format, layouts);
  return layouts;
}
