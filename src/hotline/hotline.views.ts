/**
 * Console pages of the 12345 hotline (Chinese, no JavaScript): the overview with the counts per
 * organization for a year and the filtered, paginated list of work orders; the upload form; and
 * the dry-run or import result with the per-organization summary, every bad row in a table, and,
 * after a clean dry run, the button that imports the checked file. Pure rendering.
 */
import { csrfField, errorSummary, selectField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { pager } from '../catalog/catalog-portal.views.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { HOTLINE_COLUMNS, HOTLINE_FIELD_LABELS_ZH } from './hotline-columns.ts';
import type { HotlineField } from './hotline-columns.ts';
import type { HotlineImportResult } from './hotline-import.ts';
import { HOTLINE_CATEGORIES, HOTLINE_CATEGORY_NAMES_ZH, HOTLINE_SATISFACTION_NAMES_ZH } from './hotline-work-order.ts';
import type { HotlineOrderWithOrganization } from './hotline.repository.ts';
import type { HotlineOrganizationChoice, HotlineYearReport } from './hotline.service.ts';

/** Labels of the filter form's fields (the error summary links to each). */
export const HOTLINE_FILTER_LABELS: Readonly<Record<string, string>> = { organizationId: '机构（含下级机构）', year: '受理年度', category: '诉求类型', status: '办结情况', orderNumber: '工单编号' };

/** A rate (0–1) as a percentage with one decimal, or “—” when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Days with one decimal, or “—”. */
function days(value: number | null): string {
  return value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1);
}

function organizationOptions(orgs: readonly HotlineOrganizationChoice[], blank: string | null): { value: string; label: string }[] {
  const options = orgs.map((o) => ({ value: String(o.id), label: `${'　'.repeat(o.depth)}${o.name}` }));
  return blank === null ? options : [{ value: '', label: blank }, ...options];
}

/** The year's figures: totals, by category, satisfaction, and the counts per organization. */
function reportView(report: HotlineYearReport): SafeHtml {
  const s = report.statistics;
  return html`<table><caption>${report.organization.name}（含下级机构）${report.year}年 12345 热线工单</caption>
<thead><tr><th scope="col">机构</th><th scope="col">受理（件）</th><th scope="col">办结（件）</th><th scope="col">办结率</th><th scope="col">平均办理天数</th></tr></thead>
<tbody>${report.byOrganization.map(
    (o) => html`<tr><th scope="row">${'　'.repeat(o.depth)}${o.organizationName}</th><td>${o.received}</td><td>${o.replied}</td><td>${percent(o.replyRate)}</td><td>${days(o.averageReplyDays)}</td></tr>`,
  )}</tbody>
<tfoot><tr><th scope="row">合计</th><td>${s.received}</td><td>${s.replied}</td><td>${percent(s.replyRate)}</td><td>${days(s.averageReplyDays)}</td></tr></tfoot></table>
<table><caption>按诉求类型</caption><thead><tr><th scope="col">诉求类型</th><th scope="col">受理（件）</th><th scope="col">办结（件）</th></tr></thead>
<tbody>${HOTLINE_CATEGORIES.map((c) => html`<tr><th scope="row">${HOTLINE_CATEGORY_NAMES_ZH[c]}</th><td>${s.byCategory[c].received}</td><td>${s.byCategory[c].replied}</td></tr>`)}</tbody></table>
<p>回访 ${s.rated} 件：满意 ${s.satisfied} 件、基本满意 ${s.basicallySatisfied} 件、不满意 ${s.dissatisfied} 件，满意率 ${percent(s.satisfiedShare)}（满意件数 ÷ 回访件数）。</p>
<p class="hint">按受理日期计入年度；办结率 = 当年受理的工单中已办结的件数 ÷ 当年受理件数；平均办理天数按自然日计算。</p>`;
}

function orderRows(list: { orders: readonly HotlineOrderWithOrganization[]; total: number; page: number; pageSize: number }): SafeHtml {
  if (list.orders.length === 0) return html`<p>没有符合条件的工单。</p>`;
  return html`<table><caption>共 ${list.total} 件</caption>
<thead><tr><th scope="col">工单编号</th><th scope="col">受理日期</th><th scope="col">承办单位</th><th scope="col">诉求类型</th><th scope="col">诉求内容</th><th scope="col">办结日期</th><th scope="col">满意度</th></tr></thead>
<tbody>${list.orders.map(
    ({ order: o, organizationName }) =>
      html`<tr><th scope="row">${o.orderNumber}</th><td>${o.receivedOn}</td><td>${organizationName}</td><td>${HOTLINE_CATEGORY_NAMES_ZH[o.category]}</td><td>${o.summary.length > 80 ? `${o.summary.slice(0, 80)}…` : o.summary}</td><td>${o.repliedOn ?? '未办结'}</td><td>${o.satisfaction ? HOTLINE_SATISFACTION_NAMES_ZH[o.satisfaction] : ''}</td></tr>`,
  )}</tbody></table>`;
}

