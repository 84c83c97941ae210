/**
 * Console pages of mailbox messages (Chinese, no JavaScript): the queue with its filters, due
 * dates (overdue ones in red) and the reply-period settings, and one message with the assign,
 * reply and publish forms. Pure rendering: routes pass in what they loaded and what the user may do.
 */
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { csrfField, errorSummary, selectField, textAreaField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { MESSAGE_LIMITS, MESSAGE_REPLY_DAYS_RANGE, MESSAGE_STATUS_NAMES_ZH, MESSAGE_STATUSES } from './message.ts';
import type { AssignableUser, MessageOrganization } from './message.repository.ts';
import type { MessageView } from './message.service.ts';

/** Labels of the console forms' fields (the error summary links to each). */
export const MESSAGE_CONSOLE_LABELS: Readonly<Record<string, string>> = {
  form: '表单',
  userId: '承办人',
  reply: '回复内容',
  publicSubject: '公开标题',
  publicBody: '公开内容',
  organizationId: '机关',
  replyDays: '办理期限（工作日）',
};

function dueCell(v: MessageView): SafeHtml {
  return v.overdue ? html`<span class="late">${v.message.dueOn}（已逾期）</span>` : html`${v.message.dueOn}`;
}

/** The queue (GET /console/messages): filters, the messages, and the reply-period settings for those who may configure. */
export function messageQueuePage(o: {
  csrf: string;
  messages: readonly MessageView[];
  organizations: readonly MessageOrganization[];
  filter: { organizationId: string; status: string; overdue: boolean };
  settings: { organizations: readonly MessageOrganization[]; defaultDays: number; values: Record<string, string>; errors: FieldErrors } | null;
}): SafeHtml {
  const f = o.filter;
  return html`<h1>留言办理</h1>
<form method="get" action="/console/messages" aria-label="筛选">
${selectField({ name: 'organizationId', label: '机关（含下级机关）', value: f.organizationId, options: [{ value: '', label: '本人管辖的全部机关' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${selectField({ name: 'status', label: '状态', value: f.status, options: [{ value: '', label: '全部' }, ...MESSAGE_STATUSES.map((s) => ({ value: s, label: MESSAGE_STATUS_NAMES_ZH[s] }))] })}
<div class="field"><input id="overdue" name="overdue" type="checkbox" value="1"${f.overdue ? html` checked` : ''}> <label for="overdue" style="display:inline">只看已逾期</label></div>
<button type="submit">筛选</button>
</form>
${o.messages.length === 0
    ? html`<p>没有符合条件的留言。</p>`
    : html`<table id="message-queue"><caption>共 ${o.messages.length} 条，按办理期限排列</caption>
<thead><tr><th scope="col">标题</th><th scope="col">机关</th><th scope="col">留言人</th><th scope="col">收到日期</th><th scope="col">办理期限</th><th scope="col">状态</th></tr></thead>
<tbody>${o.messages.map(
        (v) => html`<tr><th scope="row"><a href="/console/messages/${v.message.id}">${v.message.subject}</a><br><span class="hint">${v.message.trackingCode}</span></th><td>${v.organization.name}</td><td>${v.message.writerName}</td><td>${v.message.receivedOn}</td><td>${dueCell(v)}</td><td>${MESSAGE_STATUS_NAMES_ZH[v.message.status]}</td></tr>`,
      )}</tbody></table>`}
${o.settings ? settingsSection(o.csrf, o.settings) : ''}`;
}

function settingsSection(csrf: string, s: { organizations: readonly MessageOrganization[]; defaultDays: number; values: Record<string, string>; errors: FieldErrors }): SafeHtml {
  return html`<h2 id="settings">办理期限设置</h2>
<p>留言应在收到后若干个工作日内回复（自收到次日起算）。未设置的机关使用本系统默认的 ${s.defaultDays} 个工作日（地方规定，国家层面没有统一期限）。修改只影响此后收到的留言。</p>
<table><caption>各机关的办理期限</caption><thead><tr><th scope="col">机关</th><th scope="col">办理期限（工作日）</th></tr></thead>
<tbody>${s.organizations.map((org) => html`<tr><th scope="row">${org.name}</th><td>${org.messageReplyDays ?? html`${s.defaultDays}（默认）`}</td></tr>`)}</tbody></table>
${errorSummary(s.errors, MESSAGE_CONSOLE_LABELS)}
<form method="post" action="/console/messages/settings" id="settings-form">
${csrfField(csrf)}
${selectField({ name: 'organizationId', label: MESSAGE_CONSOLE_LABELS['organizationId'] ?? '', value: s.values['organizationId'] ?? '', error: s.errors['organizationId'], options: s.organizations.map((org) => ({ value: String(org.id), label: org.name })) })}
${textField({ name: 'replyDays', label: MESSAGE_CONSOLE_LABELS['replyDays'] ?? '', value: s.values['replyDays'] ?? '', error: s.errors['replyDays'], hint: `${MESSAGE_REPLY_DAYS_RANGE.min}–${MESSAGE_REPLY_DAYS_RANGE.max} 的整数；留空则使用默认期限` })}
<button type="submit">保存办理期限</button>
</form>`;
}

/** One message (GET /console/messages/{id}) with the forms the user may use. */
export function messageDetailPage(o: {
  csrf: string;
  view: MessageView;
  users: readonly AssignableUser[];
  canHandle: boolean;
  canPublish: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
}): SafeHtml {
  const m = o.view.message;
  const unanswered = m.status === 'received' || m.status === 'assigned';
  const assignee = o.users.find((u) => u.id === m.assignedTo);
  const v = (name: string, fallback = ''): string => o.values[name] ?? fallback;
  return html`<h1>留言：${m.subject}</h1>
${errorSummary(o.errors, MESSAGE_CONSOLE_LABELS)}
<dl class="meta">
<dt>查询码</dt><dd>${m.trackingCode}</dd>
<dt>机关</dt><dd>${o.view.organization.name}</dd>
<dt>状态</dt><dd id="status">${MESSAGE_STATUS_NAMES_ZH[m.status]}</dd>
<dt>收到</dt><dd>${chinaTime(m.receivedAt)}</dd>
<dt>办理期限</dt><dd id="due-on">${dueCell(o.view)}</dd>
<dt>留言人</dt><dd>${m.writerName}${o.view.masked ? html` <span class="hint">（个人信息已隐去）</span>` : ''}</dd>
<dt>联系方式</dt><dd>${m.writerContact}</dd>
<dt>同意公开</dt><dd>${m.publishConsent ? '是' : '否'}</dd>
<dt>承办人</dt><dd>${assignee ? assignee.displayName : m.assignedTo !== null ? `用户 ${m.assignedTo}` : '未指定'}</dd>
</dl>
<h2>留言内容</h2>
<div style="white-space:pre-wrap">${m.body}</div>
${m.reply !== null ? html`<h2>回复</h2><p class="hint">${m.repliedOn ?? ''} 回复</p><div id="reply-text" style="white-space:pre-wrap">${m.reply}</div>` : ''}
${m.status === 'published' ? html`<h2>公开的内容</h2><p><a href="/messages/${m.id}">在门户网站查看</a>（${chinaTime(m.publishedAt)} 公开）</p>` : ''}
${o.canHandle && unanswered
    ? html`<h2>指定承办人</h2>
<form method="post" action="/console/messages/${m.id}/assign" id="assign-form">
${csrfField(o.csrf)}
${selectField({ name: 'userId', label: MESSAGE_CONSOLE_LABELS['userId'] ?? '', value: v('userId', m.assignedTo !== null ? String(m.assignedTo) : ''), error: o.errors['userId'], options: [{ value: '', label: '请选择' }, ...o.users.map((u) => ({ value: String(u.id), label: u.displayName }))] })}
<button type="submit">指定</button>
</form>
<h2>回复</h2>
<form method="post" action="/console/messages/${m.id}/reply" id="reply-form">
${csrfField(o.csrf)}
${textAreaField({ name: 'reply', label: MESSAGE_CONSOLE_LABELS['reply'] ?? '', value: v('reply'), error: o.errors['reply'], hint: `不超过 ${MESSAGE_LIMITS.reply} 个字；回复日期为今天，回复后不能修改。`, rows: 8 })}
<button type="submit">提交回复</button>
</form>`
    : ''}
${o.canPublish && m.status === 'replied'
    ? m.publishConsent
      ? html`<h2>公开</h2>
<p>公开前请删去标题和内容中的个人信息（姓名、电话、住址、身份证号码等）。留言人姓名在门户网站上只显示姓氏。</p>
<form method="post" action="/console/messages/${m.id}/publish" id="publish-form">
${csrfField(o.csrf)}
${textField({ name: 'publicSubject', label: MESSAGE_CONSOLE_LABELS['publicSubject'] ?? '', value: v('publicSubject', m.subject), error: o.errors['publicSubject'] })}
${textAreaField({ name: 'publicBody', label: MESSAGE_CONSOLE_LABELS['publicBody'] ?? '', value: v('publicBody', m.body), error: o.errors['publicBody'], rows: 8 })}
<button type="submit">公开留言和回复</button>
</form>`
      : html`<p class="hint">留言人未同意公开，本留言不能公开。</p>`
    : ''}
<p><a href="/console/messages">返回留言列表</a></p>`;
}
