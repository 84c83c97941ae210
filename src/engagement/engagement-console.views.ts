/**
 * Console pages of engagement records (Chinese, no JavaScript): /console/engagement with the
 * year's press events, interpretations and concern responses of an organization, section 二 of
 * the 2014 table and an add form for each kind; and the edit page of each record. The three add
 * forms share a page, so their fields carry a prefix (`pe_`, `pi_`, `cr_`) to keep ids unique.
 * Pure rendering.
 */
import { checkboxField, csrfField, errorSummary, selectField, textAreaField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { CONCERN_CHANNEL_NAMES_ZH, CONCERN_CHANNELS, INTERPRETATION_FORM_NAMES_ZH, INTERPRETATION_FORMS, PRESS_EVENT_KIND_NAMES_ZH, PRESS_EVENT_KINDS } from './engagement-record.ts';
import { ENGAGEMENT_FIGURE_LABELS_ZH, ENGAGEMENT_FIGURE_ORDER } from './engagement-statistics.ts';
import type { ConcernResponseRecord, EngagementOrganization, PressEventRecord } from './engagement.repository.ts';
import type { EngagementFiguresReport, InterpretationView } from './engagement.service.ts';
import { INTERPRETATION_TIMELINESS_NAMES_ZH } from './interpretation-timeliness.ts';
import type { InterpretationTimeliness } from './interpretation-timeliness.ts';

/** Field prefixes of the list page's three add forms. */
export const FORM_PREFIXES = { press: 'pe_', interpretation: 'pi_', concern: 'cr_' } as const;

/** Labels of the fields (unprefixed names; the error summary links to each). */
export const ENGAGEMENT_FORM_LABELS: Readonly<Record<string, string>> = {
  form: '表单',
  organizationId: '机构',
  kind: '类型',
  heldOn: '举办日期',
  topic: '主题',
  principalLeaderAttended: '主要负责同志参加',
  speakers: '发布人或访谈嘉宾',
  url: '链接',
  concernResponseId: '回应的关切（回应关切记录编号）',
  itemIds: '关联信息（目录条目编号）',
  policyItem: '被解读的政策文件（编号或索引号）',
  title: '解读标题',
  interpretationForm: '解读形式',
  publishedOn: '解读发布日期',
  interpretationItemId: '解读信息（体裁为政策解读的目录条目编号）',
  channel: '回应渠道',
  respondedOn: '回应日期',
  summary: '回应内容摘要',
  year: '年度',
};

/** The labels with a prefix on every key (for the error summary of a prefixed form). */
function prefixedLabels(prefix: string, topicLabel: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(ENGAGEMENT_FORM_LABELS)) out[`${prefix}${key}`] = key === 'topic' ? topicLabel : label;
  return out;
}

/** Reads a form's values and errors by unprefixed name. */
interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

function accessors(prefix: string, state: FormState): { n: (name: string) => string; v: (name: string) => string; e: (name: string) => string | undefined } {
  return { n: (name) => `${prefix}${name}`, v: (name) => state.values[`${prefix}${name}`] ?? '', e: (name) => state.errors[`${prefix}${name}`] };
}

function organizationSelect(n: (name: string) => string, v: (name: string) => string, e: (name: string) => string | undefined, organizations: readonly EngagementOrganization[]): SafeHtml {
  return selectField({ name: n('organizationId'), label: '机构', value: v('organizationId'), error: e('organizationId'), options: [{ value: '', label: '请选择' }, ...organizations.map((o) => ({ value: String(o.id), label: o.name }))] });
}

function formError(prefix: string, state: FormState): SafeHtml | '' {
  const message = state.errors[`${prefix}form`];
  return message ? html`<p class="field-error" id="${prefix}form">${message}</p>` : '';
}

/** The press event fields (with the organization choice when `organizations` is given). */
function pressEventFields(prefix: string, state: FormState, organizations: readonly EngagementOrganization[] | null): SafeHtml {
  const { n, v, e } = accessors(prefix, state);
  return html`${organizations ? organizationSelect(n, v, e, organizations) : ''}
${selectField({ name: n('kind'), label: '类型', value: v('kind') || 'press_conference', error: e('kind'), options: PRESS_EVENT_KINDS.map((k) => ({ value: k, label: PRESS_EVENT_KIND_NAMES_ZH[k] })) })}
${textField({ type: 'date', name: n('heldOn'), label: '举办日期', value: v('heldOn'), error: e('heldOn'), required: true })}
${textField({ name: n('topic'), label: '发布会或访谈主题', value: v('topic'), error: e('topic'), required: true })}
${checkboxField({ name: n('principalLeaderAttended'), label: '主要负责同志参加', checked: v('principalLeaderAttended') === '1', hint: '本机关主要负责同志出席发布会或参加访谈的，统计表单独计数' })}
${textField({ name: n('speakers'), label: '发布人或访谈嘉宾', value: v('speakers'), error: e('speakers') })}
${textField({ type: 'url', name: n('url'), label: '发布会或访谈页面链接', value: v('url'), error: e('url'), hint: '以 http:// 或 https:// 开头' })}
${textField({ name: n('itemIds'), label: '关联信息（目录条目编号）', value: v('itemIds'), error: e('itemIds'), hint: '发布或解读的目录信息编号，多个用逗号分隔' })}
${textField({ name: n('concernResponseId'), label: '回应的关切（回应关切记录编号）', value: v('concernResponseId'), error: e('concernResponseId'), hint: '回应已登记的热点的，填写该记录编号：同一热点只计 1 次' })}`;
}

