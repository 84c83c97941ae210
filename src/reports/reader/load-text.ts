/**
 * Plain-text loader: decodes the bytes (UTF-8, UTF-16 with BOM, or GB18030) and turns every input
 * line into one normalised {@link SourceLine}, keeping line numbers 1:1 with the file.
 */
import { GongkaiError } from '../../shared/errors.ts';
import { isPageNumberLine, normalizeText } from './normalize-text.ts';
import type { SourceDocument, SourceLine } from './source-document.ts';

/** The text encodings {@link decodeText} recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Result of {@link decodeText}. */
export interface DecodedText {
  /** The decoded text, without BOM. */
  text: string;
  /** The encoding that decoded the bytes. */
  encoding: TextEncodingName;
  /** How many malformed byte sequences were replaced by U+FFFD (lenient UTF-8 only); absent when none. */
  replaced?: number;
}

/** Most malformed sequences a mostly-UTF-8 text may have and still be read (with a note): 0.5% of its characters, at least 1. */
function replacementAllowance(length: number): number {
  return Math.max(1, Math.floor(length * 0.005));
}

/** Decodes strictly; undefined on malformed input (the decoder's TypeError is caught). A BOM is stripped. */
function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes text bytes, strictly. A UTF-8 or UTF-16 byte order mark decides the encoding; without
 * one, valid UTF-8 is UTF-8, else valid GB18030 is GB18030 (government text files are often
 * GBK/GB2312, which GB18030 includes). Node's full-ICU build provides the GB18030 decoder.
 * @param bytes the raw file content
 * Bytes that are neither are read as UTF-8 with the malformed sequences replaced (U+FFFD, counted
 * in `replaced`) when those are few: at most 0.5% of the characters (at least 1).
 * @returns the text (BOM stripped) and its encoding, or `undefined` when the bytes are neither
 *   valid UTF-8 nor valid GB18030 nor mostly UTF-8 (or not valid UTF-16 after a UTF-16 BOM). Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = tryDecode(bytes, 'utf-8');
    return text === undefined ? undefined : { text, encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    const text = tryDecode(bytes, 'utf-16le');
    return text === undefined ? undefined : { text, encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const text = tryDecode(bytes, 'utf-16be');
    return text === undefined ? undefined : { text, encoding: 'utf-16be' };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  // A UTF-8 file with a stray byte (a cut character at the end, one line in another encoding)
  // is still the report: read it with the bad bytes replaced, rather than refusing it whole.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let i = lenient.indexOf('\uFFFD'); i !== -1; i = lenient.indexOf('\uFFFD', i + 1)) replaced++;
  if (replaced > 0 && replaced <= replacementAllowance(lenient.length)) return { text: lenient, encoding: 'utf-8', replaced };
  return undefined;
}

/** Line terminators of plain text: CRLF, CR, LF, and form feed (a page break). */
const LINE_BREAK_RE = /\r\n|\r|\n|\f/;

/**
 * Splits text into lines as a file viewer numbers them: `\r\n`, `\r`, `\n` and `\f` each end a
 * line, and a terminator at the very end does not start an extra empty line. A form feed thus
 * leaves a line of its own (blank) when it stands between two line breaks, and otherwise splits
 * the line it is in, keeping the page break visible as a line boundary.
 * @returns at least one line for non-empty input; `[]` for `''`
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(LINE_BREAK_RE);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Loads a plain-text report.
 *
 * Line N of the result is line N of the file (1-based `position.line`, `position.column` 1):
 * every line is normalised with {@link normalizeText}; a page-number-only line
 * ({@link isPageNumberLine}) is recorded in `dropped` (reason `page-number`, original trimmed
 * text, its position) and replaced by an empty line. Tabs are kept. No `pageCount`, no metadata.
 * @param bytes the file content (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK)
 * @returns a `text/plain` {@link SourceDocument}; it may have no non-blank line (the caller
 *   decides whether that is an error)
 * @throws GongkaiError `INPUT_UNSUPPORTED` when the bytes are not decodable text
 */
export function loadText(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes);
  if (!decoded) throw new GongkaiError('INPUT_UNSUPPORTED', 'the text is neither UTF-8 nor GB18030');
  return { ...textToSourceDocument(decoded.text), notes: decodingNotes(decoded) };
}

/** The notes a lenient decoding leaves for the report (`TEXT_MALFORMED_BYTES`), or none. */
export function decodingNotes(decoded: DecodedText): { code: string; message: string }[] {
  if (!decoded.replaced) return [];
  return [
    {
      code: 'TEXT_MALFORMED_BYTES',
      message: `${decoded.replaced} malformed UTF-8 byte sequence(s) were replaced by U+FFFD; the text around them may be wrong`,
    },
  ];
}

/**
 * The part of {@link loadText} after decoding, for callers that already hold a string.
 * @param text the decoded text (a leading U+FEFF is removed by normalisation)
 */
export function textToSourceDocument(text: string): SourceDocument {
  const lines: SourceLine[] = [];
  const dropped: SourceDocument['dropped'] = [];
  for (const [i, raw] of splitLines(text).entries()) {
    const position = { line: i + 1, column: 1 };
    const normalised = normalizeText(raw);
    if (isPageNumberLine(normalised)) {
      dropped.push({ reason: 'page-number', text: normalised.trim(), position });
      lines.push({ text: '', position });
    } else {
      lines.push({ text: normalised, position });
    }
  }
  return { mediaType: 'text/plain', lines, metadata: {}, dropped };
}
