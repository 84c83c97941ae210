/**
 * PDF loader: pdf.js text content, regrouped into visual lines by baseline, with the x position
 * of every text run kept as tokens so table columns can be recovered downstream.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GongkaiError, isGongkaiError } from '../../shared/errors.ts';
import { isPageNumberLine, normalizeText } from './normalize-text.ts';
import type { PlacedToken, Position, SourceDocument, SourceLine } from './source-document.ts';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfjsModule = typeof Pdfjs;
type PdfDocument = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;

/** Most pages read from one PDF; longer documents are refused. */
export const MAX_PDF_PAGES = 300;

/** Vertical tolerance for putting two text items on one line, as a share of the font size. */
const SAME_LINE_TOLERANCE = 0.4;
/** Gaps below this share of the font size join items without a separator (split glyph runs). */
const JOIN_GAP = 0.25;
/**
 * Gaps above this share of the font size are column gaps: a tab. Measured on huaian-2024.pdf: gaps
 * in prose are at most 0.27 font sizes, gaps between table cells at least 1.23; one ideographic
 * space (letter-spaced titles) is 1.0.
 */
const COLUMN_GAP = 1.2;
/** Between two numbers, gaps above this share of the font size are already column gaps. */
const NUMERIC_COLUMN_GAP = 0.8;
/** A bare 1–3 digit number in the bottom 8% or top 5% of the page is a page number. */
const BOTTOM_MARGIN = 0.08;
const TOP_MARGIN = 0.05;

let pdfjsPromise: Promise<{ pdfjs: PdfjsModule; cMapUrl: string; standardFontDataUrl: string }> | undefined;

/**
 * Imports pdf.js once, lazily (it is large: only PDF inputs pay for it), and locates its CMaps
 * and standard fonts next to the installed package rather than relative to the working directory.
 */
function loadPdfjs(): Promise<{ pdfjs: PdfjsModule; cMapUrl: string; standardFontDataUrl: string }> {
  pdfjsPromise ??= (async () => {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    return { pdfjs, cMapUrl: join(pkgDir, 'cmaps') + '/', standardFontDataUrl: join(pkgDir, 'standard_fonts') + '/' };
  })();
  return pdfjsPromise;
}

