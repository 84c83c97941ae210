/**
 * The public side of mailbox messages (issue 6 item 1): tracking by code and the portal's published
 * exchanges with each organization's reply figures. What the public sees is cut down here: status,
 * dates and the reply by code; the published subject and body as staff cleaned them, with the
 * writer's name masked (张**); never the writer's contact.
 */
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { maskName } from '../requests/personal-data.ts';
import { today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { normalizeMessageTrackingCode } from './message.ts';
import type { MessageStatus } from './message.ts';
import { messageStatisticsByOrganization } from './message-statistics.ts';
import type { MessageStatistics } from './message-statistics.ts';
import { findMessageById, findMessageByTrackingCode, listMessageOrganizations, listPublishedMessages, selectMessageFigureRecords } from './message.repository.ts';
import type { MessageOrganization, PublishedMessageRow } from './message.repository.ts';

/** A message as its writer sees it by tracking code: no personal data, no staff names. */
export interface MessageTracking {
  trackingCode: string;
  organizationName: string;
  receivedOn: string;
  dueOn: string;
  status: MessageStatus;
  reply: string | null;
  repliedOn: string | null;
  /** The id of the published exchange on the portal, or null. */
  publishedId: number | null;
}

/**
 * What the writer sees by tracking code (查询码).
 * Permission: `messages.submit_public` (public: the code is the writer's proof).
 * @throws GongkaiError `NOT_FOUND` for an unknown or malformed code (the two look the same)
 */
export async function trackMessage(ctx: ServiceContext, actor: Actor, rawCode: string): Promise<MessageTracking> {
  authorize(actor, 'messages.submit_public');
  const code = normalizeMessageTrackingCode(rawCode);
  const found = code ? await findMessageByTrackingCode(ctx.store.db, code) : undefined;
  if (!found) throw new GongkaiError('NOT_FOUND', 'tracking code');
  const m = found.message;
  return {
    trackingCode: m.trackingCode,
    organizationName: found.organization.name,
    receivedOn: m.receivedOn,
    dueOn: m.dueOn,
    status: m.status,
    reply: m.reply,
    repliedOn: m.repliedOn,
    publishedId: m.status === 'published' ? m.id : null,
  };
}

/** One organization's public figures of the current year. */
export interface PublicReplyFigures {
  organizationId: number;
  organizationName: string;
  statistics: MessageStatistics;
}

/** A page of published exchanges with the year's figures per organization. */
export interface PublishedMessagePage {
  rows: PublishedMessageRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The current year (China time). */
  year: number;
  /** Organizations that received messages this year, in tree order. */
  figures: PublicReplyFigures[];
  /** Every organization, for the filter and the form. */
  organizations: MessageOrganization[];
}

/** Published exchanges per portal page. */
export const PUBLISHED_PAGE_SIZE = 20;

/**
 * The portal's list: published exchanges, newest first, with the writer's name masked, and each
 * organization's reply rate and average reply time for the current year (messages received from
 * Jan 1 to today).
 * Permission: `messages.read_published` (public).
 * @param q `page` from 1; `organizationId` filters the exchanges (not the figures)
 * @throws GongkaiError `CALENDAR_YEAR_MISSING`
 */
export async function publishedMessages(ctx: ServiceContext, actor: Actor, q: { organizationId?: number; page?: number } = {}): Promise<PublishedMessagePage> {
  authorize(actor, 'messages.read_published');
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const day = today(ctx.clock);
  const year = Number(day.slice(0, 4));
  const db = ctx.store.db;
  const organizations = await listMessageOrganizations(db, null);
  const { rows, total } = await listPublishedMessages(db, { ...(q.organizationId !== undefined ? { organizationId: q.organizationId } : {}), limit: PUBLISHED_PAGE_SIZE, offset: (page - 1) * PUBLISHED_PAGE_SIZE });
  const records = await selectMessageFigureRecords(db, { rootPath: '/' }, `${day.slice(0, 4)}-01-01`, day);
  const byOrg = messageStatisticsByOrganization({ messages: records, from: `${day.slice(0, 4)}-01-01`, to: day, today: day }, await loadCalendar(ctx));
  const figures = organizations.flatMap((o) => {
    const statistics = byOrg.get(o.id);
    return statistics ? [{ organizationId: o.id, organizationName: o.name, statistics }] : [];
  });
  return { rows: rows.map((r) => ({ ...r, writerName: maskName(r.writerName, true) })), total, page, pageSize: PUBLISHED_PAGE_SIZE, year, figures, organizations };
}

/**
 * One published exchange for the portal (the writer's name masked).
 * Permission: `messages.read_published` (public).
 * @throws GongkaiError `NOT_FOUND` (no such message, or not published)
 */
export async function getPublishedMessage(ctx: ServiceContext, actor: Actor, id: number): Promise<PublishedMessageRow> {
  authorize(actor, 'messages.read_published');
  const found = Number.isInteger(id) && id > 0 ? await findMessageById(ctx.store.db, id) : undefined;
  const m = found?.message;
  if (!found || !m || m.status !== 'published') throw new GongkaiError('NOT_FOUND', `message ${id}`);
  return {
    id: m.id,
    organizationId: found.organization.id,
    organizationName: found.organization.name,
    writerName: maskName(m.writerName, true),
    publicSubject: m.publicSubject ?? m.subject,
    publicBody: m.publicBody ?? m.body,
    reply: m.reply ?? '',
    receivedOn: m.receivedOn,
    repliedOn: m.repliedOn ?? '',
    publishedAt: m.publishedAt ?? '',
  };
}

