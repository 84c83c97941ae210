/**
 * The documents an agency sends about a request, as a model (title, salutation, paragraphs,
 * signature) that the DOCX and PDF writers of `reply-document.ts` lay out. Pure: no I/O, no clock.
 *
 * - `reply`: the reply (答复书, or 告知书 when the requester's inaction ended the case) for each
 *   outcome of {@link REQUEST_OUTCOMES}, citing the outcome's article under the text in force on
 *   the date of receipt (`legalBasis2019` / `legalBasis2008`, RULES.md §1.1), with the remedy
 *   sentence (行政复议 within 60 days, 行政诉讼 within 6 months);
 * - `clarification`: 补正告知书 (2019 art. 30; 2008 art. 21(四));
 * - `extension`: 延期答复告知书 (2019 art. 33 ¶2; 2008 art. 24 ¶2);
 * - `fee-notice`: 收费通知书 (2019 art. 42, 国办函〔2020〕109号; body from {@link feeNoticeText});
 * - `third-party-consultation`: 征求意见书 to a third party (2019 art. 32; 2008 art. 23).
 *
 * Bad input changes nothing and is refused with `VALIDATION_FAILED` naming every bad field.
 */
import { isIsoDate } from '../calendar/working-days.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { formatDateZh, numeralZh } from './chinese-format.ts';
import { feeNoticeText } from './fee-schedule.ts';
import type { FeeResult } from './fee-schedule.ts';
import { ruleSetFor } from './regulation-rule-sets.ts';
import type { RegulationRuleSet } from './regulation-rule-sets.ts';
import { ANSWER_DETAIL_NAMES_ZH, ANSWER_DETAIL_OUTCOMES, REQUEST_OUTCOMES, outcomeById } from './request-outcome.ts';
import type { AnswerDetail, RequestOutcome } from './request-outcome.ts';

/** The kinds of document. */
export const REPLY_DOCUMENT_KINDS = ['reply', 'clarification', 'extension', 'fee-notice', 'third-party-consultation'] as const;
/** A kind of document. */
export type ReplyDocumentKind = (typeof REPLY_DOCUMENT_KINDS)[number];

/** The regulation's full name, prefixed to every article cited. */
export const REGULATION_NAME_ZH = '《中华人民共和国政府信息公开条例》';

/** What every document has: who signs it, when, and its number. */
export interface DocumentHeader {
  /** The agency's full name, printed in the signature block. */
  organizationName: string;
  /** The date of the document, `YYYY-MM-DD` (China time). */
  issuedOn: string;
  /** The document number line (e.g. `吴政信公答〔2026〕12号`); absent: no number line. */
  documentNumber?: string;
  /** A contact line printed after the body (e.g. `联系人：王某 联系电话：0953-1234567`). */
  contactZh?: string;
}

/** The request a document is about. */
export interface RequestReference {
  /** The requester's name (natural person) or the organization's name. */
  requesterName: string;
  /** The date of receipt, `YYYY-MM-DD` (2019 art. 31); it also selects the regulation text cited. */
  receivedOn: string;
  /** The information requested, as the requester described it (quoted in the document). */
  requestSummary: string;
}

/** Input of a reply for an outcome. */
export interface ReplyInput extends DocumentHeader, RequestReference {
  /** A {@link REQUEST_OUTCOMES} id. */
  outcomeId: string;
  /**
   * The reasons, in Chinese. Required for 不予公开 (art. 36(三): "并说明理由"), 部分公开 (art. 37:
   * reasons for the withheld part) and 其他处理：其他 (nothing else says what was done); printed when
   * given for any other outcome.
   */
  reasons?: string;
  /** How or where the information is provided or can be obtained (予以公开, 部分公开, 公开出版物, 行政查询). */
  provisionZh?: string;
  /** For `unable-not-held`: the agency responsible for the information, when known (art. 36(五)). */
  responsibleAgency?: { name: string; contact?: string };
  /**
   * The answer detail recorded with the outcome: `already-public` (with `disclosed`) words the reply
   * as art. 36(一) (already disclosed: how and where to obtain it, from `provisionZh` or `reasons`);
   * `other-agency` (with `unable-not-held`) as art. 36(五), naming `responsibleAgency` when given.
   */
  answerDetail?: AnswerDetail;
  /** The reconsideration body named in the remedy sentence, when the agency names it. */
  reconsiderationBody?: string;
  /** The court named in the remedy sentence, when the agency names it. */
  court?: string;
}

