/**
 * Pages of the staff console's annual reports (年度报告): the list of the user's organizations with
 * their report of a year, and the report page — state and deadline (2019 art. 49), the workflow
 * buttons the user may press, the checker's findings, the roll-up's scope and members, the tables
 * in the official layout (computed cells link to the records behind them; hand-entered cells are
 * inputs), the narrative editor with its placeholders, the bound preview, and the steps history.
 * Pure rendering, Chinese, no JavaScript: the routes pass in what they loaded.
 */
import { csrfField } from '../auth/form-view.ts';
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { html, raw } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { ORGANIZATION_KIND_NAMES_ZH, organizationDepth } from '../organizations/organization.ts';
import type { Finding } from '../reports/checker/finding.ts';
import { getFormat } from '../reports/format/formats.ts';
import type { ReportFormat } from '../reports/format/report-format.ts';
import { cellLabel, SEVERITY_NAMES, showNumber } from '../reports/render/finding-index.ts';
import { formatLayouts } from '../reports/render/table-layout.ts';
import type { LayoutCell, TableLayout } from '../reports/render/table-layout.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { MEMBER_PRESETS, REPORT_STATUS_NAMES_ZH } from './annual-report.ts';
import type { MemberPreset, ReportStatus } from './annual-report.ts';
import { formatNarrativeValue } from './narrative/bind-narrative.ts';
import { FACT_CATALOGUE } from './narrative/narrative-facts.ts';
import type { EnteredFigure } from './report-figures.ts';
import { blockingFindings, isLocked, MIN_OVERRIDE_REASON_CHARS } from './report-workflow.ts';
import type { ReportDeadline } from './report-workflow.ts';
import type { ReportListRow, ReportWorkspace } from './report-workflow.service.ts';

/** The Chinese names of the workflow steps. */
export const REPORT_STEP_NAMES_ZH: Readonly<Record<string, string>> = {
  created: '创建',
  saved: '保存',
  checked: '检查',
  submitted: '报送',
  override: '审核人放行',
  returned: '退回',
  accepted: '审核通过',
  published: '公开',
};

/** The Chinese names of the roll-up presets. */
export const MEMBER_PRESET_NAMES_ZH: Readonly<Record<MemberPreset, string>> = {
  self: '本级（本机关自身）',
  departments: '所属部门及其下属单位',
  governments: '下级人民政府（含其全部下级）',
};

/** The URL of an organization's report page. */
export function reportUrl(organizationId: number, year: number): string {
  return `/console/reports/${organizationId}/${year}`;
}

function deadlineText(deadline: ReportDeadline | null): string {
  if (!deadline) return '无法定期限';
  return `${deadline.date}（${deadline.article}${deadline.assumed ? '，机构类型不明，按人民政府的期限' : ''}）`;
}

function statusText(status: ReportStatus | null): string {
  return status === null ? '未开始' : REPORT_STATUS_NAMES_ZH[status];
}

/** What the list page shows. */
export interface ReportListModel {
  year: number;
  /** Years offered in the picker, newest first. */
  years: readonly number[];
  rows: readonly ReportListRow[];
}

/** The list of the user's organizations with their report of a year. */
export function reportListPage(m: ReportListModel): SafeHtml {
  const minDepth = Math.min(...m.rows.map((r) => organizationDepth(r.organization.path)));
  const overdue = m.rows.filter((r) => r.overdue).length;
  return html`<h1>政府信息公开工作年度报告</h1>
<form method="get" action="/console/reports" class="field">
  <label for="year">报告年度</label>
  <select id="year" name="year">${m.years.map((y) => html`<option value="${y}"${y === m.year ? html` selected` : ''}>${y}年</option>`)}</select>
  <button type="submit">查看</button>
</form>
<p><a href="/console/reports/dashboard?year=${m.year}">报送情况统计</a> · <a href="/console/reports/imports">导入已公开的年度报告</a></p>
${overdue > 0 ? html`<p class="late" role="status">有 ${overdue} 个机构的${m.year}年度报告已超过法定期限仍未报送。</p>` : ''}
${m.rows.length === 0
    ? html`<p>您没有可查看年度报告的机构。</p>`
    : html`<table>
  <caption>${m.year}年度报告（共 ${m.rows.length} 个机构）</caption>
  <thead><tr><th scope="col">机构</th><th scope="col">类型</th><th scope="col">状态</th><th scope="col">报送期限</th><th scope="col">报送时间</th><th scope="col">公开时间</th></tr></thead>
  <tbody>${m.rows.map(
    (r) => html`<tr>
    <th scope="row">${'\u3000'.repeat(Math.max(0, organizationDepth(r.organization.path) - minDepth))}<a href="${reportUrl(r.organization.id, m.year)}">${r.organization.name}</a></th>
    <td>${ORGANIZATION_KIND_NAMES_ZH[r.organization.kind]}</td>
    <td>${statusText(r.status)}${r.overdue ? html` <span class="late">已逾期</span>` : ''}</td>
    <td>${r.deadline?.date ?? '—'}</td>
    <td>${r.submittedAt ? chinaTime(r.submittedAt) : '—'}</td>
    <td>${r.publishedAt ? chinaTime(r.publishedAt) : '—'}</td>
  </tr>`,
  )}</tbody>
</table>`}`;
}

