/**
 * The vocabulary of a request for disclosure (依申请公开): who asked (the columns of table 三),
 * how the request arrived (2019 art. 29, 31), how the information is to be delivered (art. 40),
 * and where the case is (status, separate from the outcome of src/requests/request-outcome.ts).
 */

/**
 * Requester types: exactly the six requester columns of table 三 (RULES.md §3.4), with the ids the
 * report formats use (src/reports/format/request-tables.ts).
 */
export const REQUESTER_TYPES = ['natural', 'business', 'research', 'public-interest', 'legal-service', 'other'] as const;
/** A requester type. */
export type RequesterType = (typeof REQUESTER_TYPES)[number];
/** Chinese names of the requester types, as printed in table 三. */
export const REQUESTER_TYPE_NAMES_ZH: Record<RequesterType, string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  'public-interest': '社会公益组织',
  'legal-service': '法律服务机构',
  other: '其他法人或其他组织',
};

/** Channels a request can arrive by (2019 art. 29, 31; 国办公开办函〔2017〕19号 on accepted channels). */
export const CHANNELS = ['in-person', 'registered-post', 'ordinary-post', 'fax', 'online', 'email'] as const;
/** A channel. */
export type Channel = (typeof CHANNELS)[number];
/** Chinese names of the channels. */
export const CHANNEL_NAMES_ZH: Record<Channel, string> = {
  'in-person': '当面提交',
  'registered-post': '挂号信函（需签收）',
  'ordinary-post': '平常信函',
  fax: '传真',
  online: '互联网（在线申请）',
  email: '电子邮件',
};

/** The form of the information wanted (2019 art. 29 (三), art. 40). */
export const DELIVERY_FORMS = ['paper', 'electronic'] as const;
/** A delivery form. */
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
/** Chinese names of the delivery forms. */
export const DELIVERY_FORM_NAMES_ZH: Record<DeliveryForm, string> = { paper: '纸质文本', electronic: '电子文档' };

/** The way of delivery wanted (2019 art. 29 (三)). */
export const DELIVERY_METHODS = ['pickup', 'post', 'email', 'fax', 'online'] as const;
/** A delivery method. */
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
/** Chinese names of the delivery methods. */
export const DELIVERY_METHOD_NAMES_ZH: Record<DeliveryMethod, string> = {
  pickup: '当面领取',
  post: '邮寄',
  email: '电子邮件',
  fax: '传真',
  online: '网上获取',
};

/**
 * Where a case is (not what was decided: that is the outcome).
 * - `processing`: the reply clock runs;
 * - `awaiting-clarification`: a 补正 notice was sent, the clock waits for the requester (2019 art. 30);
 * - `in-consultation`: a third party or another agency is consulted, time excluded (art. 32–34);
 * - `awaiting-fee`: a fee notice was sent, waiting for payment (国办函〔2020〕109号);
 * - `answered`: the reply was made, not yet delivered;
 * - `delivered`: the reply reached the requester;
 * - `closed`: nothing more to do (delivered and closed, or lapsed, or withdrawn).
 */
export const CASE_STATUSES = ['processing', 'awaiting-clarification', 'in-consultation', 'awaiting-fee', 'answered', 'delivered', 'closed'] as const;
/** A case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Chinese names of the statuses. */
export const CASE_STATUS_NAMES_ZH: Record<CaseStatus, string> = {
  processing: '办理中',
  'awaiting-clarification': '等待申请人补正',
  'in-consultation': '征求意见中',
  'awaiting-fee': '等待缴纳信息处理费',
  answered: '已答复（待送达）',
  delivered: '已送达',
  closed: '已办结',
};

/** Statuses whose reply deadline still matters (the case is not yet decided). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['processing', 'awaiting-clarification', 'in-consultation', 'awaiting-fee'];

/** Who the case waits on, for the queue: the requester (补正, fee) or a consulted party. */
export type WaitingOn = 'requester' | 'third-party' | null;

/** Kinds of identity document of a natural person or organization. */
export const ID_KINDS = ['resident-id', 'passport', 'other-person', 'uscc', 'other-organization'] as const;
/** An identity document kind. */
export type IdKind = (typeof ID_KINDS)[number];
/** Chinese names of the identity document kinds. */
export const ID_KIND_NAMES_ZH: Record<IdKind, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'other-person': '其他有效身份证件',
  uscc: '统一社会信用代码',
  'other-organization': '其他组织机构代码',
};
