/**
 * The annual report's submission workflow as one transition table: state × action → next state,
 * the permission the actor needs and on which organization; and the report's statutory deadline.
 * Pure: no I/O, tested without a database.
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted ──publish──▶ published (final)
 *   (save)               │  ▲
 *                 return │  │ submit
 *                        ▼  │
 *                      returned (save)
 *
 * 2019 art. 49: a department submits its report to the competent OGI department (政府信息公开工作
 * 主管部门) of its government, which reviews it; reports are then published. What was submitted is
 * frozen (the snapshot); what was published stays as it was, forever.
 */
import type { Action } from '../auth/policy.ts';
import { deadlineFor as statutoryDeadline } from '../reports/checker/publication-deadlines.ts';
import type { Finding } from '../reports/checker/finding.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ReportStatus } from './annual-report.ts';
import { REPORT_STATUS_NAMES_ZH } from './annual-report.ts';

/** What can be done to a report, with Chinese names for the UI. */
export const REPORT_ACTIONS = [
  { code: 'save', nameZh: '保存' },
  { code: 'submit', nameZh: '报送' },
  { code: 'return', nameZh: '退回' },
  { code: 'accept', nameZh: '审核通过' },
  { code: 'publish', nameZh: '公开' },
] as const;

/** A report action. */
export type ReportAction = (typeof REPORT_ACTIONS)[number]['code'];

/**
 * Whose organization the permission is checked on: the reporting organization itself, or its
 * competent OGI department's organization (`competentDepartmentId`, falling back to the
 * organization itself when none is recorded).
 */
export type PermissionTarget = 'organization' | 'competent-department';

/** One allowed transition. */
export interface ReportTransition {
  from: ReportStatus;
  action: ReportAction;
  to: ReportStatus;
  /** The policy action the actor must hold (src/auth/policy.ts). */
  permission: Action;
  /** Where the permission is checked. */
  on: PermissionTarget;
}

/**
 * Every allowed (state, action) pair; anything else is refused. Saving (the narrative, scope,
 * members, format; the hand-entered figures) is allowed while the office holds the report: draft
 * or returned. Submitting despite checker errors needs `reports.override` instead of
 * `reports.write` (see the service).
 */
export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { from: 'draft', action: 'save', to: 'draft', permission: 'reports.write', on: 'organization' },
  { from: 'returned', action: 'save', to: 'returned', permission: 'reports.write', on: 'organization' },
  { from: 'draft', action: 'submit', to: 'submitted', permission: 'reports.write', on: 'organization' },
  { from: 'returned', action: 'submit', to: 'submitted', permission: 'reports.write', on: 'organization' },
  { from: 'submitted', action: 'return', to: 'returned', permission: 'reports.review', on: 'competent-department' },
  { from: 'submitted', action: 'accept', to: 'accepted', permission: 'reports.review', on: 'competent-department' },
  { from: 'accepted', action: 'publish', to: 'published', permission: 'reports.publish', on: 'organization' },
];

/** States in which the report is locked: submitted, accepted, published (2019 art. 49). */
const LOCKED_STATUSES: readonly ReportStatus[] = ['submitted', 'accepted', 'published'];

