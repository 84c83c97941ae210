/**
 * Reconsideration (行政复议) and litigation (行政诉讼) records about OGI work: the vocabulary of
 * table 四 (RULES.md §3.5, §6.3 W6; 2019 art. 51) and the checks one record must pass. Pure.
 *
 * One record is one proceeding in which the organization is respondent or defendant:
 * - `reconsideration`: a reconsideration application against the organization; `filedOn` is the
 *   date it was filed, `decidedOn`/`outcome` the reconsideration decision.
 * - `direct-suit` (未经复议直接起诉): a suit filed without reconsideration; `filedOn` is the suit's
 *   filing date, `decidedOn`/`outcome` the court's.
 * - `suit-after-reconsideration` (复议后起诉): a suit after a reconsideration; `filedOn` is the
 *   date the reconsideration was filed, `reconsiderationDecidedOn`/`reconsiderationOutcome` its
 *   decision, `suitFiledOn` the suit's filing date, `decidedOn`/`outcome` the court's.
 * A reconsideration that is later sued is two records (one `reconsideration`, one
 * `suit-after-reconsideration`): table 四 counts the reconsideration and the suit in different groups.
 */
import { isIsoDate } from '../calendar/working-days.ts';
import type { ErrorIssue } from '../shared/errors.ts';

/** The three paths: the groups of table 四 (ids as in src/reports/format/request-tables.ts). */
export const REVIEW_PATHS = ['reconsideration', 'direct-suit', 'suit-after-reconsideration'] as const;
/** A path. */
export type ReviewPath = (typeof REVIEW_PATHS)[number];
/** Chinese names of the paths, as table 四 prints them. */
export const REVIEW_PATH_NAMES_ZH: Readonly<Record<ReviewPath, string>> = {
  reconsideration: '行政复议',
  'direct-suit': '行政诉讼（未经复议直接起诉）',
  'suit-after-reconsideration': '行政诉讼（复议后起诉）',
};

/** Outcomes: the four result columns of each group of table 四. */
export const REVIEW_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
/** An outcome. */
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
/** Chinese names of the outcomes, as table 四 prints them. */
export const REVIEW_OUTCOME_NAMES_ZH: Readonly<Record<ReviewOutcome, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

/** The outcomes of a decided proceeding (a reconsideration that preceded a suit has one of these). */
export const DECIDED_OUTCOMES = ['upheld', 'corrected', 'other'] as const;
/** A decided outcome. */
export type DecidedOutcome = (typeof DECIDED_OUTCOMES)[number];

/**
 * The organization's role in the proceeding.
 * - `original-agency`: respondent or defendant in its own right (the agency that made the
 *   contested act, or a reconsideration body that changed it and is sued alone): counted.
 * - `co-defendant`: a reconsideration body sued together with the original agency because it
 *   upheld the act (行政诉讼法 art. 26 ¶2): never counted, so a roll-up counts the suit once
 *   (see src/reviews/review-table.ts).
 */
export const DEFENDANT_ROLES = ['original-agency', 'co-defendant'] as const;
/** A defendant role. */
export type DefendantRole = (typeof DEFENDANT_ROLES)[number];
/** Chinese names of the defendant roles. */
export const DEFENDANT_ROLE_NAMES_ZH: Readonly<Record<DefendantRole, string>> = {
  'original-agency': '原行政行为机关（本机关为被申请人或被告）',
  'co-defendant': '复议机关作共同被告（不计入本机关统计）',
};

/** Kinds of documents of a review (`case_document.kind`). */
export const REVIEW_DOCUMENT_KINDS = ['request', 'notice', 'reply', 'decision', 'other'] as const;
/** A document kind. */
export type ReviewDocumentKind = (typeof REVIEW_DOCUMENT_KINDS)[number];
/** Chinese names of the document kinds, in the words of a review file. */
export const REVIEW_DOCUMENT_KIND_NAMES_ZH: Readonly<Record<ReviewDocumentKind, string>> = {
  request: '复议申请书或起诉状',
  notice: '受理或应诉通知书',
  reply: '答复书或答辩状',
  decision: '复议决定书、判决书或裁定书',
  other: '其他材料',
};

