/**
 * The reader's entry point for raw input: sniffs what the bytes are and dispatches to the loader
 * for plain text, HTML, DOCX or PDF. Takes bytes, never touches the file system.
 */
import { GongkaiError } from '../../shared/errors.ts';
import { loadDocx } from './load-docx.ts';
import { loadHtml } from './load-html.ts';
import { loadPdf } from './load-pdf.ts';
import { decodeText, decodingNotes, textToSourceDocument } from './load-text.ts';
import type { SourceDocument } from './source-document.ts';

/** Largest input accepted by {@link loadInput}, in bytes (20 MiB: PDFs carry images and fonts). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Most characters of text a loaded document may have (2 million). A real annual report has tens
 * of thousands; the bound keeps the reader's time and memory in check on a document that only
 * claims to be one (a DOCX of 223 KB can unpack to 97 MB of text).
 */
export const MAX_TEXT_CHARS = 2_000_000;

/** What {@link sniffInput} can tell the bytes are. */
export type InputKind = 'pdf' | 'docx' | 'html' | 'json' | 'text' | 'binary';

/** How many bytes at each end of a ZIP archive are searched for the Word main part name. */
const ZIP_PROBE_BYTES = 64 * 1024;
/** How many leading bytes are examined for text/binary and markup signals. */
const TEXT_PROBE_BYTES = 64 * 1024;
/** Share of control bytes above which the input is binary. */
const MAX_CONTROL_SHARE = 0.02;

const WORD_MAIN_PART = new TextEncoder().encode('word/document.xml');

/** Index of `needle` in `hay`, or -1 (a zero-copy Buffer view does the search). */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(needle);
}

/** True when the bytes start with `%PDF-` (allowing up to 1 KiB of junk before it, as readers do). */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024 + 5);
  return indexOfBytes(head, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) !== -1;
}

/** True for a ZIP archive whose directory names `word/document.xml` (searched at both ends). */
function zipKind(bytes: Uint8Array): 'docx' | 'zip' | undefined {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return undefined;
  const head = bytes.subarray(0, ZIP_PROBE_BYTES);
  const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_PROBE_BYTES));
  return indexOfBytes(tail, WORD_MAIN_PART) !== -1 || indexOfBytes(head, WORD_MAIN_PART) !== -1 ? 'docx' : 'zip';
}

/** Share of bytes that are C0 controls other than tab, LF, FF, CR and ESC (NUL counts double). */
function controlShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let bad = 0;
  for (const b of bytes) {
    if (b === 0) bad += 2;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) bad++;
  }
  return bad / bytes.length;
}

/** Decodes the leading probe, tolerating a multi-byte character cut at the probe's end. */
function probeText(bytes: Uint8Array): string | undefined {
  if (bytes.length <= TEXT_PROBE_BYTES) return decodeText(bytes)?.text;
  for (let cut = 0; cut < 4; cut++) {
    const text = decodeText(bytes.subarray(0, TEXT_PROBE_BYTES - cut))?.text;
    if (text !== undefined) return text;
  }
  return undefined;
}

const HTML_START_RE = /^<(?:!doctype\s+html|html|head|body|table|p|div|meta|title|h[1-6]|section|article)[\s>/]/i;
const HTML_ANYWHERE_RE = /<(?:!doctype\s+html|html|body|table)[\s>]/i;

/**
 * Tells what the bytes are, by content first:
 * - `pdf`: `%PDF-` within the first KiB;
 * - `docx`: a ZIP (`PK\x03\x04`) whose first or last 64 KiB contain `word/document.xml`
 *   (any other ZIP is `binary`);
 * - `binary`: more than 2% control bytes (NUL counting double) in the first 64 KiB, or bytes
 *   that are neither UTF-8 (UTF-16 with BOM) nor GB18030;
 * - `html`: the text starts with a tag such as `<!doctype html`, `<html`, `<body`, `<table`,
 *   `<p`, `<div`, or `<html`/`<body`/`<table`/`<!doctype html` appears in its first KiB;
 * - `json`: the first non-space character is `{` (but `{\rtf`, RTF, is `binary`), or a `.json`
 *   file holds a bare JSON value (`null`, a number, a string);
 * - otherwise `text`.
 * The file name's extension only breaks ties: text that contains a tag and is named `.htm(l)`
 * is `html`; text starting with `[` named `.json` is `json`. A `.pdf` that is text is `text`.
 * @param bytes the input
 * @param fileName optional original file name (only its extension is used)
 */