/** The interpretation fields. */
function interpretationFields(prefix: string, state: FormState, organizations: readonly EngagementOrganization[] | null): SafeHtml {
  const { n, v, e } = accessors(prefix, state);
  return html`${organizations ? organizationSelect(n, v, e, organizations) : ''}
${textField({ name: n('policyItem'), label: '被解读的政策文件（编号或索引号）', value: v('policyItem'), error: e('policyItem'), required: true, hint: '须为已发布的目录信息，如 640300032/2026-00012' })}
${textField({ name: n('title'), label: '解读标题', value: v('title'), error: e('title'), required: true })}
${selectField({ name: n('interpretationForm'), label: '解读形式', value: v('interpretationForm') || 'text', error: e('interpretationForm'), options: INTERPRETATION_FORMS.map((f) => ({ value: f, label: INTERPRETATION_FORM_NAMES_ZH[f] })) })}
${textField({ type: 'date', name: n('publishedOn'), label: '解读发布日期', value: v('publishedOn'), error: e('publishedOn'), required: true })}
${textField({ type: 'url', name: n('url'), label: '解读链接', value: v('url'), error: e('url'), hint: '以 http:// 或 https:// 开头；不填时门户链接到下面的解读信息' })}
${textField({ name: n('interpretationItemId'), label: '解读信息（体裁为政策解读的目录条目编号）', value: v('interpretationItemId'), error: e('interpretationItemId') })}
${textField({ name: n('concernResponseId'), label: '回应的关切（回应关切记录编号）', value: v('concernResponseId'), error: e('concernResponseId') })}`;
}

/** The concern response fields. */
function concernFields(prefix: string, state: FormState, organizations: readonly EngagementOrganization[] | null): SafeHtml {
  const { n, v, e } = accessors(prefix, state);
  return html`${organizations ? organizationSelect(n, v, e, organizations) : ''}
${textField({ name: n('topic'), label: '热点或关切事项', value: v('topic'), error: e('topic'), required: true })}
${selectField({ name: n('channel'), label: '回应渠道', value: v('channel') || 'website', error: e('channel'), options: CONCERN_CHANNELS.map((c) => ({ value: c, label: CONCERN_CHANNEL_NAMES_ZH[c] })) })}
${textField({ type: 'date', name: n('respondedOn'), label: '回应日期', value: v('respondedOn'), error: e('respondedOn'), required: true })}
${textAreaField({ name: n('summary'), label: '回应内容摘要', value: v('summary'), error: e('summary') })}
${textField({ type: 'url', name: n('url'), label: '回应链接', value: v('url'), error: e('url'), hint: '以 http:// 或 https:// 开头' })}`;
}

/** The timeliness of an interpretation in words: 及时（发布后第 2 个工作日；时限 3 个工作日）. */
export function timelinessText(t: InterpretationTimeliness): string {
  if (t.status === 'unknown') return INTERPRETATION_TIMELINESS_NAMES_ZH.unknown;
  return `${INTERPRETATION_TIMELINESS_NAMES_ZH[t.status]}（政策发布后第 ${t.workingDaysAfterPolicy ?? 0} 个工作日；时限 ${t.allowedWorkingDays} 个工作日，截至 ${t.deadline ?? ''}）`;
}

function figuresTable(report: EngagementFiguresReport): SafeHtml {
  return html`<table><caption>${report.organization.name}（含下级机关）${report.year}年回应解读情况（2014 年格式统计表第二项）</caption>
<thead><tr><th scope="col">项目</th><th scope="col">统计数</th></tr></thead>
<tbody>${ENGAGEMENT_FIGURE_ORDER.map((id) => html`<tr><th scope="row">${ENGAGEMENT_FIGURE_LABELS_ZH[id]}</th><td>${report.figures[id]}</td></tr>`)}</tbody></table>
<p class="hint">口径（本系统的理解，未经官方确认）：回应关切记录每条计 1 次；新闻发布会、在线访谈和政策解读未关联回应关切记录的各计 1 次，关联了的随该记录计入，不重复计算。</p>`;
}

