/**
 * The clock of a request, folded from its event log (issue 4): status, outcome, the reply deadline
 * and how it was reached, and which events may come next. Pure: the calendar and options are passed in.
 *
 * Rules (RULES.md §1.2–1.5, §2, §6.3):
 * - the period runs from the day after the date of receipt (2019 art. 31, 33; the start-day convention
 *   is UNVERIFIED, see src/calendar/working-days.ts);
 * - a clarification (补正) may be requested once, within 7 working days of receipt (2019 art. 30);
 *   while it is awaited the clock stands; when the clarified request arrives the period restarts in full
 *   from that date; if the period the agency set passes, the request is treated as abandoned (row （六）1);
 * - consultation of a third party (art. 32) or another agency (art. 34) is excluded from the period
 *   (art. 33 ¶3): from the day after the letter is sent to the day the answer arrives, at most the
 *   15 working days the party has; an unanswered consultation is assumed to take all 15 (provisional);
 * - an extension of at most 20 working days (15 under the 2008 text) is approved once, by the OGI
 *   office head, on or before the current deadline, and notified by then (art. 33 ¶2; that the notice
 *   must also precede the deadline is inferred: UNVERIFIED, RULES.md W3);
 * - a fee notice (国办函〔2020〕109号) is sent within the period; the fee is due within 20 working days
 *   from the day after the notice, else the request is treated as abandoned (row （六）2); whether the
 *   period stands meanwhile is not settled (UNVERIFIED): `feePausesClock` (default true) decides;
 * - the reply states exactly one outcome (a table 三 row) with its legal basis, and may add an answer
 *   detail the 2014 table counts apart: `already-public` with 予以公开 (art. 36 (一): the reply must then
 *   say how to obtain it, in its reasons), `other-agency` with 本机关不掌握 (art. 36 (五), optionally
 *   naming the responsible agency).
 */
import { addWorkingDays, isIsoDate, nextDay, workingDaysBetween } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import { ruleSetFor } from './regulation-rule-sets.ts';
import type { RegulationRuleSet } from './regulation-rule-sets.ts';
import { computeReplyDeadline } from './reply-deadline.ts';
import type { DeadlineResult } from './reply-deadline.ts';
import { CHANNEL_NAMES_ZH, DELIVERY_METHODS } from './request-case.ts';
import type { CaseStatus, Channel, WaitingOn } from './request-case.ts';
import type { ConsultationOpinion, ConsultedParty, FeeMethod, LoggedEvent, RequestEvent, RequestEventKind } from './request-event.ts';
import { receiptRule } from './receipt-date.ts';
import { ANSWER_DETAIL_OUTCOMES, ANSWER_DETAIL_NAMES_ZH, isAnswerDetail, outcomeById } from './request-outcome.ts';
import type { AnswerDetail } from './request-outcome.ts';

/** Working days a requester has to pay a fee, from the day after the notice (国办函〔2020〕109号, as restated by 四川; UNVERIFIED article). */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** Options of the clock that the sources leave open (UNVERIFIED; set by configuration). */
export interface ClockOptions {
  /** Whether the reply period stands between a fee notice and payment. Default true. */
  feePausesClock: boolean;
  /** Whether the day of receipt (of a notice, of a consultation letter) counts as day 1 of a period. Default false. */
  countReceiptDay?: boolean;
}

/** The default options. */
export const DEFAULT_CLOCK_OPTIONS: ClockOptions = { feePausesClock: true, countReceiptDay: false };

/** One consultation and its excluded interval. */
export interface Consultation {
  /** The `seq` of its `consultation-sent` event (answers refer to it). */
  seq: number;
  party: ConsultedParty;
  partyName: string;
  sentOn: string;
  /** The last day of the party's window (15 working days after sending). */
  windowEndsOn: string;
  answeredOn: string | null;
  opinion: ConsultationOpinion | null;
}

/** One line of the explanation of a deadline. */
export interface ExplanationStep {
  on: string;
  textZh: string;
  textEn: string;
  /** The article or notice, e.g. `2019 art. 30`. */
  source: string;
}

/** An interval excluded from the reply period (both ends included). */
export interface ExcludedInterval {
  from: string;
  to: string;
  /** What the time was spent on: consulting a third party or an agency, or waiting for a fee. */
  cause: 'third-party' | 'agency' | 'fee';
  /** The consultation's `seq`, for consultations. */
  consultationSeq: number | null;
  /** The reason with the consulted party's name (staff only). */
  reasonZh: string;
  /** The reason without names (for the requester and the public). */
  publicReasonZh: string;
  /** Working days inside the interval. */
  workingDays: number;
  /** True while the interval's end is not yet known (assumed to run its full length). */
  provisional: boolean;
}

