/**
 * Outcomes of a request: exactly the result rows of table 三 in the 2021 format (国办公开办函〔2021〕30号,
 * RULES.md §3.4), each with the article it rests on. A decided case has exactly one outcome; 区分处理
 * (art. 37) counts only as 部分公开. The ids are the table's row ids (src/reports/format/request-tables.ts),
 * so statistics map one to one. The 2019 format folds the three （六） rows into one (`other`).
 */

/** Outcome groups: the blocks （一）–（六） of table 三. */
export type OutcomeGroup = 'disclosed' | 'partial' | 'withheld' | 'unable' | 'not-processed' | 'other';

/** One outcome. */
export interface RequestOutcome {
  /** The table 三 (2021) row id. */
  id: string;
  group: OutcomeGroup;
  /** The row label, as printed. */
  labelZh: string;
  /** The article the decision rests on under the 2019 text, cited in the reply (告知书). */
  legalBasis2019: string;
  /** The nearest article under the 2008 text (for requests received before 2019-05-15). */
  legalBasis2008: string;
  /** Whether the decision is made by the requester's inaction (补正 or fee lapsed), not by a reply. */
  byLapse: boolean;
  /** Where the source is an inference, say so (RULES.md marks it UNVERIFIED). */
  unverified?: string;
}

/** Every outcome, in table order. */
export const REQUEST_OUTCOMES: readonly RequestOutcome[] = [
  { id: 'disclosed', group: 'disclosed', labelZh: '予以公开', legalBasis2019: '第三十六条第（一）项、第（二）项', legalBasis2008: '第二十一条第（一）项', byLapse: false },
  { id: 'partial', group: 'partial', labelZh: '部分公开', legalBasis2019: '第三十七条', legalBasis2008: '第二十二条', byLapse: false },
  { id: 'withheld-state-secret', group: 'withheld', labelZh: '不予公开：属于国家秘密', legalBasis2019: '第十四条、第三十六条第（三）项', legalBasis2008: '第十四条第四款、第二十一条第（二）项', byLapse: false },
  { id: 'withheld-prohibited', group: 'withheld', labelZh: '不予公开：其他法律行政法规禁止公开', legalBasis2019: '第十四条、第三十六条第（三）项', legalBasis2008: '第二十一条第（二）项', byLapse: false },
  { id: 'withheld-security', group: 'withheld', labelZh: '不予公开：危及“三安全一稳定”', legalBasis2019: '第十四条、第三十六条第（三）项', legalBasis2008: '第八条、第二十一条第（二）项', byLapse: false },
  { id: 'withheld-third-party', group: 'withheld', labelZh: '不予公开：保护第三方合法权益', legalBasis2019: '第十五条、第三十二条、第三十六条第（三）项', legalBasis2008: '第十四条第四款、第二十三条', byLapse: false },
  { id: 'withheld-internal', group: 'withheld', labelZh: '不予公开：属于三类内部事务信息', legalBasis2019: '第十六条第一款、第三十六条第（三）项', legalBasis2008: '第二条', byLapse: false, unverified: 'the 2008 text has no internal-affairs article; 第二条 (definition) is the usual citation' },
  { id: 'withheld-process', group: 'withheld', labelZh: '不予公开：属于四类过程性信息', legalBasis2019: '第十六条第二款、第三十六条第（三）项', legalBasis2008: '第二条', byLapse: false, unverified: 'the 2008 text has no process-information article' },
  { id: 'withheld-enforcement', group: 'withheld', labelZh: '不予公开：属于行政执法案卷', legalBasis2019: '第十六条第二款、第三十六条第（三）项', legalBasis2008: '第二条', byLapse: false, unverified: 'the 2008 text has no enforcement-file article' },
  { id: 'withheld-inquiry', group: 'withheld', labelZh: '不予公开：属于行政查询事项', legalBasis2019: '第三十六条第（七）项', legalBasis2008: '第二十一条', byLapse: false, unverified: 'RULES.md §1.7: row （三）8 maps to art. 36(七) by inference' },
  { id: 'unable-not-held', group: 'unable', labelZh: '无法提供：本机关不掌握相关政府信息', legalBasis2019: '第三十六条第（四）项、第（五）项', legalBasis2008: '第二十一条第（三）项、第（四）项', byLapse: false },
  { id: 'unable-needs-creation', group: 'unable', labelZh: '无法提供：没有现成信息需要另行制作', legalBasis2019: '第三十八条', legalBasis2008: '第二十一条第（四）项', byLapse: false },
  { id: 'unable-unclear', group: 'unable', labelZh: '无法提供：补正后申请内容仍不明确', legalBasis2019: '第三十条', legalBasis2008: '第二十一条第（四）项', byLapse: false },
  { id: 'not-processed-petition', group: 'not-processed', labelZh: '不予处理：信访举报投诉类申请', legalBasis2019: '第三十九条第一款', legalBasis2008: '第十三条', byLapse: false },
  { id: 'not-processed-repeat', group: 'not-processed', labelZh: '不予处理：重复申请', legalBasis2019: '第三十六条第（六）项', legalBasis2008: '第十三条', byLapse: false },
  { id: 'not-processed-publication', group: 'not-processed', labelZh: '不予处理：要求提供公开出版物', legalBasis2019: '第三十九条第二款', legalBasis2008: '第十三条', byLapse: false },
  { id: 'not-processed-excessive', group: 'not-processed', labelZh: '不予处理：无正当理由大量反复申请', legalBasis2019: '第三十五条', legalBasis2008: '第十三条', byLapse: false },
  { id: 'not-processed-confirmation', group: 'not-processed', labelZh: '不予处理：要求行政机关确认或重新出具已获取信息', legalBasis2019: '第三十六条第（六）项', legalBasis2008: '第十三条', byLapse: false, unverified: 'no article names this row; art. 36(六) is the nearest' },
  { id: 'other-no-clarification', group: 'other', labelZh: '其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', legalBasis2019: '第三十条', legalBasis2008: '第二十一条第（四）项', byLapse: true },
  { id: 'other-unpaid-fee', group: 'other', labelZh: '其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', legalBasis2019: '第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', legalBasis2008: '第二十七条', byLapse: true },
  { id: 'other-other', group: 'other', labelZh: '其他处理：其他', legalBasis2019: '', legalBasis2008: '', byLapse: false },
];

