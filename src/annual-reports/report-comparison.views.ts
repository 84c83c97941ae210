/**
 * The portal section that sets an imported published report next to the report gongkai computed
 * from its records for the same organization and year (report-comparison.ts): each cell's two
 * values, differences marked, and how many checker findings each report has.
 */
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { Finding } from '../reports/checker/finding.ts';
import { countsText } from './annual-report-portal.views.ts';
import type { ReportComparison } from './report-comparison.ts';

function counts(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}

function value(v: number | null): string {
  return v === null ? '—' : String(v);
}

/**
 * The comparison section of an imported report's page.
 * @param computedHref the page of the published report computed from records
 * @param importedFindings the imported report's findings; `computedFindings` the computed one's (as checked now)
 */
export function comparisonSection(o: { comparison: ReportComparison; computedHref: string; computedTitle: string; importedFindings: readonly Finding[]; computedFindings: readonly Finding[] }): SafeHtml {
  const c = o.comparison;
  const agreeing = c.cells.filter((x) => x.agrees).length;
  return html`<section id="comparison" aria-labelledby="comparison-heading">
<h2 id="comparison-heading">与依据记录计算的统计表对照</h2>
<p>本平台依据政府信息公开目录、依申请公开案件、复议诉讼和工作台账等记录，计算并公开了同一机关同一年度的报告：<a href="${o.computedHref}">${o.computedTitle}</a>。
下表逐项对照两份报告的统计数：${c.cells.length} 项中 ${agreeing} 项一致，${c.differing} 项不一致${c.unread > 0 ? `，${c.unread} 项未能从原文件读取` : ''}。</p>
<dl class="meta">
<dt>导入的公开报告</dt><dd>${countsText(counts(o.importedFindings))}</dd>
<dt>依据记录计算的报告</dt><dd>${countsText(counts(o.computedFindings))}</dd>
</dl>
<table><caption>统计数对照（${c.cells.length} 项）</caption>
<thead><tr><th scope="col">统计项</th><th scope="col">公开报告</th><th scope="col">依据记录计算</th><th scope="col">对照</th></tr></thead>
<tbody>${c.cells.map(
    (x) => html`<tr${x.agrees ? '' : html` class="late"`}><th scope="row">${x.label}</th><td>${value(x.published)}</td><td>${value(x.computed)}</td><td>${x.agrees ? '一致' : x.published === null ? '未读取' : html`<strong>不一致</strong>`}</td></tr>`,
  )}</tbody></table>
</section>`;
}
