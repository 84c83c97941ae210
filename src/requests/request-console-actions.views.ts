/**
 * The action forms of a case page: one form per event kind the case allows next
 * (`clock.allowedNext`), each posting `kind` and its fields to `/console/requests/:id/events`.
 * Ids are prefixed with the kind, so the same field (`on`, `note`) can appear in every form. A
 * refused form is shown again with what was typed and the Chinese reasons next to its fields.
 */
import { csrfField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { DELIVERY_METHODS, DELIVERY_METHOD_NAMES_ZH } from './request-case.ts';
import { checkboxField, choiceField, inputField, textAreaField } from './request-console-fields.ts';
import type { ChoiceOption } from './request-console-fields.ts';
import { REQUEST_EVENT_NAMES_ZH } from './request-event.ts';
import type { ConsultationOpinion, ConsultedParty, FeeMethod, RequestEventKind } from './request-event.ts';
import { ANSWER_DETAIL_NAMES_ZH, REPLY_OUTCOMES } from './request-outcome.ts';
import type { AnswerDetail, OutcomeGroup } from './request-outcome.ts';
import { REQUEST_FIELD_LABELS_ZH } from './request.schema.ts';
import type { CaseView } from './request.service.ts';

/** Chinese names of the consulted parties. */
export const CONSULTED_PARTY_NAMES_ZH: Record<ConsultedParty, string> = { 'third-party': '第三方（《条例》第三十二条）', agency: '其他机关（《条例》第三十四条）' };
/** Chinese names of consultation opinions. */
export const OPINION_NAMES_ZH: Record<ConsultationOpinion, string> = { consent: '同意公开', objection: '不同意公开', 'no-reply': '逾期未答复' };
/** Chinese names of the fee methods (国办函〔2020〕109号 art. 3). */
export const FEE_METHOD_NAMES_ZH: Record<FeeMethod, string> = { 'per-request': '按件计收', 'per-page': '按量计收' };
/** The blocks of table 三, as headed there. */
export const OUTCOME_GROUP_NAMES_ZH: Record<OutcomeGroup, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  'not-processed': '（五）不予处理',
  other: '（六）其他处理',
};

/** The label of the date field in each form: which date the event is dated by. */
const ON_LABELS_ZH: Record<RequestEventKind, string> = {
  received: '收到申请日期',
  'clarification-requested': '告知补正日期',
  'clarification-received': '收到补正申请日期',
  'clarification-lapsed': '登记日期（补正期限届满后）',
  'consultation-sent': '发出征求意见书日期',
  'consultation-answered': '收到答复日期（逾期未答复的，填写登记日期）',
  'extension-approved': '负责人批准日期',
  'fee-notice-sent': '发出收费通知日期',
  'fee-paid': '缴费日期',
  'fee-lapsed': '登记日期（缴费期限届满后）',
  answered: '答复日期',
  delivered: '送达日期',
  withdrawn: '撤回日期',
  closed: '办结日期',
};

