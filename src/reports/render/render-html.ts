/**
 * HTML rendering of a checked report: one complete, self-contained, accessible page
 * (lang="zh-CN", a <caption> and <th scope> on every table, the official merged headers of
 * tables 三 and 四 as real rowspan/colspan, cells with findings marked by class, border and a
 * ⚠E1 link — never by colour alone — and the findings and narrative passages listed with
 * anchors). Reports are untrusted input: every piece of report text goes through `escapeHtml`.
 */
import type { Finding, Severity } from '../checker/finding.ts';
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
  worstSeverity,
} from './finding-index.ts';
import type { LabelledFinding } from './finding-index.ts';
import { formatLayouts } from './table-layout.ts';
import type { LayoutCell, TableLayout } from './table-layout.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values: & < > " '. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** ` （第12行 / line 12）`, escaped; empty when unknown. */
function where(position: Parameters<typeof positionText>[0]): string {
  const p = positionText(position);
  return p.zh ? `<span class="pos">（${escapeHtml(p.zh)} / ${escapeHtml(p.en)}）</span>` : '';
}

/** Colours with ≥ 4.5:1 contrast for the marker text on its background (WCAG AA). */
const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:72rem;padding:1rem;line-height:1.6}
a{color:#0b4f9c}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem}
table{border-collapse:collapse;margin:0 0 1rem;font-size:.9rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #555;padding:.2rem .4rem;vertical-align:top}
thead th{background:#eef0f3}
td.value{text-align:right;white-space:nowrap}
.has-finding{outline:3px solid;outline-offset:-3px}
.sev-error{background:#fdecea;outline-color:#b00020}
.sev-warning{background:#fff4d6;outline-color:#8a5a00}
.sev-info{background:#e8f1fb;outline-color:#1a4f8b}
.marker{font-weight:bold;text-decoration:none;margin-left:.2rem}
.sev-error .marker,.marker.sev-error{color:#8b0000}
.sev-warning .marker,.marker.sev-warning{color:#5c3d00}
.sev-info .marker,.marker.sev-info{color:#123a66}
.pos{color:#444;font-size:.85em}
.findings li{margin-bottom:.75rem}
blockquote{margin:.25rem 0 .25rem 1rem;padding-left:.5rem;border-left:3px solid #888}
.en{color:#333}
`;

/** The marker links of a cell's findings. */
function markers(list: readonly LabelledFinding[]): string {
  return list
    .map((l) => {
      const name = SEVERITY_NAMES[l.finding.severity];
      return `<a class="marker sev-${l.finding.severity}" href="#${l.anchor}" aria-label="${name.zh} ${l.label}（${name.en} ${l.label}）">⚠${l.label}</a>`;
    })
    .join('');
}

/** A `<th>` or `<td>` of the layout. */
function layoutCell(c: LayoutCell): string {
  const span = `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
  return c.scope === null ? `<td${span}>${escapeHtml(c.text)}</td>` : `<th scope="${c.scope}"${span}>${escapeHtml(c.text)}</th>`;
}

/**
 * One table in its official layout (also drawn by the portal's report pages).
 * @param cells the report's cells by id
 * @param byCell the labelled findings of each cell (empty map: no markers)
 * @param notes collects the notes on ambiguous cells; the table links to `#note-N`
 * @returns the `<table>` with its `<caption>`, escaped
 */
export function renderTable(layout: TableLayout, cells: Map<string, Cell>, byCell: Map<string, LabelledFinding[]>, notes: string[]): string {
  const { table } = layout;
  const head = layout.header.map((row) => `<tr>${row.map(layoutCell).join('')}</tr>`).join('\n');
  const body = layout.rows
    .map(({ row, labels, headings }) => {
      const values = table.columns.map((column) => {
        const id = `${table.id}/${row.id}/${column.id}`;
        const cell = cells.get(id);
        let content = escapeHtml(showCell(cell));
        if (cell?.status === 'ambiguous') {
          notes.push(`“${row.key === '' ? column.label : table.columns.length === 1 ? row.label : `${row.label}·${column.label}`}”（${table.id}）候选值 / candidates：${(cell.candidates ?? []).map(showNumber).join(' / ') || '—'}`);
          const n = notes.length;
          content += `<sup><a href="#note-${n}" id="noteref-${n}">注${n}</a></sup>`;
        }
        const list = byCell.get(id);
        const label = table.columns.length === 1 ? row.label : row.key === '' ? column.label : `${row.label}·${column.label}`;
        const aria = cell?.status === 'blank' ? ' aria-label="空白"' : cell?.status === 'missing' || !cell ? ' aria-label="缺失"' : '';
        if (!list) return `<td class="value" id="cell-${escapeHtml(id)}"${aria}>${content}</td>`;
        const sev = worstSeverity(list);
        const title = list.map((l) => `${l.label} ${l.finding.message.zh}`).join('\n');
        return `<td class="value has-finding sev-${sev}" id="cell-${escapeHtml(id)}" title="${escapeHtml(`${label}\n${title}`)}">${content}${markers(list)}</td>`;
      });
      const headingRows = (headings ?? []).map(
        (h) => `<tr class="heading"><th scope="rowgroup">${escapeHtml(h)}</th><td>——</td><td colspan="${table.columns.length}"></td></tr>\n`,
      );
      return `${headingRows.join('')}<tr>${labels.map(layoutCell).join('')}${values.join('')}</tr>`;
    })
    .join('\n');
  return `<table id="table-${escapeHtml(table.id)}">\n<caption>${escapeHtml(layout.caption)}</caption>\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}


/** One finding of the numbered list: an `<li id="finding-E1">` (also listed by the portal's report pages). */
export function renderFinding(l: LabelledFinding, format: ReportFormat | null): string {
  const f = l.finding;
  const name = SEVERITY_NAMES[f.severity];
  const parts = [
    `<li id="${l.anchor}" class="sev-${f.severity}"><p><strong class="marker sev-${f.severity}">⚠${l.label}</strong> <strong>${name.zh} / ${name.en} [${escapeHtml(f.rule)}]</strong> ${escapeHtml(f.message.zh)}<br><span class="en" lang="en">${escapeHtml(f.message.en)}</span></p>`,
  ];
  if (f.expected !== null || f.found !== null) {
    parts.push(`<p>应为 / expected：${escapeHtml(String(f.expected ?? '—'))}；实为 / found：${escapeHtml(String(f.found ?? '—'))}</p>`);
  }
  if (f.cells.length > 0) {
    const items = f.cells.map(
      (c) => `<li><a href="#cell-${escapeHtml(c.id)}">${escapeHtml(cellLabel(format, c.id))}</a> = ${c.value === null ? '—' : escapeHtml(showNumber(c.value))}${where(c.position)}</li>`,
    );
    parts.push(`<p>单元格 / cells：</p><ul>${items.join('')}</ul>`);
  }
  if (f.passages.length > 0) {
    parts.push(`<p>引文 / passages：</p>${f.passages.map((p) => `<blockquote>“${escapeHtml(p.text)}”${where(p.position)}</blockquote>`).join('')}`);
  }
  parts.push(`<p class="pos">依据 / source：${escapeHtml(f.source)}</p></li>`);
  return parts.join('\n');
}

/** The passages of the findings, grouped by section, each linking to its finding. */
function renderByNarrative(report: StructuredReport, labelled: readonly LabelledFinding[]): string {
  const groups = new Map<string, { title: string; items: string[] }>();
  for (const s of report.sections) {
    const key = `${s.id}:${s.number}`;
    if (!groups.has(key)) groups.set(key, { title: `${s.number ? `${s.number}、` : ''}${s.title}`, items: [] });
  }
  const elsewhere: string[] = [];
  let n = 0;
  for (const l of labelled) {
    for (const p of l.finding.passages) {
      n += 1;
      const section = sectionOfPassage(report, p);
      const item = `<li id="passage-${n}"><a class="marker sev-${l.finding.severity}" href="#${l.anchor}">⚠${l.label}</a> [${escapeHtml(l.finding.rule)}] “${escapeHtml(p.text)}”${where(p.position)}</li>`;
      const group = section ? groups.get(`${section.id}:${section.number}`) : undefined;
      if (group) group.items.push(item);
      else elsewhere.push(item);
    }
  }
  const out: string[] = [];
  let i = 0;
  for (const g of groups.values()) {
    i += 1;
    if (g.items.length > 0) out.push(`<h3 id="section-${i}">${escapeHtml(g.title)}</h3>\n<ul>${g.items.join('\n')}</ul>`);
  }
  if (elsewhere.length > 0) out.push(`<h3>未能对应到段落 / not placed in a section</h3>\n<ul>${elsewhere.join('\n')}</ul>`);
  return out.length > 0 ? out.join('\n') : '<p>没有涉及叙述段落的核查发现 / no findings quote the narrative.</p>';
}

/** The summary counts, e.g. `错误 2，警告 1，提示 0`. */
function summary(counts: Record<Severity, number>): string {
  return `错误 ${counts.error} errors，警告 ${counts.warning} warnings，提示 ${counts.info} info`;
}

/**
 * Renders a report and its findings as a complete HTML page.
 * @param report the structured report (untrusted: all its text is escaped)
 * @param findings its findings (as `checkReport` returns them: errors first)
 * @returns the page, `<!DOCTYPE html>` to `</html>`, with inline CSS and no scripts
 */
export function renderHtml(report: StructuredReport, findings: Finding[]): string {
  const format = formatOf(report);
  const labelled = labelFindings(findings);
  const byCell = findingsByCell(labelled);
  const org = report.organization;
  const title = report.title ?? `${org.name ?? '（机构不明）'}${report.year ?? ''}年政府信息公开工作年度报告`;
  const kind = org.kind === 'government' ? '人民政府' : org.kind === 'department' ? '政府部门' : org.kind === 'other' ? '其他' : '类型不明';
  const notes: string[] = [];
  const cells = cellsById(report);
  const tables = format ? formatLayouts(format).map((layout) => renderTable(layout, cells, byCell, notes)) : ['<p>格式不明，未能绘制表格。</p>'];
  const published = report.publicationDate ? `${escapeHtml(report.publicationDate.date)}（${escapeHtml(report.publicationDate.source)}）${where(report.publicationDate.position)}` : '未载明 / not stated';
  const formatText = format ? `${escapeHtml(format.name)}（${escapeHtml(format.citation)}）` : escapeHtml(String(report.format.id));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — 核查结果</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#findings">跳到核查发现 / skip to findings</a>
<header>
<h1>${escapeHtml(title)}</h1>
<dl>
<dt>机构 / Organization</dt><dd>${escapeHtml(org.name ?? '不明 / unknown')}（${kind}）</dd>
<dt>年度 / Year</dt><dd>${report.year === null ? '不明 / unknown' : escapeHtml(String(report.year))}</dd>
<dt>格式 / Format</dt><dd>${formatText}；判定依据 / decided by：${escapeHtml(String(report.format.source))}</dd>
<dt>发布日期 / Published</dt><dd>${published}</dd>
<dt>核查结果 / Result</dt><dd>${summary(countBySeverity(findings))}</dd>
</dl>
</header>
<main>
<section aria-labelledby="tables-heading">
<h2 id="tables-heading">表格 / Tables</h2>
<p>空白单元格为空；“/”为不适用；“?”为有歧义（见注）；“—”为缺失。有核查发现的单元格加框并标注 ⚠E（错误）、⚠W（警告）、⚠I（提示）及编号，可点击跳转。</p>
${tables.join('\n')}
${notes.length > 0 ? `<h3>注 / Notes</h3>\n<ol>${notes.map((t, i) => `<li id="note-${i + 1}">${escapeHtml(t)} <a href="#noteref-${i + 1}" aria-label="返回">↩</a></li>`).join('\n')}</ol>` : ''}
</section>
<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">核查发现 / Findings (${findings.length})</h2>
${labelled.length > 0 ? `<ol class="findings">\n${labelled.map((l) => renderFinding(l, format)).join('\n')}\n</ol>` : '<p>无 / none.</p>'}
</section>
<section id="narrative" aria-labelledby="narrative-heading">
<h2 id="narrative-heading">按叙述段落 / Findings by narrative section</h2>
${renderByNarrative(report, labelled)}
</section>
</main>
</body>
</html>
`;
}
