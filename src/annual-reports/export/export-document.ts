/**
 * The printed order of an annual report, shared by the DOCX and PDF exports: the title, then each
 * section (heading, narrative paragraphs) followed by the tables that belong to it (2019 art. 50;
 * 30号: section 二 holds table 二's blocks, 三 table 三, 四 table 四), then the signature block
 * (落款: organization, date). The 2014 format has no numbered six parts: its sections come first
 * and the 统计表 after them, under its own title.
 */
import { getFormat } from '../../reports/format/formats.ts';
import type { ReportFormat, TableFormat } from '../../reports/format/report-format.ts';
import type { Section, StructuredReport } from '../../reports/model/structured-report.ts';
import { cellsById } from '../../reports/render/finding-index.ts';
import { formatLayouts } from '../../reports/render/table-layout.ts';
import { blockTitle, gridTable } from './table-grid.ts';
import type { GridTable } from './table-grid.ts';

/**
 * One block of the document, in printed order:
 * - `heading`: a section heading (`三、收到和处理政府信息公开申请情况`);
 * - `paragraph`: one paragraph of narrative;
 * - `table-title`: a centred title over a table (the 2014 `政府信息公开情况统计表`);
 * - `table`: a table on its grid.
 */
export type ExportBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table-title'; readonly text: string }
  | { readonly kind: 'table'; readonly table: GridTable };

/** A report laid out for printing. */
export interface ExportDocument {
  /** The report title (the report's own, else `{organization}{year}年政府信息公开工作年度报告`). */
  readonly title: string;
  /** The reporting organization, or `''` when unknown. */
  readonly organization: string;
  readonly year: number | null;
  readonly format: ReportFormat;
  /** The publication date as signed, `2025年1月20日`; null for a report not yet published. */
  readonly dateText: string | null;
  readonly blocks: readonly ExportBlock[];
  /** Every table of the format, in format order, without block titles (for spreadsheets). */
  readonly tables: readonly GridTable[];
}

/** `2025-01-20` → `2025年1月20日`, the form of a signature date (GB/T 9704 §7.3.5). */
export function chineseDate(isoDate: string): string {
  const [y = '', m = '', d = ''] = isoDate.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** A section's printed heading: `三、收到和处理…`, the bare title when unnumbered, null when untitled. */
function headingOf(section: Pick<Section, 'number' | 'title'>): string | null {
  if (section.title.trim() === '') return null;
  return section.number === '' ? section.title : `${section.number}、${section.title}`;
}

/** The narrative of a section as paragraphs: one per non-blank line. */
function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Lays a structured report out for printing.
 * @param report a structured report (computed or read); its `format.id` picks the tables
 * @returns the document's blocks in printed order and its tables
 * @throws GongkaiError `FORMAT_UNKNOWN` when `report.format.id` is not a known format
 */
export function exportDocument(report: StructuredReport): ExportDocument {
  const format = getFormat(report.format.id);
  const layouts = formatLayouts(format);
  const cells = cellsById(report);
  const organization = report.organization.name ?? '';
  const title = report.title ?? `${organization}${report.year ?? ''}年政府信息公开工作年度报告`;

  const printed = new Set<TableFormat>();
  const tablesOf = (sectionNumber: string): GridTable[] =>
    layouts
      .filter((l) => l.table.sectionNumber === sectionNumber && !printed.has(l.table))
      .map((l) => {
        printed.add(l.table);
        return gridTable(l, cells, blockTitle(l));
      });

  const blocks: ExportBlock[] = [];
  for (const section of report.sections) {
    const heading = headingOf(section);
    if (heading !== null) blocks.push({ kind: 'heading', text: heading });
    for (const text of paragraphsOf(section.text)) blocks.push({ kind: 'paragraph', text });
    // An unnumbered section never takes tables: '' is the 2014 统计表's section number.
    if (section.number !== '') for (const table of tablesOf(section.number)) blocks.push({ kind: 'table', table });
  }
  // Tables whose section the report lacks still print, under the format's heading for it.
  for (const layout of layouts) {
    if (printed.has(layout.table)) continue;
    const number = layout.table.sectionNumber;
    if (number === '') {
      blocks.push({ kind: 'table-title', text: layout.table.title });
    } else {
      const known = format.sections.find((s) => s.number === number);
      blocks.push({ kind: 'heading', text: known ? (headingOf(known) ?? number) : `${number}、${layout.table.title.split('·')[0] ?? ''}` });
    }
    for (const table of tablesOf(number)) blocks.push({ kind: 'table', table });
  }

  return {
    title,
    organization,
    year: report.year,
    format,
    dateText: report.publicationDate ? chineseDate(report.publicationDate.date) : null,
    blocks,
    tables: layouts.map((l) => gridTable(l, cells, null)),
  };
}
