/**
 * The case page of the requests console (GET /console/requests/:id): requester (masked for staff
 * without personal-data rights), the request, status and outcome, the deadline in large type with
 * how it was computed (explanation steps, excluded intervals, notable days), the timeline of
 * events, the documents to download and the action forms. Pure rendering.
 */
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { NotableDay } from './reply-deadline.ts';
import { actionForms, CONSULTED_PARTY_NAMES_ZH, FEE_METHOD_NAMES_ZH, OPINION_NAMES_ZH } from './request-console-actions.views.ts';
import type { ActionFormsModel } from './request-console-actions.views.ts';
import type { CaseDocument } from './request-console-documents.ts';
import { DEFAULT_CONCERN_ZH } from './request-console-documents.ts';
import { remainingZh } from './request-console.views.ts';
import { CASE_STATUS_NAMES_ZH, CHANNEL_NAMES_ZH, DELIVERY_FORM_NAMES_ZH, DELIVERY_METHOD_NAMES_ZH, ID_KIND_NAMES_ZH, REQUESTER_TYPE_NAMES_ZH } from './request-case.ts';
import { REQUEST_EVENT_NAMES_ZH } from './request-event.ts';
import type { LoggedEvent } from './request-event.ts';
import { ANSWER_DETAIL_NAMES_ZH, outcomeById } from './request-outcome.ts';
import { receiptRule } from './receipt-date.ts';
import type { CaseView } from './request.service.ts';
import { REQUEST_ATTACHMENT_KIND_NAMES_ZH, REQUEST_ATTACHMENT_KINDS } from './request-attachment.service.ts';
import { citationZh } from './citation.ts';

/** What the case page shows. */
export interface CasePageModel extends ActionFormsModel {
  documents: readonly CaseDocument[];
  /** Whether the viewer may record events and upload files (requests.handle on the case's organization). */
  canHandle: boolean;
  /** Why the last upload was refused. */
  attachmentError?: string | undefined;
  /** Why the last action was refused (shown at the top), when it was. */
  refusalZh?: string | undefined;
}

/** Chinese names of the kinds of notable day. */
export const NOTABLE_DAY_NAMES_ZH: Record<NotableDay['kind'], string> = {
  holiday: '法定节假日（工作日放假，不计入）',
  workday: '调休上班日（周末上班，计入）',
  excluded: '不计入答复期限（征求意见或收费期间）',
};

function row(label: string, value: SafeHtml | string | null | undefined): SafeHtml {
  return html`<dt>${label}</dt><dd>${value ?? ''}</dd>`;
}

/** One line of a logged event's data, in Chinese. */
export function eventSummaryZh(e: LoggedEvent): string {
  switch (e.kind) {
    case 'received':
      return `申请方式：${CHANNEL_NAMES_ZH[e.channel]}`;
    case 'clarification-requested':
      return `需要补正的事项：${e.items}；补正期限至 ${e.dueOn}`;
    case 'consultation-sent':
      return `第${e.seq}项：征求${CONSULTED_PARTY_NAMES_ZH[e.party].replace(/（.*$/, '')}（${e.partyName}）意见`;
    case 'consultation-answered':
      return `第${e.consultation}项征求意见：${OPINION_NAMES_ZH[e.opinion]}`;
    case 'extension-approved':
      return `延长${e.workingDays}个工作日；理由：${e.reason}；批准人：${e.approvedBy}；${e.noticeOn} 告知申请人`;
    case 'fee-notice-sent':
      return `${FEE_METHOD_NAMES_ZH[e.method]}，${e.quantity}${e.method === 'per-request' ? '件' : '页'}，${e.amountYuan} 元`;
    case 'answered':
      return `办理结果：${outcomeById(e.outcome)?.labelZh ?? e.outcome}${e.answerDetail ? `（${ANSWER_DETAIL_NAMES_ZH[e.answerDetail]}）` : ''}；法律依据：${e.legalBasis}${e.responsibleAgency ? `；负责公开机关：${e.responsibleAgency}` : ''}${e.reasons ? `；理由：${e.reasons}` : ''}`;
    case 'delivered':
      return `送达方式：${DELIVERY_METHOD_NAMES_ZH[e.method]}`;
    case 'withdrawn':
      return e.reason ? `撤回理由：${e.reason}` : '';
    case 'clarification-received':
    case 'clarification-lapsed':
    case 'fee-paid':
    case 'fee-lapsed':
    case 'closed':
      return '';
  }
}

