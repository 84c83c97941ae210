/**
 * The columns of a catalog spreadsheet (import and export share them, so an export imports back):
 * which header labels name which field, and how a cell's value becomes the field's input value.
 * Headers are the labels real offices' catalogs use (RULES.md §4: 索引号, 名称/标题, 文号, 发布机构,
 * 生成日期/成文日期, …) or the English field names. List values may be the Chinese name or the code
 * (主动公开 or proactive); 发布渠道 holds several, separated by 、，,；; or spaces. Dates may be `YYYY-MM-DD`, `YYYY/M/D`, `YYYY年M月D日` or Excel date cells.
 * Pure: no I/O.
 */
import { DISCLOSURE_TYPES, GENRES, LOCAL_THEME_PREFIX, PUBLICATION_CHANNELS, SUBJECT_CATEGORIES, VALIDITIES } from './catalog-item.ts';
import type { CatalogItemField } from './catalog-item.schema.ts';
import type { SheetCell } from './spreadsheet.ts';

/** The fields a spreadsheet can carry (every input field except the owning organization, which the import names). */
export type SheetField = Exclude<CatalogItemField, 'organizationId'>;

/** One column: the field, its labels (the first is what export writes), and its column width for XLSX. */
export interface SheetColumn {
  field: SheetField;
  labels: readonly string[];
  width: number;
  kind: 'text' | 'date' | 'list';
}

/** The columns in export order. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { field: 'indexNumber', labels: ['索引号'], width: 24, kind: 'text' },
  { field: 'title', labels: ['标题', '名称', '信息名称'], width: 48, kind: 'text' },
  { field: 'summary', labels: ['内容概述', '摘要'], width: 36, kind: 'text' },
  { field: 'documentNumber', labels: ['文号', '发布文号'], width: 24, kind: 'text' },
  { field: 'issuingAgency', labels: ['发布机构'], width: 24, kind: 'text' },
  { field: 'creationDate', labels: ['生成日期', '成文日期', '发文日期'], width: 12, kind: 'date' },
  { field: 'publicationDate', labels: ['发布日期', '公开日期'], width: 12, kind: 'date' },
  { field: 'subjectCategory', labels: ['主题分类', '分类'], width: 20, kind: 'list' },
  { field: 'genre', labels: ['体裁分类', '体裁'], width: 14, kind: 'list' },
  { field: 'keywords', labels: ['关键词', '主题词'], width: 20, kind: 'text' },
  { field: 'disclosureType', labels: ['公开属性', '公开方式'], width: 12, kind: 'list' },
  { field: 'nonDisclosureReason', labels: ['不予公开理由'], width: 20, kind: 'text' },
  { field: 'validity', labels: ['有效性'], width: 8, kind: 'list' },
  { field: 'effectiveDate', labels: ['生效日期'], width: 12, kind: 'date' },
  { field: 'expiryDate', labels: ['废止日期', '失效日期', '废止/失效日期'], width: 12, kind: 'date' },
  { field: 'bodyHtml', labels: ['正文'], width: 60, kind: 'text' },
  // Last, so files written before the column existed keep their layout; optional (default 政府网站).
  { field: 'channels', labels: ['发布渠道', '公开渠道', '发布方式'], width: 20, kind: 'list' },
];

/** Fields a file must have a column for (the rest may be left out). */
export const REQUIRED_SHEET_FIELDS: readonly SheetField[] = ['title', 'creationDate', 'subjectCategory', 'genre'];

function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const LABEL_TO_FIELD = new Map<string, SheetField>();
for (const column of SHEET_COLUMNS) {
  for (const label of column.labels) LABEL_TO_FIELD.set(label, column.field);
  LABEL_TO_FIELD.set(column.field.toLowerCase(), column.field);
  LABEL_TO_FIELD.set(snakeCase(column.field), column.field);
}
LABEL_TO_FIELD.set('body', 'bodyHtml');

/** How a header maps to fields: `fields[i]` is column i's field (null = ignored), plus what is missing. */
export interface HeaderMapping {
  fields: (SheetField | null)[];
  /** Required fields with no column. */
  missing: SheetField[];
  /** Fields named by more than one column (the first one is used). */
  repeated: SheetField[];
}

/**
 * Maps header cells to fields. Labels are compared without spaces, a trailing `*` (required marks),
 * and brackets with hints (`生成日期（YYYY-MM-DD）`); English names case-insensitively.
 */
export function mapHeader(headers: readonly string[]): HeaderMapping {
  const seen = new Set<SheetField>();
  const repeated: SheetField[] = [];
  const fields = headers.map((header) => {
    const key = header.replace(/[\s\u3000*＊]+/g, '').replace(/[（(【[].*$/u, '');
    const field = LABEL_TO_FIELD.get(key) ?? LABEL_TO_FIELD.get(key.toLowerCase()) ?? null;
    if (field === null) return null;
    if (seen.has(field)) {
      repeated.push(field);
      return null;
    }
    seen.add(field);
    return field;
  });
  return { fields, missing: REQUIRED_SHEET_FIELDS.filter((f) => !seen.has(f)), repeated };
}

/** Excel's serial day 25569 is 1970-01-01 (the 1900 system, leap-year bug included). */
const EXCEL_EPOCH_OFFSET = 25569;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Normalizes a date cell to `YYYY-MM-DD` when it is one of the accepted forms; otherwise returns the
 * text unchanged, so validation names the field and the problem. A date cell of an XLSX file is a
 * `Date` at UTC midnight; a bare number between 1 and 2958465 in a date column is an Excel serial day.
 */
export function normalizeDateCell(cell: SheetCell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 20000 && cell < 100000) return new Date((cell - EXCEL_EPOCH_OFFSET) * 86400000).toISOString().slice(0, 10);
    return String(cell);
  }
  const text = String(cell).trim();
  if (text === '') return undefined;
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z)?)?$/u.exec(text);
  if (match) return `${match[1]}-${pad2(Number(match[2]))}-${pad2(Number(match[3]))}`;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return text;
}

