/**
 * The annual-report reader: bytes of a published report (plain text, HTML, DOCX or PDF) in, a
 * {@link StructuredReport} out. It loads and normalises the input, decides the format, reads the
 * tables cell by cell, finds the sections, drops text that is not part of the report, and lists
 * every numeric claim of the narrative mapped onto the cells it states.
 */
import { createHash } from 'node:crypto';
import { formatForYear, getFormat } from '../format/formats.ts';
import type { FormatId, ReportFormat } from '../format/report-format.ts';
import { STRUCTURED_REPORT_SCHEMA_VERSION } from '../model/structured-report.ts';
import type { Section, ShareSet, StructuredReport, TableRead } from '../model/structured-report.ts';
import { GongkaiError } from '../../shared/errors.ts';
import { mapClaims } from './claim-mapper.ts';
import { extractClaims, extractShareSet } from './claim-extractor.ts';
import { documentText } from './document-text.ts';
import type { DocumentText, TextRange } from './document-text.ts';
import { findForeignContent } from './foreign-content.ts';
import { loadInput } from './load-input.ts';
import { formatHints, organizationKind, readMetadata } from './report-metadata.ts';
import { detectSectionsWithSpans } from './section-detector.ts';
import type { SourceDocument } from './source-document.ts';
import { extractTables } from './table-extractor.ts';
import { compactView } from './table-region.ts';

/** Options of {@link readReport}. */
export interface ReadOptions {
  /** The input's file name, kept in the report and used as a tie-breaker when sniffing the type. */
  fileName?: string;
  /** Force a format instead of detecting it. */
  format?: FormatId;
  /** Force the organization kind (decides the art. 49 deadline). */
  organizationKind?: 'government' | 'department' | 'other';
}

/**
 * Reads a published annual report.
 * @param bytes the file's content
 * @returns the structured report (schema `schema/structured-report.v1.schema.json`)
 * @throws GongkaiError `INPUT_EMPTY`, `INPUT_TOO_LARGE`, `INPUT_UNSUPPORTED`, `INPUT_CORRUPT` when
 *   the bytes cannot be read, `NOT_A_REPORT` when they hold no annual report; never for a report
 *   that is merely wrong
 */
export async function readReport(bytes: Uint8Array, options: ReadOptions = {}): Promise<StructuredReport> {
  const doc = await loadInput(bytes, options.fileName);
  const report = readDocument(doc, options);
  report.source.sha256 = createHash('sha256').update(bytes).digest('hex');
  return report;
}

/**
 * Reads an already loaded document (see {@link readReport}); pure, no I/O.
 * @returns the structured report with `source.sha256` null
 * @throws GongkaiError `NOT_A_REPORT` when the document holds no annual report
 */
export function readDocument(doc: SourceDocument, options: ReadOptions = {}): StructuredReport {
  const dt = documentText(doc);
  const notes: StructuredReport['notes'] = (doc.notes ?? []).map((n) => ({ ...n, position: null }));

  const hints = formatHints(dt);
  const decided = decideFormat(dt, options.format, hints.citedFormat, hints.year);
  const format = decided.format;

  const tables = extractTables(dt, format);
  notes.push(...tables.notes);
  const foreign = findForeignContent(dt, tables.regions);
  const exclude: TextRange[] = [...tables.regions, ...foreign.ranges].sort((a, b) => a.start - b.start);

  const metadata = readMetadata(dt, exclude);
  const { sections, spans } = detectSectionsWithSpans(dt, format, exclude);
  if (!looksLikeReport(tables.tables, sections, metadata.title)) {
    throw new GongkaiError('NOT_A_REPORT', `${options.fileName ?? 'the input'}: no table, section or title of an annual report was found`);
  }
  const narrative = extractClaims(dt, sections, exclude, spans);
  const claims = mapClaims(narrative.claims, format, metadata.year);

  const shareSets: ShareSet[] = [...narrative.shareSets];
  for (const cell of tables.cells) {
    if (cell.status !== 'text') continue;
    const set = extractShareSet(cell.raw, 'table', cell.position);
    if (set) shareSets.push({ ...set, id: `table-${cell.row}` });
  }

  const kindFromName = organizationKind(metadata.organizationName);
  const organization: StructuredReport['organization'] = options.organizationKind
    ? { name: metadata.organizationName, kind: options.organizationKind, kindSource: 'option' }
    : { name: metadata.organizationName, kind: kindFromName, kindSource: kindFromName === null ? 'unknown' : 'name' };

  let publicationDate: StructuredReport['publicationDate'] = metadata.publicationDate;
  if (!publicationDate && doc.metadata.creationDate) {
    publicationDate = { date: doc.metadata.creationDate, source: 'metadata', position: null };
    notes.push({
      code: 'PUBLICATION_DATE_FROM_METADATA',
      message: `No publication date in the text; using the file's creation date ${doc.metadata.creationDate}`,
      position: null,
    });
  }

  return {
    schemaVersion: STRUCTURED_REPORT_SCHEMA_VERSION,
    source: {
      fileName: options.fileName ?? null,
      mediaType: doc.mediaType,
      sha256: null,
      pageCount: doc.pageCount ?? null,
      lineCount: doc.lines.length,
    },
    title: metadata.title,
    organization,
    year: metadata.year,
    format: { id: format.id, source: decided.source },
    publicationDate,
    sections,
    tables: tables.tables,
    cells: tables.cells,
    ambiguities: tables.ambiguities,
    claims,
    shareSets,
    breakdowns: narrative.breakdowns,
    ignored: [
      ...foreign.passages,
      ...doc.dropped.map((d) => ({ reason: d.reason, text: d.text, from: d.position, to: d.position })),
    ],
    notes,
  };
}

/**
 * Whether a read document is an annual report at all: some table of the format was found, or a
 * section the format knows, or a title naming an annual report (年度报告/年报). Without any of
 * these, findings would only describe the absence of a report.
 */
function looksLikeReport(tables: readonly TableRead[], sections: readonly Section[], title: string | null): boolean {
  if (tables.some((t) => t.found)) return true;
  if (sections.some((s) => s.id !== 'preamble' && !s.id.startsWith('other-'))) return true;
  return title !== null && /年度报告|年报/.test(title);
}

/**
 * Decides the format: an explicit option; else the tables' own structure (a 2021 report printed
 * in the 2019 layout is read as 2019, so rule V12 can flag it); else the cited notice (60号/30号);
 * else the report year (RULES.md §3.1); else 2021, the current format.
 */
function decideFormat(
  dt: DocumentText,
  option: FormatId | undefined,
  cited: '2019' | '2021' | null,
  year: number | null,
): { format: ReportFormat; source: StructuredReport['format']['source'] } {
  if (option) return { format: getFormat(option), source: 'option' };
  const text = compactView(dt).text;
  if (/主动公开政府信息数/.test(text) && /(申请办结数|申请答复数|统计表)/.test(text)) return { format: getFormat('2014'), source: 'tables' };
  const says2021 = /(逾期不补正|本年制发件数|本年收费金额)/.test(text);
  const says2019 = /(本年新制作数量|上一年项目数量|第二十条第\(九\)项|采购项目数量)/.test(text);
  if (says2021 && !says2019) return { format: getFormat('2021'), source: 'tables' };
  if (says2019 && !says2021) return { format: getFormat('2019'), source: 'tables' };
  if (cited) return { format: getFormat(cited), source: 'citation' };
  if (year !== null) {
    const byYear = formatForYear(year);
    if (byYear) return { format: byYear, source: 'year' };
  }
  return { format: getFormat('2021'), source: 'default' };
}
