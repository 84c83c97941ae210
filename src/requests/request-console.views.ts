/**
 * Pages of the staff console's requests (依申请公开): the queue with its tabs and in-app reminders,
 * and the registration form for a request received by any channel. Pure rendering: the routes pass
 * in what they loaded; the services check every permission again.
 */
import { csrfField, errorSummary } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { receiptRule } from './receipt-date.ts';
import { CASE_STATUS_NAMES_ZH, CHANNELS, CHANNEL_NAMES_ZH, DELIVERY_FORMS, DELIVERY_FORM_NAMES_ZH, DELIVERY_METHODS, DELIVERY_METHOD_NAMES_ZH, ID_KINDS, ID_KIND_NAMES_ZH, OPEN_STATUSES, REQUESTER_TYPES, REQUESTER_TYPE_NAMES_ZH } from './request-case.ts';
import { choiceField, inputField, textAreaField, truncateText } from './request-console-fields.ts';
import type { QueueFilter } from './request.repository.ts';
import { REQUEST_FIELD_LABELS_ZH } from './request.schema.ts';
import type { QueuePage } from './request.service.ts';
import { citationZh } from './citation.ts';

/** The queue tabs in order, with their Chinese names. */
export const QUEUE_TABS: readonly { filter: QueueFilter; nameZh: string }[] = [
  { filter: 'open', nameZh: '办理中' },
  { filter: 'due-soon', nameZh: '即将到期' },
  { filter: 'overdue', nameZh: '已逾期' },
  { filter: 'waiting-requester', nameZh: '等待申请人' },
  { filter: 'waiting-third-party', nameZh: '等待第三方' },
  { filter: 'answered', nameZh: '已答复' },
  { filter: 'closed', nameZh: '已办结' },
  { filter: 'all', nameZh: '全部' },
];

/** An organization offered in a select. */
export interface OrganizationChoice {
  id: number;
  name: string;
}

/** What the queue page shows. */
export interface QueuePageModel {
  queue: QueuePage;
  filter: QueueFilter;
  organizationId: number | null;
  /** The organizations whose requests the user may read (the filter's choices). */
  organizations: readonly OrganizationChoice[];
  page: number;
  pageSize: number;
  /** Working days from today to each open case's deadline (negative: overdue), by case id; absent when unknown. */
  workingDaysLeft: ReadonlyMap<number, number>;
  canRegister: boolean;
}

function queueUrl(filter: QueueFilter, organizationId: number | null, page = 1): string {
  const params = new URLSearchParams({ filter });
  if (organizationId !== null) params.set('organizationId', String(organizationId));
  if (page > 1) params.set('page', String(page));
  return `/console/requests?${params.toString()}`;
}

/** `剩余 3 个工作日` / `今日到期` / `已逾期 2 个工作日`, for an open case's deadline. */
export function remainingZh(left: number, finalDue: string, today: string): string {
  if (today > finalDue) return left < 0 ? `已逾期 ${-left} 个工作日` : '已逾期';
  if (left <= 0) return '今日到期';
  return `剩余 ${left} 个工作日`;
}

function deadlineCell(row: QueuePage['rows'][number], m: QueuePageModel): SafeHtml {
  if (!row.finalDue) {
    // An undecided case without a deadline that is not waiting for a clarification runs into a year the calendar lacks.
    const gap = row.status === 'processing' || row.status === 'in-consultation' || row.status === 'awaiting-fee';
    return html`<td>${row.status === 'awaiting-clarification' ? '等待补正，暂停计算' : gap ? html`<span class="overdue">暂无法计算</span><br><span class="hint">工作日历缺少所需年度，<a href="/console/calendar">请录入</a></span>` : '—'}</td>`;
  }
  const open = OPEN_STATUSES.includes(row.status);
  const overdue = open && row.finalDue < m.queue.today;
  const left = m.workingDaysLeft.get(row.id);
  const extra = open && left !== undefined ? html`<br><span${overdue ? html` class="late"` : ''}>${remainingZh(left, row.finalDue, m.queue.today)}</span>` : '';
  return html`<td>${overdue ? html`<span class="late">${row.finalDue}</span>` : row.finalDue}${extra}</td>`;
}