/** What the report page shows besides the workspace. */
export interface ReportPageModel {
  csrf: string;
  workspace: ReportWorkspace;
  /** Today, `YYYY-MM-DD` China time (the default publication date). */
  today: string;
  /** A refused action: its Chinese message and the issues, shown at the top. */
  error?: { messageZh: string; issues: readonly ErrorIssue[] } | undefined;
  /** Values typed in a refused form, shown again instead of the stored ones. */
  typed?: { sections?: Record<string, string>; entries?: Record<string, string>; overrideReason?: string; comment?: string } | undefined;
}

/** Whether the page offers the office's forms: the actor may write and the office holds the report. */
function officeEdits(w: ReportWorkspace): boolean {
  const r = w.computed.stored;
  return w.may.write && (r === null || !isLocked(r.status));
}

function userName(w: ReportWorkspace, id: number | null): string {
  if (id === null) return '系统';
  return w.userNames.get(id) ?? `用户 ${id}`;
}

function errorBlock(error: ReportPageModel['error']): SafeHtml | '' {
  if (!error) return '';
  return html`<div class="error" role="alert" id="page-error"><p>${error.messageZh}</p>${error.issues.length > 0 ? html`<ul>${error.issues.map((i) => html`<li>${i.messageZh}</li>`)}</ul>` : ''}</div>`;
}

function statusBlock(m: ReportPageModel): SafeHtml {
  const w = m.workspace;
  const c = w.computed;
  const r = c.stored;
  const format = getFormat(c.formatId);
  const scope = c.scope === 'own' ? '本机关' : `汇总（${c.members.length} 个机构）`;
  return html`<dl class="meta">
  <dt>状态</dt><dd>${statusText(r?.status ?? null)}${w.overdue ? html` <span class="late">已超过报送期限</span>` : ''}</dd>
  <dt>报送期限</dt><dd>${deadlineText(w.deadline)}</dd>
  <dt>报告格式</dt><dd>${format.name}（${format.citation}）</dd>
  <dt>统计范围</dt><dd>${scope}</dd>
  <dt>审核机关</dt><dd>${w.competent.name}（政府信息公开工作主管部门）</dd>
  <dt>版本</dt><dd>${r ? r.version : '尚未保存'}</dd>
  ${r?.submittedAt ? html`<dt>报送</dt><dd>${chinaTime(r.submittedAt)}，${userName(w, r.submittedBy)}</dd>` : ''}
  ${r?.reviewedAt ? html`<dt>审核</dt><dd>${chinaTime(r.reviewedAt)}，${userName(w, r.reviewedBy)}</dd>` : ''}
  ${r?.publishedAt ? html`<dt>公开</dt><dd>${r.publicationDate ?? ''}（${chinaTime(r.publishedAt)}，${userName(w, r.publishedBy)}）</dd>` : ''}
  ${c.previous ? html`<dt>上年报告</dt><dd>${c.previous.year}年（${{ submitted: '本系统已报送的报告', imported: '导入的已公开报告', computed: '依记录计算' }[c.previous.source]}），用于跨年度核查</dd>` : ''}
</dl>
${r?.override ? html`<p class="error" role="note"><strong>审核人放行：</strong>${userName(w, r.override.by)}于${chinaTime(r.override.at)}填写理由“${r.override.reason}”，在存在校验错误的情况下准予报送。</p>` : ''}
${r?.status === 'returned' && r.reviewComment ? html`<div class="error" role="note"><p><strong>退回意见</strong>（${r.reviewedAt ? chinaTime(r.reviewedAt) : ''}，${userName(w, r.reviewedBy)}）：</p><p>${r.reviewComment}</p></div>` : ''}
${r?.status === 'accepted' && r.reviewComment ? html`<p class="notice"><strong>审核意见：</strong>${r.reviewComment}</p>` : ''}`;
}