/** Words real catalogs use besides the list names, mapped to codes. */
const LIST_ALIASES: Record<'genre' | 'disclosureType' | 'validity' | 'channels', Record<string, string>> = {
  genre: { 公告: 'announcement', 公示: 'announcement', 规范性文件: 'normative_document', 解读: 'interpretation', 年度报告: 'annual_report', 统计数据: 'statistics', 工作动态: 'work_report', 规划: 'plan', 计划: 'plan' },
  disclosureType: { 主动: 'proactive', 依申请: 'upon_request', 不公开: 'exempt', 免予公开: 'exempt' },
  validity: { 现行有效: 'in_force', 已失效: 'expired', 已废止: 'repealed' },
  channels: { 公报: 'gazette', 网站: 'website', 门户网站: 'website', 政府门户网站: 'website', 微博: 'weibo', 微信: 'wechat', 微信公众号: 'wechat', 其他: 'other' },
};

function byNameOrCode(list: readonly { code: string; name: string }[], aliases: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of list) {
    map.set(entry.code, entry.code);
    map.set(entry.name, entry.code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  return map;
}

const GENRE_LOOKUP = byNameOrCode(GENRES, LIST_ALIASES.genre);
const DISCLOSURE_LOOKUP = byNameOrCode(DISCLOSURE_TYPES, LIST_ALIASES.disclosureType);
const VALIDITY_LOOKUP = byNameOrCode(VALIDITIES, LIST_ALIASES.validity);
const CHANNEL_LOOKUP = byNameOrCode(PUBLICATION_CHANNELS, LIST_ALIASES.channels);

/**
 * A 发布渠道 cell as channel codes separated by commas: each name, alias or code translated, anything
 * else kept as given so validation names it (`政府网站、政务微信` → `website,wechat`).
 */
function channelsCell(text: string): string {
  return text
    .split(/[、,，;；\s]+/u)
    .filter((part) => part !== '')
    .map((part) => CHANNEL_LOOKUP.get(part) ?? CHANNEL_LOOKUP.get(part.toLowerCase()) ?? part)
    .join(',');
}

/** A local theme as configured (code with or without the `theme:` prefix, and its name). */
export interface LocalThemeName {
  code: string;
  name: string;
}

/**
 * Builds the subject-category lookup: the codes and names of SUBJECT_CATEGORIES, then the local
 * themes (by `theme:code`, bare code and name). Where two art. 21 categories share a name (土地征收
 * appears for cities and for townships), the name maps to the first, the city one; codes are exact.
 */
export function subjectCategoryLookup(themes: readonly LocalThemeName[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of SUBJECT_CATEGORIES) {
    map.set(c.code, c.code);
    if (!map.has(c.name)) map.set(c.name, c.code);
  }
  for (const theme of themes) {
    const code = theme.code.startsWith(LOCAL_THEME_PREFIX) ? theme.code : `${LOCAL_THEME_PREFIX}${theme.code}`;
    map.set(code, code);
    if (!map.has(theme.name)) map.set(theme.name, code);
  }
  return map;
}

function cellText(cell: SheetCell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

/**
 * Turns one data row into the raw input `validateCatalogItemInput` takes (without `organizationId`).
 * List cells are translated to codes when they match a name or code (otherwise kept as given, so
 * validation reports them); dates are normalized; absent and blank cells are left out.
 */
export function rowToRawInput(cells: readonly SheetCell[], mapping: HeaderMapping, subjects: ReadonlyMap<string, string>): Record<string, string> {
  const raw: Record<string, string> = {};
  mapping.fields.forEach((field, i) => {
    if (field === null) return;
    const cell = cells[i] ?? null;
    let value: string | undefined;
    switch (field) {
      case 'creationDate':
      case 'publicationDate':
      case 'effectiveDate':
      case 'expiryDate':
        value = normalizeDateCell(cell);
        break;
      case 'subjectCategory': {
        const text = cellText(cell);
        value = text === undefined ? undefined : (subjects.get(text) ?? text);
        break;
      }
      case 'genre': {
        const text = cellText(cell);
        value = text === undefined ? undefined : (GENRE_LOOKUP.get(text) ?? text);
        break;
      }
      case 'disclosureType': {
        const text = cellText(cell);
        value = text === undefined ? undefined : (DISCLOSURE_LOOKUP.get(text) ?? text);
        break;
      }
      case 'validity': {
        const text = cellText(cell);
        value = text === undefined ? undefined : (VALIDITY_LOOKUP.get(text) ?? text);
        break;
      }
      case 'channels': {
        const text = cellText(cell);
        value = text === undefined ? undefined : channelsCell(text);
        break;
      }
      case 'bodyHtml':
        // The body keeps its inner line breaks and indentation; only blank bodies are dropped.
        value = cell === null ? undefined : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
        if (value !== undefined && value.trim() === '') value = undefined;
        break;
      case 'indexNumber':
      case 'title':
      case 'summary':
      case 'documentNumber':
      case 'issuingAgency':
      case 'keywords':
      case 'nonDisclosureReason':
        value = cellText(cell);
        break;
    }
    if (value !== undefined) raw[field] = value;
  });
  return raw;
}
