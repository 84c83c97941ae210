/**
 * Pages of the staff console's catalog (Chinese, no JavaScript): dashboard, item list, draft form,
 * item detail with its lifecycle buttons. Pure rendering: the routes pass in what they loaded and
 * which actions the user may take (buttons for other actions are not shown; the services still check).
 */
import { csrfField, errorSummary, selectField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html, raw } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { Attachment } from './attachment.ts';
import { DISCLOSURE_TYPES, GENRES, ITEM_STATUSES, PUBLICATION_CHANNELS, SUBJECT_CATEGORIES, VALIDITIES, nameOf } from './catalog-item.ts';
import type { CatalogItem, ItemStatus } from './catalog-item.ts';
import type { CatalogOrganization } from './catalog-item.repository.ts';
import { FIELD_LABELS_ZH } from './catalog-item.schema.ts';
import type { CatalogDashboard, CatalogItemView, ItemDetail } from './catalog-query.service.ts';
import type { Timeliness } from './timeliness.ts';
import { TIMELINESS_NAMES_ZH } from './timeliness.ts';

/** Labels of the form's fields (the error summary links to each). */
export const ITEM_FORM_LABELS: Record<string, string> = { ...FIELD_LABELS_ZH, form: '表单', file: '附件', comment: '退回意见', reason: '撤回理由', byItemId: '替代信息', interpretationItemId: '政策解读' };

/** `2026-11-30 10:07`: an ISO instant in China time. */
export function chinaTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

function timelinessLabel(t: Timeliness): SafeHtml {
  const late = t.status === 'late' || t.status === 'overdue';
  const days = late ? `（${t.workingDaysLate} 个工作日）` : '';
  return html`<span${late ? html` class="late"` : ''}>${TIMELINESS_NAMES_ZH[t.status]}${days}</span>`;
}

function statusName(status: ItemStatus): string {
  return nameOf(ITEM_STATUSES, status);
}