/** The filter values of the list page, as the form holds them. */
export interface HotlineListFilter {
  organizationId: string;
  year: string;
  category: string;
  status: string;
  orderNumber: string;
}

/** GET /console/hotline: filters, the year's figures (when an organization and year are chosen), and the orders. */
export function hotlineListPage(o: {
  organizations: readonly HotlineOrganizationChoice[];
  filter: HotlineListFilter;
  report: HotlineYearReport | null;
  list: { orders: readonly HotlineOrderWithOrganization[]; total: number; page: number; pageSize: number };
  canImport: boolean;
  errors: FieldErrors;
}): SafeHtml {
  const f = o.filter;
  return html`<h1>12345 热线工单</h1>
${o.canImport ? html`<p><a class="button" href="/console/hotline/import">导入工单</a></p>` : ''}
${errorSummary(o.errors, HOTLINE_FILTER_LABELS)}
<form method="get" action="/console/hotline" aria-label="筛选">
${selectField({ name: 'organizationId', label: HOTLINE_FILTER_LABELS['organizationId'] ?? '', value: f.organizationId, options: organizationOptions(o.organizations, '本人管辖的全部机构') })}
${textField({ name: 'year', label: HOTLINE_FILTER_LABELS['year'] ?? '', value: f.year, error: o.errors['year'], hint: '如 2026；选择机构并填写年度后显示该年度各机构的受理、办结件数和办结率' })}
${selectField({ name: 'category', label: HOTLINE_FILTER_LABELS['category'] ?? '', value: f.category, options: [{ value: '', label: '全部类型' }, ...HOTLINE_CATEGORIES.map((c) => ({ value: c, label: HOTLINE_CATEGORY_NAMES_ZH[c] }))] })}
${selectField({ name: 'status', label: HOTLINE_FILTER_LABELS['status'] ?? '', value: f.status, options: [{ value: '', label: '全部' }, { value: 'replied', label: '已办结' }, { value: 'unreplied', label: '未办结' }] })}
${textField({ name: 'orderNumber', label: HOTLINE_FILTER_LABELS['orderNumber'] ?? '', value: f.orderNumber })}
<button type="submit">筛选</button>
</form>
${o.report ? html`<h2>年度统计</h2>${reportView(o.report)}` : ''}
<h2>工单</h2>
${orderRows(o.list)}
${pager('/console/hotline', { ...f }, o.list.page, o.list.pageSize, o.list.total)}`;
}

/** The recognized headers, as a disclosure list. */
function headerHelp(): SafeHtml {
  return html`<details><summary>可识别的表头</summary><ul>${HOTLINE_COLUMNS.map(
    (c) => html`<li>${c.labels.join(' / ')}${c.required ? '（必有）' : '（可选）'}</li>`,
  )}</ul>
<p>承办单位可填机构全称、简称或机构代码，须为导入机构本身或其下级机构。诉求类型填咨询、投诉、建议、求助、举报或其他；满意度填满意、基本满意、不满意或留空。日期可写作 2026-03-05、2026/3/5 或 2026-03-05 14:30，也可为 Excel 日期。办结时间为空表示未办结。文件中任一行有误时不导入任何工单；已导入过的工单按工单编号更新。</p></details>`;
}

