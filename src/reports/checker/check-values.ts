/**
 * Rule V08 (every cell a number of its value type, 0 written rather than blank or “/”) and
 * `V09-table` (the format's tables are present). RULES.md §6.2 V08, V09; §3.6 item 9 (only the
 * 2019 本年增/减 may be negative; 2021 第（八）项 is a decimal in 万元).
 */
import type { TableFormat } from '../format/report-format.ts';
import type { Cell } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, cellRef, fmt, makeFinding } from './check-context.ts';
import type { CheckContext } from './check-context.ts';
import { tableName } from './format-index.ts';
import type { CellInfo } from './format-index.ts';

const SOURCE_V08 = 'RULES.md §6.2 V08; 格式要求各栏填写数字，无数据填0';
const SOURCE_V09_TABLE = 'RULES.md §6.2 V09; 年度报告格式规定的表格';

/** True when no cell of `table` was read (every cell missing or absent from the report). */
export function isTableMissing(ctx: CheckContext, table: TableFormat): boolean {
  for (const row of table.rows) {
    for (const column of table.columns) {
      const cell = ctx.cells.get(`${table.id}/${row.id}/${column.id}`);
      if (cell && cell.status !== 'missing') return false;
    }
  }
  return true;
}

/** Printed text for a message: whitespace runs as one space, at most 60 characters. */
function printable(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Checks the value of every cell of the format against its value type.
 *
 * - A table with every cell missing → `V09-table` (error; warning for the 2014 统计表, whose
 *   printing in the report is not established by RULES.md).
 * - Rows missing from a present table → one `V09-table` warning per table listing them.
 * - `count`: a negative or decimal number → `V08` error; `signed-count`: a decimal → error;
 *   `amount`: a negative number → error.
 * - Blank cells → one `V08` warning per row (the format wants 0 written); `na` cells in a number
 *   column → one `V08` warning per row; ambiguous cells → one `V08` warning per row listing every
 *   cell's candidates; text in a number cell → `V08` warning.
 * - Cells of value type `text` (2014 申请公开的主要内容) are not checked.
 */
export function checkValues(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const table of ctx.format.tables) {
    const name = tableName(table);
    if (isTableMissing(ctx, table)) {
      const is2014 = ctx.format.id === '2014';
      findings.push(
        makeFinding({
          rule: 'V09-table',
          severity: is2014 ? 'warning' : 'error',
          zh: `未找到${name.zh}“${table.title}”：该表的所有单元格均缺失。`,
          en: `${name.en} “${table.title}” was not found: every cell of it is missing.`,
          source: is2014 ? `${SOURCE_V09_TABLE}; 国办发〔2014〕32号统计表（是否须随报告公布 UNVERIFIED）` : `${SOURCE_V09_TABLE}; ${ctx.format.citation}`,
          expected: table.title,
          found: null,
        }),
      );
      continue;
    }
    const missingRows: string[] = [];
    const missingCells: Finding['cells'] = [];
    for (const row of table.rows) {
      const byStatus = new Map<string, { cell: Cell; info: CellInfo }[]>();
      let rowMissing = true;
      const rowMissingCells: string[] = [];
      for (const column of table.columns) {
        const id = `${table.id}/${row.id}/${column.id}`;
        const info = ctx.index.cells.get(id);
        const cell = ctx.cells.get(id);
        if (!info) continue;
        if (!cell || cell.status === 'missing') {
          rowMissingCells.push(id);
          continue;
        }
        rowMissing = false;
        if (info.valueType === 'text') continue;
        if (cell.status === 'number') {
          const bad = valueTypeFinding(ctx, cell, info);
          if (bad) findings.push(bad);
          continue;
        }
        const list = byStatus.get(cell.status) ?? [];
        list.push({ cell, info });
        byStatus.set(cell.status, list);
      }
      if (rowMissing) {
        missingRows.push(row.label);
        for (const id of rowMissingCells) missingCells.push(cellRef(ctx, id));
      }
      for (const [status, list] of byStatus) findings.push(statusFinding(ctx, table, status, list));
    }
    if (missingRows.length > 0) {
      findings.push(
        makeFinding({
          rule: 'V09-table',
          severity: 'warning',
          zh: `${name.zh}缺少${missingRows.length}行：${missingRows.join('；')}。`,
          en: `${name.en} lacks ${missingRows.length} row(s): ${missingRows.join('; ')}.`,
          source: `${SOURCE_V09_TABLE}; ${ctx.format.citation}`,
          cells: missingCells,
          expected: table.rows.length,
          found: table.rows.length - missingRows.length,
        }),
      );
    }
  }
  return findings;
}

