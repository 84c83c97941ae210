/**
 * Pages of the working-day calendar: the console's list of years and one year's page with the form
 * that adds or corrects it (system administrators), and the public page of a year's holidays and
 * make-up working days (linked from the deadline calculator; 2019 art. 33 counts working days).
 */
import { csrfField, errorSummary, textField } from '../auth/form-view.ts';
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, weekdayNameZh } from './calendar-year.ts';
import type { CalendarYearDetail, CalendarYearSummary } from './calendar.service.ts';

/** Chinese messages by form field (`source`, `holidays`, `workdays`, `form`); a field may have several. */
export type CalendarFormErrors = Partial<Record<CalendarFormField, string[]>>;

/** The fields of the year form. */
export type CalendarFormField = 'form' | 'source' | 'holidays' | 'workdays';

/** The form's values as typed. */
export interface CalendarFormValues {
  source: string;
  /** The textarea text: one `YYYY-MM-DD 名称` per line. */
  holidays: string;
  workdays: string;
}

const FORM_LABELS: Record<CalendarFormField, string> = { form: '表单', source: '依据（国务院办公厅通知）', holidays: '放假日期', workdays: '调休上班日期' };

function originLabel(y: CalendarYearSummary): string {
  if (y.origin === 'built_in') return '内置数据';
  return y.replacesBuiltIn ? '管理员录入（已替换内置数据）' : '管理员录入';
}

function lastChange(y: CalendarYearSummary): string {
  if (y.updatedAt === null) return '—';
  return `${chinaTime(y.updatedAt)}${y.updatedBy ? `（${y.updatedBy}）` : ''}`;
}

/** The console's list of years: source, built-in or entered, counts; for administrators a way to add a year. */
export function calendarListPage(years: readonly CalendarYearSummary[], canManage: boolean): SafeHtml {
  return html`<h1>工作日历</h1>
<p>政府信息公开的各项期限按工作日计算（《中华人民共和国政府信息公开条例》第二十六条、第三十三条）。每年的法定节假日和调休上班日以国务院办公厅当年的放假安排通知为准；日历缺少某一年度数据时，涉及该年度的期限将拒绝计算，不会只按周末推算。</p>
${canManage
  ? html`<form method="get" action="/console/calendar" aria-label="录入年度">
${textField({ name: 'year', label: '录入或更正年度', hint: `${CALENDAR_YEAR_MIN}–${CALENDAR_YEAR_MAX} 年，如 2027；国务院办公厅公布次年放假安排后录入。`, value: '' })}
<button type="submit">打开该年度</button>
</form>`
  : ''}
<table>
<caption>共 ${years.length} 个年度</caption>
<thead><tr><th scope="col">年度</th><th scope="col">依据</th><th scope="col">数据来源</th><th scope="col">放假日期</th><th scope="col">调休上班日</th><th scope="col">最后修改</th></tr></thead>
<tbody>
${[...years].reverse().map(
  (y) => html`<tr><th scope="row"><a href="/console/calendar/${y.year}">${y.year} 年</a></th><td>${y.source}</td><td>${originLabel(y)}</td><td>${y.holidayCount} 天</td><td>${y.workdayCount} 天</td><td>${lastChange(y)}</td></tr>`,
)}
</tbody>
</table>`;
}

function dayTable(caption: string, days: Readonly<Record<string, string>>, nameHeader: string): SafeHtml {
  const entries = Object.entries(days);
  if (entries.length === 0) return html`<p>${caption}：无。</p>`;
  return html`<table>
<caption>${caption}（共 ${entries.length} 天）</caption>
<thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">${nameHeader}</th></tr></thead>
<tbody>
${entries.map(([date, name]) => html`<tr><th scope="row">${date}</th><td>${weekdayNameZh(date)}</td><td>${name}</td></tr>`)}
</tbody>
</table>`;
}

/** A year's days: its source and the two tables (shared by the console and the public page). */
function yearDays(y: CalendarYearDetail): SafeHtml {
  return html`<dl class="meta">
<dt>依据</dt><dd>${y.source}</dd>
<dt>数据来源</dt><dd>${originLabel(y)}</dd>
</dl>
<h2>放假日期</h2>
<p>以下日期不计入工作日（含放假期间内的周末）。</p>
${dayTable(`${y.year} 年放假日期`, y.holidays, '节日')}
<h2>调休上班日</h2>
<p>以下周六、周日调休上班，计入工作日。</p>
${dayTable(`${y.year} 年调休上班日`, y.workdays, '调休事由')}`;
}

function errorList(messages: readonly string[] | undefined, id: string): SafeHtml | '' {
  if (!messages || messages.length === 0) return '';
  return html`<div class="field-error" id="${id}"><ul>${messages.map((m) => html`<li>${m}</li>`)}</ul></div>`;
}

