/**
 * Markup of the public request pages: the online request form (/requests/new), the confirmation
 * with the tracking code, and the tracking page (/requests/track). Built with `html` only. The
 * tracking page shows what `PublicTracking` holds and nothing else: no personal data.
 */
import { csrfField, errorSummary } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { organizationDepth } from '../organizations/organization.ts';
import type { Organization } from '../organizations/organization.ts';
import type { NamedNotableDay } from './deadline-calculator.ts';
import { HUMAN_CHECK_FIELDS } from './human-check.ts';
import { PUBLIC_FORM_FIELDS } from './public-request-form.ts';
import type { PublicFormField, PublicFormValues } from './public-request-form.ts';
import { DELIVERY_FORMS, DELIVERY_FORM_NAMES_ZH, DELIVERY_METHODS, DELIVERY_METHOD_NAMES_ZH, ID_KINDS, ID_KIND_NAMES_ZH, REQUESTER_TYPES, REQUESTER_TYPE_NAMES_ZH } from './request-case.ts';
import type { PublicTracking } from './request-portal.service.ts';
import { REQUEST_FIELD_LABELS_ZH } from './request.schema.ts';
import { citationZh } from './citation.ts';

/** The form's labels: the schema's, with the optional field marked. */
const LABELS: Record<PublicFormField, string> = Object.fromEntries(
  PUBLIC_FORM_FIELDS.map((f) => [f, f === 'purpose' ? '用途（选填）' : (REQUEST_FIELD_LABELS_ZH[f] ?? f)]),
) as Record<PublicFormField, string>;

/** Labels for the error summary: the form's fields and the human check. */
export const FORM_ERROR_LABELS: Record<string, string> = { ...REQUEST_FIELD_LABELS_ZH, ...LABELS, [HUMAN_CHECK_FIELDS.answer]: '验证问题', form: '表单' };

/** What the request form shows. */
export interface RequestFormModel {
  csrf: string;
  organizations: readonly Organization[];
  values: PublicFormValues;
  errors: FieldErrors;
  /** The human check's question and token. */
  question: string;
  token: string;
}

function describedBy(name: string, hint: boolean, error: boolean): SafeHtml | '' {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter((s) => s !== '').join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

function fieldHead(name: string, label: string, required: boolean, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`<label for="${name}">${label}${required ? html` <span aria-hidden="true">*</span>` : ''}</label>
${hint ? html`<div class="hint" id="${name}-hint">${hint}</div>` : ''}${error ? html`<div class="field-error" id="${name}-error">${error}</div>` : ''}`;
}

function input(o: { name: PublicFormField; m: RequestFormModel; type?: string; hint?: string; required?: boolean; autocomplete?: string; inputmode?: string }): SafeHtml {
  const error = o.m.errors[o.name];
  return html`<div class="field">${fieldHead(o.name, LABELS[o.name], o.required ?? false, o.hint, error)}<input id="${o.name}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.m.values[o.name] ?? ''}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.required ? html` required` : ''}${describedBy(o.name, Boolean(o.hint), Boolean(error))}${error ? html` aria-invalid="true"` : ''}></div>`;
}

function textarea(o: { name: PublicFormField; m: RequestFormModel; hint?: string; required?: boolean; rows: number }): SafeHtml {
  const error = o.m.errors[o.name];
  return html`<div class="field">${fieldHead(o.name, LABELS[o.name], o.required ?? false, o.hint, error)}<textarea id="${o.name}" name="${o.name}" rows="${o.rows}"${o.required ? html` required` : ''}${describedBy(o.name, Boolean(o.hint), Boolean(error))}${error ? html` aria-invalid="true"` : ''}>${o.m.values[o.name] ?? ''}</textarea></div>`;
}

function select(o: { name: PublicFormField; m: RequestFormModel; options: readonly { value: string; label: string }[]; hint?: string; required?: boolean }): SafeHtml {
  const error = o.m.errors[o.name];
  const value = o.m.values[o.name] ?? '';
  return html`<div class="field">${fieldHead(o.name, LABELS[o.name], o.required ?? false, o.hint, error)}<select id="${o.name}" name="${o.name}"${o.required ? html` required` : ''}${describedBy(o.name, Boolean(o.hint), Boolean(error))}${error ? html` aria-invalid="true"` : ''}>
<option value="">请选择</option>${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === value ? html` selected` : ''}>${opt.label}</option>`)}</select></div>`;
}

/**
 * Organizations grouped for the form's `<select>`: one group per government with the departments
 * under it (the nearest government up the tree), in tree order.
 */
export function organizationGroups(organizations: readonly Organization[]): { label: string; options: { value: string; label: string }[] }[] {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const groupOf = (o: Organization): Organization => {
    let at: Organization | undefined = o;
    while (at) {
      if (at.kind === 'government') return at;
      at = at.parentId !== null ? byId.get(at.parentId) : undefined;
    }
    return o;
  };
  const groups = new Map<number, { label: string; options: { value: string; label: string }[] }>();
  for (const o of organizations) {
    const head = groupOf(o);
    const group = groups.get(head.id) ?? { label: head.name, options: [] };
    const depth = Math.max(0, organizationDepth(o.path) - organizationDepth(head.path));
    group.options.push({ value: String(o.id), label: `${'　'.repeat(depth)}${o.name}` });
    groups.set(head.id, group);
  }
  return [...groups.values()];
}

function organizationSelect(m: RequestFormModel): SafeHtml {
  const error = m.errors['organizationId'];
  const value = m.values.organizationId ?? '';
  const hint = '请选择掌握所需信息的行政机关。申请应向制作或者保存该政府信息的行政机关提出（条例第十条）。';
  return html`<div class="field">${fieldHead('organizationId', LABELS.organizationId, true, hint, error)}<select id="organizationId" name="organizationId" required${describedBy('organizationId', true, Boolean(error))}${error ? html` aria-invalid="true"` : ''}>
