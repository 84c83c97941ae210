/**
 * Text normalisation shared by every loader of the reader: everything downstream (section
 * detection, table extraction, claim matching) matches on the normalised form only.
 */
import { CJK_RADICAL_EQUIVALENTS } from './cjk-radicals.ts';

/** Radical code point → replacement string (the equivalent unified ideograph). */
const RADICALS: ReadonlyMap<number, string> = new Map(
  CJK_RADICAL_EQUIVALENTS.map(([from, to]) => [from, String.fromCodePoint(to)]),
);

/** Any code point of the CJK Radicals Supplement block. */
const RADICAL_RE = /[\u2E80-\u2EFF]/g;

/**
 * Invisible characters removed outright: zero-width space/non-joiner/joiner, BOM/ZWNBSP, word
 * joiner, soft hyphen, and the bidi marks and embeddings (LRM, RLM, LRE…PDF, LRI…PDI) that
 * copy-paste from web pages leaves behind.
 */
const INVISIBLE_RE = /[\u200B-\u200F\uFEFF\u2060\u00AD\u202A-\u202E\u2066-\u2069]/g;

/** Control characters (general category Cc: C0, DEL, C1) except \t and \n. */
const CONTROL_RE = /(?![\t\n])\p{Cc}/gu;

/**
 * Unicode spaces NFKC leaves alone (NBSP, U+2000–200A and U+3000 are already folded by NFKC; they
 * are listed anyway so the function is correct on any input order), plus the line/paragraph
 * separators, which inside one line are just spaces.
 */
const SPACE_RE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

/** Markdown-style bold markers left in plain-text reports: `**五是**推进` → `五是推进`. */
const BOLD_RE = /\*\*([^*\n]+?)\*\*/g;

/**
 * A real tag shape: `<u>`, `</u>`, `<b>`, `<br/>`, `<span style="…">`: `<`, optional `/`, a name
 * starting with a letter, optional attributes after whitespace (at most 200 characters), `>`.
 * `<` in prose followed by a digit or a space is not matched, and `《` is a different character.
 */
const TAG_RE = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]{0,200})?\s*\/?>/g;

/** HTML entities that leak into plain text. Numeric references are decoded as well. */
const ENTITY_RE = /&(?:(nbsp|amp|lt|gt|quot|apos|ensp|emsp|thinsp);|#(\d{1,7});|#[xX]([0-9A-Fa-f]{1,6});)/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
};

/** NFKC, then the radicals map, then invisible/control/space clean-up; no markup handling. */
function foldCharacters(s: string): string {
  return s
    .normalize('NFKC')
    .replace(RADICAL_RE, (ch) => RADICALS.get(ch.codePointAt(0) ?? 0) ?? ch)
    .replace(INVISIBLE_RE, '')
    .replace(CONTROL_RE, '')
    .replace(SPACE_RE, ' ');
}

/** Decodes one numeric character reference; invalid code points decode to nothing. */
function decodeNumeric(cp: number): string {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  return foldCharacters(String.fromCodePoint(cp));
}

/**
 * Normalises one line (or a multi-line string) of report text to the form every downstream
 * matcher expects.
 *
 * Steps, in order:
 * 1. Unicode NFKC: full-width digits, letters and ASCII punctuation become half-width
 *    (`２０２４` → `2024`, `（）` → `()`, `，` → `,`, `：` → `:`, `％` → `%`), Kangxi radicals
 *    (U+2F00–U+2FD5, e.g. `⽣`) become ideographs, U+3000 and NBSP become spaces. Chinese
 *    punctuation without a compatibility mapping is kept: `、。“”《》〔〕`.
 * 2. CJK Radicals Supplement code points (U+2E80–U+2EF3) become their equivalent unified
 *    ideographs (`⺠` → `民`, `⻣` → `骨`), from {@link CJK_RADICAL_EQUIVALENTS}.
 * 3. Zero-width characters (U+200B–U+200D, U+FEFF, U+2060), the soft hyphen and bidi marks are
 *    removed; control characters other than `\t` and `\n` are removed (so is `\r`).
 * 4. Remaining Unicode spaces (U+1680, U+2000–U+200A, U+202F, U+205F, U+2028/2029) become `' '`.
 * 5. Leaked markup is stripped: `**bold**` markers, tag shapes `<u>`, `</u>`, `<b>`,
 *    `<span …>` (only `<` + letter or `/`, at most 200 characters, ending in `>`), then the
 *    entities `&nbsp;` (→ space) `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references.
 *    Entities are decoded after tags are stripped, so an escaped `&lt;b&gt;` survives as text.
 *
 * Spaces are not collapsed and the string is not trimmed: columns stay meaningful.
 * @param s any string; `\n` and `\t` are preserved
 * @returns the normalised string (possibly shorter; never longer except through NFKC expansion)
 */
export function normalizeText(s: string): string {
  let out = foldCharacters(s);
  if (out.includes('**')) out = out.replace(BOLD_RE, '$1');
  if (out.includes('<')) out = out.replace(TAG_RE, '');
  if (out.includes('&')) {
    out = out.replace(ENTITY_RE, (_m, name: string | undefined, dec: string | undefined, hexCode: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? '';
      if (dec !== undefined) return decodeNumeric(parseInt(dec, 10));
      return decodeNumeric(parseInt(hexCode ?? '', 16));
    });
  }
  return out;
}

/** Dashes that decorate page numbers: ASCII hyphen, en/em dashes, minus, figure dash, tilde. */
const DASH = '[-\u2010-\u2015\u2212~\u301C]';
/** Dots that decorate page numbers: middle dot, bullet, katakana middle dot, period. */
const DOT = '[\u00B7\u2022\u30FB\u2027.]';
const N = '\\d{1,4}';

const PAGE_NUMBER_PATTERNS: readonly RegExp[] = [
  // -1-  - 2 -  — 3 —  –4–  ——5——
  new RegExp(`^${DASH}{1,3}\\s*${N}\\s*${DASH}{1,3}$`),
  // 第 5 页, 第5页 共6页, 第5页/共6页, 第5页,共6页
  new RegExp(`^第\\s*${N}\\s*页(?:\\s*[,/|]?\\s*共\\s*${N}\\s*页)?$`),
  // 共6页 第5页
  new RegExp(`^共\\s*${N}\\s*页\\s*[,/|]?\\s*第\\s*${N}\\s*页$`),
  // 5/6  5 / 6
  new RegExp(`^${N}\\s*/\\s*${N}$`),
  // ·5·  • 5 •
  new RegExp(`^${DOT}\\s*${N}\\s*${DOT}$`),
  // - 5 - 共 6 页 is rare; "Page 5" / "Page 5 of 6" from English-language tooling
  new RegExp(`^[Pp]age\\s*${N}(?:\\s*of\\s*${N})?$`),
];

/**
 * True when a line is only a decorated page number: `-1-`, `- 2 -`, `— 3 —`, `–4–`, `第 5 页`,
 * `第5页 共6页`, `5/6`, `·5·`, `Page 5 of 6`. The line is trimmed first and should already be
 * normalised (full-width digits and dashes folded by {@link normalizeText}, but `—` is kept).
 * A bare number (`5`, `2024`) is NOT a page number here: it may be a table value. The PDF loader
 * handles bare numbers separately, by their position at the page's top or bottom edge.
 * @param line one line of text
 */
export function isPageNumberLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 24) return false;
  return PAGE_NUMBER_PATTERNS.some((re) => re.test(t));
}
