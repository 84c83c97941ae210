/**
 * Binding a report's narrative: the office's rich text, sanitized, with its placeholders
 * (`{{cell:t3/new/total}}`, `{{fact:requests.new}}`) replaced by the computed numbers, so text and
 * tables cannot disagree (RULES.md §6.2 V07). Also lists what is left to do: placeholders naming
 * nothing known, 【请填写…】 markers still in the text, and numbers the office typed by hand that
 * equal a cell (they should be bound instead: a typed number goes stale when a case changes).
 * Pure: no I/O.
 */
import { sanitizeRichText } from '../../catalog/rich-text.ts';
import { factDefinition } from './narrative-facts.ts';
import type { FactUnit, NarrativeValue } from './narrative-facts.ts';

/** The values placeholders are bound to. */
export interface NarrativeValues {
  /** Computed cells by id (`t3/new/total`). */
  readonly cells: Readonly<Record<string, number>>;
  /** Named facts by key (`requests.new`), as `narrativeFacts` returns them. */
  readonly facts: Readonly<Record<string, NarrativeValue>>;
}

/** A placeholder found in a text. */
export interface Placeholder {
  /** As written, e.g. `{{fact:requests.new}}`. */
  readonly raw: string;
  /** `cell`, `fact`, or `invalid` for a `{{…}}` of neither form. */
  readonly kind: 'cell' | 'fact' | 'invalid';
  /** The cell id or fact key; for `invalid`, the text between the braces, trimmed. */
  readonly key: string;
}

/** What {@link bindNarrative} returns. */
export interface BoundNarrative {
  /** The sanitized HTML with every bound placeholder replaced by its number. */
  readonly html: string;
  /** Its plain text: one line per paragraph, list item or heading. */
  readonly text: string;
  /** Placeholders (as written, each once, in order) naming no cell or fact of `values`. */
  readonly unbound: string[];
  /** 【请填写…】 markers still in the text (each once, in order): the office has not written them. */
  readonly unfilled: string[];
}

/** A number typed in the office's text that equals a computed value. */
export interface LiteralNumber {
  /** As typed, e.g. `3,119` or `44.7`. */
  readonly raw: string;
  /** Its value. */
  readonly value: number;
  /** Offset in the text given (UTF-16 code units). */
  readonly index: number;
  /** Cell ids holding that value. */
  readonly cells: string[];
  /** Fact keys with that value (a `%` fact only for a number followed by `%`). */
  readonly facts: string[];
}

/** `{{…}}`: anything between double braces, short, without braces. */
const PLACEHOLDER_RE = /\{\{([^{}]{0,120}?)\}\}/g;
/** The inside of a well-formed placeholder: `cell:table/row/column` or `fact:a.b`. */
const BODY_RE = /^\s*(cell|fact)\s*:\s*([A-Za-z0-9][A-Za-z0-9._/-]*)\s*$/;

/**
 * The marker a template leaves for the office to replace (`【请填写工作考核、社会评议…】`). A report
 * with one left is not finished: the submit step should refuse it. Global (`g`): use it with
 * `match`, `matchAll` or `replace`, not `test`, which keeps state between calls.
 */
export const UNFILLED_MARKER_RE = /【请填写[^】]*】/g;

/** Tags the narrative keeps: paragraphs, emphasis, lists, a minor heading (no tables or links). */
const KEPT_TAGS: ReadonlySet<string> = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h4']);
/** Headings of other levels become `h4`: the report's own section headings are above them. */
const RENAMED_TAGS: Readonly<Record<string, string>> = { h2: 'h4', h3: 'h4' };

/**
 * The placeholders of a text or HTML (each once, in order of first appearance). Malformed
 * `{{…}}` are listed with kind `invalid`.
 */
export function placeholdersOf(html: string): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  for (const m of html.matchAll(PLACEHOLDER_RE)) {
    if (!seen.has(m[0])) seen.set(m[0], parsePlaceholder(m[0], m[1] ?? ''));
  }
  return [...seen.values()];
}

function parsePlaceholder(raw: string, body: string): Placeholder {
  const m = BODY_RE.exec(body);
  if (!m?.[1] || !m[2]) return { raw, kind: 'invalid', key: body.trim() };
  return { raw, kind: m[1] === 'cell' ? 'cell' : 'fact', key: m[2] };
}

/**
 * A value as the narrative prints it: integers plain (`3119`, no grouping), other numbers with up
 * to 4 decimals and no trailing zeros (万元: `0.394`), shares with `%` (`44.7%`), sentences as
 * they are, and `—` for a share of nothing (null).
 * @param unit the fact's unit; `%` appends the percent sign
 */
