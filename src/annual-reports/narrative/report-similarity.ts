/**
 * How much of this year's narrative repeats last year's (rule V13): evaluators penalise reports
 * copied from the year before (CASS, 法治蓝皮书2017: “部分年报与去年的重复率竟达90%”; 30号 warns
 * against “内容雷同”). The editor shows the similarity per section and overall while the office
 * writes. Pure.
 *
 * Numbers are stripped before comparing: they change every year whatever the prose does, and a
 * copied text with new numbers is still copied.
 */
import { diceSimilarity } from '../../reports/checker/text-similarity.ts';

/**
 * At or above this similarity a section (or the whole) reads as copied: a warning. 0.9 is the
 * repetition CASS singled out; the report checker's V13 uses the same figure.
 */
export const SIMILARITY_WARNING = 0.9;

/**
 * At or above this similarity (and below {@link SIMILARITY_WARNING}) a notice: much of the text is
 * last year's. Our choice, not an evaluator's figure: a section rewritten in earnest scores well
 * below it, one with a few sentences changed above it.
 */
export const SIMILARITY_NOTICE = 0.7;

/**
 * Texts shorter than this (Han characters and letters, numbers stripped) are not rated: a one-line
 * section such as `无其他需要报告的事项。` is the same every year and that is no copying.
 */
export const MIN_RATED_CHARS = 30;

/** How a similarity is rated: `warning` ≥ 0.9, `notice` ≥ 0.7, else (or too short) null. */
export type SimilarityLevel = 'warning' | 'notice' | null;

/** The similarity of one section to the same section last year. */
export interface SectionSimilarity {
  /** Section id, e.g. `problems`. */
  readonly id: string;
  /** Dice similarity in [0, 1], rounded to 3 decimals; null when last year has no such section. */
  readonly similarity: number | null;
  /** The rating; null when not rated (no previous section, or either text too short). */
  readonly level: SimilarityLevel;
}

/** What {@link sectionSimilarity} returns. */
export interface ReportSimilarity {
  /** One entry per section of `current`, in its key order. */
  readonly sections: SectionSimilarity[];
  /** The similarity of all sections' text together (each year's sections joined in key order). */
  readonly overall: number;
  /** The rating of `overall`. */
  readonly level: SimilarityLevel;
}

/** Digits with their separators and decimal points, and full-width digits. */
const NUMBER_RE = /[0-9０-９]+(?:[.,．，][0-9０-９]+)*/g;

/** The text with its numbers removed, for comparing prose. */
export function stripNumbers(text: string): string {
  return text.replace(NUMBER_RE, '');
}

/** The number of characters that count for {@link MIN_RATED_CHARS}: letters and Han, not punctuation. */
function ratedLength(text: string): number {
  return (text.match(/[\p{L}]/gu) ?? []).length;
}

function rate(similarity: number, a: string, b: string): SimilarityLevel {
  if (ratedLength(a) < MIN_RATED_CHARS || ratedLength(b) < MIN_RATED_CHARS) return null;
  if (similarity >= SIMILARITY_WARNING) return 'warning';
  if (similarity >= SIMILARITY_NOTICE) return 'notice';
  return null;
}

/**
 * Similarity of this year's narrative to last year's, per section and overall: the bigram Dice
 * coefficient (`diceSimilarity`) of the texts with numbers stripped.
 * @param current section id → plain text of this year's report (e.g. `bindNarrative(…).text`)
 * @param previous section id → plain text of last year's
 */
export function sectionSimilarity(current: Readonly<Record<string, string>>, previous: Readonly<Record<string, string>>): ReportSimilarity {
  const sections: SectionSimilarity[] = Object.entries(current).map(([id, text]) => {
    const before = previous[id];
    if (before === undefined) return { id, similarity: null, level: null };
    const a = stripNumbers(text);
    const b = stripNumbers(before);
    const similarity = round3(diceSimilarity(a, b));
    return { id, similarity, level: rate(similarity, a, b) };
  });
  const whole = stripNumbers(Object.values(current).join('\n'));
  const wholeBefore = stripNumbers(Object.values(previous).join('\n'));
  const overall = round3(diceSimilarity(whole, wholeBefore));
  return { sections, overall, level: rate(overall, whole, wholeBefore) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