function reminders(m: QueuePageModel): SafeHtml {
  const overdue = m.queue.counts.overdue;
  const dueSoon = m.queue.counts['due-soon'];
  const items: SafeHtml[] = [];
  if (overdue > 0) items.push(html`<li><a href="${queueUrl('overdue', m.organizationId)}"><strong class="late">${overdue} 件申请已超过答复期限</strong></a>，请尽快答复。</li>`);
  if (dueSoon > 0) items.push(html`<li><a href="${queueUrl('due-soon', m.organizationId)}"><strong>${dueSoon} 件申请将于 ${m.queue.dueSoonUntil} 前到期</strong></a>。</li>`);
  return html`<section class="reminders" aria-labelledby="reminders-heading"><h2 id="reminders-heading">到期提醒</h2>
${items.length > 0 ? html`<ul>${items}</ul>` : html`<p>没有已逾期或即将到期的申请。</p>`}</section>`;
}

function tabs(m: QueuePageModel): SafeHtml {
  const counts = m.queue.counts as Partial<Record<QueueFilter, number>>;
  return html`<nav aria-label="办理队列"><ul class="pager" style="list-style:none;padding:0">${QUEUE_TABS.map((t) => {
    const count = counts[t.filter] ?? (t.filter === m.filter ? m.queue.total : undefined);
    const label = `${t.nameZh}${count !== undefined ? `（${count}）` : ''}`;
    return html`<li><a href="${queueUrl(t.filter, m.organizationId)}"${t.filter === m.filter ? html` aria-current="page"><strong>${label}</strong>` : html`>${label}`}</a></li>`;
  })}</ul></nav>`;
}

/** The queue (GET /console/requests). */
export function queuePage(m: QueuePageModel): SafeHtml {
  const current = QUEUE_TABS.find((t) => t.filter === m.filter)?.nameZh ?? '';
  const pages = Math.max(1, Math.ceil(m.queue.total / m.pageSize));
  const rows = m.queue.rows;
  return html`<h1>依申请公开</h1>
${m.canRegister ? html`<p><a class="button" href="/console/requests/new">登记申请</a></p>` : ''}
${reminders(m)}
${tabs(m)}
<form method="get" action="/console/requests" aria-label="按机关筛选">
<input type="hidden" name="filter" value="${m.filter}">
${choiceField({ id: 'organizationId', name: 'organizationId', label: '受理机关', value: m.organizationId === null ? '' : String(m.organizationId), options: [{ value: '', label: '本人管辖的全部机关' }, ...m.organizations.map((o) => ({ value: String(o.id), label: o.name }))] })}
<button type="submit">筛选</button>
</form>
${rows.length === 0
  ? html`<p>${current}：暂无申请。</p>`
  : html`<table><caption>${current}：共 ${m.queue.total} 件，第 ${m.page} / ${pages} 页（今天是 ${m.queue.today}）</caption>
<thead><tr><th scope="col">查询码</th><th scope="col">受理机关</th><th scope="col">申请人</th><th scope="col">类型</th><th scope="col">收到日期</th><th scope="col">申请内容</th><th scope="col">状态</th><th scope="col">答复期限</th></tr></thead>
<tbody>${rows.map(
      (r) => html`<tr><th scope="row"><a href="/console/requests/${r.id}">${r.trackingCode}</a></th><td>${r.organizationName}</td><td>${r.requesterName}</td><td>${REQUESTER_TYPE_NAMES_ZH[r.requesterType]}</td>
<td>${r.receivedOn}</td><td>${truncateText(r.informationRequested, 40)}</td><td>${CASE_STATUS_NAMES_ZH[r.status]}</td>${deadlineCell(r, m)}</tr>`,
    )}</tbody></table>`}
<p class="pager">${m.page > 1 ? html`<a href="${queueUrl(m.filter, m.organizationId, m.page - 1)}">上一页</a>` : ''}${m.page < pages ? html`<a href="${queueUrl(m.filter, m.organizationId, m.page + 1)}">下一页</a>` : ''}</p>`;
}

/** Labels of the registration form's fields (the error summary links to each). */
export const NEW_CASE_LABELS: Record<string, string> = { ...REQUEST_FIELD_LABELS_ZH, form: '表单' };