/** The folded state of a case. */
export interface CaseClock {
  ruleSet: RegulationRuleSet;
  channel: Channel;
  receivedOn: string;
  status: CaseStatus;
  waitingOn: WaitingOn;
  /** The table 三 row id decided, or null. */
  outcome: string | null;
  outcomeOn: string | null;
  legalBasis: string | null;
  /** What the reply adds to its outcome for the 2014 table (src/requests/request-outcome.ts), or null. */
  answerDetail: AnswerDetail | null;
  /** With `other-agency`: the responsible agency the reply names, or null. */
  responsibleAgency: string | null;
  clarification: { seq: number; requestedOn: string; items: string; dueOn: string; receivedOn: string | null; lapsedOn: string | null } | null;
  consultations: Consultation[];
  extension: { seq: number; approvedOn: string; workingDays: number; reason: string; approvedBy: string; noticeOn: string } | null;
  fee: { seq: number; noticeOn: string; method: FeeMethod; quantity: number; amountYuan: number; alreadyThisMonth: number | null; payBy: string; paidOn: string | null; lapsedOn: string | null } | null;
  answeredOn: string | null;
  deliveredOn: string | null;
  closedOn: string | null;
  /** The computed deadline, or null while the clock stands (awaiting clarification), after a lapse, or when the calendar lacks a year. */
  deadline: DeadlineResult | null;
  /** Set when the deadline runs into a year the calendar does not cover (`CALENDAR_YEAR_MISSING`): why there is no deadline. */
  calendarGap: { message: string; messageZh: string } | null;
  /** True when the deadline assumes an open consultation or fee notice runs its full length. */
  provisional: boolean;
  excluded: ExcludedInterval[];
  explanation: ExplanationStep[];
  /** The same explanation without names of consulted parties or staff, or the extension's reason (for the requester). */
  publicExplanation: ExplanationStep[];
  /** Event kinds that may be recorded next (a kind listed may still be refused for its dates or fields). */
  allowedNext: RequestEventKind[];
  /** The date of the latest event. */
  lastEventOn: string;
}

function refuse(en: string, zh: string): GongkaiError {
  return new GongkaiError('ILLEGAL_TRANSITION', en, { issues: [{ field: 'event', message: en, messageZh: zh }] });
}

function invalid(field: string, en: string, zh: string): GongkaiError {
  return new GongkaiError('VALIDATION_FAILED', `${field}: ${en}`, { issues: [{ field, message: en, messageZh: zh }] });
}

interface Facts {
  ruleSet: RegulationRuleSet;
  channel: Channel;
  receivedOn: string;
  clarification: CaseClock['clarification'];
  consultations: Consultation[];
  extension: CaseClock['extension'];
  fee: CaseClock['fee'];
  answered: { seq: number; on: string; outcome: string; legalBasis: string; answerDetail: AnswerDetail | null; responsibleAgency: string | null } | null;
  deliveredOn: string | null;
  closedOn: string | null;
  withdrawnOn: string | null;
  lastEventOn: string;
}

function statusOf(f: Facts): { status: CaseStatus; waitingOn: WaitingOn } {
  if (f.closedOn || f.withdrawnOn || f.clarification?.lapsedOn || f.fee?.lapsedOn) return { status: 'closed', waitingOn: null };
  if (f.deliveredOn) return { status: 'delivered', waitingOn: null };
  if (f.answered) return { status: 'answered', waitingOn: null };
  if (f.clarification && !f.clarification.receivedOn) return { status: 'awaiting-clarification', waitingOn: 'requester' };
  if (f.fee && !f.fee.paidOn) return { status: 'awaiting-fee', waitingOn: 'requester' };
  if (f.consultations.some((c) => !c.answeredOn)) return { status: 'in-consultation', waitingOn: 'third-party' };
  return { status: 'processing', waitingOn: null };
}

function isOpen(status: CaseStatus): boolean {
  return status === 'processing' || status === 'awaiting-clarification' || status === 'in-consultation' || status === 'awaiting-fee';
}

/** The excluded intervals from the facts (consultations, and the fee period when it pauses the clock). */
function excludedIntervals(calendar: WorkingDayCalendar, f: Facts, options: ClockOptions): ExcludedInterval[] {
  const start = f.clarification?.receivedOn ?? f.receivedOn;
  const intervals: ExcludedInterval[] = [];
  for (const c of f.consultations) {
    if (c.sentOn < start) continue;
    // The 2008 text excludes only third-party consultation (2008 art. 24 ¶3).
    if (c.party === 'agency' && f.ruleSet.id === 'regulations2008') continue;
    const end = c.answeredOn && c.answeredOn < c.windowEndsOn ? c.answeredOn : c.windowEndsOn;
    const from = nextDay(c.sentOn);
    if (end < from) continue;
    intervals.push({
      from,
      to: end,
      cause: c.party,
      consultationSeq: c.seq,
      reasonZh: `${c.party === 'third-party' ? '征求第三方' : '征求其他机关'}（${c.partyName}）意见`,
      publicReasonZh: c.party === 'third-party' ? '征求第三方意见' : '征求其他机关意见',
      workingDays: workingDaysBetween(calendar, c.sentOn, end),
      provisional: c.answeredOn === null,
    });
  }
  if (options.feePausesClock && f.fee && f.fee.noticeOn >= start) {
    const end = f.fee.paidOn ?? f.fee.lapsedOn ?? f.fee.payBy;
    const from = nextDay(f.fee.noticeOn);
    if (end >= from) {
      intervals.push({ from, to: end, cause: 'fee', consultationSeq: null, reasonZh: '收费通知至缴费期间（可配置，依据待核实）', publicReasonZh: '收费通知至缴费期间', workingDays: workingDaysBetween(calendar, f.fee.noticeOn, end), provisional: f.fee.paidOn === null && f.fee.lapsedOn === null });
    }
  }
  return intervals;
}

