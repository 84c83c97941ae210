/**
 * API schemas of mailbox messages (zod; they also generate /api/openapi.json) and the mapping of
 * the services' results to them, field by field, so nothing else can slip out.
 */
import { z } from 'zod';
import { recordIdSchema } from '../shared/record-id.ts';
import { MESSAGE_LIMITS, MESSAGE_REPLY_DAYS_RANGE, MESSAGE_STATUS_NAMES_ZH, MESSAGE_STATUSES } from './message.ts';
import type { MessageStatistics } from './message-statistics.ts';
import type { MessageOrganization } from './message.repository.ts';
import type { MessageStatisticsReport, MessageView, SubmittedMessage } from './message.service.ts';
import type { MessageTracking } from './message-portal.service.ts';

/** POST /api/messages body: a message to an organization's mailbox. */
export const submitMessageBodySchema = z.object({
  organizationId: recordIdSchema.describe('the organization whose mailbox receives the message'),
  /** 1–100 characters. */
  subject: z.string().max(1000).describe('subject, 1–100 characters'),
  /** 1–2000 characters. */
  body: z.string().max(20_000).describe('the message, 1–2000 characters'),
  /** The writer's name (masked on the portal). */
  writerName: z.string().max(1000).describe('the writer’s name, 1–50 characters'),
  /** A phone number or e-mail address (stored encrypted). */
  writerContact: z.string().max(1000).describe('a mobile or landline number, or an e-mail address'),
  /** The writer agrees that the exchange may be published (default false). */
  publishConsent: z.boolean().optional().describe('true when the writer agrees that the exchange may be published (同意公开)'),
  /** A honeypot: must be empty (people never see it on the form). */
  website: z.string().max(200).optional().describe('leave empty'),
});

/** POST /api/messages response. */
export const submittedMessageSchema = z.object({
  trackingCode: z.string().describe('the tracking code (查询码) to follow the message'),
  organizationName: z.string(),
  receivedOn: z.string(),
  dueOn: z.string().describe('the reply deadline (the organization’s reply period in working days)'),
});

/** Maps the submission result. */
export function submittedToApi(s: SubmittedMessage): z.infer<typeof submittedMessageSchema> {
  return { trackingCode: s.trackingCode, organizationName: s.organizationName, receivedOn: s.receivedOn, dueOn: s.dueOn };
}

/** The tracking code in the path. */
export const messageTrackParamsSchema = z.object({ code: z.string().max(40).describe('the tracking code, e.g. ABCD-EFGH-JKLM; case and dashes do not matter') });

const statusSchema = z.enum(MESSAGE_STATUSES).describe('received (已收到) | assigned (办理中) | replied (已回复) | published (已公开)');

