/**
 * Reply rate and reply time of mailbox messages (issue 6 item 1) for an organization, several
 * organizations or a subtree, over a period. Pure: the caller reads the records and passes the
 * calendar and today's date (the injected clock).
 *
 * Counting rules (ours; no national rule defines a mailbox's reply rate: UNVERIFIED):
 * - **received**: messages whose date of receipt is in `[from, to]` (both ends included);
 * - **replied**: of those, the ones with a reply, whatever its date (a December message answered in
 *   January counts as replied in the year it was received, so a year's rate is final once every
 *   message has been answered);
 * - **repliedOnTime**: replied on or before the due date;
 * - **replyRate** = replied / received, null when nothing was received;
 * - **averageReplyDays**: mean calendar days from receipt to reply over the replied ones (a reply
 *   on the day of receipt takes 0 days), null when none; **averageReplyWorkingDays** the same in
 *   working days (days after receipt up to and including the reply day, as deadlines count);
 * - **overdue**: of those received, the ones not replied whose due date is before today.
 */
import { toEpochDay, workingDaysBetween } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';

/** What the statistics read of one message. */
export interface MessageFigureRecord {
  organizationId: number;
  /** `YYYY-MM-DD` */
  receivedOn: string;
  /** `YYYY-MM-DD` */
  dueOn: string;
  /** `YYYY-MM-DD`, null while unanswered. */
  repliedOn: string | null;
}

/** The input of {@link messageStatistics}. */
export interface MessageStatisticsInput {
  messages: readonly MessageFigureRecord[];
  /** First day of the period, `YYYY-MM-DD`. */
  from: string;
  /** Last day of the period (included), `YYYY-MM-DD`. */
  to: string;
  /** Today (China time) by the injected clock: decides which unanswered messages are overdue. */
  today: string;
  /** Only these organizations (default: every message given). */
  organizationIds?: readonly number[];
}

/** The figures of a period. */
export interface MessageStatistics {
  received: number;
  replied: number;
  repliedOnTime: number;
  /** replied / received (0–1), null when none was received. */
  replyRate: number | null;
  /** Mean calendar days from receipt to reply, null when none was replied. */
  averageReplyDays: number | null;
  /** Mean working days from receipt to reply, null when none was replied. */
  averageReplyWorkingDays: number | null;
  overdue: number;
}

/**
 * The reply figures of the messages received in `[from, to]`.
 * @param calendar the working-day calendar (for the working-day average)
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when a replied message spans a year the calendar lacks
 */
export function messageStatistics(input: MessageStatisticsInput, calendar: WorkingDayCalendar): MessageStatistics {
  const only = input.organizationIds ? new Set(input.organizationIds) : null;
  let received = 0;
  let replied = 0;
  let repliedOnTime = 0;
  let overdue = 0;
  let days = 0;
  let workingDays = 0;
  for (const m of input.messages) {
    if (only && !only.has(m.organizationId)) continue;
    if (m.receivedOn < input.from || m.receivedOn > input.to) continue;
    received += 1;
    if (m.repliedOn === null) {
      if (m.dueOn < input.today) overdue += 1;
      continue;
    }
    replied += 1;
    if (m.repliedOn <= m.dueOn) repliedOnTime += 1;
    days += toEpochDay(m.repliedOn) - toEpochDay(m.receivedOn);
    workingDays += workingDaysBetween(calendar, m.receivedOn, m.repliedOn);
  }
  return {
    received,
    replied,
    repliedOnTime,
    replyRate: received === 0 ? null : replied / received,
    averageReplyDays: replied === 0 ? null : days / replied,
    averageReplyWorkingDays: replied === 0 ? null : workingDays / replied,
    overdue,
  };
}

/**
 * {@link messageStatistics} for each organization of the records, by organization id.
 * @throws GongkaiError `CALENDAR_YEAR_MISSING`
 */
export function messageStatisticsByOrganization(input: Omit<MessageStatisticsInput, 'organizationIds'>, calendar: WorkingDayCalendar): Map<number, MessageStatistics> {
  // One pass to group, then each organization's own messages only (the portal computes this per view).
  const byOrganization = new Map<number, (typeof input.messages)[number][]>();
  for (const m of input.messages) {
    const list = byOrganization.get(m.organizationId);
    if (list) list.push(m);
    else byOrganization.set(m.organizationId, [m]);
  }
  const ids = [...byOrganization.keys()].sort((a, b) => a - b);
  return new Map(ids.map((id) => [id, messageStatistics({ ...input, messages: byOrganization.get(id) ?? [], organizationIds: [id] }, calendar)]));
}

/** A reply rate as people read it: `87.5%` (one decimal, trailing `.0` dropped), `—` when there is none. */
export function formatReplyRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${String(Math.round(rate * 1000) / 10)}%`;
}

/** An average number of days with one decimal (`3.5`), `—` when there is none. */
export function formatAverageDays(value: number | null): string {
  if (value === null) return '—';
  return String(Math.round(value * 10) / 10);
}
