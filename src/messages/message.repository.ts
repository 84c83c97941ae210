/**
 * Storage of mailbox messages (`message`) and of each organization's reply period
 * (`organization.message_reply_days`): the only file of src/messages/ that knows the tables.
 * Functions take a `Db` (handle or transaction); the caller owns the transaction. The writer's
 * contact is stored sealed: this file neither seals nor opens it (the service does).
 */
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Db, MessageTable } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import type { Message, MessageStatus } from './message.ts';
import type { MessageFigureRecord } from './message-statistics.ts';

/** The organization of a message: enough to authorize, show and compute the deadline. */
export interface MessageOrganization {
  id: number;
  name: string;
  /** Materialized path `/1/5/`. */
  path: string;
  /** The organization's reply period in working days; null = the installation's default. */
  messageReplyDays: number | null;
}

/** A message with its organization. */
export interface MessageWithOrganization {
  message: Message;
  organization: MessageOrganization;
}

type MessageRow = Selectable<MessageTable>;

/** Maps a row to the domain record (`status` is written only through the transition table). */
function rowToMessage(row: MessageRow): Message {
  return {
    id: row.id,
    organizationId: row.organization_id,
    trackingCode: row.tracking_code,
    subject: row.subject,
    body: row.body,
    writerName: row.writer_name,
    writerContact: row.writer_contact,
    publishConsent: row.publish_consent === 1,
    status: row.status as MessageStatus,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    assignedTo: row.assigned_to,
    assignedAt: row.assigned_at,
    reply: row.reply,
    repliedAt: row.replied_at,
    repliedOn: row.replied_on,
    repliedBy: row.replied_by,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    publicSubject: row.public_subject,
    publicBody: row.public_body,
    synthetic: row.synthetic === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ORGANIZATION_COLUMNS = ['id', 'name', 'path', 'message_reply_days'] as const;

function toOrganization(row: { id: number; name: string; path: string; message_reply_days: number | null }): MessageOrganization {
  return { id: row.id, name: row.name, path: row.path, messageReplyDays: row.message_reply_days };
}

/** The organization with `id`, or undefined. */
export async function findMessageOrganization(db: Db, id: number): Promise<MessageOrganization | undefined> {
  const row = await db.selectFrom('organization').select(ORGANIZATION_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toOrganization(row) : undefined;
}

/** Organizations in the given subtrees (null = all), in tree order. */
export async function listMessageOrganizations(db: Db, rootPaths: readonly string[] | null): Promise<MessageOrganization[]> {
  if (rootPaths !== null && rootPaths.length === 0) return [];
  let query = db.selectFrom('organization').select(ORGANIZATION_COLUMNS);
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  if (rootPaths !== null) query = query.where((eb) => eb.or(rootPaths.map((root) => eb('path', 'like', `${root}%`))));
  return (await query.orderBy('path').execute()).map(toOrganization);
}

/** Sets an organization's reply period (null = the installation's default). */
export async function updateOrganizationReplyDays(db: Db, id: number, days: number | null, now: string): Promise<void> {
  await db.updateTable('organization').set({ message_reply_days: days, updated_at: now }).where('id', '=', id).execute();
}

/** Whether a message already has this tracking code. */
export async function messageTrackingCodeExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('message').select('id').where('tracking_code', '=', code).executeTakeFirst()) !== undefined;
}

/** The columns of a new message. */
export interface NewMessageRow {
  organizationId: number;
  trackingCode: string;
  subject: string;
  body: string;
  writerName: string;
  /** Sealed. */
  writerContact: string;
  publishConsent: boolean;
  receivedAt: string;
  receivedOn: string;
  dueOn: string;
  synthetic: boolean;
  now: string;
}

/**
 * Inserts a message in state `received`.
 * @returns the stored message
 */
export async function insertMessage(db: Db, m: NewMessageRow): Promise<Message> {
  const row = await db
    .insertInto('message')
    .values({
      organization_id: m.organizationId,
      tracking_code: m.trackingCode,
      subject: m.subject,
      body: m.body,
      writer_name: m.writerName,
      writer_contact: m.writerContact,
      publish_consent: m.publishConsent ? 1 : 0,
      status: 'received',
      received_at: m.receivedAt,
      received_on: m.receivedOn,
      due_on: m.dueOn,
      synthetic: m.synthetic ? 1 : 0,
      created_at: m.now,
      updated_at: m.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToMessage(row);
}

/** What a staff action changes. */
export type MessageChange =
  | { kind: 'assign'; assignedTo: number; at: string }
  | { kind: 'reply'; reply: string; repliedOn: string; repliedBy: number | null; at: string }
  | { kind: 'publish'; publicSubject: string; publicBody: string; publishedBy: number | null; at: string };

/**
 * Applies a staff action, only if the message is still in `fromStatus` (a concurrent change makes
 * it a no-op, which the caller reports as a conflict).
 * @returns the message after the change, or undefined when its state had changed meanwhile
 */
export async function updateMessageRow(db: Db, id: number, fromStatus: MessageStatus, toStatus: MessageStatus, change: MessageChange): Promise<Message | undefined> {
  const columns =
    change.kind === 'assign'
      ? { assigned_to: change.assignedTo, assigned_at: change.at }
      : change.kind === 'reply'
        ? { reply: change.reply, replied_at: change.at, replied_on: change.repliedOn, replied_by: change.repliedBy }
        : { public_subject: change.publicSubject, public_body: change.publicBody, published_at: change.at, published_by: change.publishedBy };
  const row = await db
    .updateTable('message')
    .set({ ...columns, status: toStatus, updated_at: change.at })
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .returningAll()
    .executeTakeFirst();
  return row ? rowToMessage(row) : undefined;
}

const MESSAGE_COLUMNS = [
  'message.id',
  'message.organization_id',
  'message.tracking_code',
  'message.subject',
  'message.body',
  'message.writer_name',
  'message.writer_contact',
  'message.publish_consent',
  'message.status',
  'message.received_at',
  'message.received_on',
  'message.due_on',
  'message.assigned_to',
  'message.assigned_at',
  'message.reply',
  'message.replied_at',
  'message.replied_on',
  'message.replied_by',
  'message.published_at',
  'message.published_by',
  'message.public_subject',
  'message.public_body',
  'message.synthetic',
  'message.created_at',
  'message.updated_at',
] as const;

function selectWithOrganization(db: Db) {
  return db
    .selectFrom('message')
    .innerJoin('organization', 'organization.id', 'message.organization_id')
    .select([...MESSAGE_COLUMNS, 'organization.name as organization_name', 'organization.path as organization_path', 'organization.message_reply_days as organization_reply_days']);
}

function withOrganization(row: MessageRow & { organization_name: string; organization_path: string; organization_reply_days: number | null }): MessageWithOrganization {
  const { organization_name, organization_path, organization_reply_days, ...message } = row;
  return { message: rowToMessage(message), organization: { id: row.organization_id, name: organization_name, path: organization_path, messageReplyDays: organization_reply_days } };
}

/** The message with `id` and its organization, or undefined. */
export async function findMessageById(db: Db, id: number): Promise<MessageWithOrganization | undefined> {
  const row = await selectWithOrganization(db).where('message.id', '=', id).executeTakeFirst();
  return row ? withOrganization(row) : undefined;
}

/** The message with tracking code `code` (stored form `XXXX-XXXX-XXXX`) and its organization, or undefined. */
export async function findMessageByTrackingCode(db: Db, code: string): Promise<MessageWithOrganization | undefined> {
  const row = await selectWithOrganization(db).where('message.tracking_code', '=', code).executeTakeFirst();
  return row ? withOrganization(row) : undefined;
}

/** Which messages the staff queue lists. */
export interface MessageQueueFilter {
  /** Subtree roots (`/1/5/`) the messages' organizations must be in; null = everywhere, [] = nothing. */
  rootPaths: readonly string[] | null;
  status?: MessageStatus;
  /** Only unanswered messages due before this date (`YYYY-MM-DD`, today): the overdue ones. */
  overdueBefore?: string;
  /** At most this many (default 500). */
  limit?: number;
}

/** Messages of the subtrees for the staff queue: earliest due first, then oldest. */
export async function listMessageQueue(db: Db, filter: MessageQueueFilter): Promise<MessageWithOrganization[]> {
  const roots = filter.rootPaths;
  if (roots !== null && roots.length === 0) return [];
  let query = selectWithOrganization(db);
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('organization.path', 'like', `${root}%`))));
  if (filter.status !== undefined) query = query.where('message.status', '=', filter.status);
  if (filter.overdueBefore !== undefined) query = query.where('message.status', 'in', ['received', 'assigned']).where('message.due_on', '<', filter.overdueBefore);
  const rows = await query.orderBy('message.due_on').orderBy('message.id').limit(filter.limit ?? 500).execute();
  return rows.map(withOrganization);
}

