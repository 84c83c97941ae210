/**
 * Markup of the public deadline calculator (/deadline): a GET form (works without JavaScript) with
 * the same inputs as `GET /api/deadline`, the art. 31 rule of every channel, and the result with
 * its explanation, the holidays and make-up working days that mattered, links to the public
 * calendar pages, and the counting convention (UNVERIFIED as an official rule).
 */
import { errorSummary } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { CALCULATOR_FIELD_LABELS_ZH, COUNTING_CONVENTION } from './deadline-calculator.ts';
import type { CalculatorQuery, DeadlineCalculation } from './deadline-calculator.ts';
import { receiptRule } from './receipt-date.ts';
import { CHANNELS, CHANNEL_NAMES_ZH } from './request-case.ts';
import { calendarLinks, notableDaysTable } from './request-portal.views.ts';
import { citationZh } from './citation.ts';

/** How many `excluded` inputs the form offers (more arrive through the query string and are kept). */
const EXCLUDED_INPUTS = 3;

/** What the calculator page shows. */
export interface DeadlinePageModel {
  /** The inputs as typed (kept in the form). */
  query: CalculatorQuery;
  /** The result, when the inputs were given and valid. */
  calculation: DeadlineCalculation | null;
  errors: FieldErrors;
  /** A page-level error (a calendar year missing), in Chinese. */
  problem: string | null;
  /** Today (China time), for the channel rules shown before a date is given. */
  today: string;
}

function errorText(errors: FieldErrors, name: string): SafeHtml | '' {
  const message = errors[name];
  return message ? html`<div class="field-error" id="${name}-error">${message}</div>` : '';
}

function dateField(name: 'received' | 'clarified', label: string, hint: string, m: DeadlinePageModel, required: boolean): SafeHtml {
  const error = m.errors[name];
  return html`<div class="field"><label for="${name}">${label}${required ? html` <span aria-hidden="true">*</span>` : ''}</label>
<div class="hint" id="${name}-hint">${hint}</div>${errorText(m.errors, name)}<input id="${name}" name="${name}" type="date" value="${m.query[name] ?? ''}"${required ? html` required` : ''} aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"${error ? html` aria-invalid="true"` : ''}></div>`;
}

function channelField(m: DeadlinePageModel): SafeHtml {
  const on = m.query.received && /^\d{4}-\d{2}-\d{2}$/.test(m.query.received) ? m.query.received : m.today;
  const error = m.errors['channel'];
  return html`<div class="field"><label for="channel">${CALCULATOR_FIELD_LABELS_ZH.channel}（选填）</label>
<div class="hint" id="channel-hint">申请方式决定哪一天是“收到申请之日”（条例第三十一条）：
<ul>${CHANNELS.map((c) => {
    const rule = receiptRule(c, on);
    return html`<li><strong>${CHANNEL_NAMES_ZH[c]}</strong>：${rule.ruleZh}（${citationZh(rule.source)}${rule.unverified ? '，适用系推断，待核实' : ''}）</li>`;
  })}</ul></div>${errorText(m.errors, 'channel')}<select id="channel" name="channel" aria-describedby="channel-hint${error ? ' channel-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
<option value="">不指定</option>${CHANNELS.map((c) => html`<option value="${c}"${m.query.channel === c ? html` selected` : ''}>${CHANNEL_NAMES_ZH[c]}</option>`)}</select></div>`;
}

function excludedFields(m: DeadlinePageModel): SafeHtml {
  const given = typeof m.query.excluded === 'string' ? [m.query.excluded] : [...(m.query.excluded ?? [])];
  const values = [...given, ...Array<string>(Math.max(0, EXCLUDED_INPUTS - given.length)).fill('')];
  const error = m.errors['excluded'];
  return html`<fieldset aria-describedby="excluded-hint${error ? ' excluded-error' : ''}"><legend>${CALCULATOR_FIELD_LABELS_ZH.excluded}（选填）</legend>
<div class="hint" id="excluded-hint">征求第三方或其他机关意见所需时间不计入答复期限（条例第三十三条第三款）。每个输入框填写一个区间，格式为 起始日期..结束日期，例如 2025-03-10..2025-03-14，两端均包括在内。</div>${errorText(m.errors, 'excluded')}
${values.map((v, i) => html`<div class="field"><label for="${i === 0 ? 'excluded' : `excluded-${i + 1}`}">区间 ${i + 1}</label><input id="${i === 0 ? 'excluded' : `excluded-${i + 1}`}" name="excluded" type="text" value="${v}" placeholder="YYYY-MM-DD..YYYY-MM-DD" autocomplete="off"></div>`)}
</fieldset>`;
}

