/**
 * Chinese word segmentation for search (STACK.md §1–2): neither SQLite's FTS5 nor PostgreSQL's
 * `simple` parser can split Han text into words, so the application segments with jieba and both
 * engines index the space-separated words. The index and the query go through the SAME token
 * function, which is what keeps the two dialects' hits identical and makes phrases line up.
 *
 * The token stream of a text: for each word of jieba's `cut()` (hmm on), the word itself followed
 * by the dictionary words inside it (乡村振兴 → 乡村振兴 乡村 振兴), like `cutForSearch()` but with
 * the whole word first and parts of any length (cutForSearch puts the word last and emits only
 * 2- and 3-character parts). So a query phrase that starts inside a compound still lines up:
 * 扶贫资金 is found in 精准扶贫资金 (… 精准扶贫 精准 扶贫 资金 …), 信息公开工作 in 政府信息公开工作,
 * and 人民共和国 inside the single word 中华人民共和国.
 * Every token is cleaned to runs of letters/digits (Han runs split from other runs, Latin lower-cased,
 * diacritics and full-width forms folded), so FTS5's unicode61 and PostgreSQL's parser see the very
 * same words: `COVID-19` → `covid 19`, `吴政办发〔2017〕19号` → `吴 政办发 办发 2017 19 号`.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The user dictionary of government terms. Resolved from the package root so the same path works
 * from `src/search/` (tsx) and from `dist/search/` (the compiled build; tsc does not copy .txt files).
 */
const USER_DICT_URL = new URL('../../src/search/data/user-dict.txt', import.meta.url);

/**
 * The word the PostgreSQL side inserts between fields (see search-sql.ts) so that a phrase cannot
 * run from one field into the next, as it cannot on FTS5. Never produced from a text or a query.
 */
export const FIELD_SEPARATOR_TOKEN = 'gkfieldsep';

/** Tokens dropped from every text and query (see {@link FIELD_SEPARATOR_TOKEN}). */
export const RESERVED_TOKENS: ReadonlySet<string> = new Set([FIELD_SEPARATOR_TOKEN]);

/** Longest token kept, in characters (PostgreSQL refuses lexemes over 2 KB; none of ours is near). */
const MAX_TOKEN_CHARS = 100;

let instance: Jieba | null = null;

/** The user dictionary's entries (`word freq tag` lines), comments and blank lines removed. */
export function userDictionaryLines(): string[] {
  return readFileSync(USER_DICT_URL, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * The one shared jieba instance with the default dictionary and our user dictionary, created on
 * first use (loading takes ~150 ms, so not at import time).
 */
export function jieba(): Jieba {
  if (instance === null) {
    const created = Jieba.withDict(dict);
    // jieba-rs refuses comment lines, hence the filtering above.
    created.loadDict(Buffer.from(userDictionaryLines().join('\n'), 'utf8'));
    instance = created;
  }
  return instance;
}

/**
 * Folds the forms a user and a document may write differently: full-width letters/digits and
 * compatibility forms (NFKC: `２０１７` → `2017`, `①` → `1`) and diacritics (`café` → `cafe`).
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

const TOKEN_PIECE = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Splits one jieba token into clean pieces: Han runs and lower-cased letter/digit runs. */
function cleanToken(token: string): string[] {
  const pieces: string[] = [];
  for (const match of token.toLowerCase().matchAll(TOKEN_PIECE)) {
    const piece = match[0];
    if (piece.length <= MAX_TOKEN_CHARS && !RESERVED_TOKENS.has(piece)) pieces.push(piece);
  }
  return pieces;
}

let dictionaryWords: Set<string> | null = null;

/** Every word of jieba's dictionaries (default and ours): what counts as a sub-word. Built once (~0.2 s). */
function dictionary(): Set<string> {
  if (dictionaryWords === null) {
    const words = new Set<string>();
    const addWords = (text: string): void => {
      // One word per line, the word up to the first space; scanned with indexOf (349k lines).
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const space = text.indexOf(' ', start);
        const word = text.slice(start, space >= 0 && space < end ? space : end).trim();
        if (word.length >= 2) words.add(word);
        start = end + 1;
      }
    };
    addWords(Buffer.from(dict).toString('utf8'));
    addWords(userDictionaryLines().join('\n'));
    dictionaryWords = words;
  }
  return dictionaryWords;
}

/**
 * The dictionary words strictly inside a Han word, in pre-order: by start, longer first
 * (政府信息公开 → 政府 信息 公开; 精准扶贫 → 精准 扶贫). Pre-order keeps each part next to what
 * follows the word, so a phrase starting inside a compound still lines up.
 */
function subWords(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length <= 2) return [];
  const words = dictionary();
  const out: string[] = [];
  for (let start = 0; start < chars.length; start += 1) {
    for (let end = chars.length - (start === 0 ? 1 : 0); end >= start + 2; end -= 1) {
      const candidate = chars.slice(start, end).join('');
      if (words.has(candidate)) out.push(candidate);
    }
  }
  return out;
}

