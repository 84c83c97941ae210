/**
 * An annual report as PDF (pdfkit), laid out like the DOCX export: A4 with the GB/T 9704-2012
 * margins, the title centred (2号), section headings (3号, sans face for 黑体), the narrative (3号,
 * two-character indent), each table after its section's text drawn as a ruled grid with the
 * format's merged cells, the signature block, and page numbers `— 1 —`.
 *
 * The text layer is drawn to be read back (by our reader, pdf.js, and by pdftotext): each table
 * row's cells start on one baseline (labels and values are top-aligned, so a wrapped label
 * continues below its values, never beside them), each line of text is one run with normal
 * character spacing, and a long title breaks after the organization's name, the way the reader
 * recognises a title on two lines.
 */
import { GongkaiError } from '../../shared/errors.ts';
import type { PdfFont } from '../../requests/pdf-font.ts';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { exportDocument } from './export-document.ts';
import type { ExportDocument } from './export-document.ts';
import { resolveReportPdfFonts } from './report-pdf-fonts.ts';
import type { ReportPdfFonts } from './report-pdf-fonts.ts';
import type { GridCell, GridTable } from './table-grid.ts';

const POINTS_PER_MM = 72 / 25.4;
/** GB/T 9704-2012 §5.2.1 margins in points (版心 156 × 225 mm on A4). */
const MARGINS = { top: 37 * POINTS_PER_MM, bottom: 35 * POINTS_PER_MM, left: 28 * POINTS_PER_MM, right: 26 * POINTS_PER_MM };
/** Type sizes (points): 2号 title, 3号 body and headings, 五号 tables, 小五 for tables 三 and 四, 4号 page numbers. */
const TITLE_PT = 22;
const BODY_PT = 16;
const TABLE_PT = 10.5;
const DENSE_TABLE_PT = 9;
const PAGE_NUMBER_PT = 14;
/** Line pitch for 22 lines in the 225 mm type area (GB/T 9704 §5.2.2). */
const LINE_PT = 28.95;
/** Table line height as a share of the type size, and cell padding in points. */
const TABLE_LEADING = 1.25;
const PAD_X = 2.5;
const PAD_Y = 3;
/** Punctuation that may not start a line (禁则): it stays at the end of the line before. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’%．,.;:?!)]}');

/** Options of {@link reportToPdf}. */
export interface ReportPdfOptions {
  /** The faces to embed; default {@link resolveReportPdfFonts} on `process.env`. */
  fonts?: ReportPdfFonts;
}

type Doc = PDFKit.PDFDocument;

/** Where the text of a table's cells goes (see {@link PdfLayout.table}). */
interface Placement {
  /** Each cell's text, wrapped to its width. */
  readonly lines: ReadonlyMap<GridCell, string[]>;
  /** For a row's own cells: the line of the row their text starts on. */
  readonly offsets: ReadonlyMap<GridCell, number>;
  /** For merged group labels: the row each of their lines starts. */
  readonly groupRows: ReadonlyMap<GridCell, number[]>;
  readonly lineHeight: number;
}

/** Registers a face under `name`; a collection (.ttc) needs its face name. */
function register(doc: Doc, name: string, font: PdfFont): void {
  if (font.face === undefined) doc.registerFont(name, font.path);
  else doc.registerFont(name, font.path, font.face);
  // Loading happens on first use: select it once so a bad file fails here.
  doc.font(name);
}

/**
 * Breaks `text` into lines no wider than `width` at the current font and size, between any two
 * characters (Chinese has no spaces), keeping closing punctuation on the line it closes.
 */