function deadlineOf(calendar: WorkingDayCalendar, f: Facts, options: ClockOptions): { deadline: DeadlineResult | null; excluded: ExcludedInterval[] } {
  if (f.clarification && !f.clarification.receivedOn) return { deadline: null, excluded: [] };
  const excluded = excludedIntervals(calendar, f, options);
  const deadline = computeReplyDeadline(calendar, {
    receivedOn: f.receivedOn,
    ...(f.clarification?.receivedOn ? { clarifiedOn: f.clarification.receivedOn } : {}),
    extensionWorkingDays: f.extension?.workingDays ?? 0,
    excluded: excluded.map((i) => ({ from: i.from, to: i.to })),
    countStartDay: options.countReceiptDay === true,
  });
  return { deadline, excluded };
}

function requireText(value: string | undefined, field: string, zh: string): void {
  if (value === undefined || value.trim() === '') throw invalid(field, 'required', `${zh}不能为空`);
}

/**
 * Applies one event to the facts, or refuses it.
 * @throws GongkaiError `ILLEGAL_TRANSITION` (not allowed now, with the reason), `VALIDATION_FAILED` (a bad field)
 */
function apply(calendar: WorkingDayCalendar, f: Facts, e: LoggedEvent, options: ClockOptions, trusted: boolean): void {
  if (!isIsoDate(e.on)) throw invalid('on', 'not a date (YYYY-MM-DD)', '日期格式应为 YYYY-MM-DD');
  if (e.kind === 'received') throw refuse('a case is received once', '每件申请只能登记一次收到');
  if (e.on < f.receivedOn) throw invalid('on', `before the date of receipt ${f.receivedOn}`, `日期早于收到申请日期 ${f.receivedOn}`);
  const { status } = statusOf(f);
  if (status === 'closed') throw refuse('the case is closed', '本申请已办结，不能再登记办理事项');
  // Events are recorded in the order they happened, so every check above sees the log as it stood.
  if (e.on < f.lastEventOn) throw invalid('on', `before the latest event (${f.lastEventOn}); record events in the order they happened`, `日期早于上一项办理记录（${f.lastEventOn}），请按发生顺序登记`);
  // A stored log was checked when each event was appended; replaying it skips the checks that need the deadline.
  const current = (): DeadlineResult | null => (trusted ? null : deadlineOf(calendar, f, options).deadline);
  const notDecided = (zh: string): void => {
    if (f.answered) throw refuse('the request has already been answered', `已作出答复，不能${zh}`);
  };
  switch (e.kind) {
    case 'clarification-requested': {
      notDecided('再告知补正');
      if (f.clarification) throw refuse('a clarification may be requested only once (2019 art. 30: 一次性告知)', '补正只能一次性告知，不能第二次要求补正（条例第三十条）');
      if (status !== 'processing') throw refuse(`not while the case is ${status}`, '征求意见或收费期间不能告知补正');
      if (f.ruleSet.clarificationRequestWorkingDays !== null) {
        const latest = addWorkingDays(calendar, f.receivedOn, f.ruleSet.clarificationRequestWorkingDays, { countStartDay: options.countReceiptDay === true });
        if (e.on > latest) {
          throw refuse(`a clarification must be requested within ${f.ruleSet.clarificationRequestWorkingDays} working days of receipt, by ${latest} (2019 art. 30)`, `应当自收到申请之日起7个工作日内一次性告知补正，最迟 ${latest}（条例第三十条）`);
        }
      }
      requireText(e.items, 'items', '需要补正的事项');
      if (!isIsoDate(e.dueOn) || e.dueOn <= e.on) throw invalid('dueOn', 'the period for the clarification must end after the notice', '补正期限应晚于告知日期');
      f.clarification = { seq: e.seq, requestedOn: e.on, items: e.items, dueOn: e.dueOn, receivedOn: null, lapsedOn: null };
      break;
    }
    case 'clarification-received':
      if (status !== 'awaiting-clarification' || !f.clarification) throw refuse('no clarification is awaited', '当前没有等待补正的事项');
      f.clarification.receivedOn = e.on;
      break;
    case 'clarification-lapsed':
      if (status !== 'awaiting-clarification' || !f.clarification) throw refuse('no clarification is awaited', '当前没有等待补正的事项');
      if (e.on <= f.clarification.dueOn) throw refuse(`the period for the clarification runs until ${f.clarification.dueOn}`, `补正期限至 ${f.clarification.dueOn} 届满，届满前不能视为放弃申请`);
      f.clarification.lapsedOn = e.on;
      break;
    case 'consultation-sent': {
      notDecided('再征求意见');
      if (status !== 'processing' && status !== 'in-consultation') throw refuse(`not while the case is ${status}`, '等待补正或缴费期间不能征求意见');
      requireText(e.partyName, 'partyName', '被征求意见方名称');
      if (e.party !== 'third-party' && e.party !== 'agency') throw invalid('party', 'third-party or agency', '被征求意见方应为第三方或其他机关');
      const due = current();
      if (due && e.on > due.finalDue) throw refuse(`the reply period ended on ${due.finalDue}`, `答复期限已于 ${due.finalDue} 届满`);
      f.consultations.push({ seq: e.seq, party: e.party, partyName: e.partyName, sentOn: e.on, windowEndsOn: addWorkingDays(calendar, e.on, f.ruleSet.consultationWorkingDays, { countStartDay: options.countReceiptDay === true }), answeredOn: null, opinion: null });
      break;
    }
    case 'consultation-answered': {
      const c = f.consultations.find((x) => x.seq === e.consultation);
      if (!c) throw invalid('consultation', `no consultation #${e.consultation}`, '找不到对应的征求意见');
      if (c.answeredOn) throw refuse('this consultation is already answered', '该征求意见已登记答复');
      if (!['consent', 'objection', 'no-reply'].includes(e.opinion)) throw invalid('opinion', 'consent, objection or no-reply', '意见应为同意、反对或逾期未答复');
      if (e.opinion === 'no-reply' && e.on <= c.windowEndsOn) throw refuse(`the party may reply until ${c.windowEndsOn}`, `被征求意见方答复期限至 ${c.windowEndsOn}，届满前不能登记逾期未答复`);
      c.answeredOn = e.on;
      c.opinion = e.opinion;
      break;
    }
    case 'extension-approved': {
      notDecided('延长答复期限');
      if (f.extension) throw refuse('the period may be extended only once', '答复期限只能延长一次');
      if (status === 'awaiting-clarification') throw refuse('not while a clarification is awaited', '等待补正期间不能延长答复期限');
      const max = f.ruleSet.maxExtensionWorkingDays;
      if (!Number.isInteger(e.workingDays) || e.workingDays < 1 || e.workingDays > max) {
        throw invalid('workingDays', `1–${max} working days (${f.ruleSet.extensionSource})`, `延长期限最长不得超过${max}个工作日`);
      }
      requireText(e.reason, 'reason', '延期理由');
      requireText(e.approvedBy, 'approvedBy', '批准人（政府信息公开工作机构负责人）');
      const due = current();
      if (due && e.on > due.replyDue) throw refuse(`an extension must be approved on or before the deadline ${due.replyDue}`, `答复期限已于 ${due.replyDue} 届满，不能再延长`);
      if (!isIsoDate(e.noticeOn) || e.noticeOn < e.on) throw invalid('noticeOn', 'the requester is notified on or after the approval', '告知申请人日期不能早于批准日期');
      if (due && e.noticeOn > due.replyDue) throw invalid('noticeOn', `the requester must be notified by ${due.replyDue} (inferred, UNVERIFIED)`, `应在原答复期限 ${due.replyDue} 届满前告知申请人`);
      f.extension = { seq: e.seq, approvedOn: e.on, workingDays: e.workingDays, reason: e.reason, approvedBy: e.approvedBy, noticeOn: e.noticeOn };
      break;
    }
    case 'fee-notice-sent': {
      notDecided('发出收费通知');
      if (f.fee) throw refuse('a fee notice is sent once', '每件申请只能发出一次收费通知');
      if (status !== 'processing') throw refuse(`not while the case is ${status}`, '等待补正或征求意见期间不能发出收费通知');
      if (e.method !== 'per-request' && e.method !== 'per-page') throw invalid('method', 'per-request or per-page', '收费方式应为按件或按量');
      if (!Number.isInteger(e.quantity) || e.quantity < 1) throw invalid('quantity', 'a positive whole number', '件数或页数应为正整数');
      if (!Number.isInteger(e.amountYuan) || e.amountYuan < 1) throw invalid('amountYuan', 'a positive whole number of yuan', '收费金额应为正整数（元）');
      const due = current();
      if (due && e.on > due.finalDue) throw refuse(`the fee notice must be sent within the reply period (by ${due.finalDue})`, `应当在答复期限（${due.finalDue}）内发出收费通知`);
      f.fee = { seq: e.seq, noticeOn: e.on, method: e.method, quantity: e.quantity, amountYuan: e.amountYuan, alreadyThisMonth: e.alreadyThisMonth ?? null, payBy: addWorkingDays(calendar, e.on, FEE_PAYMENT_WORKING_DAYS, { countStartDay: options.countReceiptDay === true }), paidOn: null, lapsedOn: null };
      break;
    }
    case 'fee-paid':
      if (status !== 'awaiting-fee' || !f.fee) throw refuse('no fee is awaited', '当前没有待缴纳的费用');
      if (e.on > f.fee.payBy) throw refuse(`the fee was due by ${f.fee.payBy}`, `缴费期限已于 ${f.fee.payBy} 届满，应登记逾期未缴费`);
      f.fee.paidOn = e.on;
      break;
    case 'fee-lapsed':
      if (status !== 'awaiting-fee' || !f.fee) throw refuse('no fee is awaited', '当前没有待缴纳的费用');
      if (e.on <= f.fee.payBy) throw refuse(`the fee may be paid until ${f.fee.payBy}`, `缴费期限至 ${f.fee.payBy}，届满前不能视为放弃申请`);
      f.fee.lapsedOn = e.on;
      break;
    case 'answered': {
      notDecided('重复答复');
      if (status === 'awaiting-clarification') throw refuse('a clarification is awaited', '正在等待申请人补正，不能答复');
      if (status === 'awaiting-fee') throw refuse('a fee is awaited', '正在等待申请人缴费，不能答复');
      const open = f.consultations.find((c) => !c.answeredOn && e.on <= c.windowEndsOn);
      if (open) throw refuse(`the consultation of ${open.partyName} is open until ${open.windowEndsOn}`, `征求${open.partyName}意见尚未答复（期限至 ${open.windowEndsOn}），请先登记其答复`);
      if (!e.outcome) throw invalid('outcome', 'an answer needs exactly one outcome (a row of table 三)', '答复必须选择一项办理结果');
      const outcome = outcomeById(e.outcome);
      if (!outcome || outcome.byLapse) throw invalid('outcome', `unknown outcome ${e.outcome}`, '办理结果无效');
      if (outcome.id === 'unable-unclear' && !f.clarification?.receivedOn) throw invalid('outcome', '“still unclear after clarification” needs a clarification received first', '“补正后申请内容仍不明确”须先有补正');
      if ((outcome.group === 'withheld' || outcome.group === 'partial') && !e.reasons?.trim()) throw invalid('reasons', 'withholding needs its reasons (2019 art. 36 (三))', '不予公开或部分公开须说明理由');
      requireText(e.legalBasis, 'legalBasis', '法律依据');
      const detail = answerDetailOf(e, outcome.id);
      f.answered = { seq: e.seq, on: e.on, outcome: outcome.id, legalBasis: e.legalBasis, ...detail };
      break;
    }
    case 'delivered':
      if (status !== 'answered' || !f.answered) throw refuse('only an answered case is delivered', '尚未答复，不能登记送达');
      if (!DELIVERY_METHODS.includes(e.method)) throw invalid('method', 'unknown delivery method', '送达方式无效');
      f.deliveredOn = e.on;
      break;
    case 'withdrawn':
      if (!isOpen(status)) throw refuse('only an open case can be withdrawn', '已答复的申请不能撤回');
      f.withdrawnOn = e.on;
      break;
    case 'closed':
      if (status !== 'delivered') throw refuse('only a delivered case is closed', '答复送达后才能办结归档');
      f.closedOn = e.on;
      break;
  }
  if (e.on > f.lastEventOn) f.lastEventOn = e.on;
}