export function sniffInput(bytes: Uint8Array, fileName?: string): InputKind {
  if (isPdf(bytes)) return 'pdf';
  const zip = zipKind(bytes);
  if (zip === 'docx') return 'docx';
  if (zip === 'zip') return 'binary';
  const probe = bytes.subarray(0, TEXT_PROBE_BYTES);
  const utf16 = (probe[0] === 0xff && probe[1] === 0xfe) || (probe[0] === 0xfe && probe[1] === 0xff);
  if (!utf16 && controlShare(probe) > MAX_CONTROL_SHARE) return 'binary';
  const text = probeText(bytes);
  if (text === undefined) return 'binary';
  const start = text.replace(/^[\s\uFEFF]+/, '');
  if (HTML_START_RE.test(start) || HTML_ANYWHERE_RE.test(start.slice(0, 1024))) return 'html';
  // RTF also opens with a brace; it is a word-processor format this reader does not take.
  if (start.startsWith('{\\rtf')) return 'binary';
  if (start.startsWith('{')) return 'json';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'json' && /^(null|true|false|-?\d[\d.eE+-]*|"[^]*")\s*$/.test(start)) return 'json';
  if ((ext === 'html' || ext === 'htm' || ext === 'xhtml') && /<[A-Za-z][^<>]*>/.test(start.slice(0, 4096))) return 'html';
  if (ext === 'json' && start.startsWith('[')) return 'json';
  return 'text';
}

/** True when the document has at least one line with non-whitespace text. */
function hasText(doc: SourceDocument): boolean {
  return doc.lines.some((line) => line.text.trim() !== '');
}

/**
 * Loads any supported input into a {@link SourceDocument}: checks the size, sniffs the kind
 * ({@link sniffInput}) and dispatches to the PDF, DOCX, HTML or plain-text loader.
 * @param bytes the input (at most {@link MAX_INPUT_BYTES})
 * @param fileName optional original file name, a tie-breaker for sniffing and used in messages
 * @returns the loaded document, with at least one non-blank line
 * @throws GongkaiError `INPUT_TOO_LARGE` over {@link MAX_INPUT_BYTES} (checked before any
 *   parsing), over the PDF page limit, or with more than {@link MAX_TEXT_CHARS} characters of text; `INPUT_EMPTY` for empty input or a document without a
 *   non-blank line (e.g. a scanned PDF with no text layer); `INPUT_UNSUPPORTED` for JSON (handled
 *   by the structured-report reader, not here) and binary data; `INPUT_CORRUPT` for a damaged PDF
 *   or DOCX
 */
export async function loadInput(bytes: Uint8Array, fileName?: string): Promise<SourceDocument> {
  const name = fileName ?? 'input';
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new GongkaiError('INPUT_TOO_LARGE', `${name}: ${bytes.length} bytes, at most ${MAX_INPUT_BYTES}`);
  }
  if (bytes.length === 0) throw new GongkaiError('INPUT_EMPTY', name);
  const kind = sniffInput(bytes, fileName);
  let doc: SourceDocument;
  switch (kind) {
    case 'pdf':
      doc = await loadPdf(bytes);
      break;
    case 'docx':
      doc = await loadDocx(bytes);
      break;
    case 'html':
    case 'text': {
      const decoded = decodeText(bytes);
      if (!decoded) throw new GongkaiError('INPUT_UNSUPPORTED', `${name}: not UTF-8 or GB18030 text`);
      doc = kind === 'html' ? loadHtml(decoded.text) : textToSourceDocument(decoded.text);
      doc.notes = decodingNotes(decoded);
      break;
    }
    case 'json':
      throw new GongkaiError('INPUT_UNSUPPORTED', `${name}: JSON input goes to the structured-report reader`);
    case 'binary':
      throw new GongkaiError('INPUT_UNSUPPORTED', `${name}: binary data`);
  }
  if (!hasText(doc)) {
    const why = doc.mediaType === 'application/pdf' ? ' (the PDF has no text layer; a scanned document?)' : '';
    throw new GongkaiError('INPUT_EMPTY', `${name}${why}`);
  }
  let chars = 0;
  for (const line of doc.lines) chars += line.text.length;
  if (chars > MAX_TEXT_CHARS) throw new GongkaiError('INPUT_TOO_LARGE', `${name}: ${chars} characters of text; at most ${MAX_TEXT_CHARS} are read`);
  return doc;
}
