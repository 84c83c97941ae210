/**
 * Maps narrative claims onto table cells with the format's claim mappings (rule V07): which cells
 * a sentence such as `受理政府信息公开申请3119件` states.
 */
import type { ClaimMapping, ReportFormat } from '../format/report-format.ts';
import type { Claim } from '../model/structured-report.ts';
import { yearOfPhrase } from './claim-scanner.ts';

/** A claim mapping with its regular expressions compiled. */
interface CompiledMapping {
  mapping: ClaimMapping;
  subject: RegExp | null;
  predicate: RegExp | null;
  exclude: RegExp | null;
  units: ReadonlySet<string>;
}

/** A format's mappings, compiled, in order, and indexed by unit. */
interface CompiledFormat {
  all: CompiledMapping[];
  byUnit: ReadonlyMap<string, CompiledMapping[]>;
}

const COMPILED = new WeakMap<ReportFormat, CompiledFormat>();

/** The format's mappings, compiled once per format object. */
function compiled(format: ReportFormat): CompiledFormat {
  let out = COMPILED.get(format);
  if (!out) {
    const all = format.claimMappings.map((mapping) => ({
      mapping,
      subject: mapping.subject !== undefined ? new RegExp(mapping.subject) : null,
      predicate: mapping.predicate !== undefined ? new RegExp(mapping.predicate) : null,
      exclude: mapping.exclude !== undefined ? new RegExp(mapping.exclude) : null,
      units: new Set<string>(mapping.units),
    }));
    const byUnit = new Map<string, CompiledMapping[]>();
    for (const m of all) for (const unit of m.units) byUnit.set(unit, [...(byUnit.get(unit) ?? []), m]);
    out = { all, byUnit };
    COMPILED.set(format, out);
  }
  return out;
}

/**
 * The first mapping of `format` that applies to `claim`, or null. A mapping applies when the
 * claim's unit is one of its units (a negation claim, unit '', passes any unit check), its
 * `subject` regex matches `context + '|' + subject` or its `predicate` regex matches the
 * predicate, and its `exclude` regex does not match `context + '|' + subject`.
 */
export function findMapping(claim: Claim, format: ReportFormat): ClaimMapping | null {
  const c = compiled(format);
  const candidates = claim.negation ? c.all : c.byUnit.get(claim.unit);
  if (!candidates) return null;
  const key = `${claim.context}|${claim.subject}`;
  for (const m of candidates) {
    const hit = (m.subject?.test(key) ?? false) || (m.predicate?.test(claim.predicate) ?? false);
    if (!hit || (m.exclude?.test(key) ?? false)) continue;
    return m.mapping;
  }
  return null;
}

/**
 * Whether the claim's sentence dates it to a year other than the report's (`2023年，全市共受理…`
 * in a 2024 report; `上年`/`去年` whatever the report year). A claim without a year phrase, or
 * dated to the report year (`2024年，…`, `本年度`), is not; neither is one naming an absolute
 * year when the report year is unknown.
 */
export function datedToOtherYear(claim: Claim, year: number | null): boolean {
  if (claim.yearPhrase === undefined) return false;
  const named = yearOfPhrase(claim.yearPhrase, year);
  if (named !== null) return year !== null && named !== year;
  // Unknown report year: 上年/去年 still name another year than the report's own.
  return /^(?:上一?年|去年|前一年)/.test(claim.yearPhrase);
}

/**
 * Sets `cells` and `mapping` on every claim a mapping of `format` applies to (first mapping in
 * the format's order wins; see {@link findMapping}). Claims no mapping applies to, and claims
 * about another year than the report's (see {@link datedToOtherYear}), are returned without
 * `cells` and `mapping`. The input claims are not modified.
 * @param year the report year, or null when unknown
 * @returns new claim objects, in the same order
 */
export function mapClaims(claims: readonly Claim[], format: ReportFormat, year: number | null): Claim[] {
  return claims.map((claim) => {
    const rest: Claim = { ...claim };
    delete rest.cells;
    delete rest.mapping;
    if (datedToOtherYear(rest, year)) return rest;
    const m = findMapping(rest, format);
    return m ? { ...rest, cells: [...m.cells], mapping: m.id } : rest;
  });
}
