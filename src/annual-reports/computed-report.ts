/**
 * A computed annual report as the report engine's `StructuredReport`, so the same checker, renderers
 * and exports serve computed reports and reports read from published files. The cells are the
 * computed ones, set directly (never re-read); the narrative's numeric claims, shares and breakdowns
 * are extracted by the reader from the text as printed, so the checker's rule V07 compares what the
 * text says with the tables exactly as it does for any published report. The text holds no table,
 * so the reader does not look for any (`readNarrative`): a region's thousand reports would spend
 * most of their time there, and the headings 三、 and 四、 would be taken for where tables 三 and 四
 * start, dropping the office's text under them. Pure.
 */
import { formatCells, getFormat } from '../reports/format/formats.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import { STRUCTURED_REPORT_SCHEMA_VERSION } from '../reports/model/structured-report.ts';
import type { Cell, StructuredReport, TableRead } from '../reports/model/structured-report.ts';
import { textToSourceDocument } from '../reports/reader/load-text.ts';
import { readNarrative } from '../reports/reader/read-narrative.ts';
import { GongkaiError } from '../shared/errors.ts';
import { reportTitle } from './narrative/report-template.ts';

/** A section of the narrative: its format id (overview, proactive, …, or `preamble` for the opening paragraphs) and its text (paragraphs split by `\n`). */
export interface NarrativeSection {
  id: string;
  text: string;
}

/** What a computed report is built from. */
export interface ComputedReportInput {
  /** The reporting organization's name (吴忠市人民政府) and kind (decides the art. 49 deadline and the art. 50(四) rule). */
  organization: { name: string; kind: 'government' | 'department' | 'other' };
  /** The report year. */
  year: number;
  formatId: FormatId;
  /** Every cell of the format by id. */
  cells: Readonly<Record<string, number>>;
  /** The narrative by section, in any order (the format's order is used). */
  sections: readonly NarrativeSection[];
  /** `YYYY-MM-DD` China time once published (or as planned), else null. */
  publicationDate: string | null;
}

/** What every computed report of a format shares: its cells in format order and its tables as read. */
interface FormatSkeleton {
  cells: readonly { id: string; table: string; row: string; column: string }[];
  tables: readonly TableRead[];
}
const SKELETONS = new Map<FormatId, FormatSkeleton>();

/** The {@link FormatSkeleton} of a format, built once (a region computes a thousand reports). */
function formatSkeleton(formatId: FormatId): FormatSkeleton {
  let skeleton = SKELETONS.get(formatId);
  if (!skeleton) {
    const format = getFormat(formatId);
    skeleton = {
      cells: formatCells(format),
      tables: format.tables.map((t) => ({ id: t.id, title: t.title, found: true, position: null, layout: 'grid' as const })),
    };
    SKELETONS.set(formatId, skeleton);
  }
  return skeleton;
}

/** The report's title (defined with the templates). */
export { reportTitle };

/** The non-empty paragraphs of a section's text, trimmed, as they are printed. */
function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** Section numbers for formats that leave them free (2014). */
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The report as plain text, in the order a printed report has: title, sections with their
 * headings (一、总体情况 …) and the narrative, then the date line. Tables are not printed (their
 * cells are set, not read).
 */
export function narrativeText(input: ComputedReportInput): string {
  const format = getFormat(input.formatId);
  const byId = new Map(input.sections.map((s) => [s.id, s.text]));
  const lines = [reportTitle(input.organization.name, input.year), ''];
  lines.push(...paragraphsOf(byId.get('preamble') ?? ''));
  // The 2014 format numbers its sections freely (number ''): print them 一、二、… in order, so
  // the reader finds them as it finds a real report's.
  for (const [i, section] of format.sections.entries()) {
    lines.push(`${section.number || ORDINALS[i] || String(i + 1)}、${section.title}`);
    const text = byId.get(section.id) ?? '';
    lines.push(...paragraphsOf(text));
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Builds the structured report of a computed report.
 * @returns a `StructuredReport` whose `cells` are the computed values (status `number`), whose
 *   sections are the narrative's, and whose claims the reader extracted from the narrative
 * @throws GongkaiError `VALIDATION_FAILED` when a cell of the format is missing from `cells`
 */
export function buildComputedReport(input: ComputedReportInput): StructuredReport {
  const { cells: skeleton, tables } = formatSkeleton(input.formatId);
  const text = narrativeText(input);
  const read = readNarrative(textToSourceDocument(text), input.formatId);
  const title = reportTitle(input.organization.name, input.year);
  const written = new Map(input.sections.map((section) => [section.id, paragraphsOf(section.text).join('\n')]));
  const cells: Cell[] = [];
  for (const { id, table, row, column } of skeleton) {
    const value = input.cells[id];
    if (value === undefined) {
      throw new GongkaiError('VALIDATION_FAILED', `cell ${id} of the ${input.formatId} format has no value`, {
        issues: [{ field: 'cells', message: `cell ${id} has no value`, messageZh: `单元格 ${id} 没有数值` }],
      });
    }
    cells.push({ id, table, row, column, status: 'number', value, raw: String(value), position: null });
  }
  return {
    schemaVersion: STRUCTURED_REPORT_SCHEMA_VERSION,
    source: { fileName: null, mediaType: 'application/vnd.gongkai.computed-report', sha256: null, pageCount: null, lineCount: read.lineCount },
    title,
    organization: { name: input.organization.name, kind: input.organization.kind, kindSource: 'option' },
    year: input.year,
    format: { id: input.formatId, source: 'option' },
    publicationDate: input.publicationDate === null ? null : { date: input.publicationDate, source: 'option', position: null },
    // The reader found the sections (and read the claims from normalised text); what is printed is
    // the office's text as written, full-width punctuation included (NFKC would turn （，） into (,)).
    sections: read.sections.map((s) => {
      const printed = written.get(s.id);
      if (printed !== undefined) return { ...s, text: printed };
      // The title line is read as the start of the opening paragraphs: it is the report's title, not its text.
      return s.id === 'preamble' ? { ...s, text: s.text.replace(/^[^\n]*\n?/, (line) => (line.trim() === title ? '' : line)) } : s;
    }),
    tables: tables.map((t) => ({ ...t })),
    cells,
    ambiguities: [],
    claims: read.claims,
    shareSets: read.shareSets,
    breakdowns: read.breakdowns,
    ignored: [],
    notes: [],
  };
}
