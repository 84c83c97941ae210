/**
 * Form fields of the requests console (Chinese, no JavaScript). Unlike `src/auth/form-view.ts`, the
 * element id is separate from the field name: the case page carries one form per event kind, and
 * several of them have an `on` (date) field, so ids are prefixed with the form's kind to stay unique
 * (labels and error links need unique ids).
 */
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';

/** One `<option>`. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** What every field takes. */
export interface FieldOptions {
  /** The element id (unique on the page). */
  id: string;
  /** The form field name posted. */
  name: string;
  label: string;
  value?: string | null;
  /** The Chinese error shown next to the field. */
  error?: string | undefined;
  hint?: string | SafeHtml;
  required?: boolean;
}

function describedBy(o: FieldOptions): SafeHtml | '' {
  const ids = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter((s) => s !== '').join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

function head(o: FieldOptions): SafeHtml {
  return html`<label for="${o.id}">${o.label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
${o.hint ? html`<div class="hint" id="${o.id}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.id}-error">${o.error}</div>` : ''}`;
}

/** A labelled `<input>` (text, date, number, tel, email) with its hint and error. */
export function inputField(o: FieldOptions & { type?: 'text' | 'date' | 'number' | 'tel' | 'email'; min?: number; max?: number }): SafeHtml {
  const type = o.type ?? 'text';
  return html`<div class="field">${head(o)}<input id="${o.id}" name="${o.name}" type="${type}" value="${o.value ?? ''}"${type === 'date' ? html` placeholder="YYYY-MM-DD"` : ''}${o.min !== undefined ? html` min="${o.min}"` : ''}${o.max !== undefined ? html` max="${o.max}"` : ''}${o.required ? html` required` : ''}${describedBy(o)}${o.error ? html` aria-invalid="true"` : ''}></div>`;
}

/** A labelled `<textarea>` with its hint and error. */
export function textAreaField(o: FieldOptions & { rows?: number }): SafeHtml {
  return html`<div class="field">${head(o)}<textarea id="${o.id}" name="${o.name}" rows="${o.rows ?? 3}"${o.required ? html` required` : ''}${describedBy(o)}${o.error ? html` aria-invalid="true"` : ''}>${o.value ?? ''}</textarea></div>`;
}

/** A labelled `<select>`: flat `options`, or `groups` rendered as `<optgroup>`s (after any flat options). */
export function choiceField(o: FieldOptions & { options?: readonly ChoiceOption[]; groups?: readonly { label: string; options: readonly ChoiceOption[] }[] }): SafeHtml {
  const option = (opt: ChoiceOption): SafeHtml => html`<option value="${opt.value}"${opt.value === (o.value ?? '') ? html` selected` : ''}>${opt.label}</option>`;
  return html`<div class="field">${head(o)}<select id="${o.id}" name="${o.name}"${o.required ? html` required` : ''}${describedBy(o)}${o.error ? html` aria-invalid="true"` : ''}>${(o.options ?? []).map(option)}${(o.groups ?? []).map(
    (g) => html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>`,
  )}</select></div>`;
}

/**
 * A labelled checkbox posting `value` under `name` when ticked; `checked` when the posted value was
 * `value`. Several may share a name (one id each): the label sits after the box, as forms read.
 */
export function checkboxField(o: FieldOptions & { value: string; checked: boolean }): SafeHtml {
  return html`<div class="field"><input id="${o.id}" name="${o.name}" type="checkbox" value="${o.value}" style="width:auto"${o.checked ? html` checked` : ''}${describedBy(o)}${o.error ? html` aria-invalid="true"` : ''}> <label for="${o.id}" style="display:inline">${o.label}</label>
${o.hint ? html`<div class="hint" id="${o.id}-hint">${o.hint}</div>` : ''}${o.error ? html`<div class="field-error" id="${o.id}-error">${o.error}</div>` : ''}</div>`;
}

/** `text` cut to at most `max` characters (code points), with `…` when cut. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
