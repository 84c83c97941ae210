/**
 * The annual report's workflow (2019 art. 49–50): the office drafts (narrative, scope, members),
 * checks and submits its report to the competent OGI department, which returns it with comments
 * or accepts it; an accepted report is published. Every change: permission first
 * (src/auth/policy.ts), the transition table (report-workflow.ts), one transaction holding the
 * change, its `annual_report_step` row and its audit event, and the optimistic `version` (a stale
 * version is a `CONFLICT`). Submission freezes the computed report (`snapshot`): what was
 * submitted, accepted and published does not move when a record is corrected afterwards.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, can, grantedPaths } from '../auth/policy.ts';
import type { Action } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { isIsoDate } from '../calendar/working-days.ts';
import { sanitizeRichText } from '../catalog/rich-text.ts';
import type { Db } from '../db/database.ts';
import { findOrganizationById, selectAllOrganizations, selectSubtree } from '../organizations/organization.repository.ts';
import type { Organization } from '../organizations/organization.ts';
import { sortAsTree } from '../organizations/organization.ts';
import { checkDeadline } from '../reports/checker/check-deadline.ts';
import { createContext } from '../reports/checker/check-context.ts';
import type { Finding } from '../reports/checker/finding.ts';
import { getFormat } from '../reports/format/formats.ts';
import type { FormatId } from '../reports/format/report-format.ts';
import type { StructuredReport } from '../reports/model/structured-report.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { AnnualReport, AnnualReportStep, MemberPreset, ReportScope, ReportStatus } from './annual-report.ts';
import { findAnnualReport, findAnnualReportById, findComparableReport, insertAnnualReport, insertReportStep, listReportSteps, selectSubtreeReports, selectUserDisplayNames, updateAnnualReport } from './annual-report.repository.ts';
import type { AnnualReportValues } from './annual-report.repository.ts';
import { checkReportYear, computeAnnualReport, organizationOrThrow, resolveMembers } from './report-compute.service.ts';
import type { ComputedAnnualReport } from './report-compute.service.ts';
import { blockingFindings, deadlineFor, isOverdue, REPORT_TRANSITIONS, reportTransition, validOverrideReason, validReturnComment } from './report-workflow.ts';
import type { ReportAction, ReportDeadline } from './report-workflow.ts';
import { findLiteralNumbers } from './narrative/bind-narrative.ts';
import type { LiteralNumber } from './narrative/bind-narrative.ts';
import { sectionSimilarity } from './narrative/report-similarity.ts';
import type { ReportSimilarity } from './narrative/report-similarity.ts';

/** The most characters of one narrative section as typed (before sanitizing). */
export const MAX_SECTION_CHARS = 50_000;

/** What a save changes; omitted fields keep their value. */
export interface ReportSaveInput {
  /** The version the caller read (optimistic lock). */
  version: number;
  /** Narrative sections by id (rich text with placeholders); the sections given replace the stored ones. */
  sections?: Readonly<Record<string, string>>;
  scope?: ReportScope;
  /** A roll-up's members (organization ids in the subtree). */
  members?: readonly number[];
  /** A roll-up's members by presets (instead of `members`). */
  presets?: readonly MemberPreset[];
  formatId?: FormatId;
}

/** A report with its last check. */
export interface CheckedReport {
  report: AnnualReport;
  findings: Finding[];
  /** 【请填写…】 markers left in the narrative. */
  unfilled: string[];
  /** Placeholders naming no cell or fact. */
  unbound: string[];
}

/** A workflow step with the actor's name. */
export interface ReportStepView extends AnnualReportStep {
  /** The actor's display name; null for the system (CLI, demo) or an unknown user. */
  actorName: string | null;
}