<option value="">请选择</option>${organizationGroups(m.organizations).map(
    (g) => html`<optgroup label="${g.label}">${g.options.map((opt) => html`<option value="${opt.value}"${opt.value === value ? html` selected` : ''}>${opt.label}</option>`)}</optgroup>`,
  )}</select></div>`;
}

/** The online request form (2019 art. 29): fields, the human check, a hidden honeypot, the CSRF token. */
export function requestFormBody(m: RequestFormModel): SafeHtml {
  const answerError = m.errors[HUMAN_CHECK_FIELDS.answer];
  return html`<h1>政府信息公开申请</h1>
<p>公民、法人或者其他组织可以向行政机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。在线提交后系统即时确认收到，提交之日即为收到申请之日（条例第三十一条第（三）项），您将获得一个查询码，凭查询码可查询办理进度。</p>
<p>标有星号（*）的为必填项。您填写的个人信息仅用于办理本申请，不会在查询页面显示。</p>
${errorSummary(m.errors, FORM_ERROR_LABELS)}
<form method="post" action="/requests/new" novalidate>
${csrfField(m.csrf)}
<fieldset><legend>受理机关</legend>
${organizationSelect(m)}
</fieldset>
<fieldset><legend>申请人信息</legend>
${select({ name: 'requesterType', m, required: true, options: REQUESTER_TYPES.map((t) => ({ value: t, label: REQUESTER_TYPE_NAMES_ZH[t] })), hint: '自然人，或法人和其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。' })}
${input({ name: 'requesterName', m, required: true, autocomplete: 'name', hint: '自然人填写姓名；法人或其他组织填写全称。' })}
${select({ name: 'requesterIdKind', m, required: true, options: ID_KINDS.map((k) => ({ value: k, label: ID_KIND_NAMES_ZH[k] })) })}
${input({ name: 'requesterIdNumber', m, required: true, autocomplete: 'off' })}
${input({ name: 'contactName', m, autocomplete: 'name', hint: '法人或其他组织必填。' })}
${input({ name: 'phone', m, type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: '联系电话、电子邮箱、通信地址至少填写一项。' })}
${input({ name: 'email', m, type: 'email', autocomplete: 'email' })}
${input({ name: 'address', m, autocomplete: 'street-address', hint: '选择邮寄方式获取信息的必填。' })}
${input({ name: 'postcode', m, autocomplete: 'postal-code', inputmode: 'numeric', hint: '6 位数字。' })}
</fieldset>
<fieldset><legend>所需政府信息</legend>
${textarea({ name: 'informationRequested', m, required: true, rows: 6, hint: '请写明所需政府信息的名称、文号，或者便于行政机关查询的其他特征性描述。' })}
${textarea({ name: 'purpose', m, rows: 3 })}
${select({ name: 'deliveryForm', m, required: true, options: DELIVERY_FORMS.map((f) => ({ value: f, label: DELIVERY_FORM_NAMES_ZH[f] })) })}
${select({ name: 'deliveryMethod', m, required: true, options: DELIVERY_METHODS.map((f) => ({ value: f, label: DELIVERY_METHOD_NAMES_ZH[f] })) })}
</fieldset>
<fieldset><legend>验证</legend>
<input type="hidden" name="${HUMAN_CHECK_FIELDS.token}" value="${m.token}">
<div class="field"><label for="${HUMAN_CHECK_FIELDS.answer}">验证问题：<span id="human-check-question">${m.question}</span> <span aria-hidden="true">*</span></label>
<div class="hint" id="${HUMAN_CHECK_FIELDS.answer}-hint">请用阿拉伯数字或汉字填写计算结果。</div>${answerError ? html`<div class="field-error" id="${HUMAN_CHECK_FIELDS.answer}-error">${answerError}</div>` : ''}<input id="${HUMAN_CHECK_FIELDS.answer}" name="${HUMAN_CHECK_FIELDS.answer}" type="text" inputmode="numeric" autocomplete="off" required aria-describedby="${HUMAN_CHECK_FIELDS.answer}-hint${answerError ? ` ${HUMAN_CHECK_FIELDS.answer}-error` : ''}"${answerError ? html` aria-invalid="true"` : ''}></div>
<div aria-hidden="true" style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden"><label for="${HUMAN_CHECK_FIELDS.honeypot}">请勿填写此项</label><input id="${HUMAN_CHECK_FIELDS.honeypot}" name="${HUMAN_CHECK_FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off" value=""></div>
</fieldset>
<p><button type="submit">提交申请</button></p>
</form>
<p>已经提交过申请？请到<a href="/requests/track">申请查询</a>页面凭查询码查询办理进度。想了解答复期限如何计算，请使用<a href="/deadline">答复期限计算器</a>。</p>`;
}

/** The confirmation after filing: the tracking code in large type, the date of receipt and the deadline. */
export function submittedBody(t: PublicTracking): SafeHtml {
  return html`<h1>申请已提交</h1>
<p class="notice" role="status">您的政府信息公开申请已提交，${t.organizationName}已收到。</p>
<p>您的查询码（请妥善保存）：</p>
<p style="font-size:2em;font-weight:bold;letter-spacing:.1em" id="tracking-code">${t.trackingCode}</p>
<p><strong>请务必记下或保存此查询码。</strong>查询码是查询办理进度的唯一凭证，离开本页后无法找回（请勿将本页链接发给他人）。</p>
<dl class="meta">
<dt>受理机关</dt><dd>${t.organizationName}</dd>
<dt>收到申请日期</dt><dd>${t.receivedOn}</dd>
<dt>答复期限</dt><dd id="reply-due">${t.replyDue ?? '—'}</dd>
<dt>适用法规</dt><dd>${t.regulation.nameZh}</dd>
</dl>
<p>依照条例第三十三条，行政机关应当自收到申请之日起 ${t.regulation.replyWorkingDays} 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日。需要补正或征求第三方意见的，答复期限按规定另行计算。</p>
<p><a href="/requests/track?code=${encodeURIComponent(t.trackingCode)}">查看办理进度</a></p>`;
}

/** The tracking form (GET), with a 未找到 message when a code was not found. */
export function trackFormBody(o: { code: string; notFound: boolean }): SafeHtml {
  return html`<h1>申请查询</h1>
${o.notFound ? html`<div class="error" role="alert"><p>未找到与该查询码对应的申请。请核对查询码（格式如 ABCD-EFGH-JKLM，不区分大小写）后重试。</p></div>` : ''}
<form method="get" action="/requests/track">
<div class="field"><label for="code">查询码</label><div class="hint" id="code-hint">提交申请时获得的查询码，例如 ABCD-EFGH-JKLM。</div><input id="code" name="code" type="text" value="${o.code}" autocomplete="off" required aria-describedby="code-hint"${o.notFound ? html` aria-invalid="true"` : ''}></div>
<p><button type="submit">查询</button></p>
</form>`;
}

const NOTABLE_KIND_ZH: Record<NamedNotableDay['kind'], string> = { holiday: '法定节假日（不计入）', workday: '调休上班日（计入）', excluded: '不计入期限的期间（不计入）' };

/** The table of holidays, make-up working days and excluded days that mattered to a deadline. */
export function notableDaysTable(days: readonly NamedNotableDay[]): SafeHtml | '' {
  if (days.length === 0) return '';
  return html`<table><caption>期间内的法定节假日、调休上班日和不计入期限的日子</caption>
<thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">类型</th><th scope="col">名称</th></tr></thead>
<tbody>${days.map((d) => html`<tr><td>${d.date}</td><td>${d.weekdayZh}</td><td>${NOTABLE_KIND_ZH[d.kind]}</td><td>${d.name ?? '—'}</td></tr>`)}</tbody></table>`;
}

/** Links to the public calendar page of each year. */
export function calendarLinks(years: readonly number[]): SafeHtml | '' {
  if (years.length === 0) return '';
  return html`<p>所依据的工作日历：${years.map((y, i) => html`${i > 0 ? '、' : ''}<a href="/calendar/${y}">${y} 年节假日和调休安排</a>`)}</p>`;
}

function deadlineBlock(t: PublicTracking): SafeHtml {
  if (t.finalDue === null) {
    const why = t.status === 'awaiting-clarification' ? '正在等待申请人补正，收到补正后的申请后答复期限重新计算。' : t.calendarGapZh ?? '本申请已不再计算答复期限。';
    return html`<p>答复期限：<strong>—</strong>（${why}）</p>`;
  }
  return html`<p style="font-size:1.4em">答复期限：<strong id="final-due">${t.finalDue}</strong>${t.replyDue !== t.finalDue ? html`（原答复期限 ${t.replyDue ?? ''}，已依法延长）` : ''}</p>
${t.provisional ? html`<p class="hint">征求意见或缴费期间尚未结束，上述期限暂按该期间届满计算，可能提前。</p>` : ''}`;
}

/** The tracking page's result: status, dates, outcome, how the deadline was computed, the timeline. */
export function trackingBody(t: PublicTracking): SafeHtml {
  return html`<h1>申请办理进度</h1>
<dl class="meta">
<dt>查询码</dt><dd>${t.trackingCode}</dd>
<dt>受理机关</dt><dd>${t.organizationName}</dd>
<dt>收到申请日期</dt><dd>${t.receivedOn}</dd>
<dt>办理状态</dt><dd id="status">${t.statusZh}</dd>
<dt>办理结果</dt><dd id="outcome">${t.outcomeZh ? html`${t.outcomeZh}（${t.outcomeOn ?? ''}）` : '尚未作出'}</dd>
<dt>适用法规</dt><dd>${t.regulation.nameZh}</dd>
</dl>
<h2>答复期限</h2>
${deadlineBlock(t)}
<h3>期限是如何计算的</h3>
<table><caption>计算过程</caption><thead><tr><th scope="col">日期</th><th scope="col">说明</th><th scope="col">依据</th></tr></thead>
<tbody>${t.explanation.map((s) => html`<tr><td>${s.on}</td><td>${s.textZh}</td><td>${citationZh(s.source)}</td></tr>`)}</tbody></table>
${t.excluded.length > 0
    ? html`<table><caption>不计入答复期限的期间</caption><thead><tr><th scope="col">起</th><th scope="col">止</th><th scope="col">事由</th><th scope="col">工作日数</th></tr></thead>
<tbody>${t.excluded.map((i) => html`<tr><td>${i.from}</td><td>${i.to}${i.provisional ? '（暂计）' : ''}</td><td>${i.reasonZh}</td><td>${i.workingDays}</td></tr>`)}</tbody></table>`
    : ''}
${notableDaysTable(t.notableDays)}
${calendarLinks(t.calendarYears)}
<p class="hint">${t.conventionZh}</p>
<h2>办理记录</h2>
<ol id="timeline">${t.timeline.map((e) => html`<li><time datetime="${e.on}">${e.on}</time> ${e.nameZh}</li>`)}</ol>
<p><a href="/requests/track">查询其他申请</a></p>`;
}
