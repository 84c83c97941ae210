/**
 * Lays out a document model of `reply-templates.ts` as DOCX (docx) or PDF (pdfkit), on A4 with the
 * margins and type sizes of GB/T 9704-2012 (党政机关公文格式): title 2号 (22 pt) centred, body 3号
 * (16 pt) with a two-character first-line indent, 28.95 pt lines (22 per page), signature block
 * on the right with the date in `2026年11月30日` form.
 *
 * Fonts: 仿宋_GB2312, 方正小标宋简体 and 宋体 are proprietary and cannot be shipped (STACK.md §4).
 * The DOCX names them and declares, in its font table, a GB2312 charset and the free-standing
 * alternative (`仿宋`, `宋体`) so Word and LibreOffice substitute a Chinese face, not a Latin one.
 * The PDF embeds a subset of a CJK font file found by {@link resolvePdfFont}.
 *
 * docx and pdfkit are imported on first use: loading them costs 0.2–0.7 s, paid only by callers
 * that write a document.
 */
import type { Paragraph, TextRun } from 'docx';
import { GongkaiError } from '../shared/errors.ts';
import { resolvePdfFont } from './pdf-font.ts';
import type { PdfFont } from './pdf-font.ts';
import type { ReplyDocumentModel } from './reply-templates.ts';

/** A4 and the GB/T 9704-2012 §5.2.1 margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), in mm. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
const TWIPS_PER_MM = 1440 / 25.4;
const POINTS_PER_MM = 72 / 25.4;

/**
 * The page of a GB/T 9704 DOCX section (the docx package's `properties.page`): A4 and the §5.2.1
 * margins of {@link PAGE_MM}, in twips. Shared with the annual-report export (report-docx.ts).
 */
export const DOCX_PAGE = {
  size: { width: Math.round(PAGE_MM.width * TWIPS_PER_MM), height: Math.round(PAGE_MM.height * TWIPS_PER_MM) },
  margin: {
    top: Math.round(PAGE_MM.top * TWIPS_PER_MM),
    bottom: Math.round(PAGE_MM.bottom * TWIPS_PER_MM),
    left: Math.round(PAGE_MM.left * TWIPS_PER_MM),
    right: Math.round(PAGE_MM.right * TWIPS_PER_MM),
  },
} as const;

/** Type sizes in points: 2号 title, 3号 body. */
const TITLE_PT = 22;
const BODY_PT = 16;
/** Line pitch for 22 lines in the 225 mm type area (GB/T 9704 §5.2.2). */
const LINE_PT = 28.95;

/** A DOCX font declaration: the name runs use, the alternative to substitute, the charset. */
export interface DocxFontDeclaration {
  name: string;
  altName: string;
  /** Hex charset code: `86` = GB2312 (Chinese Simplified). */
  charset: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** Fonts the DOCX names (East Asian text), with the fallbacks it declares. */
export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  body: { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  fallback: { name: '宋体', altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
} as const satisfies Record<string, DocxFontDeclaration>;

/** The face of Latin text and figures in every DOCX gongkai writes. */
export const LATIN_FONT = 'Times New Roman';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Escapes text for an XML attribute or element (the five predefined entities). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * The DOCX font table (`word/fontTable.xml`) declaring `fonts` (default {@link DOCX_FONTS}) and the
 * Latin face: `w:altName` names the
 * face to substitute when the named one is missing, and charset 86 (GB2312) keeps the substitute
 * Chinese. The docx package writes an empty table, so this replaces it.
 */
export function docxFontTableXml(declared: Readonly<Record<string, DocxFontDeclaration>> = DOCX_FONTS): string {
  const fonts = Object.values(declared)
    .map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/><w:charset w:val="${f.charset}"/>` +
        `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}` +
    `<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
  );
}

/**
 * Writes the document as DOCX: title, number line, salutation, body, contact line, signature
 * block (agency, date), A4 with GB/T 9704 margins. Core properties: title = the document's title,
 * creator = the agency.
 * @returns the .docx file's bytes
 */
