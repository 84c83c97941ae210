/**
 * An annual report as a Word document (DOCX) in the official layout: A4 with the GB/T 9704-2012
 * margins, the title centred in 方正小标宋简体 2号, section headings in 黑体 3号, the narrative in
 * 仿宋_GB2312 3号 with a two-character indent, each table after its section's text with the
 * merged cells of the format (`formatLayouts`: colspan as `w:gridSpan`, rowspan as
 * `w:vMerge restart/continue`), and the signature block (落款) at the end: organization, date.
 *
 * The Chinese faces are proprietary (STACK.md §4): runs name them for the East Asian script and
 * the font table declares a GB2312 charset and a free-standing alternative (仿宋, 宋体, SimHei), so
 * Word and LibreOffice substitute a Chinese face, never a Latin one.
 */
import type * as Docx from 'docx';
import type { Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { DOCX_FONTS, DOCX_PAGE, docxFontTableXml, escapeXml, LATIN_FONT, PAGE_MM } from '../../requests/reply-document.ts';
import type { DocxFontDeclaration } from '../../requests/reply-document.ts';
import { exportDocument } from './export-document.ts';
import type { GridCell, GridTable } from './table-grid.ts';

const TWIPS_PER_MM = 1440 / 25.4;
/** Width of the type area, in twips: tables fill it. */
const TYPE_WIDTH_TWIPS = Math.round((PAGE_MM.width - PAGE_MM.left - PAGE_MM.right) * TWIPS_PER_MM);

/** Type sizes in points: 2号 title, 3号 body and headings, 五号 tables, 小五 for the wide tables 三 and 四. */
const TITLE_PT = 22;
const BODY_PT = 16;
const TABLE_PT = 10.5;
const DENSE_TABLE_PT = 9;
/** Line pitch for 22 lines in the 225 mm type area (GB/T 9704 §5.2.2). */
const LINE_PT = 28.95;

/** The faces the document names for Chinese text, with the alternative each declares. */
const FONTS = {
  title: DOCX_FONTS.title,
  body: DOCX_FONTS.body,
  heading: { name: '黑体', altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  fallback: DOCX_FONTS.fallback,
} as const satisfies Record<string, DocxFontDeclaration>;

/**
 * The core properties (`docProps/core.xml`): title, creator = the organization, and
 * `dcterms:created` = the publication date (China midnight) or none. The docx package would stamp
 * the current time, which a reader takes for the publication date of an unpublished report.
 */
function corePropertiesXml(title: string, creator: string, publicationDate: string | null): string {
  const created = publicationDate === null ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${new Date(`${publicationDate}T00:00:00+08:00`).toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(creator)}</dc:creator>${created}</cp:coreProperties>`
  );
}

/**
 * Writes a structured report as DOCX.
 * @param report the report (computed or read); every cell of its format's tables is printed as
 *   `showCell` shows it (numbers; `/` not applicable; `—` missing)
 * @returns the .docx file's bytes
 * @throws GongkaiError `FORMAT_UNKNOWN` when `report.format.id` is not a known format
 */
export async function reportToDocx(report: StructuredReport): Promise<Buffer> {
  const document = exportDocument(report);
  const docx = await import('docx');
  const { AlignmentType, Document, HeadingLevel, LineRuleType, Packer, Paragraph, TextRun } = docx;
  const run = (text: string, eastAsia: string, points: number): TextRun =>
    new TextRun({ text, size: Math.round(points * 2), font: { eastAsia, ascii: LATIN_FONT, hAnsi: LATIN_FONT, hint: 'eastAsia' } });
  const exactLine = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };
  const indent = { firstLine: BODY_PT * 2 * 20 }; // two characters

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(TITLE_PT * 1.5 * 20), lineRule: LineRuleType.EXACT, after: Math.round(LINE_PT * 20) },
      children: [run(document.title, FONTS.title.name, TITLE_PT)],
    }),
  ];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(block.text, FONTS.heading.name, BODY_PT)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ alignment: AlignmentType.BOTH, spacing: exactLine, indent, children: [run(block.text, FONTS.body.name, BODY_PT)] }));
        break;
      case 'table-title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exactLine, before: Math.round(LINE_PT * 20) }, keepNext: true, children: [run(block.text, FONTS.heading.name, BODY_PT)] }));
        break;
      case 'table':
        children.push(docxTable(docx, block.table));
        // Word merges two adjacent tables into one; an empty paragraph keeps them apart.
        children.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] }));
        break;
    }
  }
  // GB/T 9704 §7.3.5.1: the date 右空四字, the organization above it; a blank line before the block.
  const signature = { right: BODY_PT * 4 * 20 };
  children.push(new Paragraph({ spacing: exactLine, children: [] }));
  if (document.organization !== '') children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: signature, children: [run(document.organization, FONTS.body.name, BODY_PT)] }));
  if (document.dateText !== null) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: signature, children: [run(document.dateText, FONTS.body.name, BODY_PT)] }));

  const doc = new Document({
    title: document.title,
    creator: document.organization,
    styles: {
      default: { document: { run: { size: BODY_PT * 2, font: { eastAsia: FONTS.body.name, ascii: LATIN_FONT, hAnsi: LATIN_FONT } } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: BODY_PT * 2, bold: false, color: '000000', font: { eastAsia: FONTS.heading.name, ascii: LATIN_FONT, hAnsi: LATIN_FONT } },
          paragraph: { spacing: exactLine, indent, keepNext: true, outlineLevel: 0 },
        },
      ],
    },
    sections: [{ properties: { page: DOCX_PAGE }, children }],
  });
  return Packer.toBuffer(doc, false, [
    { path: 'word/fontTable.xml', data: docxFontTableXml(FONTS) },
    { path: 'docProps/core.xml', data: corePropertiesXml(document.title, document.organization, report.publicationDate?.date ?? null) },
  ]);
}

/** Column widths in twips, the last absorbing the rounding so they fill the type area exactly. */
function twipWidths(grid: GridTable): number[] {
  const widths = grid.widths.map((w) => Math.round(w * TYPE_WIDTH_TWIPS));
  const rest = TYPE_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/**
 * One table on its grid. Each grid row lists, left to right, the cells starting on it and, under
 * a cell merged down from above, a `vMerge continue` cell of the same column span: Word and
 * mammoth rebuild the rowspan from these.
 */
function docxTable(docx: typeof Docx, grid: GridTable): Table {
  const { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, VerticalMergeType, WidthType } = docx;
  const widths = twipWidths(grid);
  const points = grid.dense ? DENSE_TABLE_PT : TABLE_PT;
  const spanWidth = (cell: { col: number; colspan: number }): number => widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0);
  const paragraph = (cell: GridCell | null): Paragraph =>
    new Paragraph({
      alignment: cell === null || cell.kind === 'label' || cell.kind === 'heading' ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children:
        cell === null || cell.text === ''
          ? []
          : [new TextRun({ text: cell.text, size: Math.round(points * 2), font: { eastAsia: FONTS.body.name, ascii: LATIN_FONT, hAnsi: LATIN_FONT, hint: 'eastAsia' } })],
    });
  const margins = { left: 57, right: 57, top: 28, bottom: 28 }; // about 1 mm and 0.5 mm
  const rows: TableRow[] = [];
  /** Merged cells still running down, by their first column. */
  const running = new Map<number, GridCell>();
  grid.rows.forEach((starting, r) => {
    const cells: TableCell[] = [];
    const byCol = new Map(starting.map((c) => [c.col, c]));
    let col = 0;
    while (col < grid.columnCount) {
      const cell = byCol.get(col);
      const above = running.get(col);
      if (cell) {
        if (cell.rowspan > 1) running.set(col, cell);
        cells.push(
          new TableCell({
            children: [paragraph(cell)],
            width: { size: spanWidth(cell), type: WidthType.DXA },
            margins,
            // A row's values sit on the last line of its wrapped label, as the PDF export draws them,
            // so a PDF printed from this document reads back row by row too.
            verticalAlign: cell.kind === 'group' ? VerticalAlignTable.TOP : cell.kind === 'header' || cell.kind === 'top' ? VerticalAlignTable.CENTER : VerticalAlignTable.BOTTOM,
            ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
            ...(cell.rowspan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          }),
        );
        col += cell.colspan;
      } else if (above && above.row + above.rowspan > r) {
        cells.push(
          new TableCell({
            children: [paragraph(null)],
            width: { size: spanWidth(above), type: WidthType.DXA },
            margins,
            verticalMerge: VerticalMergeType.CONTINUE,
            ...(above.colspan > 1 ? { columnSpan: above.colspan } : {}),
          }),
        );
        col += above.colspan;
      } else {
        // Not reached for the official layouts, which cover every slot; keeps the grid whole.
        cells.push(new TableCell({ children: [paragraph(null)], width: { size: widths[col] ?? 0, type: WidthType.DXA }, margins }));
        col += 1;
      }
    }
    rows.push(new TableRow({ children: cells, cantSplit: true, ...(r < grid.headerRows ? { tableHeader: true } : {}) }));
  });
  return new Table({ rows, columnWidths: widths, width: { size: TYPE_WIDTH_TWIPS, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}