function findingsOf(w: ReportWorkspace): Finding[] {
  const r = w.computed.stored;
  return r?.snapshot && r.findings ? r.findings : w.computed.findings;
}

function actionsBlock(m: ReportPageModel): SafeHtml {
  const w = m.workspace;
  const c = w.computed;
  const r = c.stored;
  const status: ReportStatus = r?.status ?? 'draft';
  const base = reportUrl(c.organization.id, c.year);
  const version = String(r?.version ?? 0);
  const errors = blockingFindings(findingsOf(w)).length;
  const forms: SafeHtml[] = [];
  const editable = !isLocked(status);
  if (editable && w.may.write) {
    forms.push(html`<form method="post" action="${base}/check">${csrfField(m.csrf)}<button type="submit" class="secondary">检查报告</button></form>`);
  }
  if (editable && (w.may.write || (w.may.override && errors > 0))) {
    const withReason = w.may.override && errors > 0;
    forms.push(html`<form method="post" action="${base}/submit">${csrfField(m.csrf)}<input type="hidden" name="version" value="${version}">
  ${errors > 0 ? html`<p class="field-error">当前有 ${errors} 项校验错误：须修正后报送${withReason ? '，或由审核人填写理由放行' : '，或请审核人填写理由放行'}。</p>` : ''}
  ${c.narrative.unfilled.length > 0 ? html`<p class="field-error">正文尚有 ${c.narrative.unfilled.length} 处“【请填写…】”未填写，填写后方可报送。</p>` : ''}
  ${withReason
      ? html`<div class="field"><label for="overrideReason">放行理由（审核人填写，至少${MIN_OVERRIDE_REASON_CHARS}个字，随报告保存）</label><textarea id="overrideReason" name="overrideReason" rows="3">${m.typed?.overrideReason ?? ''}</textarea></div>`
      : ''}
  <button type="submit">报送至${w.competent.name}</button></form>`);
  }
  if (status === 'submitted' && w.may.review) {
    forms.push(html`<form method="post" action="${base}/return">${csrfField(m.csrf)}<input type="hidden" name="version" value="${version}">
  <div class="field"><label for="comment">退回意见（必填，写明需要修改的内容）</label><textarea id="comment" name="comment" rows="3" required>${m.typed?.comment ?? ''}</textarea></div>
  <button type="submit" class="secondary">退回修改</button></form>`);
    forms.push(html`<form method="post" action="${base}/accept">${csrfField(m.csrf)}<input type="hidden" name="version" value="${version}">
  <div class="field"><label for="acceptComment">审核意见（选填）</label><textarea id="acceptComment" name="comment" rows="2"></textarea></div>
  <button type="submit">审核通过</button></form>`);
  }
  if (status === 'accepted' && w.may.publish) {
    forms.push(html`<form method="post" action="${base}/publish">${csrfField(m.csrf)}<input type="hidden" name="version" value="${version}">
  <div class="field"><label for="publicationDate">公开日期</label><input id="publicationDate" name="publicationDate" type="date" value="${m.today}" placeholder="YYYY-MM-DD" required></div>
  <button type="submit">公开年度报告</button></form>`);
  }
  const body = forms.length > 0 ? forms : [html`<p>${status === 'published' ? '本报告已公开，不能再变更。' : isLocked(status) ? '本报告已报送，等待审核或公开；您当前没有可执行的操作。' : '您没有编辑或报送本报告的权限。'}</p>`];
  return html`<section aria-labelledby="actions-h"><h2 id="actions-h">办理</h2>${body}</section>`;
}

