/**
 * Mailbox messages (市长信箱 / 留言, issue 6 item 1): the states of a message, the transitions
 * staff may make, the reply deadline and the checks a public message must pass. Pure.
 *
 * States: `received` → `assigned` → `replied` → `published`. A message may be answered without a
 * formal assignment (`received` → `replied`); it may be reassigned while unanswered; a reply is
 * final; only a replied message whose writer agreed to publication (`publishConsent`) is published.
 *
 * The reply period is N working days counted like request deadlines (from the day after receipt,
 * src/calendar/working-days.ts), N = the organization's `message_reply_days`, else the installation's
 * `GONGKAI_MESSAGE_REPLY_DAYS` (default 10). UNVERIFIED: no national rule fixes a mailbox's reply
 * period; it is a local rule (many cities' 市长信箱 rules say 10 or 15 working days).
 */
import { randomInt } from 'node:crypto';
import { addWorkingDays, isIsoDate } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';

/** The states of a message, in workflow order. */
export const MESSAGE_STATUSES = ['received', 'assigned', 'replied', 'published'] as const;
/** A state of a message. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** Chinese names of the states, as the console and the tracking page show them. */
export const MESSAGE_STATUS_NAMES_ZH: Readonly<Record<MessageStatus, string>> = {
  received: '已收到',
  assigned: '办理中',
  replied: '已回复',
  published: '已公开',
};

/** Limits of the public form (characters). */
export const MESSAGE_LIMITS = { subject: 100, body: 2000, writerName: 50, contact: 100, reply: 5000 } as const;

/** Allowed reply periods (working days) an organization may set. */
export const MESSAGE_REPLY_DAYS_RANGE = { min: 1, max: 60 } as const;

/** A stored message (the writer's contact opened, when the reader may see it). */
export interface Message {
  id: number;
  organizationId: number;
  trackingCode: string;
  subject: string;
  body: string;
  writerName: string;
  /** Phone or e-mail as given; masked for readers without `messages.read_personal`. */
  writerContact: string;
  publishConsent: boolean;
  status: MessageStatus;
  /** ISO instant of receipt. */
  receivedAt: string;
  /** China-time date of receipt `YYYY-MM-DD`. */
  receivedOn: string;
  /** Reply deadline `YYYY-MM-DD`. */
  dueOn: string;
  assignedTo: number | null;
  assignedAt: string | null;
  reply: string | null;
  repliedAt: string | null;
  repliedOn: string | null;
  repliedBy: number | null;
  publishedAt: string | null;
  publishedBy: number | null;
  publicSubject: string | null;
  publicBody: string | null;
  synthetic: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the public writes (already trimmed). */
export interface MessageInput {
  organizationId: number;
  subject: string;
  body: string;
  writerName: string;
  /** A mobile or landline number, or an e-mail address. */
  writerContact: string;
  publishConsent: boolean;
}

function issue(field: string, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

const PHONE = /^(?:1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8}|\+?86-?1\d{10})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a contact is a phone number (mobile, landline with or without area code) or an e-mail address. */
export function isPhoneOrEmail(value: string): boolean {
  const v = value.trim();
  return PHONE.test(v.replace(/\s/g, '')) || EMAIL.test(v);
}

/**
 * The checks a public message must pass: subject 1–100 characters, body 1–2000, the writer's name
 * 1–50, a phone number or e-mail address. Lengths count characters (code points), as people do.
 * @returns field issues (empty when the input passes)
 */
export function messageInputIssues(input: Omit<MessageInput, 'organizationId' | 'publishConsent'>): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const length = (s: string): number => Array.from(s).length;
  const required = (field: 'subject' | 'body' | 'writerName', zh: string): void => {
    const value = input[field].trim();
    const max = MESSAGE_LIMITS[field];
    if (value === '') issues.push(issue(field, `${field} is required`, `请填写${zh}`));
    else if (length(value) > max) issues.push(issue(field, `${field} must be at most ${max} characters`, `${zh}不能超过 ${max} 个字`));
  };
  required('subject', '留言标题');
  required('body', '留言内容');
  required('writerName', '姓名');
  const contact = input.writerContact.trim();
  if (contact === '') issues.push(issue('writerContact', 'a phone number or e-mail address is required', '请填写联系电话或电子邮箱'));
  else if (length(contact) > MESSAGE_LIMITS.contact || !isPhoneOrEmail(contact)) issues.push(issue('writerContact', 'not a phone number or e-mail address', '联系方式应为手机号码、固定电话或电子邮箱'));
  return issues;
}

/**
 * The reply deadline: `days` working days after the date of receipt (the receipt day itself not
 * counted unless `countStartDay`, as for requests).
 * @param receivedOn `YYYY-MM-DD`
 * @param days working days, ≥ 1 (the organization's `message_reply_days` or the installation's default)
 * @returns `YYYY-MM-DD`
 * @throws GongkaiError `VALIDATION_FAILED` (not a date, days out of range), `CALENDAR_YEAR_MISSING`
 */