function requesterBlock(view: CaseView): SafeHtml {
  const r = view.requester;
  return html`<h2>申请人</h2>
${r.masked ? html`<p class="hint">您没有查看申请人个人信息的权限，以下信息已做脱敏处理。</p>` : ''}
<dl class="meta">
${row('申请人类型', REQUESTER_TYPE_NAMES_ZH[r.type])}${row('姓名或名称', r.name)}
${row('证件类型', r.idKind ? ID_KIND_NAMES_ZH[r.idKind] : '')}${row('证件号码', r.idNumber)}
${row('联系人', r.contactName)}${row('联系电话', r.phone)}
${row('电子邮箱', r.email)}${row('通信地址', r.address)}
${row('邮政编码', r.postcode)}${row('', '')}
</dl>`;
}

function requestBlock(view: CaseView): SafeHtml {
  const rule = receiptRule(view.channel, view.receivedOn);
  return html`<h2>申请内容</h2>
<dl class="meta">
${row('查询码', view.trackingCode)}${row('受理机关', view.organization.name)}
${row('申请方式', CHANNEL_NAMES_ZH[view.channel])}${row('提交日期', view.submittedOn)}
${row('收到申请日期', html`${view.receivedOn}<br><span class="hint">${rule.ruleZh}（${citationZh(rule.source)}）</span>`)}${row('适用', view.clock.ruleSet.nameZh)}
${row('信息的提供形式', DELIVERY_FORM_NAMES_ZH[view.deliveryForm])}${row('获取信息的方式', DELIVERY_METHOD_NAMES_ZH[view.deliveryMethod])}
</dl>
<h3>所需政府信息的名称、文号或便于查询的特征性描述</h3><p>${view.informationRequested}</p>
<h3>用途</h3><p>${view.purpose ?? '未填写'}</p>`;
}

function statusBlock(view: CaseView): SafeHtml {
  const c = view.clock;
  const outcome = c.outcome ? outcomeById(c.outcome) : undefined;
  const waiting = view.waitingOn === 'requester' ? '等待申请人' : view.waitingOn === 'third-party' ? '等待被征求意见方' : '';
  return html`<h2>办理状态与办理结果</h2>
<dl class="meta">
${row('办理状态', html`<strong id="case-status">${CASE_STATUS_NAMES_ZH[view.status]}</strong>${waiting ? `（${waiting}）` : ''}`)}${row('办理结果', outcome ? html`<strong id="case-outcome">${outcome.labelZh}</strong>` : '尚未作出')}
${c.answerDetail ? row('答复情形', html`<span id="case-answer-detail">${ANSWER_DETAIL_NAMES_ZH[c.answerDetail]}${c.responsibleAgency ? `：${c.responsibleAgency}` : ''}</span>`) : ''}
${row('结果日期', c.outcomeOn)}${row('法律依据', c.legalBasis)}
${row('答复日期', c.answeredOn)}${row('送达日期', c.deliveredOn)}
</dl>`;
}

function timelinessZh(view: CaseView, today: string): SafeHtml | string {
  const t = view.timeliness;
  const d = view.clock.deadline;
  if (!d) return '';
  if (t.answeredOnTime === 'on-time') return '已在答复期限内答复';
  if (t.answeredOnTime === 'extended') return '已在延长的答复期限内答复';
  if (t.answeredOnTime === 'late') return html`<span class="late">超过答复期限答复</span>`;
  if (t.workingDaysLeft === null) return '';
  const text = remainingZh(t.workingDaysLeft, d.finalDue, today);
  return t.overdue ? html`<span class="late">${text}</span>` : text;
}

