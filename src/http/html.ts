/**
 * Escaped-by-default HTML: `html\`<p>${text}</p>\`` escapes every interpolated value unless it is
 * itself `SafeHtml` (the result of another `html` call, or `raw()` for sanitized rich text).
 * Arrays are joined; `null`, `undefined` and `false` render nothing. Pages are built only with this.
 */
import { escapeHtml } from '../reports/render/render-html.ts';

/** A string known to be safe HTML. */
export class SafeHtml {
  /** @param value HTML that is already escaped or sanitized */
  constructor(readonly value: string) {}
  /** The HTML text. */
  toString(): string {
    return this.value;
  }
}

/** A value that may be interpolated into {@link html}. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** The escaping template tag. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * Marks HTML as safe without escaping. Only for HTML that went through the rich-text sanitizer
 * (`src/catalog/rich-text.ts`) or is a constant of ours.
 */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}