/** One row of the report list: an organization and its report of the year. */
export interface ReportListRow {
  organization: Pick<Organization, 'id' | 'name' | 'kind' | 'path' | 'parentId'>;
  /** The stored report's state, or null when none was started. */
  status: ReportStatus | null;
  deadline: ReportDeadline | null;
  overdue: boolean;
  submittedAt: string | null;
  publishedAt: string | null;
}

const ENTITY = 'annual_report';

async function reportOrThrow(db: Db, id: number): Promise<{ report: AnnualReport; org: Organization }> {
  const report = Number.isInteger(id) ? await findAnnualReportById(db, id) : undefined;
  if (!report) throw new GongkaiError('NOT_FOUND', `annual report ${id}`);
  return { report, org: await organizationOrThrow(db, report.organizationId) };
}

/**
 * The organization whose OGI department reviews `org`'s report: its competent department
 * (2019 art. 3, 49), or the organization itself when none is recorded.
 */
export async function competentOrganization(db: Db, org: Organization): Promise<Organization> {
  if (org.competentDepartmentId === null) return org;
  return (await findOrganizationById(db, org.competentDepartmentId)) ?? org;
}

/**
 * Authorizes `action` on the right organization (the reporting one, or its competent department's),
 * then checks the transition from the report's state: a caller without the permission learns
 * nothing about the report's state.
 * @param permission overrides the table's permission (submitting with an override)
 * @throws GongkaiError `FORBIDDEN`, then `REPORT_LOCKED` / `ILLEGAL_TRANSITION`
 */
async function authorizeTransition(ctx: ServiceContext, actor: Actor, report: AnnualReport, org: Organization, action: ReportAction, permission?: Action): Promise<void> {
  const rule = REPORT_TRANSITIONS.find((t) => t.action === action);
  if (!rule) throw new GongkaiError('ILLEGAL_TRANSITION', action);
  const target = rule.on === 'organization' ? org : await competentOrganization(ctx.store.db, org);
  authorize(actor, permission ?? rule.permission, { organizationPath: target.path });
  reportTransition(report.status, action);
}

function checkVersion(report: AnnualReport, version: number): void {
  if (!Number.isInteger(version) || version !== report.version) {
    throw new GongkaiError('CONFLICT', `annual report ${report.id}: version ${version} given, ${report.version} stored`);
  }
}

/** The stored values of a report (all but id, version and creation), to change some of them. */
export function reportValues(r: AnnualReport): AnnualReportValues {
  return {
    organizationId: r.organizationId,
    year: r.year,
    formatId: r.formatId,
    scope: r.scope,
    members: r.members,
    status: r.status,
    sections: r.sections,
    snapshot: r.snapshot,
    findings: r.findings,
    override: r.override,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    reviewedAt: r.reviewedAt,
    reviewedBy: r.reviewedBy,
    reviewComment: r.reviewComment,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
    publicationDate: r.publicationDate,
    synthetic: r.synthetic,
  };
}

/** What the audit log keeps of a report (the snapshot and findings are summarized, not copied). */
function auditView(report: AnnualReport, withSections = false): Record<string, unknown> {
  return {
    status: report.status,
    version: report.version,
    formatId: report.formatId,
    scope: report.scope,
    members: report.members,
    ...(withSections ? { sections: report.sections } : {}),
    findings: report.findings === null ? null : countFindings(report.findings),
    override: report.override,
    reviewComment: report.reviewComment,
    publicationDate: report.publicationDate,
  };
}

function countFindings(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}

/**
 * Writes a change of a stored report with its step and audit event in one transaction.
 * @throws GongkaiError `CONFLICT` when the report changed since `expectedVersion`
 */
