/**
 * The rich-text body of a catalog item: what HTML is kept, and its plain text. Bodies are pasted
 * from word processors and old portals, so the allow-list keeps structure (headings, lists, tables,
 * links) and drops everything active. `validateCatalogItemInput` refuses bodies with scripts or
 * embeds before we get here (the user is told why); this sanitizer is the second line and also
 * cleans imported bodies. Only its output may be passed to `raw()` in pages.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 'ol', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'blockquote'],
  // `rel` is set by the transform below (sanitize-html filters attributes after transforming).
  allowedAttributes: { a: ['href', 'rel'], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Content of these is dropped with the tag, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'title', 'head'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    b: 'strong',
    i: 'em',
    h1: 'h2',
  },
};

const BLOCK_TAGS = new Set(['p', 'br', 'h2', 'h3', 'h4', 'li', 'tr', 'blockquote', 'table', 'ol', 'ul']);

/** Decodes the entities sanitize-html emits, for the plain text. */
function decodeEntities(value: string): string {
  return value
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * Sanitizes a body.
 * @param html untrusted HTML (an editor's input or an imported page)
 * @returns `html`: the allowed subset (links get `rel="noopener noreferrer"`; `javascript:` and
 *   other schemes are removed); `text`: its plain text, blocks separated by newlines, whitespace
 *   collapsed, for search and snippets
 */
export function sanitizeRichText(html: string): { html: string; text: string } {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  const withBreaks = clean.replace(/<\/?([a-z0-9]+)[^>]*>/gi, (_m, tag: string) => (BLOCK_TAGS.has(tag.toLowerCase()) ? '\n' : tag.toLowerCase() === 'td' || tag.toLowerCase() === 'th' ? ' ' : ''));
  const text = decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  return { html: clean, text };
}
