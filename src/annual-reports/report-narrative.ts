/**
 * The narrative of a computed report: the office's sections (or the template of its kind of
 * organization) with every placeholder bound to the computed cells, so text and tables cannot
 * disagree. Pure.
 */
import type { FormatId } from '../reports/format/report-format.ts';
import type { NarrativeSection } from './computed-report.ts';
import type { ComputedCells } from './report-figures.ts';

/** The narrative with numbers bound. */
export interface ComposedNarrative {
  /** Section id → the office's rich text with placeholders (as stored or from the template). */
  html: Record<string, string>;
  /** Section id → bound HTML (numbers in place). */
  boundHtml: Record<string, string>;
  /** The bound text by section, for the report. */
  sections: NarrativeSection[];
  /** Placeholders that name no cell or fact. */
  unbound: string[];
  /** 【请填写…】 markers the office has not replaced. */
  unfilled: string[];
}

/** What {@link composeNarrative} needs. */
export interface NarrativeInput {
  kind: 'government' | 'department' | 'other';
  formatId: FormatId;
  year: number;
  cells: ComputedCells;
  /** The office's sections; null for the template. */
  sections: Readonly<Record<string, string>> | null;
}

/** Binds the narrative (temporary minimal version until the templates land). */
export function composeNarrative(input: NarrativeInput): ComposedNarrative {
  const html = { ...(input.sections ?? {}) };
  return { html, boundHtml: html, sections: Object.entries(html).map(([id, text]) => ({ id, text: text.replace(/<[^>]+>/g, '') })), unbound: [], unfilled: [] };
}
