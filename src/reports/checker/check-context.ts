/**
 * What every rule family of the checker receives: the report, its format with the format's
 * precomputed look-ups, and the report's cells and claims by id (built once per report).
 * Also the helpers that build findings, so every family words positions, numbers, cells and
 * passages the same way.
 */
import { getFormat } from '../format/formats.ts';
import type { ReportFormat } from '../format/report-format.ts';
import type { Cell, Claim, ReportPosition, StructuredReport } from '../model/structured-report.ts';
import type { Finding, Severity } from './finding.ts';
import { formatIndex, tableName } from './format-index.ts';
import type { CellInfo, FormatIndex } from './format-index.ts';

/** One report ready to be checked. */
export interface CheckContext {
  readonly report: StructuredReport;
  readonly format: ReportFormat;
  readonly index: FormatIndex;
  /** The report's cells by id. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** The report's claims by id. */
  readonly claims: ReadonlyMap<string, Claim>;
}

/**
 * Builds the context of `report`.
 * @throws GongkaiError `FORMAT_UNKNOWN` when `report.format.id` is not a known format (the caller,
 *   `checkReport`, turns this into a `CHECKER` finding)
 */
export function createContext(report: StructuredReport): CheckContext {
  const format = getFormat(report.format.id);
  const cells = new Map<string, Cell>();
  for (const cell of report.cells) cells.set(cell.id, cell);
  const claims = new Map<string, Claim>();
  for (const claim of report.claims) claims.set(claim.id, claim);
  return { report, format, index: formatIndex(format), cells, claims };
}

/** The value of cell `id` when it holds a number, else null (blank, na, ambiguous, missing, text, absent). */
export function numberAt(ctx: CheckContext, id: string): number | null {
  const cell = ctx.cells.get(id);
  return cell?.status === 'number' && cell.value !== null ? cell.value : null;
}

/** The sum of the cells when every one holds a number, else null. */
export function sumAt(ctx: CheckContext, ids: readonly string[]): number | null {
  let sum = 0;
  for (const id of ids) {
    const value = numberAt(ctx, id);
    if (value === null) return null;
    sum += value;
  }
  return roundSum(sum);
}

/** Removes floating-point noise from a sum of decimals (万元 amounts). */
export function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether two numbers are equal up to floating-point noise. */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** A number as printed in messages: integers plainly, decimals without float noise. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : String(roundSum(value));
}

/** Where something was read: `{ zh: '第3页第12行', en: 'p. 3, line 12' }`, empty strings when unknown. */
export function where(position: ReportPosition | null | undefined): { zh: string; en: string } {
  if (!position) return { zh: '', en: '' };
  const zh: string[] = [];
  const en: string[] = [];
  if (position.page !== undefined) {
    zh.push(`第${position.page}页`);
    en.push(`p. ${position.page}`);
  }
  if (position.line !== undefined) {
    zh.push(`第${position.line}行`);
    en.push(`line ${position.line}`);
  }
  return { zh: zh.join(''), en: en.join(', ') };
}

/** ` (第12行)` / ` (line 12)` suffixes, or empty strings when the position is unknown. */
export function at(position: ReportPosition | null | undefined): { zh: string; en: string } {
  const w = where(position);
  return { zh: w.zh ? `（${w.zh}）` : '', en: w.en ? ` (${w.en})` : '' };
}

/** The format cell `id` (or undefined for an id the format does not have). */
function cellInfo(ctx: CheckContext, id: string): CellInfo | undefined {
  return ctx.index.cells.get(id);
}

/** `表三 一、本年新收政府信息公开申请数量·总计` / `table 3 一、本年新收政府信息公开申请数量·总计 (t3/new/total)`. */
export function cellName(ctx: CheckContext, id: string): { zh: string; en: string } {
  const info = cellInfo(ctx, id);
  if (!info) return { zh: id, en: id };
  const name = tableName(info.table);
  return { zh: `${name.zh}“${info.label}”`, en: `${name.en} “${info.label}” (${id})` };
}

/** The finding's record of cell `id`: its value (null unless a number) and position. */
export function cellRef(ctx: CheckContext, id: string): Finding['cells'][number] {
  const cell = ctx.cells.get(id);
  return { id, value: cell?.status === 'number' ? cell.value : null, position: cell?.position ?? null };
}

/** The finding's record of a claim's passage. */
export function passageOf(claim: Claim): Finding['passages'][number] {
  return { claim: claim.id, text: claim.text, position: claim.position };
}

/** Everything a finding needs; `cells`, `passages`, `expected` and `found` default to empty/null. */
export interface FindingInit {
  rule: string;
  severity: Severity;
  zh: string;
  en: string;
  source: string;
  cells?: Finding['cells'];
  passages?: Finding['passages'];
  expected?: number | string | null;
  found?: number | string | null;
}

/** Builds a finding. */
export function makeFinding(init: FindingInit): Finding {
  return {
    rule: init.rule,
    severity: init.severity,
    message: { zh: init.zh, en: init.en },
    cells: init.cells ?? [],
    passages: init.passages ?? [],
    expected: init.expected ?? null,
    found: init.found ?? null,
    source: init.source,
  };
}

/** The first `max` characters of `text` with an ellipsis, whitespace collapsed (for quoting sections). */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * The number of Han characters in `text`: CJK Unified Ideographs, Extension A and the
 * Compatibility Ideographs (a code-unit loop; a Unicode-property regex is ~7× slower on long
 * sections). Extension B and later (surrogate pairs) are not counted: rare in reports.
 */
export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}
