/**
 * Computes annual reports from the records: one organization's report (own records or a roll-up of
 * chosen organizations), the previous year's report for the cross-year rules, and every report of a
 * region at once (the submission dashboard, the benchmark). Reads only; the workflow
 * (report-workflow.service.ts) stores narratives and freezes what is submitted.
 */
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { authorize } from '../auth/policy.ts';
import { findOrganizationById, selectSubtree } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { checkReport } from '../reports/checker/check-report.ts';
import type { Finding } from '../reports/checker/finding.ts';
import { formatForYear } from '../reports/format/formats.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { membersByPresets } from './annual-report.ts';
import type { AnnualReport, MemberPreset, ReportScope } from './annual-report.ts';
import { findAnnualReport, findComparableReport, selectSubtreeReports } from './annual-report.repository.ts';
import { buildComputedReport } from './computed-report.ts';
import { composeNarrative } from './report-narrative.ts';
import type { ComposedNarrative } from './report-narrative.ts';
import { computeCells } from './report-figures.ts';
import type { ComputedCells, OrganizationFigures } from './report-figures.ts';
import { packRequestTables } from './rollup-requests.ts';
import type { PackedRequestTables } from './rollup-requests.ts';
import { emptyFigures, selectSubtreeFigures } from './report-figures.repository.ts';

/** The first report year gongkai computes: the 2008 regulation's first report year. */
export const MIN_REPORT_YEAR = 2008;
/** The last report year gongkai computes (far ahead: a four-digit year). */
export const MAX_REPORT_YEAR = 9999;

/** What to compute. */
export interface ReportQuery {
  organizationId: number;
  year: number;
  /** Default: the format of the year (RULES.md §3.1; 2021 before 2014 is refused). */
  formatId?: FormatId;
  /** Default: the stored report's scope, else `rollup` for a government with a subtree, else `own`. */
  scope?: ReportScope;
  /** A roll-up's members (ids in the organization's subtree); default: the stored report's, else the whole subtree. */
  members?: readonly number[];
  /** Roll-up members by presets instead of ids. */
  presets?: readonly MemberPreset[];
  /** The narrative (section id → rich text with placeholders); default: the stored report's, else the template. */
  sections?: Readonly<Record<string, string>>;
}

/** A computed report with everything behind it. */
export interface ComputedAnnualReport {
  organization: Organization;
  year: number;
  formatId: FormatId;
  scope: ReportScope;
  /** The organizations counted (the organization alone for `own`), by id with names. */
  members: { id: number; name: string; kind: Organization['kind'] }[];
  cells: ComputedCells;
  narrative: ComposedNarrative;
  /** The report as the report engine sees it (cells, sections, claims). */
  report: StructuredReport;
  /** The checker's findings (with the previous year's report when one is known). */
  findings: Finding[];
  /** The previous year's report the cross-year rules used, and where it came from. */
  previous: { source: 'submitted' | 'imported' | 'computed'; year: number } | null;
  /** The stored report of the organization and year, if any. */
  stored: AnnualReport | null;
}

/**
 * Checks a report year.
 * @throws GongkaiError `VALIDATION_FAILED` (field `year`) unless an integer from
 *   {@link MIN_REPORT_YEAR} to {@link MAX_REPORT_YEAR}
 */
export function checkReportYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_REPORT_YEAR || year > MAX_REPORT_YEAR) {
    throw validationFailed([{ field: 'year', message: `year must be an integer from ${MIN_REPORT_YEAR} to ${MAX_REPORT_YEAR}, got ${year}`, messageZh: `年度应为 ${MIN_REPORT_YEAR}–${MAX_REPORT_YEAR} 的整数` }]);
  }
}

/**
 * The format a report of `year` uses unless told otherwise (RULES.md §3.1: ≤2018 统计表 2014,
 * 2019–2020 the 60号 format, from 2021 the 30号 format); 2008–2013 reports, which had no national
 * table, are computed in the 2014 format.
 */
export function defaultFormat(year: number): FormatId {
  return formatForYear(year)?.id ?? '2014';
}

/**
 * The organization with `id`.
 * @throws GongkaiError `ORGANIZATION_UNKNOWN` (field `organizationId`) when there is none
 */
export async function organizationOrThrow(db: Db, id: number): Promise<Organization> {
  const org = Number.isInteger(id) ? await findOrganizationById(db, id) : undefined;
  if (!org) throw new GongkaiError('ORGANIZATION_UNKNOWN', `organizationId ${id}`, { issues: [{ field: 'organizationId', message: `organization ${id} does not exist`, messageZh: `机构 ${id} 不存在` }] });
  return org;
}

