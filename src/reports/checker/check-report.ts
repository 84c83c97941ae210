/**
 * The report checker: runs every rule family of RULES.md §6.2 on a structured report and returns
 * its findings. It never throws (STYLE §5.6: batch work returns result sets): a rule family that
 * fails internally becomes an `info` finding with rule `CHECKER`.
 */
import type { StructuredReport } from '../model/structured-report.ts';
import type { Finding, Severity } from './finding.ts';
import { createContext, makeFinding } from './check-context.ts';
import type { CheckContext } from './check-context.ts';
import { checkBreakdowns, checkRates } from './check-breakdowns.ts';
import { checkClaims } from './check-claims.ts';
import { checkCrossYear, organizationKey } from './check-cross-year.ts';
import { checkDeadline } from './check-deadline.ts';
import { checkFees } from './check-fees.ts';
import { checkFormatYear, checkPeriod } from './check-format-year.ts';
import { checkIdentities } from './check-identities.ts';
import { checkSections } from './check-sections.ts';
import { checkShares } from './check-shares.ts';
import { checkValues } from './check-values.ts';

/** Options of {@link checkReport}. */
export interface CheckOptions {
  /** The same organization's report on the year before, for the cross-year rules V05, V06, V13. */
  previous?: StructuredReport;
}

/** One rule family: a name (for `CHECKER` findings) and the function that runs it. */
interface RuleFamily {
  readonly name: string;
  readonly run: (ctx: CheckContext) => Finding[];
}

/** Every single-report rule family, in the order their findings are listed within a severity. */
const FAMILIES: readonly RuleFamily[] = [
  { name: 'format-year (V12)', run: checkFormatYear },
  { name: 'values (V08, V09-table)', run: checkValues },
  { name: 'identities (V01–V04, V15)', run: checkIdentities },
  { name: 'claims (V07, V07-swap)', run: checkClaims },
  { name: 'shares (V07-shares)', run: checkShares },
  { name: 'breakdowns (V07-parts)', run: checkBreakdowns },
  { name: 'rates (V07-rate)', run: checkRates },
  { name: 'sections (V09)', run: checkSections },
  { name: 'fees (V10)', run: checkFees },
  { name: 'deadline (V11)', run: checkDeadline },
  { name: 'period (V14)', run: checkPeriod },
];

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Sorts findings errors first, then warnings, then info, keeping the order within a severity. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The `CHECKER` info finding for a rule family that failed. */
function internalFailure(name: string, error: unknown): Finding {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return makeFinding({
    rule: 'CHECKER',
    severity: 'info',
    zh: `检查规则“${name}”内部出错，未能完成（${detail}）。`,
    en: `The checker's rule family “${name}” failed internally and was not completed (${detail}).`,
    source: 'gongkai checker (internal error, not a finding about the report)',
  });
}

/**
 * Checks one report.
 *
 * Runs, in this order: V12 (format vs year), V08/V09-table (cell values, missing tables),
 * V01–V04/V15 (identities), V07/V07-swap (claims vs cells), V07-shares, V07-parts, V07-rate,
 * V09 (sections), V10 (fees), V11 (publication deadline), V14 (statistics period), and with
 * `options.previous` V05/V06/V13 (cross-year).
 *
 * @param report the structured report (its `format.id` decides the format)
 * @param options `previous`: the same organization's report on the year before
 * @returns the findings, errors first, then warnings, then info, stable within each; never
 *   throws: an internal failure of a rule family gives an `info` finding with rule `CHECKER`
 */
export function checkReport(report: StructuredReport, options: CheckOptions = {}): Finding[] {
  let ctx: CheckContext;
  try {
    ctx = createContext(report);
  } catch (error) {
    return [internalFailure('context', error)];
  }
  const findings: Finding[] = [];
  for (const family of FAMILIES) {
    try {
      findings.push(...family.run(ctx));
    } catch (error) {
      findings.push(internalFailure(family.name, error));
    }
  }
  if (options.previous) {
    try {
      findings.push(...checkCrossYear(ctx, options.previous));
    } catch (error) {
      findings.push(internalFailure('cross-year (V05, V06, V13)', error));
    }
  }
  return sortFindings(findings);
}

/**
 * Checks several reports: each on its own, and for each report whose organization (name without
 * whitespace) also has a report on the year before among `reports`, the cross-year rules too.
 * Every finding carries `file`; cross-year findings carry the later report's file.
 *
 * @param reports the reports with the file each was read from
 * @returns all findings, report by report in input order, each report's sorted as by
 *   {@link checkReport}; never throws
 */
export function checkReports(reports: readonly { file: string; report: StructuredReport }[]): Finding[] {
  const byOrgYear = new Map<string, StructuredReport>();
  for (const { report } of reports) {
    const key = safeKey(report);
    if (key !== null && !byOrgYear.has(key)) byOrgYear.set(key, report);
  }
  const all: Finding[] = [];
  for (const { file, report } of reports) {
    let previous: StructuredReport | undefined;
    try {
      const org = organizationKey(report.organization.name);
      if (org !== null && report.year !== null) previous = byOrgYear.get(`${org}\u0000${report.year - 1}`);
    } catch {
      previous = undefined;
    }
    const findings = checkReport(report, previous ? { previous } : {});
    for (const finding of findings) all.push({ ...finding, file });
  }
  return all;
}

/** `organization\0year`, or null when either is unknown or the report is malformed. */
function safeKey(report: StructuredReport): string | null {
  try {
    const org = organizationKey(report.organization.name);
    return org === null || report.year === null ? null : `${org}\u0000${report.year}`;
  } catch {
    return null;
  }
}