/** The stored fields of a record that users enter (dates `YYYY-MM-DD`, China time). */
export interface ReviewCaseValues {
  path: ReviewPath;
  defendantRole: DefendantRole;
  /** The applicant (申请人) or plaintiff (原告). */
  applicantName: string;
  /** The reconsideration body (复议机关) or the court. */
  reviewingBody: string;
  caseNumber: string | null;
  /** Reconsideration filed (reconsideration, suit after reconsideration) or suit filed (direct suit). */
  filedOn: string;
  /** Only for `suit-after-reconsideration`: the reconsideration decision's date. */
  reconsiderationDecidedOn: string | null;
  /** Only for `suit-after-reconsideration`: the reconsideration decision's outcome. */
  reconsiderationOutcome: DecidedOutcome | null;
  /** Only for `suit-after-reconsideration`: the suit's filing date. */
  suitFiledOn: string | null;
  /** The decision of this proceeding; null while pending. */
  decidedOn: string | null;
  outcome: ReviewOutcome;
  summary: string | null;
}

/** A stored record. */
export interface ReviewCase extends ReviewCaseValues {
  id: number;
  organizationId: number;
  /** The request for disclosure the proceeding is about, when known. */
  requestCaseId: number | null;
  /** Demo or benchmark data, never real. */
  synthetic: boolean;
  createdBy: number | null;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

/** What creating a record takes: the values, the organization and optionally the request case. */
export interface ReviewCaseInput {
  organizationId: number;
  requestCaseId?: number | null;
  path: ReviewPath;
  /** Defaults to `original-agency`. */
  defendantRole?: DefendantRole;
  applicantName: string;
  reviewingBody: string;
  caseNumber?: string | null;
  filedOn: string;
  reconsiderationDecidedOn?: string | null;
  reconsiderationOutcome?: DecidedOutcome | null;
  suitFiledOn?: string | null;
  decidedOn?: string | null;
  outcome: ReviewOutcome;
  summary?: string | null;
  synthetic?: boolean;
}

/** What an update may change: the outcome, the dates, the case number and the summary. */
export interface ReviewCasePatch {
  caseNumber?: string | null;
  filedOn?: string;
  reconsiderationDecidedOn?: string | null;
  reconsiderationOutcome?: DecidedOutcome | null;
  suitFiledOn?: string | null;
  decidedOn?: string | null;
  outcome?: ReviewOutcome;
  summary?: string | null;
}

/** A document of a record, stored content-addressed like catalog attachments. */
export interface ReviewDocument {
  id: number;
  reviewCaseId: number;
  kind: ReviewDocumentKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content: the file is `<attachmentsDir>/<sha256[0..2]>/<sha256>`. */
  sha256: string;
  createdBy: number | null;
  createdAt: string;
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function issue(field: string, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

/** Blank text becomes null; other text is trimmed. */
function trimToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The values of a new record, normalized: text trimmed, blank optional text null, the defendant
 * role defaulted to `original-agency`. Does not validate (see {@link validateReviewCase}).
 */
export function reviewValuesFromInput(input: ReviewCaseInput): ReviewCaseValues {
  return {
    path: input.path,
    defendantRole: input.defendantRole ?? 'original-agency',
    applicantName: input.applicantName.trim(),
    reviewingBody: input.reviewingBody.trim(),
    caseNumber: trimToNull(input.caseNumber),
    filedOn: input.filedOn.trim(),
    reconsiderationDecidedOn: trimToNull(input.reconsiderationDecidedOn),
    reconsiderationOutcome: input.reconsiderationOutcome ?? null,
    suitFiledOn: trimToNull(input.suitFiledOn),
    decidedOn: trimToNull(input.decidedOn),
    outcome: input.outcome,
    summary: trimToNull(input.summary),
  };
}

/** A record's values with a patch applied (the same normalization as {@link reviewValuesFromInput}). */
export function applyReviewPatch(base: ReviewCaseValues, patch: ReviewCasePatch): ReviewCaseValues {
  return {
    ...base,
    caseNumber: patch.caseNumber !== undefined ? trimToNull(patch.caseNumber) : base.caseNumber,
    filedOn: patch.filedOn !== undefined ? patch.filedOn.trim() : base.filedOn,
    reconsiderationDecidedOn: patch.reconsiderationDecidedOn !== undefined ? trimToNull(patch.reconsiderationDecidedOn) : base.reconsiderationDecidedOn,
    reconsiderationOutcome: patch.reconsiderationOutcome !== undefined ? patch.reconsiderationOutcome : base.reconsiderationOutcome,
    suitFiledOn: patch.suitFiledOn !== undefined ? trimToNull(patch.suitFiledOn) : base.suitFiledOn,
    decidedOn: patch.decidedOn !== undefined ? trimToNull(patch.decidedOn) : base.decidedOn,
    outcome: patch.outcome ?? base.outcome,
    summary: patch.summary !== undefined ? trimToNull(patch.summary) : base.summary,
  };
}

/**
 * The date a record counts by in table 四: the suit's filing date for suits, the filing date of
 * the reconsideration otherwise (RULES.md §3.5 does not say which date decides the year; we count
 * a case in the year it was filed, as the table's 尚未审结 column implies: UNVERIFIED).
 */
export function countedOn(record: Pick<ReviewCaseValues, 'path' | 'filedOn' | 'suitFiledOn'>): string {
  return record.path === 'suit-after-reconsideration' ? (record.suitFiledOn ?? record.filedOn) : record.filedOn;
}

/**
 * The outcome as of a date (`YYYY-MM-DD`, e.g. Dec 31 of the report year): a decision made
 * after that date was still pending then (尚未审结).
 */
export function outcomeAsOf(record: Pick<ReviewCaseValues, 'decidedOn' | 'outcome'>, asOf: string): ReviewOutcome {
  if (record.decidedOn === null || record.decidedOn > asOf) return 'pending';
  return record.outcome;
}

const MAX_NAME = 200;
const MAX_CASE_NUMBER = 100;
const MAX_SUMMARY = 2000;

/**
 * Checks one record. Rules (dates `YYYY-MM-DD`, compared as text):
 * - path, defendant role and outcome are known values; applicant and reviewing body are given
 *   (at most 200 characters); case number at most 100, summary at most 2,000;
 * - every date is a real date and not after `today` (a record of the future is a typo);
 * - the outcome is `pending` exactly when there is no decision date;
 * - `decidedOn` ≥ `filedOn` (and ≥ `suitFiledOn` for a suit after reconsideration);
 * - a suit after reconsideration needs the reconsideration's decision date and the suit's filing
 *   date, with `filedOn` ≤ `reconsiderationDecidedOn` ≤ `suitFiledOn`; the reconsideration fields
 *   and `suitFiledOn` are refused on the other paths;
 * - only a suit after reconsideration can have a co-defendant reconsideration body (行政诉讼法 art. 26 ¶2).
 * @param today China-time date the records may not be later than
 * @returns the problems, each naming its field (empty when the record is valid)
 */
export function validateReviewCase(values: ReviewCaseValues, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (!includes(REVIEW_PATHS, values.path)) issues.push(issue('path', `path must be one of ${REVIEW_PATHS.join(', ')}`, '请选择案件类型（行政复议、直接起诉或复议后起诉）'));
  if (!includes(DEFENDANT_ROLES, values.defendantRole)) issues.push(issue('defendantRole', `defendantRole must be one of ${DEFENDANT_ROLES.join(', ')}`, '本机关的被告身份无效'));
  if (!includes(REVIEW_OUTCOMES, values.outcome)) issues.push(issue('outcome', `outcome must be one of ${REVIEW_OUTCOMES.join(', ')}`, '请选择审结结果'));
  if (values.applicantName === '' || values.applicantName.length > MAX_NAME) issues.push(issue('applicantName', 'applicantName must be 1–200 characters', '申请人（原告）不能为空，且不超过 200 字'));
  if (values.reviewingBody === '' || values.reviewingBody.length > MAX_NAME) issues.push(issue('reviewingBody', 'reviewingBody must be 1–200 characters', '复议机关或法院不能为空，且不超过 200 字'));
  if (values.caseNumber !== null && values.caseNumber.length > MAX_CASE_NUMBER) issues.push(issue('caseNumber', 'caseNumber must be at most 100 characters', '案号不超过 100 字'));
  if (values.summary !== null && values.summary.length > MAX_SUMMARY) issues.push(issue('summary', 'summary must be at most 2000 characters', '案情摘要不超过 2000 字'));

  const dates: [keyof ReviewCaseValues, string | null, string][] = [
    ['filedOn', values.filedOn, values.path === 'direct-suit' ? '起诉日期' : '申请复议日期'],
    ['reconsiderationDecidedOn', values.reconsiderationDecidedOn, '复议决定日期'],
    ['suitFiledOn', values.suitFiledOn, '起诉日期'],
    ['decidedOn', values.decidedOn, '审结日期'],
  ];
  const goodDates = new Set<string>();
  for (const [field, date, labelZh] of dates) {
    if (date === null) continue;
    if (date === '') issues.push(issue(field, `${field} is required`, `请填写${labelZh}`));
    else if (!isIsoDate(date)) issues.push(issue(field, `${field} must be a date YYYY-MM-DD`, `${labelZh}应为 YYYY-MM-DD 格式的日期`));
    else if (date > today) issues.push(issue(field, `${field} must not be after ${today}`, `${labelZh}不能晚于今天（${today}）`));
    else goodDates.add(field);
  }

  if (values.outcome === 'pending' && values.decidedOn !== null) issues.push(issue('outcome', 'a decided case cannot be pending: clear decidedOn or choose the outcome', '已填写审结日期的案件不能是“尚未审结”'));
  if (includes(DECIDED_OUTCOMES, values.outcome) && values.decidedOn === null) issues.push(issue('decidedOn', 'a decided outcome needs decidedOn', '请填写审结日期（未审结的请选择“尚未审结”）'));

  const good = (field: keyof ReviewCaseValues): boolean => goodDates.has(field);
  if (good('decidedOn') && good('filedOn') && values.decidedOn !== null && values.decidedOn < values.filedOn) {
    issues.push(issue('decidedOn', 'decidedOn must not be before filedOn', '审结日期不能早于申请复议或起诉日期'));
  }

  if (values.path === 'suit-after-reconsideration') {
    if (values.reconsiderationDecidedOn === null) issues.push(issue('reconsiderationDecidedOn', 'a suit after reconsideration needs reconsiderationDecidedOn', '复议后起诉须填写复议决定日期'));
    if (values.suitFiledOn === null) issues.push(issue('suitFiledOn', 'a suit after reconsideration needs suitFiledOn', '复议后起诉须填写起诉日期'));
    if (values.reconsiderationOutcome !== null && !includes(DECIDED_OUTCOMES, values.reconsiderationOutcome)) {
      issues.push(issue('reconsiderationOutcome', `reconsiderationOutcome must be one of ${DECIDED_OUTCOMES.join(', ')}`, '复议结果无效'));
    }
    if (good('reconsiderationDecidedOn') && good('filedOn') && values.reconsiderationDecidedOn !== null && values.reconsiderationDecidedOn < values.filedOn) {
      issues.push(issue('reconsiderationDecidedOn', 'reconsiderationDecidedOn must not be before filedOn', '复议决定日期不能早于申请复议日期'));
    }
    if (good('suitFiledOn') && good('reconsiderationDecidedOn') && values.suitFiledOn !== null && values.reconsiderationDecidedOn !== null && values.suitFiledOn < values.reconsiderationDecidedOn) {
      issues.push(issue('suitFiledOn', 'suitFiledOn must not be before reconsiderationDecidedOn', '起诉日期不能早于复议决定日期'));
    }
    if (good('decidedOn') && good('suitFiledOn') && values.decidedOn !== null && values.suitFiledOn !== null && values.decidedOn < values.suitFiledOn) {
      issues.push(issue('decidedOn', 'decidedOn must not be before suitFiledOn', '审结日期不能早于起诉日期'));
    }
  } else {
    const only = '仅复议后起诉的案件填写此项';
    if (values.reconsiderationDecidedOn !== null) issues.push(issue('reconsiderationDecidedOn', 'reconsiderationDecidedOn is only for suits after reconsideration', only));
    if (values.reconsiderationOutcome !== null) issues.push(issue('reconsiderationOutcome', 'reconsiderationOutcome is only for suits after reconsideration', only));
    if (values.suitFiledOn !== null) issues.push(issue('suitFiledOn', 'suitFiledOn is only for suits after reconsideration (a direct suit is dated by filedOn)', only));
    if (values.defendantRole === 'co-defendant') {
      issues.push(issue('defendantRole', 'only a suit after reconsideration has a co-defendant reconsideration body', '只有复议后起诉的案件才有复议机关作共同被告'));
    }
  }
  return issues;
}
