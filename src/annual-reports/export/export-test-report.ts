/**
 * Test support for the exports: a structured report in each format whose cells all hold distinct
 * non-zero values (so a value written to the wrong cell is caught; the identities are not kept),
 * with two-paragraph sections, and the expectations a read-back is compared with. Used by the
 * export tests only.
 */
import { buildReport } from '../../reports/checker/test-report-builder.ts';
import type { CellOverride } from '../../reports/checker/test-report-builder.ts';
import { getFormat } from '../../reports/format/formats.ts';
import type { FormatId } from '../../reports/format/report-format.ts';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { formatIndex } from '../../reports/checker/format-index.ts';

/** The text of the 2014 统计表's one text cell (申请公开的主要内容). */
export const TOPICS_TEXT = '主要涉及征地拆迁、规划建设和社会保障等方面';

/**
 * The value of the `index`-th cell: 101 + (index × 7919 mod 8999), so distinct for up to 8999
 * cells (7919 is prime) and never 0 or a single digit. 本年增/减 cells (2019) are negative and
 * 万元 amounts get one decimal, so signs and decimal points are read back too.
 */
export function distinctValue(index: number, valueType: string): number {
  const base = 101 + ((index * 7919) % 8999);
  if (valueType === 'signed-count') return -base;
  if (valueType === 'amount') return base + 0.5;
  return base;
}

/** Two paragraphs for a section, with a figure and a date in them, as real narratives have. */
function sectionText(title: string, year: number): string {
  return `${year}年，本机关围绕${title}开展工作，严格落实《中华人民共和国政府信息公开条例》各项规定。\n全年共召开专题会议3次，持续推进政务公开标准化规范化建设，工作取得新进展。`;
}

/**
 * A report in `formatId` with every number cell set by {@link distinctValue} (in format order)
 * and the 2014 text cell set to {@link TOPICS_TEXT}.
 * The report year is 2017 (2014 format), 2020 (2019) or 2022 (2021).
 * @param published whether the report has a publication date (20 January of the next year)
 */
export function distinctValueReport(formatId: FormatId, published = true): StructuredReport {
  const format = getFormat(formatId);
  const index = formatIndex(format);
  const year = formatId === '2014' ? 2017 : formatId === '2019' ? 2020 : 2022;
  const cells: Record<string, CellOverride> = {};
  let i = 0;
  for (const info of index.cells.values()) {
    cells[info.id] = info.valueType === 'text' ? { status: 'text', raw: TOPICS_TEXT } : distinctValue(i, info.valueType);
    i += 1;
  }
  const sections = format.sections.map((s, k) => ({ id: s.id, title: s.title, text: sectionText(s.title, year), number: s.number || '一二三四五六七八九'.charAt(k) }));
  return buildReport(formatId, { year, cells, sections, publicationDate: published ? `${year + 1}-01-20` : null });
}

/**
 * How a read-back report's cells differ from the exported report's: one line per cell missing,
 * extra, or with another status or value (text cells compared without whitespace when
 * `textWhitespace` is `ignore`: a PDF reader joins a wrapped text cell's lines with spaces).
 * @returns the differences; empty when every cell came back, by id and value
 */
export function cellDifferences(expected: StructuredReport, actual: StructuredReport, textWhitespace: 'exact' | 'ignore' = 'exact'): string[] {
  const got = new Map(actual.cells.map((c) => [c.id, c]));
  const out: string[] = [];
  const squash = (s: string): string => (textWhitespace === 'ignore' ? s.replace(/\s+/g, '') : s);
  for (const want of expected.cells) {
    const cell = got.get(want.id);
    got.delete(want.id);
    if (!cell) out.push(`${want.id}: not read`);
    else if (cell.status !== want.status || cell.value !== want.value) out.push(`${want.id}: ${cell.status} ${String(cell.value)} (${cell.raw.slice(0, 40)}), expected ${want.status} ${String(want.value)}`);
    else if (want.status === 'text' && squash(cell.raw) !== squash(want.raw)) out.push(`${want.id}: text "${cell.raw}", expected "${want.raw}"`);
  }
  for (const id of got.keys()) out.push(`${id}: not in the exported report`);
  return out;
}

/** The titles of the format's sections, in order, as the report gives them (preambles left out). */
export function formatSectionTitles(report: StructuredReport): string[] {
  const ids = new Set(getFormat(report.format.id).sections.map((s) => s.id));
  return report.sections.filter((s) => ids.has(s.id)).map((s) => `${s.number}、${s.title}`);
}