function allowedNext(f: Facts): RequestEventKind[] {
  const { status } = statusOf(f);
  switch (status) {
    case 'processing':
      return [...(f.clarification ? [] : ['clarification-requested' as const]), 'consultation-sent', ...(f.extension ? [] : ['extension-approved' as const]), ...(f.fee ? [] : ['fee-notice-sent' as const]), 'answered', 'withdrawn'];
    case 'awaiting-clarification':
      return ['clarification-received', 'clarification-lapsed', 'withdrawn'];
    case 'in-consultation':
      return ['consultation-answered', 'consultation-sent', ...(f.extension ? [] : ['extension-approved' as const]), 'answered', 'withdrawn'];
    case 'awaiting-fee':
      return ['fee-paid', 'fee-lapsed', ...(f.extension ? [] : ['extension-approved' as const]), 'withdrawn'];
    case 'answered':
      return ['delivered', ...(f.consultations.some((c) => !c.answeredOn) ? ['consultation-answered' as const] : [])];
    case 'delivered':
      return ['closed', ...(f.consultations.some((c) => !c.answeredOn) ? ['consultation-answered' as const] : [])];
    case 'closed':
      return [];
  }
}

function explain(f: Facts, deadline: DeadlineResult | null, excluded: ExcludedInterval[], audience: 'staff' | 'public', gap: CaseClock['calendarGap']): ExplanationStep[] {
  const staff = audience === 'staff';
  const r = f.ruleSet;
  const rule = receiptRule(f.channel, f.receivedOn);
  const steps: ExplanationStep[] = [
    {
      on: f.receivedOn,
      textZh: `收到申请（${CHANNEL_NAMES_ZH[f.channel]}：${rule.ruleZh}）。适用${r.nameZh}，答复期限为${r.replyWorkingDays}个工作日，自收到申请次日起算。`,
      textEn: `received (${rule.ruleEn}); ${r.id}: ${r.replyWorkingDays} working days from the day after receipt`,
      source: `${rule.source}; ${r.replySource}`,
    },
  ];
  const c = f.clarification;
  if (c) {
    steps.push({ on: c.requestedOn, textZh: `一次性告知补正，补正期限至 ${c.dueOn}；等待补正期间不计算答复期限。`, textEn: `clarification requested, due ${c.dueOn}; the clock stands`, source: r.clarificationSource ?? '2008: no article' });
    const source = r.clarificationSource ?? '国办公开办函〔2015〕207号 (2008 text: no article)';
    if (c.receivedOn) steps.push({ on: c.receivedOn, textZh: `收到补正后的申请，答复期限自该日次日起重新计算${r.replyWorkingDays}个工作日。`, textEn: `clarified request received: the period restarts in full`, source });
    if (c.lapsedOn) steps.push({ on: c.lapsedOn, textZh: '申请人逾期未补正，视为放弃申请，不再处理。', textEn: 'no clarification in time: treated as abandoned', source });
  }
  for (const x of f.consultations) {
    const interval = excluded.find((i) => i.consultationSeq === x.seq);
    const nameZh = staff ? `（${x.partyName}）` : '';
    steps.push({
      on: x.sentOn,
      textZh: `${x.party === 'third-party' ? '书面征求第三方' : '征求其他机关'}${nameZh}意见，对方应在 ${x.windowEndsOn} 前答复${x.answeredOn ? `，${x.answeredOn} 收到答复` : '（尚未答复，暂按期限届满计算）'}；${interval ? `${interval.from} 至 ${interval.to} 的 ${interval.workingDays} 个工作日不计入答复期限` : gap ? '征求意见期间不计入答复期限' : '不影响答复期限'}。`,
      textEn: `consultation of ${staff ? x.partyName : x.party === 'third-party' ? 'a third party' : 'another agency'}${interval ? `: ${interval.workingDays} working days excluded (${interval.from}..${interval.to})` : ''}`,
      source: `${r.excludedTimeSource}; ${r.consultationSource}`,
    });
  }
  if (f.fee) {
    const interval = excluded.find((i) => i.cause === 'fee');
    steps.push({
      on: f.fee.noticeOn,
      textZh: `发出收费通知（${f.fee.method === 'per-request' ? '按件' : '按量'}计收 ${f.fee.amountYuan} 元），申请人应在 ${f.fee.payBy} 前缴纳${f.fee.paidOn ? `，${f.fee.paidOn} 已缴纳` : ''}${f.fee.lapsedOn ? '，逾期未缴纳，视为放弃申请' : ''}${interval ? `；${interval.from} 至 ${interval.to} 不计入答复期限（收费期间是否中止计算尚无明确依据，按本系统配置）` : ''}。`,
      textEn: `fee notice ${f.fee.amountYuan} yuan, due ${f.fee.payBy}${interval ? `; ${interval.workingDays} working days excluded (configurable, UNVERIFIED)` : ''}`,
      source: '国办函〔2020〕109号',
    });
  }
  if (deadline) {
    steps.push({
      on: deadline.replyDue,
      textZh: `自 ${deadline.clockStartsAfter} 次日起计算${r.replyWorkingDays}个工作日${excluded.length ? '（扣除上述不计入期间）' : ''}，答复期限为 ${deadline.replyDue}。`,
      textEn: `${r.replyWorkingDays} working days after ${deadline.clockStartsAfter}: due ${deadline.replyDue}`,
      source: r.replySource,
    });
  }
  if (f.extension) {
    steps.push({
      on: f.extension.approvedOn,
      textZh: `经政府信息公开工作机构负责人${staff ? `（${f.extension.approvedBy}）` : ''}同意延长答复期限${f.extension.workingDays}个工作日${staff ? `（理由：${f.extension.reason}）` : ''}，${f.extension.noticeOn} 告知申请人${deadline ? `，延长后答复期限为 ${deadline.finalDue}` : ''}。`,
      textEn: `extension of ${f.extension.workingDays} working days approved by ${staff ? f.extension.approvedBy : 'the OGI office head'}${deadline ? `: due ${deadline.finalDue}` : ''}`,
      source: r.extensionSource,
    });
  }
  if (gap) steps.push({ on: f.lastEventOn, textZh: gap.messageZh, textEn: gap.message, source: 'CALENDAR_YEAR_MISSING' });
  if (f.answered) steps.push({ on: f.answered.on, textZh: `作出答复（${outcomeById(f.answered.outcome)?.labelZh ?? f.answered.outcome}）${deadline && f.answered.on > deadline.finalDue ? '，已超过答复期限' : ''}。`, textEn: `answered: ${f.answered.outcome}`, source: '2019 art. 36' });
  return steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

function initialFacts(first: RequestEvent): Facts {
  if (first.kind !== 'received') throw refuse('the first event of a case is its receipt', '申请的第一项记录必须是收到申请');
  if (!isIsoDate(first.on)) throw invalid('receivedOn', 'not a date (YYYY-MM-DD)', '收到申请日期格式应为 YYYY-MM-DD');
  const ruleSet = ruleSetFor(first.on);
  if (!ruleSet) throw invalid('receivedOn', 'before 2008-05-01, when the OGI Regulations took effect', '收到申请日期早于《条例》施行日（2008-05-01）');
  return { ruleSet, channel: first.channel, receivedOn: first.on, clarification: null, consultations: [], extension: null, fee: null, answered: null, deliveredOn: null, closedOn: null, withdrawnOn: null, lastEventOn: first.on };
}

/**
 * Folds a case's log into its clock.
 * @param events the log in `seq` order, starting with `received`
 * @throws GongkaiError `ILLEGAL_TRANSITION` / `VALIDATION_FAILED` when an event is not allowed where it
 *   stands (the message says why), `CALENDAR_YEAR_MISSING` when a date runs into a year without data
 */
export function foldCase(calendar: WorkingDayCalendar, events: readonly LoggedEvent[], options: ClockOptions = DEFAULT_CLOCK_OPTIONS): CaseClock {
  return fold(calendar, events, options, false);
}

/**
 * Folds a stored log, whose events were each checked by {@link appendEvent} when recorded: the same
 * result as {@link foldCase} without re-checking the deadline at every event (for lists, projections
 * and statistics over many cases).
 * @throws GongkaiError as {@link foldCase} for checks that need no deadline, `CALENDAR_YEAR_MISSING`
 */
export function replayCase(calendar: WorkingDayCalendar, events: readonly LoggedEvent[], options: ClockOptions = DEFAULT_CLOCK_OPTIONS): CaseClock {
  return fold(calendar, events, options, true);
}

function fold(calendar: WorkingDayCalendar, events: readonly LoggedEvent[], options: ClockOptions, trusted: boolean): CaseClock {
  const [first, ...rest] = events;
  if (!first) throw refuse('a case has at least its receipt', '申请没有收到记录');
  const f = initialFacts(first);
  for (const e of rest) apply(calendar, f, e, options, trusted);
  return snapshot(calendar, f, options);
}

/**
 * Checks whether `event` may be appended to the log, and returns the clock after it.
 * @throws GongkaiError as {@link foldCase}, for the new event
 */
export function appendEvent(calendar: WorkingDayCalendar, events: readonly LoggedEvent[], event: RequestEvent, options: ClockOptions = DEFAULT_CLOCK_OPTIONS): CaseClock {
  const [first, ...rest] = events;
  if (!first) return fold(calendar, [{ ...event, seq: 1 }], options, false);
  // The stored events were checked when recorded (a later calendar correction must not make them unreadable); only the new one is checked now.
  const f = initialFacts(first);
  for (const e of rest) apply(calendar, f, e, options, true);
  apply(calendar, f, { ...event, seq: events.length + 1 }, options, false);
  return snapshot(calendar, f, options);
}

/**
 * The answer detail of an `answered` event, checked against its outcome (2019 art. 36 (一), (五)).
 * @throws GongkaiError `VALIDATION_FAILED` (field `answerDetail`, `reasons` or `responsibleAgency`)
 */
function answerDetailOf(e: Extract<RequestEvent, { kind: 'answered' }>, outcome: string): { answerDetail: AnswerDetail | null; responsibleAgency: string | null } {
  const agency = typeof e.responsibleAgency === 'string' && e.responsibleAgency.trim() !== '' ? e.responsibleAgency.trim() : null;
  if (e.answerDetail === undefined) {
    if (agency !== null) throw invalid('responsibleAgency', 'a responsible agency goes with the detail other-agency only', '只有“属于其他机关公开”才填写负责公开该信息的机关');
    return { answerDetail: null, responsibleAgency: null };
  }
  const detail: unknown = e.answerDetail;
  if (!isAnswerDetail(detail)) throw invalid('answerDetail', `unknown answer detail ${String(detail)}`, '答复情形无效');
  const expected = ANSWER_DETAIL_OUTCOMES[detail];
  if (outcome !== expected) {
    const expectedZh = outcomeById(expected)?.labelZh ?? expected;
    throw invalid('answerDetail', `${detail} goes with the outcome ${expected} only`, `“${ANSWER_DETAIL_NAMES_ZH[detail]}”只适用于办理结果“${expectedZh}”`);
  }
  if (detail === 'already-public' && !e.reasons?.trim()) throw invalid('reasons', 'information already disclosed: the reply says how and where to obtain it (2019 art. 36 (一))', '属于已主动公开范围的，须在理由中告知获取该政府信息的方式和途径');
  if (detail !== 'other-agency' && agency !== null) throw invalid('responsibleAgency', 'a responsible agency goes with the detail other-agency only', '只有“属于其他机关公开”才填写负责公开该信息的机关');
  return { answerDetail: detail, responsibleAgency: agency };
}

function snapshot(calendar: WorkingDayCalendar, f: Facts, options: ClockOptions): CaseClock {
  const { status, waitingOn } = statusOf(f);
  const lapsed = Boolean(f.clarification?.lapsedOn);
  let computed: { deadline: DeadlineResult | null; excluded: ExcludedInterval[] } = { deadline: null, excluded: [] };
  let calendarGap: CaseClock['calendarGap'] = null;
  try {
    if (!lapsed) computed = deadlineOf(calendar, f, options);
  } catch (error) {
    // The case stays readable; its deadline is refused, not guessed on weekends alone, until the year is entered.
    if (!isGongkaiError(error, 'CALENDAR_YEAR_MISSING')) throw error;
    const year = /\d{4}/.exec(error.message)?.[0] ?? '';
    calendarGap = {
      message: `no deadline yet: the working-day calendar has no data for ${year}; it is computed once an administrator enters the year`,
      messageZh: `工作日历缺少${year}年的节假日安排，暂无法计算答复期限；系统管理员录入该年度数据（依国务院办公厅节假日安排通知）后将自动计算。`,
    };
  }
  const { deadline, excluded } = computed;
  let outcome: string | null = null;
  let outcomeOn: string | null = null;
  let legalBasis: string | null = null;
  if (f.answered) [outcome, outcomeOn, legalBasis] = [f.answered.outcome, f.answered.on, f.answered.legalBasis];
  else if (f.clarification?.lapsedOn) [outcome, outcomeOn, legalBasis] = ['other-no-clarification', f.clarification.lapsedOn, '第三十条'];
  else if (f.fee?.lapsedOn) [outcome, outcomeOn, legalBasis] = ['other-unpaid-fee', f.fee.lapsedOn, outcomeById('other-unpaid-fee')?.legalBasis2019 ?? ''];
  else if (f.withdrawnOn) [outcome, outcomeOn, legalBasis] = ['other-other', f.withdrawnOn, ''];
  const closedOn = f.closedOn ?? (status === 'closed' ? outcomeOn : null);
  return {
    ruleSet: f.ruleSet,
    channel: f.channel,
    receivedOn: f.receivedOn,
    status,
    waitingOn,
    outcome,
    outcomeOn,
    legalBasis,
    clarification: f.clarification,
    consultations: f.consultations,
    extension: f.extension,
    fee: f.fee,
    answerDetail: f.answered?.answerDetail ?? null,
    responsibleAgency: f.answered?.responsibleAgency ?? null,
    answeredOn: f.answered?.on ?? null,
    deliveredOn: f.deliveredOn,
    closedOn,
    deadline,
    calendarGap,
    provisional: excluded.some((i) => i.provisional),
    excluded,
    // Built on first read: rebuilding many projections never needs the text.
    get explanation(): ExplanationStep[] {
      const steps = explain(f, deadline, excluded, 'staff', calendarGap);
      Object.defineProperty(this, 'explanation', { value: steps, enumerable: true });
      return steps;
    },
    get publicExplanation(): ExplanationStep[] {
      const steps = explain(f, deadline, excluded, 'public', calendarGap);
      Object.defineProperty(this, 'publicExplanation', { value: steps, enumerable: true });
      return steps;
    },
    allowedNext: allowedNext(f),
    lastEventOn: f.lastEventOn,
  };
}

/** How a case stands against its deadline on a given day. */
export interface Timeliness {
  /** Working days left until the final deadline (0 on the day itself; negative when overdue); null without a running deadline. */
  workingDaysLeft: number | null;
  /** Open and past the deadline. */
  overdue: boolean;
  /** Answered after the final deadline. */
  answeredLate: boolean;
  /** Answered within the period without an extension (2014 format: 按时办结) or within the extension (延期办结). */
  answeredOnTime: 'on-time' | 'extended' | 'late' | null;
}

/**
 * The case's timeliness on `today` (`YYYY-MM-DD`, China time; passed in so tests need no real clock).
 * @throws GongkaiError `CALENDAR_YEAR_MISSING`
 */
export function timeliness(calendar: WorkingDayCalendar, clock: CaseClock, today: string): Timeliness {
  const d = clock.deadline;
  if (!d) return { workingDaysLeft: null, overdue: false, answeredLate: false, answeredOnTime: null };
  if (clock.answeredOn) {
    const onTime = clock.answeredOn <= d.replyDue ? 'on-time' : clock.answeredOn <= d.finalDue ? 'extended' : 'late';
    return { workingDaysLeft: null, overdue: false, answeredLate: onTime === 'late', answeredOnTime: onTime };
  }
  if (!isOpen(clock.status)) return { workingDaysLeft: null, overdue: false, answeredLate: false, answeredOnTime: null };
  const left = workingDaysBetween(calendar, today, d.finalDue);
  return { workingDaysLeft: left, overdue: today > d.finalDue, answeredLate: false, answeredOnTime: null };
}
