/**
 * Small building blocks of the console's server-rendered forms (users, organizations, login):
 * labelled fields with their error messages, an error summary with role=alert, and turning a
 * urlencoded body or a zod / service error into per-field Chinese messages.
 */
import type { z } from 'zod';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { ErrorIssue } from '../shared/errors.ts';

/** Chinese error messages by form field name. */
export type FieldErrors = Record<string, string>;

/** A urlencoded body as plain strings (a repeated field keeps its last value; non-strings are dropped). */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[value.length - 1] === 'string') out[key] = value[value.length - 1] as string;
  }
  return out;
}

/**
 * Field errors from service issues; `fieldMap` renames API field names to form field names
 * (e.g. `ogiOffice.phone` → `office_phone`).
 */
export function issuesToFieldErrors(issues: readonly ErrorIssue[], fieldMap: (field: string) => string = (f) => f): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldMap(issue.field);
    out[key] ??= issue.messageZh;
  }
  return out;
}

/** Field errors from a failed zod parse, with a Chinese message per field from `messages` (or a generic one). */
export function zodToFieldErrors(error: z.ZodError, messages: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    out[key] ??= messages[key] ?? '该项填写有误';
  }
  return out;
}

/** The error summary at the top of a form (role=alert), linking to each bad field; empty without errors. */
export function errorSummary(errors: FieldErrors, labels: Record<string, string>): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="error" role="alert"><p>提交的内容有 ${entries.length} 处问题，请修改后重新提交：</p><ul>${entries.map(
    ([field, message]) => html`<li><a href="#${field}">${labels[field] ?? field}</a>：${message}</li>`,
  )}</ul></div>`;
}

/** Options of a text-like input. */
export interface TextFieldOptions {
  name: string;
  label: string;
  value?: string | null;
  error?: string | undefined;
  /** `date` also gets the placeholder `YYYY-MM-DD` (for browsers without a date picker). */
  type?: 'text' | 'password' | 'email' | 'url' | 'tel' | 'date';
  hint?: string;
  autocomplete?: string;
  required?: boolean;
}

/** A labelled `<input>` with its hint and error (the input's id is its name). */
export function textField(o: TextFieldOptions): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter((s) => s !== '').join(' ');
  return html`<div class="field"><label for="${o.name}">${o.label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.name}-error">${o.error}</div>` : ''}<input id="${o.name}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.type === 'password' ? '' : (o.value ?? '')}"${o.type === 'date' ? html` placeholder="YYYY-MM-DD"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.required ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}></div>`;
}

/** A labelled `<textarea>` (`rows` default 3) with its hint and error (the textarea's id is its name). */
export function textAreaField(o: { name: string; label: string; value?: string | null; error?: string | undefined; hint?: string; rows?: number }): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter((s) => s !== '').join(' ');
  return html`<div class="field"><label for="${o.name}">${o.label}</label>
${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.name}-error">${o.error}</div>` : ''}<textarea id="${o.name}" name="${o.name}" rows="${o.rows ?? 3}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>${o.value ?? ''}</textarea></div>`;
}

/** Options of a select. */
export interface SelectFieldOptions {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | null;
  error?: string | undefined;
  hint?: string;
}

/** A labelled `<select>` with its hint and error. */
export function selectField(o: SelectFieldOptions): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : ''].filter((s) => s !== '').join(' ');
  return html`<div class="field"><label for="${o.name}">${o.label}</label>
${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.name}-error">${o.error}</div>` : ''}<select id="${o.name}" name="${o.name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>${o.options.map(
    (opt) => html`<option value="${opt.value}"${opt.value === (o.value ?? '') ? html` selected` : ''}>${opt.label}</option>`,
  )}</select></div>`;
}

/** A labelled checkbox (value `1`). */
export function checkboxField(o: { name: string; label: string; checked: boolean; hint?: string }): SafeHtml {
  return html`<div class="field"><input id="${o.name}" name="${o.name}" type="checkbox" value="1"${o.checked ? html` checked` : ''}${o.hint ? html` aria-describedby="${o.name}-hint"` : ''}> <label for="${o.name}" style="display:inline">${o.label}</label>${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}</div>`;
}

/** The hidden CSRF field every console form carries. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