/** One clean piece of a `cut()` word and the dictionary words inside it. */
interface Piece {
  piece: string;
  subWords: string[];
}

/**
 * The pieces of each jieba word, memoized: a corpus repeats a few thousand words, and cleaning a
 * word and finding its dictionary sub-words was most of the segmentation cost of a bulk import
 * (about 260 of 430 µs per item). Bounded, and cleared whole when full (cheap, and rare).
 */
const PIECE_CACHE_MAX = 200_000;
const pieceCache = new Map<string, readonly Piece[]>();

function piecesOfWord(word: string): readonly Piece[] {
  let cached = pieceCache.get(word);
  if (cached === undefined) {
    cached = cleanToken(word).map((piece) => ({ piece, subWords: /^\p{Script=Han}/u.test(piece) ? subWords(piece) : [] }));
    if (pieceCache.size >= PIECE_CACHE_MAX) pieceCache.clear();
    pieceCache.set(word, cached);
  }
  return cached;
}

/** The clean pieces of a normalized text's `cut()` words, in order (shared objects: do not mutate). */
function pieces(normalized: string): readonly Piece[] {
  if (normalized.trim() === '') return [];
  return jieba().cut(normalized, true).flatMap(piecesOfWord);
}

/**
 * The clean tokens of a text, in order (see the module comment): each word, then its sub-words.
 * @param maxTokens keep at most this many (PostgreSQL records positions only up to 16,383)
 */
export function searchTokens(text: string, maxTokens = Number.POSITIVE_INFINITY): string[] {
  const tokens = pieces(normalizeForSearch(text)).flatMap((p) => [p.piece, ...p.subWords]);
  return tokens.length > maxTokens ? tokens.slice(0, maxTokens) : tokens;
}

/**
 * The text as the search table stores it: the clean tokens joined by single spaces.
 * `segmentForIndex('关于做好扶贫资金公开工作的通知')` → `关于 做好 扶贫 资金 公开 工作 的 通知`.
 * @param maxTokens keep at most this many tokens
 */
export function segmentForIndex(text: string, maxTokens = Number.POSITIVE_INFINITY): string {
  return searchTokens(text, maxTokens).join(' ');
}

/**
 * One query term as the phrase to look for: its tokens as {@link searchTokens} makes them, except
 * that the last word's sub-words are left off. The phrase need not reach past its last word, and a
 * last word that sits inside a longer word of the document is then still found (扶贫 in 精准扶贫).
 * Empty when the term has no letter or digit.
 */
export function termPhrase(term: string): string[] {
  const list = pieces(normalizeForSearch(term));
  return list.flatMap((p, i) => (i === list.length - 1 ? [p.piece] : [p.piece, ...p.subWords]));
}

/**
 * A user's query as phrases: split on whitespace (ASCII and the ideographic space) into terms, each
 * term one phrase ({@link termPhrase}: its `cut()` words, segmented as the index segments them).
 * Terms without any letter or digit are dropped, so `"` `*` `(` never reach the engine.
 * `segmentQuery('乡村振兴 〔2017〕19号')` → `[['乡村振兴'], ['2017', '19', '号']]`.
 */
export function segmentQuery(text: string): string[][] {
  return splitTerms(text)
    .map(termPhrase)
    .filter((words) => words.length > 0);
}

/** The whitespace-separated terms of a query, without duplicates, in order. */
export function splitTerms(text: string): string[] {
  return [...new Set(text.split(/\s+/u).filter((term) => term !== ''))];
}

/** The `cut()` words of a term (normalized, cleaned): what the snippet highlights. */
export function cutWords(term: string): string[] {
  return pieces(normalizeForSearch(term)).map((p) => p.piece);
}
