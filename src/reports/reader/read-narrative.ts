/**
 * Reading a report that is only narrative: sections and numeric claims, without looking for
 * tables or for passages that are not part of the report. For text gongkai printed itself (a
 * computed annual report's narrative, src/annual-reports/computed-report.ts), whose tables are set
 * cell by cell and never printed, and which holds no page furniture: there, table extraction is
 * most of the reader's cost and finds nothing to read.
 */
import { getFormat } from '../format/formats.ts';
import type { FormatId } from '../format/report-format.ts';
import type { Breakdown, Claim, Section, ShareSet } from '../model/structured-report.ts';
import { GongkaiError } from '../../shared/errors.ts';
import { mapClaims } from './claim-mapper.ts';
import { extractClaims } from './claim-extractor.ts';
import { documentText } from './document-text.ts';
import { readMetadata } from './report-metadata.ts';
import { detectSectionsWithSpans } from './section-detector.ts';
import type { SourceDocument } from './source-document.ts';

/** What {@link readNarrative} reads. */
export interface NarrativeRead {
  /** The sections, as `readDocument` detects them (the opening paragraphs as `preamble`). */
  sections: Section[];
  /** The narrative's numeric claims mapped onto the format's cells (rule V07 compares them). */
  claims: Claim[];
  /** `X占N%` share sets of the narrative. */
  shareSets: ShareSet[];
  /** Totals followed by their parts (其中 …). */
  breakdowns: Breakdown[];
  /** The document's line count. */
  lineCount: number;
}

/**
 * Reads the sections and claims of a narrative-only document in a given format: what
 * `readDocument` gives for a document in which no table and no foreign passage is found (the
 * claims are dated by the year of the title, as there).
 * @param doc the loaded document (e.g. `textToSourceDocument(text)`)
 * @param formatId the report format (not detected: a narrative has no tables to detect it by)
 * @throws GongkaiError `NOT_A_REPORT` when neither a section of the format nor a title naming an
 *   annual report is found (as `readDocument` would, finding no table either)
 */
export function readNarrative(doc: SourceDocument, formatId: FormatId): NarrativeRead {
  const format = getFormat(formatId);
  const dt = documentText(doc);
  const metadata = readMetadata(dt, []);
  const { sections, spans } = detectSectionsWithSpans(dt, format, []);
  if (!sections.some((s) => s.id !== 'preamble' && !s.id.startsWith('other-')) && !(metadata.title !== null && /年度报告|年报/.test(metadata.title))) {
    throw new GongkaiError('NOT_A_REPORT', 'the narrative holds no section or title of an annual report');
  }
  const narrative = extractClaims(dt, sections, [], spans);
  return {
    sections,
    claims: mapClaims(narrative.claims, format, metadata.year),
    shareSets: [...narrative.shareSets],
    breakdowns: narrative.breakdowns,
    lineCount: doc.lines.length,
  };
}
