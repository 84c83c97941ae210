/**
 * The events of a request's log. The log is the only source of a case's deadline, status and
 * outcome (src/requests/case-clock.ts folds it); nothing about the clock is stored and patched.
 * Every event carries its legal date `on` (`YYYY-MM-DD`, China time), which may be earlier than the
 * day it was recorded (e.g. a signed-for letter registered the next morning).
 */
import type { Channel, DeliveryMethod } from './request-case.ts';
import type { AnswerDetail } from './request-outcome.ts';

/** Who a consultation goes to: a third party whose rights may be harmed (2019 art. 32) or a co-producing agency (art. 34). */
export type ConsultedParty = 'third-party' | 'agency';
/** What a consulted party said; `no-reply` = the window passed in silence (for an agency: consent, art. 34). */
export type ConsultationOpinion = 'consent' | 'objection' | 'no-reply';
/** How a fee is computed (国办函〔2020〕109号 art. 3): per request piece or per page, never both. */
export type FeeMethod = 'per-request' | 'per-page';

/** An event of the log, without its sequence number. */
export type RequestEvent =
  | { kind: 'received'; on: string; channel: Channel }
  | { kind: 'clarification-requested'; on: string; items: string; dueOn: string }
  | { kind: 'clarification-received'; on: string }
  | { kind: 'clarification-lapsed'; on: string }
  | { kind: 'consultation-sent'; on: string; party: ConsultedParty; partyName: string }
  | { kind: 'consultation-answered'; on: string; consultation: number; opinion: ConsultationOpinion }
  | { kind: 'extension-approved'; on: string; workingDays: number; reason: string; approvedBy: string; noticeOn: string }
  | { kind: 'fee-notice-sent'; on: string; method: FeeMethod; quantity: number; amountYuan: number; /** 按件: pieces the requester had already applied for that month (set when the amount is computed). */ alreadyThisMonth?: number }
  | { kind: 'fee-paid'; on: string }
  | { kind: 'fee-lapsed'; on: string }
  | {
      kind: 'answered';
      on: string;
      outcome: string;
      legalBasis: string;
      reasons?: string;
      /** `already-public` only with `disclosed`, `other-agency` only with `unable-not-held` (2019 art. 36 (一), (五)); absent on older events. */
      answerDetail?: AnswerDetail;
      /** With `other-agency`: the agency responsible for disclosing the information, named in the reply (art. 36 (五)). */
      responsibleAgency?: string;
    }
  | { kind: 'delivered'; on: string; method: DeliveryMethod }
  | { kind: 'withdrawn'; on: string; reason?: string }
  | { kind: 'closed'; on: string };

/** An event kind. */
export type RequestEventKind = RequestEvent['kind'];

/** An event as logged: with its 1-based sequence number within the case. */
export type LoggedEvent = RequestEvent & { seq: number };

/** Every event kind, in the order they usually happen. */
export const REQUEST_EVENT_KINDS: readonly RequestEventKind[] = [
  'received',
  'clarification-requested',
  'clarification-received',
  'clarification-lapsed',
  'consultation-sent',
  'consultation-answered',
  'extension-approved',
  'fee-notice-sent',
  'fee-paid',
  'fee-lapsed',
  'answered',
  'delivered',
  'withdrawn',
  'closed',
];

/** Chinese names of the event kinds, for timelines and audit. */
export const REQUEST_EVENT_NAMES_ZH: Record<RequestEventKind, string> = {
  received: '收到申请',
  'clarification-requested': '告知补正',
  'clarification-received': '收到补正申请',
  'clarification-lapsed': '逾期未补正',
  'consultation-sent': '征求意见',
  'consultation-answered': '收到意见答复',
  'extension-approved': '批准延长答复期限',
  'fee-notice-sent': '发出收费通知',
  'fee-paid': '缴纳信息处理费',
  'fee-lapsed': '逾期未缴费',
  answered: '作出答复',
  delivered: '送达',
  withdrawn: '申请人撤回申请',
  closed: '办结归档',
};