/** Input of a clarification request (补正告知书). */
export interface ClarificationInput extends DocumentHeader, RequestReference {
  /** What the requester must supply or make precise, one item each (at least one). */
  items: readonly string[];
  /** The period given, in working days (the statute says only "合理的补正期限"). */
  periodWorkingDays: number;
  /** The last day to supply it, `YYYY-MM-DD`, computed by the caller from the period. */
  supplyBy: string;
}

/** Input of an extension notice (延期答复告知书). */
export interface ExtensionInput extends DocumentHeader, RequestReference {
  /** Why the reply cannot be made in time. */
  reason: string;
  /** Working days added: 1 … the rule set's maximum (20 in 2019, 15 in 2008). */
  extensionWorkingDays: number;
  /** The new reply deadline, `YYYY-MM-DD`, computed by the caller (`computeReplyDeadline`). */
  newDeadline: string;
}

/** Input of a fee notice (收费通知书). */
export interface FeeNoticeDocumentInput extends DocumentHeader, RequestReference {
  /** The fee from `computeFee`; must be more than 0 元. */
  fee: FeeResult;
  /** How to pay. */
  paymentMethodZh: string;
  /** The last day to pay, `YYYY-MM-DD` (20 working days from the day after receipt of the notice). */
  payBy: string;
}

/** Input of a letter consulting a third party (征求意见书); the requester is not named to the third party. */
export interface ThirdPartyConsultationInput extends DocumentHeader {
  /** The third party addressed. */
  thirdPartyName: string;
  /** The request's date of receipt (selects the regulation text). */
  receivedOn: string;
  /** The information requested. */
  requestSummary: string;
  /** Why the third party's rights may be affected, completing `经审查，该政府信息…`, e.g. `涉及贵单位的商业秘密`. */
  concernZh: string;
  /** The last day to reply, `YYYY-MM-DD`: 15 working days from receipt of the letter under 2019 art. 32. */
  replyBy: string;
}

/** Each kind's input. */
export interface ReplyDocumentInputs {
  reply: ReplyInput;
  clarification: ClarificationInput;
  extension: ExtensionInput;
  'fee-notice': FeeNoticeDocumentInput;
  'third-party-consultation': ThirdPartyConsultationInput;
}

/** A document ready to lay out. */
export interface ReplyDocumentModel {
  kind: ReplyDocumentKind;
  /** The title, centred on top, e.g. `政府信息公开申请答复书`. */
  title: string;
  /** The document number line, or null. */
  documentNumber: string | null;
  /** The salutation line, e.g. `张三：`. */
  addressee: string;
  /** The body, one string per paragraph. */
  paragraphs: string[];
  /** Printed after the body, or null. */
  contactZh: string | null;
  /** Signature block: the agency. */
  organizationName: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  /** The date as printed, `2026年11月30日`. */
  dateZh: string;
  /** The regulation text the document cites. */
  ruleSetId: RegulationRuleSet['id'];
  /** The full citation of the decision's legal basis, or null when the outcome has none (`other-other`). */
  legalBasisZh: string | null;
  /** The outcome, for `reply`. */
  outcomeId: string | null;
}

/** Collects field problems, so one refusal names every bad field. */
class Issues {
  readonly list: ErrorIssue[] = [];
  add(field: string, message: string, messageZh: string): void {
    this.list.push({ field, message, messageZh });
  }
  text(field: string, value: unknown, labelZh: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(field, 'required', `请填写${labelZh}`);
      return '';
    }
    return value.trim();
  }
  date(field: string, value: unknown, labelZh: string): string {
    if (typeof value !== 'string' || !isIsoDate(value)) {
      this.add(field, 'not a date (YYYY-MM-DD)', `${labelZh}格式应为 YYYY-MM-DD`);
      return '';
    }
    return value;
  }
  throwIfAny(): void {
    if (this.list.length > 0) {
      throw new GongkaiError('VALIDATION_FAILED', this.list.map((i) => `${i.field}: ${i.message}`).join('; '), { issues: this.list });
    }
  }
}

