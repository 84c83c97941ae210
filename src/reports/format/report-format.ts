/**
 * The shape of an annual-report format (年度报告格式) as data: its tables, rows, columns, the
 * identities (勾稽关系) among cells, its sections and how narrative claims map onto cells.
 * The formats themselves live in `format-2014.ts`, `format-2019.ts` and `format-2021.ts`.
 */

/** Id of a national report format: the 2014 统计表, 国办公开办函〔2019〕60号, 国办公开办函〔2021〕30号. */
export type FormatId = '2014' | '2019' | '2021';

/** A unit printed in a report: counts (条 件 次 篇 个 人 人次), money (万元 元) or a share (%). */
export type Unit = '条' | '件' | '次' | '篇' | '个' | '人' | '人次' | '万元' | '元' | '%' | '项' | '场' | '场次' | '期';

/**
 * What a cell may hold.
 * - `count`: a non-negative integer.
 * - `signed-count`: an integer that may be negative (2019 本年增/减).
 * - `amount`: a non-negative decimal (万元 or 元).
 * - `text`: free text, not a number (2014 申请公开的主要内容).
 */
export type ValueType = 'count' | 'signed-count' | 'amount' | 'text';

/** A column of a table. */
export interface ColumnFormat {
  /** Stable id, unique in its table, e.g. `natural`, `total`. */
  readonly id: string;
  /** The printed header, e.g. `自然人`. */
  readonly label: string;
  /** Unit of the column's values. */
  readonly unit: Unit;
  /** What the column's values may be. */
  readonly valueType: ValueType;
}

/** A data row of a table. */
export interface RowFormat {
  /** Stable id, unique in its table, e.g. `new`, `withheld-state-secret`. */
  readonly id: string;
  /** The printed label, exactly as the format prints it, e.g. `1.属于国家秘密`. */
  readonly label: string;
  /**
   * A regular expression (source text) that finds this row's label in normalised text with all
   * whitespace removed. It matches the distinctive part of the label, including the printed
   * enumerator where the rest alone would be ambiguous (`3[.、]其他`). An empty key means the
   * row is its table's only data row (table 四) and its values are the numbers of the table region.
   */
  readonly key: string;
  /** Id of the group row this row sits under (for `（三）不予公开` sub-rows), if any. */
  readonly group?: string;
  /** For single-column tables (2014) the row's own unit; otherwise the columns' units apply. */
  readonly unit?: Unit;
  /** Overrides the columns' value type for this row (2014 rows that are text or 万元). */
  readonly valueType?: ValueType;
}

/** A table of a format, or one block of table 二 (each 第二十条 item is its own block). */
export interface TableFormat {
  /** Stable id, e.g. `t3`, `t2-1`, `stats`. */
  readonly id: string;
  /** The printed title, e.g. `收到和处理政府信息公开申请情况`. */
  readonly title: string;
  /** For table 二 blocks, the block heading, e.g. `第二十条第（一）项`; a regex source finding it. */
  readonly blockKey?: string;
  /**
   * Regex source (whitespace-free normalised text) finding the start of this table: its heading
   * (a section heading made by {@link headingKey}, a block or 统计表 title).
   */
  readonly key: string;
  /**
   * Regex source finding the table by its own header when no heading is found (table 三's
   * top-left cell `本列数据的勾稽关系为…`, table 四's column headings). The table then starts where
   * it matches. Tables with row labels are also recognised by their first two rows.
   */
  readonly headerKey?: string;
  /** The report section (一 … 九 / 二 … 四) the table belongs to. */
  readonly sectionNumber: string;
  /** Columns, in printed order. */
  readonly columns: readonly ColumnFormat[];
  /** Data rows, in printed order. Group headings without values are not rows. */
  readonly rows: readonly RowFormat[];
  /** Group headings printed in the table but carrying no values, as regex sources (noise to skip). */
  readonly groupKeys?: readonly string[];
  /** The same group headings as printed, each with the id of the first row under it (for rendering). */
  readonly headings?: readonly { readonly label: string; readonly before: string }[];
}

/**
 * An identity (勾稽关系): `sum(left) relation sum(right)` over cell ids `table/row/column`.
 * `verified` is false where RULES.md marks the identity UNVERIFIED as an official rule: such
 * identities yield warnings, never errors, and the reader never uses them to recover values.
 */
