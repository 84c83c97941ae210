/**
 * A report as a downloadable file: the kinds gongkai exports an annual report in, their media
 * types and file names, and the bytes of each. DOCX, PDF and XLSX come from `export/` (the official
 * layout), HTML and Markdown from the report engine's renderers (with the findings), JSON is the
 * `StructuredReport` itself, valid against `schema/structured-report.v1.schema.json`.
 */
import type { Finding } from '../reports/checker/finding.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { renderHtml } from '../reports/render/render-html.ts';
import { renderMarkdown } from '../reports/render/render-markdown.ts';
import { reportTitle } from './computed-report.ts';
import { reportToDocx } from './export/report-docx.ts';
import { reportToPdf } from './export/report-pdf.ts';
import { reportToXlsx } from './export/report-xlsx.ts';

/** Every kind a report is exported in (staff). */
export const EXPORT_KINDS = ['docx', 'pdf', 'xlsx', 'json', 'html', 'md'] as const;
/** An export kind. */
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** The kinds the portal offers for published reports (the HTML page is the report page itself). */
export const PUBLIC_EXPORT_KINDS = ['docx', 'pdf', 'xlsx', 'json'] as const satisfies readonly ExportKind[];

/** The `Content-Type` of each kind. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportKind, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** How the portal names each kind (Chinese, for download links). */
export const EXPORT_KIND_NAMES_ZH: Readonly<Record<ExportKind, string>> = {
  docx: 'Word 文档（DOCX）',
  pdf: 'PDF 文档',
  xlsx: 'Excel 表格（XLSX，统计表）',
  json: '结构化数据（JSON）',
  html: '网页（HTML，含核查结果）',
  md: 'Markdown（含核查结果）',
};

/** The download's file name: `吴忠市人民政府2025年政府信息公开工作年度报告.pdf`. */
export function exportFileName(organizationName: string, year: number, kind: ExportKind): string {
  return `${reportTitle(organizationName, year)}.${kind}`;
}

/**
 * The bytes of a report in an export kind.
 * @param report the structured report (a published snapshot, or a draft computed now)
 * @param findings its checker findings (shown by the HTML and Markdown kinds only)
 * @returns the file's content: a Buffer for DOCX/PDF/XLSX, UTF-8 text otherwise
 * @throws GongkaiError `FONT_MISSING` (PDF without a CJK font), `FORMAT_UNKNOWN`
 */
export async function exportReport(report: StructuredReport, findings: readonly Finding[], kind: ExportKind): Promise<Buffer | string> {
  switch (kind) {
    case 'docx':
      return reportToDocx(report);
    case 'pdf':
      return reportToPdf(report);
    case 'xlsx':
      return reportToXlsx(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderHtml(report, [...findings]);
    case 'md':
      return renderMarkdown(report, [...findings]);
  }
}