export async function buildDocx(model: ReplyDocumentModel): Promise<Buffer> {
  const { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } = await import('docx');
  const run = (text: string, eastAsia: string, points: number): TextRun =>
    new TextRun({ text, size: Math.round(points * 2), font: { eastAsia, ascii: LATIN_FONT, hAnsi: LATIN_FONT, hint: 'eastAsia' } });
  const exactLine = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };
  const body = DOCX_FONTS.body.name;
  const indentTwips = BODY_PT * 2 * 20; // two characters
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(TITLE_PT * 1.5 * 20), lineRule: LineRuleType.EXACT, after: Math.round(LINE_PT * 20) }, children: [run(model.title, DOCX_FONTS.title.name, TITLE_PT)] }),
  ];
  if (model.documentNumber) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, children: [run(model.documentNumber, body, BODY_PT)] }));
  children.push(new Paragraph({ spacing: exactLine, children: [run(model.addressee, body, BODY_PT)] }));
  for (const text of model.paragraphs) {
    children.push(new Paragraph({ alignment: AlignmentType.BOTH, spacing: exactLine, indent: { firstLine: indentTwips }, children: [run(text, body, BODY_PT)] }));
  }
  if (model.contactZh) children.push(new Paragraph({ spacing: exactLine, indent: { firstLine: indentTwips }, children: [run(model.contactZh, body, BODY_PT)] }));
  // GB/T 9704 §7.3.5.1: the date 右空四字, the agency centred over it; a blank line before the block.
  const signatureIndent = { right: BODY_PT * 4 * 20 };
  children.push(new Paragraph({ spacing: exactLine, children: [] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: signatureIndent, children: [run(model.organizationName, body, BODY_PT)] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: signatureIndent, children: [run(model.dateZh, body, BODY_PT)] }));

  const doc = new Document({
    title: model.title,
    creator: model.organizationName,
    description: model.legalBasisZh ?? model.title,
    styles: { default: { document: { run: { size: BODY_PT * 2, font: { eastAsia: body, ascii: LATIN_FONT, hAnsi: LATIN_FONT } } } } },
    sections: [{ properties: { page: DOCX_PAGE }, children }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: docxFontTableXml() }]);
}

/** Options of {@link buildPdf}. */
export interface PdfOptions {
  /** The font to embed; default {@link resolvePdfFont} on `process.env`. */
  font?: PdfFont;
}

/**
 * Writes the document as PDF: A4, the same layout as the DOCX, with a subset of one CJK font
 * embedded (so the text layer extracts as the model's text). Info dictionary: Title, Author (the
 * agency) and CreationDate = the document's date at 00:00 China time, so the output does not
 * depend on the clock.
 * @returns the .pdf file's bytes
 * @throws GongkaiError `FONT_MISSING` when no font is found or the font file cannot be loaded
 *   (wrong face name, damaged file); `CONFIG_INVALID` for a bad `GONGKAI_PDF_FONT`
 */
export async function buildPdf(model: ReplyDocumentModel, options: PdfOptions = {}): Promise<Buffer> {
  const font = options.font ?? resolvePdfFont();
  const { default: PDFDocument } = await import('pdfkit');
  const margins = {
    top: PAGE_MM.top * POINTS_PER_MM,
    bottom: PAGE_MM.bottom * POINTS_PER_MM,
    left: PAGE_MM.left * POINTS_PER_MM,
    right: PAGE_MM.right * POINTS_PER_MM,
  };
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    info: { Title: model.title, Author: model.organizationName, CreationDate: new Date(`${model.issuedOn}T00:00:00+08:00`) },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    if (font.face === undefined) doc.registerFont('cjk', font.path);
    else doc.registerFont('cjk', font.path, font.face);
    doc.font('cjk');
  } catch (error) {
    doc.end();
    await finished.catch(() => undefined);
    const face = font.face === undefined ? '' : `#${font.face}`;
    throw new GongkaiError('FONT_MISSING', `the font ${font.path}${face} could not be loaded`, { cause: error });
  }

  const width = doc.page.width - margins.left - margins.right;
  const x = margins.left;
  const gap = (size: number) => Math.max(0, LINE_PT - doc.fontSize(size).currentLineHeight(true));
  doc.fontSize(TITLE_PT).text(model.title, x, margins.top, { width, align: 'center', lineGap: gap(TITLE_PT) });
  doc.moveDown(1);
  const bodyGap = gap(BODY_PT);
  doc.fontSize(BODY_PT);
  if (model.documentNumber) doc.text(model.documentNumber, x, undefined, { width, align: 'right', lineGap: bodyGap });
  doc.text(model.addressee, x, undefined, { width, lineGap: bodyGap });
  for (const text of model.paragraphs) doc.text(text, x, undefined, { width, indent: BODY_PT * 2, lineGap: bodyGap });
  if (model.contactZh) doc.text(model.contactZh, x, undefined, { width, indent: BODY_PT * 2, lineGap: bodyGap });
  doc.moveDown(1);
  const signatureWidth = width - BODY_PT * 4;
  doc.text(model.organizationName, x, undefined, { width: signatureWidth, align: 'right', lineGap: bodyGap });
  doc.text(model.dateZh, x, undefined, { width: signatureWidth, align: 'right', lineGap: bodyGap });
  doc.end();
  return finished;
}