function formBody(m: DeadlinePageModel): SafeHtml {
  const extensionError = m.errors['extension'];
  return html`<form method="get" action="/deadline" novalidate>
${dateField('received', `${CALCULATOR_FIELD_LABELS_ZH.received}`, '按条例第三十一条确定的收到申请之日，格式 YYYY-MM-DD。', m, true)}
${channelField(m)}
${dateField('clarified', `${CALCULATOR_FIELD_LABELS_ZH.clarified}（选填）`, '行政机关告知补正后，收到申请人补正后申请的日期；答复期限自该日重新计算（条例第三十条）。', m, false)}
<div class="field"><label for="extension">${CALCULATOR_FIELD_LABELS_ZH.extension}（选填）</label>
<div class="hint" id="extension-hint">经政府信息公开工作机构负责人同意延长的工作日数，最长 20 个工作日（2008 年条例为 15 个工作日）。</div>${errorText(m.errors, 'extension')}<input id="extension" name="extension" type="number" min="0" max="20" step="1" inputmode="numeric" value="${m.query.extension ?? ''}" aria-describedby="extension-hint${extensionError ? ' extension-error' : ''}"${extensionError ? html` aria-invalid="true"` : ''}></div>
${excludedFields(m)}
<p><button type="submit">计算答复期限</button></p>
</form>`;
}

function resultBody(c: DeadlineCalculation): SafeHtml {
  const r = c.result;
  const extended = r.finalDue !== r.replyDue;
  return html`<section aria-labelledby="result-heading">
<h2 id="result-heading">计算结果</h2>
<p style="font-size:1.4em">答复期限：<strong id="reply-due">${r.replyDue}</strong>${extended ? html`；延长后的答复期限：<strong id="final-due">${r.finalDue}</strong>` : ''}</p>
<dl class="meta">
<dt>适用法规</dt><dd>${r.ruleSet.nameZh}</dd>
<dt>答复期限</dt><dd>${r.ruleSet.replyWorkingDays} 个工作日（${r.ruleSet.replySource}）</dd>
<dt>起算</dt><dd>${r.clockStartsAfter} 的次日</dd>
<dt>计入的工作日</dt><dd>${r.workingDaysCounted} 个</dd>
${c.receiptRule ? html`<dt>收到申请之日</dt><dd>${c.receiptRule.ruleZh}（${citationZh(c.receiptRule.source)}${c.receiptRule.unverified ? '，适用系推断，待核实' : ''}）</dd>` : ''}
</dl>
<h3>计算过程</h3>
<ol id="explanation">${c.explanation.map((l) => html`<li>${l.zh}${l.source ? html` <span class="tag">${citationZh(l.source)}</span>` : ''}</li>`)}</ol>
<details><summary>English</summary><ol lang="en">${c.explanation.map((l) => html`<li>${l.en}${l.source ? ` (${l.source})` : ''}</li>`)}</ol><p lang="en">${c.convention.en}</p></details>
${notableDaysTable(c.notableDays)}
${calendarLinks(c.calendarYears.map((y) => y.year))}
</section>`;
}

/** The calculator page: the form, then the result or the reason there is none. */
export function deadlineBody(m: DeadlinePageModel): SafeHtml {
  return html`<h1>答复期限计算器</h1>
<p>依照《中华人民共和国政府信息公开条例》，行政机关收到政府信息公开申请，能够当场答复的应当当场答复；不能当场答复的，应当自收到申请之日起 20 个工作日内予以答复（2019 年 5 月 15 日前收到的申请适用 2008 年条例，为 15 个工作日）。本计算器按收到申请之日适用的条例和国务院办公厅公布的节假日安排计算答复期限，并说明计算过程。计算结果仅供参考。</p>
${errorSummary(m.errors, CALCULATOR_FIELD_LABELS_ZH)}
${m.problem ? html`<div class="error" role="alert"><p>${m.problem}</p><p>可在<a href="/calendar">工作日历</a>页面查看已有的年度数据。</p></div>` : ''}
${formBody(m)}
${m.calculation ? resultBody(m.calculation) : ''}
<p class="hint" id="convention">${(m.calculation?.convention ?? COUNTING_CONVENTION).zh}</p>`;
}