/** One non-blank text item in top-left page coordinates (PDF points). */
interface PlacedItem {
  text: string;
  x: number;
  /** Baseline, measured down from the page's top edge. */
  y: number;
  width: number;
  fontSize: number;
  /** A whitespace-only item: pdf.js's word-gap marker; only its presence between runs counts. */
  space: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Multiplies two PDF affine matrices `[a, b, c, d, e, f]` (m1 × m2, as pdf.js `Util.transform`). */
function multiply(m1: readonly number[], m2: readonly number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

const NUMERIC_RE = /^[-+]?\d[\d,.]*%?$/;

/**
 * Groups placed items into visual lines. Items sorted by baseline join the current line while
 * their baseline is within 40% of the font size of the line's last item, and within 80% of the
 * line's first item (so a line cannot drift down a column of stacked labels). Each line is then
 * sorted by x; fake-bold duplicates (the same run drawn twice a fraction of a point apart) are
 * dropped, and a line of spaces only is discarded.
 */
function groupIntoLines(items: PlacedItem[]): PlacedItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PlacedItem[][] = [];
  let current: PlacedItem[] = [];
  for (const item of sorted) {
    const first = current[0];
    const last = current[current.length - 1];
    if (
      first &&
      last &&
      Math.abs(item.y - last.y) <= SAME_LINE_TOLERANCE * Math.max(item.fontSize, last.fontSize) &&
      Math.abs(item.y - first.y) <= 2 * SAME_LINE_TOLERANCE * Math.max(item.fontSize, first.fontSize)
    ) {
      current.push(item);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [item];
  }
  if (current.length > 0) lines.push(current);
  const out: PlacedItem[][] = [];
  for (const line of lines) {
    const byX = line.sort((a, b) => a.x - b.x);
    const kept = byX.filter((item, i) => {
      const prev = byX[i - 1];
      return !(prev && prev.text === item.text && Math.abs(prev.x - item.x) < 0.3 * item.fontSize);
    });
    if (kept.some((item) => !item.space)) out.push(kept);
  }
  return out;
}

/**
 * Joins the items of one line: nothing between runs closer than 0.25 font sizes (they merge into
 * one token) unless pdf.js put a space item between them, a tab across a gap wider than 1.2 font
 * sizes (0.8 between two numbers), otherwise a space.
 */
function joinLine(items: readonly PlacedItem[]): { text: string; tokens: PlacedToken[] } {
  let text = '';
  const tokens: PlacedToken[] = [];
  let prev: PlacedItem | undefined;
  let token: PlacedToken | undefined;
  let spaceSeen = false;
  for (const item of items) {
    if (item.space) {
      spaceSeen = prev !== undefined;
      continue;
    }
    if (prev && token) {
      const gap = item.x - (prev.x + prev.width);
      const em = Math.max(prev.fontSize, item.fontSize);
      const numeric = NUMERIC_RE.test(token.text) && NUMERIC_RE.test(item.text);
      if (gap > COLUMN_GAP * em || (numeric && gap > NUMERIC_COLUMN_GAP * em)) {
        text += '\t';
      } else if (gap >= JOIN_GAP * em || spaceSeen) {
        text += ' ';
      } else {
        text += item.text;
        token.text += item.text;
        token.width = round2(Math.max(token.x + token.width, item.x + item.width) - token.x);
        prev = item;
        continue;
      }
    }
    spaceSeen = false;
    token = { text: item.text, offset: text.length, x: round2(item.x), width: round2(item.width) };
    tokens.push(token);
    text += item.text;
    prev = item;
  }
  return { text, tokens };
}

/**
 * Converts a PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`, later fields optional) to the calendar
 * date in China time (UTC+8), `YYYY-MM-DD`. A date without a time-zone offset is taken as China
 * local time. Returns `undefined` for anything unparseable.
 */
export function pdfDateToChinaDate(value: string): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, tzh = '00', tzm = '00'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s));
  if (sign === undefined) {
    utc -= 8 * 3600 * 1000; // no offset: China local time
  } else if (sign === '+' || sign === '-') {
    const offsetMs = (Number(tzh) * 60 + Number(tzm)) * 60 * 1000;
    utc += sign === '+' ? -offsetMs : offsetMs;
  }
  const date = new Date(utc + 8 * 3600 * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** Reads `Title` and `CreationDate` from the PDF info dictionary. */
async function readMetadata(doc: PdfDocument): Promise<SourceDocument['metadata']> {
  const metadata: SourceDocument['metadata'] = {};
  const { info } = await doc.getMetadata();
  const dict = info as Record<string, unknown>;
  const title = dict.Title;
  if (typeof title === 'string') {
    const t = normalizeText(title).trim();
    if (t !== '') metadata.title = t;
  }
  const created = dict.CreationDate;
  if (typeof created === 'string') {
    const date = pdfDateToChinaDate(created);
    if (date !== undefined) metadata.creationDate = date;
  }
  return metadata;
}

/** The non-blank text items of one page in top-left coordinates. */
async function readPageItems(doc: PdfDocument, pageNumber: number): Promise<{ items: PlacedItem[]; height: number }> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PlacedItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const text = normalizeText(item.str).trim();
      const t = multiply(viewport.transform, item.transform as number[]);
      const fontSize = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 1;
      const space = text === '';
      // pdf.js gives space items absurd widths; they only mark a word gap
      const width = space ? 0 : item.width * viewport.scale;
      items.push({ text, x: t[4] ?? 0, y: t[5] ?? 0, width, fontSize, space });
    }
    return { items, height: viewport.height };
  } finally {
    page.cleanup();
  }
}