function deadlineBlock(view: CaseView, today: string): SafeHtml {
  const c = view.clock;
  const d = c.deadline;
  const big = d
    ? html`<p class="deadline" style="font-size:2em;font-weight:bold;margin:.2em 0" id="final-due">${d.finalDue}</p>
<p>${d.finalDue !== d.replyDue ? html`原答复期限 ${d.replyDue}，经批准延长后为 ${d.finalDue}。` : ''}${timelinessZh(view, today)}${c.provisional ? html`<br><span class="hint">暂按尚未答复的征求意见或收费期间全部届满计算，答复或缴费后将重新计算。</span>` : ''}</p>`
    : html`<p class="deadline" style="font-size:1.5em;font-weight:bold" id="final-due">${c.clarification && !c.clarification.receivedOn && !c.clarification.lapsedOn ? `等待申请人补正（补正期限至 ${c.clarification.dueOn}），答复期限暂停计算` : c.calendarGap ? '暂无法计算' : '不再计算答复期限'}</p>${c.calendarGap ? html`<p class="error" role="alert">${c.calendarGap.messageZh}<a href="/console/calendar">工作日历</a></p>` : ''}`;
  return html`<h2>答复期限</h2>
${big}
<h3>如何计算</h3>
<table><caption>期限计算过程</caption>
<thead><tr><th scope="col">日期</th><th scope="col">说明</th><th scope="col">依据</th></tr></thead>
<tbody>${c.explanation.map((s) => html`<tr><th scope="row">${s.on}</th><td>${s.textZh}</td><td>${citationZh(s.source)}</td></tr>`)}</tbody></table>
${c.excluded.length > 0
  ? html`<table><caption>不计入答复期限的期间</caption>
<thead><tr><th scope="col">起</th><th scope="col">止</th><th scope="col">事由</th><th scope="col">工作日数</th></tr></thead>
<tbody>${c.excluded.map((i) => html`<tr><th scope="row">${i.from}</th><td>${i.to}${i.provisional ? '（暂按届满计算）' : ''}</td><td>${i.reasonZh}</td><td>${i.workingDays}</td></tr>`)}</tbody></table>`
  : html`<p>没有不计入答复期限的期间。</p>`}
${d && d.notableDays.length > 0
  ? html`<table><caption>期限内的特殊日期</caption>
<thead><tr><th scope="col">日期</th><th scope="col">类别</th></tr></thead>
<tbody>${d.notableDays.map((n) => html`<tr><th scope="row">${n.date}</th><td>${NOTABLE_DAY_NAMES_ZH[n.kind]}</td></tr>`)}</tbody></table>`
  : d
    ? html`<p>期限内没有法定节假日、调休上班日或不计入的日期。</p>`
    : ''}`;
}

function timelineBlock(view: CaseView): SafeHtml {
  return html`<h2>办理记录</h2>
<table><caption>按登记顺序排列</caption>
<thead><tr><th scope="col">序号</th><th scope="col">日期</th><th scope="col">事项</th><th scope="col">内容</th><th scope="col">备注</th><th scope="col">登记人</th><th scope="col">登记时间</th></tr></thead>
<tbody>${view.events.map(
    (e) => html`<tr><td>${e.event.seq}</td><td>${e.event.on}</td><th scope="row">${REQUEST_EVENT_NAMES_ZH[e.event.kind]}</th><td>${eventSummaryZh(e.event)}</td><td>${e.note ?? ''}</td><td>${e.recordedBy ?? '系统'}</td><td>${chinaTime(e.recordedAt)}</td></tr>`,
  )}</tbody></table>`;
}