function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && doc.widthOfString(line + ch) > width && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = ch;
    } else {
      line += ch;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Writes a structured report as PDF.
 * @param report the report (computed or read); every cell of its format's tables is printed as
 *   `showCell` shows it
 * @param options the faces to embed
 * @returns the .pdf file's bytes. Info dictionary: Title, Author (the organization) and, for a
 *   published report, CreationDate = the publication date at 00:00 China time (none otherwise, so
 *   a reader never takes the export time for a publication date)
 * @throws GongkaiError `FONT_MISSING` when no CJK font is found or a font file cannot be loaded;
 *   `CONFIG_INVALID` for a bad `GONGKAI_PDF_FONT`; `FORMAT_UNKNOWN` for an unknown format id
 */
export async function reportToPdf(report: StructuredReport, options: ReportPdfOptions = {}): Promise<Buffer> {
  const document = exportDocument(report);
  const fonts = options.fonts ?? resolveReportPdfFonts();
  const { default: PDFDocument } = await import('pdfkit');
  const published = report.publicationDate?.date ?? null;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: document.title, Author: document.organization, ...(published ? { CreationDate: new Date(`${published}T00:00:00+08:00`) } : {}) },
  });
  // pdfkit stamps the export time as CreationDate, which a reader takes for the publication date
  // of a draft. Hidden from the info dictionary (written from the enumerable keys), it still
  // serves pdfkit's XMP code, which needs it (and is not written at PDF 1.3).
  if (!published) Object.defineProperty(doc.info, 'CreationDate', { value: new Date(), enumerable: false });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, font] of [['body', fonts.body], ['heading', fonts.heading], ['title', fonts.title]] as const) {
    try {
      register(doc, name, font);
    } catch (error) {
      doc.end();
      await finished.catch(() => undefined);
      throw new GongkaiError('FONT_MISSING', `the font ${font.path}${font.face === undefined ? '' : `#${font.face}`} could not be loaded`, { cause: error });
    }
  }
  new PdfLayout(doc).write(document);
  doc.end();
  return finished;
}

/** Draws the blocks of an {@link ExportDocument} down the pages. */
class PdfLayout {
  private readonly left = MARGINS.left;
  private readonly width: number;
  private readonly bottom: number;
  private y = MARGINS.top;

  constructor(private readonly doc: Doc) {
    this.width = doc.page.width - MARGINS.left - MARGINS.right;
    this.bottom = doc.page.height - MARGINS.bottom;
  }