async function writeChange(
  ctx: ServiceContext,
  actor: Actor,
  before: AnnualReport,
  values: AnnualReportValues,
  change: { steps: { step: string; comment: string | null }[]; action: string; note?: string; withSections?: boolean },
): Promise<AnnualReport> {
  const now = nowIso(ctx.clock);
  return ctx.store.db.transaction().execute(async (trx) => {
    const after = await updateAnnualReport(trx, before.id, before.version, values, now);
    if (!after) throw new GongkaiError('CONFLICT', `annual report ${before.id} was changed by someone else`);
    for (const s of change.steps) await insertReportStep(trx, { reportId: after.id, step: s.step, actorId: actorUserId(actor), at: now, comment: s.comment });
    await recordAudit(trx, actor, ctx.clock, {
      action: change.action,
      entityType: ENTITY,
      entityId: after.id,
      organizationId: after.organizationId,
      before: auditView(before, change.withSections),
      after: auditView(after, change.withSections),
      ...(change.note !== undefined ? { note: change.note } : {}),
    });
    return after;
  });
}

/**
 * The organization of a report year the actor may read: permission `reports.read` first without
 * a target (so an anonymous caller learns nothing), then on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED` (year), `ORGANIZATION_UNKNOWN`
 */
async function readableOrganization(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<Organization> {
  authorize(actor, 'reports.read');
  checkReportYear(year);
  const org = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'reports.read', { organizationPath: org.path });
  return org;
}

/**
 * The organization's report of `year`, created as a draft when none exists: the narrative of the
 * template for its kind of organization (bound later, placeholders kept), the scope and members
 * the computation defaults to (a government with a subtree: a roll-up of the whole subtree).
 * Permission: `reports.read` on the organization; creating also `reports.write`.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function getOrCreateReport(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<AnnualReport> {
  return (await reportFor(ctx, actor, organizationId, year, 0)).report;
}

/**
 * Starts the draft of `org`'s report of `year` (the caller found none), unless someone else
 * started it meanwhile. Permission: `reports.write` on the organization.
 */
async function createDraft(ctx: ServiceContext, actor: Actor, org: Organization, year: number): Promise<{ report: AnnualReport; created: boolean }> {
  const db = ctx.store.db;
  authorize(actor, 'reports.write', { organizationPath: org.path });
  const computed = await computeAnnualReport(ctx, actor, { organizationId: org.id, year });
  const now = nowIso(ctx.clock);
  return db.transaction().execute(async (trx) => {
    // Someone may have created it since: theirs stands.
    const raced = await findAnnualReport(trx, org.id, year);
    if (raced) return { report: raced, created: false };
    const report = await insertAnnualReport(
      trx,
      {
        organizationId: org.id,
        year,
        formatId: computed.formatId,
        scope: computed.scope,
        members: computed.scope === 'rollup' ? computed.members.map((m) => m.id) : null,
        status: 'draft',
        sections: computed.narrative.html,
        snapshot: null,
        findings: null,
        override: null,
        submittedAt: null,
        submittedBy: null,
        reviewedAt: null,
        reviewedBy: null,
        reviewComment: null,
        publishedAt: null,
        publishedBy: null,
        publicationDate: null,
        synthetic: false,
      },
      actorUserId(actor),
      now,
    );
    await insertReportStep(trx, { reportId: report.id, step: 'created', actorId: actorUserId(actor), at: now, comment: null });
    await recordAudit(trx, actor, ctx.clock, { action: 'annual_report.create', entityType: ENTITY, entityId: report.id, organizationId: org.id, after: auditView(report, true) });
    return { report, created: true };
  });
}

/**
 * The report of an organization and year for a change: the stored one, or (when `version` is 0,
 * meaning the caller saw no stored report) a new draft.
 * Permission: as {@link getOrCreateReport}.
 * @returns the report, and whether this call created it (then the caller's version 0 stands for
 *   its first version)
 * @throws GongkaiError `NOT_FOUND` when no report exists and `version` is not 0; as getOrCreateReport
 */
export async function reportFor(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, version: number): Promise<{ report: AnnualReport; created: boolean }> {
  const org = await readableOrganization(ctx, actor, organizationId, year);
  const existing = await findAnnualReport(ctx.store.db, org.id, year);
  if (existing) return { report: existing, created: false };
  if (version !== 0) throw new GongkaiError('NOT_FOUND', `no annual report of organization ${org.id} for ${year}`);
  return createDraft(ctx, actor, org, year);
}

