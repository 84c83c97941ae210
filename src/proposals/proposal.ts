/**
 * NPC deputy suggestions (人大代表建议) and CPPCC member proposals (政协委员提案) an organization
 * handles: the vocabulary, the reply deadline, the checks of one record and the transitions of its
 * handling-result disclosure (办理结果公开: not an article of the 2019 regulation; the State Council
 * General Office's notices on open government ask organizations to publish handling results:
 * UNVERIFIED). The 2014-format annual report has a section 六 on it (wuzhong-2017.txt). Pure.
 *
 * Lifecycle: registered (未答复; overdue once its due date has passed) → replied (已答复, the
 * disclosure decision pending) → published (办理结果已公开) or withheld (不予公开, with a reason).
 * A reply may be corrected while the decision is pending; a decided record is fixed.
 */
import { isIsoDate } from '../calendar/working-days.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';

/** The two kinds (`deputy_proposal.kind`). */
export const PROPOSAL_KINDS = ['npc_suggestion', 'cppcc_proposal'] as const;
/** A kind. */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
/** Chinese names of the kinds. */
export const PROPOSAL_KIND_NAMES_ZH: Readonly<Record<ProposalKind, string>> = {
  npc_suggestion: '人大代表建议',
  cppcc_proposal: '政协委员提案',
};

/** The organization's part in handling it (`deputy_proposal.role`). */
export const PROPOSAL_ROLES = ['lead', 'joint'] as const;
/** A role. */
export type ProposalRole = (typeof PROPOSAL_ROLES)[number];
/** Chinese names of the roles. */
export const PROPOSAL_ROLE_NAMES_ZH: Readonly<Record<ProposalRole, string>> = { lead: '主办', joint: '协办' };

/** How the reply answers it (`deputy_proposal.adoption`), in the categories replies are classified by. */
export const PROPOSAL_ADOPTIONS = ['solved_or_adopted', 'being_solved', 'planned', 'explained'] as const;
/** An adoption category. */
export type ProposalAdoption = (typeof PROPOSAL_ADOPTIONS)[number];
/** Chinese names of the adoption categories. */
export const PROPOSAL_ADOPTION_NAMES_ZH: Readonly<Record<ProposalAdoption, string>> = {
  solved_or_adopted: '解决或采纳',
  being_solved: '正在解决',
  planned: '列入计划',
  explained: '留作参考或说明',
};

/** Disclosure states of the handling result (`deputy_proposal.disclosure`). */
export const PROPOSAL_DISCLOSURES = ['pending', 'published', 'withheld'] as const;
/** A disclosure state. */
export type ProposalDisclosure = (typeof PROPOSAL_DISCLOSURES)[number];
/** Chinese names of the disclosure states. */
export const PROPOSAL_DISCLOSURE_NAMES_ZH: Readonly<Record<ProposalDisclosure, string>> = {
  pending: '待决定',
  published: '已公开',
  withheld: '不予公开',
};

/** Where a record stands, for lists and filters (derived, never stored). */
export const PROPOSAL_STATUSES = ['unreplied', 'overdue', 'replied', 'published', 'withheld'] as const;
/** A status. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** Chinese names of the statuses. */
export const PROPOSAL_STATUS_NAMES_ZH: Readonly<Record<ProposalStatus, string>> = {
  unreplied: '未答复',
  overdue: '逾期未答复',
  replied: '已答复，待决定是否公开',
  published: '办理结果已公开',
  withheld: '办理结果不予公开',
};

/** The registration fields users enter (dates `YYYY-MM-DD`, China time). */
export interface ProposalValues {
  kind: ProposalKind;
  /** The session it was raised at, e.g. 市五届人大二次会议. */
  session: string;
  /** Its number in the session, e.g. 第45号. */
  number: string;
  title: string;
  /** Deputy or member name(s): public office holders, shown on the portal with the result. */
  proposer: string;
  role: ProposalRole;
  /** The day the organization received it. */
  receivedOn: string;
  /** The reply deadline (default: {@link defaultDueOn}). */
  dueOn: string;
}

/** The reply fields. */
export interface ProposalReply {
  repliedOn: string;
  replySummary: string;
  adoption: ProposalAdoption;
}

