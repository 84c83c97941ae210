/**
 * Markup of the public mailbox pages (Chinese, no JavaScript): the list of published exchanges with
 * each organization's reply figures (/messages), the form (/messages/new), the confirmation with the
 * tracking code, the tracking page and one published exchange. Built with `html` only; the pages
 * show no personal data except the writer's masked name on a published exchange.
 */
import { csrfField, errorSummary } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { Organization } from '../organizations/organization.ts';
import { HUMAN_CHECK_FIELDS } from '../requests/human-check.ts';
import { organizationGroups } from '../requests/request-portal.views.ts';
import { MESSAGE_LIMITS, MESSAGE_STATUS_NAMES_ZH } from './message.ts';
import { formatAverageDays, formatReplyRate } from './message-statistics.ts';
import type { PublishedMessageRow } from './message.repository.ts';
import type { SubmittedMessage } from './message.service.ts';
import type { MessageTracking, PublishedMessagePage } from './message-portal.service.ts';

/** The form's fields, in the order they are shown. */
export const MESSAGE_FORM_FIELDS = ['organizationId', 'subject', 'body', 'writerName', 'writerContact', 'publishConsent'] as const;
/** A field of the form. */
export type MessageFormField = (typeof MESSAGE_FORM_FIELDS)[number];
/** The form's values as posted (strings; absent = empty). */
export type MessageFormValues = Partial<Record<MessageFormField, string>>;

/** Labels of the form's fields (the error summary links to each). */
export const MESSAGE_FORM_LABELS: Readonly<Record<string, string>> = {
  organizationId: '留言机关',
  subject: '留言标题',
  body: '留言内容',
  writerName: '姓名',
  writerContact: '联系电话或电子邮箱',
  publishConsent: '同意公开',
  [HUMAN_CHECK_FIELDS.answer]: '验证问题',
  form: '表单',
};

/** What the form shows. */
export interface MessageFormModel {
  csrf: string;
  organizations: readonly Organization[];
  values: MessageFormValues;
  errors: FieldErrors;
  question: string;
  token: string;
}