function pressTable(list: readonly PressEventRecord[]): SafeHtml {
  if (list.length === 0) return html`<p>暂无记录。</p>`;
  return html`<table><caption>共 ${list.length} 次</caption><thead><tr><th scope="col">编号</th><th scope="col">日期</th><th scope="col">类型</th><th scope="col">主题</th><th scope="col">机构</th><th scope="col">回应关切</th></tr></thead>
<tbody>${list.map(
    ({ event: e, organization }) =>
      html`<tr><td>${e.id}</td><td>${e.heldOn}</td><td>${PRESS_EVENT_KIND_NAMES_ZH[e.kind]}${e.principalLeaderAttended ? html`<br><span class="tag">主要负责同志参加</span>` : ''}</td><td><a href="/console/engagement/press-events/${e.id}">${e.topic}</a></td><td>${organization.name}</td><td>${e.concernResponseId ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

function interpretationTable(list: readonly InterpretationView[]): SafeHtml {
  if (list.length === 0) return html`<p>暂无记录。</p>`;
  return html`<table><caption>共 ${list.length} 篇</caption><thead><tr><th scope="col">编号</th><th scope="col">发布日期</th><th scope="col">解读标题</th><th scope="col">形式</th><th scope="col">解读的政策文件</th><th scope="col">及时性</th><th scope="col">机构</th></tr></thead>
<tbody>${list.map(
    (r) =>
      html`<tr><td>${r.interpretation.id}</td><td>${r.interpretation.publishedOn}</td><td><a href="/console/engagement/interpretations/${r.interpretation.id}">${r.interpretation.title}</a></td><td>${INTERPRETATION_FORM_NAMES_ZH[r.interpretation.form]}</td><td>${r.policy.title}<br>${r.policy.indexNumber ?? ''}（${r.policy.publicationDate ?? '未发布'}）</td><td>${timelinessText(r.timeliness)}</td><td>${r.organization.name}</td></tr>`,
  )}</tbody></table>`;
}

function concernTable(list: readonly ConcernResponseRecord[]): SafeHtml {
  if (list.length === 0) return html`<p>暂无记录。</p>`;
  return html`<table><caption>共 ${list.length} 件</caption><thead><tr><th scope="col">编号</th><th scope="col">回应日期</th><th scope="col">热点或关切事项</th><th scope="col">渠道</th><th scope="col">机构</th></tr></thead>
<tbody>${list.map(
    ({ response: r, organization }) =>
      html`<tr><td>${r.id}</td><td>${r.respondedOn}</td><td><a href="/console/engagement/concern-responses/${r.id}">${r.topic}</a></td><td>${CONCERN_CHANNEL_NAMES_ZH[r.channel]}</td><td>${organization.name}</td></tr>`,
  )}</tbody></table>`;
}

/** What the list page shows. */
export interface EngagementListPageData {
  csrf: string;
  filter: { organizationId: string; year: string };
  filterErrors: FieldErrors;
  /** Organizations the caller may read (filter choices). */
  organizations: readonly EngagementOrganization[];
  /** Organizations the caller may record for; empty hides the add forms. */
  manageOrganizations: readonly EngagementOrganization[];
  figures: EngagementFiguresReport | null;
  pressEvents: readonly PressEventRecord[];
  interpretations: readonly InterpretationView[];
  concernResponses: readonly ConcernResponseRecord[];
  forms: { press: FormState; interpretation: FormState; concern: FormState };
}

/** The list page (GET /console/engagement). */
export function engagementListPage(d: EngagementListPageData): SafeHtml {
  const manage = d.manageOrganizations.length > 0;
  const addForm = (id: string, heading: string, action: string, prefix: string, state: FormState, topicLabel: string, fields: SafeHtml, button: string): SafeHtml =>
    html`<details${Object.keys(state.errors).length > 0 ? html` open` : ''}><summary>${heading}</summary>
${errorSummary(state.errors, prefixedLabels(prefix, topicLabel))}
<form method="post" action="${action}" id="${id}" aria-label="${heading}" novalidate>
${csrfField(d.csrf)}
${formError(prefix, state)}
${fields}
<button type="submit">${button}</button>
</form></details>`;
  const p = FORM_PREFIXES;
  return html`<h1>回应解读</h1>
${errorSummary(d.filterErrors, ENGAGEMENT_FORM_LABELS)}
<form method="get" action="/console/engagement" aria-label="筛选">
${selectField({ name: 'organizationId', label: '机关（含下级机关）', value: d.filter.organizationId, options: [{ value: '', label: '本人管辖的全部机关' }, ...d.organizations.map((o) => ({ value: String(o.id), label: o.name }))] })}
${textField({ name: 'year', label: '年度', value: d.filter.year, error: d.filterErrors['year'], hint: '如 2026；选择机关后显示该年度的统计' })}
<button type="submit">筛选</button>
</form>
${d.figures ? html`<h2>统计</h2>${figuresTable(d.figures)}` : ''}
<h2 id="press-heading">新闻发布会和在线访谈</h2>
${manage ? addForm('press-form', '登记新闻发布会或在线访谈', '/console/engagement/press-events', p.press, d.forms.press, '发布会或访谈主题', pressEventFields(p.press, d.forms.press, d.manageOrganizations), '登记发布会或访谈') : ''}
${pressTable(d.pressEvents)}
<h2 id="interpretations-heading">政策解读</h2>
${manage ? addForm('interpretation-form', '登记政策解读', '/console/engagement/interpretations', p.interpretation, d.forms.interpretation, '解读标题', interpretationFields(p.interpretation, d.forms.interpretation, d.manageOrganizations), '登记解读') : ''}
${interpretationTable(d.interpretations)}
<h2 id="responses-heading">回应关切</h2>
${manage ? addForm('concern-form', '登记回应关切', '/console/engagement/concern-responses', p.concern, d.forms.concern, '热点或关切事项', concernFields(p.concern, d.forms.concern, d.manageOrganizations), '登记回应') : ''}
${concernTable(d.concernResponses)}`;
}

/** The kinds of record the edit page serves. */
export type EngagementKind = 'press-events' | 'interpretations' | 'concern-responses';

/** An edit page (GET /console/engagement/<kind>/:id): facts, the edit form and the delete button. */
export function engagementEditPage(o: {
  kind: EngagementKind;
  id: number;
  heading: string;
  csrf: string;
  canManage: boolean;
  organizationName: string;
  state: FormState;
  expectedUpdatedAt: string;
  /** Extra facts (the interpretation's timeliness, the press event's items). */
  facts: SafeHtml | '';
}): SafeHtml {
  const fields = o.kind === 'press-events' ? pressEventFields('', o.state, null) : o.kind === 'interpretations' ? interpretationFields('', o.state, null) : concernFields('', o.state, null);
  const entityType = o.kind === 'press-events' ? 'press_event' : o.kind === 'interpretations' ? 'policy_interpretation' : 'concern_response';
  return html`<h1>${o.heading}</h1>
${errorSummary(o.state.errors, ENGAGEMENT_FORM_LABELS)}
<dl class="meta"><dt>编号</dt><dd>${o.id}</dd><dt>机构</dt><dd>${o.organizationName}</dd></dl>
${o.facts}
${o.canManage
  ? html`<form method="post" action="/console/engagement/${o.kind}/${o.id}" novalidate aria-label="修改">
${csrfField(o.csrf)}
<input type="hidden" name="expectedUpdatedAt" value="${o.expectedUpdatedAt}">
${formError('', o.state)}
${fields}
<button type="submit">保存</button>
</form>
<form method="post" action="/console/engagement/${o.kind}/${o.id}/delete" aria-label="删除">
${csrfField(o.csrf)}
<button type="submit">删除本记录</button>
</form>`
  : ''}
<p><a href="/console/audit?entityType=${entityType}&amp;entityId=${o.id}">查看审计记录</a> · <a href="/console/engagement">返回列表</a></p>`;
}

/** The facts shown above an interpretation's edit form: the policy and the timeliness. */
export function interpretationFacts(r: InterpretationView): SafeHtml {
  return html`<dl class="meta"><dt>被解读的政策文件</dt><dd>${r.policy.status === 'published' ? html`<a href="/items/${r.policy.id}">${r.policy.title}</a>` : r.policy.title}（${r.policy.indexNumber ?? `编号 ${r.policy.id}`}，发布日期 ${r.policy.publicationDate ?? '未发布'}）</dd>
<dt>及时性</dt><dd>${timelinessText(r.timeliness)}</dd>
${r.interpretationItem ? html`<dt>解读信息</dt><dd>${r.interpretationItem.title}</dd>` : ''}</dl>`;
}

/** The facts shown above a press event's edit form: its linked items. */
export function pressEventFacts(r: PressEventRecord): SafeHtml {
  if (r.items.length === 0) return html``;
  return html`<h2>关联信息</h2><ul>${r.items.map((i) => html`<li>${i.id}：${i.title}${i.indexNumber ? html`（${i.indexNumber}）` : ''}</li>`)}</ul>`;
}