/** Validates the header and the date of receipt; returns the rule set in force (null when invalid, with an issue). */
function checkHeader(issues: Issues, input: DocumentHeader & { receivedOn: string }): RegulationRuleSet | null {
  issues.text('organizationName', input.organizationName, '机关名称');
  issues.date('issuedOn', input.issuedOn, '文书日期');
  const receivedOn = issues.date('receivedOn', input.receivedOn, '收到申请日期');
  if (receivedOn === '') return null;
  const ruleSet = ruleSetFor(receivedOn);
  if (!ruleSet) issues.add('receivedOn', 'before 2008-05-01, when the OGI Regulations took effect', '收到申请日期早于《条例》施行日（2008-05-01）');
  if (typeof input.issuedOn === 'string' && isIsoDate(input.issuedOn) && input.issuedOn < receivedOn) {
    issues.add('issuedOn', 'before the date of receipt', '文书日期早于收到申请日期');
  }
  return ruleSet;
}

function modelBase(kind: ReplyDocumentKind, input: DocumentHeader, ruleSet: RegulationRuleSet) {
  return {
    kind,
    documentNumber: input.documentNumber?.trim() || null,
    contactZh: input.contactZh?.trim() || null,
    organizationName: input.organizationName.trim(),
    issuedOn: input.issuedOn,
    dateZh: formatDateZh(input.issuedOn),
    ruleSetId: ruleSet.id,
  };
}

/** `本机关于2026年11月2日收到您提出的政府信息公开申请，您申请公开：“…”。` */
function openingZh(ref: RequestReference): string {
  return `本机关于${formatDateZh(ref.receivedOn)}收到您提出的政府信息公开申请，您申请公开：“${ref.requestSummary.trim()}”。`;
}

/**
 * Cites articles of the regulation. The outcome data writes a second instrument after `；`
 * (`第四十二条；《政府信息公开信息处理费管理办法》…`); in a sentence it reads `和`.
 */
export function citeRegulationZh(articles: string): string {
  return `${REGULATION_NAME_ZH}${articles.replace(/；/g, '和')}`;
}

/** The article an outcome rests on under the given text. */
function outcomeArticles(outcome: RequestOutcome, ruleSet: RegulationRuleSet): string {
  return ruleSet.id === 'regulations2019' ? outcome.legalBasis2019 : outcome.legalBasis2008;
}

/**
 * The remedy sentence. 行政复议法 (1999 art. 9; 2023 art. 20): 60 days from knowing of the act;
 * 行政诉讼法 (2014 revision, in force 2015-05-01, art. 46): 6 months; before that (1989 art. 39):
 * 3 months. Periods recalled from the statutes (not in RULES.md).
 */
function remedyZh(issuedOn: string, noun: string, body?: string, court?: string): string {
  const suitPeriod = issuedOn < '2015-05-01' ? '3个月' : '6个月';
  const to = (name: string | undefined) => (name && name.trim() !== '' ? `向${name.trim()}` : '');
  return `如对${noun}不服，可以在收到${noun}之日起60日内依法${to(body)}申请行政复议，或者在${suitPeriod}内依法${to(court)}提起行政诉讼。`;
}

/** How one outcome is worded: the finding after `经审查，`, the decision after `根据…的规定，`, and what is required. */
interface OutcomeWording {
  finding: string;
  decision: string;
  reasonsRequired: boolean;
  /** Printed after the decision: provision, or where to turn. */
  after?: (input: ReplyInput) => string | undefined;
}

const provided = (fallback: string) => (input: ReplyInput) => input.provisionZh?.trim() || fallback;
const optionalProvision = (input: ReplyInput) => input.provisionZh?.trim() || undefined;
const WITHHELD_DECISION = '本机关决定不予公开';

