/**
 * Markup of the portal's annual-report pages: the list of every organization's reports by year
 * (published here and imported), a published report (title, organization, publication date, the
 * six sections with the tables in their official merged-cell layout, downloads) and an imported
 * report (what the reader read, with the checker's findings marked on the cells and passages they
 * concern). Printed order comes from the exports' `exportDocument`, tables from the report
 * engine's `renderTable`, the findings list from its `renderFinding`, so the portal, the DOCX/PDF
 * and the checker's HTML show one report the same way. No JavaScript; every table has a caption
 * and header scopes; findings are marked by outline, label and link, never by colour alone.
 */
import { html, raw } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { ORGANIZATION_KIND_NAMES_ZH } from '../organizations/organization.ts';
import type { Organization } from '../organizations/organization.ts';
import type { Severity } from '../reports/checker/finding.ts';
import { getFormat } from '../reports/format/formats.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { SEVERITY_NAMES, cellsById, countBySeverity, findingsByCell, labelFindings, worstSeverity } from '../reports/render/finding-index.ts';
import type { LabelledFinding } from '../reports/render/finding-index.ts';
import { renderFinding, renderTable } from '../reports/render/render-html.ts';
import { formatLayouts } from '../reports/render/table-layout.ts';
import type { ImportedReport } from './annual-report.repository.ts';
import { reportTitle } from './computed-report.ts';
import { exportDocument } from './export/export-document.ts';
import type { ImportedReportSummary } from './imported-report.repository.ts';
import type { PublishedReportList, PublishedReport, PublishedReportQuery } from './published-report.service.ts';
import type { PublishedReportSummary } from './published-report.repository.ts';
import { EXPORT_KIND_NAMES_ZH, PUBLIC_EXPORT_KINDS } from './report-export.ts';

/**
 * The report pages' styles (in `<head>`): value cells right-aligned, wide tables scroll in a
 * focusable region, findings outlined with ≥ 4.5:1 marker colours (as the checker's HTML).
 */