/** A stored record. */
export interface Proposal extends ProposalValues {
  id: number;
  organizationId: number;
  repliedOn: string | null;
  replySummary: string | null;
  adoption: ProposalAdoption | null;
  disclosure: ProposalDisclosure;
  withheldReason: string | null;
  publishedOn: string | null;
  /** Demo or benchmark data, never real. */
  synthetic: boolean;
  createdBy: number | null;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

/** What registering takes; `dueOn` defaults to `receivedOn` plus the configured months. */
export interface ProposalInput {
  organizationId: number;
  kind: ProposalKind;
  session: string;
  number: string;
  title: string;
  proposer: string;
  /** Defaults to `lead`. */
  role?: ProposalRole;
  receivedOn: string;
  /** Blank or absent: the default deadline. */
  dueOn?: string | null;
  synthetic?: boolean;
}

/** What an update may change (while the disclosure is pending); blank `dueOn` recomputes the default. */
export interface ProposalPatch {
  kind?: ProposalKind;
  session?: string;
  number?: string;
  title?: string;
  proposer?: string;
  role?: ProposalRole;
  receivedOn?: string;
  dueOn?: string | null;
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function issue(field: string, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date `months` calendar months after `date`, on the same day of the month, clamped to the
 * month's last day (2026-11-30 + 3 → 2027-02-28).
 * @param date `YYYY-MM-DD`
 * @param months whole months, ≥ 0
 * @throws GongkaiError `VALIDATION_FAILED` when `date` is not a date
 */
export function addCalendarMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new GongkaiError('VALIDATION_FAILED', `not a date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The default reply deadline: `replyMonths` after receipt (config `proposalReplyMonths`, default 3:
 * 《全国人民代表大会代表建议、批评和意见处理办法》 gives three months; local rules for local
 * congresses and CPPCC committees vary: UNVERIFIED).
 * @throws GongkaiError `VALIDATION_FAILED` when `receivedOn` is not a date
 */
export function defaultDueOn(receivedOn: string, replyMonths: number): string {
  return addCalendarMonths(receivedOn, replyMonths);
}

/** Blank text becomes null; other text is trimmed. */
function trimToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The due date as given, or the default when blank (left as given when the receipt date is not a date: validation reports it). */
function dueOnOrDefault(dueOn: string | null | undefined, receivedOn: string, replyMonths: number): string {
  const given = trimToNull(dueOn);
  if (given !== null) return given;
  return isIsoDate(receivedOn) ? defaultDueOn(receivedOn, replyMonths) : '';
}

/**
 * The values of a new record, normalized: text trimmed, the role defaulted to `lead`, a blank
 * due date replaced by the default. Does not validate (see {@link validateProposal}).
 */
export function proposalValuesFromInput(input: ProposalInput, replyMonths: number): ProposalValues {
  const receivedOn = input.receivedOn.trim();
  return {
    kind: input.kind,
    session: input.session.trim(),
    number: input.number.trim(),
    title: input.title.trim(),
    proposer: input.proposer.trim(),
    role: input.role ?? 'lead',
    receivedOn,
    dueOn: dueOnOrDefault(input.dueOn, receivedOn, replyMonths),
  };
}

/** A record's values with a patch applied (blank `dueOn` → the default from the new receipt date). */
export function applyProposalPatch(base: ProposalValues, patch: ProposalPatch, replyMonths: number): ProposalValues {
  const receivedOn = patch.receivedOn !== undefined ? patch.receivedOn.trim() : base.receivedOn;
  return {
    kind: patch.kind ?? base.kind,
    session: patch.session !== undefined ? patch.session.trim() : base.session,
    number: patch.number !== undefined ? patch.number.trim() : base.number,
    title: patch.title !== undefined ? patch.title.trim() : base.title,
    proposer: patch.proposer !== undefined ? patch.proposer.trim() : base.proposer,
    role: patch.role ?? base.role,
    receivedOn,
    dueOn: patch.dueOn !== undefined ? dueOnOrDefault(patch.dueOn, receivedOn, replyMonths) : base.dueOn,
  };
}

const MAX_SESSION = 100;
const MAX_NUMBER = 50;
const MAX_TITLE = 500;
const MAX_PROPOSER = 200;
const MAX_REPLY_SUMMARY = 5000;
/** A withholding reason must say something (e.g. 涉及国家秘密). */
export const MIN_WITHHELD_REASON = 5;
const MAX_WITHHELD_REASON = 500;

function checkText(issues: ErrorIssue[], field: string, value: string, max: number, labelZh: string): void {
  if (value === '' || value.length > max) issues.push(issue(field, `${field} must be 1–${max} characters`, `${labelZh}不能为空，且不超过 ${max} 字`));
}

/**
 * Checks the registration values: known kind and role; session, number, title and proposer given
 * (at most 100, 50, 500, 200 characters); `receivedOn` a real date not after `today`; `dueOn` a
 * real date not before `receivedOn`.
 * @param today China-time date `YYYY-MM-DD`
 * @returns the problems, each naming its field (empty when valid)
 */
export function validateProposal(values: ProposalValues, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (!includes(PROPOSAL_KINDS, values.kind)) issues.push(issue('kind', `kind must be one of ${PROPOSAL_KINDS.join(', ')}`, '请选择类别（人大代表建议或政协委员提案）'));
  if (!includes(PROPOSAL_ROLES, values.role)) issues.push(issue('role', `role must be one of ${PROPOSAL_ROLES.join(', ')}`, '请选择主办或协办'));
  checkText(issues, 'session', values.session, MAX_SESSION, '届次会议');
  checkText(issues, 'number', values.number, MAX_NUMBER, '编号');
  checkText(issues, 'title', values.title, MAX_TITLE, '标题');
  checkText(issues, 'proposer', values.proposer, MAX_PROPOSER, '代表或委员');
  let receivedOk = false;
  if (values.receivedOn === '') issues.push(issue('receivedOn', 'receivedOn is required', '请填写交办日期'));
  else if (!isIsoDate(values.receivedOn)) issues.push(issue('receivedOn', 'receivedOn must be a date YYYY-MM-DD', '交办日期应为 YYYY-MM-DD 格式的日期'));
  else if (values.receivedOn > today) issues.push(issue('receivedOn', `receivedOn must not be after ${today}`, `交办日期不能晚于今天（${today}）`));
  else receivedOk = true;
  if (values.dueOn === '') {
    if (receivedOk) issues.push(issue('dueOn', 'dueOn is required', '请填写答复期限'));
  } else if (!isIsoDate(values.dueOn)) issues.push(issue('dueOn', 'dueOn must be a date YYYY-MM-DD', '答复期限应为 YYYY-MM-DD 格式的日期'));
  else if (receivedOk && values.dueOn < values.receivedOn) issues.push(issue('dueOn', 'dueOn must not be before receivedOn', '答复期限不能早于交办日期'));
  return issues;
}

/**
 * Checks a reply: `repliedOn` a real date, not before `receivedOn` and not after `today`; the
 * summary given (at most 5,000 characters); a known adoption category.
 * @returns the problems, each naming its field (empty when valid)
 */
export function validateReply(reply: ProposalReply, receivedOn: string, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (reply.repliedOn === '') issues.push(issue('repliedOn', 'repliedOn is required', '请填写答复日期'));
  else if (!isIsoDate(reply.repliedOn)) issues.push(issue('repliedOn', 'repliedOn must be a date YYYY-MM-DD', '答复日期应为 YYYY-MM-DD 格式的日期'));
  else if (reply.repliedOn < receivedOn) issues.push(issue('repliedOn', 'repliedOn must not be before receivedOn', `答复日期不能早于交办日期（${receivedOn}）`));
  else if (reply.repliedOn > today) issues.push(issue('repliedOn', `repliedOn must not be after ${today}`, `答复日期不能晚于今天（${today}）`));
  checkText(issues, 'replySummary', reply.replySummary, MAX_REPLY_SUMMARY, '答复摘要');
  if (!includes(PROPOSAL_ADOPTIONS, reply.adoption)) issues.push(issue('adoption', `adoption must be one of ${PROPOSAL_ADOPTIONS.join(', ')}`, '请选择办理结果类别'));
  return issues;
}

/** The fields of a record the transitions read. */
export type ProposalState = Pick<Proposal, 'receivedOn' | 'dueOn' | 'repliedOn' | 'disclosure'>;

/** True when the record is not replied and its due date has passed (`dueOn < today`). */
export function isOverdue(p: Pick<Proposal, 'dueOn' | 'repliedOn'>, today: string): boolean {
  return p.repliedOn === null && p.dueOn < today;
}

/** True when the record was replied on or before its due date. */
export function repliedOnTime(p: Pick<Proposal, 'dueOn' | 'repliedOn'>): boolean {
  return p.repliedOn !== null && p.repliedOn <= p.dueOn;
}

/** Where the record stands on `today` (see {@link PROPOSAL_STATUSES}). */
export function proposalStatus(p: ProposalState, today: string): ProposalStatus {
  if (p.disclosure === 'published') return 'published';
  if (p.disclosure === 'withheld') return 'withheld';
  if (p.repliedOn !== null) return 'replied';
  return isOverdue(p, today) ? 'overdue' : 'unreplied';
}

/** Throws `ILLEGAL_TRANSITION` unless the disclosure is still pending (a decided record is fixed). */
export function assertUndecided(p: Pick<Proposal, 'disclosure'>, what: string): void {
  if (p.disclosure !== 'pending') {
    throw new GongkaiError('ILLEGAL_TRANSITION', `${what}: the handling result is already ${p.disclosure}`);
  }
}

/**
 * The reply fields after recording (or correcting) a reply, trimmed.
 * @throws GongkaiError `ILLEGAL_TRANSITION` once the disclosure is decided; `VALIDATION_FAILED`
 *   with the issues of {@link validateReply}
 */
export function applyReply(p: ProposalState, reply: ProposalReply, today: string): ProposalReply {
  assertUndecided(p, 'reply');
  const trimmed: ProposalReply = { repliedOn: reply.repliedOn.trim(), replySummary: reply.replySummary.trim(), adoption: reply.adoption };
  const issues = validateReply(trimmed, p.receivedOn, today);
  if (issues.length > 0) throw validationFailed(issues);
  return trimmed;
}

/** A disclosure decision. */
export type DisclosureEvent = { type: 'publish'; publishedOn: string } | { type: 'withhold'; reason: string };

/** The disclosure fields after a decision. */
export interface DisclosureFields {
  disclosure: Exclude<ProposalDisclosure, 'pending'>;
  publishedOn: string | null;
  withheldReason: string | null;
}

/**
 * The transition of the handling result's disclosure: `pending` → `published` (the record must be
 * replied; `publishedOn` a real date, not before the reply, not after `today`) or `pending` →
 * `withheld` (replied too; a reason of at least 5 characters, at most 500). Nothing else.
 * @throws GongkaiError `ILLEGAL_TRANSITION` (already decided, or not replied yet);
 *   `VALIDATION_FAILED` on `publishedOn` or `withheldReason`
 */
export function decideDisclosure(p: ProposalState, event: DisclosureEvent, today: string): DisclosureFields {
  assertUndecided(p, event.type);
  if (p.repliedOn === null) throw new GongkaiError('ILLEGAL_TRANSITION', `${event.type}: the proposal has not been replied to`);
  if (event.type === 'publish') {
    const on = event.publishedOn.trim();
    const issues: ErrorIssue[] = [];
    if (!isIsoDate(on)) issues.push(issue('publishedOn', 'publishedOn must be a date YYYY-MM-DD', '公开日期应为 YYYY-MM-DD 格式的日期'));
    else if (on < p.repliedOn) issues.push(issue('publishedOn', 'publishedOn must not be before repliedOn', `公开日期不能早于答复日期（${p.repliedOn}）`));
    else if (on > today) issues.push(issue('publishedOn', `publishedOn must not be after ${today}`, `公开日期不能晚于今天（${today}）`));
    if (issues.length > 0) throw validationFailed(issues);
    return { disclosure: 'published', publishedOn: on, withheldReason: null };
  }
  const reason = event.reason.trim();
  if (reason.length < MIN_WITHHELD_REASON || reason.length > MAX_WITHHELD_REASON) {
    throw validationFailed([issue('withheldReason', `withheldReason must be ${MIN_WITHHELD_REASON}–${MAX_WITHHELD_REASON} characters`, `请写明不予公开的理由（${MIN_WITHHELD_REASON}–${MAX_WITHHELD_REASON} 字），如“涉及国家秘密”`)]);
  }
  return { disclosure: 'withheld', publishedOn: null, withheldReason: reason };
}