function documentsBlock(view: CaseView, documents: readonly CaseDocument[]): SafeHtml {
  if (documents.length === 0) return html`<h2>文书</h2><p>暂无可生成的文书。</p>`;
  const base = `/console/requests/${view.id}/documents`;
  const item = (d: CaseDocument, n: number): SafeHtml => {
    const id = `doc-${n}`;
    const query = d.consultation !== undefined ? `?consultation=${d.consultation}` : '';
    const heading = html`${d.titleZh}${d.partyName ? `（${d.partyName}）` : ''}（${d.issuedOn}）`;
    if (d.needs.length === 0) {
      return html`<li>${heading}：<a href="${base}/${d.kind}.docx${query}">下载 DOCX</a> · <a href="${base}/${d.kind}.pdf${query}">下载 PDF</a></li>`;
    }
    // The fee notice and the consultation letter need a sentence only the user can give.
    return html`<li><form method="get" action="${base}/${d.kind}.docx" aria-labelledby="${id}-title"><span id="${id}-title">${heading}</span>
${d.consultation !== undefined ? html`<input type="hidden" name="consultation" value="${d.consultation}">` : ''}
${d.needs.includes('paymentMethodZh') ? html`<div class="field"><label for="${id}-payment">缴纳方式（打印在通知书上）</label><input id="${id}-payment" name="paymentMethodZh" type="text" required></div>` : ''}
${d.needs.includes('concernZh') ? html`<div class="field"><label for="${id}-concern">涉及第三方权益的情形（接在“经审查，该政府信息”之后）</label><input id="${id}-concern" name="concernZh" type="text" value="${DEFAULT_CONCERN_ZH}" required></div>` : ''}
<button type="submit">下载 DOCX</button> <button type="submit" formaction="${base}/${d.kind}.pdf">下载 PDF</button></form></li>`;
  };
  return html`<h2>文书</h2>
<p class="hint">按本案记录生成${view.requester.masked ? '（申请人姓名已脱敏）' : ''}，下载后请核对、编号并加盖印章。</p>
<ul>${documents.map(item)}</ul>`;
}

function attachmentsBlock(m: CasePageModel): SafeHtml {
  const view = m.view;
  const list = view.attachments.length
    ? html`<ul>${view.attachments.map((a) => html`<li>${REQUEST_ATTACHMENT_KIND_NAMES_ZH[a.kind]}：<a href="/console/requests/${view.id}/attachments/${a.id}">${a.fileName}</a>（${Math.ceil(a.sizeBytes / 1024)} KB，${chinaTime(a.createdAt)}）</li>`)}</ul>`
    : html`<p>暂无材料。</p>`;
  const form = m.canHandle
    ? html`<form method="post" action="/console/requests/${view.id}/attachments?_csrf=${encodeURIComponent(m.csrf)}" enctype="multipart/form-data">
<div class="field"><label for="attachment-kind">材料类型</label><select id="attachment-kind" name="kind">${REQUEST_ATTACHMENT_KINDS.map((k) => html`<option value="${k}">${REQUEST_ATTACHMENT_KIND_NAMES_ZH[k]}</option>`)}</select></div>
<div class="field"><label for="attachment-file">上传材料</label><div class="hint" id="attachment-hint">允许 pdf、docx、doc、xlsx、xls、ofd、jpg、png、zip、txt</div>${m.attachmentError ? html`<div class="field-error" id="attachment-error" role="alert">${m.attachmentError}</div>` : ''}<input id="attachment-file" name="file" type="file" required aria-describedby="attachment-hint${m.attachmentError ? ' attachment-error' : ''}"></div>
<button type="submit">上传</button></form>`
    : html``;
  return html`<h2 id="attachments">申请材料</h2>${list}${form}`;
}

/** The case page. */
export function casePage(m: CasePageModel): SafeHtml {
  const view = m.view;
  // The refused form is linked only when the page shows it (a kind the case no longer allows has none).
  const failedForm = view.clock.allowedNext.find((k) => k === m.failed?.kind && (k !== 'extension-approved' || m.canApproveExtension));
  return html`<h1>政府信息公开申请 ${view.trackingCode}</h1>
${m.refusalZh ? html`<div class="error" role="alert"><p>未能登记：${m.refusalZh}</p>${failedForm ? html`<p><a href="#action-${failedForm}">查看“${REQUEST_EVENT_NAMES_ZH[failedForm]}”表单</a></p>` : ''}</div>` : ''}
${deadlineBlock(view, m.today)}
${statusBlock(view)}
${requesterBlock(view)}
${requestBlock(view)}
${timelineBlock(view)}
${documentsBlock(view, m.documents)}
${attachmentsBlock(m)}
<h2 id="actions">办理</h2>
${m.canHandle ? actionForms(m) : html`<p class="hint">您可以查看本申请，但没有办理权限：登记办理事项需要本机关的信息编辑、机构管理员或审核人角色（系统管理员可在“用户管理”中授予）。</p>`}
<p><a href="/console/audit?entityType=request_case&amp;entityId=${view.id}">查看本申请的审计记录</a> · <a href="/console/requests">返回办理队列</a></p>`;
}