function findingsBlock(w: ReportWorkspace): SafeHtml {
  const findings = findingsOf(w);
  const format = getFormat(w.computed.formatId);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const frozen = w.computed.stored?.snapshot !== null && w.computed.stored?.snapshot !== undefined;
  return html`<section aria-labelledby="findings-h"><h2 id="findings-h">校验结果</h2>
<p>${frozen ? '报送时的校验结果：' : '按当前记录计算的校验结果：'}错误 ${counts.error} 项，警告 ${counts.warning} 项，提示 ${counts.info} 项。错误须修正（或由审核人书面放行）后方可报送。</p>
${findings.length > 0
    ? html`<ol class="findings">${findings.map(
        (f) => html`<li><strong${f.severity === 'error' ? html` class="late"` : ''}>[${SEVERITY_NAMES[f.severity].zh}] ${f.rule}</strong> ${f.message.zh}${f.cells.length > 0
          ? html`<br>涉及：${f.cells.map((cell, i) => html`${i > 0 ? '、' : ''}<a href="#cell-${cell.id}">${cellLabel(format, cell.id)}</a>`)}`
          : ''}</li>`,
      )}</ol>`
    : ''}</section>`;
}

function scopeBlock(m: ReportPageModel): SafeHtml | '' {
  const w = m.workspace;
  const c = w.computed;
  const r = c.stored;
  const editable = officeEdits(w);
  if (w.subtree.length <= 1) return '';
  const members = new Set(c.members.map((o) => o.id));
  const root = w.subtree[0];
  const rootDepth = root ? organizationDepth(root.path) : 0;
  if (!editable) {
    return html`<section aria-labelledby="scope-h"><h2 id="scope-h">统计范围</h2><p>${c.scope === 'own' ? '仅本机关自身的记录。' : html`汇总以下机构：${c.members.map((o) => o.name).join('、')}。`}</p></section>`;
  }
  return html`<section aria-labelledby="scope-h"><h2 id="scope-h">统计范围</h2>
<form method="post" action="${reportUrl(c.organization.id, c.year)}/save">${csrfField(m.csrf)}<input type="hidden" name="part" value="scope"><input type="hidden" name="version" value="${String(r?.version ?? 0)}">
<fieldset><legend>报告统计的记录</legend>
  <div class="field"><input type="radio" id="scope-own" name="scope" value="own"${c.scope === 'own' ? html` checked` : ''}> <label for="scope-own" style="display:inline">仅本机关自身</label></div>
  <div class="field"><input type="radio" id="scope-rollup" name="scope" value="rollup"${c.scope === 'rollup' ? html` checked` : ''}> <label for="scope-rollup" style="display:inline">汇总本机关及下列机构（同一文号的联合发文、同一复议诉讼案件只计一次）</label></div>
</fieldset>
<fieldset><legend>按类别选择汇总范围（勾选任一类别时，以类别为准）</legend>
  ${MEMBER_PRESETS.map((p) => html`<div class="field"><input type="checkbox" id="preset-${p}" name="presets" value="${p}"> <label for="preset-${p}" style="display:inline">${MEMBER_PRESET_NAMES_ZH[p]}</label></div>`)}
</fieldset>
<fieldset><legend>或逐个选择汇总的机构</legend>
  ${w.subtree.map(
    (o) => html`<div class="field">${'\u3000'.repeat(Math.max(0, organizationDepth(o.path) - rootDepth))}<input type="checkbox" id="member-${o.id}" name="members" value="${o.id}"${members.has(o.id) ? html` checked` : ''}> <label for="member-${o.id}" style="display:inline">${o.name}（${ORGANIZATION_KIND_NAMES_ZH[o.kind]}）</label></div>`,
  )}
</fieldset>
<button type="submit">保存统计范围</button></form></section>`;
}