/** A form that was refused: its kind, what was typed, the reasons by field. */
export interface FailedAction {
  kind: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** What the action forms need. */
export interface ActionFormsModel {
  csrf: string;
  view: CaseView;
  today: string;
  canApproveExtension: boolean;
  failed?: FailedAction | undefined;
}

/** Outcome choices grouped like table 三, each with the article cited by default. */
function outcomeGroups(view: CaseView): { label: string; options: ChoiceOption[] }[] {
  const groups = new Map<OutcomeGroup, ChoiceOption[]>();
  for (const o of REPLY_OUTCOMES) {
    const list = groups.get(o.group) ?? [];
    const numbered = o.group === 'withheld' || o.group === 'unable' || o.group === 'not-processed';
    const name = o.labelZh.includes('：') ? o.labelZh.slice(o.labelZh.indexOf('：') + 1) : o.labelZh;
    const basis = view.clock.ruleSet.id === 'regulations2008' ? o.legalBasis2008 : o.legalBasis2019;
    list.push({ value: o.id, label: `${numbered ? `${list.length + 1}.` : ''}${name}${basis ? `（${basis}）` : ''}` });
    groups.set(o.group, list);
  }
  return [...groups].map(([group, options]) => ({ label: OUTCOME_GROUP_NAMES_ZH[group], options }));
}

/** The fields of one kind's form (besides `kind`, `on` and `note`), with the kind's hints. */
function kindFields(kind: RequestEventKind, m: ActionFormsModel, f: FieldMaker): SafeHtml | '' {
  const c = m.view.clock;
  switch (kind) {
    case 'clarification-requested':
      return html`${f.area('items', { required: true, hint: '逐项列明需要补正的事项，每行一项；补正只能一次性告知（《条例》第三十条）', rows: 4 })}
${f.input('dueOn', { type: 'date', required: true, hint: '本机关确定的合理补正期限的最后一天' })}`;
    case 'clarification-lapsed':
      return c.clarification ? html`<p class="hint">补正期限至 ${c.clarification.dueOn}，届满后方可登记逾期未补正（视为放弃申请）。</p>` : '';
    case 'consultation-sent':
      return html`${f.choice('party', (['third-party', 'agency'] as const).map((p) => ({ value: p, label: CONSULTED_PARTY_NAMES_ZH[p] })))}
${f.input('partyName', { required: true, hint: '第三方的姓名或名称，或被征求意见机关的名称；对方自收到之日起15个工作日内答复，其间不计入答复期限' })}`;
    case 'consultation-answered': {
      const open = c.consultations.filter((x) => x.answeredOn === null);
      return html`${f.choice(
        'consultation',
        open.map((x) => ({ value: String(x.seq), label: `第${x.seq}项：${x.partyName}（${x.sentOn} 发出，答复期限至 ${x.windowEndsOn}）` })),
      )}
${f.choice('opinion', (['consent', 'objection', 'no-reply'] as const).map((o) => ({ value: o, label: OPINION_NAMES_ZH[o] })), '其他机关逾期未答复的，视为同意公开（《条例》第三十四条）')}`;
    }
    case 'extension-approved': {
      const due = c.deadline?.replyDue;
      return html`${f.input('workingDays', { type: 'number', required: true, min: 1, max: c.ruleSet.maxExtensionWorkingDays, hint: `最长不得超过${c.ruleSet.maxExtensionWorkingDays}个工作日（${c.ruleSet.extensionSource}）` })}
${f.area('reason', { required: true })}
${f.input('approvedBy', { required: true, hint: '政府信息公开工作机构负责人姓名' })}
${f.input('noticeOn', { type: 'date', required: true, hint: due ? `应在原答复期限 ${due} 届满前告知申请人` : '告知申请人的日期' })}`;
    }
    case 'fee-notice-sent':
      return html`${f.choice('method', (['per-request', 'per-page'] as const).map((x) => ({ value: x, label: FEE_METHOD_NAMES_ZH[x] })), '只能选择一种标准，不得重复计算（国办函〔2020〕109号）')}
${f.input('quantity', { type: 'number', required: true, min: 1, hint: '按件计收填写本申请拆分的件数；按量计收填写页数' })}
${f.input('amountYuan', { type: 'number', min: 1, hint: '一般留空：按收费标准超额累进自动计算（元）' })}`;
    case 'fee-lapsed':
      return c.fee ? html`<p class="hint">缴费期限至 ${c.fee.payBy}，届满后方可登记逾期未缴费（视为放弃申请）。</p>` : '';
    case 'answered':
      return html`${f.choice('outcome', [{ value: '', label: '请选择' }], '与年度报告表三的办理结果一一对应；括号内为默认引用的《条例》条款', outcomeGroups(m.view))}
${f.area('reasons', { hint: '不予公开、部分公开须说明理由（《条例》第三十六条第（三）项、第三十七条）；属于已主动公开范围的，写明获取该信息的方式和途径', rows: 4 })}
<fieldset class="answer-detail"><legend>答复情形（可不选；仅影响2014年格式统计表，表三仍计入所选办理结果）</legend>
${f.check('answerDetail', 'already-public', { hint: '仅用于“予以公开”：所申请信息已经主动公开，告知获取该信息的方式和途径（《条例》第三十六条第（一）项）' })}
${f.check('answerDetail', 'other-agency', { hint: '仅用于“本机关不掌握相关政府信息”：不属于本机关负责公开（《条例》第三十六条第（五）项）' })}
${f.input('responsibleAgency', { hint: '属于其他机关公开且能够确定负责机关的，填写其名称，写入答复书' })}
</fieldset>
${f.input('legalBasis', { hint: '可不填：默认按所选办理结果引用《中华人民共和国政府信息公开条例》相应条款' })}`;
    case 'delivered':
      return f.choice('method', DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_METHOD_NAMES_ZH[d] })));
    case 'withdrawn':
      return f.area('reason', { hint: '可不填' });
    case 'received':
    case 'clarification-received':
    case 'fee-paid':
    case 'closed':
      return '';
  }
}