export const REPORT_PAGE_HEAD: SafeHtml = html`<style>${raw(`
.table-wrap{overflow-x:auto;margin:0 0 16px}.table-wrap table{width:auto;min-width:60%}
caption{text-align:left;font-weight:bold;padding:4px 0}td.value{text-align:right;white-space:nowrap}
.report-text p{text-indent:2em;margin:.4em 0}.signature{text-align:right;margin-top:2em}
.has-finding{outline:3px solid;outline-offset:-3px}
.sev-error{background:#fdecea;outline-color:#b00020}.sev-warning{background:#fff4d6;outline-color:#8a5a00}.sev-info{background:#e8f1fb;outline-color:#1a4f8b}
mark.has-finding{outline-offset:0;color:inherit}
.marker{font-weight:bold;text-decoration:none;margin-left:.2rem}
.sev-error .marker,.marker.sev-error{color:#8b0000}.sev-warning .marker,.marker.sev-warning{color:#5c3d00}.sev-info .marker,.marker.sev-info{color:#123a66}
.findings li{margin-bottom:.75rem}.findings li.sev-error,.findings li.sev-warning,.findings li.sev-info{background:none}
blockquote{margin:.25rem 0 .25rem 1rem;padding-left:.5rem;border-left:3px solid #888}.pos{color:#4a4a4a;font-size:.9em}.en{color:#333}
.ignored li{white-space:pre-wrap}.downloads{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px 20px}
`)}</style>`;

/** `错误 2，警告 1` (and 提示 when any). */
export function countsText(counts: Readonly<Record<Severity, number>>): string {
  return `错误 ${counts.error}，警告 ${counts.warning}${counts.info > 0 ? `，提示 ${counts.info}` : ''}`;
}

/** The Chinese name of a format, e.g. 国办公开办函〔2021〕30号格式. */
function formatName(formatId: FormatId): string {
  const format = getFormat(formatId);
  return `${format.name}（${format.citation}）`;
}

/** `2025-01-20` as `2025年1月20日`. */
function dateZh(date: string | null): string {
  if (date === null) return '未载明';
  const [y = '', m = '', d = ''] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** One row of the report list: a published or an imported report. */
interface ListEntry {
  year: number | null;
  organization: SafeHtml | string;
  link: SafeHtml;
  source: string;
  publicationDate: string | null;
  counts: Record<Severity, number>;
}

function publishedEntry(r: PublishedReportSummary): ListEntry {
  return {
    year: r.year,
    organization: r.organizationName,
    link: html`<a href="/reports/${r.organizationId}/${r.year}">${reportTitle(r.organizationName, r.year)}</a>`,
    source: r.scope === 'rollup' ? '本平台编制（汇总）' : '本平台编制',
    publicationDate: r.publicationDate,
    counts: r.counts,
  };
}

function importedEntry(r: ImportedReportSummary): ListEntry {
  const printed = r.readOrganizationName ?? '机构不明';
  return {
    year: r.year,
    organization: r.organizationName ?? html`${printed}<br><span class="tag">未匹配机构</span>`,
    link: html`<a href="/reports/imported/${r.id}">${r.year === null ? r.fileName : reportTitle(r.organizationName ?? printed, r.year)}</a>`,
    source: '导入的已公开报告',
    publicationDate: r.publicationDate,
    counts: r.counts,
  };
}

/**
 * The list page: filters (organization, year) and, per year, every organization's reports with
 * where each comes from and its findings counted.
 */
export function reportListBody(list: PublishedReportList, filters: PublishedReportQuery): SafeHtml {
  const entries = [...list.computed.map(publishedEntry), ...list.imported.map(importedEntry)];
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => (b ?? 0) - (a ?? 0));
  const form = html`<form method="get" action="/reports" class="filters">
<div class="field"><label for="org">机构</label><select id="org" name="org"><option value="">全部机构</option>${list.options.organizations.map(
    (o) => html`<option value="${o.id}"${filters.organizationId === o.id ? html` selected` : ''}>${o.name}</option>`,
  )}</select></div>
<div class="field"><label for="year">年度</label><select id="year" name="year"><option value="">全部年度</option>${list.options.years.map(
    (y) => html`<option value="${y}"${filters.year === y ? html` selected` : ''}>${y}年</option>`,
  )}</select></div>
<button type="submit">筛选</button>
</form>`;
  const tables = years.map((year) => {
    const rows = entries.filter((e) => e.year === year);
    const id = `year-${year ?? 'unknown'}`;
    return html`<section aria-labelledby="${id}"><h2 id="${id}">${year === null ? '年度不明' : `${year}年度`}</h2>
<table><caption>${year === null ? '年度不明的报告' : `${year}年政府信息公开工作年度报告`}（${rows.length} 份）</caption>
<thead><tr><th scope="col">机构</th><th scope="col">年度报告</th><th scope="col">来源</th><th scope="col">发布日期</th><th scope="col">核查结果</th></tr></thead>
<tbody>${rows.map(
      (e) => html`<tr><td>${e.organization}</td><td>${e.link}</td><td>${e.source}</td><td>${e.publicationDate ?? '—'}</td><td>${countsText(e.counts)}</td></tr>`,
    )}</tbody></table></section>`;
  });
  return html`<h1>政府信息公开工作年度报告</h1>
<p>各机构的政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第四十九条、第五十条）：本平台根据办理记录编制并公开的报告，以及导入的历史年度报告。“核查结果”为系统按年度报告格式和勾稽关系自动核查发现的问题数，点击报告可查看详情。</p>
${form}
${entries.length === 0 ? html`<p>没有符合条件的年度报告。</p>` : tables}`;
}

/** Where each table of the report's format is drawn from, by table id. */
function layoutsById(report: StructuredReport): Map<string, ReturnType<typeof formatLayouts>[number]> {
  return new Map(formatLayouts(getFormat(report.format.id)).map((l) => [l.table.id, l]));
}

/** A passage of a paragraph with the findings that quote it. */
interface PassageMark {
  start: number;
  end: number;
  findings: LabelledFinding[];
}

/** The marker links of findings (⚠E1), as in the tables. */
function markerLinks(list: readonly LabelledFinding[]): SafeHtml[] {
  return list.map((l) => {
    const name = SEVERITY_NAMES[l.finding.severity];
    return html`<a class="marker sev-${l.finding.severity}" href="#${l.anchor}" aria-label="${name.zh} ${l.label}">⚠${l.label}</a>`;
  });
}

/**
 * A paragraph with the passages findings quote marked (first occurrence of each, overlaps
 * dropped), each followed by its findings' marker links.
 */
function markedParagraph(text: string, passages: ReadonlyMap<string, LabelledFinding[]>): SafeHtml {
  const marks: PassageMark[] = [];
  for (const [quoted, findings] of passages) {
    const start = text.indexOf(quoted);
    if (start >= 0) marks.push({ start, end: start + quoted.length, findings });
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: (SafeHtml | string)[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    parts.push(text.slice(at, m.start));
    const severity = worstSeverity(m.findings);
    parts.push(html`<mark class="has-finding sev-${severity}">${text.slice(m.start, m.end)}</mark>${markerLinks(m.findings)}`);
    at = m.end;
  }
  parts.push(text.slice(at));
  return html`<p>${parts}</p>`;
}

/** The passages the findings quote, by their text (trimmed, at least two characters). */
function passagesOf(labelled: readonly LabelledFinding[]): Map<string, LabelledFinding[]> {
  const map = new Map<string, LabelledFinding[]>();
  for (const l of labelled) {
    for (const p of l.finding.passages) {
      const text = p.text.trim();
      if (text.length < 2) continue;
      const list = map.get(text) ?? [];
      if (!list.includes(l)) list.push(l);
      map.set(text, list);
    }
  }
  return map;
}

/**
 * The report's body in printed order: sections (headings, paragraphs) with their tables, the
 * signature. With findings, cells and passages they concern are marked and linked to the list.
 */
function reportText(report: StructuredReport, labelled: readonly LabelledFinding[]): SafeHtml {
  const document = exportDocument(report);
  const layouts = layoutsById(report);
  const cells = cellsById(report);
  const byCell = findingsByCell(labelled);
  const passages = passagesOf(labelled);
  const notes: string[] = [];
  let headings = 0;
  const blocks = document.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        headings += 1;
        return html`<h2 id="part-${headings}">${block.text}</h2>`;
      case 'table-title':
        return html`<h3>${block.text}</h3>`;
      case 'paragraph':
        // The printed title opens the text of many reports: the page's <h1> already shows it.
        return block.text.replace(/\s+/g, '') === document.title.replace(/\s+/g, '') ? '' : markedParagraph(block.text, passages);
      case 'table': {
        const layout = layouts.get(block.table.id);
        if (!layout) return '';
        return html`<div class="table-wrap" role="region" aria-label="${layout.caption}" tabindex="0">${raw(renderTable(layout, cells, byCell, notes))}</div>`;
      }
    }
  });
  const noteList =
    notes.length > 0
      ? html`<h3>注</h3><ol>${notes.map((t, i) => html`<li id="note-${i + 1}">${t} <a href="#noteref-${i + 1}" aria-label="返回">↩</a></li>`)}</ol>`
      : '';
  const signature = html`<p class="signature">${document.organization}<br>${document.dateText ?? ''}</p>`;
  return html`<div class="report-text">${blocks}${noteList}${signature}</div>`;
}

/** The numbered findings list (E1…, W1…, I1…), anchors of the markers. */
function findingsList(labelled: readonly LabelledFinding[], report: StructuredReport): SafeHtml {
  if (labelled.length === 0) return html`<p>未发现问题。</p>`;
  const format = getFormat(report.format.id);
  return html`<ol class="findings">${labelled.map((l) => raw(renderFinding(l, format)))}</ol>`;
}

/** The download links of a published report. */
function downloads(organizationId: number, year: number): SafeHtml {
  return html`<ul class="downloads">${PUBLIC_EXPORT_KINDS.map(
    (kind) => html`<li><a href="/reports/${organizationId}/${year}.${kind}" download>下载${EXPORT_KIND_NAMES_ZH[kind]}</a></li>`,
  )}</ul>`;
}

/** A published report's title (`<title>` and `<h1>`): as printed in it, else the standard title of its organization and year. */
export function publishedReportTitle(p: PublishedReport): string {
  return p.report.title ?? reportTitle(p.organization.name, p.stored.year);
}

/** A published report's page. */
export function publishedReportBody(p: PublishedReport): SafeHtml {
  const { report, organization, stored } = p;
  const title = publishedReportTitle(p);
  const counts = countBySeverity(p.findings);
  const labelled = labelFindings(p.findings);
  return html`<h1>${title}</h1>
<dl class="meta">
<dt>发布机构</dt><dd>${organization.name}（${ORGANIZATION_KIND_NAMES_ZH[organization.kind]}）</dd>
<dt>年度</dt><dd>${stored.year}年</dd>
<dt>发布日期</dt><dd>${dateZh(report.publicationDate?.date ?? null)}</dd>
<dt>报告格式</dt><dd>${formatName(stored.formatId)}</dd>
<dt>统计范围</dt><dd>${stored.scope === 'rollup' ? `汇总（${stored.members?.length ?? 0} 个机构）` : '本机构'}</dd>
<dt>核查结果</dt><dd>${countsText(counts)}${p.findings.length > 0 ? html`（<a href="#findings">查看</a>）` : ''}</dd>
</dl>
<h2 id="downloads-heading">下载</h2>
${downloads(organization.id, stored.year)}
${reportText(report, [])}
${p.findings.length > 0
  ? html`<section id="findings" aria-labelledby="findings-heading"><h2 id="findings-heading">核查发现（${p.findings.length}）</h2>
${stored.override ? html`<p>报送时经审核人书面说明理由后放行：${stored.override.reason}</p>` : ''}
${findingsList(labelled, report)}</section>`
  : ''}
<p><a href="/reports?org=${organization.id}">${organization.name}的全部年度报告</a> · <a href="/reports">全部年度报告</a></p>`;
}

/** File size for people: `25.8 KB`. */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An imported report's page: what the reader read, the findings next to cells and passages. */
export function importedReportBody(imported: ImportedReport, organization: Organization | null): SafeHtml {
  const report = imported.structured;
  const printed = report.organization.name ?? '机构不明';
  const title = report.title ?? (imported.year === null ? imported.fileName : reportTitle(organization?.name ?? printed, imported.year));
  const labelled = labelFindings(imported.findings);
  const counts = countBySeverity(imported.findings);
  const skipped = report.ignored.filter((p) => p.reason === 'foreign-content');
  return html`<h1>${title}</h1>
<p>本页为导入的已公开年度报告：系统从原文件读取的章节和统计表，以及按年度报告格式、勾稽关系和叙述与表格一致性自动核查的结果。内容以原文件为准。</p>
<dl class="meta">
<dt>机构</dt><dd>${organization ? html`<a href="/reports?org=${organization.id}">${organization.name}</a>` : html`${printed}（未匹配到本平台的机构）`}</dd>
<dt>年度</dt><dd>${imported.year === null ? '不明' : `${imported.year}年`}</dd>
<dt>发布日期</dt><dd>${dateZh(report.publicationDate?.date ?? null)}</dd>
<dt>报告格式</dt><dd>${formatName(imported.formatId)}</dd>
<dt>原文件</dt><dd><a href="/reports/imported/${imported.id}/file">${imported.fileName}</a>（${sizeText(imported.sizeBytes)}）</dd>
<dt>核查结果</dt><dd>${countsText(counts)}（<a href="#findings">查看核查发现</a>）</dd>
</dl>
<p>有核查发现的单元格和段落加框并标注 ⚠E（错误）、⚠W（警告）、⚠I（提示）及编号，点击可跳转到该发现。</p>
${reportText(report, labelled)}
<section id="findings" aria-labelledby="findings-heading"><h2 id="findings-heading">核查发现（${imported.findings.length}）</h2>
${findingsList(labelled, report)}</section>
${skipped.length > 0
  ? html`<details><summary>读取时略去的内容（${skipped.length} 处，非报告正文）</summary><ul class="ignored">${skipped.map((p) => html`<li>${p.text}</li>`)}</ul></details>`
  : ''}
<p><a href="/reports">全部年度报告</a></p>`;
}