/** True for a page-number line: decorated ({@link isPageNumberLine}) or a bare number at an edge. */
function isPageNumber(text: string, y: number, fontSize: number, pageHeight: number): boolean {
  if (isPageNumberLine(text)) return true;
  if (!/^\d{1,3}$/.test(text.trim())) return false;
  return y > (1 - BOTTOM_MARGIN) * pageHeight || y - fontSize < TOP_MARGIN * pageHeight;
}

/** Maps pdf.js failures to the error catalogue. */
function corrupt(error: unknown, what: string): GongkaiError {
  if (isGongkaiError(error)) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = name === 'PasswordException' ? 'the PDF is encrypted' : what;
  return new GongkaiError('INPUT_CORRUPT', detail, { cause: error });
}

/**
 * Loads a PDF report's text layer with pdf.js (legacy build, no eval, no system fonts, no font
 * faces, warnings silenced).
 *
 * Per page, text items are converted to top-left coordinates (points; y is the baseline measured
 * down from the top), grouped into lines by baseline (tolerance 40% of the font size), sorted by
 * x and joined: nothing between runs closer than 0.25 font sizes (they become one token) unless
 * pdf.js marked a word gap there, a tab across a gap wider than 1.2 font sizes (0.8 between two
 * numbers), else a space. Lines of one table row whose labels wrap stay separate lines. Every line
 * carries `tokens` (text, offset in the line, x, width) and `position` {page, line, x, y}, where
 * `line` is the 1-based index in the whole document. Pages are separated by one empty line.
 * Page numbers (a line passing {@link isPageNumberLine}, or a bare 1–3 digit number in the bottom
 * 8% / top 5% of the page) go to `dropped` with {page, x, y}. All text is normalised
 * ({@link normalizeText}), which also folds the CJK radicals some text layers contain.
 * `metadata`: `Title` and the China-time date of `CreationDate` from the info dictionary.
 * @param bytes the PDF file content (not modified; pdf.js gets a copy)
 * @returns an `application/pdf` {@link SourceDocument} with `pageCount`; it may have no non-blank
 *   line (a scanned PDF without a text layer)
 * @throws GongkaiError `INPUT_TOO_LARGE` over {@link MAX_PDF_PAGES} pages; `INPUT_CORRUPT` when
 *   the PDF is damaged, encrypted with a user password, or a page's text cannot be read
 */
export async function loadPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const { pdfjs, cMapUrl, standardFontDataUrl } = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a plain Uint8Array copy: pdf.js refuses Buffers and may transfer its input
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw corrupt(error, 'the PDF could not be opened');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new GongkaiError('INPUT_TOO_LARGE', `${doc.numPages} pages, at most ${MAX_PDF_PAGES} are read`);
    }
    const metadata = await readMetadata(doc).catch(() => ({}));
    const lines: SourceLine[] = [];
    const dropped: SourceDocument['dropped'] = [];
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++) {
      let page: { items: PlacedItem[]; height: number };
      try {
        page = await readPageItems(doc, pageNumber);
      } catch (error) {
        throw corrupt(error, `the text of page ${pageNumber} could not be read`);
      }
      if (pageNumber > 1) lines.push({ text: '', position: { page: pageNumber - 1, line: lines.length + 1 } });
      for (const group of groupIntoLines(page.items)) {
        const first = group.find((i) => !i.space);
        if (!first) continue;
        const { text, tokens } = joinLine(group);
        const x = round2(Math.min(...group.filter((i) => !i.space).map((i) => i.x)));
        const y = round2(first.y);
        if (isPageNumber(text, first.y, first.fontSize, page.height)) {
          const position: Position = { page: pageNumber, x, y };
          dropped.push({ reason: 'page-number', text, position });
          continue;
        }
        lines.push({ text, position: { page: pageNumber, line: lines.length + 1, x, y }, tokens });
      }
    }
    return { mediaType: 'application/pdf', lines, pageCount: doc.numPages, metadata, dropped };
  } finally {
    await doc.destroy();
  }
}