/** Section ids a report may store: the format's, the preamble, and any already stored. */
function allowedSections(formatId: FormatId, stored: Readonly<Record<string, string>>): Set<string> {
  return new Set([...getFormat(formatId).sections.map((s) => s.id), 'preamble', ...Object.keys(stored)]);
}

/** Sanitizes the given sections (rich text, 2019 art. 50 narrative) and merges them into the stored ones. */
function mergeSections(formatId: FormatId, stored: Readonly<Record<string, string>>, given: Readonly<Record<string, string>>): Record<string, string> {
  const allowed = allowedSections(formatId, stored);
  const issues: ErrorIssue[] = [];
  const merged: Record<string, string> = { ...stored };
  for (const [id, html] of Object.entries(given)) {
    if (!allowed.has(id)) {
      issues.push({ field: `sections.${id}`, message: `the ${formatId} format has no section "${id}"`, messageZh: `${formatId}年格式没有“${id}”部分` });
      continue;
    }
    if (typeof html !== 'string' || html.length > MAX_SECTION_CHARS) {
      issues.push({ field: `sections.${id}`, message: `a section must be text of at most ${MAX_SECTION_CHARS} characters`, messageZh: `每部分内容不能超过${MAX_SECTION_CHARS}个字符` });
      continue;
    }
    // Placeholders are text to the sanitizer, so they survive; bindNarrative sanitizes again when binding.
    merged[id] = sanitizeRichText(html).html;
  }
  if (issues.length > 0) throw validationFailed(issues);
  return merged;
}

/**
 * Saves the office's narrative, the roll-up's scope and members, or the format. The last check's
 * findings are dropped (they no longer describe the report).
 * Permission: `reports.write` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `REPORT_LOCKED` (submitted,
 *   accepted, published), `CONFLICT` (version), `VALIDATION_FAILED` (sections, members),
 *   `FORMAT_UNKNOWN`
 */
export async function saveReport(ctx: ServiceContext, actor: Actor, reportId: number, input: ReportSaveInput): Promise<AnnualReport> {
  authorize(actor, 'reports.write');
  const db = ctx.store.db;
  const { report, org } = await reportOrThrow(db, reportId);
  await authorizeTransition(ctx, actor, report, org, 'save');
  checkVersion(report, input.version);
  const formatId = input.formatId !== undefined ? getFormat(input.formatId).id : report.formatId;
  const sections = input.sections ? mergeSections(formatId, report.sections, input.sections) : report.sections;
  let { scope, members } = report;
  if (input.scope !== undefined || input.members !== undefined || input.presets !== undefined) {
    const subtree = await selectSubtree(db, org.path);
    const resolved = resolveMembers(
      org,
      subtree,
      { scope: input.scope ?? report.scope, ...(input.members !== undefined ? { members: input.members } : {}), ...(input.presets !== undefined ? { presets: input.presets } : {}) },
      report,
    );
    scope = resolved.scope;
    members = scope === 'rollup' ? resolved.members : null;
  }
  return writeChange(ctx, actor, report, { ...reportValues(report), formatId, sections, scope, members, findings: null }, { steps: [{ step: 'saved', comment: null }], action: 'annual_report.save', withSections: true });
}

/**
 * {@link saveReport} on the report of an organization and year, starting it first when
 * `input.version` is 0 (the caller saw no stored report): the API's PUT and the console's forms.
 * Permission: as {@link getOrCreateReport} and {@link saveReport}.
 * @throws GongkaiError as {@link reportFor} and {@link saveReport}; `CONFLICT` for version 0 when
 *   someone else started the report
 */
