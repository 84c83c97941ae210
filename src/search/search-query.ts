/**
 * A user's search text as the search runs it: terms (split on whitespace, combined with AND), each
 * one phrase of segmented words; a term that looks like a document number (文号) also matches
 * `catalog_item.document_number` by substring, whatever brackets the user typed. Pure.
 */
import { cutWords, normalizeForSearch, splitTerms, termPhrase } from './segmenter.ts';

/** At most this many terms are used (the rest are ignored): keeps queries cheap. */
export const MAX_TERMS = 8;

/** One term of a query. */
export interface SearchTerm {
  /** The term as typed (NFKC-normalized). */
  text: string;
  /** The words it must match as a phrase in the search table; empty when it has no letter or digit. */
  phrase: string[];
  /**
   * For a term that looks like a document number: the LIKE pattern (lower case, `\` escapes `%` `_`,
   * every bracket a one-character wildcard) matched against `lower(document_number)`; else null.
   */
  documentNumberPattern: string | null;
}

/** Characters that mark a term as a document number: the year brackets and 号. */
const DOCUMENT_NUMBER_MARK = /[〔〕[\]【】号]/u;
/** Brackets people type for 〔〕 (after NFKC, full-width ［］（） are ASCII). */
const BRACKET = /[〔〕[\]【】()]/gu;

/** The LIKE pattern for a document-number term (see {@link SearchTerm.documentNumberPattern}). */
export function documentNumberPattern(term: string): string | null {
  const text = normalizeForSearch(term).trim();
  if (Array.from(text).length < 3 || !DOCUMENT_NUMBER_MARK.test(text)) return null;
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return `%${escaped.replace(BRACKET, '_')}%`;
}

/**
 * Parses the search text into terms. Terms with neither a phrase nor a document-number pattern
 * (only punctuation or FTS syntax such as `"` `*` `NEAR(`… reduced to nothing) are dropped;
 * an empty list means the query has nothing to search for (0 hits, not an error).
 */
export function parseSearchTerms(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const raw of splitTerms(normalizeForSearch(q))) {
    const term: SearchTerm = { text: raw, phrase: termPhrase(raw), documentNumberPattern: documentNumberPattern(raw) };
    if (term.phrase.length > 0 || term.documentNumberPattern !== null) terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/**
 * The strings the snippet marks: each term as typed and its `cut()` words, leaving out single Han
 * characters (号, 的) unless the term is nothing more, so a 文号 search does not mark every 号.
 */
export function highlightWords(terms: readonly SearchTerm[]): string[] {
  const words = new Set<string>();
  for (const term of terms) {
    const cut = cutWords(term.text);
    if (Array.from(term.text).length >= 2 || cut.length <= 1) words.add(term.text);
    for (const word of cut) {
      if (Array.from(word).length >= 2 || !/\p{Script=Han}/u.test(word) || cut.length === 1) words.add(word);
    }
  }
  return [...words].filter((w) => w !== '');
}
