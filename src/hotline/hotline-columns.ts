/**
 * The columns of a 12345 hotline export, as data: which header labels (with their aliases across
 * hotline systems) name which field, the words a category or satisfaction cell may hold, and how a
 * date cell becomes `YYYY-MM-DD`. Adding a system's label is a line here, not new code. Pure.
 */
import { normalizeDateCell } from '../catalog/catalog-import-columns.ts';
import type { SheetCell } from '../catalog/spreadsheet.ts';
import { HOTLINE_CATEGORIES, HOTLINE_CATEGORY_NAMES_ZH, HOTLINE_SATISFACTIONS, HOTLINE_SATISFACTION_NAMES_ZH } from './hotline-work-order.ts';
import type { HotlineCategory, HotlineSatisfaction } from './hotline-work-order.ts';

/** The fields of a work-order row (also the `field` of its import issues). */
export const HOTLINE_FIELDS = ['order_number', 'received_on', 'organization', 'category', 'summary', 'replied_on', 'satisfaction'] as const;
/** A field. */
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

/** One column: its field, the labels exports use for it (the first is the canonical one), and whether a file must have it. */
export interface HotlineColumn {
  field: HotlineField;
  labels: readonly string[];
  required: boolean;
}

/** The columns, in the order the console lists them. */
export const HOTLINE_COLUMNS: readonly HotlineColumn[] = [
  { field: 'order_number', labels: ['工单编号', '工单号'], required: true },
  { field: 'received_on', labels: ['受理时间', '来电时间', '登记日期'], required: true },
  { field: 'organization', labels: ['承办单位', '责任单位'], required: true },
  { field: 'category', labels: ['诉求类型', '工单类型'], required: true },
  { field: 'summary', labels: ['诉求内容', '问题描述'], required: true },
  { field: 'replied_on', labels: ['办结时间', '回复时间', '答复日期'], required: false },
  { field: 'satisfaction', labels: ['满意度', '回访结果'], required: false },
];

/** Chinese names of the fields, for messages (the canonical label). */
export const HOTLINE_FIELD_LABELS_ZH: Readonly<Record<HotlineField, string>> = Object.fromEntries(
  HOTLINE_COLUMNS.map((c) => [c.field, c.labels[0] ?? c.field]),
) as Record<HotlineField, string>;

/** Category cells: the Chinese names and the codes. */
export const CATEGORY_WORDS: ReadonlyMap<string, HotlineCategory> = new Map<string, HotlineCategory>([
  ...HOTLINE_CATEGORIES.map((c) => [HOTLINE_CATEGORY_NAMES_ZH[c], c] as const),
  ...HOTLINE_CATEGORIES.map((c) => [c, c] as const),
]);

/** Satisfaction cells: the Chinese names and the codes (an empty cell is "not rated"). */
export const SATISFACTION_WORDS: ReadonlyMap<string, HotlineSatisfaction> = new Map<string, HotlineSatisfaction>([
  ...HOTLINE_SATISFACTIONS.map((s) => [HOTLINE_SATISFACTION_NAMES_ZH[s], s] as const),
  ...HOTLINE_SATISFACTIONS.map((s) => [s, s] as const),
]);

const LABEL_TO_FIELD = new Map<string, HotlineField>();
for (const column of HOTLINE_COLUMNS) {
  for (const label of column.labels) LABEL_TO_FIELD.set(label, column.field);
  LABEL_TO_FIELD.set(column.field, column.field);
}

/** How a header maps to fields: `fields[i]` is column i's field (null = ignored), plus the required fields with no column. */
export interface HotlineHeaderMapping {
  fields: (HotlineField | null)[];
  missing: HotlineField[];
}

/**
 * Maps header cells to fields. Labels are compared without spaces, required marks (`*`) and a
 * bracketed hint (`受理时间（年月日）`); the English field names are accepted too. A field named by
 * two columns takes the first.
 */
export function mapHotlineHeader(headers: readonly string[]): HotlineHeaderMapping {
  const seen = new Set<HotlineField>();
  const fields = headers.map((header) => {
    const key = header.replace(/[\s\u3000*＊]+/g, '').replace(/[（(【[].*$/u, '');
    const field = LABEL_TO_FIELD.get(key) ?? LABEL_TO_FIELD.get(key.toLowerCase()) ?? null;
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
  return { fields, missing: HOTLINE_COLUMNS.filter((c) => c.required && !seen.has(c.field)).map((c) => c.field) };
}

/**
 * A date cell as `YYYY-MM-DD` when it is an accepted form (`YYYY-MM-DD`, `YYYY/M/D`, either with a
 * time `HH:mm[:ss]`, an XLSX date cell, an Excel serial day with or without a time fraction);
 * otherwise the text as given, so validation names it. Undefined for an empty cell.
 */
export function hotlineDateCell(cell: SheetCell): string | undefined {
  // A date-time serial (46000.5 = noon) is the day of its integer part.
  if (typeof cell === 'number' && cell >= 20000 && cell < 100000) return normalizeDateCell(Math.floor(cell));
  return normalizeDateCell(cell);
}

/** A text cell, trimmed (inner line breaks kept); undefined when empty. */
export function hotlineTextCell(cell: SheetCell): string | undefined {
  if (cell === null) return undefined;
  const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();
  return text === '' ? undefined : text;
}

/** The raw field values of one data row (dates normalized, text trimmed, empty cells left out). */
export type RawHotlineRow = Partial<Record<HotlineField, string>>;

/** Turns one data row's cells into raw field values by the header mapping. */
export function hotlineRowValues(cells: readonly SheetCell[], mapping: HotlineHeaderMapping): RawHotlineRow {
  const raw: RawHotlineRow = {};
  mapping.fields.forEach((field, i) => {
    if (field === null) return;
    const cell = cells[i] ?? null;
    const value = field === 'received_on' || field === 'replied_on' ? hotlineDateCell(cell) : hotlineTextCell(cell);
    if (value !== undefined) raw[field] = value;
  });
  return raw;
}