/** What the writer sees by tracking code: no personal data. */
export const messageTrackingSchema = z.object({
  trackingCode: z.string(),
  organizationName: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  status: statusSchema,
  statusZh: z.string(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  publishedId: z.number().int().nullable().describe('the id of the published exchange (/messages/{id}), once published'),
});

/** Maps the tracking view. */
export function trackingToApi(t: MessageTracking): z.infer<typeof messageTrackingSchema> {
  return {
    trackingCode: t.trackingCode,
    organizationName: t.organizationName,
    receivedOn: t.receivedOn,
    dueOn: t.dueOn,
    status: t.status,
    statusZh: MESSAGE_STATUS_NAMES_ZH[t.status],
    reply: t.reply,
    repliedOn: t.repliedOn,
    publishedId: t.publishedId,
  };
}

/** A message as staff see it. */
export const messageSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  trackingCode: z.string(),
  subject: z.string(),
  body: z.string(),
  writerName: z.string().describe('masked (张**) without messages.read_personal'),
  writerContact: z.string().describe('masked without messages.read_personal'),
  personalDataMasked: z.boolean(),
  publishConsent: z.boolean(),
  status: statusSchema,
  receivedAt: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean().describe('unanswered and past the due date (today, China time)'),
  assignedTo: z.number().int().nullable(),
  assignedAt: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedBy: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.number().int().nullable(),
  publicSubject: z.string().nullable(),
  publicBody: z.string().nullable(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Maps a staff view of a message. */
export function messageToApi(v: MessageView): z.infer<typeof messageSchema> {
  const m = v.message;
  return {
    id: m.id,
    organizationId: m.organizationId,
    organizationName: v.organization.name,
    trackingCode: m.trackingCode,
    subject: m.subject,
    body: m.body,
    writerName: m.writerName,
    writerContact: m.writerContact,
    personalDataMasked: v.masked,
    publishConsent: m.publishConsent,
    status: m.status,
    receivedAt: m.receivedAt,
    receivedOn: m.receivedOn,
    dueOn: m.dueOn,
    overdue: v.overdue,
    assignedTo: m.assignedTo,
    assignedAt: m.assignedAt,
    reply: m.reply,
    repliedAt: m.repliedAt,
    repliedOn: m.repliedOn,
    repliedBy: m.repliedBy,
    publishedAt: m.publishedAt,
    publishedBy: m.publishedBy,
    publicSubject: m.publicSubject,
    publicBody: m.publicBody,
    synthetic: m.synthetic,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** GET /api/messages query. */
export const messageListQuerySchema = z.object({
  /** Only this organization's subtree. */
  organizationId: recordIdSchema.optional(),
  status: statusSchema.optional(),
  /** `true`: only unanswered messages past their due date. */
  overdue: z.enum(['true', 'false']).optional().describe('true: only overdue messages'),
});

/** GET /api/messages response. */
export const messageListSchema = z.object({ messages: z.array(messageSchema) });

/** POST /api/messages/{id}/assign body. */
export const assignBodySchema = z.object({ userId: recordIdSchema.describe('a user with a messages.handle role over the message’s organization') });

/** POST /api/messages/{id}/reply body. */
export const replyBodySchema = z.object({ reply: z.string().max(50_000).describe(`the reply, 1–${MESSAGE_LIMITS.reply} characters`) });

/** POST /api/messages/{id}/publish body. */
export const publishBodySchema = z.object({
  publicSubject: z.string().max(1000).optional().describe('the subject as published (personal data removed); default the original'),
  publicBody: z.string().max(20_000).optional().describe('the message as published (personal data removed); default the original'),
});

/** GET /api/messages/statistics query. */
export const statisticsQuerySchema = z.object({
  organizationId: recordIdSchema,
  from: z.string().max(10).describe('first day of receipt counted, YYYY-MM-DD'),
  to: z.string().max(10).describe('last day of receipt counted (included), YYYY-MM-DD'),
  subtree: z.enum(['true', 'false']).optional().describe('true: sum the organization and everything below it'),
});

const figuresSchema = z.object({
  received: z.number().int().describe('messages received in the period'),
  replied: z.number().int().describe('of those, answered (any date)'),
  repliedOnTime: z.number().int().describe('answered on or before the due date'),
  replyRate: z.number().nullable().describe('replied / received (0–1); null when none received'),
  averageReplyDays: z.number().nullable().describe('mean calendar days from receipt to reply'),
  averageReplyWorkingDays: z.number().nullable().describe('mean working days from receipt to reply'),
  overdue: z.number().int().describe('unanswered and past the due date today'),
});

/** GET /api/messages/statistics response. */
export const statisticsSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  from: z.string(),
  to: z.string(),
  subtree: z.boolean(),
  statistics: figuresSchema,
});

function figuresToApi(s: MessageStatistics): z.infer<typeof figuresSchema> {
  return { received: s.received, replied: s.replied, repliedOnTime: s.repliedOnTime, replyRate: s.replyRate, averageReplyDays: s.averageReplyDays, averageReplyWorkingDays: s.averageReplyWorkingDays, overdue: s.overdue };
}

/** Maps a statistics report. */
export function statisticsToApi(r: MessageStatisticsReport): z.infer<typeof statisticsSchema> {
  return { organizationId: r.organization.id, organizationName: r.organization.name, from: r.from, to: r.to, subtree: r.subtree, statistics: figuresToApi(r.statistics) };
}

/** The organization in the path of the settings route. */
export const settingsParamsSchema = z.object({ organizationId: recordIdSchema });

/** PUT /api/messages/settings/{organizationId} body. */
export const settingsBodySchema = z.object({
  replyDays: z
    .number()
    .int()
    .nullable()
    .describe(`the reply period in working days (${MESSAGE_REPLY_DAYS_RANGE.min}–${MESSAGE_REPLY_DAYS_RANGE.max}); null = the installation’s default (GONGKAI_MESSAGE_REPLY_DAYS)`),
});

/** PUT /api/messages/settings/{organizationId} response. */
export const settingsSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  replyDays: z.number().int().nullable().describe('the organization’s own period; null = the default'),
  effectiveReplyDays: z.number().int().describe('the period new messages get'),
});

/** Maps an organization's settings. */
export function settingsToApi(org: MessageOrganization, defaultDays: number): z.infer<typeof settingsSchema> {
  return { organizationId: org.id, organizationName: org.name, replyDays: org.messageReplyDays, effectiveReplyDays: org.messageReplyDays ?? defaultDays };
}
