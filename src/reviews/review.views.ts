/**
 * Console pages of reconsideration and litigation records (Chinese, no JavaScript): the list with
 * its year filter and table 四, the new-record form, and the detail page with the outcome form and
 * document upload. Pure rendering: routes pass in what they loaded and what the user may do.
 */
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { csrfField, errorSummary, selectField, textAreaField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import {
  countedOn,
  DECIDED_OUTCOMES,
  DEFENDANT_ROLE_NAMES_ZH,
  DEFENDANT_ROLES,
  REVIEW_DOCUMENT_KIND_NAMES_ZH,
  REVIEW_DOCUMENT_KINDS,
  REVIEW_OUTCOME_NAMES_ZH,
  REVIEW_OUTCOMES,
  REVIEW_PATH_NAMES_ZH,
  REVIEW_PATHS,
} from './review-case.ts';
import type { ReviewCase, ReviewDocument } from './review-case.ts';
import { REVIEW_ROW_2014_LABELS, REVIEW_ROWS_2014 } from './review-table.ts';
import type { ReviewCaseWithOrganization, ReviewOrganization } from './review.repository.ts';
import type { ReviewDetail, ReviewTableReport } from './review.service.ts';

/** Labels of the forms' fields (the error summary links to each). */
export const REVIEW_FORM_LABELS: Readonly<Record<string, string>> = {
  form: '表单',
  organizationId: '本机关（被申请人或被告）',
  requestCaseId: '关联的申请案件编号',
  path: '案件类型',
  defendantRole: '本机关身份',
  applicantName: '申请人（原告）',
  reviewingBody: '复议机关或人民法院',
  caseNumber: '案号',
  filedOn: '申请复议日期（直接起诉的填起诉日期）',
  reconsiderationDecidedOn: '复议决定日期',
  reconsiderationOutcome: '复议结果',
  suitFiledOn: '起诉日期（复议后起诉）',
  decidedOn: '审结日期',
  outcome: '审结结果',
  summary: '案情摘要',
  year: '年度',
  kind: '文书类型',
  file: '文件',
};

const L = REVIEW_FORM_LABELS;

/** The outcome and date fields, shared by the new-record form and the detail page's outcome form. */
function outcomeFields(v: (name: string) => string, e: (name: string) => string | undefined): SafeHtml {
  const only = '仅“复议后起诉”的案件填写';
  return html`${textField({ name: 'caseNumber', label: L['caseNumber'] ?? '', value: v('caseNumber'), error: e('caseNumber'), hint: '如 （2026）宁0302行初12号' })}
${textField({ type: 'date', name: 'filedOn', label: L['filedOn'] ?? '', value: v('filedOn'), error: e('filedOn'), hint: '行政复议、复议后起诉：申请复议的日期；未经复议直接起诉：起诉日期' })}
${textField({ type: 'date', name: 'reconsiderationDecidedOn', label: L['reconsiderationDecidedOn'] ?? '', value: v('reconsiderationDecidedOn'), error: e('reconsiderationDecidedOn'), hint: only })}
${selectField({ name: 'reconsiderationOutcome', label: L['reconsiderationOutcome'] ?? '', value: v('reconsiderationOutcome'), error: e('reconsiderationOutcome'), hint: only, options: [{ value: '', label: '（不适用）' }, ...DECIDED_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_NAMES_ZH[o] }))] })}
${textField({ type: 'date', name: 'suitFiledOn', label: L['suitFiledOn'] ?? '', value: v('suitFiledOn'), error: e('suitFiledOn'), hint: `${only}；复议后起诉的案件按起诉日期计入年度` })}
${textField({ type: 'date', name: 'decidedOn', label: L['decidedOn'] ?? '', value: v('decidedOn'), error: e('decidedOn'), hint: '尚未审结的留空' })}
${selectField({ name: 'outcome', label: L['outcome'] ?? '', value: v('outcome') || 'pending', error: e('outcome'), options: REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_NAMES_ZH[o] })) })}
${textAreaField({ name: 'summary', label: L['summary'] ?? '', value: v('summary'), error: e('summary'), hint: '不超过 2000 字', rows: 4 })}`;
}

/** Table 四 as printed (three header rows, one data row), with the 2014 rows below it. */
export function reviewTableView(report: ReviewTableReport): SafeHtml {
  const v = report.table.values;
  const groupCells = (path: (typeof REVIEW_PATHS)[number]): SafeHtml[] =>
    [...REVIEW_OUTCOMES, 'total' as const].map((o) => html`<td>${v[`${path}-${o}`]}</td>`);
  const outcomeHeads = html`${REVIEW_OUTCOMES.map((o) => html`<th scope="col">${REVIEW_OUTCOME_NAMES_ZH[o]}</th>`)}<th scope="col">总计</th>`;
  return html`<table><caption>${report.organization.name}（含下级机关）${report.table.year}年政府信息公开行政复议、行政诉讼情况（表四）</caption>
<thead>
<tr><th scope="colgroup" colspan="5">行政复议</th><th scope="colgroup" colspan="10">行政诉讼</th></tr>
<tr>${REVIEW_OUTCOMES.map((o) => html`<th scope="col" rowspan="2">${REVIEW_OUTCOME_NAMES_ZH[o]}</th>`)}<th scope="col" rowspan="2">总计</th><th scope="colgroup" colspan="5">未经复议直接起诉</th><th scope="colgroup" colspan="5">复议后起诉</th></tr>
<tr>${outcomeHeads}${outcomeHeads}</tr>
</thead>
<tbody><tr>${groupCells('reconsideration')}${groupCells('direct-suit')}${groupCells('suit-after-reconsideration')}</tr></tbody></table>
<p class="hint">按立案年度统计（复议后起诉按起诉日期），结果为当年 12 月 31 日的状态；本机关作为复议机关与原行政行为机关共同被诉的案件不计入（由原行政行为机关统计，避免汇总时重复）。本年度计入 ${report.table.counted} 件，作为共同被告未计入 ${report.table.excludedCoDefendant} 件。</p>
<table><caption>2014 年格式统计表第四、五项（同一口径；尚未审结的计入“其他情形数”）</caption>
<thead><tr><th scope="col">项目</th><th scope="col">统计数（件）</th></tr></thead>
<tbody>${REVIEW_ROWS_2014.map((id) => html`<tr><th scope="row">${REVIEW_ROW_2014_LABELS[id]}</th><td>${report.rows2014[id]}</td></tr>`)}</tbody></table>`;
}

function reviewRows(reviews: readonly ReviewCaseWithOrganization[]): SafeHtml {
  if (reviews.length === 0) return html`<p>没有符合条件的案件。</p>`;
  return html`<table><caption>共 ${reviews.length} 件</caption>
<thead><tr><th scope="col">申请人（原告）</th><th scope="col">类型</th><th scope="col">机关</th><th scope="col">复议机关或法院</th><th scope="col">计入日期</th><th scope="col">结果</th><th scope="col">审结日期</th></tr></thead>
<tbody>${reviews.map(({ review: r, organization }) => {
    return html`<tr><th scope="row"><a href="/console/reviews/${r.id}">${r.applicantName}</a>${r.caseNumber ? html`<br>${r.caseNumber}` : ''}</th><td>${REVIEW_PATH_NAMES_ZH[r.path]}${r.defendantRole === 'co-defendant' ? html`<br><span class="tag">共同被告，不计入</span>` : ''}</td>
<td>${organization.name}</td><td>${r.reviewingBody}</td><td>${countedOn(r)}</td><td>${REVIEW_OUTCOME_NAMES_ZH[r.outcome]}</td><td>${r.decidedOn ?? ''}</td></tr>`;
  })}</tbody></table>`;
}

/** The list (GET /console/reviews): filter by organization and year; table 四 when both are chosen. */
export function reviewListPage(o: {
  reviews: readonly ReviewCaseWithOrganization[];
  organizations: readonly ReviewOrganization[];
  filter: { organizationId: string; year: string };
  table: ReviewTableReport | null;
  canManage: boolean;
  errors: FieldErrors;
}): SafeHtml {
  return html`<h1>行政复议和行政诉讼</h1>
${o.canManage ? html`<p><a class="button" href="/console/reviews/new">登记案件</a></p>` : ''}
${errorSummary(o.errors, REVIEW_FORM_LABELS)}
<form method="get" action="/console/reviews" aria-label="筛选">
${selectField({ name: 'organizationId', label: '机关（含下级机关）', value: o.filter.organizationId, options: [{ value: '', label: '本人管辖的全部机关' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${textField({ name: 'year', label: '年度', value: o.filter.year, error: o.errors['year'], hint: '如 2026；选择机关并填写年度后显示该年度的表四' })}
<button type="submit">筛选</button>
</form>
${o.table ? html`<h2>统计</h2>${reviewTableView(o.table)}` : ''}
<h2>案件</h2>
${reviewRows(o.reviews)}`;
}

/** The new-record form (GET /console/reviews/new). `values` are the form's strings by field name. */
export function reviewFormPage(o: { csrf: string; values: Record<string, string>; errors: FieldErrors; organizations: readonly ReviewOrganization[] }): SafeHtml {
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  return html`<h1>登记行政复议或行政诉讼案件</h1>
${errorSummary(o.errors, REVIEW_FORM_LABELS)}
<form method="post" action="/console/reviews" novalidate>
${csrfField(o.csrf)}
${o.errors['form'] ? html`<p class="field-error" id="form">${o.errors['form']}</p>` : ''}
${selectField({ name: 'organizationId', label: L['organizationId'] ?? '', value: v('organizationId'), error: e('organizationId'), options: [{ value: '', label: '请选择' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${selectField({ name: 'path', label: L['path'] ?? '', value: v('path'), error: e('path'), options: [{ value: '', label: '请选择' }, ...REVIEW_PATHS.map((p) => ({ value: p, label: REVIEW_PATH_NAMES_ZH[p] }))] })}
${selectField({ name: 'defendantRole', label: L['defendantRole'] ?? '', value: v('defendantRole') || 'original-agency', error: e('defendantRole'), hint: '复议机关维持原行政行为、与原行政行为机关作共同被告的（《行政诉讼法》第二十六条第二款），由原行政行为机关统计，本机关不计入', options: DEFENDANT_ROLES.map((r) => ({ value: r, label: DEFENDANT_ROLE_NAMES_ZH[r] })) })}
${textField({ name: 'applicantName', label: L['applicantName'] ?? '', value: v('applicantName'), error: e('applicantName'), required: true })}
${textField({ name: 'reviewingBody', label: L['reviewingBody'] ?? '', value: v('reviewingBody'), error: e('reviewingBody'), required: true, hint: '如 吴忠市人民政府、吴忠市利通区人民法院' })}
${textField({ name: 'requestCaseId', label: L['requestCaseId'] ?? '', value: v('requestCaseId'), error: e('requestCaseId'), hint: '可选：本案涉及的政府信息公开申请在本系统中的编号（须属于本机关或其下级机关）' })}
${outcomeFields(v, e)}
<button type="submit">登记</button>
</form>`;
}

function metaRow(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<dt>${label}</dt><dd>${value ?? ''}</dd>`;
}

function documentList(reviewId: number, documents: readonly ReviewDocument[]): SafeHtml {
  if (documents.length === 0) return html`<p>尚无文书。</p>`;
  return html`<ul>${documents.map(
    (d) => html`<li>${REVIEW_DOCUMENT_KIND_NAMES_ZH[d.kind]}：<a href="/console/reviews/${reviewId}/documents/${d.id}">${d.fileName}</a>（${Math.max(1, Math.round(d.sizeBytes / 1024))} KB，${chinaTime(d.createdAt)}）</li>`,
  )}</ul>`;
}

/** The detail page (GET /console/reviews/:id): the record, the outcome form and the documents. */
export function reviewDetailPage(o: { csrf: string; detail: ReviewDetail; canManage: boolean; values: Record<string, string>; errors: FieldErrors; expectedUpdatedAt: string }): SafeHtml {
  const r: ReviewCase = o.detail.review;
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  const suitAfter = r.path === 'suit-after-reconsideration';
  return html`<h1>${REVIEW_PATH_NAMES_ZH[r.path]}：${r.applicantName}</h1>
${errorSummary(o.errors, REVIEW_FORM_LABELS)}
<dl class="meta">
${metaRow('案件编号', String(r.id))}${metaRow(L['caseNumber'] ?? '', r.caseNumber)}
${metaRow('本机关', o.detail.organization.name)}${metaRow(L['defendantRole'] ?? '', DEFENDANT_ROLE_NAMES_ZH[r.defendantRole])}
${metaRow(L['applicantName'] ?? '', r.applicantName)}${metaRow(L['reviewingBody'] ?? '', r.reviewingBody)}
${metaRow(r.path === 'direct-suit' ? '起诉日期' : '申请复议日期', r.filedOn)}${metaRow('关联申请案件', r.requestCaseId === null ? '无' : String(r.requestCaseId))}
${suitAfter ? html`${metaRow('复议决定日期', r.reconsiderationDecidedOn)}${metaRow('复议结果', r.reconsiderationOutcome ? REVIEW_OUTCOME_NAMES_ZH[r.reconsiderationOutcome] : '')}` : ''}
${metaRow(suitAfter ? '起诉日期（计入表四的日期）' : '计入表四的日期', countedOn(r))}${metaRow('是否计入本机关表四', r.defendantRole === 'co-defendant' ? '不计入（复议机关作共同被告，由原行政行为机关统计）' : '计入')}
${metaRow('审结结果', REVIEW_OUTCOME_NAMES_ZH[r.outcome])}${metaRow('审结日期', r.decidedOn ?? '尚未审结')}
${metaRow('登记时间', chinaTime(r.createdAt))}${metaRow('最后修改', chinaTime(r.updatedAt))}
</dl>
<h2>案情摘要</h2><p>${r.summary ?? '无'}</p>
<h2>文书</h2>
${documentList(r.id, o.detail.documents)}
${o.canManage
  ? html`<form method="post" action="/console/reviews/${r.id}/documents?_csrf=${encodeURIComponent(o.csrf)}" enctype="multipart/form-data">
${selectField({ name: 'kind', label: L['kind'] ?? '', value: v('kind') || 'decision', error: e('kind'), options: REVIEW_DOCUMENT_KINDS.map((k) => ({ value: k, label: REVIEW_DOCUMENT_KIND_NAMES_ZH[k] })) })}
<div class="field"><label for="file">上传文书</label><div class="hint" id="file-hint">允许 pdf、docx、doc、xlsx、xls、ofd、jpg、png、zip、txt</div>${e('file') ? html`<div class="field-error" id="file-error">${e('file')}</div>` : ''}<input id="file" name="file" type="file" aria-describedby="file-hint${e('file') ? ' file-error' : ''}"></div>
<button type="submit">上传</button></form>
<h2 id="outcome-form">登记结果或更正日期</h2>
<form method="post" action="/console/reviews/${r.id}" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="expectedUpdatedAt" value="${o.expectedUpdatedAt}">
${o.errors['form'] ? html`<p class="field-error" id="form">${o.errors['form']}</p>` : ''}
${outcomeFields(v, e)}
<button type="submit">保存</button>
</form>`
  : ''}
<p><a href="/console/audit?entityType=review_case&amp;entityId=${r.id}">查看本案的审计记录</a> · <a href="/console/reviews">返回列表</a></p>`;
}