/** The wording of every outcome (2019 art. 36–39; the 2008 text cites its nearest articles). */
const OUTCOME_WORDING: Readonly<Record<string, OutcomeWording>> = {
  disclosed: { finding: '您申请公开的政府信息属于可以公开的政府信息', decision: '本机关决定予以公开', reasonsRequired: false, after: provided('相关政府信息随本答复书一并提供。') },
  partial: {
    finding: '您申请公开的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理',
    decision: '本机关决定向您提供可以公开的政府信息内容，其余内容不予公开',
    reasonsRequired: true,
    after: provided('可以公开的政府信息内容随本答复书一并提供。'),
  },
  'withheld-state-secret': { finding: '您申请公开的政府信息属于依法确定为国家秘密的政府信息', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-prohibited': { finding: '您申请公开的政府信息属于法律、行政法规禁止公开的政府信息', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-security': { finding: '您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-third-party': { finding: '您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-internal': { finding: '您申请公开的信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-process': { finding: '您申请公开的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-enforcement': { finding: '您申请公开的信息属于行政执法案卷信息', decision: WITHHELD_DECISION, reasonsRequired: true },
  'withheld-inquiry': {
    finding: '您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的行政查询事项',
    decision: '本机关不作为政府信息公开申请提供，请您依照有关法律、行政法规的规定办理',
    reasonsRequired: true,
    after: optionalProvision,
  },
  'unable-not-held': { finding: '经检索，本机关没有您申请公开的政府信息', decision: '告知您该政府信息不存在', reasonsRequired: false },
  'unable-needs-creation': { finding: '您申请公开的信息需要本机关对现有政府信息进行加工、分析才能形成，本机关没有现成信息', decision: '本机关不予提供', reasonsRequired: false },
  'unable-unclear': { finding: '您的申请经补正后，申请内容仍不明确，本机关无法确定您所需的政府信息', decision: '本机关无法提供', reasonsRequired: false },
  'not-processed-petition': {
    finding: '您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求',
    decision: '本机关不作为政府信息公开申请处理',
    reasonsRequired: false,
    after: () => '您可以通过信访、投诉、举报等相应渠道提出。',
  },
  'not-processed-repeat': { finding: '您重复申请公开本机关已经答复过的相同政府信息', decision: '本机关不予重复处理', reasonsRequired: false },
  'not-processed-publication': {
    finding: '您要求提供的是政府公报、报刊、书籍等公开出版物',
    decision: '本机关不作为政府信息公开申请处理',
    reasonsRequired: false,
    after: optionalProvision,
  },
  'not-processed-excessive': {
    finding: '您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，您说明的理由不合理',
    decision: '本机关不予处理',
    reasonsRequired: false,
  },
  'not-processed-confirmation': { finding: '您要求本机关确认或者重新出具您已经获取的政府信息', decision: '本机关不予处理', reasonsRequired: false },
  'other-no-clarification': {
    finding: '本机关已告知您对申请作出补正，您无正当理由逾期未补正，视为放弃申请',
    decision: '本机关不再处理该政府信息公开申请',
    reasonsRequired: false,
  },
  'other-unpaid-fee': {
    finding: '本机关已向您发出收费通知，您逾期未缴纳信息处理费，视为放弃申请',
    decision: '本机关不再处理该政府信息公开申请',
    reasonsRequired: false,
  },
  'other-other': { finding: '', decision: '', reasonsRequired: true },
};

/** The title of a reply: 告知书 when the requester's inaction decided the case, else 答复书. */
function replyTitle(outcome: RequestOutcome): string {
  return outcome.byLapse ? '政府信息公开申请告知书' : '政府信息公开申请答复书';
}

/** Appends `。` unless the text already ends a sentence. */
function sentence(text: string): string {
  return /[。！？；]$/.test(text) ? text : `${text}。`;
}

function renderReply(input: ReplyInput): ReplyDocumentModel {
  const issues = new Issues();
  const ruleSet = checkHeader(issues, input);
  issues.text('requesterName', input.requesterName, '申请人姓名或名称');
  issues.text('requestSummary', input.requestSummary, '申请公开的内容');
  const outcome = outcomeById(input.outcomeId);
  const wording = outcome ? OUTCOME_WORDING[outcome.id] : undefined;
  if (!outcome || !wording) {
    issues.add('outcomeId', `unknown outcome ${String(input.outcomeId)}`, '未知的办理结果');
  } else if (wording.reasonsRequired && (input.reasons ?? '').trim() === '') {
    issues.add('reasons', `the outcome ${outcome.id} requires reasons`, `“${outcome.labelZh}”须说明理由`);
  }
  if (input.responsibleAgency !== undefined) issues.text('responsibleAgency.name', input.responsibleAgency.name, '负责公开该信息的机关名称');
  const detail = input.answerDetail;
  if (outcome && detail !== undefined && ANSWER_DETAIL_OUTCOMES[detail] !== outcome.id) {
    issues.add('answerDetail', `${detail} goes with the outcome ${ANSWER_DETAIL_OUTCOMES[detail]} only`, `“${ANSWER_DETAIL_NAMES_ZH[detail]}”不适用于“${outcome.labelZh}”`);
  } else if (detail === 'already-public' && !input.provisionZh?.trim() && !input.reasons?.trim()) {
    issues.add('provisionZh', 'information already disclosed: say how and where to obtain it (art. 36(一))', '属于已主动公开范围的，须告知获取该政府信息的方式和途径');
  }
  issues.throwIfAny();
  if (!ruleSet || !outcome || !wording) throw new GongkaiError('VALIDATION_FAILED', 'unreachable: checked above');

  const articles = outcomeArticles(outcome, ruleSet);
  const legalBasisZh = articles === '' ? null : citeRegulationZh(articles);
  let reasons = input.reasons?.trim();
  const paragraphs = [openingZh(input)];
  let decision = wording.decision;
  let finding = wording.finding;
  const agency = input.responsibleAgency;
  let after = wording.after?.(input);
  if (outcome.id === 'unable-not-held' && (agency || detail === 'other-agency')) {
    // 2019 art. 36(五): not this agency's to disclose; the responsible one is named when known.
    finding = '经核查，您申请公开的政府信息不属于本机关负责公开';
    const contact = agency?.contact?.trim() ? `，联系方式：${agency.contact.trim()}` : '';
    decision = agency ? `告知您该政府信息由${agency.name.trim()}负责公开${contact}` : '';
  }
  if (detail === 'already-public') {
    // 2019 art. 36(一): already disclosed, so nothing is enclosed; the reply says where it is.
    finding = '经检索，您申请公开的政府信息已经主动公开';
    const how = input.provisionZh?.trim() || reasons || '';
    if (how === reasons) reasons = undefined;
    decision = `告知您获取该政府信息的方式和途径：${how.replace(/[。；;，,]+$/, '')}`;
    after = undefined;
  }
  const lead = finding.startsWith('经') || finding.startsWith('本机关') ? '' : '经审查，';
  if (outcome.id === 'other-other') {
    paragraphs.push(`经审查，${sentence(reasons ?? '')}`);
  } else {
    paragraphs.push(sentence(`${lead}${finding}`));
    if (reasons) paragraphs.push(`具体理由：${sentence(reasons)}`);
  }
  if (legalBasisZh) {
    paragraphs.push(`根据${legalBasisZh}的规定，${decision === '' ? '特此告知' : decision}。${after ? sentence(after) : ''}`);
  }
  const noun = outcome.byLapse ? '本告知' : '本答复';
  paragraphs.push(remedyZh(input.issuedOn, noun, input.reconsiderationBody, input.court));
  return {
    ...modelBase('reply', input, ruleSet),
    title: replyTitle(outcome),
    addressee: `${input.requesterName.trim()}：`,
    paragraphs,
    legalBasisZh,
    outcomeId: outcome.id,
  };
}

function renderClarification(input: ClarificationInput): ReplyDocumentModel {
  const issues = new Issues();
  const ruleSet = checkHeader(issues, input);
  issues.text('requesterName', input.requesterName, '申请人姓名或名称');
  issues.text('requestSummary', input.requestSummary, '申请公开的内容');
  const items = Array.isArray(input.items) ? input.items.map((i) => (typeof i === 'string' ? i.trim() : '')).filter((i) => i !== '') : [];
  if (items.length === 0) issues.add('items', 'at least one item to supply', '请列明需要补正的事项');
  if (items.length > 99) issues.add('items', 'at most 99 items', '最多列出99项');
  if (!Number.isInteger(input.periodWorkingDays) || input.periodWorkingDays < 1) {
    issues.add('periodWorkingDays', 'must be a positive number of working days', '补正期限应为正整数个工作日');
  }
  issues.date('supplyBy', input.supplyBy, '补正截止日期');
  issues.throwIfAny();
  if (!ruleSet) throw new GongkaiError('VALIDATION_FAILED', 'unreachable: checked above');

  const is2019 = ruleSet.id === 'regulations2019';
  const legalBasisZh = citeRegulationZh(is2019 ? '第三十条' : '第二十一条第（四）项');
  const paragraphs = [
    openingZh(input),
    `经审查，您的申请内容不明确。根据${legalBasisZh}的规定，请您对下列事项作出补正：`,
    ...items.map((item, i) => `（${numeralZh(i + 1)}）${item.replace(/[。；;，,.]+$/, '')}${i === items.length - 1 ? '。' : '；'}`),
    `请您于${formatDateZh(input.supplyBy)}前（自收到本告知书之日起${input.periodWorkingDays}个工作日内）向本机关提交补正后的申请。` +
      // The restart and the lapse are 2019 art. 30; the 2008 text has neither.
      (is2019 ? '答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。' : ''),
  ];
  return {
    ...modelBase('clarification', input, ruleSet),
    title: '政府信息公开申请补正告知书',
    addressee: `${input.requesterName.trim()}：`,
    paragraphs,
    legalBasisZh,
    outcomeId: null,
  };
}

function renderExtension(input: ExtensionInput): ReplyDocumentModel {
  const issues = new Issues();
  const ruleSet = checkHeader(issues, input);
  issues.text('requesterName', input.requesterName, '申请人姓名或名称');
  issues.text('requestSummary', input.requestSummary, '申请公开的内容');
  const reason = issues.text('reason', input.reason, '延期理由');
  const newDeadline = issues.date('newDeadline', input.newDeadline, '延长后的答复期限');
  const max = ruleSet?.maxExtensionWorkingDays ?? 20;
  if (!Number.isInteger(input.extensionWorkingDays) || input.extensionWorkingDays < 1 || input.extensionWorkingDays > max) {
    issues.add('extensionWorkingDays', `must be 1–${max} working days (${ruleSet?.extensionSource ?? '2019 art. 33 ¶2'})`, `延长期限应为1至${max}个工作日`);
  }
  if (newDeadline !== '' && typeof input.issuedOn === 'string' && newDeadline < input.issuedOn) {
    issues.add('newDeadline', 'before the date of the notice', '延长后的答复期限早于告知书日期');
  }
  issues.throwIfAny();
  if (!ruleSet) throw new GongkaiError('VALIDATION_FAILED', 'unreachable: checked above');

  const legalBasisZh = citeRegulationZh(ruleSet.id === 'regulations2019' ? '第三十三条第二款' : '第二十四条第二款');
  const paragraphs = [
    openingZh(input),
    `因${reason.replace(/[。，,]$/, '')}，本机关不能在法定期限内作出答复。经本机关政府信息公开工作机构负责人同意，根据${legalBasisZh}的规定，答复期限延长${input.extensionWorkingDays}个工作日，本机关将于${formatDateZh(newDeadline)}前作出答复。`,
  ];
  return {
    ...modelBase('extension', input, ruleSet),
    title: '政府信息公开延期答复告知书',
    addressee: `${input.requesterName.trim()}：`,
    paragraphs,
    legalBasisZh,
    outcomeId: null,
  };
}

function renderFeeNotice(input: FeeNoticeDocumentInput): ReplyDocumentModel {
  const issues = new Issues();
  const ruleSet = checkHeader(issues, input);
  issues.text('requesterName', input.requesterName, '申请人姓名或名称');
  issues.text('requestSummary', input.requestSummary, '申请公开的内容');
  if (ruleSet && ruleSet.id !== 'regulations2019') {
    // 109号 implements 2019 art. 42; requests under the 2008 text paid cost-based fees (RULES.md §1.10).
    issues.add('receivedOn', 'the information processing fee applies to requests under the 2019 text', '信息处理费仅适用于按2019年修订的《条例》办理的申请');
  }
  issues.throwIfAny();
  if (!ruleSet) throw new GongkaiError('VALIDATION_FAILED', 'unreachable: checked above');
  const body = feeNoticeText({ fee: input.fee, paymentMethodZh: input.paymentMethodZh, payBy: input.payBy });
  return {
    ...modelBase('fee-notice', input, ruleSet),
    title: '政府信息公开信息处理费收费通知书',
    addressee: `${input.requesterName.trim()}：`,
    paragraphs: [openingZh(input), ...body],
    legalBasisZh: input.fee.basisZh,
    outcomeId: null,
  };
}

function renderThirdPartyConsultation(input: ThirdPartyConsultationInput): ReplyDocumentModel {
  const issues = new Issues();
  const ruleSet = checkHeader(issues, input);
  const thirdParty = issues.text('thirdPartyName', input.thirdPartyName, '第三方姓名或名称');
  const summary = issues.text('requestSummary', input.requestSummary, '申请公开的内容');
  const concern = issues.text('concernZh', input.concernZh, '涉及第三方权益的情形');
  const replyBy = issues.date('replyBy', input.replyBy, '提出意见的截止日期');
  issues.throwIfAny();
  if (!ruleSet) throw new GongkaiError('VALIDATION_FAILED', 'unreachable: checked above');

  const is2019 = ruleSet.id === 'regulations2019';
  const legalBasisZh = citeRegulationZh(is2019 ? '第三十二条' : '第二十三条');
  const paragraphs = [
    `本机关于${formatDateZh(input.receivedOn)}收到政府信息公开申请，申请公开：“${summary}”。经审查，该政府信息${concern.replace(/[。，,]$/, '')}，公开可能损害第三方合法权益。根据${legalBasisZh}的规定，现书面征求您的意见。`,
    is2019
      ? `请您自收到本征求意见书之日起15个工作日内（即${formatDateZh(replyBy)}前）提出书面意见，说明是否同意公开；不同意公开的，请说明理由。`
      : `请您于${formatDateZh(replyBy)}前提出书面意见，说明是否同意公开；不同意公开的，请说明理由。`,
    is2019
      ? '逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。您不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您。'
      : '您不同意公开的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，应当予以公开，并将决定公开的政府信息内容和理由书面通知您。',
  ];
  return {
    ...modelBase('third-party-consultation', input, ruleSet),
    title: '政府信息公开征求意见书',
    addressee: `${thirdParty}：`,
    paragraphs,
    legalBasisZh,
    outcomeId: null,
  };
}

const RENDERERS: { [K in ReplyDocumentKind]: (input: ReplyDocumentInputs[K]) => ReplyDocumentModel } = {
  reply: renderReply,
  clarification: renderClarification,
  extension: renderExtension,
  'fee-notice': renderFeeNotice,
  'third-party-consultation': renderThirdPartyConsultation,
};

/**
 * Renders a document's model: title, salutation, paragraphs in Chinese, signature and date.
 * The regulation text cited is the one in force on `receivedOn` (2008 text before 2019-05-15).
 * @param kind which document
 * @param input the kind's input; dates `YYYY-MM-DD` China time
 * @throws GongkaiError `VALIDATION_FAILED` naming every bad field: a blank required text, a bad
 *   date, a receipt before 2008-05-01, an unknown outcome, a 不予公开 / 部分公开 / 其他 reply
 *   without reasons, a clarification without items, an extension beyond the rule set's maximum,
 *   a fee notice for no fee or for a request under the 2008 text
 */
export function renderReplyDocument<K extends ReplyDocumentKind>(kind: K, input: ReplyDocumentInputs[K]): ReplyDocumentModel {
  const render = RENDERERS[kind] as ((input: ReplyDocumentInputs[K]) => ReplyDocumentModel) | undefined;
  if (!render) {
    throw new GongkaiError('VALIDATION_FAILED', `unknown document kind ${String(kind)}`, {
      issues: [{ field: 'kind', message: 'unknown document kind', messageZh: '未知的文书种类' }],
    });
  }
  return render(input);
}

/** The outcome ids that have a reply template: every {@link REQUEST_OUTCOMES} id (checked by the tests). */
export const OUTCOMES_WITH_TEMPLATES: readonly string[] = REQUEST_OUTCOMES.map((o) => o.id).filter((id) => id in OUTCOME_WORDING);