/** A table of items (used by the dashboard and the list). */
function itemTable(items: readonly CatalogItemView[], orgNames: ReadonlyMap<number, string>, caption: string): SafeHtml {
  if (items.length === 0) return html`<p>${caption}：暂无。</p>`;
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">标题</th><th scope="col">索引号</th><th scope="col">机构</th><th scope="col">状态</th><th scope="col">生成日期</th><th scope="col">发布日期</th><th scope="col">发布期限</th><th scope="col">时效</th></tr></thead>
<tbody>${items.map(
    (i) => html`<tr><th scope="row"><a href="/console/items/${i.id}">${i.title}</a></th><td>${i.indexNumber ?? '（发布时生成）'}</td><td>${orgNames.get(i.organizationId) ?? String(i.organizationId)}</td>
<td>${statusName(i.status)}</td><td>${i.creationDate}</td><td>${i.publicationDate ?? ''}</td><td>${i.timeliness.deadline ?? ''}</td><td>${timelinessLabel(i.timeliness)}</td></tr>`,
  )}</tbody></table>`;
}

/** The dashboard (GET /console). */
export function dashboardPage(d: CatalogDashboard, orgNames: ReadonlyMap<number, string>, canDraft: boolean): SafeHtml {
  return html`<h1>工作台</h1>
${canDraft ? html`<p><a class="button" href="/console/items/new">新建目录信息</a></p>` : ''}
<h2>目录信息概况</h2>
<table><caption>本人管辖范围内各状态的信息条数</caption>
<thead><tr><th scope="col">状态</th><th scope="col">条数</th></tr></thead>
<tbody>${ITEM_STATUSES.map((s) => html`<tr><th scope="row"><a href="/console/items?status=${s.code}">${s.name}</a></th><td>${d.counts[s.code]}</td></tr>`)}</tbody></table>
<h2>待审核</h2>
${itemTable(d.awaitingApproval, orgNames, '等待本人审核发布的信息')}
<h2>时效预警</h2>
<p class="hint">依据《条例》第二十六条，属于主动公开范围的政府信息应当自形成或者变更之日起 20 个工作日内予以公开。</p>
${itemTable(d.overdueOrLate, orgNames, '已超期未发布或逾期发布的信息')}`;
}

/** The list's filter values. */
export interface ListFilterValues {
  status: string;
  organizationId: string;
  genre: string;
  year: string;
  q: string;
}

/** The item list (GET /console/items). */
export function listPage(o: { items: CatalogItemView[]; total: number; page: number; pageSize: number; filter: ListFilterValues; organizations: readonly CatalogOrganization[]; canDraft: boolean }): SafeHtml {
  const orgNames = new Map(o.organizations.map((org) => [org.id, org.name]));
  const pages = Math.max(1, Math.ceil(o.total / o.pageSize));
  const link = (page: number): string => {
    const params = new URLSearchParams(Object.entries(o.filter).filter(([, v]) => v !== ''));
    params.set('page', String(page));
    return `/console/items?${params.toString()}`;
  };
  return html`<h1>目录信息</h1>
${o.canDraft ? html`<p><a class="button" href="/console/items/new">新建目录信息</a></p>` : ''}
<form method="get" action="/console/items" aria-label="筛选">
${selectField({ name: 'status', label: '状态', value: o.filter.status, options: [{ value: 'all', label: '全部' }, ...ITEM_STATUSES.map((s) => ({ value: s.code, label: s.name }))] })}
${selectField({ name: 'organizationId', label: '机构', value: o.filter.organizationId, options: [{ value: '', label: '全部机构' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${selectField({ name: 'genre', label: '体裁分类', value: o.filter.genre, options: [{ value: '', label: '全部体裁' }, ...GENRES.map((g) => ({ value: g.code, label: g.name }))] })}
${textField({ name: 'year', label: '年度', value: o.filter.year, hint: '发布年度（未发布的按生成年度），如 2026' })}
${textField({ name: 'q', label: '标题包含', value: o.filter.q })}
<button type="submit">筛选</button>
</form>
${itemTable(o.items, orgNames, `共 ${o.total} 条，第 ${o.page} / ${pages} 页`)}
<p class="pager">${o.page > 1 ? html`<a href="${link(o.page - 1)}">上一页</a>` : ''}${o.page < pages ? html`<a href="${link(o.page + 1)}">下一页</a>` : ''}</p>`;
}

function textArea(o: { name: string; label: string; value: string; error?: string | undefined; hint?: string; rows?: number }): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter((s) => s !== '').join(' ');
  return html`<div class="field"><label for="${o.name}">${o.label}</label>
${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.name}-error">${o.error}</div>` : ''}<textarea id="${o.name}" name="${o.name}" rows="${o.rows ?? 3}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>${o.value}</textarea></div>`;
}

function dateField(o: { name: string; label: string; value: string; error?: string | undefined; hint?: string }): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter((s) => s !== '').join(' ');
  return html`<div class="field"><label for="${o.name}">${o.label}</label>
${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.name}-error">${o.error}</div>` : ''}<input id="${o.name}" name="${o.name}" type="date" value="${o.value}" placeholder="YYYY-MM-DD"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}></div>`;
}

/** The hidden field the item form carries next to its 发布渠道 checkboxes: with it, no box checked means "none", not "not given". */
export const CHANNELS_SHOWN_FIELD = 'channelsShown';

/**
 * The 发布渠道 checkboxes (2014 table 一 (二)); `value` is the checked codes, comma-separated. The
 * first box's id is the field's name, so the error summary's link lands on it.
 */
function channelsFieldset(value: string, error: string | undefined): SafeHtml {
  const checked = new Set(value.split(/[,，]/));
  const describedBy = `channels-hint${error ? ' channels-error' : ''}`;
  return html`<fieldset aria-describedby="${describedBy}"><legend>${FIELD_LABELS_ZH.channels}</legend>
<div class="hint" id="channels-hint">本信息通过哪些渠道公开，可多选，至少选一项；同一信息通过多个渠道公开，年度报告中只计 1 条</div>${error ? html`<div class="field-error" id="channels-error">${error}</div>` : ''}
<input type="hidden" name="${CHANNELS_SHOWN_FIELD}" value="1">
${PUBLICATION_CHANNELS.map((c, i) => {
  const id = i === 0 ? 'channels' : `channels-${c.code}`;
  return html`<div class="field"><input id="${id}" name="channels" type="checkbox" value="${c.code}"${checked.has(c.code) ? html` checked` : ''}${error ? html` aria-invalid="true"` : ''}> <label for="${id}" style="display:inline">${c.name}</label></div>`;
})}
</fieldset>`;
}

/** The draft form (new and edit). `values` are the form's strings by field name. */
export function itemFormPage(o: {
  csrf: string;
  action: string;
  heading: string;
  values: Record<string, string>;
  errors: FieldErrors;
  organizations: readonly CatalogOrganization[];
  subjectCategories: readonly { code: string; name: string }[];
  expectedUpdatedAt?: string;
}): SafeHtml {
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  const L = FIELD_LABELS_ZH;
  return html`<h1>${o.heading}</h1>
${errorSummary(o.errors, ITEM_FORM_LABELS)}
<form method="post" action="${o.action}" novalidate>
${csrfField(o.csrf)}
${o.expectedUpdatedAt ? html`<input type="hidden" name="expectedUpdatedAt" value="${o.expectedUpdatedAt}">` : ''}
${o.errors['form'] ? html`<p class="field-error" id="form">${o.errors['form']}</p>` : ''}
${selectField({ name: 'organizationId', label: L.organizationId, value: v('organizationId'), error: e('organizationId'), options: [{ value: '', label: '请选择' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${textField({ name: 'title', label: L.title, value: v('title'), error: e('title'), required: true, hint: '不超过 300 个字' })}
${textField({ name: 'indexNumber', label: L.indexNumber, value: v('indexNumber'), error: e('indexNumber'), hint: '一般留空，审核发布时按本机构索引号规则自动生成；发布后不可更改' })}
${textField({ name: 'documentNumber', label: L.documentNumber, value: v('documentNumber'), error: e('documentNumber'), hint: '如 吴政办发〔2026〕19号' })}
${textField({ name: 'issuingAgency', label: L.issuingAgency, value: v('issuingAgency'), error: e('issuingAgency'), required: true, hint: '发布机构全称' })}
${dateField({ name: 'creationDate', label: L.creationDate, value: v('creationDate'), error: e('creationDate'), hint: '信息形成或者变更的日期，不能晚于今天；自该日起 20 个工作日内应当公开（《条例》第二十六条）' })}
${selectField({ name: 'subjectCategory', label: L.subjectCategory, value: v('subjectCategory'), error: e('subjectCategory'), options: [{ value: '', label: '请选择' }, ...o.subjectCategories.map((c) => ({ value: c.code, label: c.name }))] })}
${selectField({ name: 'genre', label: L.genre, value: v('genre'), error: e('genre'), options: [{ value: '', label: '请选择' }, ...GENRES.map((g) => ({ value: g.code, label: g.name }))] })}
${textArea({ name: 'summary', label: L.summary, value: v('summary'), error: e('summary'), hint: '不超过 100 个字' })}
${textField({ name: 'keywords', label: L.keywords, value: v('keywords'), error: e('keywords'), hint: '用逗号、分号或空格分隔，最多 20 个，每个不超过 30 个字' })}
${selectField({ name: 'disclosureType', label: L.disclosureType, value: v('disclosureType') || 'proactive', error: e('disclosureType'), options: DISCLOSURE_TYPES.map((d) => ({ value: d.code, label: d.name })) })}
${textArea({ name: 'nonDisclosureReason', label: L.nonDisclosureReason, value: v('nonDisclosureReason'), error: e('nonDisclosureReason'), hint: '公开属性为不予公开时必填，写明依据（《条例》第十四条至第十六条）' })}
${channelsFieldset(v('channels'), e('channels'))}
${selectField({ name: 'validity', label: L.validity, value: v('validity') || 'in_force', error: e('validity'), options: VALIDITIES.map((x) => ({ value: x.code, label: x.name })) })}
${dateField({ name: 'effectiveDate', label: L.effectiveDate, value: v('effectiveDate'), error: e('effectiveDate') })}
${dateField({ name: 'expiryDate', label: L.expiryDate, value: v('expiryDate'), error: e('expiryDate'), hint: '有效性为失效或废止时必填' })}
${textArea({ name: 'bodyHtml', label: L.bodyHtml, value: v('bodyHtml'), error: e('bodyHtml'), rows: 14, hint: '可使用段落、标题、列表、表格和链接等 HTML 格式；不允许脚本和嵌入内容' })}
<button type="submit">保存草稿</button>
</form>`;
}

/** What the detail page may offer the user. */
export interface DetailPermissions {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  withdraw: boolean;
  link: boolean;
}

function metaRow(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<dt>${label}</dt><dd>${value ?? ''}</dd>`;
}

function attachmentList(itemId: number, attachments: readonly Attachment[]): SafeHtml {
  if (attachments.length === 0) return html`<p>无附件。</p>`;
  return html`<ul>${attachments.map((a) => html`<li><a href="/console/items/${itemId}/attachments/${a.id}">${a.fileName}</a>（${Math.max(1, Math.round(a.sizeBytes / 1024))} KB）</li>`)}</ul>`;
}

function linkedList(items: readonly CatalogItem[]): SafeHtml | string {
  if (items.length === 0) return '无';
  return html`${items.map((i, n) => html`${n > 0 ? '；' : ''}<a href="/console/items/${i.id}">${i.title}</a>（${statusName(i.status)}）`)}`;
}

/** The detail page (GET /console/items/:id) with the actions the user may take. */
export function detailPage(o: { csrf: string; detail: ItemDetail; may: DetailPermissions; replacements: readonly CatalogItem[]; errors: FieldErrors }): SafeHtml {
  const { item, organization } = o.detail;
  const L = FIELD_LABELS_ZH;
  const id = item.id;
  const post = (path: string, label: string, fields: SafeHtml | string = ''): SafeHtml =>
    html`<form method="post" action="/console/items/${id}/${path}" class="action">${csrfField(o.csrf)}${fields}<button type="submit">${label}</button></form>`;
  const actions: SafeHtml[] = [];
  if (o.may.edit) actions.push(html`<p><a class="button" href="/console/items/${id}/edit">编辑</a></p>`);
  if (o.may.submit) actions.push(post('submit', '提交审核'));
  if (o.may.approve) {
    actions.push(post('publish', '审核并发布'));
    actions.push(post('return', '退回', html`<div class="field"><label for="comment">退回意见</label>${o.errors['comment'] ? html`<div class="field-error" id="comment-error">${o.errors['comment']}</div>` : ''}<textarea id="comment" name="comment" rows="2"></textarea></div>`));
  }
  if (o.may.withdraw) {
    actions.push(post('withdraw', '撤回', html`<div class="field"><label for="reason">撤回理由</label>${o.errors['reason'] ? html`<div class="field-error" id="reason-error">${o.errors['reason']}</div>` : ''}<textarea id="reason" name="reason" rows="2"></textarea></div>`));
    if (o.replacements.length > 0) {
      actions.push(post('supersede', '替代', selectField({ name: 'byItemId', label: '替代本信息的新信息', error: o.errors['byItemId'], options: o.replacements.map((r) => ({ value: String(r.id), label: `${r.title}（${r.indexNumber ?? ''}）` })) })));
    }
  }
  if (o.may.link) {
    actions.push(post('interpretations', '关联政策解读', textField({ name: 'interpretationItemId', label: '政策解读信息编号', error: o.errors['interpretationItemId'], hint: '体裁分类为“政策解读”的信息的编号' })));
  }
  return html`<h1>${item.title}</h1>
${errorSummary(o.errors, ITEM_FORM_LABELS)}
<dl class="meta">
${metaRow('信息编号', String(id))}${metaRow('状态', statusName(item.status))}
${metaRow(L.indexNumber, item.indexNumber ?? '（发布时生成）')}${metaRow(L.documentNumber, item.documentNumber)}
${metaRow('所属机构', organization.name)}${metaRow(L.issuingAgency, item.issuingAgency)}
${metaRow(L.creationDate, item.creationDate)}${metaRow(L.publicationDate, item.publicationDate)}
${metaRow('发布期限', item.timeliness.deadline ?? '无法计算')}${metaRow('时效', timelinessLabel(item.timeliness))}
${metaRow(L.subjectCategory, nameOf(SUBJECT_CATEGORIES, item.subjectCategory))}${metaRow(L.genre, nameOf(GENRES, item.genre))}
${metaRow(L.disclosureType, nameOf(DISCLOSURE_TYPES, item.disclosureType))}${metaRow(L.nonDisclosureReason, item.nonDisclosureReason)}
${metaRow(L.channels, item.channels.map((c) => nameOf(PUBLICATION_CHANNELS, c)).join('、'))}
${metaRow(L.validity, nameOf(VALIDITIES, item.validity))}${metaRow(L.effectiveDate, item.effectiveDate)}
${metaRow(L.expiryDate, item.expiryDate)}${metaRow(L.keywords, item.keywords.join('、'))}
${metaRow('提交时间', chinaTime(item.submittedAt))}${metaRow('审核发布时间', chinaTime(item.approvedAt))}
${item.status === 'withdrawn' ? html`${metaRow('撤回时间', chinaTime(item.withdrawnAt))}${metaRow('撤回理由', item.withdrawalReason)}` : ''}
${o.detail.supersededBy ? metaRow('已被替代为', html`<a href="/console/items/${o.detail.supersededBy.id}">${o.detail.supersededBy.title}</a>`) : ''}
${metaRow('政策解读', linkedList(o.detail.interpretations))}${metaRow('所解读的文件', linkedList(o.detail.interprets))}
</dl>
<h2>${L.summary}</h2><p>${item.summary ?? '无'}</p>
<h2>${L.bodyHtml}</h2><div class="body">${raw(item.bodyHtml)}</div>
<h2>附件</h2>
${attachmentList(id, o.detail.attachments)}
${o.may.edit
  ? html`<form method="post" action="/console/items/${id}/attachments?_csrf=${encodeURIComponent(o.csrf)}" enctype="multipart/form-data">
<div class="field"><label for="file">上传附件</label><div class="hint" id="file-hint">允许 pdf、docx、doc、xlsx、xls、ofd、jpg、png、zip、txt</div>${o.errors['file'] ? html`<div class="field-error" id="file-error">${o.errors['file']}</div>` : ''}<input id="file" name="file" type="file" aria-describedby="file-hint"></div>
<button type="submit">上传</button></form>`
  : ''}
<h2 id="form">操作</h2>
${actions.length > 0 ? actions : html`<p>当前状态下您没有可执行的操作。</p>`}
<p><a href="/console/audit?entityType=catalog_item&amp;entityId=${id}">查看本信息的审计记录</a> · <a href="/console/items">返回列表</a>${item.status === 'published' ? html` · <a href="/items/${id}">在门户查看</a>` : ''}</p>`;
}
