/**
 * Transport shapes of the public request APIs: the deadline calculator (`GET /api/deadline`) and
 * tracking by code (`GET /api/requests/track/:code`), with the mapping from the services' results.
 */
import { z } from 'zod';
import type { DeadlineCalculation } from './deadline-calculator.ts';
import type { PublicTracking } from './request-portal.service.ts';

const text = z.string().max(200).optional();

/** The calculator's query: strings, checked by the service so errors name the query's fields. */
export const deadlineQuerySchema = z.object({
  /** Date of receipt, `YYYY-MM-DD` (2019 art. 31). */
  received: text.describe('date of receipt, YYYY-MM-DD (required)'),
  /** A channel id: its art. 31 rule is returned. */
  channel: text.describe('in-person | registered-post | ordinary-post | fax | online | email'),
  /** Date the clarified request was received (the clock restarts, 2019 art. 30). */
  clarified: text.describe('date the clarified request was received, YYYY-MM-DD'),
  /** Working days of an approved extension. */
  extension: text.describe('approved extension in working days (0–20; 0–15 under the 2008 text)'),
  /** Intervals not counted, `FROM..TO`; repeat the parameter for several. */
  excluded: z.union([z.string().max(100), z.array(z.string().max(100)).max(20)]).optional().describe('consultation interval FROM..TO, both ends included (repeatable)'),
});

const lineSchema = z.object({ zh: z.string(), en: z.string(), source: z.string().optional() });

const notableDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday', 'excluded']).describe('holiday: a weekday off; workday: a make-up working weekend day; excluded: inside an excluded interval'),
  name: z.string().nullable().describe('the holiday (made up for), from the calendar'),
  weekdayZh: z.string(),
});

/** The calculator's answer. */
export const deadlineResponseSchema = z.object({
  regulation: z.object({
    id: z.string().describe('regulations2008 | regulations2019: the text in force on the date of receipt'),
    nameZh: z.string(),
    replyWorkingDays: z.number(),
    replySource: z.string(),
    maxExtensionWorkingDays: z.number(),
    extensionSource: z.string(),
  }),
  input: z.object({
    received: z.string(),
    channel: z.string().nullable(),
    clarified: z.string().nullable(),
    extension: z.number(),
    excluded: z.array(z.object({ from: z.string(), to: z.string(), workingDays: z.number().describe('working days of the interval not counted') })),
  }),
  clockStartsAfter: z.string().describe('the day after which counting starts (receipt, or the clarified request)'),
  replyDue: z.string().describe('the deadline without extension'),
  finalDue: z.string().describe('the deadline with the extension'),
  workingDaysCounted: z.number(),
  receiptRule: z
    .object({ channel: z.string(), dateCounts: z.enum(['submitted', 'signed', 'confirmed', 'arrived']), ruleZh: z.string(), ruleEn: z.string(), source: z.string(), unverified: z.string().nullable() })
    .nullable()
    .describe('the 2019 art. 31 rule of the channel: which date is the date of receipt (null without a channel)'),
  notableDays: z.array(notableDaySchema),
  calendar: z.array(z.object({ year: z.number(), source: z.string() })).describe('the calendar years the count ran through and where their data comes from'),
  explanation: z.array(lineSchema),
  convention: lineSchema.extend({ unverified: z.literal(true) }),
});

/** Maps a calculation to its API shape. */
export function deadlineToApi(c: DeadlineCalculation): z.infer<typeof deadlineResponseSchema> {
  const r = c.result.ruleSet;
  return {
    regulation: { id: r.id, nameZh: r.nameZh, replyWorkingDays: r.replyWorkingDays, replySource: r.replySource, maxExtensionWorkingDays: r.maxExtensionWorkingDays, extensionSource: r.extensionSource },
    input: {
      received: c.input.receivedOn,
      channel: c.input.channel ?? null,
      clarified: c.input.clarifiedOn ?? null,
      extension: c.input.extensionWorkingDays ?? 0,
      excluded: (c.input.excluded ?? []).map((i, n) => ({ from: i.from, to: i.to, workingDays: c.excludedWorkingDays[n] ?? 0 })),
    },
    clockStartsAfter: c.result.clockStartsAfter,
    replyDue: c.result.replyDue,
    finalDue: c.result.finalDue,
    workingDaysCounted: c.result.workingDaysCounted,
    receiptRule: c.receiptRule ? { channel: c.receiptRule.channel, dateCounts: c.receiptRule.dateCounts, ruleZh: c.receiptRule.ruleZh, ruleEn: c.receiptRule.ruleEn, source: c.receiptRule.source, unverified: c.receiptRule.unverified ?? null } : null,
    notableDays: c.notableDays.map((d) => ({ date: d.date, kind: d.kind, name: d.name, weekdayZh: d.weekdayZh })),
    calendar: c.calendarYears,
    explanation: c.explanation.map((l) => ({ zh: l.zh, en: l.en, ...(l.source ? { source: l.source } : {}) })),
    convention: { zh: c.convention.zh, en: c.convention.en, ...(c.convention.source ? { source: c.convention.source } : {}), unverified: true },
  };
}

/** The tracking code in the path. */
export const trackParamsSchema = z.object({ code: z.string().max(40).describe('the tracking code (查询码), e.g. ABCD-EFGH-JKLM; case and dashes do not matter') });

/** What the public sees of a case: no personal data, no request text, no names of consulted parties or staff. */
export const trackingResponseSchema = z.object({
  trackingCode: z.string(),
  organizationName: z.string(),
  receivedOn: z.string(),
  status: z.string().describe('processing | awaiting-clarification | in-consultation | awaiting-fee | answered | delivered | closed'),
  statusZh: z.string(),
  outcome: z.string().nullable().describe('a row id of table 三 (2021 format), once decided'),
  outcomeZh: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  regulation: z.object({ id: z.string(), nameZh: z.string(), replyWorkingDays: z.number() }),
  clockStartsAfter: z.string().nullable(),
  replyDue: z.string().nullable().describe('null while a clarification is awaited'),
  finalDue: z.string().nullable().describe('with an approved extension'),
  provisional: z.boolean(),
  explanation: z.array(z.object({ on: z.string(), textZh: z.string(), textEn: z.string(), source: z.string() })),
  excluded: z.array(z.object({ from: z.string(), to: z.string(), reasonZh: z.string(), workingDays: z.number(), provisional: z.boolean() })),
  notableDays: z.array(notableDaySchema),
  calendarYears: z.array(z.number()),
  timeline: z.array(z.object({ on: z.string(), kind: z.string(), nameZh: z.string() })).describe('dates and event names only'),
});

/** Maps the tracking view to its API shape (field by field, so nothing else can slip out). */
export function trackingToApi(t: PublicTracking): z.infer<typeof trackingResponseSchema> {
  return {
    trackingCode: t.trackingCode,
    organizationName: t.organizationName,
    receivedOn: t.receivedOn,
    status: t.status,
    statusZh: t.statusZh,
    outcome: t.outcome,
    outcomeZh: t.outcomeZh,
    outcomeOn: t.outcomeOn,
    regulation: t.regulation,
    clockStartsAfter: t.clockStartsAfter,
    replyDue: t.replyDue,
    finalDue: t.finalDue,
    provisional: t.provisional,
    explanation: t.explanation,
    excluded: t.excluded,
    notableDays: t.notableDays,
    calendarYears: t.calendarYears,
    timeline: t.timeline,
  };
}