const BY_ID = new Map(REQUEST_OUTCOMES.map((o) => [o.id, o]));

/** The outcome with this id, or undefined. */
export function outcomeById(id: string): RequestOutcome | undefined {
  return BY_ID.get(id);
}

/** The outcomes a reply can state (those not reached by the requester's inaction). */
export const REPLY_OUTCOMES: readonly RequestOutcome[] = REQUEST_OUTCOMES.filter((o) => !o.byLapse);

/**
 * What a reply adds to its outcome that the 2014 statistics table counts apart but table 三 does not:
 * - `already-public`: a 予以公开 reply that points the requester to information already proactively
 *   disclosed (2019 art. 36 (一); 2008 art. 21 (一): 属于已主动公开范围 in the 2014 table);
 * - `other-agency`: a 本机关不掌握 reply because the information is another agency's to disclose
 *   (2019 art. 36 (五); 2008 art. 21 (三): 不属于本行政机关公开 in the 2014 table).
 */
export const ANSWER_DETAILS = ['already-public', 'other-agency'] as const;
/** An {@link ANSWER_DETAILS} value. */
export type AnswerDetail = (typeof ANSWER_DETAILS)[number];

/** The one outcome each answer detail may go with (both stay in their table 三 row). */
export const ANSWER_DETAIL_OUTCOMES: Readonly<Record<AnswerDetail, string>> = {
  'already-public': 'disclosed',
  'other-agency': 'unable-not-held',
};

/** Chinese labels of the answer details, as the decision form and case page print them. */
export const ANSWER_DETAIL_NAMES_ZH: Readonly<Record<AnswerDetail, string>> = {
  'already-public': '属于已主动公开范围（告知获取方式和途径）',
  'other-agency': '属于其他机关公开（告知负责机关）',
};

/** Whether a stored text is an answer detail (the `request_case.answer_detail` column is plain text). */
export function isAnswerDetail(value: unknown): value is AnswerDetail {
  return typeof value === 'string' && (ANSWER_DETAILS as readonly string[]).includes(value);
}
