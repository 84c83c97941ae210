/**
 * Press conferences and online interviews, policy interpretations (政策解读) and responses to
 * public concerns (回应关切): the vocabulary of section 二 of the 2014 statistics table (RULES.md
 * §3.7, 国办发〔2014〕32号) and the checks one record must pass. Pure.
 *
 * A press event or an interpretation may name the concern response it answered
 * (`concernResponseId`): the 2014 table counts one hot topic once however many ways it was answered
 * (不同方式回应同一热点计1次, see engagement-statistics.ts).
 */
import { isIsoDate } from '../calendar/working-days.ts';
import type { ErrorIssue } from '../shared/errors.ts';

/** Kinds of press event: 新闻发布会 and 政府网站在线访谈 (2014 table 二 (二) 1–2). */
export const PRESS_EVENT_KINDS = ['press_conference', 'online_interview'] as const;
/** A press event kind. */
export type PressEventKind = (typeof PRESS_EVENT_KINDS)[number];
/** Chinese names of the kinds. */
export const PRESS_EVENT_KIND_NAMES_ZH: Readonly<Record<PressEventKind, string>> = {
  press_conference: '新闻发布会',
  online_interview: '在线访谈',
};

/** Forms of a policy interpretation. */
export const INTERPRETATION_FORMS = ['text', 'graphic', 'video', 'interview'] as const;
/** An interpretation form. */
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
/** Chinese names of the forms, as portals label them. */
export const INTERPRETATION_FORM_NAMES_ZH: Readonly<Record<InterpretationForm, string>> = {
  text: '文字',
  graphic: '图解',
  video: '视频',
  interview: '访谈',
};

/** Channels of a concern response: 2014 table 二 (二) 4 (微博微信) and 5 (其他方式: the rest). */
export const CONCERN_CHANNELS = ['weibo_wechat', 'website', 'press', 'media', 'other'] as const;
/** A concern response channel. */
export type ConcernChannel = (typeof CONCERN_CHANNELS)[number];
/** Chinese names of the channels. */
export const CONCERN_CHANNEL_NAMES_ZH: Readonly<Record<ConcernChannel, string>> = {
  weibo_wechat: '微博微信',
  website: '政府网站',
  press: '新闻发布',
  media: '广播电视报刊',
  other: '其他',
};