export async function saveReportOf(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, input: ReportSaveInput): Promise<AnnualReport> {
  const { report, created } = await reportFor(ctx, actor, organizationId, year, input.version);
  // A report started by this call is at its first version; otherwise the caller's version is checked.
  return saveReport(ctx, actor, report.id, { ...input, version: created ? report.version : input.version });
}

/**
 * Computes and checks the stored report (its narrative, scope, members and format) and stores the
 * findings.
 * Permission: `reports.write` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `REPORT_LOCKED` (a submitted
 *   report's findings were frozen with it), `CONFLICT`
 */
export async function checkStoredReport(ctx: ServiceContext, actor: Actor, reportId: number): Promise<CheckedReport> {
  authorize(actor, 'reports.write');
  const { report, org } = await reportOrThrow(ctx.store.db, reportId);
  await authorizeTransition(ctx, actor, report, org, 'save');
  const computed = await computeAnnualReport(ctx, actor, { organizationId: org.id, year: report.year });
  const counts = countFindings(computed.findings);
  const stored = await writeChange(ctx, actor, report, { ...reportValues(report), findings: computed.findings }, {
    steps: [{ step: 'checked', comment: `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}` }],
    action: 'annual_report.check',
  });
  return { report: stored, findings: computed.findings, unfilled: computed.narrative.unfilled, unbound: computed.narrative.unbound };
}

/** The narrative's unfinished places as issues, or none. */
function narrativeIssues(computed: ComputedAnnualReport): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (computed.narrative.unfilled.length > 0) {
    issues.push({
      field: 'sections',
      message: `the narrative still has ${computed.narrative.unfilled.length} unfilled marker(s): ${computed.narrative.unfilled.join(' ')}`,
      messageZh: `报告正文仍有待填写的内容：${computed.narrative.unfilled.join('、')}`,
    });
  }
  if (computed.narrative.unbound.length > 0) {
    issues.push({
      field: 'sections',
      message: `the narrative has placeholders naming no cell or fact: ${computed.narrative.unbound.join(' ')}`,
      messageZh: `报告正文中的占位符无法对应到任何单元格或数据项：${computed.narrative.unbound.join('、')}`,
    });
  }
  return issues;
}

/** Error findings as issues of a `REPORT_CHECK_FAILED` error. */
function findingIssues(findings: readonly Finding[]): ErrorIssue[] {
  return findings.map((f) => ({ field: f.cells[0]?.id ?? f.rule, message: `${f.rule}: ${f.message.en}`, messageZh: `${f.rule}：${f.message.zh}` }));
}

/**
 * Submits the report to the competent OGI department (2019 art. 49): computes and checks it,
 * refuses while the narrative has 【请填写…】 markers or unbound placeholders, and refuses checker
 * errors unless an approver overrides them with a written reason (kept with the report, with who
 * and when). On success the computed report is frozen as the snapshot with its findings.
 * Permission: `reports.write` on the organization; with `overrideReason`, `reports.override`.
 * @param input `version`; `overrideReason`: at least 10 characters
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `REPORT_LOCKED`, `CONFLICT`,
 *   `VALIDATION_FAILED` (narrative, override reason), `REPORT_CHECK_FAILED` (the error findings as
 *   issues)
 */
