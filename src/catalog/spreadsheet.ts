/**
 * Reading and writing the two spreadsheet formats offices exchange catalogs in: CSV (as saved by
 * Excel or WPS: UTF-8 with or without a BOM, or GB18030 from older Chinese Windows; comma- or
 * tab-separated) and XLSX (the first worksheet). Knows nothing about catalog fields: it turns bytes
 * into a header and data rows of cells, and rows of cells back into bytes.
 */
import { parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { GongkaiError } from '../shared/errors.ts';

/** One cell as read: text, a number, a boolean, a date (XLSX date cells) or nothing. */
export type SheetCell = string | number | boolean | Date | null;

/** A data row: `row` is its 1-based number below the header (the spreadsheet's row number minus one). */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

/** A read sheet: the header's cell texts (trimmed) and the non-blank data rows in order. */
export interface SheetTable {
  headers: string[];
  rows: SheetRow[];
}

/** The formats this module reads and writes. */
export type SheetFormat = 'csv' | 'xlsx';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => data[i] === byte);
}

/**
 * Decodes CSV bytes to text: UTF-8 (BOM dropped) when the bytes are valid UTF-8, UTF-16 when they
 * start with its BOM, else GB18030 (a superset of GBK and GB2312, what "ANSI" means on Chinese Windows).
 * Valid UTF-8 is a strong signal: GB18030 text of any length is almost never valid UTF-8.
 */
export function decodeText(data: Uint8Array): string {
  if (startsWith(data, UTF8_BOM)) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/**
 * Which format the bytes are, from their content first (a zip container is XLSX whatever its name)
 * and the file name second.
 * @throws GongkaiError `INPUT_UNSUPPORTED` for a legacy binary .xls (OLE container) or other binary data
 */
export function detectSheetFormat(fileName: string, data: Uint8Array): SheetFormat {
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new GongkaiError('INPUT_UNSUPPORTED', `${fileName}: legacy .xls; save it as .xlsx or .csv (另存为 .xlsx 或 .csv)`);
  }
  if (/\.xlsx$/i.test(fileName)) throw new GongkaiError('INPUT_CORRUPT', `${fileName} is not a valid .xlsx file`);
  // Text files have no NUL bytes except in UTF-16; anything else binary is refused rather than misread.
  const head = data.subarray(0, 4096);
  if (head.includes(0) && !startsWith(data, [0xff, 0xfe]) && !startsWith(data, [0xfe, 0xff])) {
    throw new GongkaiError('INPUT_UNSUPPORTED', `${fileName}: not a CSV or XLSX file`);
  }
  return 'csv';
}

function isBlank(cells: readonly SheetCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function headerText(cell: SheetCell): string {
  if (cell === null) return '';
  return (cell instanceof Date ? cell.toISOString() : String(cell)).replace(/[\s\u3000]+/g, '').trim();
}

/** Splits header from data rows, dropping leading blank rows and blank data rows (numbers keep counting). */
function toTable(records: SheetCell[][]): SheetTable {
  let start = 0;
  while (start < records.length && isBlank(records[start] ?? [])) start += 1;
  const header = records[start] ?? [];
  const rows: SheetRow[] = [];
  for (let i = start + 1; i < records.length; i += 1) {
    const cells = records[i] ?? [];
    if (!isBlank(cells)) rows.push({ row: i - start, cells });
  }
  return { headers: header.map(headerText), rows };
}

/** Parses CSV text; the delimiter is a tab when the header line has tabs and no commas. */
function readCsv(text: string): SheetTable {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  try {
    const options: Options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true };
    const records: SheetCell[][] = parse(text, options);
    return toTable(records);
  } catch (error) {
    throw new GongkaiError('INPUT_CORRUPT', `CSV: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The plain value of an ExcelJS cell value (rich text joined, formulas by their cached result). */
function plainCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return null;
    return result;
  }
  return null;
}

/** ExcelJS, loaded on first use (it takes ~0.3 s to load, and most imports are CSV). */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

async function readXlsx(data: Uint8Array): Promise<SheetTable> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new GongkaiError('INPUT_CORRUPT', `XLSX: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const records: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plainCell(cell.value);
    });
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= null;
    records[rowNumber - 1] = cells;
  });
  for (let i = 0; i < records.length; i += 1) records[i] ??= [];
  return toTable(records);
}

/**
 * Reads a CSV or XLSX file into its header and data rows.
 * @param fileName used for format detection and messages only
 * @param data the file's bytes
 * @throws GongkaiError `INPUT_UNSUPPORTED` (binary .xls, other binary), `INPUT_CORRUPT` (unparseable)
 */
export async function readSpreadsheet(fileName: string, data: Uint8Array): Promise<SheetTable> {
  return detectSheetFormat(fileName, data) === 'xlsx' ? readXlsx(data) : readCsv(decodeText(data));
}

/**
 * Writes rows as CSV for Excel: UTF-8 with a BOM (without it Excel shows Chinese as mojibake), CRLF
 * line ends, every field quoted only when needed.
 * @returns the file's bytes
 */
export function writeCsv(headers: readonly string[], rows: readonly (readonly (string | null)[])[]): Buffer {
  const text = stringify([headers, ...rows.map((r) => r.map((c) => c ?? ''))], { bom: true, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}

/**
 * Writes rows as an XLSX workbook with one sheet: a bold, frozen header row and the given column
 * widths (in characters; a CJK character counts about two).
 * @returns the file's bytes
 */
export async function writeXlsx(sheetName: string, headers: readonly string[], rows: readonly (readonly (string | null)[])[], widths: readonly number[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => c ?? ''));
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out);
}