  write(document: ExportDocument): void {
    this.title(document);
    for (const block of document.blocks) {
      switch (block.kind) {
        case 'heading':
          this.heading(block.text);
          break;
        case 'paragraph':
          this.paragraph(block.text);
          break;
        case 'table-title':
          this.tableTitle(block.text);
          break;
        case 'table':
          this.table(block.table);
          break;
      }
    }
    this.signature(document);
    this.pageNumbers();
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGINS.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGINS.top) this.newPage();
  }

  /** Extra leading that makes a line of `size` points take {@link LINE_PT}. */
  private gap(size: number): number {
    return Math.max(0, LINE_PT - this.doc.fontSize(size).currentLineHeight(true));
  }

  /** One line of text at (x, y) with no wrapping (y is the top of the line). */
  private line(text: string, x: number, y: number): void {
    this.doc.text(text, x, y, { lineBreak: false });
  }

  /**
   * The title, centred. Too long for one line, it breaks after the organization's name when the
   * rest fits on one line (`淮安市人民政府办公室` / `2024年政府信息公开工作年度报告`), else anywhere.
   */
  private title(document: ExportDocument): void {
    const doc = this.doc.font('title').fontSize(TITLE_PT);
    let lines = [document.title];
    if (doc.widthOfString(document.title) > this.width) {
      const org = document.organization;
      const rest = document.title.slice(org.length);
      lines = org !== '' && document.title.startsWith(org) && doc.widthOfString(rest) <= this.width && doc.widthOfString(org) <= this.width ? [org, rest] : wrap(doc, document.title, this.width);
    }
    const pitch = TITLE_PT * 1.5;
    for (const text of lines) {
      this.line(text, this.left + (this.width - doc.widthOfString(text)) / 2, this.y);
      this.y += pitch;
    }
    this.y += LINE_PT; // 空一行 between title and body (GB/T 9704 §7.3.1)
  }

  /** A section heading, kept with at least two lines of what follows. */
  private heading(text: string): void {
    this.ensure(LINE_PT * 3);
    this.doc.font('heading').fontSize(BODY_PT);
    this.doc.text(text, this.left, this.y, { width: this.width, indent: BODY_PT * 2, lineGap: this.gap(BODY_PT) });
    this.y = this.doc.y;
  }

  /** A paragraph of narrative; pdfkit wraps it and continues it on the next page. */
  private paragraph(text: string): void {
    this.ensure(LINE_PT);
    this.doc.font('body').fontSize(BODY_PT);
    this.doc.text(text, this.left, this.y, { width: this.width, indent: BODY_PT * 2, lineGap: this.gap(BODY_PT) });
    this.y = this.doc.y;
  }

  /** A centred title over a table (the 2014 统计表). */
  private tableTitle(text: string): void {
    this.ensure(LINE_PT * 4);
    this.y += LINE_PT / 2;
    this.doc.font('heading').fontSize(BODY_PT);
    this.line(text, this.left + (this.width - this.doc.widthOfString(text)) / 2, this.y);
    this.y += LINE_PT;
  }

  /** The signature block: organization, then date, right-aligned 4 characters from the edge. */
  private signature(document: ExportDocument): void {
    const lines = [document.organization, document.dateText ?? ''].filter((t) => t !== '');
    if (lines.length === 0) return;
    this.ensure(LINE_PT * (lines.length + 1));
    this.y += LINE_PT;
    this.doc.font('body').fontSize(BODY_PT);
    const right = this.left + this.width - BODY_PT * 4;
    for (const text of lines) {
      this.line(text, right - this.doc.widthOfString(text), this.y);
      this.y += LINE_PT;
    }
  }

  /** `— N —` centred 7 mm under the type area of every page (GB/T 9704 §7.5). */
  private pageNumbers(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const text = `— ${i - range.start + 1} —`;
      this.doc.font('body').fontSize(PAGE_NUMBER_PT);
      this.line(text, this.left + (this.width - this.doc.widthOfString(text)) / 2, this.bottom + 7 * POINTS_PER_MM);
    }
  }

  /**
   * A table on its grid. Row heights fit the wrapped text of their cells (a merged cell's need is
   * added to its last row). A table that fits on a fresh page but not in the rest of this one
   * starts on a new page; a longer one breaks between rows, never inside the header, and a merged
   * cell cut by the break is ruled on both pages with its text on the first.
   */
  private table(grid: GridTable): void {
    const doc = this.doc.font('body').fontSize(grid.dense ? DENSE_TABLE_PT : TABLE_PT);
    const lineHeight = (grid.dense ? DENSE_TABLE_PT : TABLE_PT) * TABLE_LEADING;
    const xs = [this.left];
    for (const w of grid.widths) xs.push((xs[xs.length - 1] ?? this.left) + w * this.width);
    const cellX = (cell: GridCell): number => xs[cell.col] ?? this.left;
    const cellWidth = (cell: GridCell): number => (xs[cell.col + cell.colspan] ?? this.left + this.width) - cellX(cell);
    const lines = new Map<GridCell, string[]>();
    for (const row of grid.rows) for (const cell of row) lines.set(cell, wrap(doc, cell.text, cellWidth(cell) - 2 * PAD_X));
    const need = (cell: GridCell): number => (lines.get(cell)?.length ?? 1) * lineHeight + 2 * PAD_Y;

    // A data row's labels end on its anchor line, where its values start: a wrapped label reads
    // on as one run up to the values (its key is never cut by them), and a wrapped text cell
    // follows its label.
    const offsets = new Map<GridCell, number>();
    const heights = grid.rows.map((row) => {
      const own = row.filter((c) => c.rowspan === 1 && c.kind !== 'header' && c.kind !== 'top');
      const isLabel = (c: GridCell): boolean => c.kind === 'label' || c.kind === 'heading';
      const anchor = Math.max(0, ...own.filter(isLabel).map((c) => (lines.get(c)?.length ?? 1) - 1));
      let count = 1;
      for (const cell of own) {
        const n = lines.get(cell)?.length ?? 1;
        const offset = isLabel(cell) ? anchor - (n - 1) : anchor;
        offsets.set(cell, offset);
        count = Math.max(count, offset + n);
      }
      const single = row.filter((c) => c.rowspan === 1 && !offsets.has(c)).map(need);
      return Math.max(count * lineHeight + 2 * PAD_Y, ...single);
    });
    for (const row of grid.rows) {
      for (const cell of row.filter((c) => c.rowspan > 1)) {
        const spanned = heights.slice(cell.row, cell.row + cell.rowspan).reduce((a, b) => a + b, 0);
        const last = cell.row + cell.rowspan - 1;
        if (spanned < need(cell)) heights[last] = (heights[last] ?? 0) + need(cell) - spanned;
      }
    }
    const sum = (from: number, to: number): number => heights.slice(from, to).reduce((a, b) => a + b, 0);
    // A merged group label puts each of its lines at the start of one of its rows, the rows
    // chosen around the middle of the span: a line drawn between two rows' lines could land
    // inside a wrapped label and cut its words apart in the text layer.
    const groupRows = new Map<GridCell, number[]>();
    for (const row of grid.rows) {
      for (const cell of row.filter((c) => c.kind === 'group' && c.rowspan > 1)) {
        const n = lines.get(cell)?.length ?? 1;
        if (n > cell.rowspan) continue;
        const middle = sum(cell.row, cell.row + cell.rowspan) / 2;
        const lineAt = (r: number): number => sum(cell.row, r) + PAD_Y + lineHeight / 2;
        let best = cell.row;
        for (let r0 = cell.row; r0 + n <= cell.row + cell.rowspan; r0++) {
          const centre = (lineAt(r0) + lineAt(r0 + n - 1)) / 2;
          const bestCentre = (lineAt(best) + lineAt(best + n - 1)) / 2;
          if (Math.abs(centre - middle) < Math.abs(bestCentre - middle)) best = r0;
        }
        groupRows.set(cell, Array.from({ length: n }, (_, k) => best + k));
      }
    }
    const placement: Placement = { lines, offsets, groupRows, lineHeight };
    const total = sum(0, heights.length);
    const pageHeight = this.bottom - MARGINS.top;
    if (this.y + total > this.bottom && total <= pageHeight) this.newPage();
    else this.ensure(sum(0, Math.min(heights.length, grid.headerRows + 1)));

    let first = 0;
    for (let r = 0; r < heights.length; r++) {
      const atBreak = r > first && r >= grid.headerRows && this.y + sum(first, r + 1) > this.bottom;
      if (atBreak) {
        this.segment(grid, first, r, heights, xs, placement);
        this.newPage();
        first = r;
      }
    }
    this.segment(grid, first, heights.length, heights, xs, placement);
    this.y += LINE_PT / 2;
  }

  /** Draws rows `[from, to)` of a table from the current y: rules, then text. */
  private segment(grid: GridTable, from: number, to: number, heights: readonly number[], xs: readonly number[], placement: Placement): void {
    const doc = this.doc;
    const { lines, offsets, groupRows, lineHeight } = placement;
    const tops: number[] = [];
    let y = this.y;
    for (let r = from; r < to; r++) {
      tops[r] = y;
      y += heights[r] ?? 0;
    }
    const bottomOf = (r: number): number => (tops[r] ?? y) + (heights[r] ?? 0);
    doc.lineWidth(0.5);
    const texts: { text: string; x: number; width: number; top: number; align: 'left' | 'center' }[] = [];
    for (const row of grid.rows) {
      for (const cell of row) {
        const a = Math.max(from, cell.row);
        const b = Math.min(to, cell.row + cell.rowspan);
        if (a >= b) continue;
        const x = xs[cell.col] ?? this.left;
        const w = (xs[cell.col + cell.colspan] ?? x) - x;
        const top = tops[a] ?? this.y;
        const h = bottomOf(b - 1) - top;
        doc.rect(x, top, w, h).stroke();
        const text = lines.get(cell) ?? [];
        const align = cell.kind === 'label' || cell.kind === 'heading' ? 'left' : 'center';
        const rows = groupRows.get(cell);
        if (rows) {
          // Each line at the start of its row, on whichever page that row is.
          text.forEach((t, k) => {
            const r = rows[k] ?? cell.row;
            if (r >= from && r < to) texts.push({ text: t, x, width: w, top: (tops[r] ?? top) + PAD_Y, align });
          });
          continue;
        }
        if (cell.row < from) continue; // the text of a cell cut by a page break is on the first page
        // A row's own cells sit on its lines; headings and other merged cells are centred.
        const offset = offsets.get(cell);
        const first = offset === undefined ? top + (h - text.length * lineHeight) / 2 : top + PAD_Y + offset * lineHeight;
        text.forEach((t, k) => texts.push({ text: t, x, width: w, top: first + k * lineHeight, align }));
      }
    }
    const lift = (lineHeight - doc.currentLineHeight()) / 2;
    for (const t of texts) {
      const left = t.align === 'left' ? t.x + PAD_X : t.x + (t.width - doc.widthOfString(t.text)) / 2;
      this.line(t.text, left, t.top + lift);
    }
    this.y = y;
  }
}