export function messageDueOn(calendar: WorkingDayCalendar, receivedOn: string, days: number, countStartDay = false): string {
  if (!isIsoDate(receivedOn)) throw new GongkaiError('VALIDATION_FAILED', 'receivedOn', { issues: [issue('receivedOn', 'not a date (YYYY-MM-DD)', '收到日期格式应为 YYYY-MM-DD')] });
  checkReplyDays(days);
  return addWorkingDays(calendar, receivedOn, days, { countStartDay });
}

/**
 * Throws unless `days` is a whole number of working days in {@link MESSAGE_REPLY_DAYS_RANGE}.
 * @throws GongkaiError `VALIDATION_FAILED` on `replyDays`
 */
export function checkReplyDays(days: number): void {
  const { min, max } = MESSAGE_REPLY_DAYS_RANGE;
  if (!Number.isInteger(days) || days < min || days > max) {
    throw new GongkaiError('VALIDATION_FAILED', 'replyDays', { issues: [issue('replyDays', `must be a whole number of working days from ${min} to ${max}`, `办理期限应为 ${min}–${max} 个工作日`)] });
  }
}

/** Whether the message has been answered (replied or published). */
export function isAnswered(status: MessageStatus): boolean {
  return status === 'replied' || status === 'published';
}

/**
 * Whether the message is overdue on `today`: not answered and its deadline has passed (the due
 * date itself is still in time).
 * @param today `YYYY-MM-DD`, from the injected clock
 */
export function isOverdue(m: Pick<Message, 'status' | 'dueOn'>, today: string): boolean {
  return !isAnswered(m.status) && m.dueOn < today;
}

/** The actions staff take on a message. */
export type MessageAction = 'assign' | 'reply' | 'publish';

/** The states each action may start from. */
export const MESSAGE_TRANSITIONS: Readonly<Record<MessageAction, readonly MessageStatus[]>> = {
  assign: ['received', 'assigned'],
  reply: ['received', 'assigned'],
  publish: ['replied'],
};

/** The state after each action. */
const TARGET: Readonly<Record<MessageAction, MessageStatus>> = { assign: 'assigned', reply: 'replied', publish: 'published' };

/**
 * The state after `action`. Publication needs the writer's consent whatever the state, so a
 * message without it is refused with the reason that will not go away by waiting.
 * @returns the new state
 * @throws GongkaiError `PUBLISH_CONSENT_MISSING` (publish without the writer's consent),
 *   `ILLEGAL_TRANSITION` (the action is not allowed in the current state)
 */
export function transitionMessage(m: Pick<Message, 'status' | 'publishConsent'>, action: MessageAction): MessageStatus {
  if (action === 'publish' && !m.publishConsent) throw new GongkaiError('PUBLISH_CONSENT_MISSING');
  if (!MESSAGE_TRANSITIONS[action].includes(m.status)) {
    throw new GongkaiError('ILLEGAL_TRANSITION', `${action} from ${m.status}`);
  }
  return TARGET[action];
}

/**
 * Checks a reply text: 1–5000 characters.
 * @throws GongkaiError `VALIDATION_FAILED` on `reply`
 */
export function checkReplyText(text: string): void {
  const t = text.trim();
  if (t === '') throw new GongkaiError('VALIDATION_FAILED', 'reply', { issues: [issue('reply', 'the reply is required', '请填写回复内容')] });
  if (Array.from(t).length > MESSAGE_LIMITS.reply) throw new GongkaiError('VALIDATION_FAILED', 'reply', { issues: [issue('reply', `at most ${MESSAGE_LIMITS.reply} characters`, `回复内容不能超过 ${MESSAGE_LIMITS.reply} 个字`)] });
}

/**
 * The published subject and body: the staff's edited text (personal data removed) or, when left
 * empty, the original.
 * @throws GongkaiError `VALIDATION_FAILED` (`publicSubject` over 100 characters, `publicBody` over 2000)
 */
export function publicText(m: Pick<Message, 'subject' | 'body'>, edited: { publicSubject?: string | undefined; publicBody?: string | undefined }): { publicSubject: string; publicBody: string } {
  const subject = edited.publicSubject?.trim() || m.subject;
  const body = edited.publicBody?.trim() || m.body;
  const issues: ErrorIssue[] = [];
  if (Array.from(subject).length > MESSAGE_LIMITS.subject) issues.push(issue('publicSubject', `at most ${MESSAGE_LIMITS.subject} characters`, `公开标题不能超过 ${MESSAGE_LIMITS.subject} 个字`));
  if (Array.from(body).length > MESSAGE_LIMITS.body) issues.push(issue('publicBody', `at most ${MESSAGE_LIMITS.body} characters`, `公开内容不能超过 ${MESSAGE_LIMITS.body} 个字`));
  if (issues.length > 0) throw new GongkaiError('VALIDATION_FAILED', issues.map((i) => i.field).join(', '), { issues });
  return { publicSubject: subject, publicBody: body };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A tracking code `XXXX-XXXX-XXXX` from 32 unambiguous characters (60 bits: not guessable), like requests'. */
export function newMessageTrackingCode(random: (max: number) => number = randomInt): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[random(CODE_ALPHABET.length)] ?? 'A');
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** A tracking code as typed (case, spaces, missing dashes) in its stored form, or null when it cannot be one. */
export function normalizeMessageTrackingCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[A-HJ-NP-Z2-9]{12}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