export async function submitReport(ctx: ServiceContext, actor: Actor, reportId: number, input: { version: number; overrideReason?: string | undefined }): Promise<AnnualReport> {
  const permission: Action = input.overrideReason !== undefined ? 'reports.override' : 'reports.write';
  authorize(actor, permission);
  const { report, org } = await reportOrThrow(ctx.store.db, reportId);
  await authorizeTransition(ctx, actor, report, org, 'submit', permission);
  checkVersion(report, input.version);
  const reason = input.overrideReason !== undefined ? validOverrideReason(input.overrideReason) : undefined;
  const computed = await computeAnnualReport(ctx, actor, { organizationId: org.id, year: report.year });
  const issues = narrativeIssues(computed);
  if (issues.length > 0) throw validationFailed(issues);
  const errors = blockingFindings(computed.findings);
  if (errors.length > 0 && reason === undefined) {
    throw new GongkaiError('REPORT_CHECK_FAILED', `${errors.length} error finding(s): ${[...new Set(errors.map((f) => f.rule))].join(', ')}`, { issues: findingIssues(errors) });
  }
  const now = nowIso(ctx.clock);
  const override = errors.length > 0 && reason !== undefined ? { reason, by: actorUserId(actor), at: now } : null;
  const steps = [{ step: 'submitted', comment: null }, ...(override ? [{ step: 'override', comment: override.reason }] : [])];
  return writeChange(
    ctx,
    actor,
    report,
    { ...reportValues(report), status: 'submitted', snapshot: computed.report, findings: computed.findings, override, submittedAt: now, submittedBy: actorUserId(actor) },
    { steps, action: 'annual_report.submit', ...(override ? { note: override.reason } : {}) },
  );
}

/**
 * Returns a submitted report to the office with comments (what to fix). The snapshot is dropped:
 * the report is computed again from the records when resubmitted, and checked anew.
 * Permission: `reports.review` on the competent department's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION`, `CONFLICT`,
 *   `VALIDATION_FAILED` (blank comment)
 */
export async function returnReport(ctx: ServiceContext, actor: Actor, reportId: number, input: { version: number; comment: string }): Promise<AnnualReport> {
  authorize(actor, 'reports.review');
  const { report, org } = await reportOrThrow(ctx.store.db, reportId);
  await authorizeTransition(ctx, actor, report, org, 'return');
  checkVersion(report, input.version);
  const comment = validReturnComment(input.comment);
  const now = nowIso(ctx.clock);
  return writeChange(
    ctx,
    actor,
    report,
    { ...reportValues(report), status: 'returned', snapshot: null, override: null, reviewComment: comment, reviewedAt: now, reviewedBy: actorUserId(actor) },
    { steps: [{ step: 'returned', comment }], action: 'annual_report.return', note: comment },
  );
}

/**
 * Accepts a submitted report; an optional comment is kept with the step.
 * Permission: `reports.review` on the competent department's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION`, `CONFLICT`,
 *   `VALIDATION_FAILED` (comment too long)
 */
export async function acceptReport(ctx: ServiceContext, actor: Actor, reportId: number, input: { version: number; comment?: string | undefined }): Promise<AnnualReport> {
  authorize(actor, 'reports.review');
  const { report, org } = await reportOrThrow(ctx.store.db, reportId);
  await authorizeTransition(ctx, actor, report, org, 'accept');
  checkVersion(report, input.version);
  const comment = input.comment !== undefined && input.comment.trim() !== '' ? validReturnComment(input.comment) : null;
  const now = nowIso(ctx.clock);
  return writeChange(
    ctx,
    actor,
    report,
    { ...reportValues(report), status: 'accepted', reviewComment: comment, reviewedAt: now, reviewedBy: actorUserId(actor) },
    { steps: [{ step: 'accepted', comment }], action: 'annual_report.accept', ...(comment !== null ? { note: comment } : {}) },
  );
}

/**
 * Publishes an accepted report: the frozen snapshot gets its publication date, and the deadline
 * rule (V11) is checked again against it. Published is final.
 * Permission: `reports.publish` on the organization.
 * @param input `publicationDate`: `YYYY-MM-DD` China time, after the report year and not after
 *   today; default today
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION`, `CONFLICT`,
 *   `VALIDATION_FAILED` (date)
 */