/** A number that its value type forbids (negative or decimal count, negative amount), or null. */
function valueTypeFinding(ctx: CheckContext, cell: Cell, info: CellInfo): Finding | null {
  const value = cell.value;
  if (value === null) return null;
  const name = `${tableName(info.table).zh}“${info.label}”`;
  const nameEn = `${tableName(info.table).en} “${info.label}” (${info.id})`;
  const pos = at(cell.position);
  let problem: { zh: string; en: string; expected: string } | null = null;
  if (info.valueType === 'count') {
    if (value < 0) problem = { zh: '为负数，而该栏应为非负整数', en: 'is negative; the column holds non-negative integers', expected: '非负整数 / non-negative integer' };
    else if (!Number.isInteger(value)) problem = { zh: '带有小数，而该栏应为整数', en: 'is not an integer; the column holds counts', expected: '非负整数 / non-negative integer' };
  } else if (info.valueType === 'signed-count') {
    if (!Number.isInteger(value)) problem = { zh: '带有小数，而该栏应为整数（可为负数）', en: 'is not an integer; the column holds (signed) counts', expected: '整数 / integer' };
  } else if (info.valueType === 'amount') {
    if (value < 0) problem = { zh: '为负数，而金额不能为负', en: 'is negative; an amount cannot be', expected: '非负数 / non-negative amount' };
  }
  if (!problem) return null;
  return makeFinding({
    rule: 'V08',
    severity: 'error',
    zh: `${name}${pos.zh}的值 ${fmt(value)} ${problem.zh}。`,
    en: `${nameEn}${pos.en}: the value ${fmt(value)} ${problem.en}.`,
    source: `${SOURCE_V08}; RULES.md §3.6 item 9`,
    cells: [cellRef(ctx, info.id)],
    expected: problem.expected,
    found: value,
  });
}

/** One warning for the cells of a row sharing a non-number status (blank, na, ambiguous, text). */
function statusFinding(ctx: CheckContext, table: TableFormat, status: string, list: { cell: Cell; info: CellInfo }[]): Finding {
  const name = tableName(table);
  const first = list[0];
  const rowLabel = first && first.info.row.key !== '' ? `“${first.info.row.label}”行` : '';
  const rowLabelEn = first && first.info.row.key !== '' ? ` row “${first.info.row.label}”` : '';
  const labels = list.map(({ cell, info }) => `${table.columns.length === 1 ? info.row.label : info.column.label}${at(cell.position).zh}`);
  const labelsEn = list.map(({ cell, info }) => `${table.columns.length === 1 ? info.row.label : info.column.label}${at(cell.position).en}`);
  const cells = list.map(({ cell }) => cellRef(ctx, cell.id));
  switch (status) {
    case 'blank':
      return makeFinding({
        rule: 'V08',
        severity: 'warning',
        zh: `${name.zh}${rowLabel}有${list.length}个单元格为空：${labels.join('、')}。格式要求无数据时填写0。`,
        en: `${name.en}${rowLabelEn}: ${list.length} cell(s) left blank: ${labelsEn.join(', ')}. The format wants 0 written.`,
        source: SOURCE_V08,
        cells,
        expected: 0,
        found: '空白 / blank',
      });
    case 'na':
      return makeFinding({
        rule: 'V08',
        severity: 'warning',
        zh: `${name.zh}${rowLabel}有${list.length}个单元格填写了不适用标记（${list.map(({ cell }) => cell.raw).join('、')}）：${labels.join('、')}。该栏应填写数字，无数据填0。`,
        en: `${name.en}${rowLabelEn}: ${list.length} cell(s) hold a not-applicable mark (${list.map(({ cell }) => cell.raw).join(', ')}): ${labelsEn.join(', ')}. The column wants a number (0 when none).`,
        source: SOURCE_V08,
        cells,
        expected: 0,
        found: list.map(({ cell }) => cell.raw).join(' '),
      });
    case 'ambiguous': {
      const ambiguity = ctx.report.ambiguities.find((a) => a.table === table.id && first !== undefined && a.row === first.info.row.id);
      const detail = list.map(
        ({ cell, info }) => `${table.columns.length === 1 ? info.row.label : info.column.label}: ${(cell.candidates ?? []).map(fmt).join(' / ') || '—'}`,
      );
      const raw = ambiguity ? `“${printable(ambiguity.raw)}”` : '';
      const splits = ambiguity && ambiguity.candidates.length > 0 ? `${ambiguity.candidates.length}${ambiguity.truncated ? '+' : ''}` : '';
      return makeFinding({
        rule: 'V08',
        severity: 'warning',
        zh: `${name.zh}${rowLabel}的数字${raw}无法唯一拆分${splits ? `（${splits}种拆分均满足勾稽关系）` : ''}，${list.length}个单元格有歧义，候选值：${detail.join('；')}。`,
        en: `${name.en}${rowLabelEn}: the ${raw ? `digits ${raw}` : 'row'} cannot be split uniquely${splits ? ` (${splits} splits satisfy every identity)` : ''}; ${list.length} ambiguous cell(s), candidates: ${detail.join('; ')}.`,
        source: `${SOURCE_V08}; 表格压平后单元格边界丢失`,
        cells,
        expected: null,
        found: detail.join('; '),
      });
    }
    default:
      return makeFinding({
        rule: 'V08',
        severity: 'warning',
        zh: `${name.zh}${rowLabel}有${list.length}个单元格不是数字（${list.map(({ cell }) => `“${cell.raw}”`).join('、')}）：${labels.join('、')}。`,
        en: `${name.en}${rowLabelEn}: ${list.length} cell(s) hold text, not a number (${list.map(({ cell }) => `“${cell.raw}”`).join(', ')}): ${labelsEn.join(', ')}.`,
        source: SOURCE_V08,
        cells,
        expected: '数字 / number',
        found: list.map(({ cell }) => cell.raw).join(' '),
      });
  }
}
