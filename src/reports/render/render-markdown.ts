/**
 * Markdown rendering of a checked report: a header, every table of the format in its official
 * layout order (Markdown cannot merge cells, so merged headers are spread over text rows and
 * group headings get rows of their own), a ⚠E1/⚠W2 marker on each cell involved in a finding,
 * the numbered findings with their passages, and the findings by narrative section.
 */
import type { Finding } from '../checker/finding.ts';
import type { ReportFormat } from '../format/report-format.ts';
import type { Cell, StructuredReport } from '../model/structured-report.ts';
import {
  SEVERITY_NAMES,
  cellLabel,
  cellsById,
  countBySeverity,
  findingsByCell,
  formatOf,
  labelFindings,
  positionText,
  sectionOfPassage,
  showCell,
  showNumber,
} from './finding-index.ts';
import type { LabelledFinding } from './finding-index.ts';
import { formatLayouts } from './table-layout.ts';
import type { LayoutCell, TableLayout } from './table-layout.ts';

/**
 * Escapes report text for Markdown: backslash, the inline markup characters, `|` (tables) and
 * `<`, `>`, `&` (as entities, so a viewer that passes HTML through renders them as text);
 * line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

/** ` (第12行)`-style suffix in both languages, or empty. */
function where(position: Parameters<typeof positionText>[0]): string {
  const p = positionText(position);
  return p.zh ? `（${p.zh} / ${p.en}）` : '';
}

/** Expands header rows with spans into a full grid of texts ('' where a merged cell continues). */
export function expandHeader(rows: readonly (readonly LayoutCell[])[], width: number): string[][] {
  const grid: (string | null)[][] = rows.map(() => Array<string | null>(width).fill(null));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && grid[r]?.[c] !== null) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = grid[r + dr];
          if (line && c + dc < width) line[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      }
      c += cell.colspan;
    }
  });
  return grid.map((line) => line.map((t) => t ?? ''));
}

/** One Markdown table row. */
const mdRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The Markdown of one table, with markers and a note for each ambiguous cell. */
function renderTable(layout: TableLayout, cells: Map<string, Cell>, byCell: Map<string, LabelledFinding[]>, notes: { n: number }): string[] {
  const { table } = layout;
  const collapse = layout.labelColumns === 3; // table 三: three merged label columns → one
  const labelCols = collapse ? 1 : layout.labelColumns;
  const grid = expandHeader(layout.header, layout.labelColumns + table.columns.length);
  const headerRows = grid.map((line) => {
    const labels = line.slice(0, layout.labelColumns);
    const values = line.slice(layout.labelColumns);
    return [...(collapse ? [labels.filter((t) => t !== '').join(' ')] : labels), ...values].map(escapeMarkdown);
  });
  const width = labelCols + table.columns.length;
  const out: string[] = [`### ${escapeMarkdown(layout.caption)}`, ''];
  const [first, ...rest] = headerRows;
  out.push(mdRow(first ?? []), mdRow(Array<string>(width).fill('---')));
  for (const line of rest) out.push(mdRow(line.map((t) => (t ? `**${t}**` : ''))));
  const tableNotes: string[] = [];
  for (const { row, labels, headings } of layout.rows) {
    for (const heading of headings ?? []) out.push(mdRow([`**${escapeMarkdown(heading)}**`, '——', ...Array<string>(width - 2).fill('')]));
    for (const group of labels.filter((l) => l.rowspan > 1)) out.push(mdRow([`**${escapeMarkdown(group.text)}**`, ...Array<string>(width - 1).fill('')]));
    const own = labels.filter((l) => l.rowspan === 1);
    const labelTexts = collapse ? [own.at(-1)?.text ?? row.label] : own.map((l) => l.text);
    const values = table.columns.map((column) => {
      const id = `${table.id}/${row.id}/${column.id}`;
      const cell = cells.get(id);
      let text = escapeMarkdown(showCell(cell));
      if (cell?.status === 'ambiguous') {
        notes.n += 1;
        text += `［注${notes.n}］`;
        const label = table.columns.length === 1 ? row.label : `${row.label}·${column.label}`;
        tableNotes.push(`- 注${notes.n}：“${escapeMarkdown(label)}”有歧义，候选值 / candidates：${(cell.candidates ?? []).map(showNumber).join(' / ') || '（未列出）'}`);
      }
      const marks = byCell.get(id);
      if (marks) text += ` ${marks.map((m) => `⚠${m.label}`).join(' ')}`;
      return text;
    });
    out.push(mdRow([...labelTexts.map(escapeMarkdown), ...values]));
  }
  if (tableNotes.length > 0) out.push('', ...tableNotes);
  out.push('');
  return out;
}