interface FieldMaker {
  input(name: string, extra?: { type?: 'text' | 'date' | 'number'; required?: boolean; hint?: string; min?: number; max?: number }): SafeHtml;
  area(name: string, extra?: { required?: boolean; hint?: string; rows?: number }): SafeHtml;
  choice(name: string, options: readonly ChoiceOption[], hint?: string, groups?: readonly { label: string; options: readonly ChoiceOption[] }[]): SafeHtml;
  /** One answer-detail checkbox (the only checkboxes of the forms), labelled by its Chinese name. */
  check(name: string, value: AnswerDetail, extra?: { hint?: string }): SafeHtml;
}

function defaults(kind: RequestEventKind, m: ActionFormsModel): Record<string, string> {
  const out: Record<string, string> = { on: m.today };
  if (kind === 'extension-approved') Object.assign(out, { workingDays: String(m.view.clock.ruleSet.maxExtensionWorkingDays), noticeOn: m.today });
  if (kind === 'delivered') out['method'] = m.view.deliveryMethod;
  return out;
}

/** Field names each form has (for placing a refused form's errors: others go to the form's top). */
const COMMON_FIELDS = ['on', 'note'];

function actionForm(kind: RequestEventKind, m: ActionFormsModel): SafeHtml {
  const failed = m.failed?.kind === kind ? m.failed : undefined;
  const values = failed ? failed.values : defaults(kind, m);
  const errors = failed?.errors ?? {};
  const used = new Set(COMMON_FIELDS);
  const label = (name: string): string => REQUEST_FIELD_LABELS_ZH[name] ?? name;
  const base = (name: string): { id: string; name: string; label: string; value: string; error: string | undefined } => {
    used.add(name);
    return { id: `${kind}-${name}`, name, label: label(name), value: values[name] ?? '', error: errors[name] };
  };
  const f: FieldMaker = {
    input: (name, extra = {}) => inputField({ ...base(name), ...extra }),
    area: (name, extra = {}) => textAreaField({ ...base(name), ...extra }),
    choice: (name, options, hint, groups) => choiceField({ ...base(name), options, ...(groups ? { groups } : {}), ...(hint ? { hint } : {}) }),
    check: (name, value, extra = {}) => {
      const b = base(name);
      // Two boxes share the name: one id each, and the field's error under the first only.
      return checkboxField({ ...b, id: `${b.id}-${value}`, label: ANSWER_DETAIL_NAMES_ZH[value], value, checked: b.value === value, ...(value === 'already-public' ? {} : { error: undefined }), ...extra });
    },
  };
  const fields = kindFields(kind, m, f);
  const formErrors = Object.entries(errors).filter(([field]) => !used.has(field)).map(([, message]) => message);
  const title = REQUEST_EVENT_NAMES_ZH[kind];
  return html`<form method="post" action="/console/requests/${m.view.id}/events" class="action" id="action-${kind}" aria-labelledby="action-${kind}-title" novalidate>
<h3 id="action-${kind}-title">${title}</h3>
${csrfField(m.csrf)}<input type="hidden" name="kind" value="${kind}">
${formErrors.length > 0 ? html`<div class="field-error" id="${kind}-error" role="alert">${formErrors.map((msg) => html`<p>${msg}</p>`)}</div>` : ''}
${inputField({ id: `${kind}-on`, name: 'on', label: ON_LABELS_ZH[kind], value: values['on'] ?? '', error: errors['on'], type: 'date', required: true, hint: '依法计算期限所依据的日期，不能晚于今天' })}
${fields}
${textAreaField({ id: `${kind}-note`, name: 'note', label: '内部备注（不对外公开）', value: values['note'] ?? '', error: errors['note'], rows: 2 })}
<button type="submit">登记：${title}</button>
</form>`;
}

/** The action forms the case allows next; the extension form only for those who may approve it. */
export function actionForms(m: ActionFormsModel): SafeHtml {
  const kinds = m.view.clock.allowedNext;
  if (kinds.length === 0) return html`<p>本申请已办结，没有可登记的办理事项。</p>`;
  const forms = kinds.map((kind) => {
    if (kind === 'extension-approved' && !m.canApproveExtension) {
      return html`<p class="hint" id="action-extension-approved-note">延长答复期限须经政府信息公开工作机构负责人同意（《条例》第三十三条第二款），由具有审核权限的负责人在本页登记。</p>`;
    }
    return actionForm(kind, m);
  });
  return html`${forms}`;
}
