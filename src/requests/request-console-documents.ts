/**
 * Which documents (告知书 and notices) a case has, and their models built from the case as staff
 * see it (src/requests/reply-templates.ts renders them; reply-document.ts lays them out as DOCX or
 * PDF). Pure: the calendar is passed in. The requester's name is the one the case view carries,
 * so it is masked for staff without `requests.read_personal`.
 */
import { workingDaysBetween } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { CaseClock } from './case-clock.ts';
import { MAX_FEE_UNITS, computeFee } from './fee-schedule.ts';
import type { FeeResult } from './fee-schedule.ts';
import { renderReplyDocument } from './reply-templates.ts';
import type { DocumentHeader, ReplyDocumentKind, ReplyDocumentModel, RequestReference } from './reply-templates.ts';
import { outcomeById } from './request-outcome.ts';
import type { CaseView } from './request.service.ts';

/** A document a case has, for the case page's download list. */
export interface CaseDocument {
  kind: ReplyDocumentKind;
  /** The document's title as printed. */
  titleZh: string;
  /** The document's date, `YYYY-MM-DD`: the date of the event it records. */
  issuedOn: string;
  /** For a consultation letter: the `seq` of its `consultation-sent` event. */
  consultation?: number;
  /** For a consultation letter: the party addressed. */
  partyName?: string;
  /** Text the document needs from the user before it can be written. */
  needs: readonly ('paymentMethodZh' | 'concernZh')[];
}

/** What the user may add to a document (all optional; blank counts as absent). */
export interface DocumentOptions {
  /** The document number line, e.g. `吴政信公答〔2026〕12号`. */
  documentNumber?: string;
  /** A contact line printed after the body. */
  contactZh?: string;
  /** How to pay (fee notice; required there). */
  paymentMethodZh?: string;
  /** Why the third party's rights may be affected (consultation letter; required there). */
  concernZh?: string;
  /** Which consultation (its `seq`); default the first third-party one. */
  consultation?: number;
}

/** The default wording of a consultation letter's concern (completes `经审查，该政府信息…`). */
export const DEFAULT_CONCERN_ZH = '涉及贵方的商业秘密、个人隐私等合法权益';

function replyDocument(clock: CaseClock): { issuedOn: string; titleZh: string } | null {
  const outcome = clock.outcome ? outcomeById(clock.outcome) : undefined;
  if (!outcome || !clock.outcomeOn) return null;
  // A withdrawal ends the case without a decision to notify: no reply document.
  if (!clock.answeredOn && !outcome.byLapse) return null;
  return { issuedOn: clock.outcomeOn, titleZh: outcome.byLapse ? '政府信息公开申请告知书' : '政府信息公开申请答复书' };
}

/**
 * The documents that apply to a case: the reply once answered (or the 告知书 when the requester's
 * inaction ended it), the 补正告知书, 延期答复告知书 and 收费通知书 when those events exist, and a
 * 征求意见书 per third party consulted (2019 art. 30, 32, 33, 36, 42).
 * @returns the documents in the order of their dates
 */
export function caseDocuments(view: CaseView): CaseDocument[] {
  const c = view.clock;
  const out: CaseDocument[] = [];
  if (c.clarification) out.push({ kind: 'clarification', titleZh: '政府信息公开申请补正告知书', issuedOn: c.clarification.requestedOn, needs: [] });
  for (const x of c.consultations) {
    if (x.party === 'third-party') out.push({ kind: 'third-party-consultation', titleZh: '政府信息公开征求意见书', issuedOn: x.sentOn, consultation: x.seq, partyName: x.partyName, needs: ['concernZh'] });
  }
  if (c.extension) out.push({ kind: 'extension', titleZh: '政府信息公开延期答复告知书', issuedOn: c.extension.noticeOn, needs: [] });
  if (c.fee) out.push({ kind: 'fee-notice', titleZh: '政府信息公开信息处理费收费通知书', issuedOn: c.fee.noticeOn, needs: ['paymentMethodZh'] });
  const reply = replyDocument(c);
  if (reply) out.push({ kind: 'reply', ...reply, needs: [] });
  return out.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
}

function notApplicable(kind: ReplyDocumentKind): GongkaiError {
  return new GongkaiError('NOT_FOUND', `document ${kind}: the case has no such event`);
}

/**
 * The fee as computed from the tiers, matching the amount notified. A per-request fee computed by
 * the service records the pieces the requester had already applied for that month; for one entered
 * by hand the smallest month count giving the notified amount is taken: the amount is exact, the
 * numbering of pieces (第n件) may not be.
 * @throws GongkaiError `VALIDATION_FAILED` when no count gives the notified amount (an amount typed in by hand)
 */