function layoutCell(c: LayoutCell): SafeHtml {
  const span = html`${c.colspan > 1 ? html` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? html` rowspan="${c.rowspan}"` : ''}`;
  return c.scope === null ? html`<td${span}>${c.text}</td>` : html`<th scope="${c.scope}"${span}>${c.text}</th>`;
}

function entryInfo(w: ReportWorkspace, entries: readonly EnteredFigure[]): SafeHtml | '' {
  if (entries.length === 0) return '';
  return html`<div class="hint">${entries.map((e, i) => html`${i > 0 ? html`<br>` : ''}${entries.length > 1 ? `${memberName(w, e.organizationId)}：${showNumber(e.value)}，` : ''}${userName(w, e.enteredBy)}填报于${chinaTime(e.enteredAt)}${e.note ? `（${e.note}）` : ''}`)}</div>`;
}

function memberName(w: ReportWorkspace, id: number): string {
  return w.computed.members.find((o) => o.id === id)?.name ?? w.subtree.find((o) => o.id === id)?.name ?? String(id);
}

function renderTable(m: ReportPageModel, layout: TableLayout, format: ReportFormat, editable: boolean, values: ReadonlyMap<string, number | null>): SafeHtml {
  const w = m.workspace;
  const c = w.computed;
  const orgId = c.organization.id;
  const trace = `${reportUrl(orgId, c.year)}/trace?cell=`;
  const { table } = layout;
  const rows = layout.rows.map(({ row, labels, headings }) => {
    const cells = table.columns.map((column) => {
      const id = `${table.id}/${row.id}/${column.id}`;
      const value = values.get(id) ?? null;
      const shown = value === null ? '—' : showNumber(value);
      const source = c.cells.sources[id];
      const entries = c.cells.entries[id] ?? [];
      if (source === 'entry' || source === 'not-entered') {
        if (!editable) return html`<td class="value" id="cell-${id}">${source === 'not-entered' ? html`<span class="hint">未填报</span>` : shown} <span class="tag">手工填报</span>${entryInfo(w, entries)}</td>`;
        const own = entries.find((e) => e.organizationId === orgId);
        const typed = m.typed?.entries?.[id];
        const label = cellLabel(format, id);
        return html`<td id="cell-${id}"><input id="entry-${id}" name="entry:${id}" value="${typed ?? (own ? String(own.value) : '')}" inputmode="decimal" size="8" aria-label="${label}（手工填报）">
<input type="hidden" name="was:${id}" value="${own ? String(own.value) : ''}">
<input id="note-${id}" name="note:${id}" value="${own?.note ?? ''}" size="10" aria-label="${label}的数据来源说明" placeholder="来源说明"><input type="hidden" name="wasNote:${id}" value="${own?.note ?? ''}">
${c.scope === 'rollup' && entries.some((e) => e.organizationId !== orgId) ? html`<div class="hint">汇总合计：${shown}</div>` : ''}${entryInfo(w, entries)}</td>`;
      }
      return html`<td class="value" id="cell-${id}"><a href="${trace}${encodeURIComponent(id)}" title="查看${cellLabel(format, id)}的来源记录">${shown}</a></td>`;
    });
    const headingRows = (headings ?? []).map((h) => html`<tr><th scope="rowgroup">${h}</th><td>——</td><td colspan="${table.columns.length}"></td></tr>`);
    return html`${headingRows}<tr>${labels.map(layoutCell)}${cells}</tr>`;
  });
  return html`<table id="table-${table.id}" style="margin-bottom:1rem"><caption>${layout.caption}</caption><thead>${layout.header.map((r) => html`<tr>${r.map(layoutCell)}</tr>`)}</thead><tbody>${rows}</tbody></table>`;
}

function tablesBlock(m: ReportPageModel): SafeHtml {
  const w = m.workspace;
  const c = w.computed;
  const r = c.stored;
  const format = getFormat(c.formatId);
  const editable = officeEdits(w);
  const snapshot = r?.snapshot ?? null;
  const values = new Map<string, number | null>(snapshot ? snapshot.cells.map((cell) => [cell.id, cell.value]) : Object.entries(c.cells.values));
  const tables = formatLayouts(format).map((layout) => renderTable(m, layout, format, editable, values));
  const intro = html`<p>由记录自动统计的数字可点击，查看其所依据的目录信息、申请案件或复议诉讼记录；标注“手工填报”的数字没有对应的记录，由本机关填报并记录填报人和时间。${snapshot ? '本报告已报送，表中为报送时冻结的数字。' : ''}</p>`;
  if (!editable) return html`<section aria-labelledby="tables-h"><h2 id="tables-h">统计表</h2>${intro}${tables}</section>`;
  return html`<section aria-labelledby="tables-h"><h2 id="tables-h">统计表</h2>${intro}