/** Which dates each channel needs, printed beside the channel choice. */
function receiptRules(today: string): SafeHtml {
  const needs = (channel: (typeof CHANNELS)[number]): string => {
    const rule = receiptRule(channel, today);
    return rule.dateCounts === 'signed' ? '提交日期、签收日期' : rule.dateCounts === 'confirmed' ? '提交日期、确认日期' : '提交日期';
  };
  return html`<table id="receipt-rules"><caption>各申请方式的“收到申请之日”（《条例》第三十一条）</caption>
<thead><tr><th scope="col">申请方式</th><th scope="col">收到申请之日</th><th scope="col">须填写</th><th scope="col">依据</th></tr></thead>
<tbody>${CHANNELS.map((c) => {
    const rule = receiptRule(c, today);
    return html`<tr><th scope="row">${CHANNEL_NAMES_ZH[c]}</th><td>${rule.ruleZh}${rule.unverified ? html`（本项适用系推断，待核实）` : ''}</td><td>${needs(c)}</td><td>${citationZh(rule.source)}</td></tr>`;
  })}</tbody></table>`;
}

/** The registration form (GET /console/requests/new); `values` are the form's strings by field name. */
export function newCasePage(o: { csrf: string; values: Record<string, string>; errors: FieldErrors; organizations: readonly OrganizationChoice[]; today: string }): SafeHtml {
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  const L = REQUEST_FIELD_LABELS_ZH;
  const f = (name: string, extra: { type?: 'text' | 'date' | 'tel' | 'email'; hint?: string | SafeHtml; required?: boolean } = {}): SafeHtml =>
    inputField({ id: name, name, label: L[name] ?? name, value: v(name), error: e(name), ...extra });
  const choose = (name: string, options: readonly { value: string; label: string }[], blank?: string): SafeHtml =>
    choiceField({ id: name, name, label: L[name] ?? name, value: v(name), error: e(name), options: blank !== undefined ? [{ value: '', label: blank }, ...options] : options });
  return html`<h1>登记政府信息公开申请</h1>
${errorSummary(o.errors, NEW_CASE_LABELS)}
<p class="hint">登记当面、邮寄、传真、互联网、电子邮件等渠道收到的申请。带 * 的为必填项。</p>
<form method="post" action="/console/requests" novalidate>
${csrfField(o.csrf)}
${o.errors['form'] ? html`<p class="field-error" id="form">${o.errors['form']}</p>` : ''}
${choose('organizationId', o.organizations.map((org) => ({ value: String(org.id), label: org.name })), '请选择')}
<fieldset><legend>申请人</legend>
${choose('requesterType', REQUESTER_TYPES.map((t) => ({ value: t, label: REQUESTER_TYPE_NAMES_ZH[t] })), '请选择')}
${f('requesterName', { required: true, hint: '自然人填写姓名；法人或其他组织填写全称' })}
${choose('requesterIdKind', ID_KINDS.map((k) => ({ value: k, label: ID_KIND_NAMES_ZH[k] })), '（未提供）')}
${f('requesterIdNumber')}
${f('contactName', { hint: '法人或其他组织的联系人' })}
${f('phone', { type: 'tel' })}
${f('email', { type: 'email' })}
${f('address')}
${f('postcode', { hint: '6 位数字' })}
</fieldset>
<fieldset><legend>申请方式与收到申请之日</legend>
${choiceField({ id: 'channel', name: 'channel', label: L['channel'] ?? 'channel', value: v('channel'), error: e('channel'), hint: '收到申请之日依申请方式确定，见下表；答复期限自收到申请之日的次日起算', options: [{ value: '', label: '请选择' }, ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_NAMES_ZH[c] }))] })}
${receiptRules(o.today)}
${f('submittedOn', { type: 'date', required: true, hint: '申请人提交（寄出、发送）申请的日期；当面提交的，即为收到申请之日' })}
${f('signedOn', { type: 'date', hint: '挂号信函等需要签收的邮件：本机关签收的日期（该日为收到申请之日）' })}
${f('confirmedOn', { type: 'date', hint: '平常信函（应于收到当日与申请人确认）、传真、互联网、电子邮件：与申请人确认的日期（该日为收到申请之日）' })}
</fieldset>
<fieldset><legend>申请内容</legend>
${textAreaField({ id: 'informationRequested', name: 'informationRequested', label: L['informationRequested'] ?? '', value: v('informationRequested'), error: e('informationRequested'), required: true, rows: 5 })}
${textAreaField({ id: 'purpose', name: 'purpose', label: L['purpose'] ?? '', value: v('purpose'), error: e('purpose') })}
${choose('deliveryForm', DELIVERY_FORMS.map((d) => ({ value: d, label: DELIVERY_FORM_NAMES_ZH[d] })), '请选择')}
${choose('deliveryMethod', DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_METHOD_NAMES_ZH[d] })), '请选择')}
</fieldset>
<button type="submit">登记</button>
</form>
<p><a href="/console/requests">返回办理队列</a></p>`;
}
