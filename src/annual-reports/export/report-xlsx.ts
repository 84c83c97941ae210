/**
 * An annual report's tables as an Excel workbook (XLSX, exceljs): a sheet 说明 naming the report,
 * organization, year and format, then one sheet per table of the format (table 二's blocks each
 * their own) in the official layout: the caption on row 1, the header rows with their merged cells,
 * then the rows with their labels (merged group labels included) and the values as numbers.
 * Sheets print landscape on A4, fitted to the page width, the header rows repeated on each page.
 */
import type ExcelJS from 'exceljs';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { exportDocument } from './export-document.ts';
import type { ExportDocument } from './export-document.ts';
import type { GridCell, GridTable } from './table-grid.ts';

/** Total width of a table sheet in Excel character units: wide tables get more. */
const SHEET_WIDTH = 110;
const DENSE_SHEET_WIDTH = 130;
/** Points per wrapped line at the sheet's 10.5 pt type. */
const LINE_POINTS = 14;
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Characters Excel does not allow in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/** Width of text in Excel character units: a CJK character takes about two. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return units;
}

/**
 * The sheet name of a table: its Chinese name (`表三`, `表二（第二十条第（一）项）`, `统计表`),
 * at most 31 characters and unique in the workbook.
 */
function sheetName(table: GridTable, used: Set<string>): string {
  const base = (table.caption.split(' ')[0] ?? table.id).replace(SHEET_NAME_FORBIDDEN, '').slice(0, 31) || table.id;
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 28)}(${n})`;
  used.add(name);
  return name;
}

/** The sheet 说明: what the workbook is. */
function describe(workbook: ExcelJS.Workbook, document: ExportDocument, report: StructuredReport): void {
  const sheet = workbook.addWorksheet('说明', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 14 }, { width: 72 }];
  const rows: [string, string][] = [
    ['报告', document.title],
    ['机构', document.organization || '（未载明）'],
    ['年度', report.year === null ? '（未载明）' : String(report.year)],
    ['格式', `${document.format.name}（${document.format.citation}）`],
    ['发布日期', document.dateText ?? '（未发布）'],
    ['说明', '每个工作表为年度报告格式中的一张表格，按官方格式排列（含合并单元格）；数值单位见各表表头或“单位”列。'],
  ];
  for (const [key, value] of rows) {
    const row = sheet.addRow([key, value]);
    row.font = FONT;
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** One table on its own sheet, the caption on row 1 and the grid from row 2. */
function tableSheet(workbook: ExcelJS.Workbook, grid: GridTable, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `2:${grid.headerRows + 1}`,
    },
    views: [{ state: 'frozen', xSplit: grid.labelColumns, ySplit: grid.headerRows + 1 }],
  });
  const total = grid.dense ? DENSE_SHEET_WIDTH : SHEET_WIDTH;
  const widths = grid.widths.map((w) => Math.max(6, Math.round(w * total)));
  sheet.columns = widths.map((width) => ({ width }));

  sheet.mergeCells(1, 1, 1, grid.columnCount);
  const caption = sheet.getCell(1, 1);
  caption.value = grid.caption;
  caption.font = { ...FONT, size: 14, bold: true };
  caption.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 24;

  const lines = new Map<number, number>(); // wrapped lines per sheet row, from single-row cells
  const unitsOf = (cell: GridCell): number => widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0);
  for (const row of grid.rows) {
    for (const cell of row) {
      const r = cell.row + 2;
      const c = cell.col + 1;
      if (cell.rowspan > 1 || cell.colspan > 1) sheet.mergeCells(r, c, r + cell.rowspan - 1, c + cell.colspan - 1);
      const target = sheet.getCell(r, c);
      target.value = cell.value ?? (cell.text === '' ? null : cell.text);
      target.font = FONT;
      target.alignment = {
        wrapText: true,
        vertical: 'middle',
        horizontal: cell.kind === 'label' || cell.kind === 'heading' ? 'left' : 'center',
      };
      if (cell.rowspan === 1) lines.set(r, Math.max(lines.get(r) ?? 1, Math.ceil(textUnits(cell.text) / Math.max(1, unitsOf(cell) - 1))));
    }
  }
  // Borders on every slot, merged ones included, so the grid prints whole.
  for (let r = 2; r < grid.rows.length + 2; r++) {
    for (let c = 1; c <= grid.columnCount; c++) sheet.getCell(r, c).border = THIN;
    sheet.getRow(r).height = Math.max(1, lines.get(r) ?? 1) * LINE_POINTS + 4;
  }
}

/**
 * Writes the tables of a structured report as an XLSX workbook.
 * @param report the report (computed or read); values are written as numbers, other cells as
 *   `showCell` shows them (`/`, `—`, the 2014 text cell)
 * @returns the .xlsx file's bytes: sheet 说明, then one sheet per table in format order
 * @throws GongkaiError `FORMAT_UNKNOWN` when `report.format.id` is not a known format
 */
export async function reportToXlsx(report: StructuredReport): Promise<Buffer> {
  const document = exportDocument(report);
  // exceljs takes ~0.3 s to load: paid only by callers that write a workbook
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'gongkai';
  workbook.title = document.title;
  if (report.publicationDate) {
    const published = new Date(`${report.publicationDate.date}T00:00:00+08:00`);
    workbook.created = published;
    workbook.modified = published;
  }
  describe(workbook, document, report);
  const used = new Set<string>(['说明']);
  for (const grid of document.tables) tableSheet(workbook, grid, sheetName(grid, used));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