/**
 * Resolves scope and members for a query: explicit members must lie in the organization's subtree.
 * @throws GongkaiError `VALIDATION_FAILED` for a member outside the subtree or an empty roll-up
 */
export function resolveMembers(org: Organization, subtree: readonly Organization[], query: Pick<ReportQuery, 'scope' | 'members' | 'presets'>, stored: AnnualReport | null): { scope: ReportScope; members: number[] } {
  const scope: ReportScope = query.scope ?? stored?.scope ?? (org.kind === 'government' && subtree.length > 1 ? 'rollup' : 'own');
  if (scope === 'own') return { scope, members: [org.id] };
  const inTree = new Set(subtree.map((o) => o.id));
  let members: number[];
  if (query.members) members = [...new Set(query.members)];
  else if (query.presets) members = membersByPresets(org, subtree, query.presets);
  else if (stored?.scope === 'rollup' && stored.members) members = stored.members;
  else members = subtree.map((o) => o.id);
  const outside = members.filter((id) => !inTree.has(id));
  if (outside.length > 0) {
    throw validationFailed([{ field: 'members', message: `organizations ${outside.join(', ')} are not in ${org.name}'s subtree`, messageZh: `机构 ${outside.join('、')} 不在${org.name}的下级范围内` }]);
  }
  if (members.length === 0) throw validationFailed([{ field: 'members', message: 'a roll-up needs at least one organization', messageZh: '汇总范围至少应包括一个机构' }]);
  return { scope, members: members.sort((a, b) => a - b) };
}

/**
 * Builds one report from figures already selected (no I/O): the cells of the members, the
 * narrative bound to them, the structured report and its findings.
 * @param figures organization id → figures (organizations absent count as empty)
 * @param tallies organizations' own request tables already tallied and packed (`packRequestTables`),
 *   for a region's roll-ups (see `computeCells`)
 */
export function assembleReport(
  org: Organization,
  year: number,
  formatId: FormatId,
  members: readonly number[],
  figures: ReadonlyMap<number, OrganizationFigures>,
  sections: Readonly<Record<string, string>> | null,
  publicationDate: string | null,
  previous?: StructuredReport,
  tallies?: ReadonlyMap<number, PackedRequestTables>,
): { cells: ComputedCells; narrative: ComposedNarrative; report: StructuredReport; findings: Finding[] } {
  const cells = computeCells(
    members.map((id) => figures.get(id) ?? emptyFigures(id)),
    year,
    formatId,
    tallies,
  );
  const narrative = composeNarrative({ kind: org.kind, formatId, year, cells, sections });
  const report = buildComputedReport({
    organization: { name: org.name, kind: org.kind },
    year,
    formatId,
    cells: cells.values,
    sections: narrative.sections,
    publicationDate,
  });
  const findings = checkReport(report, previous ? { previous } : {});
  return { cells, narrative, report, findings };
}

/** A report's organization, stored report, format, subtree and members, as every report query resolves them. */
export interface ResolvedReportScope {
  organization: Organization;
  stored: AnnualReport | null;
  formatId: FormatId;
  /** The organization's subtree (itself included). */
  subtree: Organization[];
  scope: ReportScope;
  /** Member ids, sorted. */
  members: number[];
}

/**
 * Resolves what a report query covers. Permission: `reports.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (year, members), `FORMAT_UNKNOWN`
 */
export async function resolveReportScope(ctx: ServiceContext, actor: Actor, query: Pick<ReportQuery, 'organizationId' | 'year' | 'formatId' | 'scope' | 'members' | 'presets'>): Promise<ResolvedReportScope> {
  authorize(actor, 'reports.read');
  checkReportYear(query.year);
  const db = ctx.store.db;
  const organization = await organizationOrThrow(db, query.organizationId);
  authorize(actor, 'reports.read', { organizationPath: organization.path });
  const stored = (await findAnnualReport(db, organization.id, query.year)) ?? null;
  const formatId = query.formatId ?? stored?.formatId ?? defaultFormat(query.year);
  const subtree = await selectSubtree(db, organization.path);
  const { scope, members } = resolveMembers(organization, subtree, query, stored);
  return { organization, stored, formatId, subtree, scope, members };
}

/**
 * Computes an organization's report for a year from the records.
 * Permission: `reports.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (year, members), `FORMAT_UNKNOWN`
 */
