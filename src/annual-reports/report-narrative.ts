/**
 * The narrative of a computed report: the office's sections (or the template of its kind of
 * organization and format, narrative/report-template.ts) with every placeholder bound to the
 * computed cells and facts (narrative/bind-narrative.ts), so text and tables cannot disagree. The
 * opening paragraphs before 一、 are the section `preamble`. Pure.
 */
import type { FormatId } from '../reports/format/report-format.ts';
import { bindNarrative } from './narrative/bind-narrative.ts';
import { narrativeFacts } from './narrative/narrative-facts.ts';
import type { NarrativeValue } from './narrative/narrative-facts.ts';
import { reportTemplate } from './narrative/report-template.ts';
import type { NarrativeSection } from './computed-report.ts';
import type { ComputedCells } from './report-figures.ts';

/** The id of the opening paragraphs (before 一、总体情况): the reader's id for them too. */
const PREAMBLE_SECTION = 'preamble';

/** The narrative with numbers bound. */
export interface ComposedNarrative {
  /** Section id → the office's rich text with placeholders (as stored, or the template's). */
  html: Record<string, string>;
  /** Section id → the sanitized HTML with numbers in place. */
  boundHtml: Record<string, string>;
  /** The bound text by section (preamble first, then the format's order), for the report. */
  sections: NarrativeSection[];
  /** The facts the placeholders could use, by key. */
  facts: Record<string, NarrativeValue>;
  /** Placeholders that name no cell or fact, each once. */
  unbound: string[];
  /** 【请填写…】 markers the office has not replaced, each once. */
  unfilled: string[];
}

/** What {@link composeNarrative} needs. */
export interface NarrativeInput {
  kind: 'government' | 'department' | 'other';
  formatId: FormatId;
  year: number;
  cells: ComputedCells;
  /** The office's sections by id; null (or a missing section) for the template's. */
  sections: Readonly<Record<string, string>> | null;
}

/**
 * The default narrative of a kind of organization and format, as section id → rich text with
 * placeholders (the preamble under {@link PREAMBLE_SECTION}).
 */
function templateSections(formatId: FormatId, kind: NarrativeInput['kind']): Record<string, string> {
  const template = reportTemplate(formatId, kind);
  return { [PREAMBLE_SECTION]: template.preamble, ...Object.fromEntries(template.sections.map((s) => [s.id, s.html])) };
}

/**
 * Binds the narrative: the fee of the year (元, from the requests) feeds the 信息处理费 facts.
 * @returns the stored and bound HTML, the text by section, and what is left unbound or unfilled
 */
export function composeNarrative(input: NarrativeInput): ComposedNarrative {
  const template = templateSections(input.formatId, input.kind);
  const html: Record<string, string> = {};
  for (const id of Object.keys(template)) html[id] = input.sections?.[id] ?? template[id] ?? '';
  const facts = narrativeFacts(input.cells.values, input.formatId, input.year, { feeYuan: input.cells.requests.fees.yuan, activity: input.cells.activity });
  const values = { cells: input.cells.values, facts };
  const boundHtml: Record<string, string> = {};
  const sections: NarrativeSection[] = [];
  const unbound = new Set<string>();
  const unfilled = new Set<string>();
  for (const [id, text] of Object.entries(html)) {
    const bound = bindNarrative(text, values);
    boundHtml[id] = bound.html;
    sections.push({ id, text: bound.text });
    for (const u of bound.unbound) unbound.add(u);
    for (const u of bound.unfilled) unfilled.add(u);
  }
  return { html, boundHtml, sections, facts, unbound: [...unbound], unfilled: [...unfilled] };
}