/** A published exchange as the portal lists it. */
export interface PublishedMessageRow {
  id: number;
  organizationId: number;
  organizationName: string;
  writerName: string;
  publicSubject: string;
  publicBody: string;
  reply: string;
  receivedOn: string;
  repliedOn: string;
  publishedAt: string;
}

function publishedQuery(db: Db, organizationId: number | undefined) {
  let query = db.selectFrom('message').innerJoin('organization', 'organization.id', 'message.organization_id').where('message.status', '=', 'published');
  if (organizationId !== undefined) query = query.where('message.organization_id', '=', organizationId);
  return query;
}

/**
 * Published exchanges, newest publication first, one page.
 * @param organizationId only this organization's (not its subtree: a mailbox is one organization's)
 * @returns the page's rows and the total count
 */
export async function listPublishedMessages(db: Db, o: { organizationId?: number; limit: number; offset: number }): Promise<{ rows: PublishedMessageRow[]; total: number }> {
  const counted = await publishedQuery(db, o.organizationId).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await publishedQuery(db, o.organizationId)
    .select(['message.id', 'message.organization_id', 'organization.name', 'message.writer_name', 'message.public_subject', 'message.public_body', 'message.subject', 'message.body', 'message.reply', 'message.received_on', 'message.replied_on', 'message.published_at'])
    .orderBy('message.published_at', 'desc')
    .orderBy('message.id', 'desc')
    .limit(o.limit)
    .offset(o.offset)
    .execute();
  return {
    total: Number(counted.n),
    rows: rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.name,
      writerName: r.writer_name,
      publicSubject: r.public_subject ?? r.subject,
      publicBody: r.public_body ?? r.body,
      reply: r.reply ?? '',
      receivedOn: r.received_on,
      repliedOn: r.replied_on ?? '',
      publishedAt: r.published_at ?? '',
    })),
  };
}