export interface Identity {
  /** Stable id, e.g. `V01/natural`. */
  readonly id: string;
  /** The rule of RULES.md §6.2 this identity instantiates, e.g. `V01`. */
  readonly rule: string;
  /** What the identity says, in Chinese and English. */
  readonly description: { readonly zh: string; readonly en: string };
  /** Cell ids summed on the left. */
  readonly left: readonly string[];
  /** `eq`: left = right; `le`: left ≤ right. */
  readonly relation: 'eq' | 'le';
  /** Cell ids summed on the right. */
  readonly right: readonly string[];
  /** Whether the identity is official (printed in the format or forced by it). */
  readonly verified: boolean;
}

/** A report section the format expects (art. 50; 30号 six-part structure). */
export interface SectionFormat {
  /** Stable id, e.g. `overview`, `problems`. */
  readonly id: string;
  /** The Chinese ordinal printed before the title, e.g. `五`. */
  readonly number: string;
  /** The title as the format prints it. */
  readonly title: string;
  /** Regex source finding the title (normalised, whitespace-free), accepting common variants. */
  readonly key: string;
  /** Whether a report in this format must have the section (2019 art. 50). */
  readonly required: boolean;
}

/**
 * How a numeric claim in the narrative maps onto table cells (rule V07). A claim maps when its
 * unit is one of `units` and the regex `subject` matches the claim's context + subject (or
 * `predicate` matches the text after it). The claim is compared with the sum of `cells`.
 */
export interface ClaimMapping {
  /** Stable id, e.g. `proactive-total`. */
  readonly id: string;
  /** Cell ids whose sum the claim states. */
  readonly cells: readonly string[];
  /** Regex source matched against `context + subject` of the claim (normalised, no whitespace). */
  readonly subject?: string;
  /** Regex source matched against the claim's predicate (text after the unit). */
  readonly predicate?: string;
  /** Regex source: if it matches `context + subject`, the mapping does not apply. */
  readonly exclude?: string;
  /** Units the claim must carry. */
  readonly units: readonly Unit[];
  /**
   * `error` where the subject names exactly the cell's quantity; `warning` where narrative and
   * table commonly differ in scope (a city's own level against the whole region).
   */
  readonly severity: 'error' | 'warning';
}

/** A national annual-report format, as data. */
export interface ReportFormat {
  /** The format id. */
  readonly id: FormatId;
  /** Its name, e.g. `政府信息公开工作年度报告格式（2021）`. */
  readonly name: string;
  /** The document that set it, e.g. `国办公开办函〔2021〕30号`. */
  readonly citation: string;
  /** Report years the format applies to (inclusive; `to` null = still current). RULES.md §3.1. */
  readonly reportYears: { readonly from: number; readonly to: number | null };
  /** The tables (table 二's blocks each count as one). */
  readonly tables: readonly TableFormat[];
  /** Every identity among the cells. */
  readonly identities: readonly Identity[];
  /** The sections a report in this format has. */
  readonly sections: readonly SectionFormat[];
  /** Narrative claim → cell mappings. */
  readonly claimMappings: readonly ClaimMapping[];
}

/** The id of a cell: `table/row/column`. */
export function cellId(table: string, row: string, column: string): string {
  return `${table}/${row}/${column}`;
}

/** Chinese numerals of section ordinals, one to ten, and their Arabic digits. */
const NUMERALS = '一二三四五六七八九十';

/**
 * Regex source (whitespace-free normalised text) matching the ordinal printed before the title
 * of section `number` (`四`), in every form reports use: `四、` `四.` (`四．` after NFKC), `四`
 * followed by a space (gone in the compact text), `(四)`, `第四部分` (with `、` `.` `:` or
 * nothing after it), and the Arabic `4、` `4.`. The empty string for an unnumbered section.
 */
function ordinalKey(number: string): string {
  if (number === '') return '';
  const index = NUMERALS.indexOf(number);
  // No look-behind on the digit: in the compact text a table's last value may touch it (`1034、`).
  const arabic = number.length === 1 && index >= 0 ? `|${index + 1}[、.]` : '';
  return `(?:第${number}部分[、.:]?|\\(${number}\\)|(?<![一二三四五六七八九十])${number}[、.]?${arabic})`;
}

/**
 * Regex source finding the heading of section `number` whose title matches `titleKey` (both
 * whitespace-free normalised text): an ordinal in any printed form, then the title. The ordinal
 * is required: an introduction listing the section titles (`本报告包括总体情况、主动公开…`) is
 * not a heading.
 */
export function headingKey(number: string, titleKey: string): string {
  return `${ordinalKey(number)}(?:${titleKey})`;
}