export function formatNarrativeValue(value: NarrativeValue, unit?: FactUnit): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  const number = Number.isInteger(value) ? String(value === 0 ? 0 : value) : String(Number(value.toFixed(4)));
  return unit === '%' ? `${number}%` : number;
}

/**
 * Binds the office's narrative of one section.
 * @param html the office's rich text (untrusted): sanitized with `sanitizeRichText`, then narrowed
 *   to p, br, strong, em, ul, ol, li and h4 (h2/h3 become h4; links, tables and other tags are
 *   unwrapped, their text kept)
 * @param values the computed cells and facts
 * @returns the bound HTML and its text (paragraphs → `\n`), the placeholders left unbound (left in
 *   the text as written, so nothing wrong is printed) and the 【请填写…】 markers left unfilled
 */
export function bindNarrative(html: string, values: NarrativeValues): BoundNarrative {
  const prepared = prepareNarrative(html);
  const unbound = new Set<string>();
  const htmlParts: string[] = [prepared.htmlParts[0] ?? ''];
  // The text is put together from the prepared text when every printed piece is plain (see
  // `PLAIN_PIECE_RE`); otherwise it is read from the bound HTML, as the prepared text would not say
  // how the sanitizer treats the piece.
  const textParts: string[] | null = prepared.textParts ? [prepared.textParts[0] ?? ''] : null;
  let plain = textParts !== null;
  prepared.placeholders.forEach((placeholder, i) => {
    const value = valueOf(placeholder, values);
    if (value === undefined) unbound.add(placeholder.raw);
    const piece = value ?? placeholder.raw;
    htmlParts.push(value === undefined ? piece : escapeHtml(piece), prepared.htmlParts[i + 1] ?? '');
    if (plain && textParts) {
      if (PLAIN_PIECE_RE.test(piece)) textParts.push(piece, prepared.textParts?.[i + 1] ?? '');
      else plain = false;
    }
  });
  const bound = htmlParts.join('');
  const text = plain && textParts ? textParts.join('') : sanitizeRichText(bound).text;
  const unfilled = [...new Set(text.match(UNFILLED_MARKER_RE) ?? [])];
  return { html: bound, text, unbound: [...unbound], unfilled };
}

/** A narrative's HTML sanitized and cut at its placeholders, ready to bind (see {@link prepareNarrative}). */
interface PreparedNarrative {
  /** The sanitized, narrowed HTML around the placeholders (one more part than placeholders). */
  readonly htmlParts: readonly string[];
  /** The placeholders in order of appearance (repeats included). */
  readonly placeholders: readonly Placeholder[];
  /** Its plain text around the placeholders, or null when it cannot be cut there. */
  readonly textParts: readonly string[] | null;
}

/**
 * Stands for a placeholder while the text is read: a private-use character (no whitespace, no
 * markup), so the sanitizer and the text's line and space handling leave it as it is.
 */
const SLOT = '\uE000';
/**
 * A printed value (or unbound placeholder) that the sanitizer and the plain text keep exactly as it
 * is: no whitespace (which the text collapses and trims), no markup or entity characters, not empty
 * (an empty line is dropped), no slot character.
 */