/** What is stored about one record besides its values. */
export interface RecordMeta {
  id: number;
  organizationId: number;
  /** Demo data, never real. */
  synthetic: boolean;
  createdBy: number | null;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

/** The user-entered fields of a press conference or online interview (dates `YYYY-MM-DD`, China time). */
export interface PressEventValues {
  kind: PressEventKind;
  heldOn: string;
  topic: string;
  /** Whether the organization's principal leader (主要负责同志) attended: counted separately. */
  principalLeaderAttended: boolean;
  /** Who spoke, free text. */
  speakers: string | null;
  /** The event's page (http or https). */
  url: string | null;
  /** The concern response it answered; that concern is then counted once (同一热点计1次). */
  concernResponseId: number | null;
  /** The catalog items it released or explained (ids, no duplicates). */
  itemIds: number[];
}

/** A stored press event. */
export interface PressEvent extends PressEventValues, RecordMeta {}

/** The user-entered fields of a policy interpretation. */
export interface InterpretationValues {
  /** The policy document it explains: a published catalog item. */
  policyItemId: number;
  title: string;
  form: InterpretationForm;
  /** Not before the policy's publication date. */
  publishedOn: string;
  url: string | null;
  /** The catalog item (genre `interpretation`) that carries it, when published as one. */
  interpretationItemId: number | null;
  concernResponseId: number | null;
}

/** A stored policy interpretation. */
export interface PolicyInterpretation extends InterpretationValues, RecordMeta {}

/** The user-entered fields of a response to a public concern. */
export interface ConcernResponseValues {
  topic: string;
  channel: ConcernChannel;
  respondedOn: string;
  summary: string | null;
  url: string | null;
}

/** A stored concern response. */
export interface ConcernResponse extends ConcernResponseValues, RecordMeta {}

const MAX_TOPIC = 200;
const MAX_SPEAKERS = 500;
const MAX_SUMMARY = 2000;
const MAX_URL = 1000;
/** More linked items than a press event plausibly releases is a typo. */
export const MAX_PRESS_EVENT_ITEMS = 50;

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function issue(field: string, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

/** Blank text becomes null; other text is trimmed. */
export function trimToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Checks a required text of at most `max` characters. */
function checkText(issues: ErrorIssue[], field: string, value: string, max: number, labelZh: string): void {
  if (value === '' || value.length > max) issues.push(issue(field, `${field} must be 1–${max} characters`, `${labelZh}不能为空，且不超过 ${max} 字`));
}

/** Checks an optional text of at most `max` characters. */
function checkOptionalText(issues: ErrorIssue[], field: string, value: string | null, max: number, labelZh: string): void {
  if (value !== null && value.length > max) issues.push(issue(field, `${field} must be at most ${max} characters`, `${labelZh}不超过 ${max} 字`));
}

/**
 * Checks a record's date: a real `YYYY-MM-DD`, not after today (a record of the future is a typo).
 * @returns whether the date is good
 */
function checkDate(issues: ErrorIssue[], field: string, value: string, today: string, labelZh: string): boolean {
  if (value === '') issues.push(issue(field, `${field} is required`, `请填写${labelZh}`));
  else if (!isIsoDate(value)) issues.push(issue(field, `${field} must be a date YYYY-MM-DD`, `${labelZh}应为 YYYY-MM-DD 格式的日期`));
  else if (value > today) issues.push(issue(field, `${field} must not be after ${today}`, `${labelZh}不能晚于今天（${today}）`));
  else return true;
  return false;
}

/**
 * Checks a link: http or https only, at most 1,000 characters. Anything else (`javascript:`,
 * relative paths) would be a hazard on the public portal, where the link is shown.
 */
function checkUrl(issues: ErrorIssue[], field: string, value: string | null): void {
  if (value === null) return;
  let ok = value.length <= MAX_URL;
  if (ok) {
    try {
      const parsed = new URL(value);
      ok = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      ok = false;
    }
  }
  if (!ok) issues.push(issue(field, `${field} must be an http(s) URL of at most ${MAX_URL} characters`, '链接应为以 http:// 或 https:// 开头的网址'));
}

function checkId(issues: ErrorIssue[], field: string, value: number | null, labelZh: string): void {
  if (value !== null && (!Number.isInteger(value) || value <= 0)) issues.push(issue(field, `${field} must be a positive integer`, `${labelZh}应为正整数编号`));
}

/**
 * Checks a press event (dates compared as text):
 * - kind known; topic 1–200 characters; speakers ≤ 500; url http(s);
 * - `heldOn` a real date, not after `today`;
 * - linked item ids positive, at most 50, no duplicates.
 * Whether the linked items and the concern response exist is the service's check.
 * @param today `YYYY-MM-DD` China time
 * @returns the problems, each naming its field (empty when valid)
 */
export function validatePressEvent(values: PressEventValues, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (!includes(PRESS_EVENT_KINDS, values.kind)) issues.push(issue('kind', `kind must be one of ${PRESS_EVENT_KINDS.join(', ')}`, '请选择类型（新闻发布会或在线访谈）'));
  checkDate(issues, 'heldOn', values.heldOn, today, '举办日期');
  checkText(issues, 'topic', values.topic, MAX_TOPIC, '主题');
  checkOptionalText(issues, 'speakers', values.speakers, MAX_SPEAKERS, '发布人或访谈嘉宾');
  checkUrl(issues, 'url', values.url);
  checkId(issues, 'concernResponseId', values.concernResponseId, '回应关切记录');
  if (values.itemIds.length > MAX_PRESS_EVENT_ITEMS) issues.push(issue('itemIds', `at most ${MAX_PRESS_EVENT_ITEMS} linked items`, `关联信息不超过 ${MAX_PRESS_EVENT_ITEMS} 条`));
  else if (values.itemIds.some((id) => !Number.isInteger(id) || id <= 0)) issues.push(issue('itemIds', 'itemIds must be positive integers', '关联信息应填写目录条目的编号'));
  else if (new Set(values.itemIds).size !== values.itemIds.length) issues.push(issue('itemIds', 'itemIds must not repeat', '关联信息有重复'));
  return issues;
}

/**
 * Checks a policy interpretation:
 * - form known; title 1–200 characters; url http(s);
 * - `publishedOn` a real date, not after `today`, and not before the policy's publication date
 *   (an interpretation cannot precede what it explains);
 * - the interpretation item, when given, is not the policy itself.
 * Whether the policy item is published and the interpretation item is of genre `interpretation`
 * is the service's check (it reads them).
 * @param policyPublicationDate the policy item's publication date, when known
 * @returns the problems, each naming its field (empty when valid)
 */
export function validateInterpretation(values: InterpretationValues, today: string, policyPublicationDate: string | null): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (!includes(INTERPRETATION_FORMS, values.form)) issues.push(issue('form', `form must be one of ${INTERPRETATION_FORMS.join(', ')}`, '请选择解读形式（文字、图解、视频或访谈）'));
  checkText(issues, 'title', values.title, MAX_TOPIC, '解读标题');
  checkUrl(issues, 'url', values.url);
  checkId(issues, 'interpretationItemId', values.interpretationItemId, '解读信息');
  checkId(issues, 'concernResponseId', values.concernResponseId, '回应关切记录');
  const good = checkDate(issues, 'publishedOn', values.publishedOn, today, '解读发布日期');
  if (good && policyPublicationDate !== null && values.publishedOn < policyPublicationDate) {
    issues.push(issue('publishedOn', `publishedOn must not be before the policy's publication date ${policyPublicationDate}`, `解读发布日期不能早于政策文件的发布日期（${policyPublicationDate}）`));
  }
  if (values.interpretationItemId !== null && values.interpretationItemId === values.policyItemId) {
    issues.push(issue('interpretationItemId', 'the interpretation item cannot be the policy itself', '解读信息不能是被解读的政策文件本身'));
  }
  return issues;
}

/**
 * Checks a concern response: topic 1–200 characters, channel known, `respondedOn` a real date not
 * after `today`, summary ≤ 2,000 characters, url http(s).
 * @returns the problems, each naming its field (empty when valid)
 */
export function validateConcernResponse(values: ConcernResponseValues, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  checkText(issues, 'topic', values.topic, MAX_TOPIC, '热点或关切事项');
  if (!includes(CONCERN_CHANNELS, values.channel)) issues.push(issue('channel', `channel must be one of ${CONCERN_CHANNELS.join(', ')}`, '请选择回应渠道'));
  checkDate(issues, 'respondedOn', values.respondedOn, today, '回应日期');
  checkOptionalText(issues, 'summary', values.summary, MAX_SUMMARY, '回应内容摘要');
  checkUrl(issues, 'url', values.url);
  return issues;
}

/** What a change to a press event may set (absent = unchanged; on creation absent = empty). */
export interface PressEventPatch {
  kind?: PressEventKind;
  heldOn?: string;
  topic?: string;
  principalLeaderAttended?: boolean;
  speakers?: string | null;
  url?: string | null;
  concernResponseId?: number | null;
  itemIds?: number[];
}

/** Creating a press event: the organization and the fields. */
export interface PressEventInput extends PressEventPatch {
  organizationId: number;
  kind: PressEventKind;
  heldOn: string;
  topic: string;
  synthetic?: boolean;
}

/** What a change to an interpretation may set. */
export interface InterpretationPatch {
  /** The policy item by id … */
  policyItemId?: number;
  /** … or by its 索引号 (used when `policyItemId` is absent). */
  policyIndexNumber?: string;
  title?: string;
  form?: InterpretationForm;
  publishedOn?: string;
  url?: string | null;
  interpretationItemId?: number | null;
  concernResponseId?: number | null;
}

/** Creating an interpretation: the organization and the fields (the policy by id or 索引号). */
export interface InterpretationInput extends InterpretationPatch {
  organizationId: number;
  title: string;
  form: InterpretationForm;
  publishedOn: string;
  synthetic?: boolean;
}

/** What a change to a concern response may set. */
export interface ConcernResponsePatch {
  topic?: string;
  channel?: ConcernChannel;
  respondedOn?: string;
  summary?: string | null;
  url?: string | null;
}

/** Creating a concern response. */
export interface ConcernResponseInput extends ConcernResponsePatch {
  organizationId: number;
  topic: string;
  channel: ConcernChannel;
  respondedOn: string;
  synthetic?: boolean;
}

/** Empty values a creation's input is applied to. */
export const EMPTY_PRESS_EVENT: PressEventValues = { kind: 'press_conference', heldOn: '', topic: '', principalLeaderAttended: false, speakers: null, url: null, concernResponseId: null, itemIds: [] };
/** Empty values a creation's input is applied to (the policy id is set by the service). */
export const EMPTY_INTERPRETATION: InterpretationValues = { policyItemId: 0, title: '', form: 'text', publishedOn: '', url: null, interpretationItemId: null, concernResponseId: null };
/** Empty values a creation's input is applied to. */
export const EMPTY_CONCERN_RESPONSE: ConcernResponseValues = { topic: '', channel: 'other', respondedOn: '', summary: null, url: null };

/** A press event's values with a patch applied: text trimmed, blank optional text null. */
export function applyPressEventPatch(base: PressEventValues, patch: PressEventPatch): PressEventValues {
  return {
    kind: patch.kind ?? base.kind,
    heldOn: patch.heldOn !== undefined ? patch.heldOn.trim() : base.heldOn,
    topic: patch.topic !== undefined ? patch.topic.trim() : base.topic,
    principalLeaderAttended: patch.principalLeaderAttended ?? base.principalLeaderAttended,
    speakers: patch.speakers !== undefined ? trimToNull(patch.speakers) : base.speakers,
    url: patch.url !== undefined ? trimToNull(patch.url) : base.url,
    concernResponseId: patch.concernResponseId !== undefined ? patch.concernResponseId : base.concernResponseId,
    itemIds: patch.itemIds !== undefined ? patch.itemIds : base.itemIds,
  };
}

/** An interpretation's values with a patch applied (the policy reference is resolved by the service). */
export function applyInterpretationPatch(base: InterpretationValues, patch: InterpretationPatch, policyItemId: number): InterpretationValues {
  return {
    policyItemId,
    title: patch.title !== undefined ? patch.title.trim() : base.title,
    form: patch.form ?? base.form,
    publishedOn: patch.publishedOn !== undefined ? patch.publishedOn.trim() : base.publishedOn,
    url: patch.url !== undefined ? trimToNull(patch.url) : base.url,
    interpretationItemId: patch.interpretationItemId !== undefined ? patch.interpretationItemId : base.interpretationItemId,
    concernResponseId: patch.concernResponseId !== undefined ? patch.concernResponseId : base.concernResponseId,
  };
}

/** A concern response's values with a patch applied. */
export function applyConcernResponsePatch(base: ConcernResponseValues, patch: ConcernResponsePatch): ConcernResponseValues {
  return {
    topic: patch.topic !== undefined ? patch.topic.trim() : base.topic,
    channel: patch.channel ?? base.channel,
    respondedOn: patch.respondedOn !== undefined ? patch.respondedOn.trim() : base.respondedOn,
    summary: patch.summary !== undefined ? trimToNull(patch.summary) : base.summary,
    url: patch.url !== undefined ? trimToNull(patch.url) : base.url,
  };
}