/** Whether the office can no longer edit the report (narrative, scope, hand-entered figures). */
export function isLocked(status: ReportStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

/** The Chinese name of an action. */
function actionNameZh(action: ReportAction): string {
  return REPORT_ACTIONS.find((a) => a.code === action)?.nameZh ?? action;
}

/** Why `action` is refused in state `from`, in English and Chinese. */
function refusalReason(from: ReportStatus, action: ReportAction): { en: string; zh: string } {
  const stateZh = REPORT_STATUS_NAMES_ZH[from];
  if (from === 'published') return { en: 'a published report is final', zh: '已公开的年度报告不能再变更' };
  if (action === 'publish') return { en: `only an accepted report can be published; this one is ${from}`, zh: `只有审核通过的年度报告才能公开，本报告当前为“${stateZh}”` };
  if (action === 'return' || action === 'accept') return { en: `only a submitted report can be ${action === 'return' ? 'returned' : 'accepted'}; this one is ${from}`, zh: `只有已报送的年度报告才能${actionNameZh(action)}，本报告当前为“${stateZh}”` };
  return { en: `cannot ${action} a report that is ${from}`, zh: `“${stateZh}”状态的年度报告不能${actionNameZh(action)}` };
}

/**
 * The transition for `action` in state `from`.
 * @returns the next state and the permission needed
 * @throws GongkaiError `REPORT_LOCKED` to save or submit a submitted, accepted or published report;
 *   `ILLEGAL_TRANSITION` for any other refused pair; each with an issue on `status` giving the
 *   reason in both languages
 */
export function reportTransition(from: ReportStatus, action: ReportAction): ReportTransition {
  const found = REPORT_TRANSITIONS.find((t) => t.from === from && t.action === action);
  if (found) return found;
  const reason = refusalReason(from, action);
  const code = (action === 'save' || action === 'submit') && isLocked(from) ? 'REPORT_LOCKED' : 'ILLEGAL_TRANSITION';
  throw new GongkaiError(code, `${from} → ${action}`, { issues: [{ field: 'status', message: reason.en, messageZh: reason.zh }] });
}

/** The transitions allowed from a state, ignoring permissions: what the console may offer. */
export function actionsFrom(from: ReportStatus): ReportTransition[] {
  return REPORT_TRANSITIONS.filter((t) => t.from === from);
}

/** The fewest characters of an override reason: a reason, not a word (issue 5: “a written reason”). */
export const MIN_OVERRIDE_REASON_CHARS = 10;
/** The most characters of an override reason or review comment. */
export const MAX_COMMENT_CHARS = 2000;

/** Characters as people count them (code points), after trimming. */
function charCount(text: string): number {
  return Array.from(text.trim()).length;
}

/**
 * Validates an approver's written reason to submit despite checker errors.
 * @returns the trimmed reason
 * @throws GongkaiError `VALIDATION_FAILED` (field `overrideReason`) when shorter than
 *   {@link MIN_OVERRIDE_REASON_CHARS} or longer than {@link MAX_COMMENT_CHARS} characters
 */
export function validOverrideReason(reason: string): string {
  const n = charCount(reason);
  if (n < MIN_OVERRIDE_REASON_CHARS) {
    throw new GongkaiError('VALIDATION_FAILED', 'overrideReason', {
      issues: [{ field: 'overrideReason', message: `the override reason must have at least ${MIN_OVERRIDE_REASON_CHARS} characters`, messageZh: `放行理由至少应有${MIN_OVERRIDE_REASON_CHARS}个字` }],
    });
  }
  if (n > MAX_COMMENT_CHARS) {
    throw new GongkaiError('VALIDATION_FAILED', 'overrideReason', {
      issues: [{ field: 'overrideReason', message: `the override reason must have at most ${MAX_COMMENT_CHARS} characters`, messageZh: `放行理由不能超过${MAX_COMMENT_CHARS}个字` }],
    });
  }
  return reason.trim();
}

/**
 * Validates the competent department's comments when it returns a report (required: the office
 * must learn what to fix).
 * @returns the trimmed comment
 * @throws GongkaiError `VALIDATION_FAILED` (field `comment`) when blank or longer than
 *   {@link MAX_COMMENT_CHARS} characters
 */
export function validReturnComment(comment: string): string {
  const n = charCount(comment);
  if (n === 0) throw new GongkaiError('VALIDATION_FAILED', 'comment', { issues: [{ field: 'comment', message: 'a returned report needs a comment saying what to fix', messageZh: '退回须填写修改意见' }] });
  if (n > MAX_COMMENT_CHARS) throw new GongkaiError('VALIDATION_FAILED', 'comment', { issues: [{ field: 'comment', message: `the comment must have at most ${MAX_COMMENT_CHARS} characters`, messageZh: `修改意见不能超过${MAX_COMMENT_CHARS}个字` }] });
  return comment.trim();
}

/** The checker's findings of severity `error`: these block submission unless overridden. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** A report's statutory deadline. */
export interface ReportDeadline {
  /** The last day on time, `YYYY-MM-DD` (China time). */
  date: string;
  /** The article that sets it, e.g. `2019年《条例》第四十九条第一款`. */
  article: string;
  /** True when the organization's kind is `other` and the government rule (March 31) was assumed. */
  assumed: boolean;
}

/**
 * The deadline of the report on `year` of an organization of `kind` (2019 art. 49: departments at
 * county level and above submit by January 31, governments publish by March 31; 2008 art. 31:
 * March 31 for every 行政机关, report years up to 2018).
 * @returns the deadline, or null for a year before the 2008 text (no statutory deadline)
 */
export function deadlineFor(year: number, kind: 'government' | 'department' | 'other'): ReportDeadline | null {
  const choice = statutoryDeadline(year, kind);
  return choice ? { date: choice.date, article: choice.rule.article, assumed: choice.assumed } : null;
}

/**
 * Whether a report is overdue on `today`: its deadline has passed and the office still holds it
 * (no report yet, a draft, or returned). A report submitted (or further) is not overdue here: the
 * competent department's review is not the office's delay.
 * @param status the report's state, or null when no report exists yet
 * @param today `YYYY-MM-DD`, China time
 */
export function isOverdue(report: { year: number; kind: 'government' | 'department' | 'other'; status: ReportStatus | null }, today: string): boolean {
  if (report.status !== null && report.status !== 'draft' && report.status !== 'returned') return false;
  const deadline = deadlineFor(report.year, report.kind);
  return deadline !== null && today > deadline.date;
}