/** GET /console/hotline/import: the upload form (dry run checked by default). */
export function hotlineImportFormPage(o: { csrf: string; organizations: readonly HotlineOrganizationChoice[]; organizationId?: string; error?: string }): SafeHtml {
  return html`<h1>导入 12345 热线工单</h1>
${o.error ? html`<div class="error" role="alert"><p>${o.error}</p></div>` : ''}
${o.organizations.length === 0
  ? html`<p>您没有可导入热线工单的机构（需要信息编辑、机构管理员或系统管理员角色）。</p>`
  : html`<form method="post" action="/console/hotline/import?_csrf=${encodeURIComponent(o.csrf)}" enctype="multipart/form-data">
${selectField({ name: 'organizationId', label: '导入机构（工单的承办单位须为该机构或其下级机构）', options: organizationOptions(o.organizations, null), value: o.organizationId ?? null })}
<div class="field"><label for="file">工单文件（CSV 或 XLSX）</label>
<div class="hint" id="file-hint">热线系统导出的文件，第一行为表头。CSV 可为 UTF-8（含或不含 BOM）或 GB18030 编码；XLSX 读取第一个工作表。</div>
<input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-hint" required></div>
<div class="field"><input id="dryRun" name="dryRun" type="checkbox" value="1" style="width:auto" checked aria-describedby="dryRun-hint"> <label for="dryRun" style="display:inline">仅校验（试运行）</label><div class="hint" id="dryRun-hint">先检查文件并显示各机构将新增、更新、不变的工单数，不写入数据；校验通过后可在结果页确认导入。</div></div>
<button type="submit">上传</button>
</form>`}
${headerHelp()}`;
}

function fieldLabel(field: string): string {
  if (field === 'file') return '文件';
  return (HOTLINE_FIELD_LABELS_ZH as Record<string, string>)[field as HotlineField] ?? field;
}

/** The per-organization summary of a result. */
function summaryTable(r: HotlineImportResult, done: boolean): SafeHtml | '' {
  if (r.organizations.length === 0) return '';
  return html`<table><caption>${done ? '各机构导入情况' : '各机构将导入的工单（有误的行不计）'}</caption>
<thead><tr><th scope="col">承办单位</th><th scope="col">新增</th><th scope="col">更新</th><th scope="col">不变</th></tr></thead>
<tbody>${r.organizations.map((o) => html`<tr><th scope="row">${o.organizationName}</th><td>${o.created}</td><td>${o.updated}</td><td>${o.unchanged}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">合计</th><td>${r.created}</td><td>${r.updated}</td><td>${r.unchanged}</td></tr></tfoot></table>`;
}

/**
 * The result of a dry run or import. After a clean dry run whose file was kept (`confirmToken`),
 * a form posts it back to import it.
 */
export function hotlineImportResultPage(o: { csrf: string; fileName: string; organizationId: number; organizationName: string; result: HotlineImportResult; confirmToken: string | null }): SafeHtml {
  const r = o.result;
  const bad = r.issues.length > 0;
  const summary = bad
    ? html`<div class="error" role="alert"><p>文件“${o.fileName}”共 ${r.total} 行，其中 ${r.invalid} 行有误（${r.issues.length} 处问题）。未导入任何工单，请修改后重新上传。</p></div>`
    : r.dryRun
      ? html`<p class="notice" role="status">校验通过：文件“${o.fileName}”共 ${r.total} 行，均无错误。本次为试运行，未写入数据。</p>`
      : html`<p class="notice" role="status">已导入到 ${o.organizationName}：新增 ${r.created} 件，更新 ${r.updated} 件，不变 ${r.unchanged} 件。</p>`;
  return html`<h1>${r.dryRun ? '热线工单校验结果' : '热线工单导入结果'}</h1>
${summary}
${summaryTable(r, !r.dryRun)}
${bad
  ? html`<p>行号从表头下第一行数据起计为第 1 行（即电子表格中的第 2 行）；第 0 行指表头。</p>
<table><caption>有误的行</caption><thead><tr><th scope="col">行</th><th scope="col">字段</th><th scope="col">问题</th></tr></thead><tbody>${r.issues.map(
      (i) => html`<tr><td>第 ${i.row} 行</td><td>${fieldLabel(i.field)}</td><td>${i.messageZh}</td></tr>`,
    )}</tbody></table>`
  : ''}
${!bad && r.dryRun && o.confirmToken !== null
  ? html`<form method="post" action="/console/hotline/import/confirm">
${csrfField(o.csrf)}
<input type="hidden" name="organizationId" value="${String(o.organizationId)}">
<input type="hidden" name="sha256" value="${o.confirmToken}">
<input type="hidden" name="fileName" value="${o.fileName}">
<button type="submit">确认导入（导入到 ${o.organizationName}）</button>
</form>`
  : ''}
<p>文件 SHA-256：<code>${r.sha256}</code></p>
<p><a href="/console/hotline/import">返回导入</a> · <a href="/console/hotline">查看热线工单</a></p>`;
}
