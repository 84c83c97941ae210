/**
 * Search-result snippets: a window of an item's original text around the first matched word, HTML
 * escaped, with `<mark>` around every matched word in the window. Built here from the stored text
 * (not by the engines' snippet functions), so it is identical on SQLite and PostgreSQL and can never
 * carry markup from the input: everything but our own `<mark>` tags goes through `escapeHtml`. Pure.
 */
import { escapeHtml } from '../reports/render/render-html.ts';

/** Default snippet length, in UTF-16 code units (≈ characters for Chinese text). */
export const SNIPPET_LENGTH = 120;

/** Characters of context kept before the first match. */
const LEAD = 30;

function escapeRegExp(text: string): string {
  // Only the syntax characters: in unicode mode (`u`) any other escape is an error.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Moves an index off the second half of a surrogate pair, so a window never splits a character. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/** Escapes `text` and wraps every match of `pattern` in `<mark>`. */
function markMatches(text: string, pattern: RegExp | null): string {
  if (pattern === null) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    out += escapeHtml(text.slice(last, index)) + '<mark>' + escapeHtml(match[0]) + '</mark>';
    last = index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * Builds the snippet.
 * @param sources the texts to take it from, in order of preference (body text, summary); the first
 *   one containing a matched word is used, else the beginning of the first non-empty one
 * @param words the words to mark (case-insensitive); longer ones win where they overlap
 * @param length the window's length in UTF-16 code units
 * @returns safe HTML: escaped text with `<mark>…</mark>`, `…` where the window cuts the text
 */
export function buildSnippet(sources: readonly (string | null | undefined)[], words: readonly string[], length = SNIPPET_LENGTH): string {
  const texts = sources.map((s) => (s ?? '').replace(/\s+/gu, ' ').trim()).filter((s) => s !== '');
  const alternatives = [...new Set(words.filter((w) => w !== ''))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'giu') : null;
  let text = texts[0] ?? '';
  let first = 0;
  if (pattern !== null) {
    for (const candidate of texts) {
      pattern.lastIndex = 0;
      const found = pattern.exec(candidate);
      if (found) {
        text = candidate;
        first = found.index;
        break;
      }
    }
  }
  let start = Math.max(0, first - LEAD);
  const end = safeIndex(text, Math.min(text.length, start + length));
  if (end - start < length) start = Math.max(0, end - length);
  start = safeIndex(text, start);
  if (pattern !== null) pattern.lastIndex = 0;
  return (start > 0 ? '…' : '') + markMatches(text.slice(start, end), pattern) + (end < text.length ? '…' : '');
}