function describedBy(name: string, hint: boolean, error: boolean): SafeHtml | '' {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter((s) => s !== '').join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

function head(name: string, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`<label for="${name}">${MESSAGE_FORM_LABELS[name] ?? name} <span aria-hidden="true">*</span></label>
${hint ? html`<div class="hint" id="${name}-hint">${hint}</div>` : ''}${error ? html`<div class="field-error" id="${name}-error">${error}</div>` : ''}`;
}

function input(m: MessageFormModel, name: MessageFormField, hint: string, extra: SafeHtml | '' = ''): SafeHtml {
  const error = m.errors[name];
  return html`<div class="field">${head(name, hint, error)}<input id="${name}" name="${name}" type="text" value="${m.values[name] ?? ''}" required${extra}${describedBy(name, true, Boolean(error))}${error ? html` aria-invalid="true"` : ''}></div>`;
}

/** The message form (GET/POST /messages/new): fields, consent (unchecked by default), the human check, a hidden honeypot, the CSRF token. */
export function messageFormBody(m: MessageFormModel): SafeHtml {
  const orgError = m.errors['organizationId'];
  const bodyError = m.errors['body'];
  const answerError = m.errors[HUMAN_CHECK_FIELDS.answer];
  const chosen = m.values.organizationId ?? '';
  return html`<h1>我要留言</h1>
<p>您可以就政府工作提出咨询、意见和建议。留言提交后您将获得一个查询码，凭查询码可查询办理进度和回复内容。</p>
<p>标有星号（*）的为必填项。您的姓名和联系方式仅用于办理留言，不会公开；网站公开留言时姓名只显示姓氏（如“张**”）。</p>
${errorSummary(m.errors, MESSAGE_FORM_LABELS)}
<form method="post" action="/messages/new" novalidate>
${csrfField(m.csrf)}
<fieldset><legend>留言</legend>
<div class="field">${head('organizationId', '请选择您要留言的机关。', orgError)}<select id="organizationId" name="organizationId" required${describedBy('organizationId', true, Boolean(orgError))}${orgError ? html` aria-invalid="true"` : ''}>
<option value="">请选择</option>${organizationGroups(m.organizations).map(
    (g) => html`<optgroup label="${g.label}">${g.options.map((opt) => html`<option value="${opt.value}"${opt.value === chosen ? html` selected` : ''}>${opt.label}</option>`)}</optgroup>`,
  )}</select></div>
${input(m, 'subject', `不超过 ${MESSAGE_LIMITS.subject} 个字。`, html` maxlength="${MESSAGE_LIMITS.subject}"`)}
<div class="field">${head('body', `不超过 ${MESSAGE_LIMITS.body} 个字。请勿在留言内容中填写身份证号码等个人信息。`, bodyError)}<textarea id="body" name="body" rows="8" maxlength="${MESSAGE_LIMITS.body}" required${describedBy('body', true, Boolean(bodyError))}${bodyError ? html` aria-invalid="true"` : ''}>${m.values.body ?? ''}</textarea></div>
</fieldset>
<fieldset><legend>留言人信息</legend>
${input(m, 'writerName', '不会公开。', html` autocomplete="name"`)}
${input(m, 'writerContact', '手机号码、固定电话或电子邮箱，不会公开。', html` autocomplete="tel"`)}
<div class="field"><input id="publishConsent" name="publishConsent" type="checkbox" value="1"${m.values.publishConsent === '1' ? html` checked` : ''} aria-describedby="publishConsent-hint"> <label for="publishConsent" style="display:inline">同意公开</label><div class="hint" id="publishConsent-hint">勾选即表示您同意在网站上公开本留言及回复（姓名只显示姓氏，联系方式不公开；工作人员可删去其中的个人信息）。不勾选的，留言和回复不会公开。</div></div>
</fieldset>
<fieldset><legend>验证</legend>
<input type="hidden" name="${HUMAN_CHECK_FIELDS.token}" value="${m.token}">
<div class="field"><label for="${HUMAN_CHECK_FIELDS.answer}">验证问题：<span id="human-check-question">${m.question}</span> <span aria-hidden="true">*</span></label>
<div class="hint" id="${HUMAN_CHECK_FIELDS.answer}-hint">请用阿拉伯数字或汉字填写计算结果。</div>${answerError ? html`<div class="field-error" id="${HUMAN_CHECK_FIELDS.answer}-error">${answerError}</div>` : ''}<input id="${HUMAN_CHECK_FIELDS.answer}" name="${HUMAN_CHECK_FIELDS.answer}" type="text" inputmode="numeric" autocomplete="off" required aria-describedby="${HUMAN_CHECK_FIELDS.answer}-hint${answerError ? ` ${HUMAN_CHECK_FIELDS.answer}-error` : ''}"${answerError ? html` aria-invalid="true"` : ''}></div>
<div aria-hidden="true" style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden"><label for="${HUMAN_CHECK_FIELDS.honeypot}">请勿填写此项</label><input id="${HUMAN_CHECK_FIELDS.honeypot}" name="${HUMAN_CHECK_FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off" value=""></div>
</fieldset>
<p><button type="submit">提交留言</button></p>
</form>
<p>已经留过言？请到<a href="/messages/track">留言查询</a>页面凭查询码查询办理进度。</p>`;
}

/** The confirmation after submitting: the tracking code in large type and the reply deadline. */
export function messageSubmittedBody(s: SubmittedMessage): SafeHtml {
  return html`<h1>留言已提交</h1>
<p class="notice" role="status">您的留言已提交，${s.organizationName}已收到。</p>
<p>您的查询码（请妥善保存）：</p>
<p style="font-size:2em;font-weight:bold;letter-spacing:.1em" id="tracking-code">${s.trackingCode}</p>
<p><strong>请务必记下或保存此查询码。</strong>查询码是查询办理进度和回复内容的唯一凭证。</p>
<dl class="meta">
<dt>留言机关</dt><dd>${s.organizationName}</dd>
<dt>收到日期</dt><dd>${s.receivedOn}</dd>
<dt>办理期限</dt><dd id="due-on">${s.dueOn}</dd>
</dl>
<p><a href="/messages/track?code=${encodeURIComponent(s.trackingCode)}">查看办理进度</a></p>`;
}

/** The tracking form, with a 未找到 message when a code was not found. */
export function messageTrackFormBody(o: { code: string; notFound: boolean }): SafeHtml {
  return html`<h1>留言查询</h1>
${o.notFound ? html`<div class="error" role="alert"><p>未找到与该查询码对应的留言。请核对查询码（格式如 ABCD-EFGH-JKLM，不区分大小写）后重试。</p></div>` : ''}
<form method="get" action="/messages/track">
<div class="field"><label for="code">查询码</label><div class="hint" id="code-hint">提交留言时获得的查询码，例如 ABCD-EFGH-JKLM。</div><input id="code" name="code" type="text" value="${o.code}" autocomplete="off" required aria-describedby="code-hint"${o.notFound ? html` aria-invalid="true"` : ''}></div>
<p><button type="submit">查询</button></p>
</form>`;
}

/** The tracking result: status, dates and the reply; no personal data. */
export function messageTrackingBody(t: MessageTracking): SafeHtml {
  return html`<h1>留言办理进度</h1>
<dl class="meta">
<dt>查询码</dt><dd>${t.trackingCode}</dd>
<dt>留言机关</dt><dd>${t.organizationName}</dd>
<dt>收到日期</dt><dd>${t.receivedOn}</dd>
<dt>办理期限</dt><dd>${t.dueOn}</dd>
<dt>办理状态</dt><dd id="status">${MESSAGE_STATUS_NAMES_ZH[t.status]}</dd>
<dt>回复日期</dt><dd id="replied-on">${t.repliedOn ?? '尚未回复'}</dd>
</dl>
${t.reply !== null ? html`<h2>回复内容</h2><div id="reply" style="white-space:pre-wrap">${t.reply}</div>` : ''}
${t.publishedId !== null ? html`<p><a href="/messages/${t.publishedId}">查看公开的留言</a></p>` : ''}
<p><a href="/messages/track">查询其他留言</a></p>`;
}

/** The portal list: the year's figures per organization, the filter, the published exchanges and the pages. */
export function messageListBody(p: PublishedMessagePage, organizationId: number | undefined): SafeHtml {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (page: number): string => `/messages?${organizationId !== undefined ? `organizationId=${organizationId}&` : ''}page=${page}`;
  return html`<h1>咨询留言</h1>
<p><a class="button" href="/messages/new${organizationId !== undefined ? `?organizationId=${organizationId}` : ''}">我要留言</a> <a href="/messages/track">留言查询</a></p>
<h2>${p.year} 年留言办理情况</h2>
${p.figures.length === 0
    ? html`<p>本年度尚未收到留言。</p>`
    : html`<table id="reply-figures"><caption>${p.year} 年 1 月 1 日以来收到的留言（回复率 = 已回复 ÷ 收到）</caption>
<thead><tr><th scope="col">机关</th><th scope="col">收到</th><th scope="col">已回复</th><th scope="col">按期回复</th><th scope="col">回复率</th><th scope="col">平均回复用时（天）</th><th scope="col">平均回复用时（工作日）</th></tr></thead>
<tbody>${p.figures.map((f) => html`<tr><th scope="row">${f.organizationName}</th><td>${f.statistics.received}</td><td>${f.statistics.replied}</td><td>${f.statistics.repliedOnTime}</td><td>${formatReplyRate(f.statistics.replyRate)}</td><td>${formatAverageDays(f.statistics.averageReplyDays)}</td><td>${formatAverageDays(f.statistics.averageReplyWorkingDays)}</td></tr>`)}</tbody></table>`}
<h2>公开的留言</h2>
<form method="get" action="/messages">
<div class="field"><label for="organizationId">机关</label><select id="organizationId" name="organizationId"><option value="">全部机关</option>${p.organizations.map(
    (o) => html`<option value="${String(o.id)}"${o.id === organizationId ? html` selected` : ''}>${o.name}</option>`,
  )}</select></div>
<button type="submit">筛选</button>
</form>
${p.rows.length === 0
    ? html`<p>没有公开的留言。</p>`
    : html`<ul id="published-messages">${p.rows.map(
        (r) => html`<li><a href="/messages/${r.id}">${r.publicSubject}</a> <span class="hint">${r.organizationName} · 留言 ${r.receivedOn} · 回复 ${r.repliedOn}</span></li>`,
      )}</ul>`}
${pages > 1
    ? html`<nav aria-label="分页"><p>第 ${p.page} / ${pages} 页 ${p.page > 1 ? html`<a href="${link(p.page - 1)}" rel="prev">上一页</a>` : ''} ${p.page < pages ? html`<a href="${link(p.page + 1)}" rel="next">下一页</a>` : ''}</p></nav>`
    : ''}`;
}

/** One published exchange: the message (as published) and the reply. */
export function publishedMessageBody(r: PublishedMessageRow): SafeHtml {
  return html`<h1>${r.publicSubject}</h1>
<dl class="meta">
<dt>留言人</dt><dd id="writer">${r.writerName}</dd>
<dt>留言机关</dt><dd>${r.organizationName}</dd>
<dt>留言日期</dt><dd>${r.receivedOn}</dd>
<dt>回复日期</dt><dd>${r.repliedOn}</dd>
</dl>
<h2>留言内容</h2>
<div id="message-body" style="white-space:pre-wrap">${r.publicBody}</div>
<h2>回复内容</h2>
<div id="reply" style="white-space:pre-wrap">${r.reply}</div>
<p><a href="/messages">返回留言列表</a></p>`;
}