/**
 * What the statistics read of the messages received in `[from, to]` by the given organizations
 * (or in the given subtrees).
 */
export async function selectMessageFigureRecords(db: Db, scope: { organizationIds: readonly number[] } | { rootPath: string }, from: string, to: string): Promise<MessageFigureRecord[]> {
  let query = db
    .selectFrom('message')
    .innerJoin('organization', 'organization.id', 'message.organization_id')
    .select(['message.organization_id', 'message.received_on', 'message.due_on', 'message.replied_on'])
    .where('message.received_on', '>=', from)
    .where('message.received_on', '<=', to);
  if ('rootPath' in scope) query = query.where('organization.path', 'like', `${scope.rootPath}%`);
  else if (scope.organizationIds.length === 0) return [];
  else query = query.where('message.organization_id', 'in', scope.organizationIds);
  const rows = await query.execute();
  return rows.map((r) => ({ organizationId: r.organization_id, receivedOn: r.received_on, dueOn: r.due_on, repliedOn: r.replied_on }));
}

/** The annual report's figures of one organization's mailbox. */
export interface MessageFigures {
  /** Messages received in the period. */
  received: number;
  /** Of those, answered (any date). */
  replied: number;
  /** Of those, answered on or before the due date. */
  repliedOnTime: number;
  /** Sum of calendar days from receipt to reply over the replied ones (average = total / replied). */
  replyDaysTotal: number;
}

/**
 * The mailbox figures of every organization of a subtree for messages received in `[from, to]`,
 * in one SQL aggregate (same counting as `messageStatistics`). Organizations without messages are
 * absent from the map.
 * @param rootPath the subtree's materialized path `/1/5/`
 * @returns organization id → figures
 */
export async function selectMessageFiguresBySubtree(db: Db, rootPath: string, from: string, to: string): Promise<Map<number, MessageFigures>> {
  // Date difference in days: dates are `YYYY-MM-DD` text in both dialects.
  const days =
    dialectOf(db) === 'postgres'
      ? sql<number>`(cast(message.replied_on as date) - cast(message.received_on as date))`
      : sql<number>`cast(julianday(message.replied_on) - julianday(message.received_on) as integer)`;
  const rows = await db
    .selectFrom('message')
    .innerJoin('organization', 'organization.id', 'message.organization_id')
    .where('organization.path', 'like', `${rootPath}%`)
    .where('message.received_on', '>=', from)
    .where('message.received_on', '<=', to)
    .select([
      'message.organization_id',
      (eb) => eb.fn.countAll<number | string>().as('received'),
      (eb) => eb.fn.count<number | string>('message.replied_on').as('replied'),
      sql<number | string>`sum(case when message.replied_on is not null and message.replied_on <= message.due_on then 1 else 0 end)`.as('on_time'),
      sql<number | string | null>`sum(case when message.replied_on is not null then ${days} else 0 end)`.as('days_total'),
    ])
    .groupBy('message.organization_id')
    .execute();
  return new Map(
    rows.map((r) => [r.organization_id, { received: Number(r.received), replied: Number(r.replied), repliedOnTime: Number(r.on_time ?? 0), replyDaysTotal: Number(r.days_total ?? 0) }]),
  );
}

/** A user who may be assigned a message. */
export interface AssignableUser {
  id: number;
  displayName: string;
}

/**
 * Active users holding one of `roles` over the organization at `organizationPath` (a grant on it or
 * on an organization above it), by name.
 */
export async function listAssignableUsers(db: Db, organizationPath: string, roles: readonly string[]): Promise<AssignableUser[]> {
  const rows = await db
    .selectFrom('app_user')
    .innerJoin('role_assignment', 'role_assignment.user_id', 'app_user.id')
    .innerJoin('organization', 'organization.id', 'role_assignment.organization_id')
    .select(['app_user.id', 'app_user.display_name'])
    .distinct()
    .where('app_user.active', '=', 1)
    .where('role_assignment.role', 'in', roles)
    .where(sql<boolean>`${organizationPath} like (organization.path || '%')`)
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