/** One numbered finding with its details. */
function renderFinding(l: LabelledFinding, i: number, format: ReportFormat | null): string[] {
  const f = l.finding;
  const name = SEVERITY_NAMES[f.severity];
  const out = [`${i + 1}. <a id="${l.anchor}"></a>**⚠${l.label} ${name.zh} / ${name.en} [${escapeMarkdown(f.rule)}]** ${escapeMarkdown(f.message.zh)}  `, `   *${escapeMarkdown(f.message.en)}*`];
  if (f.expected !== null || f.found !== null) {
    out.push(`   - 应为 / expected：${escapeMarkdown(String(f.expected ?? '—'))}；实为 / found：${escapeMarkdown(String(f.found ?? '—'))}`);
  }
  if (f.cells.length > 0) {
    const cells = f.cells.map((c) => `${escapeMarkdown(cellLabel(format, c.id))} = ${c.value === null ? '—' : showNumber(c.value)}${where(c.position)}`);
    out.push(`   - 单元格 / cells：${cells.join('；')}`);
  }
  if (f.passages.length > 0) {
    out.push('   - 引文 / passages：');
    for (const p of f.passages) out.push(`     > “${escapeMarkdown(p.text)}”${where(p.position)}`);
  }
  out.push(`   - 依据 / source：${escapeMarkdown(f.source)}`);
  return out;
}

/** The findings that quote passages, grouped by the section of each passage. */
function renderByNarrative(report: StructuredReport, labelled: readonly LabelledFinding[]): string[] {
  const groups = new Map<string, { title: string; items: string[] }>();
  const order: string[] = [];
  for (const s of report.sections) {
    const key = `s:${s.id}:${s.number}`;
    if (!groups.has(key)) {
      groups.set(key, { title: `${s.number ? `${s.number}、` : ''}${s.title}${where(s.position)}`, items: [] });
      order.push(key);
    }
  }
  const elsewhere = { title: '（未能对应到段落 / not placed in a section）', items: [] as string[] };
  for (const l of labelled) {
    for (const p of l.finding.passages) {
      const section = sectionOfPassage(report, p);
      const group = section ? groups.get(`s:${section.id}:${section.number}`) : undefined;
      (group ?? elsewhere).items.push(`- [⚠${l.label}](#${l.anchor}) [${escapeMarkdown(l.finding.rule)}] “${escapeMarkdown(p.text)}”${where(p.position)}`);
    }
  }
  const out: string[] = [];
  for (const key of order) {
    const g = groups.get(key);
    if (g && g.items.length > 0) out.push(`### ${escapeMarkdown(g.title)}`, '', ...g.items, '');
  }
  if (elsewhere.items.length > 0) out.push(`### ${elsewhere.title}`, '', ...elsewhere.items, '');
  return out.length > 0 ? out : ['（没有涉及叙述段落的核查发现 / no findings quote the narrative）', ''];
}

/**
 * Renders a report and its findings as Markdown.
 * @param report the structured report
 * @param findings its findings (as `checkReport` returns them: errors first)
 * @returns the document; every piece of report text is escaped
 */
export function renderMarkdown(report: StructuredReport, findings: Finding[]): string {
  const format = formatOf(report);
  const labelled = labelFindings(findings);
  const byCell = findingsByCell(labelled);
  const counts = countBySeverity(findings);
  const org = report.organization;
  const kind = org.kind === 'government' ? '人民政府 / government' : org.kind === 'department' ? '政府部门 / department' : org.kind === 'other' ? '其他 / other' : '类型不明 / kind unknown';
  const out: string[] = [
    `# ${escapeMarkdown(report.title ?? `${org.name ?? '（机构不明）'}${report.year ?? ''}年政府信息公开工作年度报告`)}`,
    '',
    `- 机构 / Organization：${escapeMarkdown(org.name ?? '（不明 / unknown）')}（${kind}）`,
    `- 年度 / Year：${report.year ?? '（不明 / unknown）'}`,
    `- 格式 / Format：${format ? `${escapeMarkdown(format.name)}（${escapeMarkdown(format.citation)}）` : escapeMarkdown(String(report.format.id))}；判定依据 / decided by：${escapeMarkdown(String(report.format.source))}`,
    `- 发布日期 / Published：${report.publicationDate ? `${escapeMarkdown(report.publicationDate.date)}（${escapeMarkdown(report.publicationDate.source)}）${where(report.publicationDate.position)}` : '（未载明 / not stated）'}`,
    `- 核查结果 / Result：错误 ${counts.error} errors，警告 ${counts.warning} warnings，提示 ${counts.info} info`,
    '',
    '## 表格 / Tables',
    '',
    '空白单元格为空；`/` 为不适用；`?` 为有歧义（见注）；`—` 为缺失。⚠E 错误，⚠W 警告，⚠I 提示，编号见“核查发现”。',
    '',
  ];
  if (format) {
    const cells = cellsById(report);
    const notes = { n: 0 };
    for (const layout of formatLayouts(format)) out.push(...renderTable(layout, cells, byCell, notes));
  } else {
    out.push('（格式不明，未能绘制表格 / unknown format: no tables）', '');
  }
  out.push(`## 核查发现 / Findings (${findings.length})`, '');
  if (labelled.length === 0) out.push('（无 / none）');
  labelled.forEach((l, i) => out.push(...renderFinding(l, i, format)));
  out.push('', '## 按叙述段落 / Findings by narrative section', '', ...renderByNarrative(report, labelled));
  return `${out.join('\n').trimEnd()}\n`;
}
