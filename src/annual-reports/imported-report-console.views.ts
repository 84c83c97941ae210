/**
 * The console page of imported published reports: the upload form (file, organization — or
 * matched by the name the report prints —, year) and the list of imports with their findings
 * counted, each linking to its portal page. Server-rendered, no JavaScript; every input labelled;
 * errors summarized with role=alert.
 */
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { countsText } from './annual-report-portal.views.ts';
import type { ImportedReportSummary } from './imported-report.repository.ts';
import { reportTitle } from './computed-report.ts';
import { chinaDate } from '../shared/clock.ts';

/** An organization the user may import for. */
export interface ImportOrganizationChoice {
  id: number;
  name: string;
  depth: number;
}

/** What the page shows. */
export interface ImportPageOptions {
  csrf: string;
  organizations: readonly ImportOrganizationChoice[];
  imports: readonly ImportedReportSummary[];
  /** The form's values when it is shown again after an error. */
  values?: { organizationId?: string; year?: string };
  /** An error to show above the form. */
  error?: string;
}

/** The upload form and the list of imports. */
export function importedReportsPage(o: ImportPageOptions): SafeHtml {
  const selected = o.values?.organizationId ?? '';
  return html`<h1>导入已公开的年度报告</h1>
<p>上传已经公开的政府信息公开工作年度报告文件（PDF、DOCX、HTML 或 TXT）。系统读取其中的章节和统计表，按年度报告格式、勾稽关系和叙述与表格的一致性进行核查，并在门户“年度报告”栏目公开显示报告及核查结果；该报告也作为下一年度报告跨年度核查（上年结转等）的依据。</p>
${o.error ? html`<div class="error" role="alert"><p>${o.error}</p></div>` : ''}
<form method="post" action="/console/reports/imports?_csrf=${encodeURIComponent(o.csrf)}" enctype="multipart/form-data">
<div class="field"><label for="file">报告文件</label>
<div class="hint" id="file-hint">PDF（须有文字层）、DOCX、HTML 或 TXT，不超过 20 MB。</div>
<input id="file" name="file" type="file" accept=".pdf,.docx,.html,.htm,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain" aria-describedby="file-hint" required></div>
<div class="field"><label for="organizationId">所属机构</label>
<div class="hint" id="organizationId-hint">不选择时，按报告中印出的机构名称（全称或简称）自动匹配。</div>
<select id="organizationId" name="organizationId" aria-describedby="organizationId-hint"><option value="">按报告中的机构名称自动匹配</option>${o.organizations.map(
    (org) => html`<option value="${org.id}"${selected === String(org.id) ? html` selected` : ''}>${'　'.repeat(org.depth)}${org.name}</option>`,
  )}</select></div>
<div class="field"><label for="year">报告年度</label>
<div class="hint" id="year-hint">四位数字，如 2017；不填时按报告中的年度。</div>
<input id="year" name="year" type="text" inputmode="numeric" pattern="[0-9]{4}" value="${o.values?.year ?? ''}" aria-describedby="year-hint"></div>
<button type="submit">上传并核查</button>
</form>
<h2>已导入的报告</h2>
${o.imports.length === 0
  ? html`<p>还没有导入的报告。</p>`
  : html`<table><caption>已导入的年度报告（${o.imports.length} 份）</caption>
<thead><tr><th scope="col">年度</th><th scope="col">机构</th><th scope="col">报告</th><th scope="col">原文件</th><th scope="col">核查结果</th><th scope="col">导入时间</th></tr></thead>
<tbody>${o.imports.map(
      (r) => html`<tr><td>${r.year ?? '不明'}</td><td>${r.organizationName ?? html`${r.readOrganizationName ?? '机构不明'}（未匹配）`}</td><td><a href="/reports/imported/${r.id}">${r.year === null ? r.fileName : reportTitle(r.organizationName ?? r.readOrganizationName ?? '', r.year)}</a></td><td><a href="/reports/imported/${r.id}/file">${r.fileName}</a></td><td>${countsText(r.counts)}</td><td>${chinaDate(new Date(r.importedAt))}</td></tr>`,
    )}</tbody></table>`}`;
}

/** The notice after an import: what was read and found, with the link to its page. */
export function importedNotice(r: ImportedReportSummary | undefined, created: boolean): string | undefined {
  if (!r) return undefined;
  const name = r.organizationName ?? r.readOrganizationName ?? '机构不明';
  const what = `${name}${r.year === null ? '' : `${r.year}年`}年度报告（${r.fileName}）`;
  return created ? `已导入${what}，核查结果：${countsText(r.counts)}。` : `${what}此前已导入，未重复导入。`;
}