export async function publishReport(ctx: ServiceContext, actor: Actor, reportId: number, input: { version: number; publicationDate?: string | undefined }): Promise<AnnualReport> {
  authorize(actor, 'reports.publish');
  const { report, org } = await reportOrThrow(ctx.store.db, reportId);
  await authorizeTransition(ctx, actor, report, org, 'publish');
  checkVersion(report, input.version);
  const now = today(ctx.clock);
  const date = input.publicationDate ?? now;
  const earliest = `${report.year + 1}-01-01`;
  if (!isIsoDate(date) || date > now || date < earliest) {
    throw validationFailed([{ field: 'publicationDate', message: `the publication date must be a date from ${earliest} to today (${now})`, messageZh: `公开日期应在${earliest}至今天（${now}）之间` }]);
  }
  if (!report.snapshot) throw new GongkaiError('ILLEGAL_TRANSITION', `annual report ${report.id} has no snapshot`);
  const snapshot: StructuredReport = { ...report.snapshot, publicationDate: { date, source: 'option', position: null } };
  const findings = [...(report.findings ?? []).filter((f) => f.rule !== 'V11'), ...checkDeadline(createContext(snapshot))];
  return writeChange(
    ctx,
    actor,
    report,
    { ...reportValues(report), status: 'published', snapshot, findings, publishedAt: nowIso(ctx.clock), publishedBy: actorUserId(actor), publicationDate: date },
    { steps: [{ step: 'published', comment: date }], action: 'annual_report.publish' },
  );
}

/**
 * The workflow steps of an organization's report of `year`, oldest first (empty when no report
 * was started).
 * Permission: `reports.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function listStepsOf(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ReportStepView[]> {
  const org = await readableOrganization(ctx, actor, organizationId, year);
  const db = ctx.store.db;
  const report = await findAnnualReport(db, org.id, year);
  if (!report) return [];
  const steps = await listReportSteps(db, report.id);
  return withActorNames(steps, await selectUserDisplayNames(db, actorIds(steps)));
}

/** The actors of steps (the system's steps have none). */
function actorIds(steps: readonly AnnualReportStep[]): number[] {
  return steps.flatMap((s) => (s.actorId === null ? [] : [s.actorId]));
}

/** Steps with their actors' names from `names` (user id → display name). */
function withActorNames(steps: readonly AnnualReportStep[], names: ReadonlyMap<number, string>): ReportStepView[] {
  return steps.map((s) => ({ ...s, actorName: s.actorId === null ? null : (names.get(s.actorId) ?? null) }));
}

/**
 * Every organization whose reports the actor may read, in tree order, with its report of `year`:
 * state, deadline (2019 art. 49) and whether it is overdue today (China time).
 * Permission: `reports.read` (the list is narrowed to the actor's subtrees).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED` (year)
 */
export async function listReportsOf(ctx: ServiceContext, actor: Actor, year: number): Promise<ReportListRow[]> {
  authorize(actor, 'reports.read');
  checkReportYear(year);
  const db = ctx.store.db;
  const roots = grantedPaths(actor, 'reports.read');
  const all = await selectAllOrganizations(db);
  const visible = roots === null ? all : all.filter((o) => roots.some((r) => o.path.startsWith(r)));
  const reports = new Map<number, AnnualReport>();
  // Nested grants would read a subtree twice; the outermost roots suffice.
  const outer = roots === null ? ['/'] : roots.filter((r) => !roots.some((other) => other !== r && r.startsWith(other)));
  for (const root of new Set(outer)) for (const [id, r] of await selectSubtreeReports(db, root, year)) reports.set(id, r);
  const now = today(ctx.clock);
  return sortAsTree(visible).map((o) => {
    const r = reports.get(o.id) ?? null;
    return {
      organization: { id: o.id, name: o.name, kind: o.kind, path: o.path, parentId: o.parentId },
      status: r?.status ?? null,
      deadline: deadlineFor(year, o.kind),
      overdue: isOverdue({ year, kind: o.kind, status: r?.status ?? null }, now),
      submittedAt: r?.submittedAt ?? null,
      publishedAt: r?.publishedAt ?? null,
    };
  });
}

