/**
 * DOCX loader: mammoth converts the document to HTML (keeping colspan/rowspan of merged table
 * cells), which {@link loadHtml} turns into lines. Title and creation date come from
 * `docProps/core.xml`, read with a minimal ZIP central-directory reader.
 */
import { inflateRawSync } from 'node:zlib';
import { GongkaiError, isGongkaiError } from '../../shared/errors.ts';
import { loadHtml } from './load-html.ts';
import { normalizeText } from './normalize-text.ts';
import type { SourceDocument } from './source-document.ts';

/** Largest uncompressed `word/document.xml` accepted (a guard against ZIP bombs). */
const MAX_DOCUMENT_XML_BYTES = 16 * 1024 * 1024;
/** Largest uncompressed `docProps/core.xml` read for metadata. */
const MAX_CORE_XML_BYTES = 1024 * 1024;

/** One entry of a ZIP central directory. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/**
 * Lists the entries of a ZIP archive from its central directory (no ZIP64 support).
 * @returns the entries, or `undefined` when no valid end-of-central-directory record is found
 */
function readZipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEocd = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= minEocd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads one stored or deflated entry; `undefined` when it cannot be read. */
function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | undefined {
  if (entry.uncompressedSize > maxBytes) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) return undefined;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data;
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
  return undefined;
}

/** Converts an ISO/W3CDTF timestamp to its calendar date in China time (UTC+8), `YYYY-MM-DD`. */
function chinaDate(w3cdtf: string): string | undefined {
  const s = w3cdtf.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * Reads title and creation date from `docProps/core.xml` (Dublin Core `dc:title`,
 * `dcterms:created`). Missing or unreadable properties are simply absent.
 */
function readCoreProperties(bytes: Uint8Array, entries: readonly ZipEntry[]): SourceDocument['metadata'] {
  const metadata: SourceDocument['metadata'] = {};
  const entry = entries.find((e) => e.name === 'docProps/core.xml');
  const xmlBytes = entry && readZipEntry(bytes, entry, MAX_CORE_XML_BYTES);
  if (!xmlBytes) return metadata;
  const xml = new TextDecoder().decode(xmlBytes);
  const title = /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(xml)?.[1];
  if (title !== undefined) {
    const t = normalizeText(title).trim();
    if (t !== '') metadata.title = t;
  }
  const created = /<dcterms:created(?:\s[^>]*)?>([^<]*)<\/dcterms:created>/.exec(xml)?.[1];
  const date = created === undefined ? undefined : chinaDate(created);
  if (date !== undefined) metadata.creationDate = date;
  return metadata;
}

/**
 * Loads a DOCX report: mammoth `convertToHtml` (merged cells keep colspan/rowspan; images are
 * not decoded), then {@link loadHtml}. Lines, positions and `fromTable` are as for HTML.
 * `metadata.title` and `metadata.creationDate` (China-time `YYYY-MM-DD` of `dcterms:created`)
 * come from `docProps/core.xml` when present.
 * @param bytes the .docx file content
 * @returns a DOCX {@link SourceDocument}; it may have no non-blank line
 * @throws GongkaiError `INPUT_CORRUPT` when the bytes are not a readable ZIP with a Word main
 *   document part, `INPUT_TOO_LARGE` when `word/document.xml` claims more than 16 MiB unpacked
 */
export async function loadDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new GongkaiError('INPUT_CORRUPT', 'the DOCX is not a readable ZIP archive');
  const main = entries.find((e) => e.name === 'word/document.xml');
  if (main && main.uncompressedSize > MAX_DOCUMENT_XML_BYTES) {
    throw new GongkaiError('INPUT_TOO_LARGE', `word/document.xml unpacks to ${main.uncompressedSize} bytes`);
  }
  // imported lazily: mammoth and its ZIP library cost ~0.2 s at start-up, paid only for DOCX input
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    if (isGongkaiError(error)) throw error;
    throw new GongkaiError('INPUT_CORRUPT', 'the DOCX could not be converted', { cause: error });
  }
  const doc = loadHtml(html);
  return {
    ...doc,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    metadata: readCoreProperties(bytes, entries),
  };
}