<form method="post" action="${reportUrl(c.organization.id, c.year)}/entries">${csrfField(m.csrf)}
${tables}
<p class="hint">件数填整数；金额以万元为单位，最多保留4位小数。清空数字即删除该项填报。</p>
<button type="submit">保存填报数据</button></form></section>`;
}

function narrativeBlock(m: ReportPageModel): SafeHtml | '' {
  const w = m.workspace;
  const c = w.computed;
  const r = c.stored;
  if (!officeEdits(w)) return '';
  const format = getFormat(c.formatId);
  const titles = new Map(format.sections.map((s) => [s.id, `${s.number}、${s.title}`]));
  const facts = FACT_CATALOGUE.filter((f) => f.formats.includes(c.formatId));
  return html`<section aria-labelledby="narrative-h"><h2 id="narrative-h">报告正文</h2>
<div class="hint" id="placeholder-help"><p>正文中的数字请使用占位符，由系统按统计表自动填入，保证正文与表格一致：<code>{{fact:requests.new}}</code> 填入下列数据项，<code>{{cell:t3/new/total}}</code> 填入统计表的单元格（单元格编号见下表）。“【请填写…】”为模板留给本机关填写的内容，报送前须全部替换。正文支持段落、加粗、列表等简单格式（HTML），不安全的内容会被自动清除。</p></div>
<details><summary>可用的数据项（共 ${facts.length} 项）</summary><table><caption>数据项占位符</caption><thead><tr><th scope="col">占位符</th><th scope="col">含义</th><th scope="col">当前值</th></tr></thead><tbody>${facts.map((f) => {
    const value = c.narrative.facts[f.key];
    return html`<tr><td><code>{{fact:${f.key}}}</code></td><td>${f.labelZh}</td><td>${value === undefined ? '—' : formatNarrativeValue(value, f.unit)}${f.unit !== '%' && f.unit !== 'text' && value !== undefined && value !== null ? f.unit : ''}</td></tr>`;
  })}</tbody></table></details>
<details><summary>统计表单元格编号</summary><table><caption>单元格占位符</caption><thead><tr><th scope="col">占位符</th><th scope="col">单元格</th><th scope="col">当前值</th></tr></thead><tbody>${Object.entries(c.cells.values).map(
    ([id, value]) => html`<tr><td><code>{{cell:${id}}}</code></td><td>${cellLabel(format, id)}</td><td>${showNumber(value)}</td></tr>`,
  )}</tbody></table></details>
${c.narrative.unfilled.length > 0 ? html`<p class="field-error">尚有 ${c.narrative.unfilled.length} 处待填写：${c.narrative.unfilled.join('、')}</p>` : ''}
${c.narrative.unbound.length > 0 ? html`<p class="field-error">无法识别的占位符：${c.narrative.unbound.join('、')}</p>` : ''}
<form method="post" action="${reportUrl(c.organization.id, c.year)}/save">${csrfField(m.csrf)}<input type="hidden" name="part" value="narrative"><input type="hidden" name="version" value="${String(r?.version ?? 0)}">
${Object.entries(c.narrative.html).map(([id, text]) => {
    const label = id === 'preamble' ? '开头（依据、统计期限、查阅方式和联系方式）' : (titles.get(id) ?? id);
    return html`<div class="field"><label for="section-${id}">${label}</label><textarea id="section-${id}" name="section:${id}" rows="8" aria-describedby="placeholder-help" style="width:100%">${m.typed?.sections?.[id] ?? text}</textarea></div>`;
  })}