const PLAIN_PIECE_RE = /^[^\s<>&"'\uE000]+$/;
/** Prepared narratives by their stored HTML: templates are shared by every organization of a kind. */
const prepared = new Map<string, PreparedNarrative>();
/** Bound on {@link prepared} (it is emptied when full): a region's distinct narratives are far fewer. */
const PREPARED_LIMIT = 1000;

/**
 * Sanitizes and narrows a narrative's HTML once per distinct HTML: the sanitizer is most of the
 * cost of binding, and a region's reports share a few templates. The text around the placeholders
 * is read from the sanitized HTML with each placeholder replaced by {@link SLOT}.
 */
function prepareNarrative(html: string): PreparedNarrative {
  const known = prepared.get(html);
  if (known) return known;
  const clean = narrowTags(sanitizeRichText(html).html);
  const htmlParts: string[] = [];
  const placeholders: Placeholder[] = [];
  let at = 0;
  for (const m of clean.matchAll(PLACEHOLDER_RE)) {
    htmlParts.push(clean.slice(at, m.index));
    placeholders.push(parsePlaceholder(m[0], m[1] ?? ''));
    at = m.index + m[0].length;
  }
  htmlParts.push(clean.slice(at));
  let textParts: string[] | null = null;
  if (!clean.includes(SLOT)) {
    const parts = sanitizeRichText(htmlParts.join(SLOT)).text.split(SLOT);
    if (parts.length === placeholders.length + 1) textParts = parts;
  }
  const result: PreparedNarrative = { htmlParts, placeholders, textParts };
  if (prepared.size >= PREPARED_LIMIT) prepared.clear();
  prepared.set(html, result);
  return result;
}

/** The printed value of a placeholder, or undefined when it names nothing in `values`. */
function valueOf(placeholder: Placeholder, values: NarrativeValues): string | undefined {
  switch (placeholder.kind) {
    case 'cell': {
      const value = values.cells[placeholder.key];
      return typeof value === 'number' && Number.isFinite(value) ? formatNarrativeValue(value) : undefined;
    }
    case 'fact': {
      if (!Object.hasOwn(values.facts, placeholder.key)) return undefined;
      const value = values.facts[placeholder.key];
      return value === undefined ? undefined : formatNarrativeValue(value, factDefinition(placeholder.key)?.unit);
    }
    case 'invalid':
      return undefined;
  }
}

/**
 * Keeps only {@link KEPT_TAGS} in sanitized HTML. Safe on `sanitizeRichText` output only: there
 * every `<` and `>` in text and attribute values is escaped, so each `<…>` is a tag. Table rows
 * end with a line break and cells with a space, so their text does not run together.
 */
function narrowTags(html: string): string {
  return html.replace(/<(\/?)([a-z0-9]+)\b[^>]*>/gi, (_m, close: string, tag: string) => {
    const lower = tag.toLowerCase();
    const name = RENAMED_TAGS[lower] ?? lower;
    if (KEPT_TAGS.has(name)) return name === 'br' ? '<br />' : `<${close}${name}>`;
    if (close !== '' && lower === 'tr') return '<br />';
    if (close !== '' && (lower === 'td' || lower === 'th')) return ' ';
    return '';
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number: with thousands separators (`3,119`), or plain, with decimals. */
const NUMBER_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
/** After a number: a date or time unit, an age. */
const DATE_AFTER_RE = /^\s*(?:年|月|日|号|时|分|秒|周岁|岁)/;
/** After a number: an enumerator's point (`3.加强`, `2、`), not a decimal point. */
const ENUMERATOR_AFTER_RE = /^[.．、](?!\d)/;

/**
 * The numbers the office typed that equal a computed value — each should be a placeholder, so it
 * follows the records (V07: a typed number goes stale). Dates (`2024年1月1日`), ordinals (`第3条`),
 * document numbers (`〔2021〕30号`), enumerators (`1.` `（2）`), codes and phone numbers are not
 * figures and are skipped, as are placeholders and 【请填写…】 markers.
 * @param text the office's text with its placeholders unbound (e.g. `sanitizeRichText(html).text`)
 * @param values the computed cells and facts; facts in 年 or text are not compared
 * @returns the matches in text order; a number equal to no value is not listed
 */
export function findLiteralNumbers(text: string, values: NarrativeValues): LiteralNumber[] {
  const blank = (m: string): string => ' '.repeat(m.length);
  const scan = text.replace(PLACEHOLDER_RE, blank).replace(UNFILLED_MARKER_RE, blank);
  const out: LiteralNumber[] = [];
  for (const m of scan.matchAll(NUMBER_RE)) {
    const raw = m[0];
    const index = m.index;
    const before = scan.slice(0, index).trimEnd().slice(-1);
    const after = scan.slice(index + raw.length);
    if (isNotAFigure(raw, before, after)) continue;
    const value = Number(raw.replace(/,/g, ''));
    const percent = /^\s*[%％]/.test(after);
    const cells = percent ? [] : Object.keys(values.cells).filter((id) => same(values.cells[id], value));
    const facts = Object.keys(values.facts).filter((key) => {
      const unit = factDefinition(key)?.unit;
      if (unit === '年' || unit === 'text') return false;
      return (unit === '%') === percent && same(values.facts[key], value);
    });
    if (cells.length > 0 || facts.length > 0) out.push({ raw, value, index, cells, facts });
  }
  return out;
}

/** Whether the number `raw`, between `before` (last non-space character) and `after`, is no figure. */
function isNotAFigure(raw: string, before: string, after: string): boolean {
  const next = after.charAt(0);
  if (/[A-Za-z_\-/:#]/.test(before) || /^[A-Za-z_\-/:]/.test(next)) return true;
  if (/^0\d/.test(raw)) return true;
  if (before === '第' || before === '〔' || before === '[' || next === '〕' || next === ']') return true;
  if (DATE_AFTER_RE.test(after) || ENUMERATOR_AFTER_RE.test(after)) return true;
  return (before === '(' || before === '（') && (next === ')' || next === '）');
}

function same(a: NarrativeValue | undefined, b: number): boolean {
  return typeof a === 'number' && Math.abs(a - b) < 1e-9;
}