/** What the console's report page shows and offers. */
export interface ReportWorkspace {
  /** The report computed now (`stored` holds the stored report, if any). */
  computed: ComputedAnnualReport;
  steps: ReportStepView[];
  /** User id → display name, for who entered, submitted, overrode, reviewed, published. */
  userNames: Map<number, string>;
  deadline: ReportDeadline | null;
  overdue: boolean;
  /** The organization and its subtree, in tree order: the roll-up's candidate members. */
  subtree: Organization[];
  /** The organization whose OGI department reviews the report. */
  competent: Pick<Organization, 'id' | 'name'>;
  /** What the actor may do, ignoring the report's state. */
  may: { write: boolean; override: boolean; review: boolean; publish: boolean };
  /**
   * Similarity of this narrative to the organization's report of the year before (submitted here,
   * else imported), per section with numbers stripped; null when there is none (CASS: copied reports).
   */
  similarity: { year: number; source: 'submitted' | 'imported'; result: ReportSimilarity } | null;
  /** Numbers the office typed in its text (not placeholders) that equal a computed value, by section id. */
  literalNumbers: Record<string, LiteralNumber[]>;
}

/** Sections (a structured report's, a narrative's) as section id → text (the opening under `preamble`). */
function sectionTexts(sections: readonly { id: string; text: string }[]): Record<string, string> {
  return Object.fromEntries(sections.map((s) => [s.id, s.text]));
}


/**
 * Everything the report page needs: the computed report, the steps with names, the deadline
 * (2019 art. 49) and whether overdue today (China time), the roll-up's candidates, and the actor's
 * permissions. Reads only (the report is not started by reading it).
 * Permission: `reports.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function getReportWorkspace(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ReportWorkspace> {
  const computed = await computeAnnualReport(ctx, actor, { organizationId, year });
  const db = ctx.store.db;
  const org = computed.organization;
  const stored = computed.stored;
  // computeAnnualReport checked the year and `reports.read` on the organization, and read the stored report.
  const steps = stored ? await listReportSteps(db, stored.id) : [];
  const ids = [
    ...actorIds(steps),
    ...Object.values(computed.cells.entries).flatMap((list) => list.map((e) => e.enteredBy)),
    stored?.submittedBy ?? null,
    stored?.reviewedBy ?? null,
    stored?.publishedBy ?? null,
    stored?.override?.by ?? null,
  ].filter((id): id is number => id !== null);
  const userNames = await selectUserDisplayNames(db, ids);
  const competent = await competentOrganization(db, org);
  const orgTarget = { organizationPath: org.path };
  const previous = await findComparableReport(db, org.id, year - 1);
  const current = sectionTexts(computed.narrative.sections);
  const values = { cells: computed.cells.values, facts: computed.narrative.facts };
  const literalNumbers: Record<string, LiteralNumber[]> = {};
  for (const [id, text] of Object.entries(computed.narrative.html)) {
    // The office's own text, placeholders unbound and tags removed: a number there was typed by hand.
    const found = findLiteralNumbers(sanitizeRichText(text).text, values);
    if (found.length > 0) literalNumbers[id] = found;
  }
  return {
    computed,
    steps: withActorNames(steps, userNames),
    userNames,
    deadline: deadlineFor(year, org.kind),
    overdue: isOverdue({ year, kind: org.kind, status: stored?.status ?? null }, today(ctx.clock)),
    subtree: sortAsTree(await selectSubtree(db, org.path)),
    competent: { id: competent.id, name: competent.name },
    may: {
      write: can(actor, 'reports.write', orgTarget),
      override: can(actor, 'reports.override', orgTarget),
      review: can(actor, 'reports.review', { organizationPath: competent.path }),
      publish: can(actor, 'reports.publish', orgTarget),
    },
    similarity: previous ? { year: year - 1, source: previous.source, result: sectionSimilarity(current, sectionTexts(previous.report.sections)) } : null,
    literalNumbers,
  };
}