function daysTextArea(o: { name: 'holidays' | 'workdays'; label: string; value: string; hint: string; errors: readonly string[] | undefined }): SafeHtml {
  const invalid = (o.errors?.length ?? 0) > 0;
  return html`<div class="field"><label for="${o.name}">${o.label}</label>
<div class="hint" id="${o.name}-hint">${o.hint}</div>${errorList(o.errors, `${o.name}-error`)}<textarea id="${o.name}" name="${o.name}" rows="12" aria-describedby="${o.name}-hint${invalid ? ` ${o.name}-error` : ''}"${invalid ? html` aria-invalid="true"` : ''}>${o.value}</textarea></div>`;
}

/** The form that adds or corrects a year (system administrators). */
function yearForm(o: { year: number; csrf: string; values: CalendarFormValues; errors: CalendarFormErrors; exists: boolean }): SafeHtml {
  const sourceErrors = o.errors.source;
  return html`<h2 id="edit">${o.exists ? '更正' : '录入'} ${o.year} 年数据</h2>
<p>保存后，${o.year} 年的全部放假日期和调休上班日将替换为下面填写的内容（内置数据同样被替换），并记入审计日志。请逐日对照国务院办公厅通知填写。</p>
${o.errors.form ? html`<div class="error" role="alert"><ul>${o.errors.form.map((m) => html`<li>${m}</li>`)}</ul></div>` : ''}
<form method="post" action="/console/calendar/${o.year}" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'source', label: FORM_LABELS.source, value: o.values.source, required: true, error: sourceErrors?.join('；'), hint: '通知文号，如 国办发明电〔2025〕7号' })}
${daysTextArea({ name: 'holidays', label: FORM_LABELS.holidays, value: o.values.holidays, errors: o.errors.holidays, hint: '每行一天：日期 名称，如“2027-01-01 元旦”。放假期间内的周末可以列出，也可以省略；放假的工作日必须逐日列出。' })}
${daysTextArea({ name: 'workdays', label: FORM_LABELS.workdays, value: o.values.workdays, errors: o.errors.workdays, hint: '每行一天：日期 调休事由，如“2027-02-20 春节”。只能是星期六或星期日。' })}
<button type="submit">保存（替换 ${o.year} 年全部数据）</button>
</form>`;
}

/** The console's page of one year: its days, and for administrators the form. `year` null: not covered yet. */
export function calendarYearConsolePage(o: {
  year: number;
  detail: CalendarYearDetail | null;
  canManage: boolean;
  csrf: string;
  values: CalendarFormValues;
  errors: CalendarFormErrors;
}): SafeHtml {
  const fields: readonly CalendarFormField[] = ['source', 'holidays', 'workdays', 'form'];
  const summaryErrors = Object.fromEntries(fields.flatMap((field) => (o.errors[field] ? [[field, o.errors[field].join('；')]] : [])));
  return html`<h1>${o.year} 年工作日历</h1>
${errorSummary(summaryErrors, FORM_LABELS)}
${o.detail
  ? html`${yearDays(o.detail)}<p>最后修改：${lastChange(o.detail)}</p>`
  : html`<p>工作日历尚无 ${o.year} 年数据：涉及该年度的期限将拒绝计算。</p>`}
${o.canManage ? yearForm({ year: o.year, csrf: o.csrf, values: o.values, errors: o.errors, exists: o.detail !== null }) : ''}
<p><a href="/console/calendar">返回工作日历</a>${o.detail ? html` · <a href="/calendar/${o.year}">公开页面</a>` : ''}</p>`;
}

/** The public list of years. */
export function calendarPublicListPage(years: readonly CalendarYearSummary[]): SafeHtml {
  return html`<h1>工作日历</h1>
<p>政府信息公开申请的答复期限等按工作日计算（《中华人民共和国政府信息公开条例》第三十三条）。下列年度的法定节假日和调休上班日依据国务院办公厅当年的放假安排通知。</p>
<ul>${[...years].reverse().map((y) => html`<li><a href="/calendar/${y.year}">${y.year} 年</a>（${y.source}）</li>`)}</ul>`;
}

/** The public page of one year's holidays and make-up working days. */
export function calendarPublicYearPage(detail: CalendarYearDetail): SafeHtml {
  return html`<h1>${detail.year} 年工作日历</h1>
<p>计算工作日时，周一至周五为工作日，但下列放假日期除外；周六、周日休息，但下列调休上班日除外。</p>
${yearDays(detail)}
<p><a href="/calendar">全部年度</a></p>`;
}

/** The public page of a year the calendar does not cover. */
export function calendarPublicMissingPage(year: number): SafeHtml {
  return html`<h1>${year} 年工作日历</h1>
<p>工作日历尚无 ${year} 年数据（国务院办公厅公布当年放假安排后由管理员录入）。涉及该年度的期限暂无法计算。</p>
<p><a href="/calendar">全部年度</a></p>`;
}