export async function computeAnnualReport(ctx: ServiceContext, actor: Actor, query: ReportQuery): Promise<ComputedAnnualReport> {
  const { organization: org, stored, formatId, subtree, scope, members } = await resolveReportScope(ctx, actor, query);
  const db = ctx.store.db;
  const figures = await selectSubtreeFigures(db, org.path, query.year, formatId);
  const previous = await previousReport(ctx, org, query.year, scope, members);
  const assembled = assembleReport(org, query.year, formatId, members, figures, query.sections ?? stored?.sections ?? null, stored?.publicationDate ?? null, previous?.report);
  const names = new Map(subtree.map((o) => [o.id, o]));
  return {
    organization: org,
    year: query.year,
    formatId,
    scope,
    members: members.map((id) => ({ id, name: names.get(id)?.name ?? String(id), kind: names.get(id)?.kind ?? 'other' })),
    ...assembled,
    previous: previous ? { source: previous.source, year: query.year - 1 } : null,
    stored,
  };
}

/**
 * The organization's report of the year before, for the cross-year rules (V05 carry-over, V06,
 * V13 similarity): the one submitted here (frozen snapshot), else an imported published report,
 * else computed from the records when any record of that year exists.
 */
async function previousReport(
  ctx: ServiceContext,
  org: Organization,
  year: number,
  scope: ReportScope,
  members: readonly number[],
): Promise<{ source: 'submitted' | 'imported' | 'computed'; report: StructuredReport } | null> {
  const db = ctx.store.db;
  const before = year - 1;
  if (before < MIN_REPORT_YEAR) return null;
  const stored = (await findAnnualReport(db, org.id, before)) ?? null;
  const comparable = await findComparableReport(db, org.id, before, stored);
  if (comparable) return comparable;
  const formatId = stored?.formatId ?? defaultFormat(before);
  const figures = await selectSubtreeFigures(db, org.path, before, formatId);
  const counted = scope === 'own' ? [org.id] : members;
  const any = counted.some((id) => {
    const f = figures.get(id);
    return f !== undefined && (f.requestGroups.length > 0 || f.reviews.length > 0 || f.documents.length > 0);
  });
  if (!any) return null;
  const { report } = assembleReport(org, before, formatId, counted, figures, stored?.sections ?? null, null);
  return { source: 'computed', report };
}

/** One report of a region computation. */
export interface RegionReport {
  organizationId: number;
  scope: ReportScope;
  members: number;
  report: StructuredReport;
  findings: Finding[];
}

/**
 * Computes and checks every report of a region for a year: each organization's own report and, for
 * each government with a subtree, its roll-up (its stored members, else the whole subtree). The
 * figures are selected once for the whole region (five queries), so the cost is the data's, not a
 * query per organization. Cross-year rules are not run (each report would need its previous year;
 * `computeAnnualReport` runs them for one report).
 * Permission: `reports.read` on the root.
 * @param rootId the region's root organization
 * @returns the reports in subtree order (parents before children), own report before roll-up
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function computeRegionReports(ctx: ServiceContext, actor: Actor, rootId: number, year: number, formatId: FormatId = defaultFormat(year)): Promise<RegionReport[]> {
  authorize(actor, 'reports.read');
  checkReportYear(year);
  const root = await organizationOrThrow(ctx.store.db, rootId);
  authorize(actor, 'reports.read', { organizationPath: root.path });
  const db = ctx.store.db;
  const [subtree, figures, stored] = await Promise.all([selectSubtree(db, root.path), selectSubtreeFigures(db, root.path, year, formatId), selectSubtreeReports(db, root.path, year)]);
  subtree.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Every own report first, keeping each organization's request tables (packed: a thousand of them
  // stay alive until the roll-ups, which add them instead of tallying every member's cases again).
  const own = new Map<number, RegionReport>();
  const tallies = new Map<number, PackedRequestTables>();
  for (const org of subtree) {
    const saved = stored.get(org.id) ?? null;
    const { cells, report, findings } = assembleReport(org, year, formatId, [org.id], figures, saved?.sections ?? null, saved?.publicationDate ?? null);
    tallies.set(org.id, packRequestTables(cells.requests));
    own.set(org.id, { organizationId: org.id, scope: 'own', members: 1, report, findings });
  }
  const results: RegionReport[] = [];
  for (const org of subtree) {
    const ownReport = own.get(org.id);
    if (ownReport) results.push(ownReport);
    if (org.kind !== 'government') continue;
    const below = subtree.filter((o) => o.path.startsWith(org.path));
    if (below.length < 2) continue;
    const saved = stored.get(org.id) ?? null;
    const members = saved?.scope === 'rollup' && saved.members ? saved.members : below.map((o) => o.id);
    const rollup = assembleReport(org, year, formatId, members, figures, saved?.sections ?? null, saved?.publicationDate ?? null, undefined, tallies);
    results.push({ organizationId: org.id, scope: 'rollup', members: members.length, report: rollup.report, findings: rollup.findings });
  }
  return results;
}