<button type="submit">保存正文</button></form></section>`;
}

function previewBlock(w: ReportWorkspace): SafeHtml {
  const c = w.computed;
  const format = getFormat(c.formatId);
  const snapshot = c.stored?.snapshot ?? null;
  const titles = new Map(format.sections.map((s) => [s.id, `${s.number}、${s.title}`]));
  const body = snapshot
    ? snapshot.sections.map((s) => html`${s.number || s.title ? html`<h3>${s.number ? `${s.number}、` : ''}${s.title}</h3>` : ''}${s.text.split('\n').filter((p) => p.trim() !== '').map((p) => html`<p>${p}</p>`)}`)
    : Object.entries(c.narrative.boundHtml).map(([id, bound]) => html`${titles.has(id) ? html`<h3>${titles.get(id)}</h3>` : ''}${raw(bound)}`);
  return html`<section aria-labelledby="preview-h"><h2 id="preview-h">正文预览${snapshot ? '（报送时冻结）' : '（数字已按统计表填入）'}</h2><div class="preview">${body}</div></section>`;
}

/** The similarity of each section to last year's report, and the numbers typed instead of bound. */
function qualityBlock(w: ReportWorkspace): SafeHtml | '' {
  const format = getFormat(w.computed.formatId);
  const titles = new Map<string, string>([['preamble', '开头'], ...format.sections.map((s): [string, string] => [s.id, `${s.number}、${s.title}`])]);
  const typed = Object.entries(w.literalNumbers);
  const sim = w.similarity;
  if (!sim && typed.length === 0) return '';
  const level = (l: string | null): string => (l === 'warning' ? '高度雷同' : l === 'notice' ? '较为相似' : '');
  return html`<section aria-labelledby="quality-h"><h2 id="quality-h">文字质量提示</h2>
${sim
    ? html`<p>与${sim.year}年度报告（${sim.source === 'submitted' ? '本系统报送' : '导入的已公开报告'}）的文字相似度（去除数字后）：总体 ${(sim.result.overall * 100).toFixed(0)}%${sim.result.level ? html`，<strong>${level(sim.result.level)}</strong>` : ''}。评估机构将与上年雷同的年报列为问题，请结合本年度实际撰写。</p>
<table><caption>各部分与上年报告的相似度</caption><thead><tr><th scope="col">部分</th><th scope="col">相似度</th><th scope="col">提示</th></tr></thead><tbody>${sim.result.sections.map(
        (s) => html`<tr><td>${titles.get(s.id) ?? s.id}</td><td>${s.similarity === null ? '—' : `${(s.similarity * 100).toFixed(0)}%`}</td><td>${level(s.level)}</td></tr>`,
      )}</tbody></table>`
    : ''}
${typed.length > 0
    ? html`<p>以下数字是直接输入的，与统计表中的数值相同。请改用占位符，以免统计数据更正后正文与表格不一致：</p><ul>${typed.map(
        ([id, list]) => html`<li>${titles.get(id) ?? id}：${list.map((n) => `${n.raw}（${[...n.facts.map((f) => `{{fact:${f}}}`), ...n.cells.map((c) => `{{cell:${c}}}`)].slice(0, 2).join(' 或 ')}）`).join('；')}</li>`,
      )}</ul>`
    : ''}</section>`;
}

function stepsBlock(w: ReportWorkspace): SafeHtml {
  return html`<section aria-labelledby="steps-h"><h2 id="steps-h">办理记录</h2>${w.steps.length === 0
    ? html`<p>尚无办理记录。</p>`
    : html`<table><caption>年度报告办理记录</caption><thead><tr><th scope="col">时间</th><th scope="col">环节</th><th scope="col">办理人</th><th scope="col">说明</th></tr></thead><tbody>${w.steps.map(
        (s) => html`<tr><td>${chinaTime(s.at)}</td><td>${REPORT_STEP_NAMES_ZH[s.step] ?? s.step}</td><td>${s.actorId === null ? '系统' : (s.actorName ?? `用户 ${s.actorId}`)}</td><td>${s.comment ?? ''}</td></tr>`,
      )}</tbody></table>`}</section>`;
}

/** The report page of an organization and year. */
export function reportPage(m: ReportPageModel): SafeHtml {
  const c = m.workspace.computed;
  return html`<p><a href="/console/reports?year=${c.year}">← ${c.year}年度报告列表</a></p>
<h1>${c.organization.name}${c.year}年政府信息公开工作年度报告</h1>
${errorBlock(m.error)}
${statusBlock(m)}
${actionsBlock(m)}
${findingsBlock(m.workspace)}
${scopeBlock(m)}
${tablesBlock(m)}
${narrativeBlock(m)}
${qualityBlock(m.workspace)}
${previewBlock(m.workspace)}
${stepsBlock(m.workspace)}`;
}