function feeResultOf(fee: NonNullable<CaseClock['fee']>): FeeResult {
  if (fee.method === 'per-page') {
    const result = computeFee({ method: 'per-page', pages: fee.quantity });
    if (result.amountYuan === fee.amountYuan) return result;
  } else if (fee.alreadyThisMonth !== null) {
    const result = computeFee({ method: 'per-request', alreadyThisMonth: fee.alreadyThisMonth, pieces: fee.quantity });
    if (result.amountYuan === fee.amountYuan) return result;
  } else {
    for (let already = 0; already + fee.quantity <= MAX_FEE_UNITS; already += 1) {
      const result = computeFee({ method: 'per-request', alreadyThisMonth: already, pieces: fee.quantity });
      if (result.amountYuan === fee.amountYuan) return result;
      if (result.amountYuan > fee.amountYuan) break;
    }
  }
  throw new GongkaiError('VALIDATION_FAILED', `fee ${fee.amountYuan} yuan does not follow the schedule`, {
    issues: [{ field: 'fee', message: 'the notified amount does not follow the fee schedule', messageZh: `收费金额（${fee.amountYuan}元）与收费标准的计算结果不一致，无法生成收费通知书` }],
  });
}

const trimmed = (s: string | undefined): string | undefined => (s !== undefined && s.trim() !== '' ? s.trim() : undefined);

/**
 * The model of one of the case's documents.
 * @param calendar the working-day calendar (for the 补正 period in working days)
 * @throws GongkaiError `NOT_FOUND` when the case has no such document; `VALIDATION_FAILED` when the
 *   document cannot be written from what is recorded (e.g. a fee notice without 缴纳方式, a reply
 *   of 其他处理 without reasons); `CALENDAR_YEAR_MISSING`
 */
export function caseDocumentModel(view: CaseView, calendar: WorkingDayCalendar, kind: ReplyDocumentKind, options: DocumentOptions = {}): ReplyDocumentModel {
  const c = view.clock;
  const documentNumber = trimmed(options.documentNumber);
  const contactZh = trimmed(options.contactZh);
  const header = (issuedOn: string): DocumentHeader => ({ organizationName: view.organization.name, issuedOn, ...(documentNumber ? { documentNumber } : {}), ...(contactZh ? { contactZh } : {}) });
  const ref: RequestReference = { requesterName: view.requester.name, receivedOn: view.receivedOn, requestSummary: view.informationRequested };
  switch (kind) {
    case 'reply': {
      const doc = replyDocument(c);
      if (!doc || !c.outcome) throw notApplicable(kind);
      const answered = [...view.events].reverse().find((e) => e.event.kind === 'answered')?.event;
      const reasons = answered?.kind === 'answered' ? trimmed(answered.reasons) : undefined;
      return renderReplyDocument('reply', {
        ...header(doc.issuedOn),
        ...ref,
        outcomeId: c.outcome,
        ...(reasons ? { reasons } : {}),
        ...(c.answerDetail ? { answerDetail: c.answerDetail } : {}),
        ...(c.responsibleAgency ? { responsibleAgency: { name: c.responsibleAgency } } : {}),
      });
    }
    case 'clarification': {
      const x = c.clarification;
      if (!x) throw notApplicable(kind);
      const items = x.items.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
      return renderReplyDocument('clarification', { ...header(x.requestedOn), ...ref, items, periodWorkingDays: workingDaysBetween(calendar, x.requestedOn, x.dueOn), supplyBy: x.dueOn });
    }
    case 'extension': {
      const x = c.extension;
      if (!x) throw notApplicable(kind);
      if (!c.deadline) throw new GongkaiError('VALIDATION_FAILED', 'no running deadline', { issues: [{ field: 'newDeadline', message: 'the deadline is not running', messageZh: '答复期限暂停计算，无法确定延长后的答复期限' }] });
      return renderReplyDocument('extension', { ...header(x.noticeOn), ...ref, reason: x.reason, extensionWorkingDays: x.workingDays, newDeadline: c.deadline.finalDue });
    }
    case 'fee-notice': {
      const x = c.fee;
      if (!x) throw notApplicable(kind);
      return renderReplyDocument('fee-notice', { ...header(x.noticeOn), ...ref, fee: feeResultOf(x), paymentMethodZh: options.paymentMethodZh?.trim() ?? '', payBy: x.payBy });
    }
    case 'third-party-consultation': {
      const x = c.consultations.find((k) => k.party === 'third-party' && (options.consultation === undefined || k.seq === options.consultation));
      if (!x) throw notApplicable(kind);
      return renderReplyDocument('third-party-consultation', {
        ...header(x.sentOn),
        thirdPartyName: x.partyName,
        receivedOn: view.receivedOn,
        requestSummary: view.informationRequested,
        concernZh: options.concernZh?.trim() ?? '',
        replyBy: x.windowEndsOn,
      });
    }
  }
}
